"""Writing a package, in two steps (导出数据包): choose, then the verified result.

Step one picks the registered office to send to, an ordinary package (the changes since the last one it
confirmed) or a full copy, and the folder — a USB stick found by ``removable_folder()`` is filled in, else
the user browses for one. "Write" runs the export with a progress dialog; the package is written as
``.part``, renamed, read back and verified (SYNC.md). Step two shows where it went, what it holds, and only
then "现在可以安全拔出U盘". Everything is reachable from the keyboard (Tab, Enter, Esc, Alt+letters).

A committee with two branches or more is offered "every branch" first: one package each, written and
verified one after another (``services.sync_export_all``), those with nothing owed passed over and named.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.services.sync_words import contents_in_words
from partydesk.gui.dialogs.sync_import_wizard import LAST_IMPORT_FOLDER_KEY
from partydesk.gui.folders import documents_folder, per_database
from partydesk.gui.operations import exchange as ops
from partydesk.gui.widgets.error_label import ERROR_COLOUR, grow_to_fit
from partydesk.gui.widgets.keys import replace_when_typed
from partydesk.gui.widgets.screen_room import keep_on_screen, room
from partydesk.gui.widgets.write_buttons import WriteButtons

if TYPE_CHECKING:
    from partydesk.core.errors import KnownError
    from partydesk.core.services.sync_export import Exported
    from partydesk.core.services.sync_export_all import AllExported
    from partydesk.core.services.sync_status import PeerStatus
    from partydesk.gui.context import AppContext
    from partydesk.gui.tasks import TaskHandle


EVERY_BRANCH = "*"


LAST_FOLDER_KEY = "exchange/lastExportFolder"  # where the last package was written (QSettings)

class ExportDialog(QDialog):
    """Choose destination, kind and folder; write; show the verified result."""

    def __init__(self, ctx: AppContext, peers: list[PeerStatus], *, removable: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.peers = peers
        self.result_path: Path | None = None
        self._folder_used = Path()
        self.setWindowTitle(self.tr("Write a package"))
        self.pages = QStackedWidget(self)

        choose = QWidget(self.pages)
        form = QFormLayout(choose)
        self.destination = QComboBox(choose)
        self.destination.setObjectName("destinationCombo")
        if sum(1 for p in peers if p.peer.relation == "child") >= 2:
            self.destination.addItem(self.tr("Every branch (one package each)"), EVERY_BRANCH)
        for peer in peers:
            self.destination.addItem(f"{peer.peer.org_name}（{peer.peer.org_code}）", peer.peer.org_code)
        self.changes = QRadioButton(choose)
        self.changes.setChecked(True)
        self.snapshot = QRadioButton(self.tr("Everything again (a full copy, when the other office asks for one)"),
                                     choose)
        self.snapshot.setObjectName("snapshotRadio")
        self.folder = QLineEdit(choose)
        self.folder.setObjectName("folderEdit")
        self.folder.setPlaceholderText(self.tr("Insert the USB stick, or choose a folder"))
        start = removable
        # No stick found: the folder written to last time (a stick the program does not recognise, a shared
        # folder) is offered again, as long as it is there; before a first export, the one packages were last
        # imported from (a committee takes the branches' stick and hands it back with its own packages on it).
        last = str(ctx.settings.value(per_database(LAST_FOLDER_KEY, ctx.db.path), "") or "") or str(
            ctx.settings.value(per_database(LAST_IMPORT_FOLDER_KEY, ctx.db.path), "") or "")
        self.last_folder = Path(last) if start is None and last and Path(last).is_dir() else None
        if start is not None:
            self.folder.setText(str(start))
        elif self.last_folder is not None:
            self.folder.setText(str(self.last_folder))
        browse = QPushButton(self.tr("&Browse…"), choose)
        browse.clicked.connect(self._browse)
        line = QHBoxLayout()
        line.addWidget(self.folder, 1)
        line.addWidget(browse)
        self.stick_note = QLabel(
            self.tr("USB stick found: {path}").format(path=start) if start else
            self.tr("No USB stick found: the folder used last time is filled in; check it is the stick.")
            if self.last_folder is not None else self.tr("No USB stick found: choose the folder yourself."), choose)
        self.stick_note.setWordWrap(True)
        keep = self.stick_note.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.stick_note.setSizePolicy(keep)
        self._first_note = (self.folder.text(), self.stick_note.text())  # what was found, for the folder filled in
        replace_when_typed(self.folder)  # a folder typed replaces the one filled in instead of running on from it
        self._said_error = False  # the note says why nothing was written (gone once the folder is edited)
        form.addRow(self.tr("&Send to:"), self.destination)
        form.addRow(self.tr("What:"), self.changes)
        form.addRow("", self.snapshot)
        folder_label = QLabel(self.tr("&Folder:"), choose)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, line)
        form.addRow("", self.stick_note)
        self.pages.addWidget(choose)

        done = QWidget(self.pages)
        box = QVBoxLayout(done)
        self.result_text = QLabel(done)
        self.result_text.setObjectName("exportResult")
        self.result_text.setWordWrap(True)
        self.safe_text = QLabel(done)
        self.safe_text.setObjectName("safeLabel")
        font = self.safe_text.font()
        font.setBold(True)
        self.safe_text.setFont(font)
        self.result_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        result_area = QScrollArea(done)  # a line per branch: a committee with many scrolls, its buttons stay
        result_area.setObjectName("exportResultArea")
        result_area.setFrameShape(QFrame.Shape.NoFrame)
        result_area.setWidgetResizable(True)
        result_area.setWidget(self.result_text)
        box.addWidget(self.safe_text)  # the headline first: what the person at the computer does next
        box.addWidget(result_area, 1)
        self.pages.addWidget(done)

        self.buttons = WriteButtons(self, self.write)
        self.write_button, self.cancel_button = self.buttons.write_button, self.buttons.cancel_button
        self.close_button = self.buttons.close_button
        self.folder.textChanged.connect(self._update)
        self.destination.currentIndexChanged.connect(self._describe)
        self._describe()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        cjk = self.fontMetrics().horizontalAdvance("汉")
        self.resize(cjk * 44, cjk * 16)
        self._update()

    def _describe(self) -> None:
        """Towards a branch an ordinary package carries the receipts owed to it; upward, the changes."""
        code = self.destination.currentData()
        peer = next((p for p in self.peers if p.peer.org_code == code), None)
        if code == EVERY_BRANCH:
            self.changes.setText(self.tr("Receipts, and the notices, study materials and corrections waiting to go "
                                         "to each branch"))
        elif peer is not None and peer.peer.relation == "child":
            self.changes.setText(self.tr("Receipts for the packages received from it, and the notices, study materials "
                                         "and corrections waiting to go to it"))
        elif peer is not None and not peer.peer.acked_seq:  # nothing confirmed yet: the package carries it all
            self.changes.setText(self.tr("Everything not yet confirmed (the first package carries every record)"))
        else:
            self.changes.setText(self.tr("Changes since the last confirmed package"))

    def _browse(self) -> None:
        start = self.folder.text() or str(documents_folder())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick or folder"), start)
        if chosen:
            self.folder.setText(chosen)

    def _update(self) -> None:
        self.write_button.setEnabled(bool(self.folder.text().strip()) and self.destination.count() > 0)
        folder, note = self._first_note
        # Another folder chosen: what was said of the first one (no stick found, not there) is not about it.
        if (self.folder.text() != folder and self.stick_note.text() == note) or self._said_error:
            self._note("")

    def write(self) -> None:
        """Write, read back and verify the package (progress shown over the dialog)."""
        folder = Path(self.folder.text().strip())
        if not folder.is_absolute() or not folder.is_dir():  # a mistyped path, a stick not plugged in
            self._note(self.tr(
                "The folder {path} is not there: is the USB stick plugged in? Choose the folder again "
                "(Browse…). Nothing was written.").format(path=str(folder)), error=True)
            self.folder.setFocus()
            return
        self._folder_used = folder
        self.write_button.setEnabled(False)
        if self.destination.currentData() == EVERY_BRANCH:
            handle = ops.export_all(self, self.ctx, out_dir=folder, snapshot=self.snapshot.isChecked(),
                                    title=self.tr("Writing and checking the packages…"),
                                    on_done=self._all_written, on_error=self._failed)
            handle.finished.connect(lambda: self._after(handle))
            self.running = handle
            return
        handle = ops.export(self, self.ctx, to_org_code=str(self.destination.currentData()), out_dir=folder,
                            snapshot=self.snapshot.isChecked(), title=self.tr("Writing and checking the package…"),
                            on_done=self._written, on_error=self._failed)
        handle.finished.connect(lambda: self._after(handle))
        self.running = handle

    def _after(self, handle: TaskHandle) -> None:
        """After a cancelled export (no file written, no number used): the user may write it again."""
        if handle.cancelled:
            self.write_button.setEnabled(True)
            self._note(self.tr("Cancelled: no package was written."))

    def _written(self, done: Exported) -> None:
        self.result_path = done.path
        self.result_text.setText(self.tr(
            "The package was written and read back: it is complete and its signature checks.\n\n"
            "File: {path}\nNo. {seq} to {office}: {contents}.").format(
            path=str(done.path), seq=done.channel_seq, office=self.destination.currentText(),
            contents=self._contents(done.counts, done.acks, self._to_child(str(self.destination.currentData())))))
        self.safe_text.setText(self.tr("It is now safe to remove the USB stick."))
        self._remember_folder()
        self._show_result()

    def _note(self, text: str, *, error: bool = False) -> None:
        """Say ``text`` under the folder (in red when it is why nothing was written), the dialog growing as tall
        as its lines need (within the screen)."""
        self._said_error = error and bool(text)
        if self.stick_note.isHidden() and not text:
            return
        palette = self.stick_note.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         ERROR_COLOUR if error else self.palette().color(QPalette.ColorRole.WindowText))
        self.stick_note.setPalette(palette)
        self.stick_note.setText(text)
        # Its lines' height held as a minimum: the form inside the wizard's page otherwise lays it out a
        # line short under a real window system (the dialog did not grow, the second line was cut). The room
        # stays when the note goes (a folder typed): the button below would otherwise move under the pointer.
        if not text:
            self.stick_note.hide()  # its room kept (``retainSizeWhenHidden``)
            return
        self.stick_note.show()
        self.stick_note.setMinimumHeight(self.stick_note.heightForWidth(self.stick_note.width()))
        grow_to_fit(self)

    def _remember_folder(self) -> None:
        self.ctx.settings.setValue(per_database(LAST_FOLDER_KEY, self.ctx.db.path), str(self._folder_used))

    def _show_result(self) -> None:
        self.pages.setCurrentIndex(1)
        self.buttons.finished()

    def _taller_for(self, lines: int) -> None:
        """Room for about ``lines`` lines of the result, within the screen; any more scroll."""
        wanted = self.size().expandedTo(QSize(0, self.fontMetrics().lineSpacing() * (lines + 6)))
        limit = room(self)
        if limit is not None:
            wanted = wanted.boundedTo(limit)
        if wanted.expandedTo(self.size()) != self.size():
            self.resize(wanted.expandedTo(self.size()))
            keep_on_screen(self)

    def _all_written(self, done: AllExported) -> None:
        lines = [self.tr("{count} package(s) written, each read back and checked:").format(count=len(done.written))
                 if done.written else self.tr("No package was written:")]
        for name, package in done.written:
            lines.append(self.tr("{office}: No. {seq}, {contents}").format(
                office=name, seq=package.channel_seq, contents=self._contents(package.counts, package.acks, True)))
        for name, why in done.passed_over:
            lines.append(self.tr("{office}: not written. {why}").format(office=name, why=why))
        if done.written:
            lines.append(self.tr("Folder: {path}").format(path=done.written[0][1].path.parent))
        if done.failed:
            lines.append(done.failed)
        if done.cancelled:
            lines.append(self.tr("Cancelled: the other branches' packages were not written."))
        self.result_text.setText("\n".join(lines))
        safe = done.written and not done.failed
        self.safe_text.setText(self.tr("It is now safe to remove the USB stick.") if safe else "")
        if done.written:
            self._remember_folder()
        self._show_result()
        self._taller_for(len(lines))

    def _to_child(self, org_code: str) -> bool:
        return any(p.peer.org_code == org_code and p.peer.relation == "child" for p in self.peers)

    def _contents(self, counts: dict[str, int], acks: int, to_child: bool) -> str:
        """What a package carries, in words: its records as the office counts them (党员 40 名、会议 1 次; to a
        branch, its records that are corrections said as such), and the packages of the other side it
        confirms (a receipt, 回执, is said as what it does)."""
        text = contents_in_words(counts, corrections=to_child)
        if not text and acks:  # nothing but confirmations: called by its name
            return self.tr("a receipt, confirming receipt of {count} of their packages").format(count=acks)
        text = text or self.tr("no records")
        if acks:
            text += self.tr(", confirming receipt of {count} of their packages").format(count=acks)
        return text

    def _failed(self, error: KnownError) -> None:
        self._update()
        self._note(error.message, error=True)

    def done_text(self) -> str:
        """What the result step says (for tests and the status bar)."""
        return f"{self.result_text.text()}\n{self.safe_text.text()}"
