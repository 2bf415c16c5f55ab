"""The study workbook (.xlsx, XlsxWriter): one printable table per sheet, plain rows in, a file out.

Each sheet is laid out as offices print a 台账: a title row merged across, a subtitle row, a header row
repeated on every printed page, the rows, and an optional bold total row; A4 (portrait for narrow tables,
landscape for wide), fitted to the page width, centred, page numbers in the footer, nothing under 10 pt.
Strings go through ``neutralise`` and are written as strings, dates as real date cells. Which rows go in
(the ledger, each member's entries, the 党员培训情况 summary) is decided by ``services.study_export``;
this module knows no database.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter

from partydesk.core.atomicfile import atomic_write
from partydesk.core.io.sheet_text import display_width, neutralise

WORKBOOK_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}
FONT = {"font_name": "宋体", "font_size": 11}
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Block:
    """A header row, its rows (str, int, float, date or None per column) and an optional total row."""

    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    total: Sequence[object] | None = None


@dataclass(frozen=True)
class Table:
    """One sheet: title, subtitle and one or more blocks, a blank row between them."""

    name: str  # the sheet tab
    title: str
    subtitle: str
    blocks: Sequence[Block]
    footer_left: str = ""


def sheet_names(names: Sequence[str]) -> list[str]:
    """Names Excel accepts (≤ 31 characters, none of []:*?/\\), made unique with (2), (3) …."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        base = _BAD_NAME.sub("_", raw).strip("'") or "表"
        name, n = base[:31], 1
        while name.lower() in seen:
            n += 1
            suffix = f"({n})"
            name = base[:31 - len(suffix)] + suffix
        seen.add(name.lower())
        out.append(name)
    return out


def write_workbook(path: str | os.PathLike[str], tables: Sequence[Table]) -> Path:
    """Write ``tables`` to ``path`` (.xlsx) through the atomic writer; nothing is written if building fails."""
    target = Path(path)
    atomic_write(target, workbook_bytes(tables))
    return target


def workbook_bytes(tables: Sequence[Table]) -> bytes:
    """The workbook as bytes."""
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    wb.set_properties({"author": "partydesk", "title": tables[0].title if tables else ""})
    styles = {
        "title": wb.add_format({**FONT, "bold": True, "font_size": 16, "align": "center", "valign": "vcenter"}),
        "subtitle": wb.add_format({**FONT, "align": "left", "valign": "vcenter", "text_wrap": True}),
        "head": wb.add_format({**FONT, "bold": True, "bg_color": "#D9D9D9", "border": 1, "align": "center",
                               "valign": "vcenter", "text_wrap": True}),
        "text": wb.add_format({**FONT, "border": 1, "valign": "vcenter", "text_wrap": True}),
        "number": wb.add_format({**FONT, "border": 1, "valign": "vcenter", "num_format": "0.0"}),
        "count": wb.add_format({**FONT, "border": 1, "valign": "vcenter", "num_format": "0"}),
        "date": wb.add_format({**FONT, "border": 1, "valign": "vcenter", "num_format": "yyyy-mm-dd",
                               "align": "center"}),
        "total": wb.add_format({**FONT, "bold": True, "border": 1, "valign": "vcenter"}),
        "total_number": wb.add_format({**FONT, "bold": True, "border": 1, "valign": "vcenter", "num_format": "0.0"}),
    }
    for table, name in zip(tables, sheet_names([t.name for t in tables]), strict=True):
        _sheet(wb.add_worksheet(name), table, styles)
    wb.close()
    return buffer.getvalue()


def _write(ws: Any, row: int, col: int, value: object, styles: dict[str, Any], *, total: bool = False) -> None:
    if isinstance(value, date):
        ws.write_datetime(row, col, value, styles["date"])
    elif isinstance(value, float):
        ws.write_number(row, col, value, styles["total_number" if total else "number"])
    elif isinstance(value, int) and not isinstance(value, bool):
        ws.write_number(row, col, value, styles["total" if total else "count"])
    elif value is None:
        ws.write_blank(row, col, None, styles["total" if total else "text"])
    else:
        ws.write_string(row, col, neutralise(str(value)), styles["total" if total else "text"])


def _sheet(ws: Any, table: Table, styles: dict[str, Any]) -> None:
    last = max(max((len(b.headers) for b in table.blocks), default=1) - 1, 0)
    ws.merge_range(0, 0, 0, last, neutralise(table.title), styles["title"])
    ws.merge_range(1, 0, 1, last, neutralise(table.subtitle), styles["subtitle"])
    ws.set_row(0, 30)
    widths = [0] * (last + 1)
    row = 2
    for block in table.blocks:
        for col, header in enumerate(block.headers):
            ws.write_string(row, col, header, styles["head"])
            widths[col] = max(widths[col], display_width(header))
        rows = list(block.rows) + ([block.total] if block.total is not None else [])
        for offset, values in enumerate(rows):
            is_total = block.total is not None and offset == len(rows) - 1
            for col, value in enumerate(values):
                _write(ws, row + 1 + offset, col, value, styles, total=is_total)
                text = value.isoformat() if isinstance(value, date) else str(value if value is not None else "")
                widths[col] = max(widths[col], min(display_width(text), 40))
        row += len(rows) + 2
    for col, width in enumerate(widths):
        ws.set_column(col, col, width + 2)
    # The subtitle wraps within the table's width (a note added to it must not run off the printed page).
    across = sum(width + 2 for width in widths)
    ws.set_row(1, 20 * max(1, -(-display_width(table.subtitle) // max(across, 1))))
    ws.repeat_rows(2)
    ws.freeze_panes(3, 0)
    if sum(widths) > 90:
        ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    footer = "&C第 &P 页，共 &N 页"
    if table.footer_left:
        footer = "&L" + table.footer_left.replace("&", "&&") + footer
    ws.set_footer(footer)
