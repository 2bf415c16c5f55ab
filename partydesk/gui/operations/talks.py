"""Talk operations (谈心谈话): load a year's talks, who is due, the people to pick from; save and delete; write the
year's register."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.domain.roster import RosterRow
from partydesk.core.services import talk_register, talks
from partydesk.core.services.talks import TalkData
from partydesk.gui.operations import run, save_bytes
from partydesk.gui.tasks import DoneCallback, ErrorCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_talks(parent: QWidget, ctx: AppContext, year: int, on_done: DoneCallback,
               on_error: ErrorCallback | None = None) -> TaskHandle:
    """The talks of ``year``, newest first (``list[TalkRecord]``)."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: talks.talks_of_year(db, year), label="load talks", on_done=on_done,
               on_error=on_error)


def load_due(parent: QWidget, ctx: AppContext, today: date, on_done: DoneCallback) -> TaskHandle:
    """``(months, list[TalkDue])``: the rule's interval and every member on the roll with the next due day."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: (talks.talk_months(db), talks.talks_due(db, today)),
               label="load talks due", on_done=on_done)


def load_people(parent: QWidget, ctx: AppContext, on_done: DoneCallback, org_id: str | None = None) -> TaskHandle:
    """``(rows, secretary)``: the members to pick from — of the talk's organisation ``org_id``, or of this
    office's for a new talk (a committee's file holds every branch's members) — and the 书记's name as set up."""
    db, actor = ctx.db, ctx.actor

    def read(_progress: Any) -> tuple[list[RosterRow], str]:
        from partydesk.core.services.setup import own_organisation

        org = own_organisation(db)
        return talks.people(db, actor, org_id), org.secretary if org is not None else ""

    return run(parent, ctx, read, label="load talk people", on_done=on_done)


def save_talk(parent: QWidget, ctx: AppContext, *, talk_id: str | None, data: TalkData, on_done: DoneCallback,
              on_error: ErrorCallback) -> TaskHandle:
    """Add (``talk_id`` None) or change a talk; the result carries ``Changes``."""
    db, actor = ctx.db, ctx.actor

    def save(_progress: Any) -> object:
        if talk_id is None:
            return talks.add_talk(db, actor, data)
        return talks.update_talk(db, actor, talk_id, data)

    return run(parent, ctx, save, label="save talk", on_done=on_done, on_error=on_error)


def delete_talk(parent: QWidget, ctx: AppContext, talk_id: str, *, on_done: DoneCallback | None = None,
                on_error: ErrorCallback | None = None) -> TaskHandle:
    """Delete a talk (a tombstone)."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: talks.delete_talk(db, actor, talk_id), label="delete talk",
               on_done=on_done, on_error=on_error)


def load_talks_by_ids(parent: QWidget, ctx: AppContext, ids: frozenset[str], on_done: DoneCallback) -> TaskHandle:
    """The live talks among ``ids`` (deleted ones are simply absent)."""
    db = ctx.db

    def read(_progress: Any) -> list[talks.TalkRecord]:
        found = [talks.get_talk(db, talk_id) for talk_id in sorted(ids)]
        return [r for r in found if r is not None]

    return run(parent, ctx, read, label="load talks by id", on_done=on_done)


def export_register(parent: QWidget, ctx: AppContext, year: int, path: Path, *, on_done: DoneCallback,
                    on_error: ErrorCallback) -> None:
    """Read ``year``'s talk register on the DB lane, then write it to ``path`` (.xlsx) on the file lane;
    ``on_done`` gets ``(path, talks)``."""
    db = ctx.db

    def write(found: tuple[str, list[Any], list[list[object]]]) -> None:
        organisation, columns, rows = found
        save_bytes(parent, ctx, path, lambda: talk_register.workbook(year, organisation, columns, rows),
                   label="talk register file", result=(path, len(rows)), on_done=on_done, on_error=on_error)

    run(parent, ctx, lambda _progress: talk_register.register_rows(db, year), label="talk register",
        on_done=write, on_error=on_error)
