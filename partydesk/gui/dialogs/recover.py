"""The way back from a damaged database at start-up (RELIABILITY ST-7): the damaged file was copied aside;
the office chooses, in ST-7's order, the newest verified backup here, a backup file of its own choosing (the USB
stick's ``.pdbak``, or a ``.db`` copied from elsewhere), salvaging what can still be read from the damaged file
itself (``services.salvage``: when there is no backup, or the backup is older than the work at stake), or to
quit and get help. A restore or salvage says afterwards what it brought back and what is not in it. The
questions are methods so tests answer them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from partydesk.core.errors import KnownError, OtherOrganisationError
from partydesk.core.progress import Cancelled, Progress
from partydesk.core.services import maintenance, offsite, salvage
from partydesk.core.services.offsite import SUFFIX, WrongPassphraseError
from partydesk.gui.folders import documents_folder, removable_folder
from partydesk.gui.widgets.progress_dialog import JobProgressDialog

if TYPE_CHECKING:
    from partydesk.core.services.store import BackupInfo

# ``translate("Recover", "...")`` as in launch.py: the translation tools find the strings by this call.
translate = QCoreApplication.translate


class Recovery:
    """One recovery of ``db_path`` (damaged, copied to ``kept``), offering ``newest`` when there is one."""

    def __init__(self, db_path: Path, message: str, kept: Path, newest: BackupInfo | None,
                 parent: QWidget | None) -> None:
        self.db_path, self.message, self.kept, self.newest, self.parent = db_path, message, kept, newest, parent

    # -- the questions (tests answer them) -----------------------------------------------------------

    def ask(self) -> str:
        """"newest", "file", "salvage", "view" or "quit"."""
        title = translate("Recover", "The database is damaged")
        box = QMessageBox(QMessageBox.Icon.Warning, title, self.message, parent=self.parent)
        where = translate("Recover", "A copy of the damaged file was kept in:") + f"\n{self.kept}"
        if self.newest is not None:
            said = translate("Recover", "The newest verified backup was made on {when}. Changes made after it are "
                                        "not in it.").format(when=f"{self.newest.created:%Y-%m-%d %H:%M}")
        else:
            said = translate("Recover", "No verified backup was found on this computer. Restore from the USB "
                                        "backup (.pdbak) or another backup file.")
        if self.newest is not None:
            rescue_said = translate("Recover", "If what was entered since matters more, salvage instead what the "
                                               "damaged file still holds: records on its damaged part are lost.")
        else:
            rescue_said = translate("Recover", "With no backup at all, salvage what the damaged file still holds: "
                                               "records on its damaged part are lost.")
        view_said = translate("Recover", "To look at, print or export what can still be read before deciding, open "
                                         "the damaged file read-only: nothing in it is changed.")
        box.setInformativeText(said + "\n\n" + rescue_said + "\n\n" + view_said + "\n\n" + where)
        newest = None
        if self.newest is not None:
            newest = box.addButton(translate("Recover", "Restore the newest backup"),
                                   QMessageBox.ButtonRole.AcceptRole)
        chosen = box.addButton(translate("Recover", "Restore from a USB backup or another file…"),
                               QMessageBox.ButtonRole.ActionRole)
        rescue = box.addButton(translate("Recover", "Salvage what the damaged file still holds"),
                               QMessageBox.ButtonRole.ActionRole)
        rescue.setToolTip(translate("Recover", "Reads every record that can still be read into a new file; "
                                               "records on the damaged part are lost. The damaged copy is kept."))
        view = box.addButton(translate("Recover", "Only look at the damaged file"), QMessageBox.ButtonRole.ActionRole)
        view.setToolTip(translate("Recover", "Opens the damaged file read-only: what can still be read can be looked "
                                             "at, printed and exported, nothing can be changed. A backup can still "
                                             "be restored from the File menu, or the program closed and opened again "
                                             "to salvage."))
        leave = box.addButton(translate("Recover", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(newest or chosen)
        box.setEscapeButton(leave)
        box.exec()
        clicked = box.clickedButton()
        if newest is not None and clicked is newest:
            return "newest"
        answers: list[tuple[QAbstractButton, str]] = [(chosen, "file"), (rescue, "salvage"), (view, "view")]
        return next((answer for button, answer in answers if clicked is button), "quit")

    def choose_file(self) -> Path | None:
        start = removable_folder() or documents_folder()
        name, _filter = QFileDialog.getOpenFileName(
            self.parent, translate("Recover", "Choose a backup"), str(start),
            translate("Recover", "Backups (*{usb} *.db);;All files (*)").format(usb=SUFFIX))
        return Path(name) if name else None

    def ask_passphrase(self, path: Path, *, again: bool) -> str | None:
        if again:
            text = translate("Recover", "That passphrase does not open the backup. Try again:")
        else:
            text = translate("Recover", "Passphrase of the USB backup “{name}”:").format(name=path.name)
        typed, ok = QInputDialog.getText(self.parent, translate("Recover", "USB backup"), text,
                                         QLineEdit.EchoMode.Password)
        return typed if ok and typed else None

    def confirm_other(self, message: str) -> bool:
        title = translate("Recover", "Another organisation's backup")
        return QMessageBox.question(self.parent, title, message) == QMessageBox.StandardButton.Yes

    def show(self, title: str, text: str, *, failed: bool) -> None:
        (QMessageBox.critical if failed else QMessageBox.information)(self.parent, title, text)

    def salvaging(self) -> tuple[Progress, JobProgressDialog]:
        """The progress of a salvage and its dialog (the work runs here, before any window: the dialog is kept
        live between its steps)."""
        dialog = JobProgressDialog(self.parent, title=translate("Recover", "Salvaging records…"), cancellable=True)

        def report(done: int, total: int, _table: str) -> None:
            dialog.show_progress(done, total, translate("Recover", "Salvaging records…"))
            QApplication.processEvents()

        progress = Progress(report)
        dialog.canceled.connect(progress.cancel)
        return progress, dialog

    # -- the flow ------------------------------------------------------------------------------------

    def run(self) -> str:
        """Ask until a restore or salvage succeeded ("restored"), the office chose to look at the damaged file
        read-only ("view": the caller opens it, and asks again with ``run`` when it cannot) or quits ("quit")."""
        while True:
            choice = self.ask()
            if choice in ("quit", "view"):
                return choice
            if choice == "newest" and self.newest is not None:
                done = self._restore(self.newest.path, None)
            elif choice == "salvage":
                done = self._salvage()
            else:
                path = self.choose_file()
                if path is None:
                    continue
                passphrase = None
                if path.suffix.lower() == SUFFIX:
                    passphrase = self.ask_passphrase(path, again=False)
                    if passphrase is None:
                        continue
                done = self._restore(path, passphrase)
            if done:
                return "restored"

    def _salvage(self) -> bool:
        progress, dialog = self.salvaging()
        try:
            done = salvage.salvage_damaged(self.db_path, self.kept, progress)
        except Cancelled:
            return False
        except KnownError as exc:
            self.show(translate("Recover", "Salvage failed"), exc.message, failed=True)
            return False
        finally:
            dialog.finish()
        text = translate("Recover", "The records that could still be read were salvaged into a new file, which is now "
                                    "in use.") + "\n\n" + done.in_words()
        if not done.report.whole and self.newest is not None:
            when = f"{self.newest.created:%Y-%m-%d %H:%M}"
            text += "\n\n" + translate("Recover", "To use the backup of {when} instead, choose File → Restore "
                                                   "from a backup.").format(when=when)
        text += "\n\n" + translate("Recover", "A copy of the damaged file was kept in:") + f"\n{self.kept}"
        self.show(translate("Recover", "Salvaged"), text, failed=False)
        return True

    def _restore(self, path: Path, passphrase: str | None, *, other: bool = False) -> bool:
        try:
            if passphrase is None:
                maintenance.restore(self.db_path, path, other_organisation=other)
            else:
                offsite.restore(self.db_path, path, passphrase, other_organisation=other)
        except WrongPassphraseError:
            again = self.ask_passphrase(path, again=True)
            return again is not None and self._restore(path, again, other=other)
        except OtherOrganisationError as exc:
            return not other and self.confirm_other(exc.message) and self._restore(path, passphrase, other=True)
        except KnownError as exc:
            self.show(translate("Recover", "Restore failed"), exc.message, failed=True)
            return False
        if self.newest is not None and path == self.newest.path:
            made = translate("Recover", "the backup made on {when}").format(
                when=f"{self.newest.created:%Y-%m-%d %H:%M}")
        else:
            made = f"“{path.name}”"
        text = translate("Recover", "The records were restored from {what}. Whatever was entered after that backup "
                                    "is not in it: check the latest meetings and members and enter them again. A "
                                    "copy of the damaged file was kept in:").format(what=made)
        self.show(translate("Recover", "Restored"), text + f"\n{self.kept}", failed=False)
        return True
