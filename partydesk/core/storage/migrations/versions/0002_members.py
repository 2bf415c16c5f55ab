"""Member roster: members and their dated events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
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
    ]


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("name_pinyin", sa.String(256), nullable=False),
        sa.Column("gender", sa.String(2), nullable=False),
        sa.Column("ethnicity", sa.String(4), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_type", sa.String(2), nullable=False),
        sa.Column("id_number", sa.String(32), nullable=False),
        sa.Column("education", sa.String(4), nullable=False),
        sa.Column("category", sa.String(2), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("confirmed_on", sa.Date(), nullable=True),
        sa.Column("party_group", sa.String(64), nullable=False),
        sa.Column("party_post", sa.String(4), nullable=False),
        sa.Column("work_post", sa.String(4), nullable=False),
        sa.Column("work_unit", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("native_place", sa.String(64), nullable=False),
        sa.Column("membership_status", sa.String(4), nullable=False),
        sa.Column("lost_contact", sa.Boolean(), nullable=False),
        sa.Column("lost_since", sa.Date(), nullable=True),
        sa.Column("lost_cause", sa.String(4), nullable=False),
        sa.Column("migrant", sa.Boolean(), nullable=False),
        sa.Column("migrant_destination", sa.String(200), nullable=False),
        sa.Column("migrant_since", sa.Date(), nullable=True),
        sa.Column("in_branch", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("deleted_reason", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["org_id"], ["organisation.id"], name="fk_member_org_id_organisation"),
        sa.PrimaryKeyConstraint("id", name="pk_member"),
    )
    op.create_index("ix_member_org_id", "member", ["org_id"])
    op.create_index("ix_member_id_number", "member", ["id_number"])
    op.create_index("ix_member_change_seq", "member", ["change_seq"])
    op.create_table(
        "member_event",
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=True),
        sa.Column("detail", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name="fk_member_event_member_id_member"),
        sa.PrimaryKeyConstraint("id", name="pk_member_event"),
    )
    op.create_index("ix_member_event_member_id", "member_event", ["member_id"])
    op.create_index("ix_member_event_change_seq", "member_event", ["change_seq"])


def downgrade() -> None:
    op.drop_table("member_event")
    op.drop_table("member")
