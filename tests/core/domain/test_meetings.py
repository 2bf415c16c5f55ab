"""Meeting types as data and the period arithmetic of their frequencies."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from partydesk.core.domain.meetings import (
    MEETING_TYPES,
    Expected,
    Quorum,
    add_months,
    meeting_type,
    month_end,
    period_index,
    period_of,
    periods_of_year,
)
from partydesk.core.domain.rules import RULES_BY_KEY


def test_every_type_has_a_stable_code_a_chinese_name_and_a_known_rule() -> None:
    """The eight types of issue 9, each frequency read from an existing ``meeting.*.months`` rule."""
    assert [t.name for t in MEETING_TYPES] == ["支部党员大会", "支部委员会会议", "党小组会", "党课", "主题党日",
                                               "组织生活会", "民主评议党员", "其他"]
    assert len({t.code for t in MEETING_TYPES}) == len(MEETING_TYPES)
    for t in MEETING_TYPES:
        assert t.rule_key is None or (t.rule_key in RULES_BY_KEY and t.rule_key.endswith(".months"))
    assert meeting_type("other").rule_key is None
    assert meeting_type("committee").expected is Expected.COMMITTEE
    assert meeting_type("group").expected is Expected.GROUP
    assert meeting_type("general").quorum is Quorum.GENERAL
    assert meeting_type("committee").quorum is Quorum.COMMITTEE
    assert {t.code for t in MEETING_TYPES if t.quorum is not Quorum.NONE} == {"general", "committee"}
    with pytest.raises(KeyError):
        meeting_type("nope")


def test_month_arithmetic_crosses_years_and_knows_leap_februaries() -> None:
    assert add_months(date(2026, 11, 30), 2) == date(2027, 1, 1)
    assert add_months(date(2026, 1, 31), -1) == date(2025, 12, 1)
    assert add_months(date(2026, 3, 15), -24) == date(2024, 3, 1)
    assert month_end(2024, 2) == date(2024, 2, 29)
    assert month_end(2100, 2) == date(2100, 2, 28)  # not a leap year
    assert month_end(2000, 2) == date(2000, 2, 29)
    assert month_end(2026, 12) == date(2026, 12, 31)


@pytest.mark.parametrize("months,count", [(1, 12), (2, 6), (3, 4), (4, 3), (6, 2), (12, 1), (5, 3), (7, 2)])
def test_periods_tile_the_year_without_gaps_or_overlaps(months: int, count: int) -> None:
    """Every day of the year falls in exactly one period, and period_index agrees with the tiling."""
    periods = periods_of_year(2024, months)
    assert len(periods) == count
    assert periods[0].start == date(2024, 1, 1) and periods[-1].end == date(2024, 12, 31)
    for before, after in itertools.pairwise(periods):
        assert (after.start - before.end).days == 1
    day = date(2024, 1, 1)
    while day.year == 2024:
        assert sum(day in p for p in periods) == 1
        assert day in periods[period_index(day, months)]
        day = date.fromordinal(day.toordinal() + 1)


def test_period_labels_read_as_a_secretary_writes_them() -> None:
    assert [p.label for p in periods_of_year(2026, 3)] == [f"2026年第{q}季度" for q in "一二三四"]
    assert periods_of_year(2026, 1)[1].label == "2026年2月"
    assert periods_of_year(2026, 1)[1].end == date(2026, 2, 28)
    assert periods_of_year(2028, 1)[1].end == date(2028, 2, 29)
    assert [p.label for p in periods_of_year(2026, 6)] == ["2026年上半年", "2026年下半年"]
    assert periods_of_year(2026, 12)[0].label == "2026年"
    assert periods_of_year(2026, 5)[2].label == "2026年11–12月"


def test_quarter_boundaries() -> None:
    assert period_of(date(2026, 3, 31), 3).index == 0
    assert period_of(date(2026, 4, 1), 3).index == 1
    assert period_of(date(2026, 12, 31), 3).index == 3
    assert period_of(date(2024, 2, 29), 1).label == "2024年2月"


def test_a_frequency_longer_than_a_year_looks_back_from_the_year_end() -> None:
    """Every 24 months: one period ending 31 December, starting 24 whole months earlier."""
    (period,) = periods_of_year(2026, 24)
    assert (period.start, period.end) == (date(2025, 1, 1), date(2026, 12, 31))
    assert period_index(date(2026, 6, 1), 24) == 0
    with pytest.raises(ValueError):
        periods_of_year(2026, 0)
