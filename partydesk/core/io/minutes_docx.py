"""The minutes of a meeting (会议记录) as a Word document (.docx), with the content of the PDF.

A4 with the usual margins; headings in 黑体, the header table in 宋体 and the record itself in 仿宋, each
run carrying its East-Asian font (``w:eastAsia``) — without it Word shows Chinese in the theme's font,
whatever the Latin font says. The stored body (simple HTML) goes through ``minutes_body``: paragraphs
stay paragraphs, bold stays bold, list items get their bullet or number and an indent; nothing else of
the HTML survives. The footer numbers the pages (第 N 页 共 M 页) with Word fields.

The small helpers (``set_run_font``, ``a4_document``, ``page_number_footer``) are shared with the brief.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from partydesk.core.atomicfile import atomic_write
from partydesk.core.io.minutes_data import (
    BLANK_LINES,
    GRID_COLUMNS,
    SIGNATURES,
    MinutesData,
    grid_columns,
    header_rows,
    motion_result,
    record_blocks,
    sections,
)

__all__ = ["a4_document", "add_text", "document_bytes", "minutes_docx_bytes", "page_number_footer", "set_run_font",
           "write_minutes_docx"]

SONG, FANG, HEI = "宋体", "仿宋", "黑体"
TEXT_PT, TABLE_PT = 14, 11
LABEL_FILL = "F2F2F2"


def set_run_font(run: Run, name: str, size: float, *, bold: bool = False) -> Run:
    """Give ``run`` the font ``name`` for Latin and East-Asian text alike, at ``size`` points."""
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = RGBColor(0, 0, 0)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    return run


def add_text(paragraph: Paragraph, text: str, name: str, size: float, *, bold: bool = False) -> Run:
    """Append ``text`` to ``paragraph`` as a run in ``name`` at ``size`` points."""
    return set_run_font(paragraph.add_run(text), name, size, bold=bold)


def _field(paragraph: Paragraph, code: str, size: float) -> None:
    for kind, text in (("begin", ""), ("instr", code), ("separate", ""), ("text", "1"), ("end", "")):
        run = set_run_font(paragraph.add_run(), SONG, size)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._element.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)


def page_number_footer(document: DocxDocument, *, running: str = "") -> None:
    """Centre 第 N 页 共 M 页 in the footer of every page; with ``running``, that text right-aligned over a rule at
    the head of every page after the first (which has the document's own title), so a loose page still says
    which document it belongs to."""
    section = document.sections[0]
    footers = [section.footer]
    if running:
        section.different_first_page_header_footer = True
        footers.append(section.first_page_footer)
        head = section.header.paragraphs[0]
        head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_text(head, running, SONG, 9)
        rule = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "auto")):
            bottom.set(qn(key), value)
        rule.append(bottom)
        head._p.get_or_add_pPr().append(rule)
    for footer in footers:
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_text(paragraph, "第 ", SONG, 9)
        _field(paragraph, "PAGE", 9)
        add_text(paragraph, " 页 共 ", SONG, 9)
        _field(paragraph, "NUMPAGES", 9)
        add_text(paragraph, " 页", SONG, 9)


def a4_document(*, title: str) -> DocxDocument:
    """An empty A4 portrait document with 2.5 cm/2.8 cm margins, 宋体 as its normal font, titled ``title``."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(28)
    normal = document.styles["Normal"]
    normal.font.name = SONG
    normal.font.size = Pt(TABLE_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SONG)
    document.core_properties.title = title
    document.core_properties.author = ""
    return document


def _shade(cell: object) -> None:
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), LABEL_FILL)
    cell._tc.get_or_add_tcPr().append(fill)  # type: ignore[attr-defined]


def _cell_text(cell: object, text: str, *, label: bool = False, centred: bool = False) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.paragraph_format.space_before = Pt(3)
    paragraph.paragraph_format.space_after = Pt(3)
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if label:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cell)
    add_text(paragraph, text, HEI if label else SONG, TABLE_PT)


