"""The progress dialog a long background job shows: only the runner closes it, the user may cancel it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

# QProgressBar holds a C int; byte counts of big files can exceed it, so such totals are scaled.
_INT_MAX = 2**31 - 1
_SCALED_MAX = 1000


class JobProgressDialog(QProgressDialog):
    """A progress dialog that only the runner closes, and that the user cancels only if allowed."""

    def __init__(self, parent: QWidget | None, *, title: str, cancellable: bool) -> None:
        super().__init__(parent)
        self._cancellable = cancellable
        self._total: int | None = None
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        # The runner decides when the dialog goes away: a job with several phases may reach 100 % early.
        self.setAutoReset(False)
        self.setAutoClose(False)
        self.setMinimumDuration(400)
        self.setRange(0, 0)
        self.setValue(0)  # starts the minimum-duration timer, so quick jobs never flash a dialog

    def show_progress(self, done: int, total: int, text: str) -> None:
        """Show one progress report; an unknown total (0) gives a busy indicator."""
        if total <= 0:
            maximum, value = 0, 0
        elif total > _INT_MAX:
            maximum, value = _SCALED_MAX, int(_SCALED_MAX * min(done, total) / total)
        else:
            maximum, value = total, max(0, min(done, total))
        if maximum != self._total:
            self._total = maximum
            self.setRange(0, maximum)
        if text != self.labelText():
            self.setLabelText(text)
        self.setValue(value)

    def finish(self) -> None:
        """Close for good: reset() stops the pending auto-show timer, hide() avoids closeEvent's cancel."""
        self.reset()
        self.hide()
        self.deleteLater()

    def reject(self) -> None:
        # Esc: cancel the job like the button does, or do nothing when the job cannot be cancelled.
        if self._cancellable:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._cancellable:
            super().closeEvent(event)  # emits canceled
        else:
            event.ignore()
