"""Records an import refused, remembered on both sides (``sync_refusal``): the receiving office tells the
sender which of its records it refused and why, in its next package; the sender shows them on its board and
sends them again until they are taken. Before this revision a refused record was only listed in the import's
report at the receiving office, and the sender, once its package was acknowledged, never sent it again.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_refusal",
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("peer_site", sa.String(36), nullable=False),
        sa.Column("record_type", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("version", sa.String(80), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("from_seq", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("direction", "peer_site", "record_type", "record_id", name="pk_sync_refusal"),
    )


def downgrade() -> None:
    op.drop_table("sync_refusal")
