"""Initial schema: this installation, organisations and the rule table.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(36), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("organisation_id", sa.String(36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("hlc_last", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_site"),
    )
    op.create_table(
        "organisation",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("org_type", sa.String(32), nullable=False),
        sa.Column("parent_id", sa.String(36), nullable=True),
        sa.Column("secretary", sa.String(64), nullable=False),
        sa.Column("contact", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("owner_site", sa.String(36), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["organisation.id"], name="fk_organisation_parent_id_organisation"),
        sa.PrimaryKeyConstraint("id", name="pk_organisation"),
    )
    op.create_index("ix_organisation_code", "organisation", ["code"])
    op.create_index("ix_organisation_change_seq", "organisation", ["change_seq"])
    op.create_table(
        "rule",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("default_value", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_rule"),
    )


def downgrade() -> None:
    op.drop_table("rule")
    op.drop_index("ix_organisation_change_seq", table_name="organisation")
    op.drop_index("ix_organisation_code", table_name="organisation")
    op.drop_table("organisation")
    op.drop_table("site")
