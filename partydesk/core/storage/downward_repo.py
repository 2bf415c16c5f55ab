"""Storage of corrections and key notices (``sync_downward_tables``): the lines a package carries for them,
and what an import notes. Functions take a session and return plain values; no ORM row leaves this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from partydesk.core.clock import Version
from partydesk.core.exchange.canonical import canonical
from partydesk.core.storage.audit import ChangeLog
from partydesk.core.storage.stamping import INFO_CHANGES, utc_now
from partydesk.core.storage.sync_downward_tables import SyncCorrection, SyncKeyNotice, SyncKeyRevocation
from partydesk.core.storage.sync_records import TYPES_BY_NAME, to_record
from partydesk.core.storage.sync_tables import SyncPackage, SyncPeer

Line = tuple[str, bytes]


# -- corrections -----------------------------------------------------------------------------------


def correction_lines(session: Session, own_site: str, peer_site: str, after_seq: int) -> list[Line]:
    """Records of ``peer_site`` we corrected and still hold as our version, changed above ``after_seq``."""
    entries = session.execute(select(SyncCorrection).where(SyncCorrection.direction == "out",
                                                           SyncCorrection.owner_site == peer_site)).scalars()
    out: list[tuple[int, int, Line]] = []
    order = {name: index for index, name in enumerate(TYPES_BY_NAME)}
    for entry in entries:
        kind = TYPES_BY_NAME.get(entry.record_type)
        row: Any = session.get(kind.model, entry.record_id) if kind is not None else None
        if kind is None or row is None or row.change_seq <= after_seq or row.owner_site != peer_site:
            continue
        if Version.decode(row.version).site_id != own_site:
            continue  # the owner's later version replaced ours here: nothing left to correct
        record = to_record(kind, row)
        record["base_version"] = entry.base_version
        out.append((order[kind.name], row.change_seq, (kind.name, canonical(record))))
    return [line for _order, _seq, line in sorted(out, key=lambda item: item[:2])]


def with_bases(session: Session, lines: Sequence[Line]) -> list[Line]:
    """Our own records' lines, each naming as ``base_version`` the parent's correction it was edited on top of."""
    bases = dict(((t, i), b) for t, i, b in session.execute(
        select(SyncCorrection.record_type, SyncCorrection.record_id, SyncCorrection.base_version)
        .where(SyncCorrection.direction == "in")).all())
    if not bases:
        return list(lines)
    out: list[Line] = []
    for kind, line in lines:
        base = bases.get((kind, line_id(line)))
        if base is not None:
            record = json.loads(line)
            record["base_version"] = base
            line = canonical(record)
        out.append((kind, line))
    return out


def line_id(line: bytes) -> str:
    """A line's record id without parsing it: ``"id"`` is a bookkeeping key, never one of the data's keys."""
    start = line.rfind(b',"id":"') + 7
    return line[start:line.index(b'"', start)].decode("ascii") if start >= 7 else ""


def note_applied(session: Session, records: Iterable[Mapping[str, Any]], *, taken: bool = True) -> int:
    """Corrections from our parent just applied: remember the version taken, and say so in the audit entry.

    ``taken`` False: a correction seen and overruled (a conflict decided for our own version). Its version is
    remembered all the same, so our next version of the record names it as its base and the parent takes
    the decision as made on its correction; the audit says nothing of a correction taken.
    """
    log: ChangeLog | None = session.info.get(INFO_CHANGES)
    count = 0
    for record in records:
        key = ("in", str(record["type"]), str(record["id"]))
        found = session.get(SyncCorrection, key)
        if found is None:
            session.add(SyncCorrection(direction="in", record_type=key[1], record_id=key[2],
                                       owner_site=str(record["owner_site"]), base_version=str(record["version"]),
                                       created_at=utc_now()))
        else:
            found.base_version, found.created_at = str(record["version"]), utc_now()
        if log is not None and taken:
            log.note(TYPES_BY_NAME[key[1]].model.__tablename__, key[2], new=False, fields=["上级更正"])
        count += 1
    return count


def corrections_in(session: Session, record_type: str, record_ids: Sequence[str]) -> dict[str, datetime]:
    """When a correction from the parent was last applied to each of these records."""
    query = select(SyncCorrection.record_id, SyncCorrection.created_at).where(
        SyncCorrection.direction == "in", SyncCorrection.record_type == record_type,
        SyncCorrection.record_id.in_(list(record_ids)))
    return {r[0]: r[1] for r in session.execute(query)}


def corrected_bases(session: Session, record_type: str, record_ids: Sequence[str]) -> dict[str, str | None]:
    """The owner's version each of these records was at when we corrected it (None: made here for the owner).
    The ids go over as one JSON array (``json_each``): a re-sent snapshot may name more than SQLite's limit of
    bound values."""
    if not record_ids:
        return {}
    wanted = func.json_each(json.dumps(sorted(set(record_ids)))).table_valued("value")
    query = select(SyncCorrection.record_id, SyncCorrection.base_version).where(
        SyncCorrection.direction == "out", SyncCorrection.record_type == record_type,
        SyncCorrection.record_id.in_(select(wanted.c.value)))
    return {r[0]: r[1] for r in session.execute(query)}


def pending_corrections(session: Session, own_site: str) -> dict[str, int]:
    """Per owner site, how many of its records hold a correction of ours (for the status line)."""
    counts: dict[str, int] = {}
    for entry in session.execute(select(SyncCorrection).where(SyncCorrection.direction == "out")).scalars():
        kind = TYPES_BY_NAME.get(entry.record_type)
        row: Any = session.get(kind.model, entry.record_id) if kind is not None else None
        if row is not None and Version.decode(row.version).site_id == own_site:
            counts[entry.owner_site] = counts.get(entry.owner_site, 0) + 1
    return counts


# -- key notices -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """A key notice of ours for one peer."""

    id: int
    action: str
    key_id: str
    signed_by: str
    peer_site: str
    body: str
    acknowledged: bool


def acknowledged(row: Any) -> Any:
    """Whether a package to ``row.peer_site`` numbered ``row.from_seq`` or later came back acknowledged (SQL: a
    key notice's row, or a table of such rows, as a refusal's): what every such package carried has arrived."""
    return exists().where(SyncPackage.direction == "out", SyncPackage.peer_site == row.peer_site,
                          SyncPackage.channel_seq >= row.from_seq, SyncPackage.acked == 1)


def add_notices(session: Session, *, action: str, key_id: str, signed_by: str, body: str) -> int:
    """The notice for every registered peer, carried from each one's next channel number on; how many peers."""
    peers = list(session.execute(select(SyncPeer)).scalars())
    for peer in peers:
        session.add(SyncKeyNotice(action=action, key_id=key_id, signed_by=signed_by, peer_site=peer.site_id,
                                  from_seq=peer.next_channel_seq, body=body, created_at=utc_now()))
    return len(peers)


