"""Storage of refused records (``sync_refusal``): what an import refused of a peer's records, to tell the peer;
what a peer told us it refused of ours, to show and send again. Plain values in and out.

The refusal travels as a line of its own type (``REFUSAL_TYPE``) in the next package to the peer, like a key
notice: not a synced table, taken out of the package before its records are staged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.core.exchange.canonical import canonical, data_hash
from partydesk.core.storage.downward_repo import acknowledged, line_id
from partydesk.core.storage.stamping import utc_now
from partydesk.core.storage.sync_downward_tables import SyncRefusal
from partydesk.core.storage.sync_records import TYPES_BY_NAME, to_record

REFUSAL_TYPE = "record_refusal"  # the record type of a refusal inside a package
REFUSED, CLEARED = "refused", "cleared"
FIELDS = frozenset({"record_type", "record_id", "version", "reason", "state", "at"})
Line = tuple[str, bytes]


@dataclass(frozen=True)
class Refusal:
    """One refused record."""

    peer_site: str
    record_type: str
    record_id: str
    version: str
    reason: str
    state: str
    changed_at: datetime


# -- the office that refused -----------------------------------------------------------------------


def note_outcomes(session: Session, peer_site: str, next_seq: int, refused: Sequence[tuple[str, str, str, str]],
                  taken: Iterable[tuple[str, str]]) -> None:
    """After an import from ``peer_site``: its records refused now, as (type, id, version, reason), to be told
    from its channel number ``next_seq`` on; and of ``taken`` (type, id: the records it did not refuse), those
    refused before, now cleared. ``taken`` is only read when something of the peer's stands refused."""
    now = utc_now()
    held = {(r.record_type, r.record_id): r for r in session.execute(
        select(SyncRefusal).where(SyncRefusal.direction == "out", SyncRefusal.peer_site == peer_site)).scalars()}
    standing = {key for key, row in held.items() if row.state == REFUSED}
    if standing:
        for key in taken:
            if key in standing:
                row = held[key]
                row.state, row.from_seq, row.changed_at = CLEARED, next_seq, now
    for record_type, record_id, version, reason in refused:
        key = (record_type[:40], record_id[:64])
        found = held.get(key)
        if found is None:
            row = held[key] = SyncRefusal(direction="out", peer_site=peer_site, record_type=key[0], record_id=key[1])
            session.add(row)
        elif (found.state, found.version, found.reason) == (REFUSED, version[:80], reason[:500]):
            continue  # refused again as before: the peer knows already, or will with the package under way
        else:
            row = found
        row.version, row.reason, row.state, row.from_seq, row.changed_at = version[:80], reason[:500], REFUSED, \
            next_seq, now


def refusal_lines(session: Session, own_site: str, peer_site: str) -> list[Line]:
    """The refusals (and clearings) the peer has yet to acknowledge, as package lines."""
    query = (select(SyncRefusal).where(SyncRefusal.direction == "out", SyncRefusal.peer_site == peer_site,
                                       ~acknowledged(SyncRefusal))
             .order_by(SyncRefusal.record_type, SyncRefusal.record_id))
    out = []
    for row in session.execute(query).scalars():
        data = {"record_type": row.record_type, "record_id": row.record_id, "version": row.version,
                "reason": row.reason, "state": row.state, "at": row.changed_at.isoformat()}
        record = {"type": REFUSAL_TYPE, "type_version": 1, "id": f"{row.record_type}:{row.record_id}",
                  "owner_site": own_site, "version": "", "base_version": None, "deleted": False,
                  "updated_at": "", "updated_by": "", "data": data, "row_hash": data_hash(data)}
        out.append((REFUSAL_TYPE, canonical(record)))
    return out


# -- the office whose records were refused ---------------------------------------------------------


def take(session: Session, peer_site: str, told: Sequence[dict[str, str]], *,
         apply: bool = True) -> tuple[list[Refusal], int]:
    """What ``peer_site`` told us of our records (``told``: each refusal's data, its ``at`` when the peer
    decided): refused ones remembered, cleared ones marked so. A word older than the one held for the record
    (packages imported out of order) changes nothing. Returns the refusals new or changed, and how many were
    cleared (``apply`` False: the same answer, nothing written)."""
    fresh, cleared = [], 0
    for item in told:
        key = ("in", peer_site, item["record_type"], item["record_id"])
        at = datetime.fromisoformat(item["at"])
        row = session.get(SyncRefusal, key)
        if row is not None and (row.changed_at >= at or (row.state, row.version, row.reason) == (
                item["state"], item["version"], item["reason"])):
            continue
        if item["state"] == CLEARED:
            if row is None or row.state == CLEARED:
                continue
            cleared += 1
        else:
            fresh.append(Refusal(peer_site, key[2], key[3], item["version"], item["reason"], REFUSED, at))
        if not apply:
            continue
        if row is None:
            row = SyncRefusal(direction="in", peer_site=peer_site, record_type=key[2], record_id=key[3], from_seq=0)
            session.add(row)
        row.version, row.reason, row.state, row.changed_at = item["version"], item["reason"], item["state"], at
    return fresh, cleared


def refused_here(session: Session) -> list[Refusal]:
    """Our records the peers told us they refused, oldest first."""
    query = (select(SyncRefusal).where(SyncRefusal.direction == "in", SyncRefusal.state == REFUSED)
             .order_by(SyncRefusal.changed_at, SyncRefusal.record_type, SyncRefusal.record_id))
    return [Refusal(r.peer_site, r.record_type, r.record_id, r.version, r.reason, r.state, r.changed_at)
            for r in session.execute(query).scalars()]


def resend_lines(session: Session, own_site: str, peer_site: str, carried: Sequence[Line]) -> list[Line]:
    """Our records ``peer_site`` refused, as they are now, for a package to it that does not carry them already
    (``carried``: its lines so far). A record no longer ours (moved to another office) is not sent.

    Nothing refused (the usual case) costs one query: the lines carried are only looked through when there
    is something to send again, and the records are read a batch of ids at a time, not one by one."""
    refused = session.execute(select(SyncRefusal.record_type, SyncRefusal.record_id).where(
        SyncRefusal.direction == "in", SyncRefusal.state == REFUSED, SyncRefusal.peer_site == peer_site)).all()
    if not refused:
        return []
    present = {(kind, line_id(line)) for kind, line in carried}
    wanted: dict[str, list[str]] = {}
    for record_type, record_id in refused:
        if record_type in TYPES_BY_NAME and (record_type, record_id) not in present:
            wanted.setdefault(record_type, []).append(record_id)
    order = {name: index for index, name in enumerate(TYPES_BY_NAME)}
    out: list[tuple[int, int, Line]] = []
    for name, ids in wanted.items():
        kind = TYPES_BY_NAME[name]
        model: Any = kind.model
        for start in range(0, len(ids), _ID_BATCH):
            query = select(model).where(model.id.in_(ids[start:start + _ID_BATCH]), model.owner_site == own_site)
            out += [(order[name], record.change_seq, (name, canonical(to_record(kind, record))))
                    for record in session.execute(query).scalars()]
    return [line for _order, _seq, line in sorted(out, key=lambda item: item[:2])]


_ID_BATCH = 500  # ids per query (well below SQLite's limit on bound values)
