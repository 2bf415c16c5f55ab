"""文件 → 备份到U盘…: the whole database with its stored files, encrypted under a passphrase, written to a USB
stick and read back (``services.offsite``), in two steps like the package export: choose, then the checked
result with "现在可以安全拔下U盘".

The stick found by ``removable_folder()`` is filled in. The passphrase is typed twice (or shown once with
显示口令), must be at least ``MIN_PASSPHRASE`` characters, and the dialog says plainly that without it
nobody can open the backup. The workbench's weekly to-do (``checks.backup``) opens this dialog.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.services.offsite import DUE_DAYS, KEEP_ON_STICK, MIN_PASSPHRASE, passphrase_problem
from partydesk.gui.folders import documents_folder
from partydesk.gui.operations import offsite as ops
from partydesk.gui.sizes import file_size
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label
from partydesk.gui.widgets.write_buttons import WriteButtons

if TYPE_CHECKING:
    from partydesk.core.errors import KnownError
    from partydesk.core.services.offsite import Written
    from partydesk.gui.context import AppContext


class OffsiteBackupDialog(QDialog):
    """Folder and passphrase; write; the checked result."""

    def __init__(self, ctx: AppContext, *, removable: Path | None, last: datetime | None,
                 last_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.written: Written | None = None
        self.setWindowTitle(self.tr("Back up to a USB stick"))
        self.pages = QStackedWidget(self)

        choose = QWidget(self.pages)
        box = QVBoxLayout(choose)
        intro = QLabel(self.tr(
            "Everything this program keeps (members, meetings, study records and their attachments) is "
            "encrypted and written to the USB stick. Keep the stick away from this computer: if the computer "
            "breaks or is lost, the data can be restored from the stick on another one."), choose)
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.last_label = QLabel(choose)
        self.last_label.setObjectName("lastOffsiteLabel")
        self.last_label.setText(self.tr("Last USB backup: {when}").format(when=f"{last:%Y-%m-%d %H:%M}") if last
                                else self.tr("No USB backup has been made yet."))
        box.addWidget(self.last_label)
        form = QFormLayout()
        self.folder = QLineEdit(choose)
        self.folder.setObjectName("folderEdit")
        self.folder.setPlaceholderText(self.tr("Insert the USB stick, or choose a folder"))
        start = last_folder or removable  # the stick used last time, while it is in; else the one found
        if start is not None:
            self.folder.setText(str(start))
        browse = QPushButton(self.tr("&Browse…"), choose)
        browse.clicked.connect(self._browse)
        line = QHBoxLayout()
        line.addWidget(self.folder, 1)
        line.addWidget(browse)
        folder_label = QLabel(self.tr("&Folder:"), choose)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, line)
        self.removable = removable
        self.stick_note = QLabel(self.tr("USB stick found: {path}").format(path=removable) if removable else
                                 self.tr("No USB stick found: insert one, or choose the folder yourself."), choose)
        self.stick_note.setObjectName("stickNote")
        # Hidden once a folder is typed, in a holder that keeps its line: the fields below stay where they are.
        holder = QWidget(choose)
        held = QVBoxLayout(holder)
        held.setContentsMargins(0, 0, 0, 0)
        held.addWidget(self.stick_note)
        holder.setMinimumHeight(self.stick_note.sizeHint().height())
        form.addRow("", holder)  # one line (a drive is "E:\\"): a wrapped one leaves a gap under it
        self.passphrase = QLineEdit(choose)
        self.passphrase.setObjectName("passphraseEdit")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("At least {count} characters").format(count=MIN_PASSPHRASE))
        self.again = QLineEdit(choose)
        self.again.setObjectName("againEdit")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        passphrase_label = QLabel(self.tr("&Passphrase:"), choose)
        passphrase_label.setBuddy(self.passphrase)
        self.again_label = QLabel(self.tr("&Again:"), choose)
        self.again_label.setBuddy(self.again)
        form.addRow(passphrase_label, self.passphrase)
        form.addRow(self.again_label, self.again)
        self.show_box = QCheckBox(self.tr("&Show the passphrase"), choose)
        self.show_box.toggled.connect(self._show_passphrase)
        form.addRow("", self.show_box)
        box.addLayout(form)
        warning = QLabel(self.tr(
            "Write the passphrase on paper and keep it apart from the stick. Without it nobody can open this "
            "backup, you included. The stick keeps this organisation's newest {keep} USB backups; older ones "
            "are removed.").format(keep=KEEP_ON_STICK), choose)
        warning.setObjectName("passphraseWarning")
        warning.setWordWrap(True)
        font = warning.font()
        font.setBold(True)
        warning.setFont(font)
        box.addWidget(warning)
        self.error = QLabel(choose)
        self.error.setObjectName("offsiteError")
        self.error.setWordWrap(True)
        mark_as_error_label(self.error)
        box.addWidget(self.error)
        box.addStretch(1)
        self.pages.addWidget(choose)

        done = QWidget(self.pages)
        done_box = QVBoxLayout(done)
        self.result_text = QLabel(done)
        self.result_text.setObjectName("offsiteResult")
        self.result_text.setWordWrap(True)
        self.safe_text = QLabel(self.tr("You can now safely remove the USB stick."), done)
        self.safe_text.setObjectName("safeLabel")
        font = self.safe_text.font()
        font.setBold(True)
        self.safe_text.setFont(font)
        done_box.addWidget(self.result_text)
        done_box.addWidget(self.safe_text)
        done_box.addStretch(1)
        self.pages.addWidget(done)

        self.buttons = WriteButtons(self, self.write)
        self.write_button, self.cancel_button = self.buttons.write_button, self.buttons.cancel_button
        self.close_button = self.buttons.close_button
        for edit in (self.folder, self.passphrase, self.again):
            edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        cjk = self.fontMetrics().horizontalAdvance("汉")
        self.resize(cjk * 44, self.sizeHint().height())
        (self.passphrase if removable is not None else self.folder).setFocus()
        self._update()

    # -- choosing ----------------------------------------------------------------------------------

    def _browse(self) -> None:
        start = self.folder.text().strip() or str(documents_folder())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder on the USB stick"), start)
        if chosen:
            self.folder.setText(chosen)

    def _show_passphrase(self, shown: bool) -> None:
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.again.setEnabled(not shown)  # what is shown need not be typed twice
        self.again_label.setEnabled(not shown)
        if shown:
            self.again.clear()
        self._update()

    def problem(self) -> str:
        """What is wrong with the form as typed so far ('' when nothing is yet): a passphrase too short once
        the second box is begun, two that differ once the second is as long as the first."""
        text, again = self.passphrase.text(), self.again.text()
        if not text or not (again or self.show_box.isChecked()):
            return ""
        found = passphrase_problem(text)
        if found:
            return found + "。"
        if not self.show_box.isChecked() and len(again) >= len(text) and again != text:
            return self.tr("The two passphrases differ.")
        if not self.folder.text().strip():
            return self.tr("Choose the folder on the USB stick.")
        return ""

    def _ready(self) -> bool:
        text = self.passphrase.text()
        typed_twice = self.show_box.isChecked() or self.again.text() == text
        return bool(self.folder.text().strip() and text) and typed_twice and not passphrase_problem(text)

    def _update(self) -> None:
        self._say(self.problem())
        self.write_button.setEnabled(self._ready())
        # What was found is worth saying only while the folder box is empty or holds that stick.
        folder = self.folder.text().strip()
        self.stick_note.setVisible(not folder or (self.removable is not None and Path(folder) == self.removable))

    # -- writing -----------------------------------------------------------------------------------

    def write(self) -> None:
        """Write and check the backup; the result page follows, or the error stays on this one."""
        if not self._ready():
            return
        self.write_button.setEnabled(False)
        self._say("")
        handle = ops.write(self, self.ctx, Path(self.folder.text().strip()), self.passphrase.text(),
                           title=self.tr("Backing up to the USB stick"), on_done=self._written,
                           on_error=self._failed)
        handle.finished.connect(lambda: self._cancelled() if handle.cancelled else None)

    def _cancelled(self) -> None:
        """Cancelled from the progress window: nothing is left on the stick; the form is ready again."""
        self._say(self.tr("Cancelled: nothing was left on the stick."))
        self.write_button.setEnabled(self._ready())
        self.write_button.setFocus()

    def _written(self, written: Written) -> None:
        self.written = written
        self.passphrase.clear()
        self.again.clear()
        text = self.tr("The backup was written and checked: {path}\n{members} members, {files} attachments, "
                       "{size}.").format(path=written.path, members=written.members, files=written.files,
                                         size=file_size(written.size))
        text += "\n" + self.tr("Keep the stick away from this computer. The next USB backup is due by {day}.").format(
            day=f"{datetime.now() + timedelta(days=DUE_DAYS):%Y-%m-%d}")
        if written.removed:
            text += "\n" + self.tr("{count} older USB backups of this organisation were removed from the stick."
                                   ).format(count=len(written.removed))
        self.result_text.setText(text)
        self.pages.setCurrentIndex(1)
        self.buttons.finished()

    def _failed(self, error: KnownError) -> None:
        self._say(error.message)
        self.write_button.setEnabled(self._ready())
        self.folder.setFocus()  # not 取消, where Enter would close the dialog; the folder is most often at fault

    def _say(self, text: str) -> None:
        """Show ``text`` in red under the form (the dialog grows for it: nothing above moves), or nothing."""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            grow_to_fit(self)
