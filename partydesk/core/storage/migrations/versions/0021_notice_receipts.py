"""Read receipts of notices: an office that opens a received notice makes a synced record of it (and marks on
it when it has done what the notice asks, 已办理), which its next upward package carries to the office that
wrote the notice.

The notice id is not a foreign key: a receipt may arrive where the notice is no longer held (a committee file
restored from a backup older than the notice), and that must not refuse the branch's whole package. Reads from
before this revision stay local: they were never recorded as receipts and are not invented here (a receipt's
time is when the office read it).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notice_receipt",
        sa.Column("notice_id", sa.String(36), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("owner_site", sa.String(36), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("row_hash", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_notice_receipt"),
    )
    op.create_index("ix_notice_receipt_notice_id", "notice_receipt", ["notice_id"])
    op.create_index("ix_notice_receipt_change_seq", "notice_receipt", ["change_seq"])


def downgrade() -> None:
    op.drop_table("notice_receipt")
