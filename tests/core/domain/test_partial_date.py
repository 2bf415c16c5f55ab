"""Dates known to the day, the month or the year: reading every office form, showing, comparing, 党龄."""

from __future__ import annotations

import copy
import pickle
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partydesk.core.domain import partial_date as pd
from partydesk.core.domain.partial_date import PartialDate, Precision
from partydesk.core.domain.party_age import party_age
from partydesk.core.domain.validate import parse_date
from partydesk.core.errors import ValidationError

MARCH_2019 = PartialDate(2019, 3, 1, Precision.MONTH)
YEAR_1972 = PartialDate(1972, 1, 1, Precision.YEAR)


@pytest.mark.parametrize(("written", "expected"), [
    ("2019.3", MARCH_2019), ("2019.03", MARCH_2019), ("2019-3", MARCH_2019), ("2019-03", MARCH_2019),
    ("2019/3", MARCH_2019), ("2019年3月", MARCH_2019), ("2019年03月", MARCH_2019), ("2019年3", MARCH_2019),
    ("２０１９．３", MARCH_2019), ("２０１９年３月", MARCH_2019), (" 2019 . 3 ", MARCH_2019),
    ("1972年", YEAR_1972), ("1972", YEAR_1972), ("１９７２年", YEAR_1972),
    ("1972.11", PartialDate(1972, 11, 1, Precision.MONTH)),
    ("2019.3.8", date(2019, 3, 8)), ("2019年3月8日", date(2019, 3, 8)), ("20190308", date(2019, 3, 8)),
    ("２０１９－０３－０８", date(2019, 3, 8)), ("2019/03/08", date(2019, 3, 8)),
    (2019.3, MARCH_2019), (2019.03, MARCH_2019), (1972.11, PartialDate(1972, 11, 1, Precision.MONTH)),
    (2019.12, PartialDate(2019, 12, 1, Precision.MONTH)), (1972, YEAR_1972), (20190308, date(2019, 3, 8)),
])
def test_every_office_form_is_read_at_its_precision(written: object, expected: date) -> None:
    """Text and spreadsheet numbers as offices write them give the date with the precision written."""
    found = parse_date(written, field="入党日期", partial=True)
    assert found == expected
    assert pd.precision_of(found) is pd.precision_of(expected)


@pytest.mark.parametrize(("written", "words"), [
    ("2019.13", "没有 13 月"), ("2019年13月", "没有 13 月"), ("2019-00", "没有 0 月"),
    ("2019年2月30日", "2019年2月只有 28 天"), ("2019.4.31", "2019年4月只有 30 天"),
    ("1899.3", "1900–2099"), ("19.3", "无法识别"), ("19年3月", "4 位"), ("三月", "无法识别"),
    (2019.13, "月份应为 1–12"), (2019.035, "月份应为 1–12"),
])
def test_impossible_dates_are_named_clearly(written: object, words: str) -> None:
    """No such month or day, a year out of range, a short year: refused with the field and the reason."""
    with pytest.raises(ValidationError) as info:
        parse_date(written, field="入党日期", partial=True)
    assert words in info.value.message and "入党日期" in info.value.message
    assert info.value.code in ("date_invalid", "date_format")


@pytest.mark.parametrize("written", ["2019.3", "2019年3月", "1972年", "1972", 2019.3, 1972, MARCH_2019])
def test_a_field_that_needs_the_day_refuses_a_month_or_a_year(written: object) -> None:
    """Without ``partial`` (event dates) a month or a year is date_no_day."""
    with pytest.raises(ValidationError) as info:
        parse_date(written, field="失去联系日期")
    assert info.value.code in ("date_no_day", "date_format")
    if not isinstance(written, int | float):
        assert info.value.code == "date_no_day"


def test_excel_serials_stay_days() -> None:
    """An Excel serial (a date cell's number) is a full date; 2019.3 never becomes a day of 1905."""
    from partydesk.core.domain.validate import excel_serial_to_date

    assert excel_serial_to_date(43532) == date(2019, 3, 8)
    assert pd.precision_of(excel_serial_to_date(43532)) is Precision.DAY
    assert parse_date(2019.3, partial=True).year == 2019


@pytest.mark.parametrize(("value", "text", "dotted", "iso"), [
    (date(2019, 3, 8), "2019年03月08日", "2019.03.08", "2019-03-08"),
    (MARCH_2019, "2019年03月", "2019.03", "2019-03"),
    (YEAR_1972, "1972年", "1972", "1972"),
])
def test_shown_as_written(value: date, text: str, dotted: str, iso: str) -> None:
    """text() for forms and cards, dotted() for the printed 花名册, isoformat() for files."""
    assert (pd.text(value), pd.dotted(value), value.isoformat()) == (text, dotted, iso)
    assert parse_date(text, partial=True) == parse_date(dotted, partial=True) == parse_date(iso, partial=True) == value


