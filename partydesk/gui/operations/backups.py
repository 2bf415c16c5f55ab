"""Backup operations: a verified copy of the open database (SQLite's backup API: the DB lane)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from partydesk.core.progress import Progress
from partydesk.core.services import maintenance
from partydesk.core.services.store import BackupInfo
from partydesk.gui.operations import run
from partydesk.gui.tasks import TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def back_up(parent: QWidget | None, ctx: AppContext, *, reason: str, title: str | None = None) -> TaskHandle:
    """Back up now; the new backup goes to ``Hub.backupMade`` (the status bar) when it is done.

    With ``title`` a progress dialog shows over ``parent`` (a backup the user asked for).
    """
    db, hub = ctx.db, ctx.hub

    def job(progress: Progress) -> BackupInfo:
        return maintenance.backup_now(db, reason=reason, progress=progress)

    return run(parent, ctx, job, label=f"backup ({reason})", progress_title=title, on_done=hub.backupMade.emit)
