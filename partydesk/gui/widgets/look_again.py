"""A question before something hard to take back, whose default answer (Enter, Esc) is 再看看 (look again):
keeping one version of a conflict, crediting more hours than a year asks for."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_first(parent: QWidget, text: str, action: str, action_name: str) -> bool:
    """Whether the office chose ``action`` (the button named ``action_name``) over 再看看 (``lookAgainButton``)."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(), text, parent=parent)
    chosen = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    chosen.setObjectName(action_name)
    back = box.addButton(QCoreApplication.translate("LookAgain", "Look again"), QMessageBox.ButtonRole.RejectRole)
    back.setObjectName("lookAgainButton")
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is chosen
