"""Roster export use case (花名册导出): which members, under which masking, into the 花名册 workbook.

ID numbers and phones are masked by default (``domain.masking``, RELIABILITY.md §3.5). An export with
full numbers is personal data: it is audited (``services.audit.record_access``, action
"export.unmasked", the member ids and a summary without numbers or names) and its footer names who
exported it and when. Codes are written as their Chinese names, dates as date cells, ID numbers and
phones as text cells, so importing an unmasked export back changes nothing. The file itself is written
by ``core.io.roster_export``, which knows no database.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from partydesk.core.atomicfile import atomic_write
from partydesk.core.changes import Actor
from partydesk.core.domain.masking import Masking, shown
from partydesk.core.domain.member import CODED, DATES, FLAGS
from partydesk.core.domain.roster import RosterRow
from partydesk.core.io.roster_export import RosterSheet, SheetColumn, roster_bytes
from partydesk.core.progress import Progress
from partydesk.core.services import audit
from partydesk.core.services.members import roster
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage.database import Database

# (header, field key) in the usual 花名册 order; 序号 is the line number and no field.
EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("序号", ""), ("姓名", "name"), ("性别", "gender"), ("民族", "ethnicity"), ("出生日期", "birth_date"),
    ("证件类型", "id_type"), ("公民身份号码", "id_number"), ("学历", "education"), ("人员类别", "category"),
    ("入党日期", "joined_on"), ("转正日期", "confirmed_on"), ("党小组", "party_group"),
    ("党内职务", "party_post"), ("工作岗位", "work_post"), ("工作单位", "work_unit"), ("联系电话", "phone"),
    ("家庭住址", "address"), ("籍贯", "native_place"), ("党籍状态", "membership_status"),
    ("是否失联", "lost_contact"), ("失去联系日期", "lost_since"), ("失联原因", "lost_cause"),
    ("是否流动党员", "migrant"), ("外出流向", "migrant_destination"), ("外出日期", "migrant_since"),
    ("备注", "notes"),
)
TEXT_KEYS = frozenset({"id_number", "phone"})
"""Columns written as text cells ('@'): digits that must never become numbers."""
# Short, fixed-form columns read best centred; names and free text stay left-aligned.
_CENTRED = frozenset({"", "gender", "ethnicity", "id_type", "category", "membership_status", *DATES, *FLAGS})
COLUMNS = tuple(
    SheetColumn(header, "date" if key in DATES else "text" if key in TEXT_KEYS else "general", key in _CENTRED)
    for header, key in EXPORT_COLUMNS
)


@dataclass(frozen=True)
class ExportResult:
    """What ``export_roster`` wrote."""

    path: Path
    count: int
    masked: bool


def member_values(row: RosterRow, *, masking: Masking = Masking.MASKED) -> dict[str, Any]:
    """One member as field key → display value: codes as Chinese names, flags as bool, dates as dates.

    ID number and phone appear as the masking policy shows them.
    """
    values: dict[str, Any] = {"id": row.id}
    for _header, key in EXPORT_COLUMNS[1:]:
        value = getattr(row, key)
        table = CODED.get(key)
        if table is not None and value:
            value = table.name(value) if value in table else value
        elif key in TEXT_KEYS:
            value = shown(key, value, masking)
        values[key] = value
    values["in_branch"] = row.in_branch
    return values


def _rows(db: Database, actor: Actor, *, include_departed: bool) -> list[RosterRow]:
    return roster(db, actor, include_departed=include_departed)


def roster_dicts(db: Database, actor: Actor, *, masking: Masking = Masking.MASKED) -> list[dict[str, Any]]:
    """Every live member as a JSON-ready dict under English keys (dates ISO, codes as Chinese names).

    Full numbers are audited as a "reveal" of every member listed.
    """
    rows = _rows(db, actor, include_departed=True)
    if masking is Masking.FULL:
        audit.record_access(db, actor, action="reveal", record_ids=[r.id for r in rows],
                            summary=f"列出花名册（完整号码），{len(rows)} 人")
    return [
        {k: v.isoformat() if isinstance(v, date) else v for k, v in member_values(r, masking=masking).items()}
        for r in rows
    ]


def roster_sheet(
    rows: Sequence[RosterRow], *, branch: str, masking: Masking, today: date, exported_by: str = ""
) -> RosterSheet:
    """The 花名册 workbook's content for ``rows``: title, subtitle, columns and display values."""
    subtitle = f"导出日期：{today.isoformat()}，共 {len(rows)} 人"
    footer = ""
    if masking is Masking.MASKED:
        subtitle += "。公民身份号码和联系电话已隐藏部分数字，本表不能用于导入更新；如需导入，请导出完整号码。"
    else:
        subtitle += "。本表含完整的公民身份号码和联系电话，请妥善保管，用后及时删除。"
        footer = f"含完整身份证号码 导出人：{exported_by or '未知'} {datetime.now():%Y-%m-%d %H:%M}"
    keys = [key for _header, key in EXPORT_COLUMNS[1:]]
    lines: list[list[object]] = []
    for number, row in enumerate(rows, start=1):
        values = member_values(row, masking=masking)
        lines.append([number, *(("是" if values[k] else "否") if k in FLAGS else values[k] for k in keys)])
    return RosterSheet(title=f"{branch}党员花名册", subtitle=subtitle, columns=COLUMNS, rows=lines,
                       footer_left=footer)


def export_roster(
    db: Database,
    actor: Actor,
    path: str | os.PathLike[str],
    *,
    masking: Masking = Masking.MASKED,
    include_departed: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the roster to ``path`` (.xlsx) atomically; masked unless ``masking`` is FULL (then audited).

    Members transferred out (no longer in the branch) are left out unless ``include_departed``. The
    workbook is built in memory first, so a cancelled ``progress`` leaves no file and no audit row.
    """
    org = own_organisation(db)
    rows = _rows(db, actor, include_departed=include_departed)
    sheet = roster_sheet(rows, branch=org.name if org else "", masking=masking, today=today or date.today(),
                         exported_by=actor.user_id)
    data = roster_bytes(sheet, progress=progress)
    if masking is Masking.FULL:
        # Audited before the file exists: a file with full numbers never appears without its record.
        audit.record_access(db, actor, action="export.unmasked", record_ids=[r.id for r in rows],
                            summary=f"导出花名册（完整号码），{len(rows)} 人")
    target = Path(path)
    atomic_write(target, data)
    return ExportResult(target, len(rows), masking is Masking.MASKED)
