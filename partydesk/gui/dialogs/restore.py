"""文件 → 从备份恢复…: the verified backups, newest first, and a checked restore of the one chosen.

Each row shows when the backup was made, why (手动, 退出时, 定时, 导入前, 升级前, 恢复前) and how many
members it holds; a backup that fails verification is listed greyed out and cannot be chosen. Restoring
asks first, and asks again, explicitly, for a backup of another organisation. The restore itself runs on
the DB lane (``operations.backups.restore``): the open database is closed, saved as a 恢复前 backup,
replaced and reopened; ``restored`` carries the outcome to the main window, which reloads every page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from partydesk.core.errors import KnownError, OtherOrganisationError
from partydesk.core.services.maintenance import backup_dir
from partydesk.gui.dialogs.restore_file import FileRestore
from partydesk.gui.forms.ui_restore import Ui_RestoreDialog
from partydesk.gui.operations import backups as backup_ops
from partydesk.gui.operations.backups import BackupEntry, Restored

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

PRE_UPGRADE = "pre-upgrade"


def reason_text(reason: str) -> str:
    """The kind of a backup in the user's language, from the reason in its file name."""
    translate = QCoreApplication.translate
    if reason.startswith(PRE_UPGRADE):
        return translate("RestoreDialog", "Before upgrade")
    known = {"manual": translate("RestoreDialog", "Manual"), "exit": translate("RestoreDialog", "On exit"),
             "periodic": translate("RestoreDialog", "Scheduled"),
             "import": translate("RestoreDialog", "Before import"),
             "offsite": translate("RestoreDialog", "With a USB backup"),
             "before-restore": translate("RestoreDialog", "Before restore"),
             "restored": translate("RestoreDialog", "After restoring from elsewhere"),
             "salvaged": translate("RestoreDialog", "Salvaged from a damaged file")}
    return known.get(reason, reason)


def open_folder(path: object, parent: QWidget | None = None) -> bool:
    """Open ``path`` (a folder) in the system's file manager; when nothing opens it, say where it is."""
    from partydesk.gui.folders import open_with_system

    return open_with_system(parent, Path(str(path)))


class RestoreDialog(QDialog):
    """The list of backups and the Restore button; emits ``restored(Restored)`` once the new file is open."""

    restored = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_RestoreDialog()
        self.ui.setupUi(self)
        self.entries: list[BackupEntry] = []
        self.question: QMessageBox | None = None  # the confirmation on screen, if any
        self.restore_button = QPushButton(self)
        self.ui.buttonBox.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.ask_restore)
        self.file_button = QPushButton(self)  # a USB backup, or a backup file from elsewhere
        self.file_button.setObjectName("restoreFileButton")
        self.ui.buttonBox.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.clicked.connect(self.restore_from_file)
        self.file_restore: FileRestore | None = None
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.folderButton.clicked.connect(lambda: open_folder(backup_dir(ctx.db.path), self))
        # Enter on a chosen backup asks to restore it (the question's default is 取消), never opens a folder.
        self.ui.folderButton.setAutoDefault(False)
        self.file_button.setAutoDefault(False)
        self.restore_button.setDefault(True)
        table = self.ui.backupTable
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.itemSelectionChanged.connect(self._selection_changed)
        table.itemDoubleClicked.connect(lambda _item: self.ask_restore())
        self._retranslate()
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 75, metrics.lineSpacing() * 22)
        self.ui.statusLabel.setText(self.tr("Reading the backups…"))
        backup_ops.load_backups(self, ctx, self._loaded)

    # -- list --------------------------------------------------------------------------------------

    def _loaded(self, entries: list[BackupEntry]) -> None:
        self.entries = entries
        table = self.ui.backupTable
        table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            contents = entry.contents
            cells = [entry.info.created.strftime("%Y-%m-%d %H:%M:%S"), reason_text(entry.info.reason),
                     str(contents.members) if contents else "",
                     contents.organisation_name if contents else self.tr("Damaged: cannot be restored")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if contents is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        usable = [row for row, entry in enumerate(entries) if entry.contents is not None]
        if usable:
            table.selectRow(usable[0])
            self.ui.statusLabel.setText(self.tr("{count} backups, newest first.").format(count=len(entries)))
        else:
            self.ui.statusLabel.setText(self.tr("There is no verified backup of this database yet."))

    def selected(self) -> BackupEntry | None:
        """The backup chosen in the list (only verified ones can be chosen)."""
        rows = self.ui.backupTable.selectionModel().selectedRows()
        if not rows:
            return None
        entry = self.entries[rows[0].row()]
        return entry if entry.contents is not None else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # -- restore -----------------------------------------------------------------------------------

    def ask_restore(self) -> None:
        """Ask before restoring the chosen backup."""
        entry = self.selected()
        if entry is None or entry.contents is None:
            return
        text = self.tr("Go back to the backup made on {when} ({count} members)?").format(
            when=entry.info.created.strftime("%Y-%m-%d %H:%M:%S"), count=entry.contents.members)
        detail = self.tr("Everything entered after that time is replaced. The database as it is now is "
                         "saved as a backup first.")
        self._ask(text, detail, lambda: self._restore(entry, other_organisation=False))

    def _ask(self, text: str, detail: str, then: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore from a backup"), text, parent=self)
        box.setInformativeText(detail)
        yes = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))  # Enter: nothing

        def answered() -> None:
            self.question = None
            if box.clickedButton() is yes:
                then()

        box.finished.connect(answered)
        self.question = box
        box.open()

    def _restore(self, entry: BackupEntry, *, other_organisation: bool) -> None:
        self.restore_button.setEnabled(False)
        self.ui.statusLabel.setText(self.tr("Restoring…"))

        def failed(error: KnownError) -> None:
            self._selection_changed()
            self.ui.statusLabel.setText(error.message)
            if isinstance(error, OtherOrganisationError) and not other_organisation:
                name = entry.contents.organisation_name if entry.contents else ""
                self._ask(self.tr("This backup belongs to another organisation: {name}.").format(name=name),
                          self.tr("After the restore this computer holds that organisation's data instead of "
                                  "the current one's. Restore it anyway?"),
                          lambda: self._restore(entry, other_organisation=True))

        backup_ops.restore(self, self.ctx, entry.info.path, other_organisation=other_organisation,
                           title=self.tr("Restoring"), on_done=self._done, on_error=failed)

    def restore_from_file(self) -> FileRestore:
        """Choose a USB backup or a backup file, and restore it (``restore_file.FileRestore``)."""
        flow = FileRestore(self.ctx, self)
        flow.restored.connect(self._done)
        self.file_restore = flow
        flow.start()
        return flow

    def _done(self, result: Restored) -> None:
        self.ctx.db = result.db
        self.restored.emit(result)
        self.accept()

    # -- text --------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.restore_button.setText(self.tr("Restore the selected backup…"))
        self.file_button.setText(self.tr("From a USB stick or file…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)
