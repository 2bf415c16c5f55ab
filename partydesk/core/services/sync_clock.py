"""A computer clock that once ran ahead, found and mended (SYNC.md "Identity and versions").

Every local write takes its version from the hybrid clock, which never goes back: one day with the clock
set to 2099 (a typo when setting the date, a reset BIOS) leaves the records written that day at 2099, and
every later version at 2099 too, even after the date is put right. The receiving office refuses each such
record as written "in the future" (``sync_stage``), so nothing this office changes would reach it again.

``clock_trouble`` finds it: records whose version this office's clock issued more than a day ahead of the
clock now (its own records, and its corrections of others'), or a clock that itself reads too early: before
any partydesk package could have been written, or before what other offices have sent. Which of the two
happened (the clock ran ahead then, or reads too early now) only a person can tell, against a phone: the
message says both, and the mend asks first. ``restamp_future`` mends it: each such record takes a fresh
version from a clock resumed at the newest plausible version, and a new change number, so the next package
carries it again; a conflict waiting on such a record waits on its new version. It is one write with its
audit entry, and it refuses while the clock reads too early by the evidence at hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.clock import WALL_WIDTH, HybridClock, Version
from partydesk.core.errors import ValidationError
from partydesk.core.progress import NULL_PROGRESS, Progress
from partydesk.core.services.sync_import import CHANGE_KINDS
from partydesk.core.services.sync_stage import EARLIEST, FUTURE_SLACK, wall_time
from partydesk.core.storage import clock_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.stamping import utc_now

_EPOCH = datetime(1970, 1, 1)


@dataclass(frozen=True)
class ClockTrouble:
    """What is wrong with this office's clock, as far as the records show."""

    now: datetime  # the computer's clock now (UTC)
    future_records: int  # records this office's clock dated more than FUTURE_SLACK after now
    latest: datetime | None  # the furthest such version's time, or the clock's own (UTC)
    others_later: datetime | None = None  # what other offices sent is dated after now: the clock reads too early
    by_packages: bool = False  # ... shown by a package written after now (not only by records' versions)

    @property
    def reads_too_early(self) -> bool:
        """The clock now plainly reads too early: before any package could have been written, or before what
        other offices have sent. Nothing is mended then: judged against it, every record looks future."""
        return self.now < EARLIEST or self.others_later is not None

    def message(self) -> str:
        """The trouble in the office's words (local dates)."""
        if self.now < EARLIEST:
            return (f"电脑时间显示 {_local(self.now):%Y-%m-%d}，明显有误：请先把电脑的日期和时间改正，"
                    "再录入或报送数据。")
        if self.others_later is not None and self.by_packages:
            sent = _local(self.others_later)
            return (f"电脑时间显示 {_local(self.now):%Y-%m-%d}，比其他单位发来的数据（{sent:%Y-%m-%d}）还早，明显有误："
                    "请先把电脑的日期和时间改正，再录入或报送数据。")
        if self.others_later is not None:  # only records: they may have come in while this clock read ahead
            latest = _local(self.others_later)
            return (f"本机保存的其他单位的记录，修改时间晚于电脑现在的时间（最晚 {latest:%Y-%m-%d}）：要么电脑现在的"
                    "时间设早了，要么导入这些记录时本机时钟在将来。请先对照手机核对电脑的日期和时间；如果无误，"
                    "本机不能自动校正（否则其他单位以后的修改会被当作旧的），请与软件维护人员联系。")
        latest = _local(self.latest) if self.latest else self.now
        check = "可能电脑时钟曾被设到了将来，也可能现在的时间设早了：请先对照手机核对电脑的日期和时间。"
        if not self.future_records:
            return (f"本机的时钟走到过 {latest:%Y-%m-%d}，晚于电脑现在的时间。{check}"
                    "如果现在的时间无误，以后录入或修改的记录都会标上那个时间，对方单位会拒收它们。")
        return (f"本单位有 {self.future_records} 条记录的修改时间晚于电脑现在的时间（最晚 {latest:%Y-%m-%d}）。"
                f"{check}如果现在的时间无误，对方单位会拒收这些记录，以后的修改也会一直被拒收。")


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


def clock_trouble(db: Database, *, now: datetime | None = None) -> ClockTrouble | None:
    """The trouble with this office's clock, or None when there is none."""
    if db.site is None:
        return None
    now = now or utc_now()
    cutoff = _cutoff(now)
    count, highest, others, by_packages = 0, "", None, False
    with db.read() as session:
        # The clock is at or past every version it issued or observed: while it is not ahead, none of our
        # versions can be, and the tables need not be read (this runs on every look at the workbench).
        last = clock_repo.clock_last(session)
        if last >= cutoff:  # ahead: so would the next write be; count the records already stamped so
            count, highest = clock_repo.future_versions(session, db.site.site_id, cutoff)
            highest = max(highest, last)
            written, versioned = clock_repo.others_latest(session, db.site.site_id, wall_time)
            later = [t for t in (written, versioned) if t is not None and t > now + FUTURE_SLACK]
            others = max(later) if later else None
            by_packages = written is not None and written > now + FUTURE_SLACK
    if now >= EARLIEST and not highest:
        return None
    latest = wall_time(Version.decode(highest).wall_ms) if highest else None
    return ClockTrouble(now, count, latest, others, by_packages)


@dataclass(frozen=True)
class Mended:
    """What ``restamp_future`` did: how many records took a fresh version, and the change to publish."""

    count: int
    changes: Changes


def restamp_future(db: Database, actor: Actor, *, now: datetime | None = None,
                   progress: Progress | None = None) -> Mended:
    """Give every record our clock dated in the future a fresh version and change number (so the next
    package carries it again), and resume the clock at the newest plausible version. A ValidationError
    while the clock itself reads too early."""
    assert db.site is not None
    progress = progress or NULL_PROGRESS
    now = now or utc_now()
    trouble = clock_trouble(db, now=now)
    if trouble is not None and trouble.reads_too_early:
        raise ValidationError(trouble.message(), code="clock_too_early")
    own_site, cutoff = db.site.site_id, _cutoff(now)
    total = trouble.future_records if trouble is not None else 0

    def step(done: int) -> None:
        progress.check()
        progress.step(done, total, f"正在校正修改时间……（{done:,} 条）")

    with db.write(actor, action="sync.clock_repair") as session:
        newest = clock_repo.newest_plausible(session, cutoff)
        clock = HybridClock(own_site, Version(newest.wall_ms, newest.counter, own_site) if newest else None)
        redated = clock_repo.redate_future(session, own_site, cutoff, clock, step)
    db.clock = clock  # every later write goes on from the mended clock
    kinds = {ChangeKind.SYNC, *(CHANGE_KINDS.get(name, ChangeKind.SYNC) for name, _id in redated)}
    return Mended(len(redated), Changes(kinds=frozenset(kinds)))
