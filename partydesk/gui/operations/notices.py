"""Notice operations (通知): read the notices held here, and note that one was opened — each on the DB lane.

Opening a notice's file is the meeting attachments' ``open_copy`` (the same content-addressed store).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from partydesk.core.services import notices
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_notices(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """Every notice here, newest first (``NoticeRow`` list)."""
    db = ctx.db
    return run(parent, ctx, lambda _p: notices.list_notices(db), label="notices", on_done=on_done)


def mark_read(parent: QWidget, ctx: AppContext, notice_id: str, on_done: DoneCallback | None = None) -> TaskHandle:
    """Note that this office opened the notice."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: notices.mark_read(db, actor, notice_id), label="notice read",
               on_done=on_done)


__all__ = ["load_notices", "mark_read"]
