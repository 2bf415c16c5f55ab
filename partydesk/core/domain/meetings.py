"""Meeting types (三会一课 and the rest) as data, and the period arithmetic their frequencies need.

Each type names its required frequency by a ``meeting.*.months`` rule (rules.py), who is expected to
attend and whether a quorum applies (DOMAIN.md §2.2). Periods restart every calendar year: a frequency
of N months that divides 12 splits the year into 12/N periods; one that does not leaves a shorter last
period (5 months: Jan–May, Jun–Oct, Nov–Dec); one longer than a year is one period per year that looks
back N months from 31 December ("held at least once in the last two years").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Expected(StrEnum):
    """Who is expected (应到) at a meeting of a type."""

    ALL = "all"  # every member on the roll that day
    COMMITTEE = "committee"  # members holding a 支委会 post (书记, 副书记, 委员 …)
    GROUP = "group"  # the members of the meeting's 党小组


class Quorum(StrEnum):
    """Which quorum a type needs: none, the voting members (党员大会) or the committee (支委会)."""

    NONE = "none"
    GENERAL = "general"
    COMMITTEE = "committee"


@dataclass(frozen=True)
class MeetingType:
    """One kind of meeting: a stable code, its Chinese name, its frequency rule and who attends."""

    code: str
    name: str
    rule_key: str | None  # the ``meeting.*.months`` rule, or None when nothing is required (其他)
    expected: Expected
    quorum: Quorum


MEETING_TYPES: tuple[MeetingType, ...] = (
    MeetingType("general", "支部党员大会", "meeting.general.months", Expected.ALL, Quorum.GENERAL),
    MeetingType("committee", "支部委员会会议", "meeting.committee.months", Expected.COMMITTEE, Quorum.COMMITTEE),
    MeetingType("group", "党小组会", "meeting.group.months", Expected.GROUP, Quorum.NONE),
    MeetingType("lecture", "党课", "meeting.lecture.months", Expected.ALL, Quorum.NONE),
    MeetingType("theme_day", "主题党日", "meeting.theme_day.months", Expected.ALL, Quorum.NONE),
    MeetingType("org_life", "组织生活会", "meeting.org_life.months", Expected.ALL, Quorum.NONE),
    MeetingType("appraisal", "民主评议党员", "meeting.appraisal.months", Expected.ALL, Quorum.NONE),
    MeetingType("other", "其他", None, Expected.ALL, Quorum.NONE),
)
TYPES_BY_CODE: dict[str, MeetingType] = {t.code: t for t in MEETING_TYPES}

# 党内职务 codes (codes.PARTY_POST) that sit on the 支部委员会: 书记 … 委员; 党小组长 (07) does not.
COMMITTEE_POSTS = frozenset({"01", "02", "03", "04", "05", "06"})


def meeting_type(code: str) -> MeetingType:
    """The type with this code; KeyError names the unknown code."""
    try:
        return TYPES_BY_CODE[code]
    except KeyError:
        raise KeyError(code) from None


# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """A span of whole months, ``start`` to ``end`` inclusive, with a Chinese label."""

    index: int
    start: date
    end: date
    label: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month (negative goes back)."""
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def month_end(year: int, month: int) -> date:
    """The last day of a month (29 February in leap years)."""
    return add_months(date(year, month, 1), 1) - timedelta(days=1)


def _label(year: int, start: int, end: int, months: int) -> str:
    if months == 1:
        return f"{year}年{start}月"
    if months == 3 and start % 3 == 1:
        return f"{year}年第{'一二三四'[(start - 1) // 3]}季度"
    if months == 6 and start in (1, 7):
        return f"{year}年{'上' if start == 1 else '下'}半年"
    if start == 1 and end == 12:
        return f"{year}年"
    return f"{year}年{start}–{end}月"


def periods_of_year(year: int, months: int) -> list[Period]:
    """The periods of ``year`` for a frequency of one meeting every ``months`` months."""
    if months < 1:
        raise ValueError(f"frequency must be at least one month, not {months}")
    if months > 12:
        end = date(year, 12, 31)
        return [Period(0, add_months(date(year + 1, 1, 1), -months), end, f"截至{year}年底的{months}个月")]
    out = []
    for index, first in enumerate(range(1, 13, months)):
        last = min(first + months - 1, 12)
        out.append(Period(index, date(year, first, 1), month_end(year, last), _label(year, first, last, months)))
    return out


def period_index(day: date, months: int) -> int:
    """Which of its year's periods ``day`` falls in (0-based); 0 for frequencies longer than a year."""
    return 0 if months > 12 else (day.month - 1) // months


def period_of(day: date, months: int) -> Period:
    """The period of ``day``'s year that contains it."""
    return periods_of_year(day.year, months)[period_index(day, months)]
