"""Meetings (三会一课 and the rest): meetings, their attendance and their 列席 guests.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
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
        "meeting",
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("type_code", sa.String(32), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("end_time", sa.String(5), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("chair", sa.String(64), nullable=False),
        sa.Column("recorder", sa.String(64), nullable=False),
        sa.Column("lecturer", sa.String(64), nullable=False),
        sa.Column("party_group", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["org_id"], ["organisation.id"], name="fk_meeting_org_id_organisation"),
        sa.PrimaryKeyConstraint("id", name="pk_meeting"),
    )
    op.create_index("ix_meeting_org_id", "meeting", ["org_id"])
    op.create_index("ix_meeting_type_code", "meeting", ["type_code"])
    op.create_index("ix_meeting_held_on", "meeting", ["held_on"])
    op.create_index("ix_meeting_change_seq", "meeting", ["change_seq"])
    op.create_table(
        "meeting_attendance",
        sa.Column("meeting_id", sa.String(36), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("voting", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_meeting_attendance_meeting_id_meeting"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name="fk_meeting_attendance_member_id_member"),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_attendance"),
    )
    op.create_index("ix_meeting_attendance_meeting_id", "meeting_attendance", ["meeting_id"])
    op.create_index("ix_meeting_attendance_member_id", "meeting_attendance", ["member_id"])
    op.create_index("ix_meeting_attendance_change_seq", "meeting_attendance", ["change_seq"])
    op.create_table(
        "meeting_guest",
        sa.Column("meeting_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_meeting_guest_meeting_id_meeting"),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_guest"),
    )
    op.create_index("ix_meeting_guest_meeting_id", "meeting_guest", ["meeting_id"])
    op.create_index("ix_meeting_guest_change_seq", "meeting_guest", ["change_seq"])


def downgrade() -> None:
    op.drop_table("meeting_guest")
    op.drop_table("meeting_attendance")
    op.drop_table("meeting")
