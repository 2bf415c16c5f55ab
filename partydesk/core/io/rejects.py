"""The rejected-rows workbook (导入错误清单): what an import refused, and why, as an .xlsx to fix and re-import.

Sheet "未通过的行" holds each rejected row as the file had it (same headers, plus 原行号 in front, a
column for every required field the file lacked (人员类别, 性别, …) and 错误原因 at the end), with the
offending cells shaded, so the user can correct the rows in place and import this sheet again (the
extra columns 原行号 and 错误原因 are not member fields and are ignored); 错误原因 names the cells by this
sheet's columns and by the file's. Sheet "错误清单" lists every error on its own line: the file's row, 姓名,
the file's column, header and message. Written with XlsxWriter: strings as strings (neutralised, never
formulas), ID and phone columns as text cells.
"""

from __future__ import annotations

import io
import os
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import xlsxwriter

from partydesk.core.atomicfile import atomic_write
from partydesk.core.domain import fields
from partydesk.core.io.raw_table import column_letter, column_number
from partydesk.core.io.roster_export import WORKBOOK_OPTIONS
from partydesk.core.io.roster_plan import ImportPlan
from partydesk.core.io.sheet_text import display_width, neutralise

_BAD = "#FFC7CE"
_DATE_FORMAT = "yyyy-mm-dd"


class _Formats:
    """The few cell formats of the workbook, made once (XlsxWriter formats belong to one workbook)."""

    def __init__(self, wb: Any) -> None:
        self.head = wb.add_format({"bold": True, "bg_color": "#D9D9D9", "align": "center", "valign": "vcenter"})
        self.plain = {False: None, True: wb.add_format({"bg_color": _BAD})}
        self.text = {bad: wb.add_format({"num_format": "@", **({"bg_color": _BAD} if bad else {})})
                     for bad in (False, True)}
        self.date = {bad: wb.add_format({"num_format": _DATE_FORMAT, **({"bg_color": _BAD} if bad else {})})
                     for bad in (False, True)}


def _write(ws: Any, row: int, column: int, value: object, formats: _Formats, *, text: bool, bad: bool) -> None:
    if isinstance(value, date):
        moment = value if isinstance(value, datetime) else datetime.combine(value, time())
        ws.write_datetime(row, column, moment, formats.date[bad])
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        ws.write_number(row, column, value, formats.text[bad] if text else formats.plain[bad])
    elif value is None or value == "":
        cell_format = formats.text[bad] if text else formats.plain[bad]
        if cell_format is not None:
            ws.write_blank(row, column, None, cell_format)
    else:
        ws.write_string(row, column, neutralise(str(value)), formats.text[bad])


def write_rejects(plan: ImportPlan, path: str | os.PathLike[str]) -> Path:
    """Save the plan's rejected rows and their reasons to ``path`` (.xlsx), atomically; returns the path."""
    output = io.BytesIO()
    wb = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
    formats = _Formats(wb)
    rows_sheet = wb.add_worksheet("未通过的行")
    width = len(plan.headers)
    added = missing_required(plan)
    added_headers = [fields.label(key) for key in added]
    _header(rows_sheet, ["原行号", *plan.headers, *added_headers, "错误原因"], formats)
    widths = [6] + [max(6, display_width(h)) for h in [*plan.headers, *added_headers]] + [40]
    # ID and phone cells must stay text when the user types the corrected number in (Excel keeps 15 digits).
    text_columns = {c for c, key in plan.mapping.items() if key in ("id_number", "phone")}
    for line, planned in enumerate(plan.rejected_rows, start=1):
        cells = planned.raw.cells if planned.raw is not None else {}
        # Said in this sheet's own columns (one to the right of the file's: 原行号 is in front), where the row is
        # corrected, and in the file's, where someone may correct it instead (the 错误清单 names the file's).
        reasons = "；".join(
            (f"{column_letter(column_number(i.column) + 1)}列（{i.header}，原文件 {i.column} 列）：" if i.column
             else (f"{i.header}：" if i.header else "")) + i.message
            for i in planned.errors
        )
        bad_columns = {i.column for i in planned.errors if i.column}
        rows_sheet.write_number(line, 0, planned.row)
        for column in range(width):
            cell = cells.get(column)
            value = cell.value if cell is not None else None
            bad = column_letter(column + 1) in bad_columns
            _write(rows_sheet, line, column + 1, value, formats, text=column in text_columns, bad=bad)
            if value is not None:
                widths[column + 1] = min(30, max(widths[column + 1], display_width(str(value))))
        for offset, key in enumerate(added):
            # The file had no column for this required field: an empty (or the fixed) value to fill in.
            column = width + 1 + offset
            _write(rows_sheet, line, column, plan.fixed_values.get(key, ""), formats, text=key == "id_number",
                   bad=key in {i.field for i in planned.errors})
        rows_sheet.write_string(line, width + len(added) + 1, neutralise(reasons))
    _finish(rows_sheet, widths)

    errors_sheet = wb.add_worksheet("错误清单")
    # The program's own error codes (id_checksum …) stay out: the office reads the explanation.
    _header(errors_sheet, ["行号", "姓名", "列", "表头", "说明"], formats)
    for line, issue in enumerate(plan.errors, start=1):
        errors_sheet.write_number(line, 0, issue.row)
        for column, text in enumerate((issue.name, issue.column, issue.header, issue.message), start=1):
            if text:
                errors_sheet.write_string(line, column, neutralise(text))
    _finish(errors_sheet, [6, 8, 5, 16, 80])
    wb.close()

    target = Path(path)
    atomic_write(target, output.getvalue())
    return target


def missing_required(plan: ImportPlan) -> list[str]:
    """Required field keys the file has no column for, in registry order: the workbook adds a column each,
    so the rejected rows can be completed and imported back."""
    mapped = set(plan.mapping.values())
    return [f.key for f in fields.FIELDS if f.required and f.key not in mapped]


def _header(ws: Any, texts: list[str], formats: _Formats) -> None:
    for column, text in enumerate(texts):
        ws.write_string(0, column, neutralise(text), formats.head)


def _finish(ws: Any, widths: list[int]) -> None:
    for index, width in enumerate(widths):
        ws.set_column(index, index, width + 2)
    ws.freeze_panes(1, 0)
