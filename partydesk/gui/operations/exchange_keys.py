"""Key operations of the exchange page: this site's key state and the offices' keys, changing our key,
revoking an office's key — each a service on the DB lane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from partydesk.core.progress import Progress
from partydesk.core.services import sync_rotate
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_keys(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """(our KeyState, every office's PeerKeys)."""
    db = ctx.db

    def job(_progress: Progress) -> tuple[sync_rotate.KeyState, list[sync_rotate.PeerKeys]]:
        return sync_rotate.key_state(db), sync_rotate.peer_keys(db)

    return run(parent, ctx, job, label="exchange keys", on_done=on_done)


def rotate(parent: QWidget, ctx: AppContext, *, now: bool, on_done: DoneCallback) -> TaskHandle:
    """Start a key rotation (or replace the key at once with ``now``)."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: sync_rotate.rotate_keys(db, actor, now=now), label="rotate key",
               on_done=on_done)


def revoke(parent: QWidget, ctx: AppContext, *, org_code: str, reason: str, on_done: DoneCallback,
           on_error: ErrorCallback | None = None) -> TaskHandle:
    """Revoke every key of a registered office."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: sync_rotate.revoke_peer(db, actor, org_code, reason=reason),
               label="revoke key", on_done=on_done, on_error=on_error)
