"""The same person on the rolls of two organisations (同一人在两个支部的花名册上): the one rule, in SQL.

A committee's file holds every branch's roll. A person (the same 公民身份号码) on two of them is usually a
transfer one branch has not recorded yet: flagged, never merged (SYNC.md). The rule is one: a non-blank
公民身份号码 among the members on the roll (在册) of two or more organisations. The to-do
(``exchange.same_person``), the roster's 重复 mark (``services.branches.shared_people``) and the committee's
totals all apply it so: once the old branch records the transfer out (its member leaves its roll, the record
stays), the person is on one roll, flagged nowhere and counted once.

Both run in two steps: the numbers on two rows of the file, in one grouped pass over the narrow structure
index (grouped by an expression, so that the database reads that covering index instead of walking the
``id_number`` index and fetching every row: about 3× faster at 100 000 members), then only those numbers
looked up through the ``id_number`` index for their organisations. A file of one organisation pays nothing:
the org index tells at once that nobody can be on two rolls.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from partydesk.core.storage import todo_repo
from partydesk.core.storage.dashboard_repo import on_roll
from partydesk.core.storage.tables import Member, Organisation


@dataclass(frozen=True)
class SharedPerson:
    """A person on the rolls of two or more organisations; the full 公民身份号码 never leaves here."""

    digest: str  # names the person stably (a to-do set aside stays aside)
    tail: str  # the number's last four characters, as the message names it
    names: str  # the names on the rolls, "、"-joined (usually one)
    organisations: str  # the organisations' names, "、"-joined
    org_ids: tuple[str, ...]  # those organisations: each one's scope of the workbench shows the person


@dataclass(frozen=True)
class Repeats:
    """The members on the roll counted a second time when every roll is added up: for each person on the rolls
    of two or more organisations, every entry but one (the smallest id, an arbitrary but stable choice)."""

    people: int = 0  # persons on two or more organisations' rolls
    entries: tuple[str, ...] = ()  # member ids of their entries beyond the first

    def __bool__(self) -> bool:
        return bool(self.entries)


NONE = Repeats()


def _rows_of_shared(session: Session, where: ColumnElement[bool], *columns: Any) -> list[tuple[Any, ...]]:
    """``columns`` of the rows ``where`` selects whose 公民身份号码 is on rows of two or more organisations
    among them, ordered by number; [] at once in a file of one organisation."""
    if todo_repo.member_org_count(session) < 2:
        return []
    key = func.nullif(Member.id_number, "")
    twice = select(key).where(where, Member.id_number != "").group_by(key).having(func.count() > 1)
    shared = (select(Member.id_number).where(where, Member.id_number.in_(twice)).group_by(Member.id_number)
              .having(func.count(func.distinct(Member.org_id)) > 1))
    query = select(*columns).where(where, Member.id_number.in_(shared)).order_by(Member.id_number)
    return [tuple(row) for row in session.execute(query)]


def people_in_two_organisations(session: Session) -> list[SharedPerson]:
    """Each 公民身份号码 on the rolls of two or more organisations, its organisations by name."""
    rows = _rows_of_shared(session, on_roll(), Member.id_number, Member.name, Member.org_id,
                           select(Organisation.name).where(Organisation.id == Member.org_id).scalar_subquery())
    grouped: dict[str, tuple[set[str], dict[str, str]]] = {}
    for number, name, org_id, organisation in rows:
        names, orgs = grouped.setdefault(number, (set(), {}))
        names.add(name)
        orgs[org_id] = organisation or ""
    out = []
    for number, (names, orgs) in grouped.items():
        ordered = sorted(orgs.items(), key=lambda o: (o[1], o[0]))
        out.append(SharedPerson(hashlib.sha256(number.encode()).hexdigest()[:16], number[-4:], "、".join(sorted(names)),
                                "、".join(dict.fromkeys(n for _o, n in ordered)), tuple(o for o, _n in ordered)))
    return out


def repeated_entries(session: Session) -> Repeats:
    """The roll entries that repeat a person on the rolls of two or more organisations (members on the roll
    only: a transfer the old branch recorded leaves one entry, and nothing to count twice)."""
    first: dict[str, str] = {}
    repeats: list[str] = []
    for number, member_id in _rows_of_shared(session, on_roll(), Member.id_number, Member.id):
        kept = first.setdefault(number, member_id)
        if member_id != kept:  # keep the smallest id, whatever order the rows came in
            repeats.append(max(kept, member_id))
            first[number] = min(kept, member_id)
    return Repeats(len(first), tuple(sorted(repeats)))
