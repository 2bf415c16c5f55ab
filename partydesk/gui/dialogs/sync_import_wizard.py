"""Importing a package, in two steps (导入数据包): check it, then apply or cancel.

Step one picks the file — the USB stick is where the file chooser starts — and "Check" runs the dry run: the
package is verified and every record classified, nothing written. Step two (``sync_import_check``) shows the table
of what the import would do (new / updated / unchanged / conflict / rejected), the members it adds, deletes or
changes (with the fields), the gap warning when a package is missing, and each rejected record with its reason;
"Import" applies it in one transaction, "Cancel" leaves everything as it was. A refused package is said plainly
and put into the ledger.

A folder instead of a file (a committee's stick, collected from many branches) checks every package in it
(``services.sync_folder``): one row per file with what its import would do, then "Import all" applies them one
after another, each whole or not at all, and each row says what became of its file; conflicts are said below.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.services.sync_import import NOT_RECORDED
from partydesk.core.services.sync_words import (
    added_in_words,
    changed_in_words,
    contents_in_words,
    removed_in_words,
)
from partydesk.gui.dialogs.sync_import_check import CheckPage
from partydesk.gui.dialogs.sync_import_words import (
    OUTCOME_ORDER,
    checked_state,
    conflicts_said,
    declined_said,
    imported_before,
    is_receipt,
    members_touched,
    returned_said,
)
from partydesk.gui.folders import per_database
from partydesk.gui.operations import exchange as ops
from partydesk.gui.widgets.error_label import grow_to_fit
from partydesk.gui.widgets.keys import replace_when_typed
from partydesk.gui.widgets.screen_room import keep_on_screen, room

if TYPE_CHECKING:
    from partydesk.core.errors import KnownError
    from partydesk.core.services.sync_folder import FolderEntry, FolderImport
    from partydesk.core.services.sync_import import ImportReport
    from partydesk.gui.context import AppContext
    from partydesk.gui.tasks import TaskHandle

FOLDER_COLUMNS = ("file", "from", "seq", *OUTCOME_ORDER, "state")

LAST_IMPORT_FOLDER_KEY = "exchange/lastImportFolder"  # where the last package checked was (QSettings)


PROBLEM_STYLE = "color: #b00020;"  # a refusal or a path that is not there, in red

class ImportDialog(QDialog):
    """Choose a file; the dry run's table; apply or cancel; the outcome."""

    def __init__(self, ctx: AppContext, *, start: Path, offices: dict[str, str] | None = None,
                 stick: Path | None = None, last: Path | None = None, kept: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.start = start
        self.offices = offices or {}  # organisation code -> name, of the registered offices
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import a package"))
        self.pages = QStackedWidget(self)

        choose = QWidget(self.pages)
        box = QVBoxLayout(choose)
        hint = QLabel(self.tr("Choose the package file (.pdsync) the other office gave you, or a folder (such as "
                              "the USB stick) to check every package in it.\nIt is checked first and imported once you "
                              "agree; a refused package is noted, with why, in the list of packages."), choose)
        hint.setWordWrap(True)
        self.file = QLineEdit(choose)
        self.file.setObjectName("fileEdit")
        self.file.setPlaceholderText(self.tr("Package file, or a folder of packages"))
        browse = QPushButton(self.tr("&Browse…"), choose)
        browse.setObjectName("browseButton")
        browse.clicked.connect(self._browse)
        folder = QPushButton(self.tr("&Folder…"), choose)
        folder.setObjectName("folderButton")
        folder.clicked.connect(self._browse_folder)
        line = QHBoxLayout()
        line.addWidget(self.file, 1)
        line.addWidget(browse)
        line.addWidget(folder)
        box.addWidget(hint)
        box.addLayout(line)
        self.stick_note = QLabel(choose)
        self.stick_note.setObjectName("stickNote")
        self.stick_note.setWordWrap(True)
        box.addWidget(self.stick_note)
        self.problem = QLabel(choose)
        self.problem.setObjectName("problemLabel")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        box.addWidget(self.problem)
        box.addStretch(1)
        self.pages.addWidget(choose)

        self.check_page = CheckPage(self.pages)
        page = self.check_page  # its parts, by the names the wizard and its tests use
        self.summary, self.counts, self.gap, self.corrected = page.summary, page.counts, page.gap, page.corrected
        self.refused_records = page.refused_records
        self.pages.addWidget(page)

        many = QWidget(self.pages)
        box = QVBoxLayout(many)
        self.folder_summary = QLabel(many)
        self.folder_summary.setObjectName("folderSummaryLabel")
        self.folder_summary.setWordWrap(True)
        self.folder_table = QTableWidget(0, len(FOLDER_COLUMNS), many)
        self.folder_table.setObjectName("folderTable")
        self.folder_table.setTabKeyNavigation(False)
        self.folder_table.verticalHeader().hide()
        self.folder_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.folder_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        # A reason for a refusal is a sentence: the rows grow to show it whole (a stick holds tens of
        # packages, not thousands, so sizing the rows to their text costs nothing).
        self.folder_table.setWordWrap(True)
        self.folder_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.folder_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The file name (its sender and number have columns of their own) gives way to the state and its
        # reason: at most a fixed width (once filled), shortened at its end (its start names the sending and
        # the receiving office: 001000_001002_…), the whole name in its tooltip.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)  # the sender: as the file name
        self.folder_table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("汉") * 14)
        self.folder_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setSectionResizeMode(len(FOLDER_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        # The members the chosen package deletes or changes, by name (the table has room for figures only).
        self.folder_detail = QLabel(many)
        self.folder_detail.setObjectName("folderDetailLabel")
        self.folder_detail.setWordWrap(True)
        self.folder_table.itemSelectionChanged.connect(self._show_folder_detail)
        box.addWidget(self.folder_summary)
        box.addWidget(self.folder_table, 1)
        box.addWidget(self.folder_detail)
        self.pages.addWidget(many)
        self.entries: list[FolderEntry] | None = None

        self.buttons = QDialogButtonBox(self)
        self.check_button = self.buttons.addButton(self.tr("&Check"), QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button.setObjectName("checkButton")
        self.apply_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.apply_button.hide()
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        self.file.textChanged.connect(lambda text: self.check_button.setEnabled(bool(text.strip())))
        self.check_button.setEnabled(False)
        self.kept = kept
        if kept is not None:  # after a restore: the copies of the packages imported here
            self.file.setText(str(kept))
            self.stick_note.setText(self.tr("The copies of the packages imported on this computer: the ones the "
                                            "restored records lack are imported again, the rest are left as they are."))
        elif stick is not None:  # the stick itself: Check looks at every package on it
            self.file.setText(str(stick))
            self.stick_note.setText(self.tr("USB stick found: {path}. Check looks at every package on it; or "
                                            "choose one package file.").format(path=stick))
        elif last is not None:  # a committee takes packages from the same stick, week after week
            self.file.setText(str(last))
            self.stick_note.setText(self.tr("No USB stick found: the folder checked last time is filled in; check "
                                            "it is the stick."))
        self.stick_note.setVisible(stick is not None or last is not None or kept is not None)
        filled = self.file.text()  # the note speaks of this path: another typed or chosen, it goes
        replace_when_typed(self.file)  # a path typed replaces the one filled in instead of running on from it
        self.file.textChanged.connect(lambda text: self.stick_note.setVisible(bool(filled) and text == filled))
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        cjk = self.fontMetrics().horizontalAdvance("汉")
        self.resize(cjk * 48, cjk * 24)
        self.retranslate_table()

    def retranslate_table(self) -> None:
        """Headers and row names of the tables."""
        self.check_page.retranslate()
        self.folder_table.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("From"), self.tr("No."), self.tr("New"), self.tr("Updated"),
            self.tr("Unchanged"), self.tr("Conflicts"), self.tr("Rejected"), self.tr("State")])

    def _browse(self) -> None:
        chosen, _f = QFileDialog.getOpenFileName(self, self.tr("Choose a package"), str(self.start),
                                                 self.tr("Packages (*.pdsync)"))
        if chosen:
            self.file.setText(chosen)
            self.check()

    def _browse_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder holding the packages"),
                                                  str(self.start))
        if chosen:
            self.file.setText(chosen)
            self.check()

    @property
    def path(self) -> Path:
        """The chosen file."""
        return Path(self.file.text().strip())

    def check(self) -> None:
        """The dry run: verify and classify, write nothing (of every package in it, for a folder)."""
        self.problem.clear()
        self.problem.setStyleSheet(PROBLEM_STYLE)
        if not self.path.exists():  # a mistyped path: said here, not refused as a package
            self.problem.setText(self.tr("There is no file or folder {path}.").format(path=self.path))
            return
        if self.path != self.kept:  # the copies kept here are no stick to offer next time
            self.ctx.settings.setValue(per_database(LAST_IMPORT_FOLDER_KEY, self.ctx.db.path),
                                       str(self.path if self.path.is_dir() else self.path.parent))
        self.check_button.setEnabled(False)
        if self.path.is_dir():
            handle = ops.check_folder(self, self.ctx, self.path, title=self.tr("Checking the packages…"),
                                      on_done=self._folder_checked, on_error=self._failed)
            handle.finished.connect(lambda: self._after(handle))
            self.running = handle
            return
        handle = ops.import_file(self, self.ctx, self.path, dry_run=True, title=self.tr("Checking the package…"),
                                 on_done=self._checked, on_error=self._failed)
        handle.finished.connect(lambda: self._after(handle))
        self.running = handle

    def _checked(self, report: ImportReport) -> None:
        self.check_button.setEnabled(True)
        if report.status == "rejected":
            self.problem.setText(self.tr("The package was refused:") + "\n" + report.message)
            if report.reason not in NOT_RECORDED:
                ops.record_rejection(self, self.ctx, self.path, reason=report.reason, message=report.message)
            return
        if report.status == "already_imported":  # nothing wrong: said in the text's own colour, not as a refusal
            self.problem.setStyleSheet("")
            self.problem.setText(report.message)
            return
        self.report = report
        receipt = is_receipt(report)  # no records at all: only the confirmations
        if receipt:
            said = self.tr("The package from {origin} ({name}) is genuine and complete. It is a receipt: it "
                           "carries no records. Nothing has been written yet.").format(
                origin=self._office(report.origin), name=self.path.name)
        else:
            said = self.tr("The package from {origin} ({name}) is genuine and complete. This is what "
                           "importing it would do; nothing has been written yet.").format(
                origin=self._office(report.origin), name=self.path.name)
            said += "\n" + self.tr("It carries {contents}.").format(contents=contents_in_words(report.carries))
        if report.confirms and receipt:
            said += "\n" + self.tr("It confirms that {origin} received {count} of this office's packages: "
                                    "importing it marks them as received.").format(
                origin=self._office(report.origin), count=report.confirms)
        elif report.confirms:
            said += "\n" + self.tr("It confirms that {origin} received {count} of this office's packages.").format(
                origin=self._office(report.origin), count=report.confirms)
        said += "".join("\n" + line for line in [*report.keys, *members_touched(report)])
        if report.held or report.held_other:  # otherwise only "unchanged": the sender's edit would vanish unseen
            said += "\n" + self.tr("{origin} also changed {names}, before this office's correction reached it: "
                                    "the correction stays here, and {origin} decides between the two when it "
                                    "imports it.").format(origin=self._office(report.origin),
                                                          names=removed_in_words(report.held + report.held_other))
        if report.declined_count:  # otherwise only "updated": the correction would go unseen
            said += "\n" + declined_said(report, self._office(report.origin))
        conflicts = report.counts.get("conflict", 0)
        if report.conflicted:  # each is to be decided afterwards: which ones, not only how many
            more = conflicts - len(report.conflicted)
            said += "\n" + self.tr("Changed here too since {origin} last had it (conflicts, to decide after "
                                    "importing): {names}.").format(
                origin=self._office(report.origin),
                names="、".join(report.conflicted) + (self.tr(" and {count} more").format(count=more) if more > 0
                                                      else ""))
        said += returned_said(report, self._office(report.origin))
        self.summary.setText(said)
        self.check_page.show_counts(report, receipt=receipt)
        self.gap.setText(report.gap)
        self.gap.setVisible(bool(report.gap))
        self.corrected.setText(self.tr("The committee corrects this office's own records:") + "\n"
                               + "\n".join(report.corrections) if report.corrections else "")
        self.corrected.setVisible(bool(report.corrections))
        self.check_page.show_refused(report)
        self.pages.setCurrentIndex(1)
        self.check_button.hide()
        self.apply_button.show()
        self.apply_button.setDefault(True)
        self.apply_button.setFocus()
        self._widen(64, 0)  # the names and the reasons in fewer, longer lines (a 1366-wide screen has the room)
        grow_to_fit(self)  # a long summary (refused records named) must not squeeze the table or itself

    def _failed(self, error: KnownError) -> None:
        self.check_button.setEnabled(True)
        self.apply_button.setEnabled(True)
        self.problem.setText(error.message)

    def _show_folder_detail(self) -> None:
        row = self.folder_table.currentRow()
        entry = self.entries[row] if self.entries is not None and 0 <= row < len(self.entries) else None
        lines = []
        if entry is not None and entry.ready:
            declined = declined_said(entry.report, self._office(entry.report.origin))
            lines = members_touched(entry.report) + ([declined] if declined else [])
        if entry is None or not lines:
            self.folder_detail.clear()
            return
        self.folder_detail.setText(self.tr("Package No. {seq} from {origin}:").format(
            seq=entry.report.channel_seq, origin=self._office(entry.report.origin)) + "\n".join(lines))

    def _folder_checked(self, entries: list[FolderEntry]) -> None:
        self.check_button.setEnabled(True)
        if not entries:
            self.problem.setText(self.tr("There is no package (.pdsync) in this folder."))
            return
        self.entries = entries
        ready = sum(1 for e in entries if e.ready)
        refused = sum(1 for e in entries if e.report.status == "rejected" and e.to_import)
        said = self.tr("{count} packages in {folder}: {ready} can be imported.").format(
            count=len(entries), folder=self.path, ready=ready)
        if self.path == self.kept:
            said = self.tr("Copies of the packages imported on this computer, to bring back what the restore took "
                           "away.") + " " + said
        if refused:
            said += self.tr(" {refused} cannot be imported (they will be listed as refused).").format(refused=refused)
        if ready + refused < len(entries):
            said += self.tr(" The rest were imported before or are for another office.")
        if any(e.ready and members_touched(e.report) for e in entries):
            said += self.tr(" Choose a row to see which members its package adds, deletes or changes.")
        self.folder_summary.setText(said + self.tr(" Nothing has been written yet."))
        self.folder_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            report = entry.report
            origin = self.tr("This office") if entry.own else self._office(report.origin)
            texts = [entry.path.name, origin, str(report.channel_seq) if report.channel_seq else ""]
            texts += [str(report.counts.get(key, 0)) if entry.ready and not is_receipt(report) else ""
                      for key in OUTCOME_ORDER]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column in (0, 1) else "")
                self.folder_table.setItem(row, column, item)
            self._set_state(row, checked_state(entry))
        self.pages.setCurrentIndex(2)
        self._widen()
        # The names whole where the dialog has room for them (a 1366-wide screen does), else shortened.
        # The state and its reason keep room of their own: a stick holds mostly packages imported before. A
        # package's name is whole up to two 10-digit organisation codes (a longer one, a copy's, is shortened).
        widest = (self.fontMetrics().horizontalAdvance("0000000000_0000000000_000000_00000000_00000000.pdsync") + 16,
                  self.fontMetrics().horizontalAdvance("汉") * 14)
        for column, most in enumerate(widest):
            self.folder_table.resizeColumnToContents(column)
            self.folder_table.setColumnWidth(column, min(self.folder_table.columnWidth(column), most))
        self.check_button.hide()
        if ready + refused == 0:  # every package imported before or for another office: nothing to do
            self.cancel_button.setText(self.tr("Close"))
            self.cancel_button.setDefault(True)
            self.cancel_button.setFocus()
            return
        # Nothing to import but refusals to put in the ledger: the button says that, not "import all".
        self.apply_button.setText(self.tr("&Import all") if ready else self.tr("&Record the refusals"))
        self.apply_button.show()
        self.apply_button.setDefault(True)
        self.apply_button.setFocus()

    def _widen(self, columns: int = 96, lines: int = 44) -> None:
        """At least ``columns`` by ``lines`` Chinese characters, within the screen: for a folder, room for a row per
        package with its file name, counts and state."""
        cjk = self.fontMetrics().horizontalAdvance("汉")
        size = self.size().expandedTo(QSize(cjk * columns, cjk * lines))
        limit = room(self)
        if limit is not None:
            size = size.boundedTo(limit)
        if size == self.size():
            return
        centre = self.frameGeometry().center()
        self.resize(size)
        if self.isVisible():  # grown about its centre, still on the screen
            frame = self.frameGeometry()
            frame.moveCenter(centre)
            self.move(frame.topLeft())
            keep_on_screen(self)

    def _office(self, code: str) -> str:
        """A sender by the name it is registered under; one not registered here is said to be so."""
        if not code:
            return ""
        return self.offices.get(code) or self.tr("unregistered office {code}").format(code=code)

    def _set_state(self, row: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        self.folder_table.setItem(row, len(FOLDER_COLUMNS) - 1, item)

    def _set_counts(self, row: int, texts: list[str]) -> None:
        for column, text in enumerate(texts, start=3):
            self.folder_table.setItem(row, column, QTableWidgetItem(text))

    def _import_folder(self) -> None:
        assert self.entries is not None
        self.apply_button.setEnabled(False)
        handle = ops.import_folder(self, self.ctx, self.entries, title=self.tr("Importing the packages…"),
                                   on_done=self._folder_imported, on_error=self._failed)
        handle.finished.connect(lambda: self.apply_button.setEnabled(True) if handle.cancelled else None)
        self.running = handle

    def _folder_imported(self, done: FolderImport) -> None:
        for row, entry in enumerate(done.entries):
            report = entry.imported
            if report is None:
                if entry.failed or entry.to_import:  # its dry-run counts would read as if written
                    self._set_counts(row, [""] * len(OUTCOME_ORDER))
                if entry.failed:
                    self._set_state(row, self.tr("Not imported: {message}").format(message=entry.failed))
                elif entry.to_import and not entry.ready:  # refused at the check: the reason still holds
                    self._set_state(row, self.tr("Not imported: {message}").format(message=entry.report.message))
                elif entry.to_import:
                    self._set_state(row, self.tr("Not imported (cancelled)") if done.cancelled
                                    else self.tr("Not imported"))
                continue
            if report.status == "applied":
                receipt = is_receipt(report) and not entry.report.carries  # nothing to count: blank, not noughts
                self._set_counts(row, ["" if receipt else str(report.counts.get(key, 0)) for key in OUTCOME_ORDER])
                carried = contents_in_words(report.carries or entry.report.carries)
                said = (self.tr("Imported; it carries {contents}").format(contents=carried) if carried
                        else self.tr("Imported (a receipt)"))
                if report.acknowledged:
                    said += self.tr("; it confirms {count} of our packages").format(count=report.acknowledged)
                self._set_state(row, said + ("；" + report.gap if report.gap else ""))
            elif report.status == "already_imported":
                self._set_state(row, imported_before(report))
            else:
                self._set_state(row, self.tr("Refused: {message}").format(message=report.message))
        if done.cancelled or done.failed:
            if done.failed:
                said = self.tr("The import stopped: {message} {applied} packages were imported and stay; the "
                               "others were not imported. You can import the folder again.").format(
                    message=done.failed, applied=done.applied)
            else:
                said = self.tr("Cancelled: {applied} packages were imported and stay; the others were not "
                               "imported. You can import the folder again at any time.").format(applied=done.applied)
            self.folder_summary.setText(said)
            self.apply_button.setEnabled(any(e.imported is None and e.to_import for e in done.entries))
            return
        said = self.tr("Imported {applied} packages.").format(applied=done.applied)
        refused = sum(1 for e in done.entries if e.imported is not None and e.imported.status == "rejected")
        if refused:
            said += self.tr(" {count} refused: listed as refused on the exchange page.").format(count=refused)
        conflicts = sum(e.imported.counts.get("conflict", 0) for e in done.entries
                        if e.imported is not None and e.imported.status == "applied")
        if conflicts:  # as after a single package: a figure in a column is easily missed; each needs a decision
            said += "\n" + conflicts_said(conflicts)
        self.folder_summary.setText(said)
        self.apply_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setFocus()

    def apply(self) -> None:
        """Import for real, in one transaction (one per package, for a folder)."""
        if self.pages.currentIndex() == 2:
            self._import_folder()
            return
        self.apply_button.setEnabled(False)
        gap = self.report.gap if self.report is not None else ""  # a note of an earlier cancel goes
        self.gap.setText(gap)
        self.gap.setVisible(bool(gap))
        handle = ops.import_file(self, self.ctx, self.path, dry_run=False, title=self.tr("Importing…"),
                                 on_done=self._applied, on_error=self._failed)
        handle.finished.connect(lambda: self._after(handle))
        self.running = handle

    def _after(self, handle: TaskHandle) -> None:
        """After a cancelled check or import (nothing was written): say so and let the user try again."""
        if handle.cancelled:
            self.check_button.setEnabled(True)
            self.apply_button.setEnabled(True)
            said = self.tr("Cancelled: nothing was imported. You can check or import the package again at any time.")
            if self.pages.currentIndex() == 0:
                self.problem.setText(said)
            else:  # on the dry run's page, under its table
                self.gap.setText(said)
                self.gap.setVisible(True)
                grow_to_fit(self)  # the line below the table must not squeeze its five rows

    def _applied(self, report: ImportReport) -> None:
        self.report = report
        self.apply_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        if report.status == "applied" and is_receipt(report):  # no figures of records, all nought
            self.summary.setText(self.tr("Receipt imported: {origin} has received {count} of this office's "
                                         "packages.").format(origin=self._office(report.origin),
                                                             count=report.confirms))
        elif report.status == "applied":
            c = report.counts
            said = self.tr("Imported: new {new}, updated {updated}, unchanged {unchanged}, "
                           "conflicts {conflict}, rejected {rejected}.").format(**c)
            said += "".join("\n" + line for line in report.keys)  # a key registered or revoked on the way
            if report.added_count:
                said += "\n" + self.tr("Members added by the sender: {names}.").format(
                    names=added_in_words(report.added, report.added_count))
            if report.removed:
                said += "\n" + self.tr("Members deleted by the sender: {names}.").format(
                    names=removed_in_words(report.removed))
            if report.changed_count:
                said += "\n" + self.tr("Members whose records the sender changed: {names}.").format(
                    names=changed_in_words(report.changed, report.changed_count))
            if c["conflict"]:  # not to be missed in a row of figures: each needs a decision
                said += "\n\n" + conflicts_said(c["conflict"])
            if c["rejected"]:
                said += "\n" + self.tr("{origin} is told which of its records were refused and why with the next "
                                       "package to it, and sends them again until they are accepted.").format(
                    origin=self._office(report.origin))
            said += returned_said(report, self._office(report.origin))
            self.summary.setText(said)
        else:
            self.summary.setText(report.message)
        self.cancel_button.setFocus()
        grow_to_fit(self)
