"""Backup operations: a verified copy of the open database (SQLite's backup API: the DB lane), the list of
backups with what each holds (the file lane), and restoring one over the open database (the DB lane)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from partydesk.core.errors import KnownError
from partydesk.core.handle import DbHandle
from partydesk.core.progress import Progress
from partydesk.core.services import maintenance, offsite
from partydesk.core.services.maintenance import FileContents
from partydesk.core.services.store import BackupInfo, open_store
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, Lane, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def back_up(parent: QWidget | None, ctx: AppContext, *, reason: str, title: str | None = None,
            on_done: DoneCallback | None = None) -> TaskHandle:
    """Back up now; the new backup goes to ``Hub.backupMade`` (the status bar), then to ``on_done``.

    With ``title`` a progress dialog shows over ``parent`` (a backup the user asked for).
    """
    db, hub = ctx.db, ctx.hub

    def job(progress: Progress) -> BackupInfo:
        return maintenance.backup_now(db, reason=reason, progress=progress)

    def done(info: BackupInfo) -> None:
        hub.backupMade.emit(info)
        if on_done is not None:
            on_done(info)

    return run(parent, ctx, job, label=f"backup ({reason})", progress_title=title, on_done=done)


@dataclass(frozen=True)
class BackupEntry:
    """One backup as the restore dialog lists it; ``contents`` is None when the file failed its check."""

    info: BackupInfo
    contents: FileContents | None


@dataclass(frozen=True)
class Restored:
    """The outcome of a restore: the reopened database and where the replaced one was saved."""

    db: DbHandle
    safety: BackupInfo | None


def load_backups(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """This database's backups, newest first, each verified and read without writing (the file lane)."""
    db_path = ctx.db.path

    def job(progress: Progress) -> list[BackupEntry]:
        found = maintenance.list_backups(db_path)
        entries = []
        for number, info in enumerate(found):
            progress.step(number, len(found))
            entries.append(BackupEntry(info, maintenance.backup_contents(info.path)))
        return entries

    return run(parent, ctx, job, label="list backups", on_done=on_done, lane=Lane.FILE)


def check_backup(parent: QWidget, ctx: AppContext, backup_path: Path, *, other_organisation: bool,
                 on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Everything a restore checks, without touching anything (OtherOrganisationError asks to confirm)."""
    db_path = ctx.db.path
    return run(parent, ctx, lambda _p: maintenance.check_restorable(db_path, backup_path,
                                                                   other_organisation=other_organisation),
               label="check backup", on_done=on_done, on_error=on_error, lane=Lane.FILE)


def restore(parent: QWidget, ctx: AppContext, backup_path: Path, *, other_organisation: bool, title: str,
            on_done: DoneCallback, on_error: ErrorCallback, passphrase: str | None = None) -> TaskHandle:
    """Close the open database, restore ``backup_path`` over it (saving it first) and reopen it.

    With ``passphrase``, ``backup_path`` is a USB backup (``.pdbak``), opened beside the database first.

    Runs on the DB lane, so nothing else uses the connection while it is closed. When the restore
    fails the old file is untouched and is reopened; the KnownError goes to ``on_error``, and the
    handle in ``ctx.db`` stays valid either way (``on_done`` gets a ``Restored`` with the new one).
    """
    db = ctx.db
    reopened: list[DbHandle] = []

    def job(_progress: Progress) -> Restored:
        with contextlib.ExitStack() as stack:
            source = backup_path if passphrase is None else stack.enter_context(
                offsite.opened(db.path, backup_path, passphrase))
            maintenance.check_restorable(db.path, source, other_organisation=other_organisation)
            db.close()
            try:
                safety = maintenance.restore(db.path, source, other_organisation=other_organisation)
            except BaseException:
                reopened.append(open_store(db.path))  # the old file, untouched
                raise
            return Restored(open_store(db.path), safety)

    def failed(error: KnownError) -> None:
        if reopened:
            ctx.db = reopened[0]
        on_error(error)

    return run(parent, ctx, job, label="restore", on_done=on_done, on_error=failed,
               progress_title=title, cancellable=False)
