"""Meeting report operations: the year's meetings, the compliance calendar and the attendance view, read on
the DB lane."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.services import meeting_reports, meetings
from partydesk.core.services.meeting_reports import AttendanceRate, PeriodCompliance
from partydesk.core.storage.meeting_repo import MeetingSummary
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


@dataclass(frozen=True)
class CalendarYear:
    """What the calendar shows for a year: compliance per type and period, and the meetings held."""

    year: int
    rows: list[PeriodCompliance]
    meetings: list[MeetingSummary]


@dataclass(frozen=True)
class AttendanceYear:
    """The attendance view of a year: each member's rates and the members absent three times in a row."""

    year: int
    rates: list[AttendanceRate]
    runs: list[tuple[str, str, int]]


def load_meetings(parent: QWidget, ctx: AppContext, year: int, on_done: DoneCallback) -> TaskHandle:
    """The meetings of ``year`` with 应到/实到 (``list[MeetingSummary]``)."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: meetings.meetings_of_year(db, year), label="load meetings",
               on_done=on_done)


def load_calendar(parent: QWidget, ctx: AppContext, year: int, today: date, on_done: DoneCallback) -> TaskHandle:
    """A ``CalendarYear`` judged on ``today``."""
    db = ctx.db

    def read(_progress: Any) -> CalendarYear:
        rows = meeting_reports.compliance(db, year, as_of=today)
        return CalendarYear(year, rows, meetings.meetings_of_year(db, year))

    return run(parent, ctx, read, label="load meeting calendar", on_done=on_done)


def load_attendance(parent: QWidget, ctx: AppContext, year: int, today: date, on_done: DoneCallback) -> TaskHandle:
    """An ``AttendanceYear``; the runs are as of ``today`` (or the year's end, for a past year)."""
    db = ctx.db
    until = min(today, date(year, 12, 31))

    def read(_progress: Any) -> AttendanceYear:
        return AttendanceYear(year, meeting_reports.attendance_rates(db, year),
                              meeting_reports.absent_in_a_row(db, times=3, until=until))

    return run(parent, ctx, read, label="load attendance", on_done=on_done)