def test_a_month_is_not_its_first_day() -> None:
    """2019年03月 differs from 2019-03-01 (equality and hash carry the precision); arithmetic gives days."""
    first, month = date(2019, 3, 1), MARCH_2019
    assert (month.__eq__(first), first == month, month.__ne__(first), first != month) == (False, False, True, True)
    assert PartialDate(2019, 3, 20, Precision.MONTH) == MARCH_2019
    assert len({MARCH_2019, date(2019, 3, 1), PartialDate(2019, 3, 1, "month")}) == 2
    assert PartialDate(2019, 3, 1) == date(2019, 3, 1) and type(PartialDate(2019, 3, 1)) is date
    assert type(MARCH_2019 + timedelta(days=1)) is date and type(MARCH_2019.replace(day=9)) is date
    for twin in (copy.deepcopy(MARCH_2019), pickle.loads(pickle.dumps(YEAR_1972))):
        assert twin in (MARCH_2019, YEAR_1972) and isinstance(twin, PartialDate)


@pytest.mark.parametrize(("a", "b", "cmp", "before", "same_or_before"), [
    (MARCH_2019, date(2019, 3, 8), 0, False, False),  # same month: nothing known either way
    (date(2019, 3, 8), MARCH_2019, 0, False, False),
    (date(2019, 3, 1), MARCH_2019, 0, False, True),  # the 1st is on or before any day of March
    (PartialDate(2019, 2, 1, "month"), date(2019, 3, 1), -1, True, True),
    (MARCH_2019, date(2019, 4, 1), -1, True, True),
    (YEAR_1972, PartialDate(1972, 11, 1, "month"), 0, False, False),
    (YEAR_1972, MARCH_2019, -1, True, True),
    (date(2019, 3, 8), date(2019, 3, 8), 0, False, True),
    (date(2019, 3, 9), date(2019, 3, 8), 1, False, False),
])
def test_comparisons_at_the_precision_both_have(a: date, b: date, cmp: int, before: bool, same_or_before: bool) -> None:
    """compare() is at the coarser precision; before/same_or_before hold only when certain."""
    assert pd.compare(a, b) == cmp and pd.compare(b, a) == -cmp
    assert pd.before(a, b) is before and pd.after(b, a) is before
    assert pd.same_or_before(a, b) is same_or_before and pd.same_or_after(b, a) is same_or_before


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(list(Precision)))
def test_a_date_lies_within_its_own_period(day: date, precision: Precision) -> None:
    """Every day agrees with its month and its year, and lies between their first and last days."""
    coarse = pd.make(day, precision)
    assert pd.agrees(coarse, day) and pd.compare(coarse, day) == 0
    assert pd.first_day(coarse) <= day <= pd.last_day(coarse)
    assert parse_date(pd.text(coarse), partial=True) == coarse


@pytest.mark.parametrize(("confirmed", "today", "years"), [
    (PartialDate(2019, 3, 1, "month"), date(2026, 3, 1), 7),   # the anniversary month counts
    (PartialDate(2019, 3, 1, "month"), date(2026, 2, 28), 6),
    (PartialDate(2019, 3, 1, "month"), date(2026, 11, 30), 7),
    (PartialDate(2019, 11, 1, "month"), date(2026, 11, 30), 7),
    (PartialDate(2019, 12, 1, "month"), date(2026, 11, 30), 6),
    (PartialDate(1972, 1, 1, "year"), date(2026, 11, 30), 54),
    (date(2019, 12, 1), date(2026, 11, 30), 6),
    (PartialDate(2026, 11, 1, "month"), date(2026, 11, 30), 0),
    (PartialDate(2026, 12, 1, "month"), date(2026, 11, 30), None),
])
def test_party_age_from_a_month_counts_whole_years(confirmed: date, today: date, years: int | None) -> None:
    """党龄 from a 转正 known to the month: whole years counted at month precision."""
    assert party_age(confirmed, today) == years


def test_a_day_in_a_sentence_is_written_without_padding() -> None:
    """Forms pad (2026年01月05日); a sentence of a to-do says 2026年1月5日."""
    from partydesk.core.domain.partial_date import in_words

    assert in_words(date(2026, 1, 5)) == "2026年1月5日" and in_words(date(2026, 11, 30)) == "2026年11月30日"
