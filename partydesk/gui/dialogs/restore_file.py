"""Restoring from a file the office picks: a USB backup (``.pdbak``) or a backup file (``.db``) copied from
elsewhere. Used by 从备份恢复 (beside the list of this computer's backups) and by first-run set-up, where a
new computer takes over from one that broke.

The steps, each on the right lane: choose the file (the USB stick first); for a ``.pdbak``, read what it
says it holds and ask for its passphrase (again when it is wrong); check everything a restore checks,
touching nothing; ask again for another organisation's backup; ask before replacing anything; restore. The
questions are methods (``choose_file``, ``ask_passphrase``, ``confirm``, ``show_error``) so tests answer
them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from partydesk.core.errors import KnownError, OtherOrganisationError
from partydesk.core.services.offsite import SUFFIX, WrongPassphraseError, last_folder
from partydesk.gui.folders import documents_folder, removable_folder
from partydesk.gui.operations import backups as backup_ops
from partydesk.gui.operations import offsite as offsite_ops

if TYPE_CHECKING:
    from partydesk.core.services.maintenance import FileContents
    from partydesk.core.services.offsite import OffsiteHeader
    from partydesk.gui.context import AppContext
    from partydesk.gui.operations.backups import Restored


class FileRestore(QObject):
    """One restore from a chosen file; ``restored(Restored)`` once the new database is open in ``ctx.db``,
    ``stopped()`` when it ends any other way (cancelled, refused)."""

    restored = Signal(object)
    stopped = Signal()
    contents: FileContents | None = None  # what the restored backup holds, once the office said to restore it

    def __init__(self, ctx: AppContext, host: QWidget, *, replacing: bool = True) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self.replacing = replacing  # False on a new computer: there is nothing to replace yet

    # -- the questions (tests answer them) ---------------------------------------------------------

    def choose_file(self) -> Path | None:
        """The file to restore from, or None."""
        start = last_folder(self.ctx.db.path) or removable_folder() or documents_folder()
        chosen, _f = QFileDialog.getOpenFileName(
            self.host, self.tr("Choose a backup"), str(start),
            self.tr("Backups (*.pdbak *.db);;USB backups (*.pdbak);;Backup files (*.db)"))
        return Path(chosen) if chosen else None

    def ask_passphrase(self, header: OffsiteHeader, *, again: bool) -> str | None:
        """The passphrase of the USB backup ``header`` describes, or None."""
        what = self.tr("USB backup of {name} made on {when} ({members} members).").format(
            name=header.organisation_name, when=f"{header.created:%Y-%m-%d %H:%M}", members=_unbroken(header.members))
        ask = (self.tr("The passphrase is wrong. Type it again:") if again
               else self.tr("Type the passphrase set when it was made:"))
        text, ok = QInputDialog.getText(self.host, self.tr("Passphrase"), f"{what}\n{ask}",
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def confirm(self, text: str, detail: str) -> bool:
        """Ask; the default answer is No."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore from a backup"), text, parent=self.host)
        box.setInformativeText(detail)
        yes = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        return box.clickedButton() is yes

    def show_error(self, message: str) -> None:
        """Say why the restore stopped."""
        QMessageBox.warning(self.host, self.tr("Restore from a backup"), message)

    # -- the steps ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Choose a file and go on from there."""
        path = self.choose_file()
        if path is None:
            self.stopped.emit()
        elif path.suffix.lower() == SUFFIX:
            offsite_ops.read_header(self.host, self.ctx, path, on_done=lambda h: self._passphrase(h, again=False),
                                    on_error=self._failed)
        else:
            self._check(path, None, None, other_organisation=False)

    def _passphrase(self, header: OffsiteHeader, *, again: bool) -> None:
        passphrase = self.ask_passphrase(header, again=again)
        if passphrase is None:
            self.stopped.emit()
            return
        self._check(header.path, header, passphrase, other_organisation=False)

    def _check(self, path: Path, header: OffsiteHeader | None, passphrase: str | None, *,
               other_organisation: bool) -> None:
        def checked(contents: FileContents) -> None:
            later(lambda: self._ask_restore(path, header, passphrase, contents,
                                            other_organisation=other_organisation))

        def refused(error: KnownError) -> None:
            later(lambda: self._refused(path, header, passphrase, error))

        if passphrase is None:
            backup_ops.check_backup(self.host, self.ctx, path, other_organisation=other_organisation,
                                    on_done=checked, on_error=refused)
        else:
            offsite_ops.check(self.host, self.ctx, path, passphrase, other_organisation=other_organisation,
                              title=self.tr("Opening the USB backup"), on_done=checked, on_error=refused)

    def _refused(self, path: Path, header: OffsiteHeader | None, passphrase: str | None, error: KnownError) -> None:
        if isinstance(error, WrongPassphraseError) and header is not None:
            self._passphrase(header, again=True)
        elif isinstance(error, OtherOrganisationError) and self.confirm(error.message, self.tr("Restore it anyway?")):
            self._check(path, header, passphrase, other_organisation=True)
        elif isinstance(error, OtherOrganisationError):
            self.stopped.emit()
        else:
            self._failed(error)

    def _ask_restore(self, path: Path, header: OffsiteHeader | None, passphrase: str | None,
                     contents: FileContents, *, other_organisation: bool) -> None:
        made = header.created if header is not None else datetime.fromtimestamp(path.stat().st_mtime)
        text = self.tr("Restore the backup of {name} made on {when} ({members} members)?").format(
            name=contents.organisation_name, when=f"{made:%Y-%m-%d %H:%M}", members=_unbroken(contents.members))
        detail = (self.tr("Everything entered after that time is replaced. The database as it is now is saved "
                          "as a backup first.") if self.replacing
                  else self.tr("This computer then keeps that organisation's records, as they were at that time."))
        if not self.confirm(text, detail):
            self.stopped.emit()
            return
        self.contents = contents
        backup_ops.restore(self.host, self.ctx, path, other_organisation=other_organisation,
                           title=self.tr("Restoring"), passphrase=passphrase, on_done=self._done,
                           on_error=self._failed)

    def _done(self, result: Restored) -> None:
        self.ctx.db = result.db
        self.restored.emit(result)

    def _failed(self, error: KnownError) -> None:
        self.show_error(error.message)
        self.stopped.emit()


def later(then: Callable[[], None]) -> None:
    """Run ``then`` once the task that called back has finished: its progress window closes first, instead of
    staying behind the question ``then`` asks."""
    QTimer.singleShot(0, then)


def _unbroken(count: int) -> str:
    """A count a line never breaks after ("36名党员" is not split as "36 / 名党员"): a word joiner follows it."""
    return f"{count}\u2060"
