"""Dates known to the day, the month or the year: a precision column beside every member date.

- ``member.<date>_precision`` for 出生日期, 入党日期, 转正日期, 参加工作日期, 失去联系日期 and 外出日期, and
  ``member_event.on_date_precision``: "day", "month" or "year". The date column keeps the first day of a
  month or year known only that far. Every existing row is known to the day (the program accepted
  nothing less before), so the columns start as "day".
- Every member and member_event row's ``row_hash`` is recomputed, since the rows have new columns.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MEMBER_DATES = ("birth_date", "joined_on", "confirmed_on", "work_started_on", "lost_since", "migrant_since")
COLUMNS = {"member": tuple(f"{d}_precision" for d in MEMBER_DATES), "member_event": ("on_date_precision",)}


# The hash as storage/rowhash.py computed it when this migration shipped (the same as migration 0004's);
# written out here, not imported, so the migration stays as it was even if that module changes later.
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


def _rehash(bind: sa.Connection, table: str) -> None:
    rows = bind.exec_driver_sql(f'SELECT * FROM "{table}"')
    names = list(rows.keys())
    updates = [{"h": _digest(table, list(zip(names, row, strict=True))), "i": row[names.index("id")]}
               for row in rows.fetchall()]
    if updates:
        bind.execute(sa.text(f'UPDATE "{table}" SET row_hash = :h WHERE id = :i'), updates)


def upgrade() -> None:
    # Plain ADD COLUMNs (no table rebuild, which the member_event foreign key would refuse); the model
    # declares the same server default, so a new file and an upgraded one have the same columns.
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name in columns:
                batch.add_column(sa.Column(name, sa.String(5), nullable=False, server_default="day"))
        _rehash(op.get_bind(), table)


def downgrade() -> None:
    """Drops the columns; a month or a year becomes its first day (the precision is lost)."""
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, recreate="never") as batch:
            for name in reversed(columns):
                batch.drop_column(name)
        _rehash(op.get_bind(), table)
