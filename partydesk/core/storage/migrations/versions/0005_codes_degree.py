"""Code tables as the statistics use them; 学位 and 参加工作日期 on members.

- ``member.degree`` (学位 code, "" unknown) and ``member.work_started_on`` (参加工作日期) are added.
- 工作岗位 moves from the project's earlier list (01–11, 99) to the 党内统计 occupation categories (21–28).
  Where the category drops a detail (军人武警, 自由职业者, 个体经营者) a line in 备注 keeps the old label.
- 证件类型 3 外国人永久居留身份证 is no longer offered (members are Chinese nationals): a member stored with
  it moves to 4 护照 — the same number rules, so the number stays valid — and 备注 names the old type.
- Every member row's ``row_hash`` is recomputed, since the row now has two more columns.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Old 工作岗位 code -> (new code, old label); the mapping as it shipped, written out here, not imported.
WORK_POSTS = {
    "01": ("25", "公务员"), "02": ("24", "事业单位管理人员"), "03": ("23", "专业技术人员"),
    "04": ("24", "企业管理人员"), "05": ("21", "工人"), "06": ("22", "农牧渔民"), "07": ("26", "学生"),
    "08": ("28", "离退休人员"), "09": ("27", "军人武警"), "10": ("27", "自由职业者"),
    "11": ("27", "个体经营者"), "99": ("27", "其他"),
}
# Old codes whose label the new category does not say; kept in 备注.
NOTED_POSTS = frozenset({"09", "10", "11"})
FOREIGN_RESIDENCE = "3"
PASSPORT = "4"


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


def _with_note(notes: str, line: str) -> str:
    return f"{notes}\n{line}" if notes else line


def _migrated(row: dict[str, object]) -> dict[str, object]:
    """The member row with its new codes; unknown old codes are left as they are, never dropped."""
    out = dict(row)
    post = str(row["work_post"] or "")
    if post in WORK_POSTS:
        out["work_post"], label = WORK_POSTS[post]
        if post in NOTED_POSTS:
            out["notes"] = _with_note(str(out["notes"] or ""), f"原工作岗位：{label}")
    if row["id_type"] == FOREIGN_RESIDENCE:
        out["id_type"] = PASSPORT
        out["notes"] = _with_note(str(out["notes"] or ""), "原证件类型：外国人永久居留身份证")
    return out


def _rehash(bind: sa.Connection, recode: bool) -> None:
    rows = bind.exec_driver_sql('SELECT * FROM "member"')
    names = list(rows.keys())
    updates = []
    for values in rows.fetchall():
        row = dict(zip(names, values, strict=True))
        out = _migrated(row) if recode else row
        updates.append({"i": row["id"], "p": out["work_post"], "t": out["id_type"], "n": out["notes"],
                        "h": _digest("member", list(out.items()))})
    if updates:
        bind.execute(sa.text('UPDATE "member" SET work_post = :p, id_type = :t, notes = :n, row_hash = :h '
                             "WHERE id = :i"), updates)


def upgrade() -> None:
    # Plain ADD COLUMNs (no table rebuild, which the member_event foreign key would refuse); the model
    # declares the same server default, so a new file and an upgraded one have the same column.
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("degree", sa.String(2), nullable=False, server_default=""))
        batch.add_column(sa.Column("work_started_on", sa.Date(), nullable=True))
    _rehash(op.get_bind(), recode=True)


def downgrade() -> None:
    """Drops the two columns and rehashes; the codes stay in the new lists (three old 工作岗位 codes became one
    category, so the old list cannot be rebuilt — 备注 names what each was)."""
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a rebuild: member_event's foreign key refuses a rebuild.
    with op.batch_alter_table("member", recreate="never") as batch:
        batch.drop_column("work_started_on")
        batch.drop_column("degree")
    _rehash(op.get_bind(), recode=False)
