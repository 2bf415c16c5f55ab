"""The yearly report as a Word document (.docx, python-docx): A4, 宋体/黑体, tables with borders.

Lays out ``annual_report.blocks``; charts go in as PNG pictures 15 cm wide. Table columns are as wide
as their text asks (the meeting register's topic wide, its dates narrow) and headers repeat on each page.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from partydesk.core.io.annual_report import TITLE, AnnualReport, Heading, Paragraph, Picture, Table, blocks
from partydesk.core.io.minutes_docx import page_number_footer

BODY_FONT, HEADING_FONT = "宋体", "黑体"
MARGIN_CM = 2.2
TEXT_WIDTH_CM = 21 - 2 * MARGIN_CM
HALF_EM_CM = 0.23  # half a Chinese character at 11 pt, about a digit (with room for a wider stand-in font)
CELL_PADDING_CM = 0.5  # a cell's left and right margins, and a little air


def _east_asian(style_or_run: Any, name: str) -> None:
    element = style_or_run.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def _styles(document: Any) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    _east_asian(normal, BODY_FONT)
    for style_name in ("Title", "Heading 1", "Heading 2"):
        style = document.styles[style_name]
        style.font.name = "Times New Roman"
        _east_asian(style, HEADING_FONT)
        style.font.color.rgb = None
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(MARGIN_CM)
    section.top_margin = section.bottom_margin = Cm(MARGIN_CM)


def _text_width(text: str) -> int:
    """Width in half-em units: a Chinese character is two, a digit or Latin letter one."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


# Every column is at least four Chinese characters wide (or its own widest text, when narrower): a count or
# a short name never wraps; a column of dates is always as wide as they are.
FLOOR_CM = _text_width("党员大会") * HALF_EM_CM + CELL_PADDING_CM
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_CM = _text_width("2026-10-20") * HALF_EM_CM + CELL_PADDING_CM  # a range of days wraps after its first


def column_widths_cm(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[float]:
    """Column widths (cm) filling the text width: a column whose widest text fits gets that width; otherwise
    each gets its widest text up to ``FLOOR_CM`` (a column of dates all of its width), and the room left
    goes to the columns with more, in proportion to the square of how much more they have, so a long topic
    gets most of it and a branch's name beside it little (sharing alike left both narrow: 主题 wrapped to
    four lines in a committee's register)."""
    natural = [max([_text_width(h)] + [_text_width(r[i]) for r in rows]) * HALF_EM_CM + CELL_PADDING_CM
               for i, h in enumerate(headers)]
    if sum(natural) <= TEXT_WIDTH_CM:
        return [round(TEXT_WIDTH_CM * n / sum(natural), 2) for n in natural]
    dates = [bool(rows) and all(_DATE.match(r[i]) for r in rows) for i in range(len(headers))]
    floors = [min(n, DATE_CM if dated else FLOOR_CM) for n, dated in zip(natural, dates, strict=True)]
    room = TEXT_WIDTH_CM - sum(floors)
    if room > 0:
        more = [(n - f) ** 2 for n, f in zip(natural, floors, strict=True)]  # (squared: the longest gets most)
        return [round(f + room * m / sum(more), 2) for f, m in zip(floors, more, strict=True)]
    low, high = 0.0, max(natural)  # (too many columns for the floors) the cap c with sum(min(natural, c)) == the width
    for _ in range(40):
        cap = (low + high) / 2
        low, high = (cap, high) if sum(min(n, cap) for n in natural) < TEXT_WIDTH_CM else (low, cap)
    return [round(min(n, low), 2) for n in natural]


def _set_widths(table: Any, widths: Sequence[float]) -> None:
    # Word reads each cell's width, LibreOffice the grid's: set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _repeat_header(row: Any) -> None:
    """The header row repeats at the top of every page a long table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    header = trpr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    trpr.append(header)


def _keep_whole(row: Any) -> None:
    """The row never breaks across a page (a meeting's topic split between two pages reads as two lines)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))


HEADER_FILL = "EEEEEE"  # the PDF's header shading (annual_report_html), so both print alike


def _header_cell(cell: Any, text: str) -> None:
    """A header cell as the PDF shows it: bold, centred, on a light grey ground."""
    cell.text = text
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in paragraph.runs:
        run.bold = True
    properties = cell._tc.get_or_add_tcPr()
    properties.append(properties.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto",
                                                           qn("w:fill"): HEADER_FILL}))


def report_docx(report: AnnualReport) -> bytes:
    """The report as .docx bytes."""
    document = Document()
    _styles(document)
    title = f"{report.organisation}{report.year}{TITLE}"
    page_number_footer(document, running=title)
    document.core_properties.title = title
    for block in blocks(report):
        if isinstance(block, Heading):
            if block.level == 0:
                for line in block.text.split("\n"):
                    title = document.add_heading(line, 0)
                    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                document.add_heading(block.text, block.level)
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        elif isinstance(block, Table):
            table = document.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            table.autofit = False
            _repeat_header(table.rows[0])
            _keep_whole(table.rows[0])
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                _header_cell(cell, text)
            for row in block.rows:
                added = table.add_row()
                _keep_whole(added)
                cells = added.cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            _set_widths(table, column_widths_cm(block.headers, block.rows))
            document.add_paragraph()
        elif isinstance(block, Picture):
            document.add_picture(io.BytesIO(block.png), width=Cm(15))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def write_docx(report: AnnualReport, path: Path) -> Path:
    """Write the .docx to ``path`` (atomically: a failed write leaves no half file)."""
    from partydesk.core.atomicfile import atomic_write

    atomic_write(path, report_docx(report))
    return path
