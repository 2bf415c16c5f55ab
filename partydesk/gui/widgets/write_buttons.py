"""The buttons of a dialog that writes a file to a USB stick and checks it (a package, a USB backup): 写入并核对
and 取消 while choosing; once the file is written and read back, only 关闭."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox


class WriteButtons(QDialogButtonBox):
    """Write-and-check (the default), Cancel (rejects) and, after ``finished``, Close (accepts)."""

    def __init__(self, dialog: QDialog, write: Callable[[], None]) -> None:
        super().__init__(dialog)
        self.write_button = self.addButton(self.tr("&Write and check"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("writeButton")
        self.write_button.setDefault(True)
        self.cancel_button = self.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button = self.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.hide()
        self.write_button.clicked.connect(write)
        self.cancel_button.clicked.connect(dialog.reject)
        self.close_button.clicked.connect(dialog.accept)

    def finished(self) -> None:
        """The file is written and checked: only Close is left, and Enter presses it."""
        self.write_button.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
