"""Edits of another site's records become corrections (SYNC.md "Only the owner edits a record; others send
*corrections* against the version they saw").

A ``before_flush`` hook, run ahead of the stamping hook, looks at every local (not received) write:

- a changed row owned by another site keeps its owner (stamping never changes it) and is noted as an ``out``
  correction whose ``base_version`` is the version it replaced — or, when the row still holds an earlier
  correction of ours the owner has not taken over, the base that correction had (the owner is still there);
- a new child row of a record owned by another site (an event of a branch's member) is given the parent's
  owner, so the owner's copy of the member and its history stay in one place, and is noted with no base.

Received records (``Database.write(..., remote=True)``) are never corrections here. Imported by ``tables`` (so
the hook is always registered); it imports the storage modules that import ``tables`` only when it runs.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from partydesk.core.clock import HybridClock, Version
from partydesk.core.storage.base import SyncMixin, new_id
from partydesk.core.storage.sync_downward_tables import SyncCorrection


def _children() -> dict[type[Any], tuple[type[Any], str]]:
    from partydesk.core.storage.tables import Member, MemberEventRow

    return {MemberEventRow: (Member, "member_id")}


def _type_names() -> dict[type[Any], str]:
    from partydesk.core.storage.sync_records import SYNC_TYPES

    return {t.model: t.name for t in SYNC_TYPES}


def _note(session: Session, type_name: str, row: Any, base: str | None) -> None:
    from partydesk.core.storage.stamping import utc_now

    key = ("out", type_name, row.id)
    found = session.get(SyncCorrection, key)
    if found is None:
        session.add(SyncCorrection(direction="out", record_type=type_name, record_id=row.id,
                                   owner_site=row.owner_site, base_version=base, created_at=utc_now()))
    else:
        found.base_version = base
        found.owner_site = row.owner_site
        found.created_at = utc_now()


@event.listens_for(Session, "before_flush", insert=True)
def _note_corrections(session: Session, _ctx: Any, _instances: Any) -> None:
    from partydesk.core.storage.stamping import INFO_CLOCK, INFO_REMOTE

    clock: HybridClock | None = session.info.get(INFO_CLOCK)
    if clock is None or session.info.get(INFO_REMOTE):
        return
    here = clock.site_id
    names: dict[type[Any], str] | None = None
    for row in list(session.new):
        if not isinstance(row, SyncMixin) or row.owner_site is not None:
            continue
        parent_of = _children().get(type(row))
        if parent_of is None:
            continue
        model, key = parent_of
        parent = session.get(model, getattr(row, key))
        if parent is None or parent.owner_site in (None, here):
            continue
        row.owner_site = parent.owner_site
        if row.id is None:
            row.id = new_id()
        names = names or _type_names()
        _note(session, names[type(row)], row, None)
    for row in list(session.dirty):
        if not isinstance(row, SyncMixin) or row.owner_site in (None, here) or not session.is_modified(row):
            continue
        names = names or _type_names()
        type_name = names.get(type(row))
        if type_name is None or not row.version:
            continue
        base: str | None = row.version
        if Version.decode(row.version).site_id == here:
            earlier = session.get(SyncCorrection, ("out", type_name, row.id))
            if earlier is not None:
                base = earlier.base_version  # still our correction: the owner has not moved on
        _note(session, type_name, row, base)
