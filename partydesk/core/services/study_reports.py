"""The 学时 ledger (学时台账) and the branch's yearly training summary (党员培训情况).

Credited hours are one grouped SQL sum per year (``study_repo.credited_by_member``), never a load of every
entry; what each member owes comes from the role and the days on the roll (domain/study_quota.py). The
ledger is a record for the secretary, listed by name: it has no rank column and is never sorted by hours
(DOMAIN.md on what users complain of).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from partydesk.core.domain.meetings import COMMITTEE_POSTS
from partydesk.core.domain.study import STUDY_FORMS
from partydesk.core.domain.study_quota import Quota, expected_on, quota_from_spans, quota_of
from partydesk.core.domain.study_roll import MOVING_KINDS, plain_spans
from partydesk.core.services.rules import rule_values
from partydesk.core.storage import meeting_repo, study_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.study_repo import ActivityData


@dataclass(frozen=True)
class LedgerRow:
    """One member's year: what is owed (whole year and so far) and what is credited, in tenths."""

    member_id: str
    name: str
    party_group: str
    leader: bool
    days_on_roll: int
    required: int  # owed for the year (pro rata to the days on the roll)
    expected: int  # owed by the ledger's day (pro rata through the year)
    credited: int
    org_id: str = ""  # the branch whose roll the member is on (a committee's file holds many)
    # A person on two branches' rolls (at a committee) is two rows with one number; known to the full ledger
    # only (the quick reads of one share leave it out), so rows compare without it.
    id_number: str = field(default="", compare=False, repr=False)

    @property
    def done(self) -> bool:
        """The year's hours are complete."""
        return self.credited >= self.required

    @property
    def behind(self) -> bool:
        """Fewer hours than the pro-rata expectation so far."""
        return self.credited < self.expected

    @property
    def standing(self) -> str:
        """Where the member stands: done, incomplete (the whole year due, as in a year gone by, and short of it),
        behind (short of what is due so far) or on_schedule: the ledger on screen and its export say the same."""
        if self.done:
            return "done"
        if self.expected >= self.required:
            return "incomplete"
        return "behind" if self.behind else "on_schedule"

    @property
    def share_bp(self) -> int:
        """Credited as basis points of required (10 000 = done; 0 when nothing is owed)."""
        return self.credited * 10_000 // self.required if self.required else 10_000


def ledger(db: Database, year: int, *, as_of: date | None = None,
           member_ids: Collection[str] | None = None) -> list[LedgerRow]:
    """Every member on the roll some day of ``year`` (or credited in it), by name (拼音 order);
    ``member_ids``: only the rows of these members (a page refreshing what a change named).

    ``as_of`` (default today) is the day the pro-rata expectation is reckoned to. The days on the roll come
    from one grouped query, and only members with an event that can move the roll have their events
    replayed (domain/study_roll.py): the ledger of a committee's 100 000 members takes seconds.
    """
    day = min(as_of or date.today(), date(year, 12, 31))
    rules = rule_values(db)
    with db.read() as session:
        outline = meeting_repo.roll_outline(session, MOVING_KINDS, ids=member_ids)
        moving = [o.id for o in outline if o.moves]
        movers = {m.id: m for m in meeting_repo.roll_members(session, ids=moving)} if moving else {}
        credited = study_repo.credited_by_member(session, year, member_ids=member_ids)
    first = date(year, 1, 1)
    # Members without a moving event share a handful of years (admitted before it, or on one of its days;
    # a leader or not): each is reckoned once.
    plain: dict[tuple[date | None, bool], tuple[Quota, int]] = {}
    out = []
    for o in outline:
        if o.moves:
            quota, spans = quota_of(movers[o.id], year, rules)
            expected = expected_on(quota, spans, day) if day.year == year else 0
        else:
            key = (o.admitted_on if o.admitted_on is not None and o.admitted_on > first else None,
                   o.party_post in COMMITTEE_POSTS)
            known = plain.get(key)
            if known is None:
                spans = plain_spans(key[0], year)
                quota = quota_from_spans(key[1], spans, year, rules)
                known = plain[key] = (quota, expected_on(quota, spans, day) if day.year == year else 0)
            quota, expected = known
        got = credited.get(o.id, 0)
        if quota.days_on_roll == 0 and got == 0:
            continue
        out.append(LedgerRow(o.id, o.name, o.party_group, quota.leader, quota.days_on_roll, quota.required_tenths,
                             expected, got, o.org_id, o.id_number))
    return out


def counted_again(rows: Sequence[LedgerRow]) -> int:
    """Rows that are a person already counted in another row (the same 公民身份号码 on two branches' rolls)."""
    numbered = [r.id_number for r in rows if r.id_number]
    return len(numbered) - len(set(numbered))


def member_entries(db: Database, member_id: str, year: int) -> list[tuple[ActivityData, int]]:
    """A member's activities credited in ``year`` with the tenths each credited."""
    with db.read() as session:
        return study_repo.entries_of_member(session, member_id, year)


@dataclass(frozen=True)
class FormLine:
    """One form of study in the year's summary."""

    code: str
    name: str
    activities: int
    attendances: int  # member credits (人次)
    tenths: int


@dataclass(frozen=True)
class TrainingSummary:
    """The branch's year in the shape of the 党员培训情况 table: people, 人次 and 学时 by form."""

    year: int
    members: int  # on the roll some day of the year
    trained: int  # credited any hours
    leaders: int
    leaders_trained: int
    completed: int  # reached their required hours
    leaders_completed: int
    total_tenths: int
    forms: tuple[FormLine, ...]
    earlier_tenths: int = 0  # of the total, entered as the hours members had before the records began

    @property
    def average_tenths(self) -> int:
        """Hours per member on the roll (tenths, rounded half up)."""
        return (2 * self.total_tenths + self.members) // (2 * self.members) if self.members else 0


def training_summary(db: Database, year: int, *, as_of: date | None = None,
                     org_id: str | None = None) -> TrainingSummary:
    """The year's summary: how many members trained and completed, hours by form (``org_id``: of that
    organisation's members, in a committee's file)."""
    rows = ledger(db, year, as_of=as_of)
    if org_id is not None:
        rows = [r for r in rows if r.org_id == org_id]
    with db.read() as session:
        found = study_repo.credited_by_form(session, year, org_id)
    by_form = {code: (n, people, tenths) for code, n, people, tenths, _earlier in found}
    forms = tuple(FormLine(f.code, f.name, *by_form.get(f.code, (0, 0, 0))) for f in STUDY_FORMS)
    leaders = [r for r in rows if r.leader]
    return TrainingSummary(
        year=year, members=len(rows), trained=sum(r.credited > 0 for r in rows), leaders=len(leaders),
        leaders_trained=sum(r.credited > 0 for r in leaders), completed=sum(r.done for r in rows),
        leaders_completed=sum(r.done for r in leaders), total_tenths=sum(r.credited for r in rows), forms=forms,
        earlier_tenths=sum(line[4] for line in found))
