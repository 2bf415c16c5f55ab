"""Export the roster to Excel (导出花名册): hidden or full numbers, the file, then the export off the GUI thread.

``export_roster_dialog(ctx, parent)`` walks the user through it:

0. the layout (``ExportLayoutDialog``): 完整版 for data exchange or 报送版 for print, with its columns;
1. a question: hide ID numbers and phones (recommended, the default button) or full numbers; full numbers
   are personal data (RELIABILITY.md §3.5), so that choice is confirmed in a second box that says so;
2. the file, suggested as "<党组织名称>党员花名册-YYYYMMDD.xlsx" in the last export folder (the name needs a
   database read, which runs on the DB lane like all DB work);
3. the roster read on the DB lane, then the workbook built and written on the file lane
   (``operations.roster_files.export_roster``), with a cancellable progress dialog (a cancel writes no
   file: the workbook is built before the atomic writer touches the disk);
4. a message with the path and a button that opens the folder; a KnownError (disk full, read-only stick)
   is shown as a warning, never as a crash.

The steps after the first run as callbacks, so the call returns at once; the returned ``RosterExport``
lives as a child of ``parent`` until the flow ends. The two questions are QMessageBoxes, so this flow
has no Designer form.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from partydesk.core.errors import KnownError
from partydesk.core.services.roster_export import ExportResult, Layout
from partydesk.gui.dialogs.export_layout import ExportLayoutDialog
from partydesk.gui.folders import documents_folder, open_with_system
from partydesk.gui.operations import roster_files as file_ops
from partydesk.gui.tasks import TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

SETTINGS_DIR_KEY = "export/last_dir"
# Characters Windows forbids in file names; an organisation name may well hold "/" or ":".
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_file_name(branch: str, today: date, layout: Layout = "full", part: str = "") -> str:
    """The suggested file name "<branch>党员花名册-YYYYMMDD.xlsx" (the 报送版 "…党员花名册（报送版）-…", so that
    exporting both keeps both; a part of the roster "…党员花名册（第一党小组）-…"), without characters Windows
    forbids."""
    safe = _BAD_FILE_CHARS.sub("", branch).strip().strip(".")
    which = f"（{_BAD_FILE_CHARS.sub('', part)}）" if part else ""
    version = "（报送版）" if layout == "print" else ""
    return f"{safe}党员花名册{which}{version}-{today:%Y%m%d}.xlsx"


class RosterExport(QObject):
    """One run of the export flow; ``box`` is the message it ended with (success or failure)."""

    def __init__(self, ctx: AppContext, parent: QWidget, *, today: date | None = None,
                 shown: tuple[list[str], int] | None = None, order: list[str] | None = None,
                 part: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.today = today or date.today()
        self.shown = shown  # (ids the roster list shows, members on the roll) when a filter hides some
        self.order = order  # the members in the list's order, when a column header sorted it
        self.only: frozenset[str] | None = None  # the members to export, when not the whole roster
        self.part = part  # the filters' words (第一党小组、预备党员) for the title of a part exported
        self.part_chosen = ""  # those words once the office chose the members in the list
        self.masked = True
        self.layout: Layout = "full"
        self.columns: list[str] | None = None
        self.preparer: str | None = None
        self.path: Path | None = None
        self.job: TaskHandle | None = None
        self.box: QMessageBox | None = None
        self.result: ExportResult | None = None

    # -- the questions -----------------------------------------------------------------------------

    def ask_masking(self) -> bool | None:
        """True for hidden numbers, False for full numbers (confirmed), None when the user cancelled."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export roster"),
                          self.tr("How should ID numbers and phone numbers appear in the exported file?"),
                          QMessageBox.StandardButton.NoButton, self.parent_widget)
        printing = self.layout == "print"  # the question follows what the version chosen is for
        box.setInformativeText(self.tr(
            "The print version is for printing and handing on: hidden numbers are safe there. Export full numbers "
            "only when the higher level asks for them: they are personal data.") if printing else self.tr(
            "The full version can be imported again to update members, which needs the full numbers; with "
            "hidden numbers the file is for reading and handing on only. Full numbers make it personal data."))
        masked = box.addButton(self.tr("Hide ID and phone numbers (recommended)") if printing
                               else self.tr("Hide ID and phone numbers"), QMessageBox.ButtonRole.AcceptRole)
        masked.setObjectName("maskedButton")
        full = box.addButton(self.tr("Full numbers") if printing else self.tr("Full numbers (to import again)"),
                             QMessageBox.ButtonRole.ActionRole)
        full.setObjectName("fullButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(masked)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is masked:
            return True
        if clicked is full:
            return False if self.confirm_full() else None
        return None

    def confirm_full(self) -> bool:
        """The second question for full numbers, with what they mean; Cancel is the default."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export full numbers?"),
                          self.tr("The file will hold every member's full ID number and phone number."),
                          QMessageBox.StandardButton.NoButton, self.parent_widget)
        box.setInformativeText(self.tr(
            "This is personal data. Keep the file safe, do not send it through chat apps or leave it on a shared "
            "computer or USB stick, and delete it when you no longer need it."))
        confirm = box.addButton(self.tr("Export full numbers"), QMessageBox.ButtonRole.AcceptRole)
        confirm.setObjectName("confirmFullButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        confirmed = box.clickedButton() is confirm
        box.deleteLater()
        return confirmed

    # -- the flow ----------------------------------------------------------------------------------

    def ask_layout(self) -> bool:
        """Which layout (and the 报送版 columns and 制表人); False when the user cancelled."""
        dialog = ExportLayoutDialog(self.ctx.settings, self.parent_widget)
        accepted = dialog.exec() == ExportLayoutDialog.DialogCode.Accepted
        if accepted:
            self.layout = dialog.layout_choice()
            self.columns = dialog.columns() if self.layout == "print" else None
            self.preparer = dialog.preparer() if self.layout == "print" else None
        dialog.deleteLater()
        return accepted

    def ask_scope(self) -> bool:
        """With the roster list filtered: export the members it shows (the default) or every member; False when
        the user cancelled."""
        assert self.shown is not None
        ids, total = self.shown
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export roster"), self.tr(
            "The roster list shows {shown} of the {total} members (a filter or search is on). Which members "
            "should be exported?").format(shown=len(ids), total=total),
            QMessageBox.StandardButton.NoButton, self.parent_widget)
        listed = box.addButton(self.tr("The {shown} in the list").format(shown=len(ids)),
                               QMessageBox.ButtonRole.AcceptRole)
        listed.setObjectName("listedButton")
        every = box.addButton(self.tr("All {total}").format(total=total), QMessageBox.ButtonRole.AcceptRole)
        every.setObjectName("everyoneButton")
        box.addButton(QMessageBox.StandardButton.Cancel)
        listed.setEnabled(bool(ids))  # a list filtered down to no one has nothing to export
        box.setDefaultButton(listed if ids else every)
        box.exec()
        if box.clickedButton() is listed:
            self.only, self.part_chosen = frozenset(ids), self.part
            return True
        return box.clickedButton() is every

    def start(self) -> None:
        """Ask the questions, then fetch the branch name on the DB lane for the suggested file name."""
        if self.shown is not None and len(self.shown[0]) < self.shown[1] and not self.ask_scope():
            self._end()
            return
        if not self.ask_layout():
            self._end()
            return
        masked = self.ask_masking()
        if masked is None:
            self._end()
            return
        self.masked = masked
        file_ops.branch_name(self.parent_widget, self.ctx, on_done=self._choose_file, on_error=self._failed)

    def _choose_file(self, branch: str) -> None:
        folder = str(self.ctx.settings.value(SETTINGS_DIR_KEY, "") or "") or str(documents_folder())
        start = str(Path(folder) / default_file_name(branch, self.today, self.layout, self.part_chosen))
        chosen, _filter = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export roster"), start,
                                                      self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            self._end()
            return
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        self.path = path
        self.ctx.settings.setValue(SETTINGS_DIR_KEY, str(path.parent))
        # The roster is read on the DB lane, the workbook written on the file lane.
        self.job = file_ops.export_roster(
            self.parent_widget, self.ctx, path, masked=self.masked, today=self.today,
            title=self.tr("Exporting the roster"), on_done=self._exported, on_error=self._failed,
            on_cancelled=self._export_cancelled, layout=self.layout, columns=self.columns, preparer=self.preparer,
            only=self.only, order=self.order, part=self.part_chosen)

    def _export_cancelled(self) -> None:
        self.ctx.hub.statusMessage.emit(self.tr("Export cancelled. No file was written."))
        self._end()

    def _exported(self, result: ExportResult) -> None:
        self.result = result
        text = self.tr("Exported {count} members to:").format(count=result.count) + "\n" + str(result.path)
        box = self._message(QMessageBox.Icon.Information, self.tr("Roster exported"), text)
        notes = []
        if not result.fits_width:  # said now, not found out at the printer
            notes.append(self.tr("The chosen columns do not fit across one A4 landscape sheet at a readable size: "
                                 "each page of rows prints over several sheets side by side, with 序号 and 姓名 on "
                                 "each. To print on one sheet wide, export again with fewer columns."))
        if not result.masked:
            notes.append(self.tr("The file holds full ID and phone numbers: keep it safe and delete it "
                                 "when it is no longer needed."))
        if notes:
            box.setInformativeText("\n\n".join(notes))
        folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        folder.setObjectName("openFolderButton")
        folder.clicked.connect(lambda: open_with_system(box, result.path.parent))
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Ok))
        box.open()
        self.ctx.hub.statusMessage.emit(self.tr("Roster exported to {path}").format(path=result.path))

    def _failed(self, error: KnownError) -> None:
        box = self._message(QMessageBox.Icon.Warning, self.tr("Export failed"), error.message)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        # Window-modal and not blocking: the flow ends when the user closes it.
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.parent_widget)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code: self._end())
        self.box = box
        return box

    def _end(self) -> None:
        self.deleteLater()


def export_roster_dialog(ctx: AppContext, parent: QWidget, *, shown: tuple[list[str], int] | None = None,
                         order: list[str] | None = None, part: str = "") -> RosterExport:
    """Export the roster as the user chooses (see the module docstring); returns once the questions are asked.
    ``shown``: the members the roster list shows and how many are on the roll, when a filter is on; ``order``:
    the members in the list's order, when the office sorted it by a column (the file follows it); ``part``: the
    filters' words, for the title and the file name when the office exports the members shown."""
    flow = RosterExport(ctx, parent, shown=shown, order=order, part=part)
    flow.start()
    return flow
