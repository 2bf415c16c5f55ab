"""The audit trail as a use case: record reading personal data in full, list the trail, verify its chain.

Every write is audited inside ``Database.write`` itself; this module adds the reads that need a trace
(RELIABILITY §3.4): revealing full numbers on screen ("reveal"), unmasked exports ("export.unmasked"),
printing member cards ("card.print") and meeting documents that name members ("meeting.print").
Summaries say what kind of data and how much, never the data: a summary holding a run of digits (an ID
or phone number) is refused as a programming error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from partydesk.core.changes import Actor
from partydesk.core.storage import audit as trail
from partydesk.core.storage.audit import AuditEntry
from partydesk.core.storage.database import Database

__all__ = ["ACCESS_ACTIONS", "AuditEntry", "entry_count", "first_break", "list_entries", "record_access",
           "verify_chain"]

ACCESS_ACTIONS = frozenset({"reveal", "export.unmasked", "card.print", "meeting.print"})
# Six digits in a row is already more of an ID or phone number than an audit summary may carry.
_NUMBER_LIKE = re.compile(r"\d{6,}")


def record_access(db: Database, actor: Actor, *, action: str, record_ids: Sequence[str], summary: str) -> None:
    """Append one audit row for reading personal data in full, in its own write transaction."""
    if action not in ACCESS_ACTIONS:
        raise ValueError(f"unknown access action {action!r}; expected one of {sorted(ACCESS_ACTIONS)}")
    if _NUMBER_LIKE.search(summary):
        raise ValueError("an audit summary must not contain ID or phone numbers")
    with db.write(actor, action=action) as session:
        trail.append(session, actor, action=action, record_ids=list(record_ids), summary=summary)


def list_entries(db: Database, actor: Actor, *, limit: int = 100) -> list[AuditEntry]:
    """The newest ``limit`` audit entries, newest first."""
    del actor  # who may read the trail hangs on the actor's role once roles land
    if limit < 1:
        raise ValueError("limit must be at least 1")
    with db.read() as session:
        return trail.latest(session, limit)


def entry_count(db: Database) -> int:
    """How many entries the trail holds."""
    with db.read() as session:
        return trail.count(session)


def first_break(db: Database) -> AuditEntry | None:
    """The first entry (oldest first) that does not chain to the one before it, or None when all do."""
    with db.read() as session:
        return trail.first_break(session)


def verify_chain(db: Database) -> int | None:
    """The seq of the first broken entry, or None when the whole chain verifies."""
    broken = first_break(db)
    return broken.seq if broken is not None else None
