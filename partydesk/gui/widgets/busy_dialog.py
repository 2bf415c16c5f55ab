"""A dialog that cannot be closed while its write is on the DB lane: the outcome must be seen."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWidget

from partydesk.core.errors import KnownError


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


def focus_at_fault(error: KnownError, fields: Mapping[str, QWidget], fallback: QWidget) -> None:
    """After a refused save, the cursor goes to the field ``error`` names (else ``fallback``). Left alone it
    would sit on 取消, where it moved when Save was disabled for the save, and Enter would close the dialog."""
    fields.get(str(getattr(error, "field", "") or ""), fallback).setFocus()
