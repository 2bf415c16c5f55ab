"""A dialog that cannot be closed while its write is on the DB lane: the outcome must be seen."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog


class BusyDialog(QDialog):
    """Esc, Cancel and the close box do nothing while ``_busy`` is set (a save takes a moment only)."""

    _busy = False

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
        else:
            super().closeEvent(event)
