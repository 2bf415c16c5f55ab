"""Fills the sync bookkeeping of every new or changed record inside the flush that writes it.

A session opened by ``Database.write()`` carries the acting user and this site's clock in
``session.info``; the ``before_flush`` hook gives each new or dirty SyncMixin row a fresh HLC version
and the next ``change_seq``, and saves both counters on the ``site`` row in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from partydesk.core.clock import HybridClock, Version
from partydesk.core.storage.base import SyncMixin
from partydesk.core.storage.tables import Site

INFO_ACTOR = "partydesk.actor"
INFO_CLOCK = "partydesk.clock"
INFO_WROTE = "partydesk.wrote"


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
    for row, stamp in zip(rows, allocate(session, len(rows)), strict=True):
        row.version = stamp.version
        row.change_seq = stamp.change_seq
        row.updated_at = stamp.updated_at
        row.updated_by = stamp.updated_by
        if row.owner_site is None:
            row.owner_site = stamp.owner_site


def clock_from_site(site: Site) -> HybridClock:
    """The site's clock, resumed from the last version it saved."""
    last = Version.decode(site.hlc_last) if site.hlc_last else None
    return HybridClock(site.site_id, last)


@event.listens_for(Session, "after_flush")
def _note_write(session: Session, _ctx: Any) -> None:
    # Lets Database.write() know whether anything reached the file (for "back up on exit if changed").
    session.info[INFO_WROTE] = True
