"""The activity brief (活动简报) as a Word document: red heading, title, date, summary, photos, names.

The same content as the picture (``brief_html``), for offices that print the brief or send it on. Photos
are given as bytes (the GUI hands over copies re-encoded without their EXIF, which can hold where a photo
was taken); without them the chosen files are read as they are.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from partydesk.core.atomicfile import atomic_write
from partydesk.core.io.brief_data import BriefData
from partydesk.core.io.minutes_docx import FANG, HEI, SONG, a4_document, add_text, document_bytes

__all__ = ["brief_docx_bytes", "write_brief_docx"]

PHOTO_WIDTH = Mm(150)
RED = RGBColor(0xB8, 0x14, 0x1B)


def brief_docx_bytes(data: BriefData, photos: Sequence[bytes] | None = None) -> bytes:
    """The brief as the bytes of a .docx file."""
    document = a4_document(title=data.title)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_text(heading, "活动简报", SONG, 26, bold=True).font.color.rgb = RED
    line = document.add_paragraph()
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_text(line, f"{data.organisation}　　{data.date_text()}", SONG, 12)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(12)
    add_text(title, data.title, HEI, 18, bold=True)
    for text in data.paragraphs():
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(28)
        paragraph.paragraph_format.line_spacing = 1.5
        add_text(paragraph, text, FANG, 14)
    pictures = list(photos) if photos is not None else [p.read_bytes() for p in data.photos]
    for picture in pictures:
        document.add_picture(io.BytesIO(picture), width=PHOTO_WIDTH)
        document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if data.names:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(12)
        add_text(paragraph, "参加人员：", HEI, 12)
        add_text(paragraph, "、".join(data.names), FANG, 12)
    return document_bytes(document)


def write_brief_docx(data: BriefData, path: Path, photos: Sequence[bytes] | None = None) -> None:
    """Write the brief to ``path`` as .docx, atomically."""
    atomic_write(path, brief_docx_bytes(data, photos))
