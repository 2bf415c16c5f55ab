"""The meetings page (会议): the meeting records, the year's compliance calendar and attendance, in tabs.

会议记录 lists a year's meetings (date, type, topic, 应到/实到, quorum) with search and filters; 年度日历 is
the compliance calendar (``widgets/compliance_calendar``); 出勤统计 the per-member attendance
(``widgets/attendance_panel``). Each tab reads on the DB lane when first shown. A change to meetings
(or to members, rules or the organisation, which move the roll and the periods) marks every tab stale:
the tab on screen reads again at once, the others when next shown, so a hidden tab costs nothing.

Recording and opening a meeting go through ``open_meeting``, the one place that knows the record dialog.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QMessageBox, QTabWidget, QVBoxLayout, QWidget

from partydesk.core.changes import ChangeKind, Changes
from partydesk.gui.operations import meeting_reports as report_ops
from partydesk.gui.operations.meeting_reports import AttendanceYear, CalendarYear
from partydesk.gui.widgets.attendance_panel import AttendancePanel
from partydesk.gui.widgets.compliance_calendar import ComplianceCalendar
from partydesk.gui.widgets.dialog_host import DialogHost

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

TABS = ("list", "calendar", "attendance")
# Changes that move what any tab shows: the meetings themselves, the roll (members), the frequencies
# (rules) and the organisation.
WATCHED = (ChangeKind.MEETING, ChangeKind.MEMBER, ChangeKind.RULE, ChangeKind.ORGANISATION, ChangeKind.SITE)


class MeetingsPage(DialogHost, QWidget):
    """Three tabs over the meetings of a year; ``open_meeting`` records or opens one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self._stale = dict.fromkeys(TABS, True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("meetingTabs")
        self.list_panel = QWidget(self.tabs)
        self.calendar = ComplianceCalendar(self.tabs, today=self.today)
        self.attendance = AttendancePanel(self.tabs, today=self.today)
        for panel in (self.list_panel, self.calendar, self.attendance):
            self.tabs.addTab(panel, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.calendar.yearRequested.connect(lambda _year: self.reload("calendar"))
        self.calendar.openMeeting.connect(lambda meeting_id: self.open_meeting(meeting_id=meeting_id))
        self.calendar.startMeeting.connect(
            lambda code, group, day: self.open_meeting(type_code=code, party_group=group, held_on=day))
        self.attendance.yearRequested.connect(lambda _year: self.reload("attendance"))
        self.tabs.currentChanged.connect(lambda _index: self._load_if_stale())
        ctx.hub.changed.connect(self._on_changed)
        self._retranslate()
        self._load_if_stale()

    # -- tabs and loading --------------------------------------------------------------------------

    def current_tab(self) -> str:
        """The id of the tab on screen."""
        return TABS[self.tabs.currentIndex()]

    def show_tab(self, tab: str) -> None:
        """Bring ``tab`` ("list", "calendar", "attendance") to the front (it reads when stale)."""
        self.tabs.setCurrentIndex(TABS.index(tab))

    def _load_if_stale(self) -> None:
        tab = self.current_tab()
        if self._stale[tab]:
            self.reload(tab)

    def reload(self, tab: str) -> None:
        """Read ``tab``'s data again, for the year it shows."""
        self._stale[tab] = False
        if tab == "calendar":
            report_ops.load_calendar(self, self.ctx, self.calendar.year, self.today, self._calendar_loaded)
        elif tab == "attendance":
            report_ops.load_attendance(self, self.ctx, self.attendance.year, self.today, self._attendance_loaded)

    def _calendar_loaded(self, data: CalendarYear) -> None:
        if data.year == self.calendar.year:  # else the user has moved on; that year's read is queued
            self.calendar.set_year_data(data.year, data.rows, data.meetings)

    def _attendance_loaded(self, data: AttendanceYear) -> None:
        if data.year == self.attendance.year:
            self.attendance.set_year_data(data)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*WATCHED):
            return
        self._stale = dict.fromkeys(TABS, True)
        self._load_if_stale()

    # -- the record dialog -------------------------------------------------------------------------

    def open_meeting(self, *, meeting_id: str | None = None, type_code: str | None = None,
                     held_on: date | None = None, party_group: str = "") -> QWidget:
        """Open a recorded meeting, or start a new one (with a type, group and date preset).

        Returns the dialog shown: the record dialog, or a message when this build has none.
        """
        try:
            from partydesk.gui.dialogs.meeting_edit import MeetingDialog  # type: ignore[import-not-found]
        except ImportError:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Meetings"),
                              self.tr("The meeting record dialog is not part of this version yet."),
                              QMessageBox.StandardButton.Ok, self)
            self._open(box)
            return box
        dialog: Any = MeetingDialog(self.ctx, self, meeting_id=meeting_id, type_code=type_code, held_on=held_on,
                                    party_group=party_group)
        self._open(dialog)
        return dialog  # type: ignore[no-any-return]

    # -- text --------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        for index, text in enumerate((self.tr("Meeting records"), self.tr("Year calendar"), self.tr("Attendance"))):
            self.tabs.setTabText(index, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
