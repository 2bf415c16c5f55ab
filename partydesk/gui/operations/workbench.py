"""Workbench operations: the dashboard snapshot, the members behind a bar, to-dos set aside, the yearly report."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from partydesk.core.changes import Changes
from partydesk.core.checks import engine
from partydesk.core.checks.findings import Finding
from partydesk.core.errors import KnownError
from partydesk.core.services import dashboard
from partydesk.core.services.annual_report import annual_report
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, Lane, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_snapshot(parent: QWidget, ctx: AppContext, today: date, on_done: DoneCallback, *,
                  org_id: str | None = None, on_error: ErrorCallback | None = None) -> TaskHandle:
    """Key figures, chart data and open findings of ``today`` (``dashboard.Dashboard``), of one branch
    (``org_id``) or of every organisation in the file."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: dashboard.snapshot(db, today, org_id=org_id), label="workbench",
               on_done=on_done, on_error=on_error)


def load_set_aside(parent: QWidget, ctx: AppContext, today: date, on_done: DoneCallback, *,
                   org_id: str | None = None) -> TaskHandle:
    """The findings dismissed or still snoozed on ``today``, with the decision: ``[(Finding, Dismissal)]``; those
    of one branch (``org_id``), when given."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: dashboard.set_aside(db, today, org_id=org_id),
               label="to-dos set aside", on_done=on_done)


def load_member_ids(parent: QWidget, ctx: AppContext, key: str, today: date, on_done: DoneCallback, *,
                    org_id: str | None = None) -> TaskHandle:
    """The ids of the members behind one bar, slice or to-do key (of one branch, when given)."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: dashboard.member_ids(db, key, today, org_id=org_id),
               label="bucket members",
               on_done=on_done)


def set_aside(parent: QWidget, ctx: AppContext, finding: Finding, *, until: date | None, today: date, reason: str,
              on_error: ErrorCallback, on_done: DoneCallback | None = None) -> TaskHandle:
    """Dismiss (``until`` None) or snooze a finding, with the reason."""
    db, actor = ctx.db, ctx.actor

    def decide(_progress: Any) -> Changes:
        if until is None:
            return engine.dismiss(db, actor, finding, reason=reason)
        return engine.snooze(db, actor, finding, until=until, today=today, reason=reason)

    return run(parent, ctx, decide, label="set aside to-do", on_error=on_error, on_done=on_done)


def restore(parent: QWidget, ctx: AppContext, finding: Finding, on_error: ErrorCallback) -> TaskHandle:
    """Put a dismissed or snoozed finding back on the board."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: engine.restore(db, actor, finding), label="restore to-do",
               on_error=on_error)


def write_annual_report(parent: QWidget, ctx: AppContext, *, year: int, path: Path, today: date,
                        on_done: DoneCallback, on_error: ErrorCallback, org_id: str | None = None) -> TaskHandle:
    """Gather the yearly report on the DB lane (of one branch of a committee's file with ``org_id``), then
    write it (.docx or PDF by suffix) on the file lane."""
    db = ctx.db

    def gathered(report: Any) -> None:
        from partydesk.gui.report_pdf import write_report

        run(parent, ctx, lambda _progress: _written(write_report, report, path), label="yearly report file",
            lane=Lane.FILE, on_done=on_done, on_error=on_error)

    return run(parent, ctx, lambda _progress: annual_report(db, year, today=today, org_id=org_id),
               label="yearly report",
               on_done=gathered, on_error=on_error, progress_title=QCoreApplication.translate(
                   "WorkbenchPage", "Writing the yearly report…"), cancellable=False)


def _written(write: Any, report: Any, path: Path) -> Path:
    try:
        return Path(write(report, path))
    except OSError as exc:
        message = QCoreApplication.translate(
            "WorkbenchPage", "The yearly report could not be saved to {path}. Check that the folder exists, that the "
            "file is not open in another program, and that the disk is not full.")
        raise KnownError(message.format(path=str(path)), code="write") from exc


def warm_charts(parent: QWidget, ctx: AppContext) -> TaskHandle:
    """Import matplotlib and look up the CJK font on the file lane while the snapshot is read, so the first
    chart does not wait for them on the GUI thread (about two seconds on an office PC)."""

    def warm(_progress: Any) -> None:
        from partydesk.core.charts import activity, members  # noqa: F401  (imports matplotlib)
        from partydesk.core.charts.common import CJK_FONTS, configure

        configure()
        from matplotlib import font_manager

        font_manager.findfont(font_manager.FontProperties(family=CJK_FONTS))

    return run(parent, ctx, warm, label="load charts", lane=Lane.FILE)
