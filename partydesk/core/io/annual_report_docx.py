"""The yearly report as a Word document (.docx, python-docx): A4, 宋体/黑体, tables with borders.

Lays out ``annual_report.blocks``; charts go in as PNG pictures 15 cm wide.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from partydesk.core.io.annual_report import TITLE, AnnualReport, Heading, Paragraph, Picture, Table, blocks

BODY_FONT, HEADING_FONT = "宋体", "黑体"


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
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)


def report_docx(report: AnnualReport) -> bytes:
    """The report as .docx bytes."""
    document = Document()
    _styles(document)
    document.core_properties.title = f"{report.organisation}{report.year}{TITLE}"
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
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
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
