"""Row hashes: every synced row carries the SHA-256 of its content, so silent damage is found.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("organisation", "member", "member_event")


# The hash as storage/rowhash.py computed it when this migration shipped; written out here, not imported,
# so the migration stays as it was even if that module changes later.
def _stored(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _digest(table: str, items: list[tuple[str, object]]) -> str:
    pairs = sorted(((k, _stored(v)) for k, v in items if k != "row_hash"), key=lambda kv: kv[0])
    payload = json.dumps([table, pairs], ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("row_hash", sa.String(64), nullable=True))
    bind = op.get_bind()
    for table in TABLES:
        rows = bind.exec_driver_sql(f'SELECT * FROM "{table}"')
        names = list(rows.keys())
        updates = [{"h": _digest(table, list(zip(names, row, strict=True))), "i": row[names.index("id")]}
                   for row in rows.fetchall()]
        if updates:
            bind.execute(sa.text(f'UPDATE "{table}" SET row_hash = :h WHERE id = :i'), updates)


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_hash")
