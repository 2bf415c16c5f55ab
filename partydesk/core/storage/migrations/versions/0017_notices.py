"""Notices sent down by a committee, their attachments, the addresses of downward records, read state.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sync_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("owner_site", sa.String(36), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("row_hash", sa.String(64), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "notice",
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("issued", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_notice"),
    )
    op.create_index("ix_notice_issued", "notice", ["issued"])
    op.create_index("ix_notice_change_seq", "notice", ["change_seq"])
    op.create_table(
        "notice_attachment",
        sa.Column("notice_id", sa.String(36), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("mime", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["notice_id"], ["notice.id"], name="fk_notice_attachment_notice_id_notice"),
        sa.PrimaryKeyConstraint("id", name="pk_notice_attachment"),
    )
    op.create_index("ix_notice_attachment_notice_id", "notice_attachment", ["notice_id"])
    op.create_index("ix_notice_attachment_sha256", "notice_attachment", ["sha256"])
    op.create_index("ix_notice_attachment_change_seq", "notice_attachment", ["change_seq"])
    op.create_table(
        "downward_target",
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("added_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("record_type", "record_id", "site_id", name="pk_downward_target"),
    )
    op.create_index("ix_downward_target_site_id", "downward_target", ["site_id"])
    op.create_table(
        "notice_read",
        sa.Column("notice_id", sa.String(36), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=False),
        sa.Column("read_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("notice_id", name="pk_notice_read"),
    )


def downgrade() -> None:
    op.drop_table("notice_read")
    op.drop_table("downward_target")
    op.drop_table("notice_attachment")
    op.drop_table("notice")
