"""Probation arithmetic with extensions, and 留党察看 periods."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.core.domain import partial_date
from partydesk.core.domain.member_events import EventKind, MemberEvent
from partydesk.core.domain.membership import suspended_periods
from partydesk.core.domain.partial_date import PartialDate, Precision
from partydesk.core.domain.party_age import party_age
from partydesk.core.domain.probation import (
    add_months,
    describe_discipline,
    months_between,
    observations,
    open_observation,
    probation_end,
    under_observation,
)


def ev(kind: EventKind, when: date, detail: str = "", seq: int = 0) -> MemberEvent:
    return MemberEvent(f"e{seq}", "m", kind, when, detail, "", seq)


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2025, 7, 1), 12, date(2026, 7, 1)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2025, 8, 31), 18, date(2027, 2, 28)),
    (date(2025, 3, 15), -3, date(2024, 12, 15)),
])
def test_add_months_keeps_the_day_or_takes_the_month_end(day: date, months: int, expected: date) -> None:
    """A month later is the same day, or the last day of a shorter month."""
    assert add_months(day, months) == expected


def test_months_between_counts_whole_months() -> None:
    """Whole months only: a day short of six months is five."""
    assert months_between(date(2026, 5, 31), date(2026, 11, 30)) == 6
    assert months_between(date(2026, 6, 1), date(2026, 11, 30)) == 5
    assert months_between(date(2026, 11, 30), date(2026, 6, 1)) == -5


def test_probation_ends_a_year_after_joining_plus_the_extension() -> None:
    """One year; with a six-month extension eighteen months; an unknown 入党 date gives no end."""
    joined = date(2025, 3, 10)
    assert probation_end(joined, []) == date(2026, 3, 10)
    extended = [ev(EventKind.PROBATION_EXTENDED, date(2026, 3, 1), "6", 1)]
    assert probation_end(joined, extended) == date(2026, 9, 10)
    assert probation_end(joined, [ev(EventKind.PROBATION_EXTENDED, date(2026, 3, 1), "12", 1)]) == date(2027, 3, 10)
    assert probation_end(None, extended) is None


def test_a_month_only_joining_ends_probation_in_a_month_not_on_a_made_up_day() -> None:
    """入党 2025年02月 ends in 2026年02月, kept to the month (no invented "01"); 1990年 ends in 1991年."""
    ends = probation_end(PartialDate(2025, 2, 1, Precision.MONTH), [])
    assert ends == PartialDate(2026, 2, 1, Precision.MONTH) and partial_date.text(ends) == "2026年02月"
    assert probation_end(PartialDate(1990, 1, 1, Precision.YEAR), []) == PartialDate(1991, 1, 1, Precision.YEAR)


def test_observation_has_no_vote_during_its_period_only() -> None:
    """留党察看一年 from 1 March: no vote from that day until the day before 1 March next year."""
    events = [ev(EventKind.DISCIPLINE, date(2026, 3, 1), "4:12", 1)]
    assert not under_observation(events, date(2026, 2, 28))
    assert under_observation(events, date(2026, 3, 1))
    assert under_observation(events, date(2027, 2, 28))
    assert not under_observation(events, date(2027, 3, 1))
    assert describe_discipline("4:12") == "留党察看一年" and describe_discipline("4:24") == "留党察看二年"


def test_a_decision_closes_the_observation() -> None:
    """恢复党员权利 recorded early ends the period; 开除党籍 closes it too."""
    events = [ev(EventKind.DISCIPLINE, date(2026, 3, 1), "4:24", 1),
              ev(EventKind.RIGHTS_RESTORED, date(2027, 3, 1), seq=2)]
    assert observations(events)[0].decided_on == date(2027, 3, 1)
    assert not under_observation(events, date(2027, 6, 1)) and open_observation(events) is None
    expelled = [events[0], ev(EventKind.DISCIPLINE, date(2026, 9, 1), "5", 3)]
    assert open_observation(expelled) is None
    assert open_observation(events[:1]) == observations(events[:1])[0]


def test_party_age_leaves_out_time_under_suspension() -> None:
    """Ten years from 转正 less a year and a day under 停止党籍 is eight full years; a running suspension
    counts up to today."""
    confirmed, today = date(2016, 7, 1), date(2026, 7, 1)
    assert party_age(confirmed, today) == 10
    events = [ev(EventKind.SUSPENDED, date(2020, 1, 1), "1", 1), ev(EventKind.RESTORED, date(2021, 1, 2), seq=2)]
    assert suspended_periods(events) == [(date(2020, 1, 1), date(2021, 1, 2))]
    assert party_age(confirmed, today, excluded=suspended_periods(events)) == 8
    running = [ev(EventKind.SUSPENDED, date(2025, 7, 1), "1", 1)]
    assert party_age(confirmed, today, excluded=suspended_periods(running)) == 9
