"""使用说明 (F1): a short guide inside the program — what each page is for, import, backup, restore, and
where the data lives (the folders of the database actually open, which with ``--db`` is not the default)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QWidget

from partydesk.core.services.maintenance import backup_dir
from partydesk.gui.forms.ui_help import Ui_HelpDialog


class HelpDialog(QDialog):
    """The guide as a read-only page of headed paragraphs, sized for a 1366×768 screen."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HelpDialog()
        self.ui.setupUi(self)
        self._db_path = db_path
        self.ui.buttonBox.rejected.connect(self.reject)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 80, metrics.lineSpacing() * 30)
        self._fill()

    def sections(self) -> list[tuple[str, str]]:
        """(heading, paragraph) pairs in the interface language."""
        database = escape(str(self._db_path))
        backups = escape(str(backup_dir(self._db_path)))
        return [
            (self.tr("Members page"),
             self.tr("The roster of the branch: add a member, open one to see and change the details, record "
                     "events (becoming a full member, transfers, lost contact). Type in the search box to "
                     "find people; click a column header to sort. ID and phone numbers are shown masked.")),
            (self.tr("Settings page"),
             self.tr("The organisation's name and code, and the rule table: meeting frequencies, study hours "
                     "and dues brackets. Change a rule only when your higher committee sets a different one.")),
            (self.tr("Importing a roster"),
             self.tr("On the Members page choose Import and pick an Excel or CSV file. The program shows "
                     "which column means what and lists every row it cannot take, with the reason; nothing is "
                     "written until you confirm. A backup is made before each import.")),
            (self.tr("Backups"),
             self.tr("File → Back up now (Ctrl+B) makes a checked copy at any time. The program also backs "
                     "up on exit and every four hours when something was changed. Copy the backup folder to "
                     "a USB stick now and then.")),
            (self.tr("Restoring"),
             self.tr("File → Restore from a backup… lists the backups, newest first. The database as it is "
                     "is saved as a backup before a restore, so a restore can be undone the same way.")),
            (self.tr("Where the data lives"),
             self.tr("Database file: {database}<br>Backups: {backups}").format(database=database,
                                                                             backups=backups)),
        ]

    def _fill(self) -> None:
        html = "".join(f"<h3>{escape(heading)}</h3><p>{body}</p>" for heading, body in self.sections())
        self.ui.textBrowser.setHtml(html)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill()
        super().changeEvent(event)
