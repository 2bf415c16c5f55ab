"""A member record with dates known only to the month or the year: checks at common precision, ID completion."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest

from partydesk.core.domain import partial_date
from partydesk.core.domain.idnumber import check_char
from partydesk.core.domain.member import MemberInput, check_member
from partydesk.core.domain.partial_date import PartialDate, Precision
from partydesk.core.domain.validate import check_member_dates

TODAY = date(2026, 11, 30)


def make_id(birth: date, seq: int = 11) -> str:
    """A valid resident ID number (odd ``seq`` = male)."""
    first17 = f"110105{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


def raw(**over: object) -> MemberInput:
    """A full member born 1972-11-05 with the given fields replaced."""
    values: dict[str, object] = {"name": "张三", "id_number": make_id(date(1972, 11, 5)), "category": "正式党员",
                                 "joined_on": "2000.7", "confirmed_on": "2001.7"}
    values.update(over)
    return MemberInput(**values)  # type: ignore[arg-type]


def codes(joined: object, confirmed: object, birth: object = None) -> set[str]:
    """The issue codes of check_member_dates for dates read as offices write them."""
    from partydesk.core.domain.validate import parse_date

    def read(v: object) -> date | None:
        return None if v is None else parse_date(v, partial=True)

    return {i.code for i in check_member_dates(birth_date=read(birth), joined_on=read(joined),
                                               confirmed_on=read(confirmed), category="正式党员", today=TODAY)}


def test_month_dates_are_kept_at_their_precision() -> None:
    """入党 2000.7 and 转正 2001年7月 are stored as months, 参加工作 1990年 as a year."""
    result = check_member(raw(work_started_on="1990年"), today=TODAY)
    assert result.errors == [] and result.data is not None
    assert result.data.joined_on == PartialDate(2000, 7, 1, Precision.MONTH)
    assert result.data.confirmed_on == PartialDate(2001, 7, 1, Precision.MONTH)
    assert result.data.work_started_on == PartialDate(1990, 1, 1, Precision.YEAR)


def test_confirmed_in_the_month_of_joining_is_no_error_unless_the_days_say_so() -> None:
    """转正 in the same month as a month-only 入党 is not before it; with both days known it is."""
    assert "date_order" not in codes("2019.3", "2019.3.8")
    assert "date_order" not in codes("2019.3", "2019.3")
    assert "date_order" in codes("2019.3.9", "2019.3.8")
    assert "date_order" in codes("2019.3", "2019.2.28")
    assert "date_order" in codes("2019年", "2018.12")


def test_probation_length_is_judged_only_when_certain() -> None:
    """A year-only 入党 with 转正 a year later is not flagged; a 转正 five years after a month is."""
    assert "probation_length" not in codes("2000年", "2001.3")
    assert "probation_length" not in codes("2000.7", "2001.7")
    assert "probation_length" in codes("2000.7", "2005.7")
    assert "probation_length" in codes("2000.7", "2000.9")


def test_dates_in_the_current_month_are_not_in_the_future() -> None:
    """2026年11月 is not later than 2026-11-30; 2026年12月 is."""
    assert "date_future" not in codes("2026.11", None)
    assert "date_future" in codes("2026.12", None)


def test_join_age_at_year_precision() -> None:
    """Born 1972 (year only), joined 1990: maybe 18 already, so no warning; joined 1989.6: certainly not."""
    assert "join_age" not in codes("1990.6", None, birth="1972年")
    assert "join_age" in codes("1989.6", None, birth="1972年")


@pytest.mark.parametrize("birth", ["1972.11", "1972年11月", "1972年", "1972"])
def test_birth_known_to_the_month_or_year_is_completed_from_the_id(birth: str) -> None:
    """The ID number's birth date agrees with 1972.11 / 1972: the day is filled in from it."""
    result = check_member(raw(birth_date=birth), today=TODAY)
    assert result.data is not None
    assert result.data.birth_date == date(1972, 11, 5)
    assert isinstance(result.data.birth_date, date) and not isinstance(result.data.birth_date, PartialDate)


@pytest.mark.parametrize("birth", ["1972.10", "1973年"])
def test_birth_that_disagrees_with_the_id_is_an_error_naming_both(birth: str) -> None:
    """A month or year that the ID number contradicts is refused, naming what each says."""
    result = check_member(raw(birth_date=birth), today=TODAY)
    assert result.data is None
    (issue,) = [i for i in result.errors if i.field == "birth_date"]
    assert issue.code == "id_birth_mismatch"
    assert "1972年11月05日" in issue.message and birth.replace(".", "年")[:5] in issue.message


def test_birth_month_without_an_id_birth_date_stays_a_month() -> None:
    """A passport holds no birth date: 1972.11 stays a month."""
    result = check_member(raw(birth_date="1972.11", id_type="护照", id_number="E12345678", gender="男"), today=TODAY)
    assert result.data is not None, result.issues
    assert result.data.birth_date == PartialDate(1972, 11, 1, Precision.MONTH)


def test_event_dates_still_need_the_day() -> None:
    """失去联系日期 is known to the day (an event recorded later): a month is refused."""
    result = check_member(raw(lost_contact="是", lost_since="2025.3", lost_cause="外出务工经商"), today=TODAY)
    assert "date_no_day" in [i.code for i in result.errors if i.field == "lost_since"]


def test_a_migrant_s_month_of_leaving_is_enough() -> None:
    """外出日期 often known only to the month (a family says "去年三月走的"): 2025.3 is taken as March 2025, kept
    to the month; 失去联系日期 still needs its day."""
    result = check_member(raw(migrant="是", migrant_destination="广东省深圳市", migrant_since="2025.3"), today=TODAY)
    assert not [i for i in result.errors if i.field == "migrant_since"]
    assert result.data is not None and partial_date.text(result.data.migrant_since) == "2025年03月"


def test_a_migrant_away_since_a_month_is_kept_to_the_month_and_checked(db: Any) -> None:
    """Saved, the member's 外出日期 reads back as March 2025 (not 1 March), and the board's checks run over it."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.checks import engine
    from partydesk.core.demo import fake_id_number
    from partydesk.core.services import members

    number = fake_id_number(random.Random(3), date(1972, 11, 5), True)
    data = MemberInput(name="胡晓东", gender="男", id_number=number, category="正式党员", joined_on="2000-07-01",
                       confirmed_on="2001-07-01", migrant="是", migrant_destination="广东省深圳市",
                       migrant_since="2025.3")
    saved = members.add_member(db, LOCAL_USER, data=data, today=TODAY)
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and partial_date.text(record.data.migrant_since) == "2025年03月"
    assert any(f.subject == saved.member_id for f in engine.open_findings(db, TODAY))  # (no report this year)
