"""How an incoming record meets the local one (SYNC.md "Conflicts and deletions"): a pure decision.

Every site runs the same rule on the same versions, so all converge:

- no local row: **new**;
- the same version, or an older one than we hold: **unchanged** (a re-send, or out of order);
- a newer version: **updated** — unless the local row was last changed by a site other than the record's
  owner (a correction or a local edit the owner has not seen), or the local row is deleted and the incoming
  one is not (a delete never comes back silently): then **conflict**, and the local row stays until a person
  decides. A local row last changed by another site is overwritten only when the incoming record says it was
  made on top of exactly that version (its ``base_version``: the owner took our correction, then edited).

A **correction** (a record we own, sent by our parent with the version it replaced as ``base_version``) applies
when our row is still at that base, or was last written by the parent itself (an earlier correction we took
and have not changed since); otherwise it is a conflict — even when our version is the newer one, since the
parent's change would otherwise vanish unseen. It never brings back a row we deleted either.
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


def decide(local: LocalState | None, *, version: str, deleted: bool, owner_site: str,
           base_version: str | None = None, correction_from: str = "") -> Decision:
    """The outcome for an incoming record with these bookkeeping values (``correction_from``: the parent's site
    id when the record is ours and comes from our parent as a correction)."""
    if local is None:
        return Decision(Outcome.NEW)
    if local.owner_site != owner_site:
        return Decision(Outcome.REJECTED, "记录的归属单位与本地不一致（可能是党员转接中），未覆盖")
    if correction_from:  # an older version than ours may still be a correction we have not seen
        return _correction(local, version=version, deleted=deleted, base_version=base_version,
                           parent=correction_from)
    if version <= local.version:
        return Decision(Outcome.UNCHANGED)
    if Version.decode(local.version).site_id != owner_site and local.version != base_version:
        return Decision(Outcome.CONFLICT, "双方都改过这条记录：对方修改时，还没有收到本地的改动")
    if local.deleted and not deleted:
        return Decision(Outcome.CONFLICT, "本地已删除的记录不会被自动恢复")
    return Decision(Outcome.UPDATED)


def _correction(local: LocalState, *, version: str, deleted: bool, base_version: str | None,
                parent: str) -> Decision:
    by_parent = Version.decode(local.version).site_id == parent
    if version == local.version or (by_parent and version < local.version):
        return Decision(Outcome.UNCHANGED)  # taken already (a re-send, or an older correction out of order)
    if local.deleted and not deleted:
        return Decision(Outcome.CONFLICT, "上级更正了一条本单位已删除的记录，不会自动恢复")
    if local.version == base_version or by_parent:
        return Decision(Outcome.UPDATED)
    if deleted:
        return Decision(Outcome.CONFLICT, "上级删除了一条本单位在此之后改过的记录")
    return Decision(Outcome.CONFLICT, "双方都改过这条记录：上级是在本单位较早的版本上更正的，本单位此后也改过它")
