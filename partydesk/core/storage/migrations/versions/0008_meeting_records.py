"""Meeting records: agenda items, motions with their votes, and content-addressed attachments.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
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


def _child(name: str, *columns: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("meeting_id", sa.String(36), nullable=False),
        *columns,
        *_sync_columns(),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name=f"fk_{name}_meeting_id_meeting"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
    )
    op.create_index(f"ix_{name}_meeting_id", name, ["meeting_id"])
    op.create_index(f"ix_{name}_change_seq", name, ["change_seq"])


def upgrade() -> None:
    _child("meeting_agenda_item",
           sa.Column("position", sa.Integer(), nullable=False),
           sa.Column("text", sa.String(500), nullable=False))
    _child("meeting_motion",
           sa.Column("position", sa.Integer(), nullable=False),
           sa.Column("title", sa.String(500), nullable=False),
           sa.Column("votes_for", sa.Integer(), nullable=False),
           sa.Column("votes_against", sa.Integer(), nullable=False),
           sa.Column("votes_abstaining", sa.Integer(), nullable=False))
    _child("meeting_attachment",
           sa.Column("sha256", sa.String(64), nullable=False),
           sa.Column("name", sa.String(255), nullable=False),
           sa.Column("mime", sa.String(100), nullable=False),
           sa.Column("size", sa.Integer(), nullable=False))
    op.create_index("ix_meeting_attachment_sha256", "meeting_attachment", ["sha256"])


def downgrade() -> None:
    op.drop_table("meeting_attachment")
    op.drop_table("meeting_motion")
    op.drop_table("meeting_agenda_item")
