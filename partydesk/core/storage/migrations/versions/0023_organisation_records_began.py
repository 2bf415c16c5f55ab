"""The day an organisation's own file began its records, on its organisation row (``organisation.records_began``):
it travels upward with the organisation record, and the committee reckons the branch's meetings from it as the
branch does (a branch that began in December does not owe January to November there either).

- Every row starts unknown. A file's own organisation row takes its day as an ordinary local change (stamped,
  so it is sent) when the file next exports a package (``settings_repo.note_records_began``); the branches'
  rows in a committee's file take theirs from the branches' packages.
- Every organisation row's ``row_hash`` is recomputed, since the rows have a new column.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-04
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The hash as storage/rowhash.py computes it when this migration ships (as migration 0010 wrote it out);
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
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("records_began", sa.Date(), nullable=True))
    _rehash(op.get_bind(), "organisation")


def downgrade() -> None:
    with op.batch_alter_table("organisation", recreate="never") as batch:
        batch.drop_column("records_began")
    _rehash(op.get_bind(), "organisation")
