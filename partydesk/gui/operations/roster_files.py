"""Roster file operations: reading a spreadsheet to import, the import itself, exporting the roster.

File work runs on the file lane, database work on the DB lane. Exporting needs both: the roster is read
on the DB lane, then the workbook is built and written on the file lane (an unmasked export is audited
on the DB lane in between), so a slow USB stick holds up nothing else. The dry run (``plan_import``)
reads the file and checks it against the stored roster in one core call, so it stays on the DB lane
until the core offers the two halves separately.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.atomicfile import atomic_write
from partydesk.core.changes import Changes
from partydesk.core.domain.masking import Masking
from partydesk.core.domain.roster import RosterRow
from partydesk.core.io.roster_export import roster_bytes
from partydesk.core.io.roster_plan import preview
from partydesk.core.io.roster_print import print_bytes, print_plan
from partydesk.core.progress import Progress
from partydesk.core.services import audit, members, setup
from partydesk.core.services.maintenance import list_backups
from partydesk.core.services.roster_export import (
    ExportResult,
    Layout,
    branch_names,
    by_branch,
    print_sheet,
    roster_sheet,
    signers,
)
from partydesk.core.services.roster_import import ImportPlan, ImportResult, apply_import, plan_import, write_rejects
from partydesk.core.services.store import BackupInfo
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, Lane, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def preview_file(
    parent: QWidget, ctx: AppContext, path: Path, *, mapping: Mapping[int, str] | None = None,
    on_done: DoneCallback, on_error: ErrorCallback,
) -> TaskHandle:
    """Read a spreadsheet and describe it for the column step (file lane)."""
    chosen = dict(mapping) if mapping is not None else None
    return run(parent, ctx, lambda _progress: preview(path, mapping=chosen), label="preview roster",
               on_done=on_done, on_error=on_error, lane=Lane.FILE)


def plan_roster_import(
    parent: QWidget, ctx: AppContext, path: Path, *, mapping: Mapping[int, str], title: str,
    on_done: DoneCallback, on_error: ErrorCallback, fixed_values: Mapping[str, str] | None = None,
) -> TaskHandle:
    """The dry run of an import, with a cancellable progress dialog."""
    db, chosen, fixed = ctx.db, dict(mapping), dict(fixed_values or {})
    return run(parent, ctx, lambda progress: plan_import(db, path, mapping=chosen, progress=progress,
                                                         fixed_values=fixed),
               label="plan import", progress_title=title, on_done=on_done, on_error=on_error)


def save_rejects(
    parent: QWidget, ctx: AppContext, plan: ImportPlan, path: Path, *, on_done: DoneCallback, on_error: ErrorCallback,
) -> TaskHandle:
    """Write the rejected rows with their reasons to a workbook (file lane)."""
    return run(parent, ctx, lambda _progress: write_rejects(plan, path), label="write rejects",
               on_done=on_done, on_error=on_error, lane=Lane.FILE)


@dataclass(frozen=True)
class Imported:
    """What an import wrote and the backup taken before it; ``changes`` is what the runner publishes."""

    result: ImportResult
    backup: BackupInfo | None

    @property
    def changes(self) -> Changes:
        """The import's change record."""
        return self.result.changes


def import_roster(
    parent: QWidget, ctx: AppContext, plan: ImportPlan, *, skip_rejected: bool, title: str,
    on_done: DoneCallback, on_error: ErrorCallback, accept_renames: Collection[int] = (),
) -> TaskHandle:
    """Write the plan (a verified backup first, then one transaction) with a cancellable progress dialog.

    ``on_done`` gets the ``Imported`` record; the backup reaches the status bar even if ``parent`` closed.
    """
    db, actor, hub = ctx.db, ctx.actor, ctx.hub

    def job(progress: Progress) -> Imported:
        result = apply_import(db, actor, plan, skip_rejected=skip_rejected, accept_renames=set(accept_renames),
                              progress=progress)
        path = result.backup_path
        backup = next((b for b in list_backups(db.path) if b.path == path), None) if path is not None else None
        return Imported(result, backup)

    def imported(outcome: Imported) -> None:
        if outcome.backup is not None:
            hub.backupMade.emit(outcome.backup)

    handle = run(parent, ctx, job, label="import roster", progress_title=title, on_done=on_done, on_error=on_error)
    # Unguarded: the status bar learns of the backup even when the wizard was closed meanwhile.
    handle.finished.connect(lambda: imported(handle.result) if isinstance(handle.result, Imported) else None)
    return handle


@dataclass(frozen=True)
class _RosterData:
    branch: str
    rows: list[RosterRow]
    leader: str
    contact: str
    names: dict[str, str] | None = None  # org id -> name when the file holds several organisations


