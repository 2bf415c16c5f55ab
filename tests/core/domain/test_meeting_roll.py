"""应到/实到 on the meeting date, the vote and the quorum (DOMAIN.md §2.2)."""

from __future__ import annotations

from datetime import date

from partydesk.core.domain.meeting_roll import Expectation, RollMember, RollRules, count, expected_members, on_roll
from partydesk.core.domain.meetings import meeting_type
from partydesk.core.domain.member_events import EventKind, MemberEvent

RULES = RollRules()
DAY = date(2026, 6, 15)


def member(mid: str, *events: tuple[EventKind, date | None, str], category: str = "1", post: str = "",
           group: str = "第一党小组", joined: date | None = date(2000, 7, 1)) -> RollMember:
    evs = tuple(MemberEvent(f"{mid}-{i}", mid, kind, when, detail, seq=i) for i, (kind, when, detail)
                in enumerate(events))
    return RollMember(mid, mid, category, joined, None, group, post, evs)


def test_a_member_joining_mid_year_is_expected_only_from_the_admitting_meeting() -> None:
    m = member("a", (EventKind.JOINED, date(2026, 6, 15), ""), category="2", joined=date(2026, 6, 15))
    assert on_roll(m, date(2026, 6, 14), RULES) is None
    assert on_roll(m, DAY, RULES) == Expectation("a", voting=False)


def test_a_member_confirmed_mid_year_gains_the_vote_on_that_day() -> None:
    m = member("b", (EventKind.JOINED, date(2025, 7, 1), ""), (EventKind.CONFIRMED, date(2026, 7, 1), ""))
    assert on_roll(m, DAY, RULES) == Expectation("b", voting=False)
    assert on_roll(m, date(2026, 7, 1), RULES) == Expectation("b", voting=True)


def test_members_who_left_died_or_were_transferred_out_count_until_that_day() -> None:
    for kind in (EventKind.DEATH, EventKind.TRANSFER_OUT, EventKind.PROBATION_CANCELLED):
        m = member("c", (kind, date(2026, 6, 1), ""))
        assert on_roll(m, date(2026, 5, 31), RULES) is not None, kind
        assert on_roll(m, date(2026, 6, 1), RULES) is None, kind
    expelled = member("d", (EventKind.STATUS, date(2026, 3, 1), "33"))
    assert on_roll(expelled, date(2026, 2, 28), RULES) is not None
    assert on_roll(expelled, DAY, RULES) is None


def test_a_member_transferred_in_mid_year_is_expected_only_from_the_transfer() -> None:
    m = member("e", (EventKind.TRANSFER_IN, date(2026, 5, 1), ""))
    assert on_roll(m, date(2026, 4, 30), RULES) is None
    assert on_roll(m, date(2026, 5, 1), RULES) is not None
    back = member("f", (EventKind.TRANSFER_OUT, date(2026, 2, 1), ""), (EventKind.TRANSFER_IN, date(2026, 5, 1), ""))
    assert [on_roll(back, d, RULES) is not None for d in (date(2026, 1, 1), date(2026, 3, 1), DAY)] == [
        True, False, True]


def test_suspended_members_are_not_expected_and_migrants_follow_the_rule() -> None:
    suspended = member("g", (EventKind.STATUS, date(2026, 1, 1), "20"))
    assert on_roll(suspended, DAY, RULES) is None
    migrant = member("h", (EventKind.MIGRANT_OUT, date(2026, 1, 1), "深圳"))
    assert on_roll(migrant, DAY, RULES) == Expectation("h", voting=True)
    assert on_roll(migrant, DAY, RollRules(count_migrants=False)) is None
    assert on_roll(migrant, date(2025, 12, 31), RollRules(count_migrants=False)) is not None


def test_committee_and_group_meetings_expect_their_own_members() -> None:
    people = [member("s", post="01"), member("z", post="03", group="第二党小组"), member("l", post="07"),
              member("p")]
    committee = expected_members(meeting_type("committee"), people, DAY, RULES)
    assert [e.member_id for e in committee] == ["s", "z"]
    group = expected_members(meeting_type("group"), people, DAY, RULES, group="第一党小组")
    assert [e.member_id for e in group] == ["s", "l", "p"]
    assert len(expected_members(meeting_type("lecture"), people, DAY, RULES)) == 4


def test_general_meeting_quorum_counts_voting_members_only() -> None:
    """Probationary members and members under 留党察看 attend but are outside the quorum base."""
    people = [member(str(i)) for i in range(4)] + [member("p1", category="2"), member("p2", category="2")]
    roll = expected_members(meeting_type("general"), people, DAY, RULES, no_vote=frozenset({"3"}))
    assert [e.voting for e in roll] == [True, True, True, False, False, False]
    general = meeting_type("general")
    # 3 voting expected: 2 voting present is more than half; probationary members do not help.
    assert count(general, roll, {"0", "1"}, RULES).quorum_met is True
    low = count(general, roll, {"0", "3", "p1", "p2"}, RULES)
    assert (low.expected, low.present, low.voting_expected, low.voting_present, low.quorum_met) == (6, 4, 3, 1, False)


def test_exactly_half_is_not_more_than_half() -> None:
    committee = meeting_type("committee")
    roll = [Expectation(str(i), True) for i in range(4)]
    assert count(committee, roll, {"0", "1"}, RULES).quorum_met is False
    assert count(committee, roll, {"0", "1", "2"}, RULES).quorum_met is True
    assert count(committee, roll, {"0", "1", "2"}, RollRules(committee_quorum_bp=7500)).quorum_met is False
    assert count(committee, [], set(), RULES).quorum_met is False
    assert count(meeting_type("lecture"), roll, set(), RULES).quorum_met is None
