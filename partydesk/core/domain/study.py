"""Study and training (学习教育) as data: activity forms, the 学时 conversion and the per-year split.

Hours are kept as integer tenths of a 学时 (``tenths``), as money is kept in 分: a 1.5-hour branch study
is 15, and a year's ledger is an exact integer sum. The conversion numbers are rules (rules.py
``study.hours.*``): a full day off the job is 8 学时, a half day 4, one hour of branch study 1 (DOMAIN.md
§2.5, one unit's practice, so editable). Hours count per calendar year and do not carry over: an activity
spanning the new year is split between the years in proportion to its days in each (largest remainder,
so the parts add up to the whole).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum


@dataclass(frozen=True)
class StudyForm:
    """One form of study activity: a stable code and its Chinese name."""

    code: str
    name: str
    collective: bool  # organised for a group (participants) rather than one member's own course


STUDY_FORMS: tuple[StudyForm, ...] = (
    StudyForm("collective", "集体学习", True),
    StudyForm("lecture", "党课", True),
    StudyForm("class", "培训班", True),
    StudyForm("online", "网络培训", False),
    StudyForm("remote", "远程教育", True),
    StudyForm("self", "自学", False),
)
FORMS_BY_CODE: dict[str, StudyForm] = {f.code: f for f in STUDY_FORMS}
# Meeting types (domain/meetings.py) that can be counted as study, and the form they are counted as.
MEETING_AS_STUDY: dict[str, str] = {"lecture": "lecture", "theme_day": "collective", "group": "collective"}


class Unit(StrEnum):
    """How an activity's length is given: whole days, half days or hours (rules ``study.hours.*``)."""

    FULL_DAY = "day"
    HALF_DAY = "half_day"
    HOUR = "hour"


UNIT_NAMES: dict[Unit, str] = {Unit.FULL_DAY: "全天", Unit.HALF_DAY: "半天", Unit.HOUR: "小时"}
UNIT_RULES: dict[Unit, str] = {Unit.FULL_DAY: "study.hours.full_day", Unit.HALF_DAY: "study.hours.half_day",
                               Unit.HOUR: "study.hours.per_hour"}
UNIT_DEFAULTS: dict[Unit, int] = {Unit.FULL_DAY: 8, Unit.HALF_DAY: 4, Unit.HOUR: 1}


def study_form(code: str) -> StudyForm:
    """The form with this code; KeyError names the unknown code."""
    return FORMS_BY_CODE[code]


def to_tenths(amount: Decimal | int | str) -> int:
    """A number of 学时 as tenths, rounded half up: "1.5" -> 15; ValueError when it is no number."""
    try:
        value = Decimal(str(amount).strip())
    except InvalidOperation:
        raise ValueError(f"“{amount}”不是数字") from None
    if not value.is_finite():
        raise ValueError(f"“{amount}”不是数字")
    return int((value * 10).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_tenths(tenths: int) -> str:
    """Tenths of a 学时 as people write them: 15 -> "1.5", 320 -> "32"."""
    sign = "-" if tenths < 0 else ""
    whole, part = divmod(abs(tenths), 10)
    return f"{sign}{whole}" if part == 0 else f"{sign}{whole}.{part}"


def convert(unit: Unit, count: Decimal | int | str, hours_per_unit: dict[str, int] | None = None) -> int:
    """学时 (in tenths) for ``count`` units of ``unit``: 2 full days -> 160, 1.5 hours -> 15.

    ``hours_per_unit`` maps the ``study.hours.*`` rule keys to their values (the rule table); missing keys
    take the defaults.
    """
    rates = hours_per_unit or {}
    per_unit = rates.get(UNIT_RULES[unit], UNIT_DEFAULTS[unit])
    tenths = to_tenths(count)
    if tenths < 0:
        raise ValueError("学时不能为负数")
    return tenths * per_unit


def split_by_year(start: date, end: date, tenths: int) -> dict[int, int]:
    """Share ``tenths`` between the calendar years from ``start`` to ``end`` by their days in each year.

    The shares are whole tenths that add up to ``tenths`` exactly (largest remainder; ties go to the
    earlier year).
    """
    if end < start:
        raise ValueError("结束日期早于开始日期")
    if start.year == end.year:
        return {start.year: tenths}
    total_days = (end - start).days + 1
    days: dict[int, int] = {}
    for year in range(start.year, end.year + 1):
        first, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
        days[year] = (last - first).days + 1
    shares = {y: tenths * d // total_days for y, d in days.items()}
    left = tenths - sum(shares.values())
    by_remainder = sorted(days, key=lambda y: (-(tenths * days[y] % total_days), y))
    for year in by_remainder[:left]:
        shares[year] += 1
    return shares


def days_in_year(year: int) -> int:
    """365 or 366."""
    return (date(year + 1, 1, 1) - date(year, 1, 1)).days


def year_days(year: int) -> tuple[date, date]:
    """The first and last day of ``year``."""
    return date(year, 1, 1), date(year, 12, 31)


def day_after(day: date) -> date:
    """The next day (None-safe callers check for date.max themselves)."""
    return day + timedelta(days=1)
