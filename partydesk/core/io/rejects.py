"""The rejected-rows workbook (导入错误清单): what an import refused, and why, as an .xlsx to fix and re-import.

Sheet "被拒绝的行" holds each rejected row as the file had it (same headers, plus 原行号 in front and
错误原因 at the end), with the offending cells shaded, so the user can correct the rows in place and
import this sheet again (the extra columns are not member fields and are ignored). Sheet "错误清单"
lists every error on its own line: row, column, header, code and message.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import get_column_letter

from partydesk.core.atomicfile import atomic_writer
from partydesk.core.io.roster_export import display_width, neutralise
from partydesk.core.io.roster_plan import ImportPlan

_BAD_FILL = PatternFill("solid", fgColor="FFC7CE")
_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_BOLD = Font(bold=True)
_DATE_FORMAT = "yyyy-mm-dd"


def _cell_value(value: object) -> Any:
    if isinstance(value, str):
        return neutralise(value)
    return value


def write_rejects(plan: ImportPlan, path: str | os.PathLike[str]) -> Path:
    """Save the plan's rejected rows and their reasons to ``path`` (.xlsx), atomically; returns the path."""
    wb = openpyxl.Workbook()
    rows_sheet = wb.active
    rows_sheet.title = "被拒绝的行"
    width = len(plan.headers)
    rows_sheet.append(["原行号", *[neutralise(h) for h in plan.headers], "错误原因"])
    widths = [6] + [max(6, display_width(h)) for h in plan.headers] + [40]
    # ID and phone cells must stay text when the user types the corrected number in (Excel keeps 15 digits).
    text_columns = {c for c, key in plan.mapping.items() if key in ("id_number", "phone")}
    for line, planned in enumerate(plan.rejected_rows, start=2):
        raw = planned.raw
        cells = raw.cells if raw is not None else {}
        reasons = neutralise("；".join(
            (f"{i.column}列（{i.header}）：" if i.column else (f"{i.header}：" if i.header else "")) + i.message
            for i in planned.errors
        ))
        rows_sheet.append([planned.row, *[_cell_value(cells[c].value) if c in cells else None
                                          for c in range(width)], reasons])
        for column, cell in cells.items():
            target = rows_sheet.cell(line, column + 2)
            if isinstance(cell.value, (date, datetime)):
                target.number_format = _DATE_FORMAT
            elif isinstance(cell.value, str):
                target.number_format = "@"
            widths[column + 1] = min(30, max(widths[column + 1], display_width(str(cell.value or ""))))
        for column in text_columns:
            rows_sheet.cell(line, column + 2).number_format = "@"
        bad_columns = {i.column for i in planned.errors if i.column}
        for column in range(width):
            if get_column_letter(column + 1) in bad_columns:
                rows_sheet.cell(line, column + 2).fill = _BAD_FILL
    _finish(rows_sheet, widths)

    errors_sheet = wb.create_sheet("错误清单")
    errors_sheet.append(["行号", "列", "表头", "错误代码", "说明"])
    for issue in plan.errors:
        errors_sheet.append([issue.row, issue.column, neutralise(issue.header), issue.code, issue.message])
    _finish(errors_sheet, [6, 5, 16, 20, 80])

    target = Path(path)
    with atomic_writer(target) as handle:
        wb.save(handle)
    return target


def _finish(ws: Any, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width + 2
    for cell in ws[1]:
        cell.font = _BOLD
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    ws.freeze_panes = "A2"
