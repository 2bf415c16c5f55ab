"""The meetings page (会议): the meeting records, the year's compliance calendar and attendance, in tabs.

会议记录 lists a year's meetings (date, type, topic, 应到/实到, quorum) on the shared list page, with search,
a type filter and a year; 年度日历 is the compliance calendar (``widgets/compliance_calendar``); 出勤统计
the per-member attendance (``widgets/attendance_rates_panel``). Each tab reads on the DB lane when first shown.

The list reads its meetings first and their counts after: in a committee file the counts aggregate
millions of attendance rows, and the meetings should not wait for them. A change naming some meetings
reads just those lines again; any other change that moves the roll or the periods (members, rules, the
organisation) marks the tabs stale: the tab on screen reads again at once, the others when next shown.

Recording and opening a meeting go through ``open_meeting``, the one place that knows the record dialog;
删除 reads whether the meeting was counted as study, asks (saying the study record goes too), then deletes
through the record's own operation.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.domain.meetings import MEETING_TYPES
from partydesk.core.domain.study import format_tenths
from partydesk.core.domain.study_records import ActivitySummary
from partydesk.core.errors import KnownError
from partydesk.core.services import attendance_register
from partydesk.core.services.meeting_reports import MeetingLine, line_order
from partydesk.gui.dialogs.crash import show_known_error
from partydesk.gui.folders import DOCUMENTS, start_folder
from partydesk.gui.models.meeting_list_model import haystack, meeting_columns
from partydesk.gui.operations import meeting_reports as report_ops
from partydesk.gui.operations import meetings as meeting_ops
from partydesk.gui.operations.meeting_reports import AttendanceYear, CalendarYear
from partydesk.gui.pages.meetings_branches import MeetingBranches
from partydesk.gui.pages.study_meeting_action import CountAsStudyButton
from partydesk.gui.pages.talks import TalksPanel
from partydesk.gui.widgets.attendance_rates_panel import AttendanceRatesPanel
from partydesk.gui.widgets.compliance_calendar import FIRST_YEAR, LAST_YEAR, ComplianceCalendar
from partydesk.gui.widgets.dialog_host import DialogHost
from partydesk.gui.widgets.list_page import ListPage
from partydesk.gui.widgets.meeting_docs_button import MeetingDocsButton, PathChooser, ask_save_path
from partydesk.gui.widgets.saved_box import show_saved

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

TABS = ("list", "calendar", "attendance", "talks")
# Changes that move what any tab shows: the meetings themselves, the roll (members), the frequencies
# (rules) and the organisation.
WATCHED = (ChangeKind.MEETING, ChangeKind.MEMBER, ChangeKind.RULE, ChangeKind.ORGANISATION, ChangeKind.SITE)
# Above this many changed meetings one full read is quicker than reading them by id.
REFRESH_BY_ID_LIMIT = 500


class MeetingsPage(DialogHost, QWidget):
    """Three tabs over the meetings of a year; ``open_meeting`` records or opens one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self._stale = dict.fromkeys(TABS, True)
        self._pending_cell: str | None = None
        self._pending_org = ""  # the branch whose calendar holds the pending cell ("" in a branch's own file)
        self._calendar_shown: tuple[int, str | None] | None = None  # (year, org id) of the calendar shown
        self._select_after: str | None = None  # a meeting just recorded, chosen in the list once it is listed
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("meetingTabs")
        self.list_panel = self._build_list()
        # Oldest first, as read; a meeting recorded later takes its place by date, not the bottom of the list.
        self.list_panel.model.natural_key = line_order
        self.calendar = ComplianceCalendar(self.tabs, today=self.today)
        self.attendance = AttendanceRatesPanel(self.tabs, today=self.today)
        # 谈心谈话 keeps its own records and reads them itself; it sits here because talks are how a branch
        # keeps in touch between meetings.
        self.talks = TalksPanel(ctx, self.tabs, today=self.today)
        for panel in (self.list_panel, self.calendar, self.attendance, self.talks):
            self.tabs.addTab(panel, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.calendar.yearRequested.connect(lambda _year: self.reload("calendar"))
        self.calendar.openMeeting.connect(lambda meeting_id: self.open_meeting(meeting_id=meeting_id))
        self.calendar.startMeeting.connect(self._start_from_calendar)
        self.attendance.yearRequested.connect(lambda _year: self.reload("attendance"))
        self.attendance.exportRequested.connect(self.export_attendance)
        self.tabs.currentChanged.connect(lambda _index: self._load_if_stale())
        ctx.hub.changed.connect(self._on_changed)
        self.branches = MeetingBranches(self)  # a committee file: 支部 column and filters
        self._retranslate()
        self._load_if_stale()
        self.branches.load()

    def _build_list(self) -> ListPage[MeetingLine]:
        panel: ListPage[MeetingLine] = ListPage(meeting_columns(), row_id=lambda r: r.id, haystack=haystack,
                                                parent=self.tabs)
        panel.setObjectName("meetingList")
        self.type_filter = panel.add_filter("typeFilter", self._type_options())
        self.list_year_label = QLabel(panel)
        self.list_year = QSpinBox(panel)
        self.list_year.setObjectName("listYearSpin")
        self.list_year.setRange(FIRST_YEAR, LAST_YEAR)
        self.list_year.setValue(self.today.year)
        self.list_year.setKeyboardTracking(False)
        self.list_year.valueChanged.connect(lambda _year: self.reload("list"))
        self.list_year_label.setBuddy(self.list_year)
        # After the search box and the type filter (the page adds no filter after it).
        panel.bar.insertWidget(2, self.list_year_label)
        panel.bar.insertWidget(3, self.list_year)
        self.new_button = panel.add_action("newMeetingButton", lambda: self.open_meeting(),
                                           shortcut=QKeySequence.StandardKey.New)
        self.open_button = panel.add_action("openMeetingButton", self.open_selected, needs_selection=True)
        self.delete_button = panel.add_action("deleteMeetingButton", self.delete_selected, needs_selection=True,
                                              shortcut=QKeySequence.StandardKey.Delete)
        # 会议文档 ▾ (minutes as PDF, print, Word, activity brief) for the first selected meeting.
        self.docs_button = MeetingDocsButton(self.ctx, lambda: next(iter(panel.selected_ids()), None), panel,
                                             year_getter=self.list_year.value)
        panel.bar.addWidget(self.docs_button)
        self.study_button = CountAsStudyButton(self.ctx, panel)  # 计为学习 (pages/study_meeting_action.py)
        panel.bar.addWidget(self.study_button)
        panel.activated.connect(lambda meeting_id: self.open_meeting(meeting_id=meeting_id))
        self.empty_button = panel.set_empty_action("", lambda: self.open_meeting())
        self.empty_button.setObjectName("newFirstMeetingButton")
        self.list_view = panel.table
        self.list_view.setObjectName("meetingTable")
        return panel

    def _type_options(self) -> list[tuple[str, Any]]:
        return [(self.tr("All types"), None),
                *((kind.name, lambda r, code=kind.code: r.type_code == code) for kind in MEETING_TYPES)]

    def list_row_count(self) -> int:
        """How many meetings the list shows (after search and filters)."""
        return self.list_panel.model.rowCount()

    def open_selected(self) -> None:
        """Open the first selected meeting."""
        ids = self.list_panel.selected_ids()
        if ids:
            self.open_meeting(meeting_id=ids[0])

    def delete_selected(self) -> None:
        """Ask, then delete the first selected meeting (one recorded by mistake); the list drops it when
        the deletion is published. Whether it was counted as study is read first: the question says that
        its study record goes with it."""
        rows = self.list_panel.selected_rows()
        if not rows:
            return
        line = rows[0]
        def ask(study: ActivitySummary | None) -> None:
            self._ask_delete(line, study)

        meeting_ops.load_study_of_meeting(self, self.ctx, line.id, ask)

    def _ask_delete(self, line: MeetingLine, study: ActivitySummary | None) -> QMessageBox:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        text = self.tr("Delete the meeting of {date} “{topic}”? Its record and attendance are removed.").format(
            date=f"{line.held_on:%Y-%m-%d}", topic=line.topic)
        if study is not None:
            text += "\n\n" + self.tr(
                "This meeting was counted as study ({hours} study hours × {people} members): deleting the "
                "meeting also deletes that study record.").format(
                    hours=format_tenths(study.data.hours_tenths), people=study.participants)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete meeting"), text, yes | no, self)
        box.setObjectName("deleteMeetingBox")
        box.setDefaultButton(no)

        def answered(button: object) -> None:
            if box.standardButton(button) == yes:  # type: ignore[arg-type]
                meeting_ops.delete_meeting(self, self.ctx, line.id)

        box.buttonClicked.connect(answered)
        self._open(box)
        return box

    # -- tabs and loading --------------------------------------------------------------------------

    def current_tab(self) -> str:
        """The id of the tab on screen."""
        return TABS[self.tabs.currentIndex()]

    def show_tab(self, tab: str) -> None:
        """Bring ``tab`` ("list", "calendar", "attendance", "talks") to the front (it reads when stale)."""
        self.tabs.setCurrentIndex(TABS.index(tab))

    def open_target(self, kind: str, key: str) -> None:
        """Go where a to-do points: a calendar cell, a meeting, a talk, or a new talk with the member a talk is
        due with (``Target("talk_with", member id)``; two committee members who are due to talk, the first
        talking with the second), ready to record (the main window routes here)."""
        if kind == "calendar":
            self.show_calendar_cell(key)
        elif kind == "meeting":
            self.open_meeting(meeting_id=key)
        elif kind == "talk":
            self.show_tab("talks")
            self.talks.edit_talk(key)
        elif kind == "talks_due":  # many members due a talk: the list of them, to pick and record
            self.show_tab("talks")
            self.talks.show_due()
        elif kind == "talk_with":  # "<member>", or "<by>|<with>" for two committee members
            by_id, _, with_id = key.rpartition("|")
            self.show_tab("talks")
            self.talks.new_talk((with_id,), by_id=by_id)

    def show_calendar_cell(self, key: str) -> None:
        """Go to the calendar cell a finding points at (``Target("calendar", key)``, key
        ``"<type>|<group>|<period start>"``, in a committee's file prefixed ``"<org id>#"``): its branch, its
        year, its tab, the focus on it."""
        org_id, _, key = key.rpartition("#")
        self._pending_cell, self._pending_org = key, org_id
        year = date.fromisoformat(key.rsplit("|", 1)[-1]).year
        self.show_tab("calendar")
        chooser = self.branches.calendar_filter
        # Choosing another branch reads its calendar; the focus follows the data. Just after start-up the
        # branches may not be listed yet: the choice is kept until they are, and the focus waits for it.
        switched = bool(org_id) and chooser.current() != org_id
        if switched:
            chooser.set_current(org_id)
        if self.calendar.year != year:
            self.calendar.year_spin.setValue(year)  # reads that year; the focus follows the data
        elif not switched and not self._stale["calendar"] and self.calendar.focus_cell(key):
            self._pending_cell = None

    def _load_if_stale(self) -> None:
        tab = self.current_tab()
        if tab != "talks" and self._stale[tab]:
            self.reload(tab)

    def reload(self, tab: str) -> None:
        """Read ``tab``'s data again, for the year it shows."""
        self._stale[tab] = False
        if tab == "list":
            year = self.list_year.value()
            # (Read twice: at once without 应到/实到, then with them; a failure is told once, by the second.)
            report_ops.load_lines(self, self.ctx, year, lambda lines: self._lines_loaded(year, lines, False),
                                  counted=False, on_error=lambda error: self._lines_failed(error, tell=False))
            report_ops.load_lines(self, self.ctx, year, lambda lines: self._lines_loaded(year, lines, True),
                                  on_error=self._lines_failed)
        elif tab == "calendar":
            report_ops.load_calendar(self, self.ctx, self.calendar.year, self.today, self._calendar_loaded,
                                     org_id=self.branches.calendar_org(), on_error=self._calendar_failed)
        elif tab == "attendance":
            report_ops.load_attendance(self, self.ctx, self.attendance.year, self.today, self._attendance_loaded,
                                       org_id=self.branches.attendance_org(), on_error=self._attendance_failed)

    def read_when_shown(self, tab: str) -> None:
        """``tab`` shows what is out of date (another branch chosen): read now if it is on screen, or when it is
        shown (a branch list filled at start-up reads no calendar nobody looks at)."""
        self._stale[tab] = True
        self._load_if_stale()

    def reload_shown(self) -> None:
        """Mark the calendar and attendance stale (another branch chosen) and read the tab on screen."""
        self._stale.update(calendar=True, attendance=True)
        self._load_if_stale()

    def _lines_loaded(self, year: int, lines: list[MeetingLine], counted: bool) -> None:
        if year != self.list_year.value():
            return
        if counted and {r.id for r in lines} == {r.id for r in self.list_panel.model.all_rows()}:
            self.list_panel.update_rows(lines)  # the counts arrive without moving the view
        else:
            self.list_panel.set_rows(lines)
        self._select_pending()

    def _lines_failed(self, error: KnownError, *, tell: bool = True) -> None:
        """The year's meetings could not be read (a damaged file): the list says so, not that none were held."""
        self.list_panel.show_unreadable(self.tr("The meetings could not be read."), error)
        if tell:
            show_known_error(error, self)

    def _lines_refreshed(self, wanted: frozenset[str], lines: list[MeetingLine]) -> None:
        year = self.list_year.value()
        self.list_panel.update_rows([r for r in lines if r.held_on.year == year])
        self.list_panel.remove_ids(wanted - {r.id for r in lines if r.held_on.year == year})
        self._select_pending()

    def _calendar_loaded(self, data: CalendarYear) -> None:
        if data.year == self.calendar.year and data.org_id == self.branches.calendar_org():  # else moved on
            same = (data.year, data.org_id) == self._calendar_shown  # read again: the current cell stays so
            kept = self.calendar.current_key() if same else ""
            self.calendar.set_recorded_elsewhere(bool(self.branches.calendar_other_branch()))
            self.calendar.set_year_data(data.year, data.rows, data.meetings)
            self._calendar_shown = (data.year, data.org_id)
            if kept:
                self.calendar.focus_cell(kept, take_focus=False)
            meant = not self._pending_org or data.org_id == self._pending_org  # not another branch's same cell
            if self._pending_cell is not None and meant and self.calendar.focus_cell(self._pending_cell):
                self._pending_cell = None

    def _calendar_failed(self, error: KnownError) -> None:
        """The year's calendar could not be read: it says so, not that every meeting is missing."""
        self._calendar_shown = None
        self.calendar.show_unreadable(self.tr("The meeting calendar could not be read."), error)
        show_known_error(error, self)

    def _attendance_failed(self, error: KnownError) -> None:
        """The year's attendance could not be read: it says so, not that no one was expected."""
        self.attendance.show_unreadable(self.tr("The attendance could not be read."), error)
        show_known_error(error, self)

    def _attendance_loaded(self, data: AttendanceYear) -> None:
        if data.year == self.attendance.year and data.org_id == self.branches.attendance_org():
            every = self.branches.multi and data.org_id is None  # 全部支部: each name says its branch
            held = self.branches.branches
            names = {b.org_id: held.short_of(b.org_id) for b in held.items}
            self.attendance.model.branch_names = names if every else {}
            self.attendance.set_year_data(data)

    def export_attendance(self, *, choose_path: PathChooser | None = None) -> None:
        """Ask where to save the attendance statistics of the year (and branch) shown, then read and write them
        off the GUI thread."""
        year, org_id = self.attendance.year, self.branches.attendance_org()
        chooser = choose_path or ask_save_path(self.window(), self.tr("Save the attendance statistics as"),
                                               self.ctx.settings)
        path = chooser(start_folder(self.ctx.settings, DOCUMENTS) / attendance_register.file_name(year),
                       self.tr("Excel workbooks (*.xlsx)"))
        if path is None:
            return

        def saved(result: tuple[Path, int]) -> None:
            written, count = result
            self.ctx.hub.statusMessage.emit(self.tr("Attendance statistics saved ({count} members): {path}").format(
                count=count, path=str(written)))
            show_saved(self, self.tr("Attendance statistics"), self.tr(
                "The attendance statistics of {year} ({count} members) are saved:").format(year=year, count=count),
                written)

        report_ops.export_attendance(self, self.ctx, year, self.today, path, org_id=org_id, on_done=saved,
                                     on_error=lambda error: show_known_error(error, self))

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*WATCHED):
            return
        if changes.touches(ChangeKind.ORGANISATION, ChangeKind.SITE):
            self.branches.load()
        ids = changes.ids_of(ChangeKind.MEETING)
        # A meeting deleted with its study record also names STUDY, which no tab here shows.
        only_meetings = (changes.kinds & frozenset(WATCHED)) == {ChangeKind.MEETING}
        by_id = only_meetings and ids and len(ids) <= REFRESH_BY_ID_LIMIT and not self._stale["list"]
        self._stale = {tab: not (tab == "list" and by_id) for tab in TABS}
        if by_id:
            wanted = frozenset(ids or ())
            report_ops.load_lines_by_ids(self, self.ctx, wanted, lambda lines: self._lines_refreshed(wanted, lines))
        self._load_if_stale()

    # -- the record dialog -------------------------------------------------------------------------

    def open_meeting(self, *, meeting_id: str | None = None, type_code: str | None = None,
                     held_on: date | None = None, party_group: str = "") -> QWidget:
        """Open a recorded meeting, or start a new one (with a type, group and date preset).

        Returns the dialog shown: the record dialog, or a message when this build has none.
        """
        try:
            from partydesk.gui.dialogs.meeting_edit import MeetingDialog
        except ImportError:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Meetings"),
                              self.tr("The meeting record dialog is not part of this version yet."),
                              QMessageBox.StandardButton.Ok, self)
            self._open(box)
            return box
        dialog = MeetingDialog(self.ctx, self, meeting_id=meeting_id, type_code=type_code, held_on=held_on,
                               party_group=party_group, committee=self.branches.branches.committee,
                               corrected_from=self.branches.branches.corrected_from)
        if meeting_id is None:  # a new record is chosen in the list once it is there, scrolled into view
            dialog.saved.connect(self._select_when_listed)
        # Said on the status line: the dialog just closes, and a secretary was left unsure it had been kept.
        said = self.tr("Meeting record saved: {topic}")
        dialog.saved.connect(lambda _id: self.ctx.hub.statusMessage.emit(said.format(
            topic=dialog.ui.topicEdit.text().strip())))
        self._open(dialog)
        return dialog

    def _start_from_calendar(self, code: str, group: str, day: date) -> QWidget:
        """A cell of the calendar with no meeting: a new record of that meeting, preset; in a committee's file
        showing a branch's calendar, a message instead (the branch records its meetings and reports them
        up; a record made here would be the committee's own, with its own members)."""
        branch = self.branches.calendar_other_branch()
        if not branch:
            return self.open_meeting(type_code=code, party_group=group, held_on=day)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Meetings"), self.tr(
            "This is the calendar of {branch}. A branch records its own meetings on its computer; they "
            "arrive here with its next package. A meeting recorded here is this committee's own, with its own "
            "members: record it with New meeting on the Meeting records tab.").format(branch=branch),
            QMessageBox.StandardButton.Ok, self)
        self._open(box)
        return box

    def _select_when_listed(self, meeting_id: str) -> None:
        self.list_panel.take_keyboard()
        self._select_after = meeting_id
        self._select_pending()

    def _select_pending(self) -> None:
        if self._select_after is not None and self.list_panel.select_id(self._select_after):
            self._select_after = None

    # -- text --------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        texts = (self.tr("Meeting records"), self.tr("Year calendar"), self.tr("Attendance"),
                 self.tr("Heart-to-heart talks"))
        for index, text in enumerate(texts):
            self.tabs.setTabText(index, text)
        panel = self.list_panel
        self.branches.set_list_columns()
        self.branches.refill_list_filter()
        panel.set_filter_options(self.type_filter, self._type_options())
        panel.set_search_placeholder(self.tr("Search: topic, type, group or date"))
        panel.set_empty_text(self.tr("No meetings recorded in this year yet."))
        self.list_year_label.setText(self.tr("&Year:"))
        self.list_year.setSuffix(self.tr(" ", "year suffix"))
        self.new_button.setText(self.tr("New meeting…"))
        self.new_button.setToolTip(self.tr("Record a meeting (Ctrl+N)"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the selected meeting (Enter or double-click)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete a meeting recorded by mistake (Del)"))
        self.empty_button.setText(self.tr("Record the first meeting…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
