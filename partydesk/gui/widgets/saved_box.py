"""Where a file the office will print or hand in went: said in a box with 打开所在文件夹, not only on the status
line, which a person new to the program does not look at (the roster export's way, for the other exports)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from partydesk.gui.folders import open_with_system


def show_saved(parent: QWidget, title: str, text: str, path: Path) -> QMessageBox:
    """A box over ``parent``'s window saying ``text`` and the file's full path, with a button opening its folder;
    window-modal and not blocking (it closes itself away when closed)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, f"{text}\n{path}", QMessageBox.StandardButton.NoButton,
                      parent.window())
    box.setObjectName("savedBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    folder = box.addButton(QCoreApplication.translate("SavedBox", "Open folder"), QMessageBox.ButtonRole.ActionRole)
    folder.setObjectName("openFolderButton")
    folder.clicked.connect(lambda: open_with_system(box, path.parent))
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Ok))
    box.open()
    return box