def branch_name(parent: QWidget, ctx: AppContext, *, on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """The organisation's name ("" before set-up), for a suggested file name."""
    db = ctx.db

    def read(_progress: Any) -> str:
        organisation = setup.own_organisation(db)
        return organisation.name if organisation is not None else ""

    return run(parent, ctx, read, label="export file name", on_done=on_done, on_error=on_error)


def export_roster(
    parent: QWidget, ctx: AppContext, path: Path, *, masked: bool, today: date, title: str,
    on_done: DoneCallback, on_error: ErrorCallback, on_cancelled: Callable[[], None],
    layout: Layout = "full", columns: Sequence[str] | None = None, preparer: str | None = None,
    only: Collection[str] | None = None, order: Sequence[str] | None = None, part: str = "",
) -> TaskHandle:
    """Read the roster (DB lane), build the workbook (file lane), then write it to ``path`` (file lane).

    ``layout`` "print" builds the 报送版 with ``columns``; the 制表人 is ``preparer`` or, when None, the
    organisation's contact person.

    Members transferred out are left out, as in the 花名册; with ``only``, every member not named in it
    too, and ``part`` (the filters' words) goes into the title. With ``order`` (member ids: the list as a column
    header sorted it) the rows follow it, within each branch of a committee's file. An export with full numbers
    is audited ("export.unmasked", DB lane) after the workbook is built and before the file is written: a cancel
    leaves neither file nor audit row, and no file with full numbers exists without its record.
    ``on_done`` gets the core's ``ExportResult``; ``on_cancelled`` runs when the user cancelled.
    """
    db, actor = ctx.db, ctx.actor
    masking = Masking.MASKED if masked else Masking.FULL

    def read(_progress: Any) -> _RosterData:
        organisation = setup.own_organisation(db)
        names = branch_names(db)
        rows = by_branch(members.roster(db, actor, include_departed=False), names)
        if only is not None:
            rows = [row for row in rows if row.id in only]
        if order:
            at = {member_id: i for i, member_id in enumerate(order)}
            rows = by_branch(sorted(rows, key=lambda row: at.get(row.id, len(at))), names)  # (a stable sort)
        return _RosterData(organisation.name if organisation is not None else "", rows, *signers(organisation),
                           names=names)

    def build(data: _RosterData) -> Callable[[Progress], _Built]:
        def job(progress: Progress) -> _Built:
            name = data.contact if preparer is None else preparer.strip()
            ids = [row.id for row in data.rows]
            if layout == "print":
                sheet = print_sheet(data.rows, branch=data.branch, masking=masking, today=today, columns=columns,
                                    leader=data.leader, preparer=name, names=data.names, part=part)
                return _Built(print_bytes(sheet), ids, print_plan(sheet).fit_width)
            full = roster_sheet(data.rows, branch=data.branch, masking=masking, today=today, exported_by=name,
                                names=data.names, part=part)
            return _Built(roster_bytes(full, progress=progress), ids)
        return job

    def audited(built: _Built) -> Callable[[Progress], _Built]:
        def job(_progress: Progress) -> _Built:
            audit.record_access(db, actor, action="export.unmasked", record_ids=built.ids,
                                summary=f"导出花名册（完整号码），{len(built.ids):,} 人")
            return built
        return job

    def write(built: _Built) -> Callable[[Progress], ExportResult]:
        def job(_progress: Progress) -> ExportResult:
            atomic_write(path, built.data)
            return ExportResult(path, len(built.ids), masked, built.fits_width)
        return job

    def step(fn: Callable[[Progress], Any], lane: Lane, then: DoneCallback) -> TaskHandle:
        handle = run(parent, ctx, fn, label="export roster", progress_title=title, on_done=then, on_error=on_error,
                     lane=lane)
        _when_cancelled(handle, on_cancelled)
        return handle

    def read_done(data: _RosterData) -> None:
        step(build(data), Lane.FILE, built_done)

    def built_done(built: _Built) -> None:
        if masked:
            step(write(built), Lane.FILE, on_done)
        else:
            step(audited(built), Lane.DB, audit_done)

    def audit_done(built: _Built) -> None:
        step(write(built), Lane.FILE, on_done)

    return step(read, Lane.DB, read_done)


@dataclass(frozen=True)
class _Built:
    data: bytes  # the workbook, built in memory
    ids: list[str]
    fits_width: bool = True  # (the 报送版's columns fit one sheet wide)


def _when_cancelled(handle: TaskHandle, callback: Callable[[], None]) -> None:
    handle.finished.connect(lambda: callback() if handle.cancelled else None)
