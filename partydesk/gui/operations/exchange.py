"""Exchange operations (数据交换): the key card out, registering the other side's card, writing a package,
the dry run and the import of a package, and the state of the exchange — each a service on the DB lane.

Writing a package runs on the DB lane because the ledger row and the channel number are committed in the
same transaction that verified the file on the stick (SYNC.md: nothing half-written either way).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.exchange.keys import KeyCard
from partydesk.core.progress import Progress
from partydesk.core.services import (
    committee,
    sync_clock,
    sync_export,
    sync_export_all,
    sync_folder,
    sync_import,
    sync_keys,
    sync_rejections,
    sync_status,
)
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_status(parent: QWidget, ctx: AppContext, on_done: DoneCallback,
                on_error: ErrorCallback | None = None) -> TaskHandle:
    """Registered sites, the ledger, the open conflicts and this site's fingerprint: (status, card)."""
    db = ctx.db

    def job(_progress: Progress) -> tuple[sync_status.ExchangeStatus, KeyCard]:
        return sync_status.exchange_status(db), sync_keys.own_card(db)[0]

    return run(parent, ctx, job, label="exchange status", on_done=on_done, on_error=on_error)


def load_comparison(parent: QWidget, ctx: AppContext, on_done: DoneCallback,
                    on_error: ErrorCallback | None = None) -> TaskHandle:
    """A committee's comparison of its branches (a job of its own after the status: at hundreds of branches
    it takes a few seconds, and the ledger is shown meanwhile)."""
    db = ctx.db
    return run(parent, ctx, lambda _p: committee.comparison(db), label="branch comparison", on_done=on_done,
               on_error=on_error)


def mend_clock(parent: QWidget, ctx: AppContext, *, title: str, on_done: DoneCallback) -> TaskHandle:
    """Re-date this office's records a clock set in the future left dated there (the date checked first)."""
    db, actor = ctx.db, ctx.actor

    def job(progress: Progress) -> sync_clock.Mended:
        return sync_clock.restamp_future(db, actor, progress=progress)

    return run(parent, ctx, job, label="mend clock", on_done=on_done, progress_title=title)


def write_card(parent: QWidget, ctx: AppContext, out: Path, on_done: DoneCallback) -> TaskHandle:
    """Write this site's key card to ``out``."""
    db = ctx.db
    return run(parent, ctx, lambda _p: sync_keys.write_card(db, out), label="key card", on_done=on_done)


def read_card(parent: QWidget, ctx: AppContext, path: Path, on_done: DoneCallback) -> TaskHandle:
    """Read and check a key card file (to show its fingerprint before registering); our own card, or one we do
    not exchange with, is refused here, before the fingerprint is asked about. Gives the card's bytes, the
    card, the name another installation with its code is registered under (or None), and the fingerprints
    of the office's earlier keys that registering the card retires, and whether it is registered as it is
    already."""
    db = ctx.db

    def job(_p: object) -> tuple[bytes, object, str | None, list[str], bool]:
        data = path.read_bytes()
        card = sync_keys.examine_card(db, data)
        return (data, card, sync_keys.same_code_elsewhere(db, card), sync_keys.keys_replaced(db, card),
                sync_keys.registered_as_is(db, card))

    return run(parent, ctx, job, label="read key card", on_done=on_done)


