"""The hash-chained audit trail written inside ``Database.write`` (RELIABILITY §3.4, house rule 10).

While a write transaction runs, ``ChangeLog`` gathers what its flushes and bulk inserts touched: per
table the number of new and changed rows, the names (never the values) of changed fields, and the
record ids. Before the commit ``append`` turns that into one ``audit`` row in the same transaction.
Each row's ``hash`` is sha256(previous hash ‖ canonical JSON of the row), so editing or removing a row
in the middle breaks the chain at that row; the table's triggers refuse UPDATE and DELETE besides.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from partydesk.core.changes import Actor
from partydesk.core.storage.tables import AuditRow

GENESIS = "0" * 64
# Bookkeeping that every write touches: naming it in each summary would say nothing.
BOOKKEEPING = frozenset({"version", "change_seq", "updated_at", "updated_by", "owner_site", "row_hash"})
# Tables whose rows are not records of their own: the site's counters, the trail itself.
UNAUDITED = frozenset({"site", "audit", "alembic_version"})


@dataclass
class _TableChanges:
    new: int = 0
    changed: int = 0
    fields: set[str] = field(default_factory=set)


@dataclass
class ChangeLog:
    """What one write transaction changed, gathered flush by flush."""

    tables: dict[str, _TableChanges] = field(default_factory=dict)
    record_ids: list[str] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)

    def note(self, table: str, record_id: object, *, new: bool, fields: Iterable[str] = ()) -> None:
        """One row written: ``new`` when inserted, else the names of the fields it changed."""
        if table in UNAUDITED:
            return
        entry = self.tables.setdefault(table, _TableChanges())
        key = f"{table}:{record_id}"
        if key not in self._seen:  # a row flushed twice in one transaction counts once
            self._seen.add(key)
            self.record_ids.append(str(record_id))
            if new:
                entry.new += 1
            else:
                entry.changed += 1
        if not new:
            entry.fields.update(f for f in fields if f not in BOOKKEEPING)

    @property
    def empty(self) -> bool:
        """True when the transaction changed no record (then no audit row is written)."""
        return not self.tables

    def summary(self) -> str:
        """Table names, counts and changed field names, e.g. ``member: 1 changed (phone, work_unit)``."""
        parts = []
        for table in sorted(self.tables):
            t = self.tables[table]
            bits = []
            if t.new:
                bits.append(f"{t.new} new")
            if t.changed:
                names = f" ({', '.join(sorted(t.fields))})" if t.fields else ""
                bits.append(f"{t.changed} changed{names}")
            parts.append(f"{table}: {', '.join(bits)}")
        return "; ".join(parts)


@dataclass(frozen=True)
class AuditEntry:
    """One audit row as the rest of the program sees it."""

    seq: int
    at: str
    actor_id: str
    actor_role: str
    action: str
    record_ids: tuple[str, ...]
    summary: str
    hash: str


def utc_stamp() -> str:
    """Now in UTC as ISO 8601 text with microseconds, the exact form stored and hashed."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(seq: int, at: str, actor_id: str, actor_role: str, action: str, record_ids: Sequence[str],
              summary: str) -> str:
    """The canonical JSON of a row's content (sorted keys, no spaces, UTF-8 kept as is)."""
    content = {"seq": seq, "at": at, "actor_id": actor_id, "actor_role": actor_role, "action": action,
               "record_ids": list(record_ids), "summary": summary}
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, content: str) -> str:
    """sha256 of the previous row's hash followed by this row's canonical JSON."""
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


def append(session: Session, actor: Actor, *, action: str, record_ids: Sequence[str], summary: str) -> int:
    """Append one chained row inside the caller's transaction; returns its seq.

    The write transaction began with BEGIN IMMEDIATE, so no other writer can append between the read
    of the last row and this insert.
    """
    last = session.execute(select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = utc_stamp()
    ids = list(record_ids)
    digest = chain_hash(prev, canonical(seq, at, actor.user_id, actor.role, action, ids, summary))
    session.execute(insert(AuditRow).values(
        seq=seq, at=at, actor_id=actor.user_id, actor_role=actor.role, action=action,
        record_ids=json.dumps(ids), summary=summary, hash=digest,
    ))
    return seq


def head(session: Session) -> tuple[int, str]:
    """The newest entry's number and chained hash: (0, GENESIS) while the trail is empty."""
    last = session.execute(select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)).first()
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(row.seq, row.at, row.actor_id, row.actor_role, row.action,
                      tuple(json.loads(row.record_ids)), row.summary, row.hash)


def latest(session: Session, limit: int) -> list[AuditEntry]:
    """The newest ``limit`` entries, newest first."""
    rows = session.execute(select(AuditRow).order_by(AuditRow.seq.desc()).limit(limit)).scalars()
    return [_entry(r) for r in rows]


def count(session: Session) -> int:
    """How many entries the trail holds."""
    return int(session.execute(select(func.count()).select_from(AuditRow)).scalar_one())


def first_break(session: Session) -> AuditEntry | None:
    """Walk the chain oldest first; the first row whose hash or position does not match, or None.

    A row removed from the middle shows as the next row no longer chaining to its predecessor. Cutting
    off the newest rows leaves a shorter chain that still verifies: only a copy of the head hash kept
    elsewhere (a sync file, a backup) can show that.
    """
    prev, expected_seq = GENESIS, 1
    for row in session.execute(select(AuditRow).order_by(AuditRow.seq)).scalars():
        try:
            ids = json.loads(row.record_ids)
        except ValueError:
            return _broken(row)
        content = canonical(row.seq, row.at, row.actor_id, row.actor_role, row.action, ids, row.summary)
        if row.seq != expected_seq or row.hash != chain_hash(prev, content):
            return _broken(row)
        prev, expected_seq = row.hash, row.seq + 1
    return None


def _broken(row: AuditRow) -> AuditEntry:
    ids: tuple[str, ...]
    try:
        ids = tuple(json.loads(row.record_ids))
    except ValueError:
        ids = ()
    return AuditEntry(row.seq, row.at, row.actor_id, row.actor_role, row.action, ids, row.summary, row.hash)
