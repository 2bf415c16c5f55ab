"""Roster export (花名册导出) to .xlsx in the usual layout, and the roster as plain dicts for the command line.

The workbook: a title row "<党组织名称>党员花名册" merged across, a subtitle row with the export date and
head count (and, when masked, a note that the file cannot be used to update members), then the header
row, frozen and repeated on every printed page; A4 landscape, fitted to the page width. Codes are
written as their Chinese names, dates as real date cells (yyyy-mm-dd), ID numbers and phones as text
cells, so importing an unmasked export back changes nothing.

ID numbers and phones are masked by default (RELIABILITY.md §3.5); an unmasked export carries a footer
naming who exported it and when. Every text cell that Excel or WPS could run as a formula (starting with
= + - @, tab or CR) is prefixed with ', which the importer removes again (RELIABILITY.md §4.3).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.cell import get_column_letter

from partydesk.core.atomicfile import atomic_writer
from partydesk.core.changes import Actor
from partydesk.core.domain.idnumber import mask_id_number, mask_phone
from partydesk.core.domain.member import CODED, DATES, FLAGS
from partydesk.core.domain.roster import RosterRow
from partydesk.core.progress import Progress
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

HEADER_ROW = 3
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_WIDTH = 40
_WIDE = re.compile(r"[^\x00-\u2e7f]")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_DATE_FORMAT = "yyyy-mm-dd"
_STEP = 500
# Short, fixed-form columns read best centred; names and free text stay left-aligned.
_CENTERED = frozenset({"", "gender", "ethnicity", "id_type", "category", "membership_status", *DATES, *FLAGS})
_CENTER = Alignment(horizontal="center")


def neutralise(text: str) -> str:
    """Text safe for a cell: control characters that .xlsx cannot hold become "?" (openpyxl would
    refuse the whole file, quoting the value in its error), and text a spreadsheet would run as a
    formula gets a leading ' (CSV/formula injection)."""
    text = ILLEGAL_CHARACTERS_RE.sub("?", text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def display_width(text: str) -> int:
    """Width in Latin character cells: CJK and other wide characters count two."""
    return len(text) + len(_WIDE.findall(text))


def member_values(row: RosterRow, *, masked: bool = True) -> dict[str, Any]:
    """One member as field key → display value: codes as Chinese names, flags as bool, dates as dates.

    ``masked`` stars ID number and phone as the screen shows them (``mask_id_number``, ``mask_phone``).
    """
    values: dict[str, Any] = {"id": row.id}
    for _header, key in EXPORT_COLUMNS[1:]:
        value = getattr(row, key)
        table = CODED.get(key)
        if table is not None and value:
            value = table.name(value) if value in table else value
        values[key] = value
    values["in_branch"] = row.in_branch
    if masked:
        values["id_number"] = mask_id_number(row.id_number)
        values["phone"] = mask_phone(row.phone) if row.phone else ""
    return values


def roster_dicts(db: Database, *, masked: bool = True) -> list[dict[str, Any]]:
    """Every live member as a JSON-ready dict under English keys (dates ISO, codes as Chinese names)."""
    return [
        {k: v.isoformat() if isinstance(v, date) else v for k, v in member_values(r, masked=masked).items()}
        for r in roster(db)
    ]


@dataclass(frozen=True)
class ExportResult:
    """What ``export_roster`` wrote."""

    path: Path
    count: int
    masked: bool


def export_roster(
    db: Database,
    actor: Actor,
    path: str | os.PathLike[str],
    *,
    masked: bool = True,
    include_departed: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the roster to ``path`` (.xlsx) through the atomic writer; masked unless ``masked=False``.

    Members transferred out (no longer in the branch) are left out unless ``include_departed``.
    """
    org = own_organisation(db)
    rows = roster(db, include_departed=include_departed)
    wb = build_workbook(rows, branch=org.name if org else "", masked=masked, today=today or date.today(),
                        exported_by=actor.user_id, progress=progress)
    target = Path(path)
    with atomic_writer(target) as handle:
        wb.save(handle)
    return ExportResult(target, len(rows), masked)


def build_workbook(
    rows: Sequence[RosterRow], *, branch: str, masked: bool, today: date, exported_by: str = "",
    progress: Progress | None = None,
) -> Any:
    """The roster workbook in memory (an openpyxl Workbook); ``export_roster`` saves it."""
    wb = openpyxl.Workbook()
    wb.properties.creator = "partydesk"
    ws = wb.active
    ws.title = "花名册"
    last = get_column_letter(len(EXPORT_COLUMNS))
    subtitle = f"导出日期：{today.isoformat()}，共 {len(rows)} 人"
    if masked:
        subtitle += "。公民身份号码和联系电话已隐藏部分数字，本表不能用于导入更新；如需导入，请导出完整号码。"
    else:
        subtitle += "。本表含完整的公民身份号码和联系电话，请妥善保管，用后及时删除。"
    ws.append([neutralise(f"{branch}党员花名册")])
    ws.append([subtitle])
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws["A2"].alignment = Alignment(horizontal="left", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[2].height = 20

    ws.append([header for header, _key in EXPORT_COLUMNS])
    head_font = Font(bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for cell in ws[HEADER_ROW]:
        cell.font, cell.fill, cell.border, cell.alignment = head_font, _HEAD_FILL, _BORDER, center
    widths = [display_width(header) for header, _key in EXPORT_COLUMNS]

    keys = [key for _header, key in EXPORT_COLUMNS]
    templates: dict[int, Any] = {}
    total = len(rows)
    for number, row in enumerate(rows, start=1):
        if progress is not None and number % _STEP == 0:
            progress.step(number, total, "写入花名册")
        values = member_values(row, masked=masked)
        line: list[object] = [number]
        for index, key in enumerate(keys[1:], start=1):
            value = values[key]
            if key in FLAGS:
                value = "是" if value else "否"
            elif isinstance(value, str):
                value = neutralise(value)
                widths[index] = max(widths[index], display_width(value))
            line.append(value)
        # ws.cell, not ws.append + ws[ws.max_row]: max_row scans every cell, quadratic over a roster.
        for column, (value, key) in enumerate(zip(line, keys, strict=True), start=1):
            cell = ws.cell(HEADER_ROW + number, column, value)
            template = templates.get(column)
            if template is not None:
                # Setting border/format per cell re-hashes the style objects (80 % of the time at 10k rows);
                # every cell of a column looks the same, so copy the first one's style array instead.
                cell._style = copy(template)
                continue
            cell.border = _BORDER
            if key in DATES:
                cell.number_format = _DATE_FORMAT
            elif key in TEXT_KEYS:
                cell.number_format = "@"
            if key in _CENTERED:
                cell.alignment = _CENTER
            templates[column] = copy(cell._style)
    for index, key in enumerate(keys):
        # A date shows as 10 characters; other columns follow their longest text, within limits.
        width = max(10, widths[index]) if key in DATES else min(_MAX_WIDTH, max(4, widths[index]))
        ws.column_dimensions[get_column_letter(index + 1)].width = width + 2
    _page_setup(ws, masked=masked, exported_by=exported_by)
    if progress is not None:
        progress.step(total, total, "写入花名册")
    return wb


def _page_setup(ws: Any, *, masked: bool, exported_by: str) -> None:
    ws.freeze_panes = f"C{HEADER_ROW + 1}"  # header row and the 序号/姓名 columns stay in view
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    if not masked:
        stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
        ws.oddFooter.left.text = f"含完整身份证号码 导出人：{exported_by or '未知'} {stamp}"