def notices(session: Session, peer_site: str | None = None) -> list[Notice]:
    """Our key notices (for one peer, or all), with whether the peer has acknowledged a package carrying it."""
    query = select(SyncKeyNotice).order_by(SyncKeyNotice.id)
    if peer_site is not None:
        query = query.where(SyncKeyNotice.peer_site == peer_site)
    out = []
    for row in session.execute(query).scalars():
        done = bool(session.execute(select(acknowledged(row))).scalar())
        out.append(Notice(row.id, row.action, row.key_id, row.signed_by, row.peer_site, row.body, done))
    return out


def drop_notices(session: Session, action: str, key_id: str) -> None:
    """Forget the notices about a key (every peer acknowledged them)."""
    session.execute(delete(SyncKeyNotice).where(SyncKeyNotice.action == action, SyncKeyNotice.key_id == key_id))


# -- revocation reasons ----------------------------------------------------------------------------


def note_revocation(session: Session, *, key_id: str, site_id: str, reason: str, source: str, by: str) -> None:
    """Why a peer's key was revoked (kept beside ``sync_peer_key.revoked_at``)."""
    if session.get(SyncKeyRevocation, key_id) is None:
        session.add(SyncKeyRevocation(key_id=key_id, site_id=site_id, reason=reason[:500], source=source,
                                      revoked_at=utc_now(), revoked_by=by))


def revocation_reasons(session: Session) -> dict[str, tuple[str, str, datetime]]:
    """key id → (reason, source, when), for every revocation noted here."""
    return {r.key_id: (r.reason, r.source, r.revoked_at)
            for r in session.execute(select(SyncKeyRevocation)).scalars()}
