"""HTML documents on paper and in files: A4 PDF with page numbers, the printer, and PNG pictures.

The core writes documents as HTML that ``QTextDocument`` renders (minutes, member cards, reports); this
module lays them out in a CJK font — 宋体 where Windows has it, else the CJK families Linux offices carry —
and paints them page by page onto a ``QPdfWriter`` or a ``QPrinter``, with 第 N 页 共 M 页 in the footer of
every page and, when given, a running head (which document: "支部党员大会记录　2026年3月15日") over every page
after the first, in the top margin, so a loose page of a filed record still says whose it is. Headings stay
with the lines under them and table rows stay whole on one page, as the Word documents keep them. ``html_to_png``
paints one long page of a given pixel width (the activity brief for a WeChat article). Everything here works
headless: the command line calls it with no window, and when no ``QGuiApplication`` exists one is created on the
offscreen platform. PDFs and PNGs may be written on the file lane; ``print_html`` shows a dialog and so runs on
the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from partydesk.core.atomicfile import atomic_write
from partydesk.core.io.minutes_html import KEEP_WITH_END, KEEP_WITH_NEXT
from partydesk.gui.pdf_rows import CSS_DPI, RowKeeper

__all__ = ["DOCUMENT_FONTS", "document_font", "ensure_gui", "html_to_pdf", "html_to_png", "layout_document",
           "page_layout", "paint_pages", "pdf_bytes", "print_html", "print_on"]

DOCUMENT_FONTS = ("SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", "Microsoft YaHei",
                  "Noto Sans CJK SC", "WenQuanYi Micro Hei")
MARGIN_MM = (20, 18, 20, 15)  # left, top, right, bottom: room to bind on the left
FOOTER_MM = 10
HEADER_GAP_MM = 3  # between the running head's baseline and the body (inside the top margin)
RESOLUTION = 300
# The documents are Chinese whatever the interface language, like the HTML they are made from.
PAGE_NUMBER = "第 {page} 页 共 {pages} 页"
_app: QGuiApplication | None = None  # kept alive when this module had to create it


def ensure_gui() -> None:
    """Make sure a ``QGuiApplication`` exists (fonts and painting need one).

    Headless runs (the command line) get one without a window: on Windows the native platform, whose
    font database knows the system's CJK fonts and opens no window until asked; elsewhere the offscreen
    platform (fontconfig), so no display is needed. ``QT_QPA_PLATFORM`` overrides both.
    """
    global _app
    if QCoreApplication.instance() is not None:
        return
    argv = ["partydesk"]
    platform = os.environ.get("QT_QPA_PLATFORM") or ("" if os.name == "nt" else "offscreen")
    if platform:
        argv += ["-platform", platform]
    _app = QGuiApplication(argv)


def document_font(points: float = 10.5) -> QFont:
    """The documents' font: 宋体 first, then the CJK families that may be installed instead."""
    font = QFont()
    font.setFamilies(list(DOCUMENT_FONTS))
    font.setPointSizeF(points)
    return font


def page_layout() -> QPageLayout:
    """A4 portrait with the documents' margins."""
    left, top, right, bottom = MARGIN_MM
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(left, top, right, bottom), QPageLayout.Unit.Millimeter)


def _footer_px(device: QPagedPaintDevice) -> float:
    return FOOTER_MM / 25.4 * device.logicalDpiY()


def layout_document(html: str, device: QPagedPaintDevice) -> QTextDocument:
    """``html`` laid out in ``device``'s pixels, paginated to its printable area less the footer."""
    document = QTextDocument()
    document.setDefaultFont(document_font())
    document.setDocumentMargin(0)
    document.documentLayout().setPaintDevice(device)
    area = device.pageLayout().paintRectPixels(device.logicalDpiX())
    document.setPageSize(QSizeF(area.width(), area.height() - _footer_px(device)))
    document.setUndoRedoEnabled(False)  # (laid out to be painted: the moves below need no undoing)
    document.setHtml(html)
    _keep_headings_with_text(document)
    rows = RowKeeper(document, device.logicalDpiY() / CSS_DPI)
    # A row moved moves what follows (a heading may now end a page); a heading moved moves every row after it,
    # and a row made taller for the old position would leave a blank band: the rows after it are done afresh.
    for at in range(MOST_PASSES):
        if not rows.keep_whole() or at == MOST_PASSES - 1:
            break
        heading = _keep_headings_with_text(document)
        if heading is None:
            break
        rows.undo(after=heading)
    _keep_end_together(document)
    return document


