"""The Changes record every write returns, and the Actor every service call carries.

This module sits below storage and services (both import it, it imports neither). Pages subscribe to
the GUI hub and refresh only what a Changes record names (house rule 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NewType

UserId = NewType("UserId", str)


@dataclass(frozen=True)
class Actor:
    """Who performs a service call. Until login lands it is always the single local user."""

    user_id: UserId
    role: str = "admin"


LOCAL_USER = Actor(user_id=UserId("local"), role="admin")
# The program itself (schema upkeep at start-up), never a person.
SYSTEM_ACTOR = Actor(user_id=UserId("system"), role="system")


class ChangeKind(StrEnum):
    """The kinds of record a write can change; pages refresh by kind and, where given, by id."""

    SITE = "site"
    ORGANISATION = "organisation"
    RULE = "rule"
    MEMBER = "member"
    MEETING = "meeting"
    STUDY = "study"  # study activities and the hours they credit
    CERTIFICATION = "certification"
    MATERIAL = "material"
    TALK = "talk"
    NOTICE = "notice"  # notices sent down by a committee, and their read state
    FINDING = "finding"  # a to-do dismissed, snoozed or restored
    SYNC = "sync"  # registered sites, packages, conflicts


@dataclass(frozen=True)
class Changes:
    """What a write changed: the kinds of records touched and, where known, their ids.

    A kind with no ``ids`` entry means "anything of this kind may have changed".
    """

    kinds: frozenset[ChangeKind] = frozenset()
    ids: dict[ChangeKind, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, kind: ChangeKind, *ids: str) -> Changes:
        """A Changes record naming one kind and, optionally, some of its ids."""
        return cls(kinds=frozenset({kind}), ids={kind: frozenset(ids)} if ids else {})

    def merge(self, other: Changes) -> Changes:
        """The union of two change records."""
        ids = dict(self.ids)
        for kind, more in other.ids.items():
            ids[kind] = ids.get(kind, frozenset()) | more
        return Changes(kinds=self.kinds | other.kinds, ids=ids)

    def touches(self, *kinds: ChangeKind) -> bool:
        """True when any of ``kinds`` changed."""
        return any(k in self.kinds for k in kinds)

    def ids_of(self, kind: ChangeKind) -> frozenset[str] | None:
        """The ids of ``kind`` that changed; None when it is unknown which (or the kind did not change)."""
        return self.ids.get(kind) if kind in self.kinds else None

    def __bool__(self) -> bool:
        return bool(self.kinds)
