"""USB backup operations (备份到U盘, ``services.offsite``): writing one (the DB lane: it begins with a backup of
the open database), reading what a chosen file says it holds and checking it (the file lane)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from partydesk.core.progress import Progress
from partydesk.core.services import maintenance, offsite
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, Lane, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def write(parent: QWidget, ctx: AppContext, folder: Path, passphrase: str, *, title: str,
          on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Back up, encrypt, write to ``folder``, read back; ``on_done`` gets ``offsite.Written``."""
    db, hub = ctx.db, ctx.hub

    def job(progress: Progress) -> offsite.Written:
        return offsite.write(db, folder, passphrase, progress=progress)

    def done(written: offsite.Written) -> None:
        last = maintenance.last_backup(db.path)
        if last is not None:
            hub.backupMade.emit(last)
        on_done(written)

    return run(parent, ctx, job, label="offsite backup", progress_title=title, on_done=done, on_error=on_error)


def read_header(parent: QWidget, ctx: AppContext, path: Path, *, on_done: DoneCallback,
                on_error: ErrorCallback) -> TaskHandle:
    """What a ``.pdbak`` says it holds (``offsite.OffsiteHeader``)."""
    return run(parent, ctx, lambda _p: offsite.header(path), label="read offsite header", on_done=on_done,
               on_error=on_error, lane=Lane.FILE)


def check(parent: QWidget, ctx: AppContext, path: Path, passphrase: str, *, other_organisation: bool,
          title: str, on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Open ``path`` with ``passphrase`` and check it as a restore would, touching nothing (a few seconds: the
    key is slow to derive on purpose, so a progress window shows)."""
    db_path = ctx.db.path
    return run(parent, ctx, lambda _p: offsite.check(db_path, path, passphrase,
                                                    other_organisation=other_organisation),
               label="check offsite backup", on_done=on_done, on_error=on_error, lane=Lane.FILE,
               progress_title=title, cancellable=False)
