"""The 打印信息卡 button with its menu (save as PDF, print, optionally all members), shared by the roster and
the member page. It only asks; the page decides which members and runs the card printer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

CardAction = Literal["pdf", "print"]
CardRequest = Callable[[CardAction], None]


class CardPrintButton(QPushButton):
    """A push button whose menu offers 另存为 PDF, 打印, and (with ``on_all``) every member's cards."""

    def __init__(self, parent: QWidget, on_request: CardRequest, on_all: Callable[[], None] | None = None, *,
                 full_numbers: Callable[[], bool] = lambda: False) -> None:
        """``full_numbers``: whether the cards would carry full ID and phone numbers (the page's 显示完整号码 tick):
        each entry says which, as the menu opens, so a card is never printed masked (or whole) unawares."""
        super().__init__(parent)
        self._full_numbers = full_numbers
        self.setObjectName("printButton")
        self.pdf_action = QAction(self)
        self.pdf_action.triggered.connect(lambda: on_request("pdf"))
        self.printer_action = QAction(self)
        self.printer_action.triggered.connect(lambda: on_request("print"))
        menu = QMenu(self)
        menu.addAction(self.pdf_action)
        menu.addAction(self.printer_action)
        self.all_cards_action: QAction | None = None
        if on_all is not None:
            self.all_cards_action = QAction(self)
            self.all_cards_action.triggered.connect(on_all)
            menu.addAction(self.all_cards_action)
        menu.aboutToShow.connect(self._retranslate)
        self.setMenu(menu)
        self._retranslate(full=False)  # (the page's tick may not be built yet: read as the menu opens)

    def set_single_enabled(self, enabled: bool) -> None:
        """Enable the entries that need a chosen member."""
        self.pdf_action.setEnabled(enabled)
        self.printer_action.setEnabled(enabled)

    def _retranslate(self, full: bool | None = None) -> None:
        self.setText(self.tr("Print card"))
        self.setToolTip(self.tr("ID and phone numbers on the cards are printed in full only while “Show full "
                                "numbers” is ticked."))
        if self._full_numbers() if full is None else full:
            self.pdf_action.setText(self.tr("Save as PDF (full numbers)…"))
            self.printer_action.setText(self.tr("Print (full numbers)…"))
            all_text = self.tr("All members' cards as one PDF (full numbers)…")
        else:
            self.pdf_action.setText(self.tr("Save as PDF (numbers partly hidden)…"))
            self.printer_action.setText(self.tr("Print (numbers partly hidden)…"))
            all_text = self.tr("All members' cards as one PDF (numbers partly hidden)…")
        if self.all_cards_action is not None:
            self.all_cards_action.setText(all_text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
