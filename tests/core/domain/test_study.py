"""Study domain: the 学时 conversion by the rule table, tenths, and the split of an activity between years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partydesk.core.domain.study import Unit, convert, format_tenths, split_by_year, to_tenths


def test_conversion_follows_the_rule_table_defaults() -> None:
    """A full day is 8 学时, a half day 4, an hour of branch study 1 (in tenths)."""
    assert convert(Unit.FULL_DAY, 2) == 160
    assert convert(Unit.HALF_DAY, 1) == 40
    assert convert(Unit.HOUR, "1.5") == 15


def test_conversion_takes_the_office_s_own_rule_values() -> None:
    """An office that counts a training day as 6 学时 gets 6 per day."""
    assert convert(Unit.FULL_DAY, 3, {"study.hours.full_day": 6}) == 180
    assert convert(Unit.HOUR, 2, {"study.hours.per_hour": 2}) == 40


def test_tenths_round_half_up_and_refuse_what_is_no_number() -> None:
    """1.25 学时 is kept as 1.3; text is refused; negative amounts are refused by convert."""
    assert to_tenths("1.25") == 13
    assert format_tenths(13) == "1.3" and format_tenths(320) == "32" and format_tenths(0) == "0"
    with pytest.raises(ValueError):
        to_tenths("两小时")
    with pytest.raises(ValueError):
        convert(Unit.HOUR, -1)


def test_a_course_over_the_new_year_is_split_by_its_days_in_each_year() -> None:
    """A 4-day class from 30 December to 2 January: half the hours in each year."""
    assert split_by_year(date(2025, 12, 30), date(2026, 1, 2), 320) == {2025: 160, 2026: 160}
    assert split_by_year(date(2025, 12, 31), date(2026, 1, 2), 240) == {2025: 80, 2026: 160}


def test_a_one_year_activity_is_not_split() -> None:
    """All hours of an activity within a year go to that year."""
    assert split_by_year(date(2026, 3, 1), date(2026, 3, 3), 240) == {2026: 240}


def test_end_before_start_is_refused() -> None:
    """A span that ends before it starts is an error."""
    with pytest.raises(ValueError):
        split_by_year(date(2026, 3, 2), date(2026, 3, 1), 10)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)), st.integers(0, 1200),
       st.integers(0, 10_000))
def test_year_shares_add_up_to_the_whole_and_follow_the_days(start: date, length: int, tenths: int) -> None:
    """The shares are whole tenths that add up exactly, each within one tenth of its days' share."""
    end = start + timedelta(days=length)
    shares = split_by_year(start, end, tenths)
    assert sum(shares.values()) == tenths
    assert set(shares) == set(range(start.year, end.year + 1))
    total = length + 1
    for year, share in shares.items():
        days = (min(end, date(year, 12, 31)) - max(start, date(year, 1, 1))).days + 1
        assert abs(share * total - tenths * days) < total
