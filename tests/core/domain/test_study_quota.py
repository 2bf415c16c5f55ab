"""What a member owes in a year: the quota by role, pro rata to the days on the roll."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.member_events import EventKind, MemberEvent
from partydesk.core.domain.study_quota import quota_of, replayed_spans, roll_spans
from partydesk.core.domain.study_roll import MOVING_KINDS

RULES = {"study.member.hours": 32, "study.leader.hours": 56}


def member(*, post: str = "", joined: date = date(2000, 7, 1), events: tuple[MemberEvent, ...] = ()) -> RollMember:
    return RollMember("m1", "张三", "1", joined, date(2001, 7, 1), "第一党小组", post, events)


def event(kind: EventKind, day: date, seq: int = 1) -> MemberEvent:
    return MemberEvent(f"e{seq}", "m1", kind, day, "", seq=seq)


def test_a_member_owes_32_and_a_committee_member_56() -> None:
    """Members owe study.member.hours; 书记 and 委员 owe study.leader.hours; 党小组长 is a member."""
    assert quota_of(member(), 2026, RULES)[0].required_tenths == 320
    assert quota_of(member(post="01"), 2026, RULES)[0].required_tenths == 560
    assert quota_of(member(post="05"), 2026, RULES)[0].required_tenths == 560
    assert quota_of(member(post="07"), 2026, RULES)[0].required_tenths == 320


def test_the_quota_follows_the_rule_table() -> None:
    """An office that sets 40 学时 gets 40."""
    assert quota_of(member(), 2026, {"study.member.hours": 40})[0].required_tenths == 400


def test_a_member_admitted_mid_year_owes_pro_rata_from_admission() -> None:
    """Admitted 2 July 2026 (183 of 365 days left): 32 × 183 / 365 = 16.0 学时."""
    joined = date(2026, 7, 2)
    quota, spans = quota_of(member(joined=joined, events=(event(EventKind.JOINED, joined),)), 2026, RULES)
    assert spans == [(joined, date(2026, 12, 31))]
    assert (quota.days_on_roll, quota.required_tenths) == (183, 160)


def test_a_member_transferred_out_owes_only_for_the_days_before() -> None:
    """Transferred out on 31 March 2026: on the roll 90 days, 32 × 90 / 365 = 7.9 学时."""
    quota, spans = quota_of(member(events=(event(EventKind.TRANSFER_OUT, date(2026, 4, 1)),)), 2026, RULES)
    assert spans == [(date(2026, 1, 1), date(2026, 3, 31))]
    assert quota.required_tenths == 79


def test_a_member_who_left_in_an_earlier_year_owes_nothing() -> None:
    """Dead since 2025: no days on the roll in 2026, nothing owed."""
    quota, _spans = quota_of(member(events=(event(EventKind.DEATH, date(2025, 5, 1)),)), 2026, RULES)
    assert (quota.days_on_roll, quota.required_tenths) == (0, 0)


def test_a_migrant_member_still_owes_the_full_year() -> None:
    """外出流动 members study where they are: the whole quota."""
    quota, _ = quota_of(member(events=(event(EventKind.MIGRANT_OUT, date(2026, 3, 1)),)), 2026, RULES)
    assert quota.required_tenths == 320


def test_the_expectation_grows_through_the_year() -> None:
    """At the end of June a full-year member is expected to have 32 × 181 / 365 = 15.9 学时."""
    quota, _spans = quota_of(member(), 2026, RULES)
    assert quota.expected_by(0) == 0
    assert quota.expected_by(181) == 159
    assert quota.expected_by(400) == 320
    assert roll_spans(member(), date(2026, 1, 1), date(2026, 6, 30)) == [(date(2026, 1, 1), date(2026, 6, 30))]


DAYS = st.dates(min_value=date(2024, 6, 1), max_value=date(2027, 6, 30))
# 入党 events most often (several of them, dated or not, decide the admission day), moving ones now and then.
KINDS = st.one_of(st.just(EventKind.JOINED), st.sampled_from([k for k in EventKind if k not in MOVING_KINDS]),
                  st.sampled_from(list(EventKind)))
EVENTS = st.lists(st.tuples(KINDS, st.none() | DAYS,
                            st.sampled_from(["", "10", "20", "5", "4:12", "21"])), max_size=5)


@settings(max_examples=400, deadline=None)
@given(events=EVENTS, joined=st.none() | DAYS, confirmed=st.none() | DAYS, category=st.sampled_from(["1", "2"]),
       year=st.sampled_from([2025, 2026]))
def test_the_quick_roll_is_the_replayed_roll(events: list[tuple[EventKind, date | None, str]], joined: date | None,
                                             confirmed: date | None, category: str, year: int) -> None:
    """A member without a moving event is not replayed day by day, yet the spans are those of the replay,
    whatever the events (undated 入党 events, several of them, none, 转正 or 流动 ones beside them)."""
    evs = tuple(MemberEvent(f"e{i}", "m1", kind, day, detail, seq=i) for i, (kind, day, detail) in enumerate(events))
    m = RollMember("m1", "张三", category, joined, confirmed, "", "", evs)
    start, end = date(year, 1, 1), date(year, 12, 31)
    assert roll_spans(m, start, end) == replayed_spans(m, start, end)
