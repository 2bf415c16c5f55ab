"""Meeting report operations: the meetings list, the compliance calendar and the attendance view, read on the
DB lane; the attendance statistics written to a file."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.services import attendance_register, meeting_reports
from partydesk.core.services.meeting_reports import AttendanceRate, MeetingLine, PeriodCompliance
from partydesk.gui.operations import run, save_bytes
from partydesk.gui.tasks import DoneCallback, ErrorCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


@dataclass(frozen=True)
class CalendarYear:
    """What the calendar shows for a year: compliance per type and period, and the meetings held."""

    year: int
    rows: list[PeriodCompliance]
    meetings: list[MeetingLine]
    org_id: str | None = None  # one organisation of a committee file, or None for the whole file


@dataclass(frozen=True)
class AttendanceYear:
    """The attendance view of a year: each member's rates and the members absent three times in a row."""

    year: int
    rates: list[AttendanceRate]
    runs: list[tuple[str, str, int]]
    org_id: str | None = None  # the meetings of one organisation, or None for every meeting


def load_calendar(parent: QWidget, ctx: AppContext, year: int, today: date, on_done: DoneCallback, *,
                  org_id: str | None = None, on_error: ErrorCallback | None = None) -> TaskHandle:
    """A ``CalendarYear`` judged on ``today``, of one organisation (``org_id``) or of the whole file."""
    db = ctx.db

    def read(_progress: Any) -> CalendarYear:
        rows = meeting_reports.compliance(db, year, as_of=today, org_id=org_id)
        lines = meeting_reports.meeting_lines(db, year, counted=False)
        return CalendarYear(year, rows, [r for r in lines if org_id is None or r.org_id == org_id], org_id)

    return run(parent, ctx, read, label="load meeting calendar", on_done=on_done, on_error=on_error)


def load_attendance(parent: QWidget, ctx: AppContext, year: int, today: date, on_done: DoneCallback, *,
                    org_id: str | None = None, on_error: ErrorCallback | None = None) -> TaskHandle:
    """An ``AttendanceYear``; the runs are as of ``today`` (or the year's end, for a past year); with
    ``org_id`` only that organisation's meetings count."""
    db = ctx.db
    until = min(today, date(year, 12, 31))

    def read(_progress: Any) -> AttendanceYear:
        return AttendanceYear(year, meeting_reports.attendance_rates(db, year, org_id=org_id),
                              meeting_reports.absent_in_a_row(db, times=3, until=until, org_id=org_id), org_id)

    return run(parent, ctx, read, label="load attendance", on_done=on_done, on_error=on_error)


def export_attendance(parent: QWidget, ctx: AppContext, year: int, today: date, path: Path, *, org_id: str | None,
                      on_done: DoneCallback, on_error: ErrorCallback) -> None:
    """Read ``year``'s attendance statistics (of ``org_id``'s meetings, or every meeting) on the DB lane, then
    write them to ``path`` (.xlsx) on the file lane; ``on_done`` gets ``(path, members)``."""
    db = ctx.db

    def write(sheet: attendance_register.AttendanceSheet) -> None:
        save_bytes(parent, ctx, path, lambda: attendance_register.workbook(year, sheet), label="attendance file",
                   result=(path, sheet.members), on_done=on_done, on_error=on_error)

    run(parent, ctx, lambda _progress: attendance_register.sheet_of(db, year, today=today, org_id=org_id),
        label="attendance sheet", on_done=write, on_error=on_error)


def load_lines(parent: QWidget, ctx: AppContext, year: int, on_done: DoneCallback, *,
               counted: bool = True, on_error: ErrorCallback | None = None) -> TaskHandle:
    """The meetings list of ``year`` (``list[MeetingLine]``), with or without 应到/实到."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: meeting_reports.meeting_lines(db, year, counted=counted),
               label="load meetings", on_done=on_done, on_error=on_error)


def load_lines_by_ids(parent: QWidget, ctx: AppContext, ids: Collection[str], on_done: DoneCallback) -> TaskHandle:
    """The counted lines of the live meetings among ``ids``."""
    db, wanted = ctx.db, frozenset(ids)
    return run(parent, ctx, lambda _progress: meeting_reports.meeting_lines_by_ids(db, wanted),
               label="load meetings by id", on_done=on_done)
