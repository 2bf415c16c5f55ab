"""How many 学时 a member owes in a year (应完成学时), from the role and the days on the roll.

The quota is by role (rules ``study.member.hours`` 32 and ``study.leader.hours`` 56; DOMAIN.md §2.5):
members holding a 支委会 post (书记 … 委员) owe the leaders' figure. Posts have no history yet, so the
role is the one held now. A member on the roll for only part of the year — admitted, transferred in or
out, died, or suspended (停止党籍) mid-year — owes the quota pro rata to the days on the roll (rounded half
up to a tenth). 外出流动 members stay on the roll: they study where they are and still owe their hours.

Through the year the ledger shows a pro-rata expectation: the share of the year's quota that the days on
the roll so far stand for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from partydesk.core.domain.meeting_roll import RollMember, RollRules, on_roll
from partydesk.core.domain.meetings import COMMITTEE_POSTS
from partydesk.core.domain.member_events import EventKind
from partydesk.core.domain.study import day_after, days_in_year
from partydesk.core.domain.study_roll import MOVING_KINDS, admitted_on

MEMBER_RULE = "study.member.hours"
LEADER_RULE = "study.leader.hours"
ROLL = RollRules(count_migrants=True)


@dataclass(frozen=True)
class Quota:
    """A member's year: the role's full quota, days on the roll and the tenths owed for them."""

    leader: bool
    full_tenths: int  # the role's quota for a whole year
    days_on_roll: int
    days_in_year: int
    required_tenths: int  # pro rata to the days on the roll

    def expected_by(self, elapsed_days: int) -> int:
        """Tenths expected after ``elapsed_days`` of the member's days on the roll (pro rata)."""
        if self.days_on_roll == 0:
            return 0
        return _ratio(self.required_tenths, min(elapsed_days, self.days_on_roll), self.days_on_roll)


def _ratio(tenths: int, part: int, whole: int) -> int:
    """``tenths × part / whole`` rounded half up, in integers."""
    return (2 * tenths * part + whole) // (2 * whole)


def is_leader(member: RollMember) -> bool:
    """True for a member holding a 支委会 post (书记, 副书记, 委员 …); 党小组长 is not one."""
    return member.party_post in COMMITTEE_POSTS


def roll_spans(member: RollMember, start: date, end: date) -> list[tuple[date, date]]:
    """The spans from ``start`` to ``end`` (inclusive) in which the member was on the roll.

    A member with no event that moves the roll (``study_roll.MOVING_KINDS``) is on it from the admission
    day on (``study_roll.admitted_on``), which is what the full replay (``replayed_spans``) finds for
    them; the others are replayed.
    """
    if any(ev.kind in MOVING_KINDS for ev in member.events):
        return replayed_spans(member, start, end)
    joins = [ev.on_date for ev in member.events if ev.kind is EventKind.JOINED]
    dated = [day for day in joins if day is not None]
    admitted = admitted_on(member.joined_on, len(joins), max(dated) if dated else None)
    if admitted is None or admitted <= start:
        return [(start, end)]
    return [(admitted, end)] if admitted <= end else []


def replayed_spans(member: RollMember, start: date, end: date) -> list[tuple[date, date]]:
    """``roll_spans`` by replaying the roll (``meeting_roll.on_roll``) at each day it could change.

    The roll only changes at the member's dated events and admission date, so it is read at those days
    (and the day after each) rather than on every day.
    """
    marks = {start}
    dated = [ev.on_date for ev in member.events if ev.on_date is not None]
    if member.joined_on is not None:
        dated.append(member.joined_on)
    if member.confirmed_on is not None:
        dated.append(member.confirmed_on)
    for day in dated:
        for mark in (day, day_after(day)):
            if start < mark <= end:
                marks.add(mark)
    points = sorted(marks)
    spans: list[tuple[date, date]] = []
    for i, first in enumerate(points):
        last = end if i + 1 == len(points) else date.fromordinal(points[i + 1].toordinal() - 1)
        if on_roll(member, first, ROLL) is None:
            continue
        if spans and spans[-1][1].toordinal() + 1 == first.toordinal():
            spans[-1] = (spans[-1][0], last)
        else:
            spans.append((first, last))
    return spans


def days_within(spans: list[tuple[date, date]], until: date) -> int:
    """Days of ``spans`` on or before ``until``."""
    return sum(max(0, (min(last, until) - first).days + 1) for first, last in spans)


def quota_of(member: RollMember, year: int, rules: dict[str, int]) -> tuple[Quota, list[tuple[date, date]]]:
    """The member's quota for ``year`` and the spans on the roll it is pro rata to."""
    spans = roll_spans(member, date(year, 1, 1), date(year, 12, 31))
    return quota_from_spans(is_leader(member), spans, year, rules), spans


def quota_from_spans(leader: bool, spans: list[tuple[date, date]], year: int, rules: dict[str, int]) -> Quota:
    """The quota for ``year`` of a member (a leader or not) on the roll over ``spans`` of it."""
    full = rules.get(LEADER_RULE if leader else MEMBER_RULE, 56 if leader else 32) * 10
    days = days_within(spans, date(year, 12, 31))
    whole = days_in_year(year)
    return Quota(leader, full, days, whole, _ratio(full, days, whole))


def expected_on(quota: Quota, spans: list[tuple[date, date]], day: date) -> int:
    """Tenths the member should have by ``day``: the quota pro rata to the days on the roll so far."""
    return quota.expected_by(days_within(spans, day))
