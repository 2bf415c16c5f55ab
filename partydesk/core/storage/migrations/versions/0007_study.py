"""Study and training (学习教育): activities, credited hours, certifications and the materials library.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
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
        "study_activity",
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("form_code", sa.String(16), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("organiser", sa.String(200), nullable=False),
        sa.Column("hours_tenths", sa.Integer(), nullable=False),
        sa.Column("basis", sa.String(64), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("individual", sa.Boolean(), nullable=False),
        sa.Column("meeting_id", sa.String(36), nullable=True),
        sa.Column("evidence_sha", sa.String(64), nullable=False),
        sa.Column("evidence_name", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["org_id"], ["organisation.id"], name="fk_study_activity_org_id_organisation"),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name="fk_study_activity_meeting_id_meeting"),
        sa.PrimaryKeyConstraint("id", name="pk_study_activity"),
        sa.UniqueConstraint("meeting_id", name="uq_study_activity_meeting_id"),
    )
    op.create_index("ix_study_activity_org_id", "study_activity", ["org_id"])
    op.create_index("ix_study_activity_form_code", "study_activity", ["form_code"])
    op.create_index("ix_study_activity_start_on", "study_activity", ["start_on"])
    op.create_index("ix_study_activity_change_seq", "study_activity", ["change_seq"])
    op.create_table(
        "study_credit",
        sa.Column("activity_id", sa.String(36), nullable=False),
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("tenths", sa.Integer(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["activity_id"], ["study_activity.id"],
                                name="fk_study_credit_activity_id_study_activity"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name="fk_study_credit_member_id_member"),
        sa.PrimaryKeyConstraint("id", name="pk_study_credit"),
        sa.UniqueConstraint("activity_id", "member_id", "year", name="uq_study_credit_activity_id_member_id_year"),
    )
    op.create_index("ix_study_credit_activity_id", "study_credit", ["activity_id"])
    op.create_index("ix_study_credit_member_id", "study_credit", ["member_id"])
    op.create_index("ix_study_credit_ledger", "study_credit", ["year", "member_id", "deleted", "tenths", "activity_id"])
    op.create_index("ix_study_credit_change_seq", "study_credit", ["change_seq"])
    op.create_table(
        "certification",
        sa.Column("member_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("issuer", sa.String(200), nullable=False),
        sa.Column("obtained_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name="fk_certification_member_id_member"),
        sa.PrimaryKeyConstraint("id", name="pk_certification"),
    )
    op.create_index("ix_certification_member_id", "certification", ["member_id"])
    op.create_index("ix_certification_name", "certification", ["name"])
    op.create_index("ix_certification_expires_on", "certification", ["expires_on"])
    op.create_index("ix_certification_change_seq", "certification", ["change_seq"])
    op.create_table(
        "study_material",
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("tags", sa.String(200), nullable=False),
        sa.Column("dated", sa.Date(), nullable=True),
        sa.Column("file_sha", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("link", sa.String(500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_study_material"),
    )
    op.create_index("ix_study_material_dated", "study_material", ["dated"])
    op.create_index("ix_study_material_change_seq", "study_material", ["change_seq"])


def downgrade() -> None:
    op.drop_table("study_material")
    op.drop_table("certification")
    op.drop_table("study_credit")
    op.drop_table("study_activity")
