"""Corrections against a base version and key notices for downward packages; revocation reasons.

Revision ID: 0015
Revises: 0013
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_correction",
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("owner_site", sa.String(36), nullable=False),
        sa.Column("base_version", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("direction", "record_type", "record_id", name="pk_sync_correction"),
    )
    op.create_index("ix_sync_correction_owner_site", "sync_correction", ["owner_site"])
    op.create_table(
        "sync_key_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("signed_by", sa.String(32), nullable=False),
        sa.Column("peer_site", sa.String(36), nullable=False),
        sa.Column("from_seq", sa.Integer(), nullable=False),
        sa.Column("body", sa.String(2000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_key_notice"),
    )
    op.create_index("ix_sync_key_notice_peer_site", "sync_key_notice", ["peer_site"])
    op.create_table(
        "sync_key_revocation",
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name="pk_sync_key_revocation"),
    )
    op.create_index("ix_sync_key_revocation_site_id", "sync_key_revocation", ["site_id"])


def downgrade() -> None:
    op.drop_table("sync_key_revocation")
    op.drop_table("sync_key_notice")
    op.drop_table("sync_correction")