def _name_grid(cell: Any, names: list[str], width: int) -> None:
    """Many names in a borderless grid (``grid_columns`` a row): in running text Chinese may break between
    any two characters, and a name split over two lines ("沈/鹏丹") reads as two people."""
    columns = grid_columns(names)
    rows = -(-len(names) // columns)
    grid = cell.add_table(rows, columns)
    first = cell.paragraphs[0]._p  # the cell's own empty paragraph: the grid comes first instead
    first.getparent().remove(first)
    grid.autofit = False
    column = int(width / columns)
    for each in grid.columns:
        each.width = column
    for index, name in enumerate(names):
        target = grid.cell(index // columns, index % columns)
        target.width = column
        _cell_text(target, name)


def _header_table(document: DocxDocument, data: MinutesData) -> None:
    rows = header_rows(data)
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # The 154 mm between the margins: 4-character labels; "2026年12月25日 14:30—16:30" on one line even where
    # 宋体 is missing and the digits come from a wider font (LibreOffice's DejaVu Sans needs 67 mm); an
    # 11-character place (社区党群服务中心会议室) on one line beside it.
    widths = (Mm(20), Mm(67), Mm(20), Mm(47))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid: LibreOffice sizes columns by it, Word by the cells
    for row, pairs in zip(table.rows, rows, strict=True):
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
        if len(pairs) == 1:
            merged = row.cells[1].merge(row.cells[3])
            label, value = pairs[0]
            _cell_text(row.cells[0], label, label=True)
            if label == "出席人员" and len(data.present) > GRID_COLUMNS:
                _name_grid(merged, [p.name for p in data.present], widths[1] + widths[2] + widths[3])
            else:
                _cell_text(merged, value)
        else:
            for i, (label, value) in enumerate(pairs):
                _cell_text(row.cells[2 * i], label, label=True)
                _cell_text(row.cells[2 * i + 1], value)


def _heading(document: DocxDocument, text: str) -> None:
    paragraph = document.add_heading(level=2)
    paragraph.paragraph_format.keep_with_next = True  # (Word's heading style says so; said for any reader)
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.paragraph_format.space_after = Pt(4)
    add_text(paragraph, text, HEI, 14, bold=True)


def _text(document: DocxDocument, stored: str, blank_lines: int) -> None:
    blocks = record_blocks(stored)
    for _line in range(0 if blocks else blank_lines):  # an empty record prints as room to write in
        document.add_paragraph().paragraph_format.line_spacing = 1.5
    for block in blocks:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.line_spacing = 1.5
        paragraph.paragraph_format.space_after = Pt(0)
        if block.list_kind:  # the bullet where a paragraph's first character is, the text after it
            paragraph.paragraph_format.left_indent = Pt(TEXT_PT * 2) + Mm(5)
            paragraph.paragraph_format.first_line_indent = Mm(-5)
            add_text(paragraph, f"{block.number}. " if block.list_kind == "ol" else "• ", FANG, TEXT_PT)
        else:
            paragraph.paragraph_format.first_line_indent = Pt(TEXT_PT * 2)
        for run in block.runs:
            add_text(paragraph, run.text, FANG, TEXT_PT, bold=run.bold)


def _motions(document: DocxDocument, data: MinutesData) -> None:
    table = document.add_table(rows=1 + len(data.motions), cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(74), Mm(20), Mm(20), Mm(20), Mm(20))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for cell, head in zip(table.rows[0].cells, ("表决事项", "赞成", "反对", "弃权", "结果"), strict=True):
        _cell_text(cell, head, label=True)
    for row, motion in zip(table.rows[1:], data.motions, strict=True):
        values = (motion.title, str(motion.votes_for), str(motion.against), str(motion.abstain), motion_result(motion))
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            _cell_text(cell, value, centred=index > 0)
    _keep_table_together(table)


def _keep_table_together(table: Any) -> None:
    """No row split over two pages (LibreOffice printed an empty bordered strip atop the next page), the header
    row repeated on a page a long table runs onto, and each row kept with the next: a short table, such as the
    votes, moves to the next page whole with its heading rather than leave its header row behind."""
    rows = list(table.rows)
    for at, row in enumerate(rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(properties.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))
        if at == 0:
            properties.append(properties.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
        if at + 1 < len(rows):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _signatures(document: DocxDocument) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(36)
    paragraph.paragraph_format.keep_together = True
    add_text(paragraph, f"{SIGNATURES[0]}{'_' * 14}        {SIGNATURES[1]}{'_' * 14}", SONG, 12)


def write_minutes_docx(data: MinutesData, path: Path) -> None:
    """Write the minutes to ``path`` as .docx, atomically (an existing file is replaced only when done)."""
    atomic_write(path, minutes_docx_bytes(data))


def minutes_docx_bytes(data: MinutesData) -> bytes:
    """The minutes as the bytes of a .docx file."""
    document = a4_document(title=data.title)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_text(paragraph, data.title, HEI, 20, bold=True)
    if data.organisation:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_text(paragraph, data.organisation, SONG, 12)
    _header_table(document, data)
    for key, heading in sections(data):
        _heading(document, heading)
        if key == "agenda":
            for number, item in enumerate(data.agenda, start=1):  # set as the body's paragraphs are
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.line_spacing = 1.5
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.first_line_indent = Pt(TEXT_PT * 2)
                add_text(paragraph, f"{number}. {item}", FANG, TEXT_PT)
        elif key == "motions":
            _motions(document, data)
        else:
            _text(document, data.body if key == "body" else data.decisions, BLANK_LINES[key])
    _signatures(document)
    page_number_footer(document, running=data.running_head)
    return document_bytes(document)


def document_bytes(document: DocxDocument) -> bytes:
    """A python-docx document saved to memory."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
