"""A computer clock that once ran ahead, found and mended (SYNC.md "Identity and versions").

Every local write takes its version from the hybrid clock, which never goes back: one day with the clock
set to 2099 (a typo when setting the date, a reset BIOS) leaves the records written that day at 2099, and
every later version at 2099 too, even after the date is put right. The receiving office refuses each such
record as written "in the future" (``sync_stage``), so nothing this office changes would reach it again.

``clock_trouble`` finds it: this office's own records whose version is more than a day ahead of the clock
now, or a clock that itself reads before any partydesk package could have been written. ``restamp_future``
mends it once the office has checked the date on the computer: each such record takes a fresh version from
a clock resumed at the newest plausible version, and a new change number, so the next package carries it
again; the mend is one write with its audit entry. It refuses while the clock itself still reads too early.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.clock import WALL_WIDTH, HybridClock, Version
from partydesk.core.errors import ValidationError
from partydesk.core.services.sync_import import CHANGE_KINDS
from partydesk.core.services.sync_stage import EARLIEST, FUTURE_SLACK, wall_time
from partydesk.core.storage.database import Database
from partydesk.core.storage.stamping import INFO_CLOCK, utc_now
from partydesk.core.storage.sync_records import SYNC_TYPES
from partydesk.core.storage.tables import Site

_EPOCH = datetime(1970, 1, 1)


@dataclass(frozen=True)
class ClockTrouble:
    """What is wrong with this office's clock, as far as the records show."""

    now: datetime  # the computer's clock now (UTC)
    future_records: int  # this office's records whose version is ahead of now by more than FUTURE_SLACK
    latest: datetime | None  # the furthest such version's time, or the clock's own (UTC)

    @property
    def reads_too_early(self) -> bool:
        """The clock now reads before any package could have been written (a reset clock)."""
        return self.now < EARLIEST

    def message(self) -> str:
        """The trouble in the office's words (local dates)."""
        if self.reads_too_early:
            return (f"电脑时间显示 {_local(self.now):%Y-%m-%d}，明显有误：请先把电脑的日期和时间改正，"
                    "再录入或报送数据。")
        latest = _local(self.latest) if self.latest else self.now
        if not self.future_records:
            return (f"电脑时钟曾被设到了将来（{latest:%Y-%m-%d}）：以后录入或修改的记录都会标上这个时间，"
                    "上级会拒收它们。")
        return (f"本单位有 {self.future_records} 条记录的修改时间在将来（最晚 {latest:%Y-%m-%d}）："
                "电脑时钟曾被设到了将来。上级会拒收这些记录，以后的修改也会一直被拒收。")


def _local(utc: datetime) -> datetime:
    try:
        return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    except (OverflowError, OSError):  # a clock set past the calendar's end
        return utc


def _cutoff(now: datetime) -> str:
    """Versions at or above this text were issued more than FUTURE_SLACK after ``now`` (fixed-width: text
    order is time order)."""
    milliseconds = (now + FUTURE_SLACK - _EPOCH) // timedelta(milliseconds=1)
    return f"{milliseconds + 1:0{WALL_WIDTH}d}"


def _future(session: Session, own_site: str, cutoff: str) -> tuple[int, str]:
    """(how many of our records carry a version at or above ``cutoff``, the highest such version)."""
    count, highest = 0, ""
    for kind in SYNC_TYPES:
        model: Any = kind.model
        found, top = session.execute(select(func.count(), func.max(model.version)).where(
            model.owner_site == own_site, model.version >= cutoff)).one()
        count += int(found)
        highest = max(highest, top or "")
    return count, highest


def clock_trouble(db: Database, *, now: datetime | None = None) -> ClockTrouble | None:
    """The trouble with this office's clock, or None when there is none."""
    if db.site is None:
        return None
    now = now or utc_now()
    cutoff = _cutoff(now)
    count, highest = 0, ""
    with db.read() as session:
        # The clock is at or past every version it issued or observed: while it is not ahead, none of our
        # records can be, and the tables need not be read (this runs on every look at the workbench).
        last = session.execute(select(Site.hlc_last).where(Site.id == 1)).scalar_one()
        if last >= cutoff:  # ahead: so would the next write be; count the records already stamped so
            count, highest = _future(session, db.site.site_id, cutoff)
            highest = max(highest, last)
    if now >= EARLIEST and not highest:
        return None
    latest = wall_time(Version.decode(highest).wall_ms) if highest else None
    return ClockTrouble(now, count, latest)


def _newest_plausible(session: Session, cutoff: str) -> Version | None:
    """The newest version below ``cutoff`` held in any synced table (ours or received): the mended clock
    must still issue versions after every one of them."""
    newest = ""
    for kind in SYNC_TYPES:
        model: Any = kind.model
        top = session.execute(select(func.max(model.version)).where(model.version < cutoff)).scalar_one_or_none()
        newest = max(newest, top or "")
    return Version.decode(newest) if newest else None


@dataclass(frozen=True)
class Mended:
    """What ``restamp_future`` did: how many records took a fresh version, and the change to publish."""

    count: int
    changes: Changes


def restamp_future(db: Database, actor: Actor, *, now: datetime | None = None) -> Mended:
    """Give every record of ours versioned in the future a fresh version and change number (so the next
    package carries it again), and resume the clock at the newest plausible version. A ValidationError
    while the clock itself reads too early."""
    assert db.site is not None
    now = now or utc_now()
    if now < EARLIEST:
        raise ValidationError(ClockTrouble(now, 0, None).message(), code="clock_too_early")
    own_site, cutoff = db.site.site_id, _cutoff(now)
    mended, kinds = 0, {ChangeKind.SYNC}
    with db.write(actor, action="sync.clock_repair") as session:
        newest = _newest_plausible(session, cutoff)
        clock = HybridClock(own_site, Version(newest.wall_ms, newest.counter, own_site) if newest else None)
        session.info[INFO_CLOCK] = clock  # this write's stamps come from the mended clock
        for kind in SYNC_TYPES:
            model: Any = kind.model
            for row in session.scalars(select(model).where(model.owner_site == own_site, model.version >= cutoff)):
                row.version = ""  # changed, so the flush stamps it afresh from the mended clock
                mended += 1
                kinds.add(CHANGE_KINDS.get(kind.name, ChangeKind.SYNC))
        session.flush()
        site = session.execute(select(Site).where(Site.id == 1)).scalar_one()
        site.hlc_last = clock.last.encode()
    db.clock = clock  # every later write goes on from the mended clock
    return Mended(mended, Changes(kinds=frozenset(kinds)))
