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

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.clock import COUNTER_WIDTH, WALL_WIDTH, HybridClock, Version
from partydesk.core.errors import ValidationError
from partydesk.core.progress import NULL_PROGRESS, Progress
from partydesk.core.services.sync_import import CHANGE_KINDS
from partydesk.core.services.sync_stage import EARLIEST, FUTURE_SLACK, wall_time
from partydesk.core.storage import rowhash
from partydesk.core.storage.audit import ChangeLog
from partydesk.core.storage.database import Database
from partydesk.core.storage.stamping import INFO_CHANGES, INFO_CLOCK, allocate, utc_now
from partydesk.core.storage.sync_records import SYNC_TYPES
from partydesk.core.storage.sync_tables import SyncConflict, SyncPackage
from partydesk.core.storage.tables import Site

_EPOCH = datetime(1970, 1, 1)
_SITE_AT = WALL_WIDTH + COUNTER_WIDTH + 3  # where the site id starts in "<wall>-<count>-<site>" (SQL, from 1)
_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's storage format for DateTime on SQLite
BATCH = 5_000  # records re-dated per statement (and per step of the progress)


@dataclass(frozen=True)
class ClockTrouble:
    """What is wrong with this office's clock, as far as the records show."""

    now: datetime  # the computer's clock now (UTC)
    future_records: int  # records this office's clock dated more than FUTURE_SLACK after now
    latest: datetime | None  # the furthest such version's time, or the clock's own (UTC)
    others_later: datetime | None = None  # what other offices sent is dated after now: the clock reads too early

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
        if self.others_later is not None:
            sent = _local(self.others_later)
            return (f"电脑时间显示 {_local(self.now):%Y-%m-%d}，比其他单位发来的数据（{sent:%Y-%m-%d}）还早，明显有误："
                    "请先把电脑的日期和时间改正，再录入或报送数据。")
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


def _ours(model: Any, own_site: str) -> Any:
    """Versions this office's clock issued (its own records, and its corrections of other offices')."""
    return func.substr(model.version, _SITE_AT) == own_site


def _future(session: Session, own_site: str, cutoff: str) -> tuple[int, str]:
    """(how many records carry a version of ours at or above ``cutoff``, the highest such version)."""
    count, highest = 0, ""
    for kind in SYNC_TYPES:
        model: Any = kind.model
        found, top = session.execute(select(func.count(), func.max(model.version)).where(
            model.version >= cutoff, _ours(model, own_site))).one()
        count += int(found)
        highest = max(highest, top or "")
    return count, highest


def _others_latest(session: Session, own_site: str) -> datetime | None:
    """The latest time another office's data held here carries: when its packages were written (by its
    clock), and the versions its clock gave its records."""
    times = [session.execute(select(func.max(SyncPackage.created_at)).where(
        SyncPackage.direction == "in")).scalar_one_or_none()]
    for kind in SYNC_TYPES:
        model: Any = kind.model
        top = session.execute(select(func.max(model.version)).where(
            func.substr(model.version, _SITE_AT) != own_site)).scalar_one_or_none()
        if top:
            times.append(wall_time(Version.decode(top).wall_ms))
    found = [t for t in times if t is not None]
    return max(found) if found else None


def clock_trouble(db: Database, *, now: datetime | None = None) -> ClockTrouble | None:
    """The trouble with this office's clock, or None when there is none."""
    if db.site is None:
        return None
    now = now or utc_now()
    cutoff = _cutoff(now)
    count, highest, others = 0, "", None
    with db.read() as session:
        # The clock is at or past every version it issued or observed: while it is not ahead, none of our
        # versions can be, and the tables need not be read (this runs on every look at the workbench).
        last = session.execute(select(Site.hlc_last).where(Site.id == 1)).scalar_one()
        if last >= cutoff:  # ahead: so would the next write be; count the records already stamped so
            count, highest = _future(session, db.site.site_id, cutoff)
            highest = max(highest, last)
            latest_sent = _others_latest(session, db.site.site_id)
            others = latest_sent if latest_sent is not None and latest_sent > now + FUTURE_SLACK else None
    if now >= EARLIEST and not highest:
        return None
    latest = wall_time(Version.decode(highest).wall_ms) if highest else None
    return ClockTrouble(now, count, latest, others)


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
    redated: dict[tuple[str, str], str] = {}  # (type, id) → its new version
    kinds = {ChangeKind.SYNC}
    with db.write(actor, action="sync.clock_repair") as session:
        newest = _newest_plausible(session, cutoff)
        clock = HybridClock(own_site, Version(newest.wall_ms, newest.counter, own_site) if newest else None)
        session.info[INFO_CLOCK] = clock  # this write's stamps come from the mended clock
        log: ChangeLog = session.info[INFO_CHANGES]
        for kind in SYNC_TYPES:
            model: Any = kind.model
            future = (model.version >= cutoff, _ours(model, own_site))
            own = list(session.scalars(select(model.id).where(model.owner_site == own_site, *future)))
            for start in range(0, len(own), BATCH):
                progress.check()
                progress.step(len(redated), trouble.future_records if trouble else 0,
                              f"正在校正修改时间……（{len(redated):,} 条）")
                redated.update(_redate(session, kind.model.__table__, own[start:start + BATCH], log, kind.name))
            # Our corrections of another office's records: through the session, so the correction keeps the
            # base it was made against (correction_hook) while the stamping hook dates it anew.
            corrected = list(session.scalars(select(model).where(model.owner_site != own_site, *future)))
            for row in corrected:
                flag_modified(row, "updated_at")
            session.flush()
            redated.update({(kind.name, row.id): row.version for row in corrected})
            if own or corrected:
                kinds.add(CHANGE_KINDS.get(kind.name, ChangeKind.SYNC))
        for conflict in session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))):
            version = redated.get((conflict.record_type, conflict.record_id))
            if version is not None:  # the same content under its new version: still what the conflict is about
                conflict.local_version = version
        site = session.execute(select(Site).where(Site.id == 1)).scalar_one()
        site.hlc_last = clock.last.encode()
    db.clock = clock  # every later write goes on from the mended clock
    return Mended(len(redated), Changes(kinds=frozenset(kinds)))


def _redate(session: Session, table: Any, ids: list[str], log: ChangeLog, type_name: str) -> dict[tuple[str, str], str]:
    """New versions and change numbers for these rows of ours, then their row hashes (over what is stored),
    in a few statements: a roster entered on a day the clock ran ahead is every record of the file."""
    connection = session.connection()
    quoted = '"' + str(table.name).replace('"', '""') + '"'
    stamps = list(allocate(session, len(ids)))
    connection.exec_driver_sql(
        f"UPDATE {quoted} SET version = ?, change_seq = ?, updated_at = ?, updated_by = ? WHERE id = ?",
        [(s.version, s.change_seq, s.updated_at.strftime(_DATETIME), s.updated_by, i)
         for s, i in zip(stamps, ids, strict=True)])
    cursor = connection.exec_driver_sql(f"SELECT * FROM {quoted} WHERE id IN (SELECT value FROM json_each(?))",
                                        (json.dumps(ids),))
    names = list(cursor.keys())
    rows = cursor.all()
    connection.exec_driver_sql(f"UPDATE {quoted} SET {rowhash.HASH_COLUMN} = ? WHERE id = ?", [
        (rowhash.digest(str(table.name), zip(names, row, strict=True)), row[names.index("id")]) for row in rows])
    for record_id in ids:
        log.note(str(table.name), record_id, new=False, fields=["version"])
    return {(type_name, i): s.version for s, i in zip(stamps, ids, strict=True)}
