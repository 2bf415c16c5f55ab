"""Member structure (党员队伍结构) as the statistics group it: age bands, 党龄 bands, education groups.

A band is a half-open span of completed years, turned into a span of dates for the day it is judged on,
so the database can count each band with plain date comparisons. 党龄 counts from 转正 (党章): a
预备党员 has none yet. Education groups are ``codes.EDUCATION_GROUPS``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from partydesk.core.domain import codes


def shift_months(day: date, months: int) -> date:
    """``day`` moved by ``months``; the month's last day when ``day`` does not exist there (29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Band:
    """Completed years ``low`` ≤ n < ``high`` (``high`` None: no upper end), and its Chinese label."""

    key: str
    label: str
    low: int
    high: int | None

    def dates(self, today: date) -> tuple[date | None, date]:
        """(earliest, latest) start dates that give ``low`` ≤ completed years < ``high`` on ``today``.

        Someone born on ``latest`` has exactly ``low`` years on ``today``; earliest is exclusive of the
        day ``high`` years back (None: no lower limit)."""
        latest = shift_months(today, -12 * self.low)
        earliest = None if self.high is None else shift_months(today, -12 * self.high)
        return earliest, latest


AGE_BANDS: tuple[Band, ...] = (
    Band("-35", "35岁及以下", 0, 36),
    Band("36-45", "36–45岁", 36, 46),
    Band("46-55", "46–55岁", 46, 56),
    Band("56-60", "56–60岁", 56, 61),
    Band("61-", "61岁及以上", 61, None),
)

PARTY_AGE_BANDS: tuple[Band, ...] = (
    Band("-5", "不满5年", 0, 5),
    Band("5-10", "5–9年", 5, 10),
    Band("10-20", "10–19年", 10, 20),
    Band("20-30", "20–29年", 20, 30),
    Band("30-50", "30–49年", 30, 50),
    Band("50-", "50年及以上", 50, None),
)

UNKNOWN = "unknown"
UNKNOWN_LABEL = "未填写"

def education_groups() -> list[tuple[str, frozenset[str]]]:
    """(statistics group, its 学历 codes) in report order (``codes.EDUCATION_GROUPS``)."""
    return [(g, frozenset(c for c, grp in codes.EDUCATION_GROUP.items() if grp == g)) for g in codes.EDUCATION_GROUPS]


def education_group(code: str) -> str:
    """The statistics group of a 学历 code, or ``UNKNOWN`` for an empty or unknown code (as the SQL CASE)."""
    return codes.EDUCATION_GROUP.get(code, UNKNOWN) if code else UNKNOWN