MOST_PASSES = 4  # rounds of keeping rows whole, then headings with their lines (one or two in practice)


def _keep_headings_with_text(document: QTextDocument) -> int | None:
    """Each heading (a block holding a ``KEEP_WITH_NEXT`` or ``KEEP_WITH_END`` anchor) with its first lines:
    one that would leave less room under it on its page than two lines of what follows (a paragraph, a
    table's first row), or that Qt left across a page's foot, starts the next page instead of ending this
    one alone. Headings in a row (a part's, then its first section's) go together with the lines under the
    last.

    One heading is moved at a time, and the document from it on is laid out again before the next is looked
    for, the search going on from there: Qt's layout after a change mid-document can leave later blocks
    unplaced (of no height, so never printed), and every later position depends on the move. The position of
    the first heading moved (None when none was)."""
    moved: set[int] = set()
    first: int | None = None
    start = document.begin()
    for _attempt in range(MOST_MOVES):
        block = _heading_left_alone(document, start, moved)
        if block is None:
            break
        start = block
        moved.add(block.blockNumber())
        first = block.position() if first is None else first
        cursor = QTextCursor(block)
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(fmt)
        document.markContentsDirty(block.position(), document.characterCount() - block.position())
    return first


MOST_MOVES = 200  # headings moved to a new page at most (a bound on the passes, far above any document's)


def _heading_left_alone(document: QTextDocument, block: QTextBlock, moved: set[int]) -> QTextBlock | None:
    """The first heading from ``block`` on, not yet moved, that would end its page without the lines under it,
    or None."""
    page = document.pageSize().height()
    layout = document.documentLayout()
    while block.isValid():
        if _is_kept(block) and block.blockNumber() not in moved:
            rect = layout.blockBoundingRect(block)
            room = page - rect.bottom() % page
            after, wanted = block.next(), 0.0
            while after.isValid() and _is_kept(after):
                wanted += layout.blockBoundingRect(after).height()
                after = after.next()
            wanted += 2 * _first_line_height(after)
            # Qt may leave a heading's line across the page's foot (half of it would print above the footer),
            # and moves a table that cannot start on this page to the next, away from its heading.
            across = int((rect.top() + 1) // page) != int((rect.bottom() - 1) // page)  # (Qt rounds a page top)
            apart = after.isValid() and int((rect.top() + 1) // page) != int(
                (layout.blockBoundingRect(after).top() + 1) // page)
            if (room < wanted or across or apart) and rect.height() + wanted < page / 2:
                return block
        block = block.next()
    return None


def _is_kept(block: QTextBlock) -> bool:
    return _holds_anchor(block, KEEP_WITH_NEXT, prefix=True) or _holds_anchor(block, KEEP_WITH_END)


def _first_line_height(block: QTextBlock) -> float:
    """The height of the first line of ``block`` as laid out (a table cell's padding included roughly)."""
    lines = block.layout() if block.isValid() else None
    if lines is None or lines.lineCount() == 0:
        return 20.0
    return lines.lineAt(0).height() + 8.0


def _keep_end_together(document: QTextDocument) -> None:
    """The end of the document from the block holding the ``KEEP_WITH_END`` anchor (the minutes' last
    section and the signatures) on one page: when a page break falls inside it and it fits on a page, it
    starts a new page, so the signature lines are never left alone at the top of the last page."""
    block = document.begin()
    while block.isValid() and not _holds_anchor(block, KEEP_WITH_END):
        block = block.next()
    if not block.isValid():
        return
    page = document.pageSize().height()
    layout = document.documentLayout()
    top = layout.blockBoundingRect(block).top()
    bottom = layout.documentSize().height()
    if int(top // page) == int((bottom - 1) // page) or bottom - top > page:
        return  # already together, or more than a page whatever is done
    cursor = QTextCursor(block)
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(fmt)
    document.markContentsDirty(0, document.characterCount())  # laid out again whole (_keep_headings_with_text)


def _holds_anchor(block: QTextBlock, name: str, *, prefix: bool = False) -> bool:
    """Whether a fragment of ``block`` is anchored as ``name`` (with ``prefix``, as a name beginning so)."""
    iterator = block.begin()
    while not iterator.atEnd():
        names = iterator.fragment().charFormat().anchorNames()
        if any(n.startswith(name) for n in names) if prefix else name in names:
            return True
        iterator += 1
    return False


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, *, running: str = "") -> int:
    """Paint every page of ``document`` onto ``device`` with its page number, and ``running`` over every page
    after the first (the first has the document's own title); returns the page count."""
    body = document.pageSize()
    pages = document.pageCount()
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError("could not start painting on the output device")
    try:
        footer = document_font(9)
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            area = QRectF(0, page * body.height(), body.width(), body.height())
            # drawContents paints whole blocks: a heading whose margin ends this page but whose line opens the
            # next would show half its line above the footer too. Nothing is painted outside the page's body.
            painter.setClipRect(area)
            document.drawContents(painter, area)
            painter.restore()
            painter.setFont(footer)
            text = PAGE_NUMBER.format(page=page + 1, pages=pages)
            painter.drawText(QRectF(0, body.height(), body.width(), _footer_px(device)),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), text)
            if running and page:
                _paint_running_head(painter, device, body.width(), running)
    finally:
        painter.end()
    return pages


def _paint_running_head(painter: QPainter, device: QPagedPaintDevice, width: float, text: str) -> None:
    """``text`` right-aligned in the top margin, just above the body, over a hairline: the painter's origin is
    the body's top left, so it is painted above it (the margin is the device's to print on)."""
    mm = device.logicalDpiY() / 25.4
    gap, height = HEADER_GAP_MM * mm, painter.fontMetrics().height()
    painter.drawText(QRectF(0, -gap - height, width, height),
                     int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text)
    pen = painter.pen()
    pen.setWidthF(0.25 * mm)
    painter.setPen(pen)
    painter.drawLine(QPointF(0, -gap + 0.5 * mm), QPointF(width, -gap + 0.5 * mm))


def pdf_bytes(html: str, *, title: str, running: str = "") -> bytes:
    """``html`` as the bytes of an A4 PDF with page numbers (and ``running`` over every page after the first)."""
    ensure_gui()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout())
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("partydesk")
    paint_pages(layout_document(html, writer), writer, running=running)
    del writer  # the PDF is finished when the writer goes away
    buffer.close()
    return bytes(buffer.data().data())


