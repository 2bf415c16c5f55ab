"""Fills the sync bookkeeping of every new or changed record inside the flush that writes it.

A session opened by ``Database.write()`` carries the acting user and this site's clock in
``session.info``; the ``before_flush`` hook gives each new or dirty SyncMixin row a fresh HLC version
and the next ``change_seq``, and saves both counters on the ``site`` row in the same transaction.

There are two paths. A local write stamps ``version``, ``updated_by``, ``updated_at`` and (for a new
row) ``owner_site``. Applying a record received from another site (``Database.write(..., remote=True)``)
keeps the values the record arrived with, lets the clock observe its version so later local versions
sort after it, and only bumps the local ``change_seq``. The ``after_flush`` hook and the bulk-insert hook
note every written row in the transaction's ``ChangeLog`` for the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from partydesk.core.clock import HybridClock, Version
from partydesk.core.storage import rowhash
from partydesk.core.storage.audit import ChangeLog
from partydesk.core.storage.base import Base, SyncMixin
from partydesk.core.storage.tables import Site

INFO_ACTOR = "partydesk.actor"
INFO_CLOCK = "partydesk.clock"
INFO_WROTE = "partydesk.wrote"
INFO_REMOTE = "partydesk.remote"
INFO_CHANGES = "partydesk.changes"


@dataclass(frozen=True)
class Stamp:
    """The bookkeeping values one write gives one record."""

    version: str
    change_seq: int
    updated_at: datetime
    updated_by: str
    owner_site: str


def utc_now() -> datetime:
    """Naive UTC now, the form every DateTime column stores."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_time(stored: datetime) -> datetime:
    """A time as a DateTime column stores it (naive UTC) in this computer's time: the day an office reads and
    counts by is its own (05:00 in Beijing is the evening before in UTC)."""
    return stored.replace(tzinfo=UTC).astimezone()


def _site_row(session: Session) -> Site:
    site = session.execute(select(Site).where(Site.id == 1)).scalar_one_or_none()
    if site is None:
        raise RuntimeError("the site row is missing: the database was not initialised")
    return site


def allocate(session: Session, count: int) -> Iterator[Stamp]:
    """Reserve ``count`` stamps for bulk (Core) inserts and advance the site's counters now."""
    clock: HybridClock = session.info[INFO_CLOCK]
    actor_id: str = session.info[INFO_ACTOR].user_id
    site = _site_row(session)
    first = site.change_seq + 1
    site.change_seq += count
    now = utc_now()
    stamps = [Stamp(clock.tick().encode(), first + i, now, actor_id, clock.site_id) for i in range(count)]
    site.hlc_last = clock.last.encode()
    return iter(stamps)


@event.listens_for(Session, "before_flush")
def _stamp_sync_rows(session: Session, _ctx: Any, _instances: Any) -> None:
    rows = [o for o in session.new if isinstance(o, SyncMixin)]
    rows += [o for o in session.dirty if isinstance(o, SyncMixin) and session.is_modified(o)]
    if not rows:
        return
    if INFO_CLOCK not in session.info:
        raise RuntimeError("sync records may only be written through Database.write()")
    if session.info.get(INFO_REMOTE):
        _keep_received(session, rows)
    else:
        for row, stamp in zip(rows, allocate(session, len(rows)), strict=True):
            row.version = stamp.version
            row.change_seq = stamp.change_seq
            row.updated_at = stamp.updated_at
            row.updated_by = stamp.updated_by
            if row.owner_site is None:
                row.owner_site = stamp.owner_site
    new = set(map(id, session.new))
    for row in rows:
        rowhash.stamp(row, new=id(row) in new)


def _keep_received(session: Session, rows: list[Any]) -> None:
    """Remote path: the record keeps its version, author and owner; only the local change_seq moves."""
    clock: HybridClock = session.info[INFO_CLOCK]
    site = _site_row(session)
    for row in rows:
        if not (row.version and row.updated_by and row.owner_site and row.updated_at):
            raise RuntimeError("a record applied from another site must carry its version, author and owner")
        clock.observe(Version.decode(row.version))
        site.change_seq += 1
        row.change_seq = site.change_seq
    site.hlc_last = clock.last.encode()


def clock_from_site(site: Site) -> HybridClock:
    """The site's clock, resumed from the last version it saved."""
    last = Version.decode(site.hlc_last) if site.hlc_last else None
    return HybridClock(site.site_id, last)


@event.listens_for(Session, "after_flush")
def _note_write(session: Session, _ctx: Any) -> None:
    # Lets Database.write() know whether anything reached the file (for "back up on exit if changed").
    session.info[INFO_WROTE] = True
    log: ChangeLog | None = session.info.get(INFO_CHANGES)
    if log is None:
        return
    # After the flush but before its post-exec step, new/dirty and attribute history still show
    # what this flush wrote, and ids filled in by column defaults are known.
    for obj in session.new:
        if isinstance(obj, Base):
            log.note(obj.__tablename__, _key(obj), new=True)
    for obj in session.dirty:
        if isinstance(obj, Base) and session.is_modified(obj):
            state = inspect(obj)
            changed = [a.key for a in state.attrs if a.history.has_changes()]
            log.note(obj.__tablename__, _key(obj), new=False, fields=changed)


def _key(obj: Any) -> str:
    # The identity key is only set after the flush completes: read the primary key off the row.
    parts = inspect(obj).mapper.primary_key_from_instance(obj)
    return "/".join(str(part) for part in parts)


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_insert(state: ORMExecuteState) -> None:
    # Core/ORM-bulk inserts (the importer's fast path) bypass the flush: note their rows here.
    log: ChangeLog | None = state.session.info.get(INFO_CHANGES)
    if log is None or not state.is_insert:
        return
    table = getattr(state.statement, "table", None)
    params = state.parameters
    if table is None or not isinstance(params, list):
        return
    for values in params:
        log.note(str(table.name), values.get("id", "?"), new=True)
    state.session.info[INFO_WROTE] = True
