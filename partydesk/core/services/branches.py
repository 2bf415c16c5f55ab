"""The branches a database holds (各支部): who they are, whether there are several, and the same person
on two branches' rolls.

A branch's own file holds one organisation; a committee's file holds its own and every branch it has
imported. Pages that list records (roster, meetings, study, workbench) ask ``branches`` once per load:
with one organisation they look as they always did, with several they add a 支部 column and a branch
filter. The committee's own organisation comes first, then the branches by code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from partydesk.core.domain.organisation import short_names
from partydesk.core.domain.roster import RosterRow
from partydesk.core.handle import DbHandle
from partydesk.core.storage import branch_repo


@dataclass(frozen=True)
class Branch:
    """One organisation in the file: its id, code and name, and whether it is this site's own."""

    org_id: str
    code: str
    name: str
    own: bool = False


@dataclass(frozen=True)
class Branches:
    """The organisations of a file, this site's own first; ``multi`` when there is more than one."""

    items: tuple[Branch, ...] = ()
    committee: bool = False  # the file is a committee's (its own organisation, a 党委, owes no branch meetings)
    _names: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _short: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._names.update({b.org_id: b.name for b in self.items})
        shorts = short_names(b.name for b in self.items if b.name)
        self._short.update({b.org_id: shorts.get(b.name, "") or b.code for b in self.items})

    @property
    def multi(self) -> bool:
        """Whether the file holds records of more than one organisation (a committee with branches)."""
        return len(self.items) > 1

    @property
    def own(self) -> Branch | None:
        """This site's own organisation (None before set-up)."""
        return next((b for b in self.items if b.own), None)

    def corrected_from(self, org_id: str) -> str:
        """The name of the branch that keeps the records of ``org_id`` when this file's own edits of them are
        corrections (a committee's file, another organisation's record); "" otherwise."""
        own = self.own.org_id if self.own is not None else None
        if not self.committee or org_id == own:
            return ""
        return self.name_of(org_id) or org_id

    def name_of(self, org_id: str) -> str:
        """The organisation's name ("" when unknown)."""
        return self._names.get(org_id, "")

    def short_of(self, org_id: str) -> str:
        """The organisation's name as a narrow 支部 column shows it: ``short_names`` of the file's
        organisations, which leaves off what all their names begin with ("" when unknown)."""
        return self._short.get(org_id, "")

    def __len__(self) -> int:
        return len(self.items)


SINGLE = Branches()



def branches(db: DbHandle) -> Branches:
    """The organisations this file holds records of, this site's own first, then by code."""
    own_id = db.site.organisation_id if db.site is not None else None
    with db.read() as session:
        rows = branch_repo.organisations_with_records(session, own_id)
    items = [Branch(r.id, r.code, r.name, r.id == own_id) for r in rows]
    committee = db.site is not None and db.site.role == "committee"
    return Branches(tuple(sorted(items, key=lambda b: not b.own)), committee)


def registered_short_names(held: Branches, registered: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Organisation code -> short name of each branch registered here (code, name), cut as the file's other
    lists cut them (幸福社区第一支部): among the names of the organisations the file holds and of those
    registered whose records have not come yet (a file's own name for an organisation wins)."""
    names = {b.code: b.name for b in held.items}
    full = {code: names.get(code) or name for code, name in registered}
    shorts = short_names({*names.values(), *full.values()})
    return {code: shorts.get(name) or code for code, name in full.items()}


def shared_people(rows: Iterable[RosterRow]) -> frozenset[str]:
    """Member ids of the people (by 公民身份号码) on the rolls of two or more organisations.

    The same rule as the ``exchange.same_person`` check (``two_rolls_repo``), over roster rows already in
    memory: members on the roll only (a member the old branch recorded as transferred out keeps a record
    there, and is not flagged); a flag for a person to look at (mid-transfer, or entered twice), never a merge.
    """
    by_number: dict[str, list[RosterRow]] = defaultdict(list)
    for row in rows:
        if row.id_number and row.in_branch:
            by_number[row.id_number].append(row)
    return frozenset(r.id for people in by_number.values() if len(people) > 1
                     and len({p.org_id for p in people}) > 1 for r in people)


def shared_with(rows: Sequence[RosterRow], branches: Branches) -> dict[str, str]:
    """member id -> the names of the other organisations whose roll has the same person, for everyone
    ``shared_people`` flags (the roster marks them and says where else they are)."""
    flagged = shared_people(rows)
    orgs: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.id in flagged:
            orgs[row.id_number].add(row.org_id)
    return {r.id: "、".join(sorted(branches.name_of(o) for o in orgs[r.id_number] if o != r.org_id))
            for r in rows if r.id in flagged}
