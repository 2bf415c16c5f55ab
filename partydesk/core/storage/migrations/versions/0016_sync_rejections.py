"""Rejected packages in the exchange ledger: file, sender (when readable), reason, time and who.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_rejection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(260), nullable=False),
        sa.Column("file_size", sa.Integer(), nullable=False),
        sa.Column("org_code", sa.String(32), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.Column("rejected_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_rejection"),
    )
    op.create_index("ix_sync_rejection_rejected_at", "sync_rejection", ["rejected_at"])


def downgrade() -> None:
    op.drop_index("ix_sync_rejection_rejected_at", table_name="sync_rejection")
    op.drop_table("sync_rejection")
