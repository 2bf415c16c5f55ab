"""The roster workbook (花名册 .xlsx) written with XlsxWriter: plain rows and columns in, a file out.

The layout offices print: a title row merged across (the branch name), a subtitle row (date, head
count, what the numbers are), then the header row, frozen with the first two columns and repeated on
every printed page; A4 landscape, fitted to the page width and centred while the text stays readable
(``print_scale``), else at a fixed scale over several pages with 序号/姓名 repeated; page numbers in the footer. Text
columns (ID numbers, phones) are text cells formatted '@', so Excel never turns them into numbers; dates
are real date cells shown yyyy-mm-dd, and a date known only to the month or the year is the text 2019-03
or 1972, which an import reads back at that precision. Every string goes through ``neutralise`` and is written as a
string, never as a formula; the grid is printed (gridlines) rather than drawn cell by cell. What
goes in the rows (which members, masked or not) is decided by the use
case in ``core.services.roster_export``; this module knows no database.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

import xlsxwriter

from partydesk.core.atomicfile import atomic_write
from partydesk.core.domain.partial_date import PartialDate
from partydesk.core.io.print_scale import PrintPlan, page_pixels, print_plan
from partydesk.core.io.sheet_text import display_width, neutralise
from partydesk.core.progress import Progress

__all__ = ["ColumnKind", "RosterSheet", "SheetColumn", "display_width", "neutralise", "roster_bytes", "write_roster"]

ColumnKind = Literal["general", "text", "date"]
HEADER_ROW = 3
"""The 1-based row of the header (title and subtitle are above it)."""
_MAX_WIDTH = 40
_STEP = 500
_DATE_FORMAT = "yyyy-mm-dd"
_EPOCH = datetime(1899, 12, 31)
# Cell writing never guesses: strings stay strings (no formulas, links or numbers made of them).
MARGIN_IN = 0.4
FONT_PT = 11.0  # the workbook's default font size (XlsxWriter's Calibri 11)
WORKBOOK_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}


@dataclass(frozen=True)
class SheetColumn:
    """One column: its header, how its cells are written, and whether short values sit centred."""

    header: str
    kind: ColumnKind = "general"
    centred: bool = False


@dataclass(frozen=True)
class RosterSheet:
    """Everything the 花名册 workbook shows; ``rows`` hold str, int, float, date or None per column."""

    title: str
    subtitle: str
    columns: Sequence[SheetColumn]
    rows: Sequence[Sequence[object]]
    footer_left: str = ""
    sheet_name: str = "花名册"
    frozen_columns: int = 2


def write_roster(path: str | os.PathLike[str], sheet: RosterSheet, *, progress: Progress | None = None) -> Path:
    """Write ``sheet`` to ``path`` (.xlsx) through the atomic writer; nothing is written if building fails."""
    data = roster_bytes(sheet, progress=progress)
    target = Path(path)
    atomic_write(target, data)
    return target


def roster_bytes(sheet: RosterSheet, *, progress: Progress | None = None) -> bytes:
    """The workbook as bytes, built in memory (a cancelled ``progress`` stops it before any file exists)."""
    output = io.BytesIO()
    wb = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
    wb.set_properties({"author": "partydesk", "title": sheet.title})
    ws = wb.add_worksheet(sheet.sheet_name)
    ws.set_row(0, 30)
    ws.set_row(1, 20)
    head = wb.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1, "border_color": "#808080",
                          "align": "center", "valign": "vcenter", "text_wrap": True})
    formats = [wb.add_format(_cell_style(column)) for column in sheet.columns]
    widths = [display_width(column.header) for column in sheet.columns]
    header = HEADER_ROW - 1
    for index, column in enumerate(sheet.columns):
        ws.write_string(header, index, neutralise(column.header), head)
    total = len(sheet.rows)
    # Columns repeat their values (性别, 民族, 党小组, dates…): each distinct text is made safe and measured
    # once, and each distinct date turned into its Excel serial number once.
    texts: dict[str, tuple[str, int]] = {}
    serials: dict[date, float] = {}
    write_string, write_number, write_blank = ws.write_string, ws.write_number, ws.write_blank
    # An empty text cell keeps its '@' format, so an ID typed into it later stays text; other empty
    # cells are not written at all (the printed grid comes from print_gridlines, not cell borders).
    keep_blank = [column.kind == "text" for column in sheet.columns]
    for number, values in enumerate(sheet.rows, start=1):
        if progress is not None and number % _STEP == 0:
            progress.step(number, total, "写入花名册")
        row = header + number
        for index, value in enumerate(values):
            if isinstance(value, str) and value:
                prepared = texts.get(value)
                if prepared is None:
                    safe = neutralise(value)
                    prepared = texts[value] = (safe, display_width(safe))
                write_string(row, index, prepared[0], formats[index])
                if prepared[1] > widths[index]:
                    widths[index] = prepared[1]
            elif value is None or value == "":
                if keep_blank[index]:
                    write_blank(row, index, None, formats[index])
            elif isinstance(value, PartialDate):
                # Known only to the month or the year: ISO text (2019-03, 1972), which the import reads back.
                write_string(row, index, value.isoformat(), formats[index])
            elif isinstance(value, date):
                serial = serials.get(value)
                if serial is None:
                    serial = serials[value] = _excel_serial(value)
                write_number(row, index, serial, formats[index])
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                write_number(row, index, value, formats[index])
            else:
                write_string(row, index, neutralise(str(value)), formats[index])
    final = []
    for index, column in enumerate(sheet.columns):
        # A date shows as 10 characters; other columns follow their longest text, within limits.
        width = max(10, widths[index]) if column.kind == "date" else min(_MAX_WIDTH, max(4, widths[index]))
        ws.set_column(index, index, width + 2)
        final.append(float(width + 2))
    plan = print_plan(final, page_px=page_pixels(MARGIN_IN), font_pt=FONT_PT)
    # The title and the date line over the first printed page's columns (all of them on a fitted page). The title,
    # centred, starts in the first column; the date line, left-aligned, after the columns repeated on every page
    # when the sheet runs over pages (starting in them, its first words came back cut off on every later page).
    first, last = plan.first_page_span(sheet.frozen_columns)
    _over(ws, 0, 0, last, sheet.title,
          wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"}))
    date_line = wb.add_format({"align": "left", "valign": "vcenter"})
    if plan.fit_width:
        _over(ws, 1, first, last, sheet.subtitle, date_line)
    else:  # in one cell, running on over the empty ones beside it (merged over part of the page, it was cut off)
        ws.write_string(1, first, neutralise(sheet.subtitle), date_line)
    _page_setup(ws, sheet, plan)
    wb.close()
    if progress is not None:
        progress.step(total, total, "写入花名册")
    return output.getvalue()


def _excel_serial(value: date) -> float:
    """The 1900-system serial number Excel stores for a date, as ``write_datetime`` computes it."""
    moment = value if isinstance(value, datetime) else datetime.combine(value, time())
    delta = moment - _EPOCH
    serial = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86_400
    # Excel counts a 29 February 1900 that never was (Lotus 1-2-3's leap-year bug), so later days are one more.
    return serial + 1 if serial > 59 else serial


def _cell_style(column: SheetColumn) -> dict[str, Any]:
    style: dict[str, Any] = {}
    if column.kind == "date":
        style["num_format"] = _DATE_FORMAT
    elif column.kind == "text":
        style["num_format"] = "@"
    if column.centred:
        style["align"] = "center"
    return style


def _over(ws: Any, row: int, first: int, last: int, text: str, cell_format: Any) -> None:
    """``text`` across columns ``first`` to ``last`` of ``row`` (merged when they are several)."""
    if last > first:
        ws.merge_range(row, first, row, last, neutralise(text), cell_format)
    else:
        ws.write_string(row, first, neutralise(text), cell_format)


def _page_setup(ws: Any, sheet: RosterSheet, plan: PrintPlan) -> None:
    ws.freeze_panes(HEADER_ROW, sheet.frozen_columns)  # header row and the 序号/姓名 columns stay in view
    ws.repeat_rows(HEADER_ROW - 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    if plan.fit_width:
        ws.fit_to_pages(1, 0)
        ws.center_horizontally()
    else:  # too wide to read fitted (the complete layout's 28 columns): readable, over pages, 序号/姓名 on each
        ws.set_print_scale(plan.scale)
        if sheet.frozen_columns:
            ws.repeat_columns(0, sheet.frozen_columns - 1)
    # The grid on paper: cheaper than a border on each of 260 000 cells, and it covers empty cells too.
    ws.hide_gridlines(0)  # 0: hide none, so the gridlines are printed too
    ws.set_margins(left=MARGIN_IN, right=MARGIN_IN, top=0.6, bottom=0.6)
    footer = "&C第 &P 页，共 &N 页"
    if sheet.footer_left:
        # "&" starts a header/footer code; a literal one is doubled.
        footer = "&L" + sheet.footer_left.replace("&", "&&") + footer
    ws.set_footer(footer)
