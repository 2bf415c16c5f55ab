"""The question before deleting a record: its buttons say what they do (删除, 取消), not 是/否, and Enter or Esc
deletes nothing (取消 is the default), as the member and talk deletions ask."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate


def ask_to_delete(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask ``text`` with 删除 and 取消 (the default); True when 删除 was clicked."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("deleteQuestion")
    delete = box.addButton(translate("AskDelete", "Delete"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete
