"""党龄 (years of Party membership): counted from 转正 (full membership), not from admission (党章).

A probationary member, or a record without a 转正 date, has no 党龄 yet; printed documents show "—".
Time under 停止党籍 is left out (``excluded`` periods, from ``membership.suspended_periods``).
A 转正 date known only to the month or the year (``partial_date``) is compared with today at that
precision, the way offices count: from 2019年03月, a year is complete in March of the next year; from
1972年, in the next year.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from partydesk.core.domain import partial_date

NO_AGE = "—"


def party_age(confirmed_on: date | None, today: date, *,
              excluded: Iterable[tuple[date, date | None]] = ()) -> int | None:
    """Full years from ``confirmed_on`` to ``today`` less the ``excluded`` periods (start, end or None: still
    running); None without a 转正 date or when it lies ahead."""
    if confirmed_on is None or partial_date.after(confirmed_on, today):
        return None
    days_out = sum(_overlap(start, end or today, confirmed_on, today) for start, end in excluded)
    if not days_out:
        return partial_date.full_years(confirmed_on, today)
    shifted = confirmed_on + timedelta(days=days_out)  # a plain date: the time out is counted in days
    if shifted > today:
        return 0
    return partial_date.full_years(shifted, today)


def _overlap(start: date, end: date, lo: date, hi: date) -> int:
    """Days of [start, end) that fall within [lo, hi)."""
    return max(0, (min(end, hi) - max(start, lo)).days)


def party_age_text(confirmed_on: date | None, today: date, *,
                   excluded: Iterable[tuple[date, date | None]] = ()) -> str:
    """党龄 as printed: "12 年", or "—" when there is none."""
    years = party_age(confirmed_on, today, excluded=excluded)
    return NO_AGE if years is None else f"{years} 年"
