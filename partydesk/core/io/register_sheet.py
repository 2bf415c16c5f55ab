"""A year's register (台账) as one printable .xlsx sheet, written with XlsxWriter: the meetings' and the talks'.

A title row over the columns, the header row, then one row per record: landscape A4, the header row repeated
on every page, fitted to the page width, "第 N 页，共 M 页" at the foot. A row with text over several lines is
made as tall as its lines (no office suite grows it on opening). Plain values in, bytes out; no database.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

import xlsxwriter

from partydesk.core.io.sheet_text import neutralise, wrapped_lines

FONT = "宋体"
FONT_SIZE = 10  # fitting the page width may shrink the sheet a little; 10 pt keeps it readable
LINE_PT = 13.5  # one line of 10 pt text in a row, as Excel and LibreOffice lay it out


@dataclass(frozen=True)
class Column:
    """One column: its header, its width in characters and how its cells read: ``text`` (left, wrapping),
    ``centred`` (wrapping), ``number`` or ``date`` (centred)."""

    header: str
    width: float
    kind: Literal["text", "centred", "number", "date"] = "text"


def register_bytes(*, title: str, sheet_name: str, columns: Sequence[Column], rows: Sequence[Sequence[object]],
                   empty: str, note: str = "") -> bytes:
    """The register as the bytes of an .xlsx file: ``rows`` hold one value per column (str, int, date or None);
    ``empty`` is said across the sheet when there are none; ``note`` (how the figures are counted), when given,
    under the last row."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    try:
        base = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "vcenter", "border": 1}
        head = book.add_format({**base, "bold": True, "align": "center", "bg_color": "#F2F2F2", "text_wrap": True})
        formats = {"text": book.add_format({**base, "text_wrap": True}),
                   "centred": book.add_format({**base, "align": "center", "text_wrap": True}),
                   "number": book.add_format({**base, "align": "center"}),
                   "date": book.add_format({**base, "align": "center", "num_format": "yyyy-mm-dd"})}
        sheet = book.add_worksheet(sheet_name)
        last = len(columns) - 1
        sheet.merge_range(0, 0, 0, last, neutralise(title), book.add_format(
            {"font_name": FONT, "font_size": 16, "bold": True, "align": "center", "valign": "vcenter"}))
        sheet.set_row(0, 30)
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column.width)
            sheet.write_string(1, col, column.header, head)
        sheet.set_row(1, 20)
        for r, values in enumerate(rows, start=2):
            lines = max((wrapped_lines(v, c.width) for c, v in zip(columns, values, strict=True)
                         if isinstance(v, str)), default=1)
            if lines > 1:
                sheet.set_row(r, LINE_PT * lines + 4)
            for col, (column, value) in enumerate(zip(columns, values, strict=True)):
                fmt = formats[column.kind]
                if isinstance(value, date):
                    sheet.write_datetime(r, col, value, fmt)
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    sheet.write_number(r, col, value, fmt)
                elif value:
                    sheet.write_string(r, col, neutralise(str(value)), fmt)
                else:
                    sheet.write_blank(r, col, None, fmt)
        if not rows:
            sheet.merge_range(2, 0, 2, last, empty, formats["text"])
        end = max(len(rows), 1) + 1  # the last row printed
        if note:
            end += 1
            lines = wrapped_lines(note, sum(c.width for c in columns))
            sheet.set_row(end, LINE_PT * lines + 4)
            sheet.merge_range(end, 0, end, last, neutralise(note), book.add_format(
                {"font_name": FONT, "font_size": 9, "valign": "top", "text_wrap": True}))
        sheet.freeze_panes(2, 0)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        sheet.center_horizontally()
        sheet.repeat_rows(1)
        sheet.fit_to_pages(1, 0)
        sheet.set_footer("&C&9第 &P 页，共 &N 页")
        sheet.print_area(0, 0, end, last)
    finally:
        book.close()
    return buffer.getvalue()
