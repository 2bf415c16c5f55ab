"""Storage of the exchange: registered peers and keys, the package ledger, the conflict queue, and applying
received records through the remote-write path (``Database.write(..., remote=True)``).

Functions take a session and return plain records; no ORM row leaves this module.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from operator import add, itemgetter
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from partydesk.core.clock import HybridClock, Version
from partydesk.core.exchange import parallel
from partydesk.core.exchange.merge import LocalState
from partydesk.core.storage.audit import ChangeLog
from partydesk.core.storage.stamping import INFO_CHANGES, INFO_CLOCK, INFO_WROTE, utc_now
from partydesk.core.storage.sync_fast import (
    BOOKKEEPING_ORDER,
    HashingWriter,
    decoder,
    indexes_set_aside,
    stored_time,
)
from partydesk.core.storage.sync_records import SyncType, local_row
from partydesk.core.storage.sync_tables import SyncConflict, SyncPackage, SyncPeer, SyncPeerKey, SyncRejection
from partydesk.core.storage.tables import Site


@dataclass(frozen=True)
class PeerKey:
    """A pinned public key pair of a peer."""

    key_id: str
    site_id: str
    signing_public: str
    encryption_public: str
    revoked: bool


@dataclass(frozen=True)
class Peer:
    """A registered site."""

    site_id: str
    org_code: str
    org_name: str
    relation: str
    registered_at: datetime
    acked_seq: int
    next_channel_seq: int


@dataclass(frozen=True)
class PackageEntry:
    """One row of the package ledger."""

    package_id: str
    direction: str
    kind: str
    peer_site: str
    channel_seq: int
    covers_to: int
    created_at: datetime
    handled_at: datetime
    handled_by: str
    file_name: str
    state: str
    gap: str
    counts: dict[str, int]
    acked: bool
    audit_head: str = ""  # in: the sender's audit trail head as the package named it ("seq:hash")


@dataclass(frozen=True)
class ConflictEntry:
    """One queued conflict."""

    id: int
    record_type: str
    record_id: str
    package_id: str
    local_version: str
    incoming: dict[str, Any]
    reason: str
    created_at: datetime


def _peer(row: SyncPeer) -> Peer:
    return Peer(row.site_id, row.org_code, row.org_name, row.relation, row.registered_at, row.acked_seq,
                row.next_channel_seq)


def _entry(row: SyncPackage) -> PackageEntry:
    return PackageEntry(row.package_id, row.direction, row.kind, row.peer_site, row.channel_seq, row.covers_to,
                        row.created_at, row.handled_at, row.handled_by, row.file_name, row.state, row.gap,
                        json.loads(row.counts or "{}"), bool(row.acked), row.audit_head or "")


# -- peers and keys --------------------------------------------------------------------------------


def register_peer(session: Session, *, site_id: str, org_code: str, org_name: str, relation: str,
                  key_id: str, signing_public: str, encryption_public: str, by: str) -> bool:
    """Register a site with its key (or add the key to a site already known); False when nothing changed."""
    now = utc_now()
    peer = session.get(SyncPeer, site_id)
    changed = False
    if peer is None:
        session.add(SyncPeer(site_id=site_id, org_code=org_code, org_name=org_name, relation=relation,
                             registered_at=now, registered_by=by, acked_seq=0, next_channel_seq=1))
        changed = True
    if session.get(SyncPeerKey, key_id) is None:
        session.add(SyncPeerKey(key_id=key_id, site_id=site_id, signing_public=signing_public,
                                encryption_public=encryption_public, added_at=now, revoked_at=None))
        changed = True
    return changed


def revoke_key(session: Session, key_id: str) -> bool:
    """Mark a pinned key revoked; it verifies nothing from now on."""
    key = session.get(SyncPeerKey, key_id)
    if key is None or key.revoked_at is not None:
        return False
    key.revoked_at = utc_now()
    return True


def peers(session: Session) -> list[Peer]:
    """Every registered site, by organisation code."""
    return [_peer(r) for r in session.execute(select(SyncPeer).order_by(SyncPeer.org_code)).scalars()]


def peer(session: Session, site_id: str) -> Peer | None:
    """The registered site with this id, or None."""
    row = session.get(SyncPeer, site_id)
    return _peer(row) if row is not None else None


def peer_by_code(session: Session, org_code: str) -> list[Peer]:
    """Registered sites with this organisation code (normally one)."""
    return [_peer(r) for r in session.execute(select(SyncPeer).where(SyncPeer.org_code == org_code)).scalars()]


def peer_key(session: Session, key_id: str) -> PeerKey | None:
    """A pinned key by id."""
    row = session.get(SyncPeerKey, key_id)
    if row is None:
        return None
    return PeerKey(row.key_id, row.site_id, row.signing_public, row.encryption_public, row.revoked_at is not None)


def keys_of(session: Session, site_id: str) -> list[PeerKey]:
    """Every key pinned for a peer, oldest first (revoked ones included)."""
    rows = session.execute(select(SyncPeerKey).where(SyncPeerKey.site_id == site_id)
                           .order_by(SyncPeerKey.added_at)).scalars()
    return [PeerKey(r.key_id, r.site_id, r.signing_public, r.encryption_public, r.revoked_at is not None) for r in rows]


def current_key(session: Session, site_id: str) -> PeerKey | None:
    """The newest unrevoked key of a peer (what we encrypt to)."""
    row = session.execute(select(SyncPeerKey).where(SyncPeerKey.site_id == site_id, SyncPeerKey.revoked_at.is_(None))
                          .order_by(SyncPeerKey.added_at.desc())).scalars().first()
    return peer_key(session, row.key_id) if row is not None else None


# -- the ledger ------------------------------------------------------------------------------------


def take_channel_seq(session: Session, site_id: str, *, past: int = 0) -> int:
    """The next channel number towards a peer (above ``past``, a number known to be taken), advancing it."""
    peer_row = session.get(SyncPeer, site_id)
    if peer_row is None:
        raise KeyError(site_id)
    seq = max(peer_row.next_channel_seq, past + 1)
    peer_row.next_channel_seq = seq + 1
    return seq


def last_out(session: Session, site_id: str) -> PackageEntry | None:
    """The last package written towards a peer."""
    row = session.execute(select(SyncPackage).where(SyncPackage.direction == "out", SyncPackage.peer_site == site_id)
                          .order_by(SyncPackage.channel_seq.desc())).scalars().first()
    return _entry(row) if row is not None else None


def add_package(session: Session, *, package_id: str, direction: str, kind: str, peer_site: str, channel_seq: int,
                covers_to: int, created_at: datetime, by: str, file_name: str, state: str, gap: str = "",
                counts: Mapping[str, int] | None = None, audit_head: str = "") -> None:
    """One row of the ledger (a package written or imported)."""
    session.add(SyncPackage(package_id=package_id, direction=direction, kind=kind, peer_site=peer_site,
                            channel_seq=channel_seq, covers_to=covers_to, created_at=created_at,
                            handled_at=utc_now(), handled_by=by, file_name=file_name, state=state, gap=gap,
                            counts=json.dumps(dict(counts or {}), sort_keys=True), acked=0, audit_head=audit_head))


def member_names(session: Session, ids: Collection[str]) -> dict[str, str]:
    """The names the members with these ids have here now (live or deleted), by id."""
    from partydesk.core.storage.tables import Member

    found: dict[str, str] = {}
    wanted = list(ids)
    for start in range(0, len(wanted), 500):
        found.update((str(i), str(n)) for i, n in session.execute(
            select(Member.id, Member.name).where(Member.id.in_(wanted[start:start + 500]))).all())
    return found


def gap_filled(session: Session, peer_site: str, channel_seq: int) -> None:
    """The package with this number from ``peer_site`` has arrived: the one after it (whose prerequisite it is,
    a channel's numbers running on by one) no longer notes it as missing."""
    session.execute(update(SyncPackage).where(SyncPackage.direction == "in", SyncPackage.peer_site == peer_site,
                                              SyncPackage.channel_seq == channel_seq + 1).values(gap=""))


def package(session: Session, package_id: str) -> PackageEntry | None:
    """A ledger entry by package id."""
    row = session.get(SyncPackage, package_id)
    return _entry(row) if row is not None else None


def incoming_at(session: Session, peer_site: str, channel_seq: int) -> PackageEntry | None:
    """The package imported from ``peer_site`` with this channel number."""
    row = session.execute(select(SyncPackage).where(SyncPackage.direction == "in", SyncPackage.peer_site == peer_site,
                                                    SyncPackage.channel_seq == channel_seq)).scalars().first()
    return _entry(row) if row is not None else None


def packages(session: Session, limit: int = 500) -> list[PackageEntry]:
    """The ledger, newest first."""
    query = select(SyncPackage).order_by(SyncPackage.handled_at.desc()).limit(limit)
    return [_entry(r) for r in session.execute(query).scalars()]


def unacknowledged_in(session: Session, peer_site: str) -> list[str]:
    """Ids of packages imported from a peer that no receipt has gone back for yet."""
    query = select(SyncPackage.package_id).where(SyncPackage.direction == "in", SyncPackage.peer_site == peer_site,
                                                 SyncPackage.acked == 0)
    return list(session.execute(query).scalars())


def mark_receipts_sent(session: Session, package_ids: Sequence[str]) -> None:
    """The receipts for these imported packages are on their way back."""
    if package_ids:
        session.execute(update(SyncPackage).where(SyncPackage.package_id.in_(package_ids)).values(acked=1))


def acknowledge(session: Session, peer_site: str, package_ids: Iterable[str]) -> int:
    """Packages of ours the peer says it imported: mark them and advance its watermark; returns how many."""
    ids = list(package_ids)
    if not ids:
        return 0
    rows = list(session.execute(select(SyncPackage).where(
        SyncPackage.direction == "out", SyncPackage.peer_site == peer_site, SyncPackage.package_id.in_(ids),
        SyncPackage.acked == 0)).scalars())
    for row in rows:
        row.acked = 1
        row.state = "acknowledged"
    peer_row = session.get(SyncPeer, peer_site)
    if rows and peer_row is not None:
        # A package covers every owned change from the watermark at its export up to its covers_to, and
        # the watermark only grows: whichever package comes back, everything up to its covers_to arrived.
        peer_row.acked_seq = max(peer_row.acked_seq, *(r.covers_to for r in rows))
    return len(rows)


@dataclass(frozen=True)
class RejectionEntry:
    """A package refused at import (the ledger's ``rejected`` rows)."""

    id: int
    file_name: str
    file_size: int
    org_code: str
    site_id: str
    reason: str
    message: str
    rejected_at: datetime
    rejected_by: str


def add_rejection(session: Session, *, file_name: str, file_size: int, org_code: str, site_id: str, reason: str,
                  message: str, by: str) -> None:
    """Record a refused package; the same file refused again for the same reason (checked twice) keeps its one
    row, dated afresh."""
    same = session.execute(select(SyncRejection).where(
        SyncRejection.file_name == file_name[:260], SyncRejection.file_size == file_size,
        SyncRejection.org_code == org_code[:32], SyncRejection.reason == reason[:32])).scalars().first()
    if same is not None:
        same.rejected_at, same.rejected_by, same.message = utc_now(), by, message
        return
    session.add(SyncRejection(file_name=file_name[:260], file_size=file_size, org_code=org_code[:32],
                              site_id=site_id[:36], reason=reason[:32], message=message, rejected_at=utc_now(),
                              rejected_by=by))


def rejections(session: Session, limit: int = 500) -> list[RejectionEntry]:
    """Refused packages, newest first."""
    query = select(SyncRejection).order_by(SyncRejection.rejected_at.desc(), SyncRejection.id.desc()).limit(limit)
    return [RejectionEntry(r.id, r.file_name, r.file_size, r.org_code, r.site_id, r.reason, r.message,
                           r.rejected_at, r.rejected_by) for r in session.execute(query).scalars()]


# -- records ---------------------------------------------------------------------------------------


def decode_data(kind: SyncType, data: Mapping[str, Any], type_version: int | None = None) -> tuple[Any, ...]:
    """A record's data as stored column values (``SyncType.columns`` order); ValueError/TypeError naming
    the first bad column (a record of an earlier ``type_version`` without the columns added since)."""
    return decoder(kind)(data, type_version)


_MANY_IDS = 1000


def holds_any(session: Session, kind: SyncType) -> bool:
    """Whether the table of this record type has any row at all (live, deleted, anyone's)."""
    model: Any = kind.model
    return session.execute(select(model.id).limit(1)).first() is not None


def local_states(session: Session, kind: SyncType, ids: Sequence[str]) -> dict[str, LocalState]:
    """The local bookkeeping of the rows among ``ids`` that exist, by id: one query, the ids handed over as
    one JSON array (``json_each``) and looked up through the primary key."""
    model: Any = kind.model
    if not ids or (len(ids) >= _MANY_IDS and not holds_any(session, kind)):
        return {}  # none asked for, or many asked of an empty table (a first snapshot): nothing to look up
    wanted = func.json_each(json.dumps(sorted(set(ids)))).table_valued("value")
    query = select(model.id, model.version, model.deleted, model.owner_site).where(
        model.id.in_(select(wanted.c.value)))
    return {r[0]: LocalState(r[1], bool(r[2]), r[3]) for r in session.execute(query)}


WRITE_BATCH = 2000  # rows per executemany: small enough that a cancel is heard within a moment
_VERSION, _ID, _OWNER, _DELETED, _UPDATED_AT, _UPDATED_BY = map(
    itemgetter, ("version", "id", "owner_site", "deleted", "updated_at", "updated_by"))


Received = Sequence[tuple[Mapping[str, Any], tuple[Any, ...]]]


def apply_records(session: Session, kind: SyncType, records: Received, *, existing: set[str],
                  step: Callable[[], None] | None = None) -> None:
    """Write received records of one type as they came (version, author, owner kept), in bulk.

    ``records`` pairs each record with its column values as stored (``decode_data``). Rows not in
    ``existing`` are inserted and the rest overwritten, each with the next local change_seq and its row
    hash (``HashingWriter``); many new rows into a table holding fewer go in with its indexes set aside
    (``indexes_set_aside``); the clock observes the newest version once. ``step`` is called once per row,
    after the batch holding it is written. This is the remote-write path for many rows at once.
    """
    apply_batches(session, [(kind, records, existing)], step=step)


@dataclass(frozen=True)
class _Rows:
    """One type's received rows as written: hashed, split into new and overwritten."""

    fresh: list[tuple[Any, ...]]
    changed: list[tuple[Any, ...]]
    newest: str


def _rows(writer: HashingWriter, records: Received, existing: set[str], first_seq: int) -> _Rows:
    """The rows of ``records``: the values, then the bookkeeping in BOOKKEEPING_ORDER with change_seq from
    ``first_seq`` on (built a column at a time, joined to the values by C-level tuple concatenation; the
    ``deleted`` flag as the 0/1 stored), then the row hash. Touches neither the session nor the file, so it
    may run on another thread."""
    got = [record for record, _values in records]
    versions = list(map(str, map(_VERSION, got)))
    bookkeeping = zip(map(_ID, got), map(_OWNER, got), versions, map(int, map(_DELETED, got)),
                      map(stored_time, map(str, map(_UPDATED_AT, got))), map(str, map(_UPDATED_BY, got)),
                      range(first_seq, first_seq + len(got)), strict=True)
    rows = list(map(add, (values for _record, values in records), bookkeeping))
    if existing:
        fresh = [row for row, record in zip(rows, got, strict=True) if record["id"] not in existing]
        changed = [row for row, record in zip(rows, got, strict=True) if record["id"] in existing]
    else:
        fresh, changed = rows, []
    return _Rows(writer.hashed(fresh), writer.hashed(changed), max(versions))


def apply_batches(session: Session, batches: Sequence[tuple[SyncType, Received, set[str]]], *,
                  step: Callable[[], None] | None = None, beside: Callable[[], None] | None = None) -> None:
    """``apply_records`` for several types in turn (parents first), with change_seq running on across them.

    Building a table's indexes again after a bulk write is one long SQLite call that lets go of the
    interpreter lock; the next type's rows are laid out and hashed on a second thread meanwhile
    (``parallel``), and written once both are done. While the last type's indexes are built, ``beside`` is
    called to start the caller's own work on a second thread (not called when they are not set aside).
    """
    batches = [batch for batch in batches if batch[1]]
    if not batches:
        return
    site = session.execute(select(Site).where(Site.id == 1)).scalar_one()
    clock: HybridClock = session.info[INFO_CLOCK]
    log: ChangeLog | None = session.info.get(INFO_CHANGES)
    plans = []
    first = site.change_seq + 1
    for kind, records, existing in batches:
        table: Any = kind.model.__table__
        plans.append((str(table.name), HashingWriter(session, table, [c.name for c in kind.columns]),
                      records, existing, first))
        first += len(records)
    site.change_seq = first - 1
    newest = ""
    pending: Future[_Rows] | None = None
    for at, (table_name, writer, records, existing, first_seq) in enumerate(plans):
        rows = pending.result() if pending is not None else _rows(writer, records, existing, first_seq)
        pending = None
        with indexes_set_aside(session, table_name, len(rows.fresh)) as aside:
            for write, some in ((writer.insert, rows.fresh), (writer.update, rows.changed)):
                for start in range(0, len(some), WRITE_BATCH):  # a step (progress, a pending cancel) per row written
                    write(some[start:start + WRITE_BATCH])
                    if step is not None:
                        for _row in range(min(WRITE_BATCH, len(some) - start)):
                            step()
            if aside and at + 1 < len(plans):  # the indexes are built again on leaving the block
                pending = parallel.started(_rows, *plans[at + 1][1:])
            elif aside and beside is not None:
                beside()
        if log is not None:
            id_at = len(writer.names) - len(BOOKKEEPING_ORDER)
            for row in rows.changed:
                log.note(table_name, row[id_at], new=False, fields=["received"])
        newest = max(newest, rows.newest)
    clock.observe(Version.decode(newest))
    site.hlc_last = clock.last.encode()
    session.info[INFO_WROTE] = True


def restamp(session: Session, kind: SyncType, record_id: str) -> None:
    """Give the live local row a new version (same values) in this local write, so it is sent again: the
    stamping hook versions it, the correction hook notes it when the record is another site's."""
    row = local_row(session, kind, record_id)
    if row is not None and not row.deleted:
        flag_modified(row, "updated_at")


def queue_conflict(session: Session, record: Mapping[str, Any], *, local_version: str, package_id: str,
                   reason: str, incoming_json: str) -> None:
    """Keep an incoming version beside the local one for a person to decide: one decision per record, on the
    sender's newest version. The same version sent again (after a lost receipt) is already waiting; a newer
    one (the sender changed the record again, or kept its own after seeing ours) takes the place of the one
    waiting, which is closed as ``superseded``; an older one arriving late is not queued."""
    waiting = session.execute(select(SyncConflict).where(
        SyncConflict.record_type == str(record["type"]), SyncConflict.record_id == str(record["id"]),
        SyncConflict.resolved_at.is_(None))).scalars().all()
    incoming = str(record["version"])
    for row in waiting:
        queued = str(json.loads(row.incoming).get("version", ""))
        if queued >= incoming:
            return
        row.resolved_at, row.resolution = utc_now(), "superseded"
    session.add(SyncConflict(record_type=str(record["type"]), record_id=str(record["id"]), package_id=package_id,
                             local_version=local_version, incoming=incoming_json, reason=reason,
                             created_at=utc_now(), resolved_at=None, resolution=""))


def open_conflicts(session: Session) -> list[ConflictEntry]:
    """Conflicts no one has decided yet, oldest first."""
    query = select(SyncConflict).where(SyncConflict.resolved_at.is_(None)).order_by(SyncConflict.id)
    return [ConflictEntry(r.id, r.record_type, r.record_id, r.package_id, r.local_version, json.loads(r.incoming),
                          r.reason, r.created_at) for r in session.execute(query).scalars()]


def open_conflict_count(session: Session) -> tuple[int, int | None]:
    """(how many conflicts wait for a decision, the id of the newest of them): one aggregate query."""
    count, newest = session.execute(select(func.count(SyncConflict.id), func.max(SyncConflict.id))
                                    .where(SyncConflict.resolved_at.is_(None))).one()
    return int(count), newest


def conflict(session: Session, conflict_id: int) -> ConflictEntry | None:
    """One queued conflict by id (open or not)."""
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        return None
    return ConflictEntry(row.id, row.record_type, row.record_id, row.package_id, row.local_version,
                         json.loads(row.incoming), row.reason, row.created_at)


def local_values(session: Session, kind: SyncType, record_id: str) -> dict[str, Any] | None:
    """The local row's own columns as JSON-ready values (for showing beside the incoming version)."""
    table: Any = kind.model.__table__
    row = session.execute(select(table).where(table.c.id == record_id)).first()
    if row is None:
        return None
    values = row._mapping
    return {c.name: values[c.name] for c in kind.columns}


def local_changed_at(session: Session, kind: SyncType, record_id: str) -> datetime | None:
    """When the local row was last written (UTC, as stored); None when there is none."""
    table: Any = kind.model.__table__
    found = session.execute(select(table.c.updated_at).where(table.c.id == record_id)).scalar_one_or_none()
    return found if isinstance(found, datetime) else None


def close_conflict(session: Session, conflict_id: int, resolution: str) -> bool:
    """Mark a conflict decided (``kept_local`` or ``took_incoming``; an import closes the ones it overtakes as
    ``superseded``); False when it was already closed."""
    row = session.get(SyncConflict, conflict_id)
    if row is None or row.resolved_at is not None:
        return False
    row.resolved_at = utc_now()
    row.resolution = resolution
    return True


def supersede_conflicts(session: Session, applied: Iterable[tuple[str, str, str]]) -> int:
    """Close the open conflicts that versions just applied have overtaken: ``applied`` holds (type, id,
    version) of records an import wrote over the local row. A conflict on such a record whose incoming
    version is older weighed a local row that is gone against a version its sender has since replaced
    (a branch that took the committee's correction and sent its decision): nothing is left to decide.
    Returns how many were closed; one query while none is open."""
    waiting = session.execute(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))).scalars().all()
    if not waiting:
        return 0
    newest = {(kind, record_id): version for kind, record_id, version in applied}
    closed = 0
    for row in waiting:
        version = newest.get((row.record_type, row.record_id))
        if version is not None and str(json.loads(row.incoming).get("version", "")) < version:
            row.resolved_at, row.resolution = utc_now(), "superseded"
            closed += 1
    return closed


@dataclass(frozen=True)
class BranchFigures:
    """An organisation of the file and its members on the roll, for the committee's comparison view."""

    org_id: str
    org_code: str
    org_name: str
    owner_site: str
    members: int


def branch_figures(session: Session) -> list[BranchFigures]:
    """Every organisation with its members on the roll (one grouped query): as its workbench counts them, so a
    member the branch recorded as transferred out, or dead, is no longer among them."""
    from partydesk.core.storage.dashboard_repo import on_roll
    from partydesk.core.storage.tables import Member, Organisation

    members = dict(session.execute(select(Member.org_id, func.count()).where(on_roll())
                                   .group_by(Member.org_id)).all())
    orgs = session.execute(select(Organisation.id, Organisation.code, Organisation.name, Organisation.owner_site)
                           .where(Organisation.deleted.is_(False)).order_by(Organisation.code)).all()
    return [BranchFigures(o[0], o[1], o[2], o[3], int(members.get(o[0], 0))) for o in orgs]