def register(parent: QWidget, ctx: AppContext, data: bytes, on_done: DoneCallback) -> TaskHandle:
    """Register a key card whose fingerprint the user has compared."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: sync_keys.register_card(db, actor, data, confirmed=True),
               label="register key card", on_done=on_done)


def export(parent: QWidget, ctx: AppContext, *, to_org_code: str, out_dir: Path, snapshot: bool, title: str,
           on_done: DoneCallback, on_error: ErrorCallback | None = None) -> TaskHandle:
    """Write, read back and verify the next package for a registered site."""
    db, actor = ctx.db, ctx.actor

    def job(progress: Progress) -> sync_export.Exported:
        return sync_export.export_package(db, actor, to_org_code=to_org_code, out_dir=out_dir, snapshot=snapshot,
                                          progress=progress)

    return run(parent, ctx, job, label="sync export", on_done=on_done, on_error=on_error,
               progress_title=title)


def import_file(parent: QWidget, ctx: AppContext, path: Path, *, dry_run: bool, title: str,
                on_done: DoneCallback, on_error: ErrorCallback | None = None) -> TaskHandle:
    """Classify (``dry_run``) or import a package; the result is an ``ImportReport`` either way."""
    db, actor = ctx.db, ctx.actor

    made: list[object] = []

    def job(progress: Progress) -> sync_import.ImportReport:
        report = sync_import.import_package(db, actor, path, dry_run=dry_run, progress=progress)
        if report.status == "applied":
            _newest_backup(db, made)
        return report

    handle = run(parent, ctx, job, label="sync import", on_done=on_done, on_error=on_error, progress_title=title)
    return _telling_backup(ctx, handle, made)


def _newest_backup(db: Any, into: list[object]) -> None:
    """The backup an import made before writing (the newest of the file's), for the status bar."""
    from partydesk.core.services.maintenance import last_backup

    found = last_backup(db.path)
    if found is not None:
        into.append(found)


def _telling_backup(ctx: AppContext, handle: TaskHandle, made: list[object]) -> TaskHandle:
    """When ``handle``'s job is done, the backup it made (if any) goes to ``Hub.backupMade`` — the status bar's
    上次备份 — even when the wizard was closed meanwhile."""
    hub = ctx.hub
    handle.finished.connect(lambda: hub.backupMade.emit(made[-1]) if made else None)
    return handle


def record_rejection(parent: QWidget, ctx: AppContext, path: Path, *, reason: str, message: str) -> TaskHandle:
    """Put a refusal the user was shown by the dry run into the ledger (the dry run itself records nothing)."""
    db, actor = ctx.db, ctx.actor

    def job(_progress: Progress) -> Changes:
        sync_rejections.record_rejection(db, actor, path, reason=reason, message=message)
        return Changes.of(ChangeKind.SYNC)

    return run(parent, ctx, job, label="record refusal")


def check_folder(parent: QWidget, ctx: AppContext, folder: Path, *, title: str, on_done: DoneCallback,
                 on_error: ErrorCallback | None = None) -> TaskHandle:
    """The dry run of every package in ``folder`` (a list of ``sync_folder.FolderEntry``); nothing written."""
    db, actor = ctx.db, ctx.actor

    def job(progress: Progress) -> list[sync_folder.FolderEntry]:
        return sync_folder.check_folder(db, actor, folder, progress)

    return run(parent, ctx, job, label="sync check folder", on_done=on_done, on_error=on_error,
               progress_title=title)


def import_folder(parent: QWidget, ctx: AppContext, entries: list[sync_folder.FolderEntry], *, title: str,
                  on_done: DoneCallback, on_error: ErrorCallback | None = None) -> TaskHandle:
    """Import the checked packages one by one (a ``sync_folder.FolderImport``, also when cancelled midway)."""
    db, actor = ctx.db, ctx.actor

    made: list[object] = []

    def job(progress: Progress) -> sync_folder.FolderImport:
        done = sync_folder.import_checked(db, actor, entries, progress)
        if done.applied:
            _newest_backup(db, made)
        return done

    handle = run(parent, ctx, job, label="sync import folder", on_done=on_done, on_error=on_error,
                 progress_title=title)
    return _telling_backup(ctx, handle, made)


def export_all(parent: QWidget, ctx: AppContext, *, out_dir: Path, snapshot: bool, title: str,
               on_done: DoneCallback, on_error: ErrorCallback | None = None) -> TaskHandle:
    """Write, read back and verify the next package for every registered branch (``sync_export_all``)."""
    db, actor = ctx.db, ctx.actor

    def job(progress: Progress) -> sync_export_all.AllExported:
        return sync_export_all.export_all(db, actor, out_dir=out_dir, snapshot=snapshot, progress=progress)

    return run(parent, ctx, job, label="sync export all", on_done=on_done, on_error=on_error,
               progress_title=title)
