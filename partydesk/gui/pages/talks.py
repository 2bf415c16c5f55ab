"""The talks panel (谈心谈话): the year's talks and who is due one, with 新建/编辑/删除.

Two views on one panel, switched by the buttons at the top: 谈话记录 (the year's talks, on the shared
list page, filtered by form and by follow-up) and 应谈话党员 (``talks_due.TalksDueView``). The panel is
renderable alone and is meant to sit as a tab of the meetings page. When the hub reports changed talks,
only those rows are read again; changed members or rules recompute who is due.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.domain.talks import TALK_FORMS, form_name
from partydesk.core.errors import KnownError
from partydesk.core.services import talk_register
from partydesk.core.services.branches import SINGLE, Branches
from partydesk.core.services.talks import TalkDue, TalkRecord, follow_up_due
from partydesk.gui.dialogs.crash import show_known_error
from partydesk.gui.folders import DOCUMENTS, start_folder
from partydesk.gui.operations import branches as branch_ops
from partydesk.gui.operations import talks as talk_ops
from partydesk.gui.pages.talks_due import TalksDueView
from partydesk.gui.widgets.dialog_host import DialogHost
from partydesk.gui.widgets.list_page import ListColumn, ListPage
from partydesk.gui.widgets.meeting_docs_button import PathChooser, ask_save_path
from partydesk.gui.widgets.saved_box import show_saved

if TYPE_CHECKING:
    from partydesk.core.drafts import Draft
    from partydesk.gui.context import AppContext

YEARS_BACK = 5  # how many past years the year box offers


class TalksPanel(DialogHost, QWidget):
    """The year's talks and who is due one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self._select_after: str | None = None
        self.records_button = QPushButton(self)
        self.records_button.setObjectName("talkRecordsButton")
        self.due_button = QPushButton(self)
        self.due_button.setObjectName("talksDueButton")
        self.modes = QButtonGroup(self)
        for number, button in enumerate((self.records_button, self.due_button)):
            button.setCheckable(True)
            self.modes.addButton(button, number)
        self.records_button.setChecked(True)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("talkYear")
        for year in range(self.today.year, self.today.year - YEARS_BACK - 1, -1):
            self.year_combo.addItem(str(year), year)

        columns = [
            ListColumn[TalkRecord]("date", self.tr("Date"), lambda r: f"{r.data.held_on:%Y-%m-%d}",
                                   sort_key=lambda r: r.data.held_on, chars=6),
            ListColumn[TalkRecord]("form", self.tr("Form"), lambda r: form_name(r.data.form), chars=7),
            ListColumn[TalkRecord]("by", self.tr("Talked by"), lambda r: r.data.by_name, chars=7),
            ListColumn[TalkRecord]("with", self.tr("Talked with"), lambda r: "、".join(r.with_names), chars=14,
                                   tooltip=lambda r: "、".join(r.with_names)),
            ListColumn[TalkRecord]("follow_up", self.tr("Follow-up"), self.follow_up_text, chars=11,
                                   tooltip=lambda r: r.data.follow_up),
            ListColumn[TalkRecord]("topic", self.tr("Topic"), lambda r: r.data.topic, chars=16,
                                   tooltip=lambda r: r.data.content or r.data.topic),
        ]
        self.list: ListPage[TalkRecord] = ListPage(
            columns, row_id=lambda r: r.id, parent=self,
            haystack=lambda r: f"{r.data.by_name} {' '.join(r.with_names)} {r.data.topic} {r.data.content}",
            pinyin_of=lambda r: f"{r.data.by_name}{''.join(r.with_names)}")
        self.list.setObjectName("talksList")
        self.list.model.natural_key = lambda r: r.data.held_on  # newest first, as read; a new talk takes its place
        self.list.model.natural_reverse = True
        self.form_filter = self.list.add_filter("talkFormFilter", [
            (self.tr("All forms"), None),
            *[(f.name, lambda r, code=f.code: r.data.form == code) for f in TALK_FORMS]])
        # In a committee file: a 支部 column after the date and a filter by branch (``_branches_loaded``).
        self.branches: Branches = SINGLE
        self.branch_filter = self.list.add_filter("talkBranchFilter", [("", None)])
        self.branch_filter.setVisible(False)
        self.follow_filter = self.list.add_filter("talkFollowFilter", [
            (self.tr("Any follow-up"), None),
            (self.tr("Follow-up open"), lambda r: bool(r.data.follow_up) and not r.data.follow_up_done)])
        self.new_button = self.list.add_action("newTalk", self.new_talk, shortcut=QKeySequence.StandardKey.New)
        self.edit_button = self.list.add_action("editTalk", self.edit_selected, needs_selection=True)
        self.delete_button = self.list.add_action("deleteTalk", self.delete_selected, needs_selection=True,
                                                  shortcut=QKeySequence.StandardKey.Delete)  # as the other lists
        self.export_button = self.list.add_action("exportTalks", self.export_register)
        self.list.activated.connect(self.edit_talk)
        self.empty_button = self.list.set_empty_action("", self.new_talk)

        self.due_view = TalksDueView(self)
        self.due_view.talkRequested.connect(lambda ids: self.new_talk(tuple(ids)))
        # One branch chosen on either list stays chosen on the other (the same names in both).
        for one, other in ((self.branch_filter, self.due_view.branch_filter),
                           (self.due_view.branch_filter, self.branch_filter)):
            one.currentTextChanged.connect(
                lambda text, other=other: other.setCurrentIndex(max(0, other.findText(text))))
        self.due_view.branch_filter.currentIndexChanged.connect(lambda _i: self._retranslate())  # 逾期 of the branch
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.due_view)
        self.modes.idClicked.connect(self._show_mode)

        bar = QHBoxLayout()
        bar.addWidget(self.records_button)
        bar.addWidget(self.due_button)
        bar.addWidget(self.year_combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload_talks())
        ctx.hub.changed.connect(self._on_changed)
        self._retranslate()
        self.reload()

    def follow_up_text(self, record: TalkRecord) -> str:
        """跟进 as the list shows it: nothing, done, open with its date, or overdue when past it."""
        d = record.data
        if not d.follow_up:
            return ""
        if d.follow_up_done:
            return self.tr("Done")
        due = follow_up_due(record)  # a month after the talk when no date was written
        if due < self.today:
            return self.tr("Overdue {day}").format(day=f"{due:%Y-%m-%d}")
        if d.follow_up_on is None:
            return self.tr("Open")
        return self.tr("Open, by {day}").format(day=f"{due:%Y-%m-%d}")

    # -- loading -----------------------------------------------------------------------------------

    def year(self) -> int:
        """The year shown."""
        return int(self.year_combo.currentData())

    def reload(self) -> None:
        """Read the year's talks and who is due (and, for a committee file, its branches)."""
        if self.ctx.db is not None and not self.ctx.db.needs_setup:
            branch_ops.load_branches(self, self.ctx, self._branches_loaded)
        self.reload_talks()
        self.reload_due()

    def _branches_loaded(self, branches: Branches) -> None:
        if branches == self.branches:
            return
        self.branches = branches
        self.branch_filter.setVisible(branches.multi)
        every = QCoreApplication.translate("BranchFilter", "All branches")
        options: list[tuple[str, Callable[[TalkRecord], bool] | None]] = [(every, None)]
        options += [(b.name or b.code, _of_org(b.org_id)) for b in branches.items]
        self.list.set_filter_options(self.branch_filter, options)
        self.due_view.set_branch_names([b.name or b.code for b in branches.items] if branches.multi else [])
        columns = [c for c in self.list.model.columns if c.key != "branch"]
        if branches.multi:
            columns.insert(1, ListColumn[TalkRecord](
                "branch", QCoreApplication.translate("MeetingList", "Branch"), lambda r: branches.short_of(r.org_id),
                chars=8, tooltip=lambda r: branches.name_of(r.org_id)))
        self.list.set_columns(columns)

    def reload_talks(self) -> None:
        """Read the shown year's talks on the DB lane."""
        if self.ctx.db is None or self.ctx.db.needs_setup:
            return
        talk_ops.load_talks(self, self.ctx, self.year(), self._talks_loaded, self._talks_failed)

    def _talks_failed(self, error: KnownError) -> None:
        """The year's talks could not be read (a damaged file): the list says so, not that none were held."""
        self.list.show_unreadable(self.tr("The talks could not be read."), error)
        show_known_error(error, self)

    def _talks_loaded(self, rows: list[TalkRecord]) -> None:
        self.list.set_rows(rows)
        self._select_pending()

    def reload_due(self) -> None:
        """Work out again who is due a talk."""
        if self.ctx.db is None or self.ctx.db.needs_setup:
            return
        talk_ops.load_due(self, self.ctx, self.today, self._due_loaded)

    def _due_loaded(self, result: tuple[int, list[TalkDue]]) -> None:
        months, rows = result
        self.due_view.set_due(months, rows, self.today)
        self._retranslate()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.MEMBER):
            self.reload_talks()  # names shown in the talks may have changed
        elif changes.touches(ChangeKind.TALK):
            ids = changes.ids_of(ChangeKind.TALK)
            if ids:
                talk_ops.load_talks_by_ids(self, self.ctx, ids, lambda found: self._talks_refreshed(ids, found))
            else:
                self.reload_talks()
        if changes.touches(ChangeKind.TALK, ChangeKind.MEMBER, ChangeKind.RULE):
            self.reload_due()

    def _talks_refreshed(self, ids: frozenset[str], found: list[TalkRecord]) -> None:
        shown = [r for r in found if r.data.held_on.year == self.year()]
        self.list.update_rows(shown)
        self.list.remove_ids(ids - {r.id for r in shown})
        self._select_pending()

    def _select_pending(self) -> None:
        if self._select_after and self.list.select_id(self._select_after):
            self._select_after = None

    def show_due(self) -> None:
        """Show 应谈话党员, the members due a talk."""
        self.due_button.click()
        self.due_view.list.table.setFocus()  # the arrow keys and Enter work on the list at once

    def _show_mode(self, number: int) -> None:
        self.stack.setCurrentIndex(number)
        self.year_combo.setVisible(number == 0)

    # -- actions -----------------------------------------------------------------------------------

    def selected_record(self) -> TalkRecord | None:
        """The first selected talk."""
        rows = self.list.selected_rows()
        return rows[0] if rows else None

    def new_talk(self, with_ids: tuple[str, ...] = (), *, by_id: str = "", draft: Draft | None = None) -> None:
        """Open the empty talk dialog (with ``with_ids`` ticked, ``by_id`` talking when given; ``draft``: with a
        draft left unsaved typed in)."""
        from partydesk.gui.dialogs.talk_edit import TalkEditDialog

        dialog = TalkEditDialog(self.ctx, None, self, with_ids=with_ids, by_id=by_id, today=self.today, draft=draft)
        dialog.saved.connect(lambda talk_id: self._saved(talk_id, dialog.talk_data().held_on.year))
        self._open(dialog)

    def edit_selected(self) -> None:
        """Open the selected talk."""
        record = self.selected_record()
        if record is not None:
            self.edit_talk(record.id)

    def edit_talk(self, talk_id: str) -> None:
        """Open the talk with this id in the dialog (read from the database when it is not shown: a
        finding's target may be a talk of another year)."""
        record = next((r for r in self.list.model.all_rows() if r.id == talk_id), None)
        if record is None:
            talk_ops.load_talks_by_ids(self, self.ctx, frozenset({talk_id}),
                                       lambda found: self._edit(found[0]) if found else self.ctx.hub.statusMessage.emit(
                                           self.tr("This talk no longer exists; it may have been deleted.")))
            return
        self._edit(record)

    def open_draft(self, draft: Draft) -> None:
        """Open the talk a draft left unsaved was typed for (a new one for a new talk) with its typing in; a talk
        deleted since gets a new talk's dialog with the typing in, and the status bar says why."""
        if draft.meeting_id is None:  # (the draft's record id)
            self.new_talk(draft=draft)
            return

        def found(rows: list[TalkRecord]) -> None:
            if rows:
                self._edit(rows[0], draft)
                return
            self.ctx.hub.statusMessage.emit(self.tr(
                "This talk no longer exists (deleted since?): what was typed is in the dialog for a new talk, to "
                "save or to discard."))
            self.new_talk(draft=draft)

        talk_ops.load_talks_by_ids(self, self.ctx, frozenset({draft.meeting_id}), found)

    def _edit(self, record: TalkRecord, draft: Draft | None = None) -> None:
        from partydesk.gui.dialogs.talk_edit import TalkEditDialog

        dialog = TalkEditDialog(self.ctx, record, self, today=self.today, draft=draft,
                                correction_for=self.branches.corrected_from(record.org_id))
        dialog.saved.connect(lambda talk_id: self._saved(talk_id, dialog.talk_data().held_on.year))
        self._open(dialog)

    def _saved(self, talk_id: str, year: int) -> None:
        # The row arrives when the published change has been read back; select it then. A talk of
        # another year brings its year into view. A talk started from 应谈话党员 stays there: the secretary
        # goes on down the list (it is read again without those just talked with).
        if self.stack.currentWidget() is self.due_view:
            self.due_view.list.table.setFocus()
            return
        self.records_button.click()
        self.list.take_keyboard()
        self._select_after = talk_id
        position = self.year_combo.findData(year)
        if position >= 0 and position != self.year_combo.currentIndex():
            self.year_combo.setCurrentIndex(position)  # reloads the talks
        self._select_pending()

    def export_register(self, *, choose_path: PathChooser | None = None) -> None:
        """Ask where to save the year's 谈心谈话登记表 (.xlsx), then read and write it off the GUI thread."""
        year = int(self.year_combo.currentData() or date.today().year)
        chooser = choose_path or ask_save_path(self.window(), self.tr("Save the talk register as"), self.ctx.settings)
        path = chooser(start_folder(self.ctx.settings, DOCUMENTS) / talk_register.file_name(year),
                       self.tr("Excel workbooks (*.xlsx)"))
        if path is None:
            return

        def saved(result: tuple[Path, int]) -> None:
            written, count = result
            self.ctx.hub.statusMessage.emit(self.tr("Talk register saved ({count} talks): {path}").format(
                count=count, path=str(written)))
            show_saved(self, self.tr("Talk register"), self.tr("The talk register of {year} ({count} talks) is "
                                                               "saved:").format(year=year, count=count), written)

        talk_ops.export_register(self, self.ctx, year, path, on_done=saved,
                                 on_error=lambda error: show_known_error(error, self))

    def delete_selected(self) -> None:
        """Ask, then delete the selected talk."""
        record = self.selected_record()
        if record is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete talk"),
                          self.tr("Delete the talk of {day} with {names}? It cannot be undone.").format(
                              day=f"{record.data.held_on:%Y-%m-%d}", names="、".join(record.with_names)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("deleteTalkBox")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(lambda button: self._delete(record.id) if button is delete else None)
        self._open(box)

    def _delete(self, talk_id: str) -> None:
        talk_ops.delete_talk(self, self.ctx, talk_id,
                             on_error=lambda error: self.ctx.hub.statusMessage.emit(error.message))

    # -- text --------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.records_button.setText(self.tr("Talks"))
        overdue = self.due_view.overdue_count()
        self.due_button.setText(self.tr("Due a talk ({count} overdue)").format(count=overdue) if overdue
                                else self.tr("Due a talk"))
        self.new_button.setText(self.tr("New…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.export_button.setText(self.tr("Export register…"))
        self.export_button.setToolTip(self.tr("The year's talks as a register to print or hand in (Excel): date, "
                                              "who talked with whom, form, topic and follow-up; not what was said"))
        self.new_button.setToolTip(self.tr("Record a talk (Ctrl+N)"))
        self.delete_button.setToolTip(self.tr("Delete a talk recorded by mistake (Del)"))
        self.empty_button.setText(self.tr("Record the first talk"))
        self.list.set_empty_text(self.tr("No heart-to-heart talk recorded in this year yet."))
        self.list.set_search_placeholder(self.tr("Search by name, pinyin or topic"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def render_talks(ctx: AppContext, page: str, size: QSize, *, grab: Callable[[QWidget, QSize, AppContext], QImage],
                 dialog_on: Callable[[QDialog, QImage, AppContext], QImage],
                 dimmed: Callable[[QImage], QImage]) -> QImage:
    """``partydesk shot --page talks`` (the panel alone) or ``talk_edit`` (the dialog on the newest talk)."""
    from partydesk.gui.dialogs.talk_edit import TalkEditDialog

    panel = TalksPanel(ctx)
    try:
        image = grab(panel, size, ctx)
        if page == "talk_edit":
            rows = panel.list.model.all_rows()
            image = dialog_on(TalkEditDialog(ctx, rows[0] if rows else None, panel), dimmed(image), ctx)
        return image
    finally:
        panel.deleteLater()


def _of_org(org_id: str) -> Callable[[TalkRecord], bool]:
    """The filter keeping one organisation's talks."""
    return lambda record: record.org_id == org_id
