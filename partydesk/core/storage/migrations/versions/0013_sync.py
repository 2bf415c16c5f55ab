"""The exchange's bookkeeping: registered sites and keys, the package ledger, the conflict queue.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_peer",
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("org_code", sa.String(32), nullable=False),
        sa.Column("org_name", sa.String(200), nullable=False),
        sa.Column("relation", sa.String(8), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("registered_by", sa.String(64), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("next_channel_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("site_id", name="pk_sync_peer"),
    )
    op.create_index("ix_sync_peer_org_code", "sync_peer", ["org_code"])
    op.create_table(
        "sync_peer_key",
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("signing_public", sa.String(64), nullable=False),
        sa.Column("encryption_public", sa.String(64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name="pk_sync_peer_key"),
    )
    op.create_index("ix_sync_peer_key_site_id", "sync_peer_key", ["site_id"])
    op.create_table(
        "sync_package",
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("peer_site", sa.String(36), nullable=False),
        sa.Column("channel_seq", sa.Integer(), nullable=False),
        sa.Column("covers_to", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=False),
        sa.Column("handled_by", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("gap", sa.Text(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("acked", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name="pk_sync_package"),
        sa.UniqueConstraint("direction", "peer_site", "channel_seq",
                            name="uq_sync_package_direction_peer_site_channel_seq"),
    )
    op.create_index("ix_sync_package_peer_site", "sync_package", ["peer_site"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("local_version", sa.String(64), nullable=False),
        sa.Column("incoming", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_conflict"),
    )
    op.create_index("ix_sync_conflict_record_id", "sync_conflict", ["record_id"])


def downgrade() -> None:
    op.drop_table("sync_conflict")
    op.drop_table("sync_package")
    op.drop_table("sync_peer_key")
    op.drop_table("sync_peer")
