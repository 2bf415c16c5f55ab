"""Roster import wizard (导入花名册): choose the file and its columns, check the dry run, then import.

Three steps in one dialog, the shape RELIABILITY.md §4.3 asks for:

1. **File and columns.** The file is read on the file lane (``roster_plan.preview``; a big workbook takes
   seconds) with the wizard disabled meanwhile. The user sees what was found (sheet, header row, row
   count, CSV encoding), the file-level warnings, one combo per column with the guess preselected, and
   the first rows with doubtful cells tinted. A field chosen for two columns, or no ID-number column,
   blocks Next with a sentence saying why. A file that cannot be read shows the core's Chinese message
   in red; it is not a crash.
2. **Check.** Next runs the dry run (``plan_import``) with a progress dialog that can be cancelled. The
   counts (new / updated / unchanged / rejected) and every problem are listed; the rejected rows can be
   saved as a workbook with the reasons. Import is all-or-nothing by default: with rejected rows it stays
   disabled until the user ticks "skip", and a sentence says so.
3. **Done.** Import runs ``apply_import`` (a verified backup first, then one transaction) with a
   cancellable progress dialog; a cancel or a failure writes nothing. The page shows what was written and
   where the backup went. The runner publishes the import's ``Changes`` so the roster page refreshes.

Enter presses the step's main button when it is enabled; Esc closes, asking first only while a job runs
(then the job is cancelled).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from partydesk.core.domain.member import FIELD_LABELS
from partydesk.core.errors import KnownError
from partydesk.core.services.roster_import import (
    ImportPlan,
    ImportPreview,
    ImportResult,
    RosterChanged,
)
from partydesk.gui.dialogs.import_file_step import ImportFileStep
from partydesk.gui.forms.ui_import_wizard import Ui_ImportWizardDialog
from partydesk.gui.models.issue_model import MUTED_COLOUR, IssueModel
from partydesk.gui.operations import roster_files as file_ops
from partydesk.gui.tasks import TaskHandle
from partydesk.gui.widgets.error_label import ERROR_COLOUR, WARNING_COLOUR, mark_as_error_label
from partydesk.gui.widgets.roster_changes import RosterChanges
from partydesk.gui.widgets.screen_room import fit_to_screen

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

FILE_STEP, CHECK_STEP, DONE_STEP = range(3)
REFRESH_MS = 300
WRAP_LIMIT = 200  # problem lists up to this long get rows as tall as their wrapped explanation
SKIPPED_SHOWN = 10  # skipped rows named one by one on the check and done pages; the rest are counted


class ImportWizard(ImportFileStep, QDialog):
    """The three-step roster import; ``path`` opens that file at once instead of waiting for 选择文件."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ImportWizardDialog()
        self.ui.setupUi(self)
        self._path: Path | None = None
        self._preview: ImportPreview | None = None
        self._plan: ImportPlan | None = None
        self._result: ImportResult | None = None
        self._job: TaskHandle | None = None  # the job the wizard waits for (UI disabled meanwhile)
        self._job_kind = ""
        self._generation = 0  # bumped per file read: results of an older read are dropped
        self._combos: list[QComboBox] = []
        self._clashes: dict[str, list[int]] = {}
        self._fixed: dict[str, QWidget] = {}
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_preview)

        self.issues = IssueModel(self)
        self._set_up_widgets()
        self.ui.chooseButton.clicked.connect(self.choose_file)
        self.ui.nextButton.clicked.connect(self.go_next)
        self.ui.backButton.clicked.connect(self.go_back)
        self.ui.importButton.clicked.connect(self.start_import)
        self.ui.finishButton.clicked.connect(self.accept)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.saveRejectsButton.clicked.connect(self.save_rejects)
        self.ui.skipCheck.toggled.connect(lambda _on: self._update_buttons())
        self.ui.renamesList.itemChanged.connect(lambda _item: self._update_buttons())
        self._size_from_font()
        self._show_step(FILE_STEP)
        if path is not None:
            self.open_file(path)

    # -- setting up --------------------------------------------------------------------------------

    def _set_up_widgets(self) -> None:
        ui = self.ui
        for label in (ui.fileErrorLabel, ui.mappingErrorLabel, ui.checkErrorLabel):
            mark_as_error_label(label)
        self._colour(ui.fileWarningsLabel, WARNING_COLOUR)
        for label in (ui.missingLabel, ui.previewNote, ui.rejectsHelp, ui.fileLabel, ui.busyLabel, ui.renamesHelp,
                      ui.skippedLabel):
            self._colour(label, MUTED_COLOUR)
        for label in (ui.factsLabel, ui.fileWarningsLabel, ui.missingLabel, ui.previewNote, ui.checkStatusLabel,
                      ui.reasonLabel, ui.backupLabel, ui.backupPathLabel, ui.requiredLabel, ui.skippedLabel,
                      ui.doneSkippedLabel):
            label.hide()
        big = self.font()
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        for label in (ui.newLabel, ui.updatedLabel, ui.unchangedLabel, ui.rejectedLabel, ui.doneTitleLabel):
            label.setFont(big)
        counts = self.font()
        counts.setPointSizeF(counts.pointSizeF() * 1.25)
        ui.doneCountsLabel.setFont(counts)
        ui.countsLayout.setSpacing(self.fontMetrics().horizontalAdvance("汉") * 3)
        self.changes = RosterChanges(ui.checkPage)  # who the file updates and what, under the counts
        ui.checkPageLayout.insertWidget(1, self.changes)

        cjk = self.fontMetrics().horizontalAdvance("汉")
        line = self.fontMetrics().lineSpacing()
        ui.donePageLayout.setSpacing(line // 2)
        mapping = ui.mappingTable
        mapping.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        mapping.verticalHeader().setDefaultSectionSize(int(line * 1.7))
        preview_table = ui.previewTable
        preview_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        preview_table.verticalHeader().setDefaultSectionSize(int(line * 1.4))
        preview_table.setMinimumWidth(cjk * 20)
        issues = ui.issuesTable
        issues.setModel(self.issues)
        issues.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        issues.verticalHeader().setDefaultSectionSize(int(line * 1.4))
        issues.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        issues.setSortingEnabled(True)
        issues.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # The problem code is for support staff (it is in the tooltip); the office reads the explanation.
        issues.setColumnHidden(IssueModel.CODE_COLUMN, True)
        # A short list wraps its explanations (measured only then; a long one keeps uniform rows).
        self._wrap = QTimer(self)
        self._wrap.setSingleShot(True)
        self._wrap.setInterval(0)
        self._wrap.timeout.connect(self._wrap_issues)
        issues.horizontalHeader().sectionResized.connect(lambda *_args: self._wrap.start())
        self.issues.modelReset.connect(self._wrap.start)
        self._size_columns()
        for table in (mapping, preview_table, issues):
            table.setMinimumHeight(line * 6)
        ui.fileSplitter.setStretchFactor(0, 0)
        ui.fileSplitter.setStretchFactor(1, 1)
        ui.fileSplitter.setSizes([ui.mappingGroup.minimumSizeHint().width(), cjk * 90])
        ui.backupPathLabel.setCursor(Qt.CursorShape.IBeamCursor)

    def _size_columns(self) -> None:
        # From the header texts (they change with the language) and the font, never from the contents.
        metrics = self.fontMetrics()
        cjk = metrics.horizontalAdvance("汉")
        mapping = self.ui.mappingTable.horizontalHeader()
        letter, header = max(mapping.sectionSizeHint(0), cjk * 3), max(mapping.sectionSizeHint(1), cjk * 8)
        self.ui.mappingTable.setColumnWidth(0, letter)
        self.ui.mappingTable.setColumnWidth(1, header)
        # The combo column (the last, stretched) must show the longest field name, 转为正式党员日期.
        labels = [self.tr("Do not import"), *FIELD_LABELS.values()]
        combo = max(metrics.horizontalAdvance(text) for text in labels) + cjk * 3
        scrollbar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        self.ui.mappingTable.setMinimumWidth(letter + header + combo + scrollbar + 4)
        issues = self.ui.issuesTable.horizontalHeader()
        # row, name, column, header; the code is hidden, the explanation stretches
        widths = (cjk * 3, cjk * 4, cjk * 2, cjk * 7)
        for column, width in enumerate(widths):
            self.ui.issuesTable.setColumnWidth(column, max(issues.sectionSizeHint(column), width))

    def _wrap_issues(self) -> None:
        # A model reset puts every row back to the default height, so a long list needs nothing here.
        table = self.ui.issuesTable
        wrap = self.issues.rowCount() <= WRAP_LIMIT
        table.setWordWrap(wrap)
        if wrap:
            table.resizeRowsToContents()

    def _size_from_font(self) -> None:
        # Wide enough for the mapping beside the preview; never larger than the screen (1366×768 and up).
        cjk = self.fontMetrics().horizontalAdvance("汉")
        fit_to_screen(self, QSize(cjk * 90, self.fontMetrics().lineSpacing() * 40))

    @staticmethod
    def _colour(label: QLabel, colour: QColor) -> None:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)

    # -- state for callers and tests --------------------------------------------------------------

    @property
    def step(self) -> int:
        """The step shown: FILE_STEP, CHECK_STEP or DONE_STEP."""
        return int(self.ui.stack.currentIndex())

    @property
    def busy(self) -> bool:
        """Whether the wizard waits for a job (its buttons are disabled meanwhile)."""
        return self._job is not None

    @property
    def preview_result(self) -> ImportPreview | None:
        """What the last file read found."""
        return self._preview

    @property
    def plan(self) -> ImportPlan | None:
        """The current dry run (None before Next, and after going back)."""
        return self._plan

    @property
    def import_result(self) -> ImportResult | None:
        """What the import wrote, once it has."""
        return self._result

    def go_next(self) -> None:
        """Run the dry run with the chosen columns; on success show step 2."""
        if self.busy or self.step != FILE_STEP or not self._can_go_next() or self._path is None:
            return
        self._refresh.stop()
        self.ui.fileErrorLabel.hide()
        title = self.tr("Checking the file")
        self._start_job("plan", file_ops.plan_roster_import(
            self, self.ctx, self._path, mapping=self.mapping(), title=title, on_done=self._planned,
            on_error=self._plan_failed, fixed_values=self.fixed_values()), title)

    def _plan_failed(self, error: KnownError) -> None:
        self._show(self.ui.fileErrorLabel, error.message)

    # -- step 2: the dry run -----------------------------------------------------------------------

    def _planned(self, plan: ImportPlan) -> None:
        self._plan = plan
        self.ui.skipCheck.setChecked(False)  # all-or-nothing unless the user chooses otherwise, every time
        self.ui.checkStatusLabel.hide()
        self.ui.checkErrorLabel.hide()
        self.issues.set_issues(plan.errors, plan.warnings)
        self._fill_renames(plan)
        self._show_plan()
        self._show_step(CHECK_STEP)

    def _fill_renames(self, plan: ImportPlan) -> None:
        """One unticked line per conflict row: the user confirms each rename, or leaves the row out."""
        box = self.ui.renamesList
        box.blockSignals(True)
        box.clear()
        for row in plan.conflict_rows:
            item = QListWidgetItem(box)
            item.setData(Qt.ItemDataRole.UserRole, row.row)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        box.blockSignals(False)
        line = box.fontMetrics().lineSpacing()
        box.setMaximumHeight(int(line * 1.6) * min(max(len(plan.conflict_rows), 1), 4) + line // 2)
        self._label_renames(plan)

    def _label_renames(self, plan: ImportPlan) -> None:
        box = self.ui.renamesList
        names = {r.row: (r.data.name if r.data is not None else "", r.name_on_record) for r in plan.conflict_rows}
        box.blockSignals(True)
        for index in range(box.count()):
            item = box.item(index)
            number = int(item.data(Qt.ItemDataRole.UserRole))
            new, old = names.get(number, ("", ""))
            item.setText(self.tr("Row {row}: “{old}” on record becomes “{new}” (same ID number)").format(
                row=number, old=old, new=new))
        box.blockSignals(False)

    def confirmed_renames(self) -> set[int]:
        """Row numbers of the conflict rows the user ticked."""
        box = self.ui.renamesList
        return {int(box.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(box.count())
                if box.item(i).checkState() == Qt.CheckState.Checked}

    def _show_plan(self) -> None:
        plan = self._plan
        if plan is None:
            return
        ui = self.ui
        ui.newLabel.setText(self.tr("{count} new").format(count=plan.new))
        ui.updatedLabel.setText(self.tr("{count} updated").format(count=plan.updated))
        self.changes.show_plan(plan)
        ui.unchangedLabel.setText(self.tr("{count} unchanged").format(count=plan.unchanged))
        ui.rejectedLabel.setText(self.tr("{count} rows rejected").format(count=plan.rejected))
        self._colour(ui.rejectedLabel, self.palette().color(QPalette.ColorRole.WindowText) if not plan.rejected
                     else ERROR_COLOUR)
        problems = len(plan.errors) + len(plan.warnings)
        ui.issuesGroup.setTitle(self.tr("Problems found ({count})").format(count=problems) if problems
                                else self.tr("No problems found"))
        ui.renamesGroup.setTitle(self.tr("Same ID number, different name ({count})").format(count=plan.conflict))
        ui.renamesHelp.setText(self.tr("Tick a row only if that member really changed name. A wrong ID number in "
                                       "the file must be corrected in Excel instead; unticked rows are not "
                                       "imported."))
        ui.renamesGroup.setVisible(plan.conflict > 0)
        self._label_renames(plan)
        ui.skipCheck.setText(self.tr("Skip the rejected rows and import only the other {count}").format(
            count=plan.new + plan.updated))
        ui.skipCheck.setVisible(plan.rejected + plan.conflict > 0)
        ui.saveRejectsButton.setEnabled(plan.rejected > 0)
        # With nothing rejected the button goes with its help (greyed out, it stretched across the dialog).
        ui.saveRejectsButton.setVisible(plan.rejected > 0)
        ui.rejectsHelp.setVisible(plan.rejected > 0)
        self._show(ui.skippedLabel, self._skipped_text(plan))

    def _skipped_text(self, plan: ImportPlan) -> str:
        """The rows left out as not being members (合计, 填表人, empty lines), one short line each."""
        if not plan.skipped:
            return ""
        shown = [self.tr("row {row} {reason}").format(row=s.row, reason=s.reason) +
                 (f"（{s.text}）" if s.text else "") for s in plan.skipped[:SKIPPED_SHOWN]]
        more = len(plan.skipped) - len(shown)
        if more:
            shown.append(self.tr("and {count} more").format(count=more))
        return self.tr("{count} rows are not members and are left out: {rows}.").format(
            count=len(plan.skipped), rows="；".join(shown))

    def _import_block(self) -> str:
        """Why Import is disabled ("" when it is not)."""
        plan = self._plan
        if plan is None:
            return ""
        if plan.rejected and not self.ui.skipCheck.isChecked():
            return self.tr("{count} rows did not pass the checks. Correct them in Excel and choose the file "
                           "again, or tick the box to skip them.").format(count=plan.rejected)
        open_renames = plan.conflict - len(self.confirmed_renames())
        if open_renames and not self.ui.skipCheck.isChecked():
            return self.tr("{count} rows have an ID number on record under another name. Tick the ones that are "
                           "renames, or tick the box to skip the rest.").format(count=open_renames)
        if plan.new + plan.updated + len(self.confirmed_renames()) == 0:
            if plan.rejected and not plan.unchanged:
                return self.tr("No row can be imported: none of the {count} rows passed the checks. Correct them "
                               "in Excel (the list above names each row's problem) and choose the file "
                               "again.").format(count=plan.rejected)
            if plan.rejected:
                return self.tr("No row can be imported: every row that passed the checks is already in the "
                               "roster as it is.")
            return self.tr("Nothing to import: every row is already in the roster as it is.")
        return ""

    def save_rejects(self) -> None:
        """Save the rejected rows with their reasons as a workbook the user chooses."""
        plan = self._plan
        if self.busy or plan is None or not plan.rejected:
            return
        folder = self._path.parent if self._path is not None else Path()
        start = str(folder / (self.tr("rejected rows") + ".xlsx"))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the rejected rows"), start,
                                                    self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        self.ui.checkErrorLabel.hide()
        self._start_job("rejects", file_ops.save_rejects(
            self, self.ctx, plan, target, on_done=self._rejects_saved,
            on_error=lambda error: self._show(self.ui.checkErrorLabel, error.message),
        ), self.tr("Saving…"))

    def _rejects_saved(self, path: Path) -> None:
        self._show(self.ui.checkStatusLabel, self.tr(
            "Saved the rejected rows and their reasons to {path}. Correct them there, then import that file."
        ).format(path=path))

    def go_back(self) -> None:
        """Back to the file and its columns; the column choices stay as they were."""
        if self.busy or self.step != CHECK_STEP:
            return
        self._plan = None
        self._show_step(FILE_STEP)

    def start_import(self) -> None:
        """Write the plan (backup first, one transaction) with a cancellable progress dialog."""
        plan = self._plan
        if self.busy or self.step != CHECK_STEP or plan is None or self._import_block():
            return
        self.ui.checkStatusLabel.hide()
        self.ui.checkErrorLabel.hide()
        title = self.tr("Importing the roster")
        # The runner publishes the import's changes (even if the wizard is closed meanwhile).
        self._start_job("import", file_ops.import_roster(
            self, self.ctx, plan, skip_rejected=self.ui.skipCheck.isChecked(),
            accept_renames=self.confirmed_renames(), title=title,
            on_done=lambda outcome: self._imported(outcome.result), on_error=self._import_failed), title)

    def _import_failed(self, error: KnownError) -> None:
        if isinstance(error, RosterChanged):
            self._plan = None
            self._show_step(FILE_STEP)
            self._show(self.ui.fileErrorLabel, error.message)
        else:
            self._show(self.ui.checkErrorLabel, error.message)

    # -- step 3: done ------------------------------------------------------------------------------

    def _imported(self, result: ImportResult) -> None:
        self._result = result
        self._show_result()
        self._show_step(DONE_STEP)

    def _show_result(self) -> None:
        result = self._result
        if result is None:
            return
        lines = [self.tr("{count} new members added").format(count=result.new),
                 self.tr("{count} members updated").format(count=result.updated)]
        if result.unchanged:
            lines.append(self.tr("{count} rows unchanged").format(count=result.unchanged))
        if result.rejected:
            lines.append(self.tr("{count} rejected rows skipped").format(count=result.rejected))
        self.ui.doneCountsLabel.setText("\n".join(lines))
        self._show(self.ui.doneSkippedLabel, self._skipped_people(result))
        if result.backup_path is not None:
            self._show(self.ui.backupLabel, self.tr("Before importing, the database was backed up to:"))
            self._show(self.ui.backupPathLabel, str(result.backup_path))
        else:
            self._show(self.ui.backupLabel, self.tr("Nothing was written, so no backup was needed."))
            self.ui.backupPathLabel.hide()

    def _skipped_people(self, result: ImportResult) -> str:
        """Who was not imported: each skipped row with its 姓名 (as the file wrote it) and every reason."""
        plan = self._plan
        if plan is None or not result.skipped_rows:
            return ""
        by_row = {r.row: r for r in plan.rows}
        lines = []
        for number in result.skipped_rows[:SKIPPED_SHOWN]:
            planned = by_row.get(number)
            name, reason = "", self.tr("name differs from the one on record, not confirmed")
            if planned is not None:
                name = planned.data.name if planned.data is not None else next(
                    (i.name for i in planned.issues if i.name), "")
                reason = "；".join(dict.fromkeys(e.message for e in planned.errors)) if planned.errors else reason
            lines.append(self.tr("Row {row} {name}: {reason}").format(
                row=number, name=name or self.tr("(no name)"), reason=reason))
        more = len(result.skipped_rows) - len(lines)
        if more:
            lines.append(self.tr("and {count} more").format(count=more))
        return self.tr("Not imported:") + "\n" + "\n".join(lines)

    # -- jobs, steps and buttons -------------------------------------------------------------------

    def _start_job(self, kind: str, handle: TaskHandle, text: str) -> None:
        self._job, self._job_kind = handle, kind
        self.ui.busyLabel.setText(text)
        self.ui.stack.setEnabled(False)
        self._update_buttons()
        handle.finished.connect(lambda: self._job_finished(handle) if shiboken6.isValid(self) else None)

    def _job_finished(self, handle: TaskHandle) -> None:
        if handle is not self._job:
            return
        kind = self._job_kind
        self._job, self._job_kind = None, ""
        self.ui.busyLabel.clear()
        self.ui.stack.setEnabled(True)
        if handle.cancelled and kind == "import":
            self._show(self.ui.checkStatusLabel, self.tr(
                "The import was cancelled. Nothing was written: the roster is as it was."))
        elif handle.cancelled and kind == "plan":
            self._show(self.ui.fileErrorLabel, self.tr("Checking was cancelled."))
        self._update_buttons()
        self._focus_step()

    def _show_step(self, step: int) -> None:
        ui = self.ui
        ui.stack.setCurrentIndex(step)
        base = self.font()
        for number, label in enumerate((ui.step1Label, ui.step2Label, ui.step3Label)):
            font = QFont(base)
            font.setBold(number == step)
            label.setFont(font)
            self._colour(label, self.palette().color(QPalette.ColorRole.WindowText) if number == step
                         else MUTED_COLOUR)
        ui.backButton.setVisible(step == CHECK_STEP)
        ui.nextButton.setVisible(step == FILE_STEP)
        ui.importButton.setVisible(step == CHECK_STEP)
        ui.finishButton.setVisible(step == DONE_STEP)
        ui.cancelButton.setVisible(step != DONE_STEP)
        for button, primary in ((ui.nextButton, FILE_STEP), (ui.importButton, CHECK_STEP),
                                (ui.finishButton, DONE_STEP)):
            button.setDefault(step == primary)
        self._update_buttons()
        self._focus_step()

    def _focus_step(self) -> None:
        ui = self.ui
        focus = {FILE_STEP: ui.chooseButton if self._preview is None else ui.mappingTable,
                 CHECK_STEP: ui.issuesTable,
                 DONE_STEP: ui.finishButton}[self.step]
        if focus.isEnabled():
            focus.setFocus()

    def _update_buttons(self) -> None:
        ui, idle = self.ui, not self.busy
        ui.chooseButton.setEnabled(idle)
        ui.nextButton.setEnabled(idle and self._can_go_next())
        ui.backButton.setEnabled(idle)
        block = self._import_block()
        ui.importButton.setEnabled(idle and self._plan is not None and not block)
        if self.step == CHECK_STEP and self._plan is not None:
            ready = self.tr("Ready: {new} members will be added and {updated} updated. The database is backed up "
                            "first; if anything goes wrong, nothing is written.").format(
                new=self._plan.new, updated=self._plan.updated + len(self.confirmed_renames()))
            self._show(ui.reasonLabel, block or ready)
            self._colour(ui.reasonLabel, ERROR_COLOUR if block and (self._plan.rejected or self._plan.conflict)
                         and not ui.skipCheck.isChecked() else self.palette().color(QPalette.ColorRole.WindowText))
        ui.saveRejectsButton.setEnabled(idle and self._plan is not None and self._plan.rejected > 0)
        ui.finishButton.setEnabled(idle)

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    # -- closing -----------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, Cancel or the window's ×: close; while a job runs, ask first and cancel the job."""
        if self.step == DONE_STEP and not self.busy:
            self.accept()  # the import is done: closing now means "Done", not "Cancel"
            return
        job = self._job
        if job is not None:
            if not self._confirm_stop():
                return
            if self._job is not None:
                self._job.cancel()
        self._refresh.stop()
        super().reject()

    def _confirm_stop(self) -> bool:
        text = (self.tr("The import is still running. Stop it and close? A stopped import writes nothing.")
                if self._job_kind == "import" else self.tr("The file is still being read. Stop and close?"))
        answer = QMessageBox.question(self, self.tr("Stop the import?"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.issues.retranslate()
            self._size_columns()
            for combo in self._combos:
                combo.setItemText(0, self.tr("Do not import"))
            if self._path is not None:
                self.ui.fileLabel.setText(str(self._path))
            self._show_facts()
            self._mapping_changed(refresh=False)
            self._show_plan()
            self._show_result()
        super().changeEvent(event)
