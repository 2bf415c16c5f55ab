"""Heart-to-heart talks (谈心谈话): talks and the members talked with.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
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
        "talk",
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("by_member_id", sa.String(36), nullable=True),
        sa.Column("by_name", sa.String(64), nullable=False),
        sa.Column("form", sa.String(32), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["org_id"], ["organisation.id"], name="fk_talk_org_id_organisation"),
        sa.ForeignKeyConstraint(["by_member_id"], ["member.id"], name="fk_talk_by_member_id_member"),
        sa.PrimaryKeyConstraint("id", name="pk_talk"),
    )
    op.create_index("ix_talk_org_id", "talk", ["org_id"])
    op.create_index("ix_talk_held_on", "talk", ["held_on"])
    op.create_index("ix_talk_by_member_id", "talk", ["by_member_id"])
    op.create_index("ix_talk_change_seq", "talk", ["change_seq"])
    op.create_table(
        "talk_member",
        sa.Column("talk_id", sa.String(36), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["talk_id"], ["talk.id"], name="fk_talk_member_talk_id_talk"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name="fk_talk_member_member_id_member"),
        sa.PrimaryKeyConstraint("id", name="pk_talk_member"),
    )
    op.create_index("ix_talk_member_talk_id", "talk_member", ["talk_id"])
    op.create_index("ix_talk_member_member_id", "talk_member", ["member_id"])
    op.create_index("ix_talk_member_change_seq", "talk_member", ["change_seq"])


def downgrade() -> None:
    op.drop_table("talk_member")
    op.drop_table("talk")
