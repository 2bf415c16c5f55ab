"""The About dialog: program name and version, the versions of what it runs on, and where its files are.

The versions and paths are what a helper on the phone asks for first ("which version? where is the
file?"), so they are selectable text. The folders are those of the database shown (its own folder, and
the logs and backups kept beside it), which with ``--db`` is not the per-user data folder. The licence
line names every runtime dependency with its licence.
"""

from __future__ import annotations

import platform
import sqlite3
from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QEvent, qVersion
from PySide6.QtWidgets import QDialog, QWidget

import partydesk
from partydesk.core.services.maintenance import backup_dir
from partydesk.gui.forms.ui_about import Ui_AboutDialog
from partydesk.paths import log_dir_for


class AboutDialog(QDialog):
    """关于: name, version, Python/Qt/SQLite versions, database path, its folders and the licence note."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self._db_path = db_path
        # The application's window icon (set in app.py); absent when the dialog is built on its own.
        icon = self.windowIcon()
        # Icon edge from the font so it scales with the user's DPI setting: about four text lines.
        edge = self.fontMetrics().height() * 4
        if not icon.isNull():
            self.ui.iconLabel.setPixmap(icon.pixmap(edge, edge))
        title = self.ui.titleLabel.font()
        title.setBold(True)
        title.setPointSizeF(title.pointSizeF() * 1.5)
        self.ui.titleLabel.setFont(title)
        self.ui.versionValue.setText(partydesk.__version__)
        self.ui.pythonValue.setText(platform.python_version())
        self.ui.qtValue.setText(qVersion())
        self.ui.pysideValue.setText(PYSIDE_VERSION)
        self.ui.sqliteValue.setText(sqlite3.sqlite_version)
        self.ui.databaseValue.setText(str(db_path))
        # The folder that holds the database (and, beside it, the logs and backups), --db or not.
        self.ui.dataValue.setText(str(db_path.resolve().parent))
        self.ui.logValue.setText(str(log_dir_for(db_path)))
        self.ui.backupValue.setText(str(backup_dir(db_path)))
        # Wide enough for a typical Windows path on one line, measured in the dialog's own font.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)
