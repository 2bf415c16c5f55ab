"""The workbench: the finding_dismissal table (a to-do dismissed or snoozed, with its reason) and the
covering index ix_member_structure its member counts read.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not imported: a migration keeps the shape it shipped with.
STRUCTURE_COLUMNS = ("deleted", "in_branch", "category", "gender", "ethnicity", "education", "party_group",
                     "birth_date", "confirmed_on", "joined_on", "name", "id_number")


def upgrade() -> None:
    op.create_table(
        "finding_dismissal",
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("code", "subject", name="pk_finding_dismissal"),
    )
    op.create_index("ix_member_structure", "member", list(STRUCTURE_COLUMNS))


def downgrade() -> None:
    op.drop_index("ix_member_structure", table_name="member")
    op.drop_table("finding_dismissal")
