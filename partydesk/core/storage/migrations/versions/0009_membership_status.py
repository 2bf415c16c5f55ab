"""党籍状态 apart from the reason a member left the roll (减员原因).

- ``member.left_reason`` (减员原因 code, "" while on the roll) and ``member.left_on`` are added.
- A member stored with one of the old flat 党籍状态 codes for leaving (31 自行脱党, 32 除名, 33 开除党籍,
  34 退党, 40 取消预备党员资格, 50 死亡) gets 党籍状态 正常 and the matching reason (23 自行脱党除名,
  22 劝而不退除名, 25 开除党籍, 24 退党除名, 26 取消预备党员资格, 1 死亡), dated by the event that recorded
  it; a member transferred out gets reason 3 转出. ``in_branch`` (在册) is true exactly when there is none.
- Events are kept as they are: the domain reads an old ``status`` event the same way.
- Every member row's ``row_hash`` is recomputed, since the row now has two more columns.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Old 党籍状态 code -> 减员原因, written out here (not imported) so the migration stays as it shipped.
LEGACY = {"31": "23", "32": "22", "33": "25", "34": "24", "40": "26", "50": "1"}
TRANSFERRED = "3"
NORMAL = "10"
# The event kinds that recorded each way of leaving.
LEAVING_EVENTS = ("status", "death", "probation_cancelled")


# The hash as storage/rowhash.py computed it when this migration shipped (as in migrations 0004, 0005).
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


def _last_dates(bind: sa.Connection) -> dict[tuple[str, str], object]:
    """(member id, kind) -> the latest live event date of that kind."""
    rows = bind.exec_driver_sql(
        "SELECT member_id, kind, MAX(on_date) FROM member_event WHERE deleted = 0 GROUP BY member_id, kind")
    return {(r[0], r[1]): r[2] for r in rows}


def _migrated(row: dict[str, object], last: dict[tuple[str, str], object]) -> dict[str, object]:
    out = dict(row)
    status = str(row["membership_status"] or "")
    member_id = str(row["id"])
    if status in LEGACY:
        out["membership_status"], out["left_reason"] = NORMAL, LEGACY[status]
        dates = [last.get((member_id, kind)) for kind in LEAVING_EVENTS]
        known = [d for d in dates if d is not None]
        out["left_on"] = max(known) if known else None  # type: ignore[type-var]
    elif not row["in_branch"]:
        out["left_reason"], out["left_on"] = TRANSFERRED, last.get((member_id, "transfer_out"))
    out["in_branch"] = not out["left_reason"]
    return out


def _rehash(bind: sa.Connection, recode: bool) -> None:
    last = _last_dates(bind) if recode else {}
    rows = bind.exec_driver_sql('SELECT * FROM "member"')
    names = list(rows.keys())
    updates = []
    for values in rows.fetchall():
        row = dict(zip(names, values, strict=True))
        out = _migrated(row, last) if recode else row
        updates.append({"i": row["id"], "s": out["membership_status"], "b": bool(out["in_branch"]),
                        "r": out.get("left_reason", ""), "o": out.get("left_on"),
                        "h": _digest("member", list(out.items()))})
    if not updates:
        return
    if recode:
        bind.execute(sa.text('UPDATE "member" SET membership_status = :s, in_branch = :b, left_reason = :r, '
                             "left_on = :o, row_hash = :h WHERE id = :i"), updates)
    else:
        bind.execute(sa.text('UPDATE "member" SET row_hash = :h WHERE id = :i'), updates)


def upgrade() -> None:
    # Plain ADD COLUMNs (no table rebuild, which the member_event foreign key would refuse).
    with op.batch_alter_table("member", recreate="never") as batch:
        batch.add_column(sa.Column("left_reason", sa.String(4), nullable=False, server_default=""))
        batch.add_column(sa.Column("left_on", sa.Date(), nullable=True))
    _rehash(op.get_bind(), recode=True)


def downgrade() -> None:
    """Drops the two columns and rehashes; the old flat codes are not rebuilt (the events still hold them)."""
    with op.batch_alter_table("member", recreate="never") as batch:
        batch.drop_column("left_on")
        batch.drop_column("left_reason")
    _rehash(op.get_bind(), recode=False)
