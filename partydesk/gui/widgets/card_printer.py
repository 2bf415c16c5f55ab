"""Print the member card (党员信息卡) or save it as an A4 PDF.

The card's HTML comes from ``core.io.member_card``; this module lays it out with ``QTextDocument`` in
the interface's CJK font and sends it to a ``QPdfWriter`` (saved where the user chooses, by default
"党员信息卡-<姓名>.pdf" in Documents) or to a printer chosen in ``QPrintDialog``. The data is read on the
DB lane (``request_card``); the dialogs run on the GUI thread once it has arrived, and the PDF is
written on the file lane.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from partydesk.core.errors import KnownError
from partydesk.core.io.member_card import TITLE, card_file_name
from partydesk.gui.folders import DOCUMENTS, remember_folder, start_folder
from partydesk.gui.operations import cards as card_ops
from partydesk.gui.widgets.card_print_button import CardAction
from partydesk.gui.widgets.saved_box import show_saved

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

MARGIN_MM = 15


def card_document(html: str, device: QPagedPaintDevice | None = None) -> QTextDocument:
    """The card laid out in the application's (CJK) font, for ``device``'s printable area when given.

    Laid out in the device's own pixels: otherwise ``QTextDocument.print_`` adds 2 cm margins of its
    own inside the page's and the card comes out narrow, with labels broken over two lines.
    """
    document = QTextDocument()
    font = QFont(QApplication.font())
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    if device is not None:
        document.documentLayout().setPaintDevice(device)
        area = device.pageLayout().paintRectPixels(device.logicalDpiX())
        document.setPageSize(QSizeF(area.size()))
    document.setHtml(html)
    return document


def _page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def write_pdf(html: str, path: Path) -> None:
    """Write the card to ``path`` as an A4 PDF; OSError when the file could not be written."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(_page_layout())
    writer.setResolution(300)
    writer.setTitle(TITLE)
    writer.setCreator("partydesk")
    card_document(html, writer).print_(writer)
    del writer  # the file is finished when the writer goes away
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"PDF not written: {path}")


def default_pdf_path(name: str) -> Path:
    """<the folder documents were saved to last, or Documents>/党员信息卡-<name>.pdf."""
    return start_folder(None, DOCUMENTS) / card_file_name(name)


def choose_pdf_path(parent: QWidget | None, name: str) -> Path | None:
    """Ask where to save the card; None when the user cancelled."""
    title = QCoreApplication.translate("CardPrinter", "Save member card as PDF")
    pdf_filter = QCoreApplication.translate("CardPrinter", "PDF files (*.pdf)")
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(default_pdf_path(name)), pdf_filter)
    if not chosen:
        return None
    remember_folder(None, DOCUMENTS, chosen)
    return Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")


def write_pdf_file(html: str, path: Path) -> Path:
    """``write_pdf`` for the file lane: an unwritable file becomes a KnownError with the Chinese message."""
    try:
        write_pdf(html, path)
    except OSError as exc:
        message = QCoreApplication.translate(
            "CardPrinter", "The PDF could not be saved to {path}. Check that the folder exists, that the file is "
            "not open in another program, and that the disk is not full.")
        raise KnownError(message.format(path=str(path)), code="write") from exc
    return path


def save_card_pdf(parent: QWidget | None, html: str, name: str) -> Path | None:
    """Ask where to save, then write the PDF here (blocking); the path written, or None."""
    path = choose_pdf_path(parent, name)
    if path is None:
        return None
    try:
        write_pdf(html, path)
    except OSError:
        message = QCoreApplication.translate(
            "CardPrinter", "The PDF could not be saved to {path}. Check that the folder exists, that the file is "
            "not open in another program, and that the disk is not full.")
        QMessageBox.warning(parent, QCoreApplication.translate("CardPrinter", "Member card"),
                            message.format(path=str(path)))
        return None
    return path


def print_card(parent: QWidget | None, html: str) -> bool:
    """Choose a printer and print the card; False when the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_page_layout())
    printer.setDocName(TITLE)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("CardPrinter", "Print member card"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    card_document(html, printer).print_(printer)
    return True


def request_card(
    ctx: AppContext, parent: QWidget, member_id: str, *, action: CardAction, full_numbers: bool,
    on_ready: Callable[[str, str], None] | None = None,
) -> None:
    """Read the member, the events and the organisation on the DB lane, then save or print the card.

    The PDF is written on the file lane. ``on_ready(html, name)`` replaces the dialogs (for tests and
    previews).
    """

    def ready(result: tuple[str, str] | None) -> None:
        if result is None:
            ctx.hub.statusMessage.emit(QCoreApplication.translate(
                "CardPrinter", "This member no longer exists; it may have been deleted."))
            return
        html, name = result
        if on_ready is not None:
            on_ready(html, name)
        elif action == "pdf":
            path = choose_pdf_path(parent, name)
            if path is not None:
                card_ops.write_card_pdf(parent, ctx, lambda: write_pdf_file(html, path), on_done=written,
                                        on_error=failed)
        else:
            print_card(parent, html)

    def written(path: Path) -> None:
        saved = QCoreApplication.translate("CardPrinter", "Member card saved: {path}")
        ctx.hub.statusMessage.emit(saved.format(path=str(path)))
        show_saved(parent, QCoreApplication.translate("CardPrinter", "Member card"),
                   QCoreApplication.translate("CardPrinter", "The member card is saved:"), path)

    def failed(error: KnownError) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("CardPrinter", "Member card"), error.message)

    card_ops.load_card(parent, ctx, member_id, full_numbers=full_numbers, on_done=ready)


def request_cards(
    ctx: AppContext, parent: QWidget, member_ids: list[str] | None, *, full_numbers: bool,
    action: CardAction = "pdf", on_ready: Callable[[str, int], None] | None = None,
) -> None:
    """The cards of ``member_ids`` (every member in the branch when None) as one PDF or print job, a card per page.

    Read on the DB lane (audited as "card.print"), written on the file lane. ``on_ready(html, count)``
    replaces the file dialog (for previews).
    """

    def ready(result: tuple[str, int] | None) -> None:
        if result is None:
            ctx.hub.statusMessage.emit(QCoreApplication.translate("CardPrinter", "There are no members to print."))
            return
        html, count = result
        if on_ready is not None:
            on_ready(html, count)
            return
        if action == "print":
            print_card(parent, html)
            return
        path = choose_pdf_path(parent, QCoreApplication.translate("CardPrinter", "{count} members").format(
            count=count))
        if path is not None:
            card_ops.write_card_pdf(parent, ctx, lambda: write_pdf_file(html, path), on_done=written,
                                    on_error=failed)

    def written(path: Path) -> None:
        saved = QCoreApplication.translate("CardPrinter", "Member cards saved: {path}")
        ctx.hub.statusMessage.emit(saved.format(path=str(path)))
        show_saved(parent, QCoreApplication.translate("CardPrinter", "Member card"),
                   QCoreApplication.translate("CardPrinter", "The members' cards are saved:"), path)

    def failed(error: KnownError) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("CardPrinter", "Member card"), error.message)

    card_ops.load_cards(parent, ctx, member_ids, full_numbers=full_numbers, on_done=ready)


def request_for_selection(
    ctx: AppContext, parent: QWidget, member_ids: list[str], *, action: CardAction, full_numbers: bool,
) -> None:
    """The selected members' cards: one card for one member, one document of cards for several."""
    if len(member_ids) > 1:
        request_cards(ctx, parent, member_ids, action=action, full_numbers=full_numbers)
    elif member_ids:
        request_card(ctx, parent, member_ids[0], action=action, full_numbers=full_numbers)
