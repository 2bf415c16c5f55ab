"""Notice operations (通知): read the notices held here, write one (files stored first on the file lane),
note that one was opened, and withdraw one of ours.

Opening a notice's file is the meeting attachments' ``open_copy`` (the same content-addressed store).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from partydesk.core import attachments
from partydesk.core.domain.notices import NoticeData, NoticeFile, NoticeRow
from partydesk.core.services import notices
from partydesk.core.services.setup import own_organisation
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, Lane, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_notices(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """Every notice here (newest first), the registered branches a notice can go to, and this office's name:
    (rows, branches, name)."""
    db = ctx.db

    def read(_p: object) -> tuple[list[NoticeRow], list[tuple[str, str]], str]:
        org = own_organisation(db)
        return notices.list_notices(db), notices.branches(db), org.name if org else ""

    return run(parent, ctx, read, label="notices", on_done=on_done)


def publish(parent: QWidget, ctx: AppContext, data: NoticeData, sources: Sequence[Path], *, to: Sequence[str],
            to_all: bool, on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Write a notice: its files are first put in the attachment store (file lane), then it is recorded and
    addressed in one transaction (DB lane); the result is ``NoticeAdded``."""
    db, actor = ctx.db, ctx.actor
    root = attachments.store_root(db.path)

    def record(stored: list[attachments.StoredFile]) -> None:
        files = [NoticeFile(s.sha256, s.name, s.mime, s.size) for s in stored]
        run(parent, ctx, lambda _p: notices.add_notice(db, actor, data=data, files=files, to=to, to_all=to_all),
            label="publish notice", on_done=on_done, on_error=on_error)

    return run(parent, ctx, lambda _p: [attachments.put(root, s) for s in sources], label="store notice files",
               lane=Lane.FILE, on_done=record, on_error=on_error)


def mark_read(parent: QWidget, ctx: AppContext, notice_id: str, on_done: DoneCallback | None = None) -> TaskHandle:
    """Note that this office opened the notice."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: notices.mark_read(db, actor, notice_id), label="notice read",
               on_done=on_done)


def mark_done(parent: QWidget, ctx: AppContext, notice_id: str, on_done: DoneCallback | None = None) -> TaskHandle:
    """Note that this office has done what the notice asks (已办理)."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: notices.mark_done(db, actor, notice_id), label="notice done",
               on_done=on_done)


def load_branches(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """The registered branches a notice or a material can go to: (organisation code, name)."""
    db = ctx.db
    return run(parent, ctx, lambda _p: notices.branches(db), label="registered branches", on_done=on_done)


def send_material(parent: QWidget, ctx: AppContext, material_id: str, *, to: Sequence[str], to_all: bool,
                  on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Address one of our study materials to these branches (or all); the next packages carry it."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: notices.send_material(db, actor, material_id, to=to, to_all=to_all),
               label="send material", on_done=on_done, on_error=on_error)


def withdraw(parent: QWidget, ctx: AppContext, notice_id: str, *, reason: str, on_done: DoneCallback,
             on_error: ErrorCallback) -> TaskHandle:
    """Take back a notice this office wrote, with a reason; the next packages tell the branches."""
    db, actor, today = ctx.db, ctx.actor, date.today()
    return run(parent, ctx, lambda _p: notices.withdraw_notice(db, actor, notice_id, reason=reason, today=today),
               label="withdraw notice", on_done=on_done, on_error=on_error)


__all__ = ["load_branches", "load_notices", "mark_read", "publish", "send_material", "withdraw"]
