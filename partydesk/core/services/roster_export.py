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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from partydesk.core.atomicfile import atomic_write
from partydesk.core.changes import Actor
from partydesk.core.domain import fields
from partydesk.core.domain.fields import FieldType
from partydesk.core.domain.masking import Masking, shown
from partydesk.core.domain.roster import RosterRow
from partydesk.core.io.roster_export import RosterSheet, SheetColumn, roster_bytes
from partydesk.core.progress import Progress
from partydesk.core.services import audit
from partydesk.core.services.members import roster
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage.database import Database

# (header, field key) in the usual 花名册 order (the field registry's export order); 序号 is the line
# number and no field.
EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("序号", ""), *((fields.label(key, short=True), key) for key in fields.export_order())
)
TEXT_KEYS = frozenset({"id_number", "phone"})
"""Columns written as text cells ('@'): digits that must never become numbers."""
_KEYS = tuple(key for _header, key in EXPORT_COLUMNS[1:])
_TYPES = {key: fields.field(key).type for key in _KEYS}
# Short, fixed-form columns read best centred; names and free text stay left-aligned.
_CENTRED = frozenset({"", "gender", "ethnicity", "id_type", "category", "membership_status",
                      *(k for k in _KEYS if _TYPES[k] in (FieldType.DATE, FieldType.FLAG))})
COLUMNS = tuple(
    SheetColumn(header, "date" if _TYPES.get(key) is FieldType.DATE else "text" if key in TEXT_KEYS else "general",
                key in _CENTRED)
    for header, key in EXPORT_COLUMNS
)


def _converter(key: str, masking: Masking, flag_text: bool) -> Callable[[Any], Any]:
    """How one field's stored value is shown: codes as Chinese names, masked numbers, flags as 是/否."""
    table = fields.field(key).table
    if table is not None:
        names = dict(table.items())
        return lambda value: names.get(value, value) if value else value
    if fields.field(key).masked:
        return lambda value: shown(key, value, masking)
    if flag_text and _TYPES[key] is FieldType.FLAG:
        return lambda value: "是" if value else "否"
    return lambda value: value


def _shown_rows(rows: Sequence[RosterRow], masking: Masking, *, flag_text: bool) -> Iterator[list[Any]]:
    """Each member's exported fields, in column order, as the export shows them."""
    convert = [_converter(key, masking, flag_text) for key in _KEYS]
    values_of = attrgetter(*_KEYS)
    for row in rows:
        yield [show(value) for show, value in zip(convert, values_of(row), strict=True)]


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
    [shown_values] = _shown_rows([row], masking, flag_text=False)
    return {"id": row.id, **dict(zip(_KEYS, shown_values, strict=True)), "in_branch": row.in_branch}


def _rows(db: Database, actor: Actor, *, include_departed: bool) -> list[RosterRow]:
    return roster(db, actor, include_departed=include_departed)


def _count_summary(what: str, count: int) -> str:
    # Thousands separators: an audit summary may hold no run of six digits (it could be an ID or a phone).
    return f"{what}，{count:,} 人"


def roster_dicts(db: Database, actor: Actor, *, masking: Masking = Masking.MASKED) -> list[dict[str, Any]]:
    """Every live member as a JSON-ready dict under English keys (dates ISO, codes as Chinese names).

    Full numbers are audited as a "reveal" of every member listed.
    """
    rows = _rows(db, actor, include_departed=True)
    if masking is Masking.FULL:
        audit.record_access(db, actor, action="reveal", record_ids=[r.id for r in rows],
                            summary=_count_summary("列出花名册（完整号码）", len(rows)))
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
    lines: list[list[object]] = [
        [number, *values] for number, values in enumerate(_shown_rows(rows, masking, flag_text=True), start=1)
    ]
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
                            summary=_count_summary("导出花名册（完整号码）", len(rows)))
    target = Path(path)
    atomic_write(target, data)
    return ExportResult(target, len(rows), masking is Masking.MASKED)
