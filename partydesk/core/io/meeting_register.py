"""The year's meeting register (会议台账) as an .xlsx workbook, written with XlsxWriter.

One row per meeting — date, type, topic, place, chair, recorder, 应到, 实到, 请假, 缺席 and the quorum
verdict — under a title row, set up to print: landscape A4, the header row repeated on every page, fitted
to the page width, nothing smaller than 9 pt once fitted. Plain records in, a file out; no database.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import xlsxwriter

from partydesk.core.atomicfile import atomic_write
from partydesk.core.io.sheet_text import wrapped_lines

__all__ = ["COLUMNS", "RegisterRow", "register_bytes", "register_file_name", "write_register"]

# (header, width in characters)
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 5), ("日期", 11), ("会议类型", 16), ("会议主题", 34), ("地点", 18), ("主持人", 8), ("记录人", 8),
    ("应到", 5), ("实到", 5), ("请假", 5), ("缺席", 5), ("法定人数", 9))
FONT = "宋体"
FONT_SIZE = 10  # fitting the page width may shrink the sheet a little; 10 pt keeps it readable
LINE_PT = 13.5  # one line of 10 pt text in a row, as Excel and LibreOffice lay it out


@dataclass(frozen=True)
class RegisterRow:
    """One meeting in the register; ``quorum`` is 符合 / 不符合 / "" (no quorum applies)."""

    held_on: date
    type_name: str
    topic: str
    place: str
    chair: str
    recorder: str
    expected: int
    present: int
    leave: int
    absent: int
    quorum: str = ""


def register_file_name(year: int) -> str:
    """The default file name: 会议台账-2026.xlsx."""
    return f"会议台账-{year}.xlsx"


def write_register(rows: Sequence[RegisterRow], path: Path, *, organisation: str, year: int) -> None:
    """Write the register of ``year`` to ``path``, atomically (an existing file is replaced only when done)."""
    atomic_write(path, register_bytes(rows, organisation=organisation, year=year))


def register_bytes(rows: Sequence[RegisterRow], *, organisation: str, year: int) -> bytes:
    """The register of ``year`` as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    try:
        base = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "vcenter", "border": 1}
        title = book.add_format({"font_name": FONT, "font_size": 16, "bold": True, "align": "center",
                                 "valign": "vcenter"})
        head = book.add_format({**base, "bold": True, "align": "center", "bg_color": "#F2F2F2", "text_wrap": True})
        text = book.add_format({**base, "text_wrap": True})
        centred = book.add_format({**base, "align": "center"})
        centred_wrap = book.add_format({**base, "align": "center", "text_wrap": True})
        day = book.add_format({**base, "align": "center", "num_format": "yyyy-mm-dd"})
        sheet = book.add_worksheet(f"{year}年会议台账")
        last = len(COLUMNS) - 1
        sheet.merge_range(0, 0, 0, last, f"{organisation}{year}年会议台账", title)
        sheet.set_row(0, 30)
        for col, (header, width) in enumerate(COLUMNS):
            sheet.set_column(col, col, width)
            sheet.write_string(1, col, header, head)
        sheet.set_row(1, 20)
        for number, row in enumerate(rows, start=1):
            r = number + 1
            texts = (row.type_name, row.topic, row.place, row.chair, row.recorder)
            lines = max(wrapped_lines(value, COLUMNS[col][1]) for col, value in enumerate(texts, start=2))
            if lines > 1:  # a long topic on two lines or more: the row as tall (no office suite grows it)
                sheet.set_row(r, LINE_PT * lines + 4)
            sheet.write_number(r, 0, number, centred)
            sheet.write_datetime(r, 1, row.held_on, day)
            for col, value in enumerate(texts, start=2):
                sheet.write_string(r, col, value, text if col in (3, 4) else centred_wrap)
            for col, count in enumerate((row.expected, row.present, row.leave, row.absent), start=7):
                sheet.write_number(r, col, count, centred)
            sheet.write_string(r, 11, row.quorum or "—", centred)
        if not rows:
            sheet.merge_range(2, 0, 2, last, f"{year}年没有会议记录。", text)
        sheet.freeze_panes(2, 0)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        sheet.center_horizontally()
        sheet.repeat_rows(1)
        sheet.fit_to_pages(1, 0)
        sheet.set_footer("&C&9第 &P 页，共 &N 页")
        sheet.print_area(0, 0, max(len(rows), 1) + 1, last)
    finally:
        book.close()
    return buffer.getvalue()
