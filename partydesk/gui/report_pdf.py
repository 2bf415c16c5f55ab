"""The yearly report written to a file: .docx by python-docx, or HTML → A4 PDF with Qt, headless if need be.

Same signature as the shared ``gui.pdf.html_to_pdf`` the documents module is adding; the report moves
to it once it has landed. Works without a window: with no application yet, an offscreen
``QApplication`` is made (the command line's ``partydesk report``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from partydesk.core.atomicfile import atomic_write

if TYPE_CHECKING:
    from partydesk.core.services.annual_report import AnnualReport

FONTS = ("SimSun", "宋体", "Noto Serif CJK SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei")
MARGIN_MM = 18
_app: object | None = None


def ensure_gui() -> None:
    """An application for fonts and painting; the offscreen platform when there is no display.

    A full ``QApplication`` rather than a ``QGuiApplication``: whatever runs later in the same process (a
    window, pytest-qt) needs the widgets kind, and there can be only one application per process.
    """
    global _app
    if QCoreApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name != "nt":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _app = QApplication(["partydesk"])


def pdf_bytes(html: str, *, title: str) -> bytes:
    """``html`` laid out on A4 pages as PDF bytes."""
    ensure_gui()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(*(MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("partydesk")
    document = QTextDocument()
    font = QFont()
    font.setFamilies(list(FONTS))
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.documentLayout().setPaintDevice(writer)
    area = writer.pageLayout().paintRectPixels(writer.logicalDpiX())
    document.setPageSize(QSizeF(area.size()))
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(buffer.data().data())


def html_to_pdf(html: str, path: Path, *, title: str) -> None:
    """Write ``html`` to ``path`` as an A4 PDF, atomically (a failed write leaves no half file)."""
    atomic_write(path, pdf_bytes(html, title=title))


def write_report(report: AnnualReport, out: Path) -> Path:
    """Write a gathered yearly report to ``out`` as .docx (python-docx) or PDF (Qt), by its suffix."""
    if out.suffix.lower() == ".docx":
        from partydesk.core.io.annual_report_docx import write_docx

        return write_docx(report, out)
    from partydesk.core.io.annual_report import TITLE
    from partydesk.core.io.annual_report_html import report_html

    html_to_pdf(report_html(report), out, title=f"{report.organisation}{report.year}{TITLE}")
    return out
