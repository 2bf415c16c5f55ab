"""Pages open their dialogs window-modal and non-blocking, and remember the open one (tests drive it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


class DialogHost:
    """Mixin for a page: ``open_dialog`` shows a dialog without blocking the DB lane's callbacks."""

    _dialog: QWidget | None = None

    def current_dialog(self) -> QWidget | None:
        """The dialog this page opened last, while it is open (for tests)."""
        return self._dialog

    def _open(self, dialog: Any) -> None:
        # Window-modal and non-blocking: the DB lane's results keep arriving while the dialog is open.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self._dialog is not None and self._dialog.isVisible():
            # Only one event can ask twice (the open one blocks the page): a second copy of a record
            # would let the older copy's save overwrite the newer one. The open one is kept.
            self._dialog.raise_()
            self._dialog.activateWindow()
            dialog.close()
            return
        dialog.finished.connect(lambda _code: setattr(self, "_dialog", None))
        self._dialog = dialog
        dialog.open()