def html_to_pdf(html: str, path: Path, *, title: str, running: str = "") -> None:
    """Write ``html`` to ``path`` as an A4 PDF with page numbers (and a running head, ``pdf_bytes``), atomically:
    an existing file is replaced only by a complete one. OSError (or a KnownError for a full or read-only disk)
    when it failed."""
    atomic_write(path, pdf_bytes(html, title=title, running=running))


def print_html(parent: QWidget | None, html: str, *, title: str, running: str = "") -> bool:
    """Choose a printer in ``QPrintDialog`` and print ``html`` with page numbers (and ``running`` over every page
    after the first); False when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Pdf", "Print {title}").format(title=title))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_on(printer, html, running=running)
    return True


def print_on(printer: QPrinter, html: str, *, running: str = "") -> int:
    """Print ``html`` on a printer already chosen, on the paper and margins set on it (``print_html`` starts
    from A4 with the documents' margins; the print dialog may change them); returns the page count."""
    return paint_pages(layout_document(html, printer), printer, running=running)


def html_to_png(html: str, path: Path, *, width: int, images: Mapping[str, QImage] | None = None,
                margin: int = 0) -> QImage:
    """Paint ``html`` as one picture ``width`` pixels wide and as tall as it needs; saves it to ``path``.

    ``images`` maps the names the HTML's ``<img src>`` uses to the pictures to show (added as resources,
    so the HTML never loads files by itself), ``margin`` the white border in px inside ``width``. Font
    sizes in the HTML should be in px for a predictable result. Returns the image written; OSError when it
    could not be saved.
    """
    ensure_gui()
    document = QTextDocument()
    font = document_font()
    font.setPixelSize(24)
    document.setDefaultFont(font)
    document.setDocumentMargin(margin)
    for name, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setTextWidth(width)
    document.setHtml(html)
    height = max(1, int(document.size().height() + 0.5))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        document.drawContents(painter)
    finally:
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub says bytes; only str works
        raise OSError(f"PNG not encoded: {path}")
    atomic_write(path, bytes(buffer.data().data()))
    return image
