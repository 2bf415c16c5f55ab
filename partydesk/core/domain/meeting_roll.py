"""Who was expected at a meeting on its date (应到), who of them could vote, and whether a quorum was met.

A member counts on the meeting date when the events dated on or before it leave the member in this
branch with 党籍 (joined by then; not dead, transferred out, cancelled or expelled). Choices, per
DOMAIN.md §2.2, §2.7 and §2.7a:

* 停止党籍 members are not expected: they take no part in the Party's life while it lasts.
* 外出流动 members are expected unless the rule ``meeting.expect.migrant`` is 0 (localities differ:
  some leave members away with a 流动党员活动证 out of the 应到 count).
* 预备党员 attend but have no vote (党章 Art. 7), so they are outside a 党员大会's quorum base.
* Members under 留党察看 on the day have no vote either (党章 Art. 40): read from their 党纪处分 events
  (``probation.under_observation``); callers may name more in ``no_vote``.

Posts and party groups have no history yet, so the committee and a group are taken as they stand now.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from partydesk.core.domain.meetings import COMMITTEE_POSTS, Expected, MeetingType, Quorum
from partydesk.core.domain.member import CATEGORY_FULL, CATEGORY_PROBATIONARY, STATUS_NORMAL
from partydesk.core.domain.member_events import EventKind, MemberEvent, derive_state, event_order
from partydesk.core.domain.probation import under_observation

STATUS_SUSPENDED = "20"  # 停止党籍
TRANSFERS = (EventKind.TRANSFER_IN, EventKind.TRANSFER_OUT)


@dataclass(frozen=True)
class RollMember:
    """What the roll needs of a member: the record's current fields and the member's events."""

    id: str
    name: str
    category: str
    joined_on: date | None
    confirmed_on: date | None
    party_group: str
    party_post: str
    events: tuple[MemberEvent, ...] = ()


@dataclass(frozen=True)
class RollRules:
    """The rule-table numbers the roll and the quorum use."""

    count_migrants: bool = True
    general_quorum_bp: int = 5000  # voting present must exceed this share of voting expected
    committee_quorum_bp: int = 5000


@dataclass(frozen=True)
class Expectation:
    """One expected member and whether the member had a vote that day."""

    member_id: str
    voting: bool


def on_roll(member: RollMember, day: date, rules: RollRules) -> Expectation | None:
    """The member's place on the roll on ``day``, or None when the member is not expected at all."""
    past = [ev for ev in member.events if ev.on_date is None or ev.on_date <= day]
    confirmed_event = any(ev.kind is EventKind.CONFIRMED for ev in member.events)
    confirmed_later = member.confirmed_on is not None and member.confirmed_on > day
    base = CATEGORY_PROBATIONARY if confirmed_event or confirmed_later else member.category
    state = derive_state(past, base_category=base)
    joins = [ev for ev in sorted(member.events, key=event_order) if ev.kind is EventKind.JOINED]
    joined = joins[-1].on_date if joins else member.joined_on
    if joined is not None and joined > day:
        return None
    # A member whose first transfer is a 转入 was elsewhere until it.
    transfers = sorted((ev for ev in member.events if ev.kind in TRANSFERS), key=event_order)
    in_branch = state.in_branch if past else True
    if transfers and transfers[0].kind is EventKind.TRANSFER_IN and not any(ev.kind in TRANSFERS for ev in past):
        in_branch = False
    if not in_branch or state.membership_status != STATUS_NORMAL:
        return None
    if state.migrant and not rules.count_migrants:
        return None
    voting = state.category == CATEGORY_FULL and not under_observation(member.events, day)
    return Expectation(member.id, voting=voting)


def expected_members(kind: MeetingType, members: Iterable[RollMember], day: date, rules: RollRules, *,
                     group: str = "", no_vote: frozenset[str] = frozenset()) -> list[Expectation]:
    """The members expected at a meeting of ``kind`` on ``day``; ``no_vote``: more ids without a vote."""
    out = []
    for m in members:
        if kind.expected is Expected.COMMITTEE and m.party_post not in COMMITTEE_POSTS:
            continue
        if kind.expected is Expected.GROUP and m.party_group != group:
            continue
        place = on_roll(m, day, rules)
        if place is not None:
            out.append(Expectation(place.member_id, place.voting and m.id not in no_vote))
    return out


@dataclass(frozen=True)
class Count:
    """应到/实到 of a meeting, the voting part of both, and whether the quorum was met (None: none applies)."""

    expected: int
    present: int
    voting_expected: int
    voting_present: int
    quorum_met: bool | None


def more_than(part: int, whole: int, bp: int) -> bool:
    """``part`` exceeds ``bp`` basis points of ``whole`` (5000: more than half), in exact integers."""
    return whole > 0 and part * 10_000 > whole * bp


def count(kind: MeetingType, expected: Iterable[Expectation], present: set[str], rules: RollRules) -> Count:
    """Count a meeting: ``present`` holds the ids of expected members who attended."""
    roll = list(expected)
    here = [e for e in roll if e.member_id in present]
    voting_expected = sum(e.voting for e in roll)
    voting_present = sum(e.voting for e in here)
    quorum: bool | None = None
    if kind.quorum is Quorum.GENERAL:
        quorum = more_than(voting_present, voting_expected, rules.general_quorum_bp)
    elif kind.quorum is Quorum.COMMITTEE:
        quorum = more_than(len(here), len(roll), rules.committee_quorum_bp)
    return Count(len(roll), len(here), voting_expected, voting_present, quorum)
