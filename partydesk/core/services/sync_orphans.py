"""Records whose parent an import refuses (SYNC.md step 8): refused with it, not left to fail the apply.

A meeting refused (its format newer than this program's, a clock that ran ahead…) would leave its attendance,
agenda and motions pointing at a meeting this file does not hold: the apply's first such row broke the
foreign key and the whole package failed with a database error. Each such record is now refused too, naming
its parent, unless the parent is held here already (an older version of it; then the record fits).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from partydesk.core.exchange.merge import Decision, Outcome
from partydesk.core.services.sync_stage import Staged
from partydesk.core.storage import sync_repo
from partydesk.core.storage.sync_records import SYNC_TYPES, TYPES_BY_NAME

ORPHAN = "所属的"  # how the reason of a record refused with its parent begins
# A parent in the office's words, for the reason given to a record refused with it.
PARENT_WORDS = {"organisation": "组织", "member": "党员档案", "meeting": "会议", "study_activity": "学习活动",
                "notice": "通知", "talk": "谈心谈话"}


@cache
def _parents() -> dict[str, tuple[tuple[str, str], ...]]:
    """Per record type, its columns that name a record of another synced type: (column, parent type)."""
    by_table = {str(kind.model.__table__.name): kind.name for kind in SYNC_TYPES}  # type: ignore[attr-defined]
    return {kind.name: tuple((c.name, by_table[fk.column.table.name]) for c in kind.columns
                             for fk in c.foreign_keys if fk.column.table.name in by_table)
            for kind in SYNC_TYPES}


def reject_orphans(session: Any, staged: Sequence[Staged], decisions: list[Decision]) -> list[Decision]:
    """``decisions`` with every record refused whose parent the package refuses and this file lacks (and so on
    down: an attendance of a refused meeting, a credit of an activity refused for its meeting)."""
    refused = {(str(s.record["type"]), str(s.record["id"])) for s, d in zip(staged, decisions, strict=True)
               if d.outcome is Outcome.REJECTED}
    if not refused:
        return decisions
    held: set[tuple[str, str]] = set()
    for name in {t for t, _i in refused}:
        kind = TYPES_BY_NAME.get(name)
        if kind is not None:
            ids = [i for t, i in refused if t == name]
            held.update((name, i) for i in sync_repo.local_states(session, kind, ids))
    missing = refused - held
    parents = _parents()
    order = {kind.name: index for index, kind in enumerate(SYNC_TYPES)}
    out = list(decisions)
    # Parents before children, so a grandchild sees its parent refused in the same pass.
    for at in sorted(range(len(staged)), key=lambda i: order.get(str(staged[i].record["type"]), len(order))):
        record, decision = staged[at].record, out[at]
        links = parents.get(str(record["type"]), ())
        if decision.outcome is Outcome.REJECTED or not links:
            continue  # (a deletion too: its tombstone row still names its parent, and would break the key)
        data = record["data"]
        for column, parent in links:
            if (parent, str(data.get(column))) in missing:
                out[at] = Decision(Outcome.REJECTED, f"{ORPHAN}{PARENT_WORDS.get(parent, parent)}没有被接收")
                missing.add((str(record["type"]), str(record["id"])))
                break
    return out
