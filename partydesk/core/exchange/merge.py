"""How an incoming record meets the local one (SYNC.md "Conflicts and deletions"): a pure decision.

Every site runs the same rule on the same versions, so all converge:

- no local row: **new**;
- the same version, or an older one than we hold: **unchanged** (a re-send, or out of order);
- a newer version: **updated** — unless the local row was last changed by a site other than the record's
  owner (a correction or a local edit the owner has not seen), or the local row is deleted and the incoming
  one is not (a delete never comes back silently): then **conflict**, and the local row stays until a person
  decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from partydesk.core.clock import Version


class Outcome(StrEnum):
    """What the import does with one record."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    REJECTED = "rejected"


@dataclass(frozen=True)
class LocalState:
    """The local row's bookkeeping (None for a row that does not exist)."""

    version: str
    deleted: bool
    owner_site: str


@dataclass(frozen=True)
class Decision:
    """An outcome and, for a conflict or rejection, why."""

    outcome: Outcome
    reason: str = ""


def decide(local: LocalState | None, *, version: str, deleted: bool, owner_site: str) -> Decision:
    """The outcome for an incoming record with these bookkeeping values."""
    if local is None:
        return Decision(Outcome.NEW)
    if local.owner_site != owner_site:
        return Decision(Outcome.REJECTED, "记录的归属单位与本地不一致（可能是党员转接中），未覆盖")
    if version <= local.version:
        return Decision(Outcome.UNCHANGED)
    if Version.decode(local.version).site_id != owner_site:
        return Decision(Outcome.CONFLICT, "本地在对方修改之前也改过这条记录")
    if local.deleted and not deleted:
        return Decision(Outcome.CONFLICT, "本地已删除的记录不会被自动恢复")
    return Decision(Outcome.UPDATED)
