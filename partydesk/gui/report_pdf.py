"""The yearly report written to a file: .docx by python-docx, or HTML → A4 PDF with Qt, headless if need be.

The PDF goes through the shared ``gui.pdf.html_to_pdf`` (A4, page numbers). Works without a window: with
no application yet, an offscreen ``QApplication`` is made first (the command line's ``partydesk report``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from partydesk.core.services.annual_report import AnnualReport

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


def write_report(report: AnnualReport, out: Path) -> Path:
    """Write a gathered yearly report to ``out`` as .docx (python-docx) or PDF (Qt), by its suffix."""
    if out.suffix.lower() == ".docx":
        from partydesk.core.io.annual_report_docx import write_docx

        return write_docx(report, out)
    from partydesk.core.io.annual_report import TITLE
    from partydesk.core.io.annual_report_html import report_html
    from partydesk.gui.pdf import html_to_pdf

    ensure_gui()  # before the shared writer would make a bare QGuiApplication
    title = f"{report.organisation}{report.year}{TITLE}"
    html_to_pdf(report_html(report), out, title=title, running=title)
    return out
