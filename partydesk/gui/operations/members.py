"""Member operations: read the roster or a few of its rows, read one member, save, delete, record events."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import EventKind, MemberEvent
from partydesk.core.domain.roster import MemberRecord
from partydesk.core.errors import DamagedInSessionError
from partydesk.core.services import members, roster_query
from partydesk.core.services.member_activity import member_activity
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_roster(parent: QWidget, ctx: AppContext, on_done: DoneCallback,
                on_error: ErrorCallback | None = None) -> TaskHandle:
    """Every live member as roster rows."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: members.roster(db, actor), label="load roster", on_done=on_done,
               on_error=on_error)


def load_roster_rows(parent: QWidget, ctx: AppContext, ids: Collection[str], on_done: DoneCallback) -> TaskHandle:
    """The roster rows of ``ids`` that still exist (a page refreshing what a change named)."""
    db, actor, wanted = ctx.db, ctx.actor, frozenset(ids)
    return run(parent, ctx, lambda _progress: roster_query.roster_rows_by_ids(db, actor, wanted),
               label="load roster rows", on_done=on_done)


def load_member(parent: QWidget, ctx: AppContext, member_id: str, on_done: DoneCallback) -> TaskHandle:
    """One member's record (None when it no longer exists)."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: members.get_member(db, actor, member_id), label="load member",
               on_done=on_done)


def load_member_page(parent: QWidget, ctx: AppContext, member_id: str, on_done: DoneCallback) -> TaskHandle:
    """A member's record and timeline: ``(record | None, events)``; events None when the record read but its
    history lies on a damaged part of the file (the page shows the fields, and says the history cannot be read)."""
    db, actor = ctx.db, ctx.actor

    def read(_progress: Any) -> tuple[MemberRecord | None, list[MemberEvent] | None]:
        record = members.get_member(db, actor, member_id)
        if record is None:
            return None, []
        try:
            return record, members.member_events(db, actor, member_id)
        except DamagedInSessionError:
            return record, None

    return run(parent, ctx, read, label="load member", on_done=on_done)


def load_member_activity(parent: QWidget, ctx: AppContext, member_id: str, year: int,
                         on_done: DoneCallback) -> TaskHandle:
    """Where the member stands in ``year``: meetings, talks, study (``MemberActivity``)."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: member_activity(db, actor, member_id, year), label="load member activity",
               on_done=on_done)


def save_member(
    parent: QWidget, ctx: AppContext, *, member_id: str | None, data: MemberInput, confirmed: bool,
    on_done: DoneCallback, on_error: ErrorCallback,
) -> TaskHandle:
    """Check, then add (``member_id`` None) or update a member.

    The result is a ``MemberSaved`` (published by the runner), or the list of warnings when there are
    any and the user has not yet confirmed them; nothing is written then.
    """
    db, actor = ctx.db, ctx.actor

    def save(_progress: Any) -> object:
        _clean, warnings = members.validate(db, data)
        if warnings and not confirmed:
            return warnings
        if member_id is None:
            return members.add_member(db, actor, data=data)
        return members.update_member(db, actor, member_id=member_id, data=data)

    return run(parent, ctx, save, label="save member", on_done=on_done, on_error=on_error)


def delete_member(
    parent: QWidget, ctx: AppContext, *, member_id: str, reason: str, on_done: DoneCallback | None = None,
) -> TaskHandle:
    """Delete a member entered by mistake, with the reason."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: members.delete_member(db, actor, member_id=member_id, reason=reason),
               label="delete member", on_done=on_done)


def add_event(
    parent: QWidget, ctx: AppContext, *, member_id: str, kind: EventKind, on_date: date, detail: str,
    note: str, on_done: DoneCallback, on_error: ErrorCallback,
) -> TaskHandle:
    """Record an event (转正, 转出, …) on a member's timeline."""
    db, actor = ctx.db, ctx.actor

    def save(_progress: Any) -> object:
        return members.add_event(db, actor, member_id=member_id, kind=kind, on_date=on_date, detail=detail,
                                 note=note)

    return run(parent, ctx, save, label="record member event", on_done=on_done, on_error=on_error)


def withdraw_event(
    parent: QWidget, ctx: AppContext, *, event_id: str, reason: str, on_done: DoneCallback, on_error: ErrorCallback,
) -> TaskHandle:
    """Withdraw an event recorded by mistake, with the reason."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: members.withdraw_event(db, actor, event_id=event_id, reason=reason),
               label="withdraw member event", on_done=on_done, on_error=on_error)


def assign_party_group(
    parent: QWidget, ctx: AppContext, *, member_ids: list[str], party_group: str,
    on_done: DoneCallback, on_error: ErrorCallback | None = None,
) -> TaskHandle:
    """Put these members in one 党小组 ("" takes them out of any); the result is a ``GroupAssigned``."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: members.assign_party_group(
        db, actor, member_ids=member_ids, party_group=party_group),
        label="assign party group", on_done=on_done, on_error=on_error)
