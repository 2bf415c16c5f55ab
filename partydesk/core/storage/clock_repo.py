"""The queries behind mending a clock that ran ahead (``services.sync_clock``): versions this office's clock
issued ahead of a cutoff, the latest time other offices' data carries, the newest plausible version, and
the re-dating itself.

A version is fixed-width text ``<wall>-<counter>-<site>`` (``clock.Version``), so text order is time order
and the site whose clock issued it is the text from ``SITE_AT`` on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from partydesk.core.clock import COUNTER_WIDTH, WALL_WIDTH, HybridClock, Version
from partydesk.core.storage import rowhash
from partydesk.core.storage.audit import ChangeLog
from partydesk.core.storage.stamping import INFO_CHANGES, INFO_CLOCK, allocate
from partydesk.core.storage.sync_records import SYNC_TYPES
from partydesk.core.storage.sync_tables import SyncConflict, SyncPackage
from partydesk.core.storage.tables import Site

SITE_AT = WALL_WIDTH + COUNTER_WIDTH + 3  # where the site id starts in "<wall>-<count>-<site>" (SQL, from 1)
_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's storage format for DateTime on SQLite
BATCH = 5_000  # records re-dated per statement (and per step of the progress)


def _ours(model: Any, own_site: str) -> Any:
    """Versions this office's clock issued (its own records, and its corrections of other offices')."""
    return func.substr(model.version, SITE_AT) == own_site


def clock_last(session: Session) -> str:
    """The newest version this office's clock issued or observed, as saved in the file."""
    return str(session.execute(select(Site.hlc_last).where(Site.id == 1)).scalar_one())


def future_versions(session: Session, own_site: str, cutoff: str) -> tuple[int, str]:
    """(how many records carry a version of ours at or above ``cutoff``, the highest such version)."""
    count, highest = 0, ""
    for kind in SYNC_TYPES:
        model: Any = kind.model
        found, top = session.execute(select(func.count(), func.max(model.version)).where(
            model.version >= cutoff, _ours(model, own_site))).one()
        count += int(found)
        highest = max(highest, top or "")
    return count, highest


def others_latest(session: Session, own_site: str,
                  wall_time: Callable[[int], datetime]) -> tuple[datetime | None, datetime | None]:
    """The latest times other offices' data held here carries: (when the newest package imported was
    written, by its sender's clock; the newest version another office's clock gave a record held here)."""
    written = session.execute(select(func.max(SyncPackage.created_at)).where(
        SyncPackage.direction == "in")).scalar_one_or_none()
    newest = ""
    for kind in SYNC_TYPES:
        model: Any = kind.model
        top = session.execute(select(func.max(model.version)).where(
            func.substr(model.version, SITE_AT) != own_site)).scalar_one_or_none()
        newest = max(newest, top or "")
    return written, wall_time(Version.decode(newest).wall_ms) if newest else None


def newest_plausible(session: Session, cutoff: str) -> Version | None:
    """The newest version below ``cutoff`` held in any synced table (ours or received): a mended clock must
    still issue versions after every one of them."""
    newest = ""
    for kind in SYNC_TYPES:
        model: Any = kind.model
        top = session.execute(select(func.max(model.version)).where(model.version < cutoff)).scalar_one_or_none()
        newest = max(newest, top or "")
    return Version.decode(newest) if newest else None


def redate_future(session: Session, own_site: str, cutoff: str, clock: HybridClock,
                  step: Callable[[int], None]) -> dict[tuple[str, str], str]:
    """Inside the caller's write: every record whose version our clock issued at or above ``cutoff`` takes a
    fresh version from ``clock`` and a new change number; a conflict waiting on one follows its new version;
    the clock is saved. Returns (type, id) → new version. ``step`` hears the count so far after each batch
    (and may raise to cancel: the caller's transaction then rolls back)."""
    session.info[INFO_CLOCK] = clock  # this write's stamps come from the mended clock
    log: ChangeLog = session.info[INFO_CHANGES]
    redated: dict[tuple[str, str], str] = {}
    for kind in SYNC_TYPES:
        model: Any = kind.model
        future = (model.version >= cutoff, _ours(model, own_site))
        own = list(session.scalars(select(model.id).where(model.owner_site == own_site, *future)))
        for start in range(0, len(own), BATCH):
            redated.update(_redate(session, model.__table__, own[start:start + BATCH], log, kind.name))
            step(len(redated))
        # Our corrections of another office's records: through the session, so the correction keeps the base
        # it was made against (correction_hook) while the stamping hook dates it anew.
        corrected = list(session.scalars(select(model).where(model.owner_site != own_site, *future)))
        for row in corrected:
            flag_modified(row, "updated_at")
        session.flush()
        redated.update({(kind.name, row.id): row.version for row in corrected})
        if corrected:
            step(len(redated))
    for conflict in session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))):
        version = redated.get((conflict.record_type, conflict.record_id))
        if version is not None:  # the same content under its new version: still what the conflict is about
            conflict.local_version = version
    session.execute(select(Site).where(Site.id == 1)).scalar_one().hlc_last = clock.last.encode()
    return redated


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
    at = names.index("id")
    connection.exec_driver_sql(f"UPDATE {quoted} SET {rowhash.HASH_COLUMN} = ? WHERE id = ?", [
        (rowhash.digest(str(table.name), zip(names, row, strict=True)), row[at]) for row in cursor.all()])
    for record_id in ids:
        log.note(str(table.name), record_id, new=False, fields=["version"])
    return {(type_name, i): s.version for s, i in zip(stamps, ids, strict=True)}
