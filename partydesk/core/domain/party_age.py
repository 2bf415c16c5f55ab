"""党龄 (years of Party membership): counted from 转正 (full membership), not from admission (党章).

A probationary member, or a record without a 转正 date, has no 党龄 yet; printed documents show "—".
Time under 停止党籍 is left out (``excluded`` periods, from ``membership.suspended_periods``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

NO_AGE = "—"


def party_age(confirmed_on: date | None, today: date, *,
              excluded: Iterable[tuple[date, date | None]] = ()) -> int | None:
    """Full years from ``confirmed_on`` to ``today`` less the ``excluded`` periods (start, end or None: still
    running); None without a 转正 date or when it lies ahead."""
    if confirmed_on is None or confirmed_on > today:
        return None
    days_out = sum(_overlap(start, end or today, confirmed_on, today) for start, end in excluded)
    confirmed_on += timedelta(days=days_out)
    if confirmed_on > today:
        return 0
    years = today.year - confirmed_on.year
    if (today.month, today.day) < (confirmed_on.month, confirmed_on.day):
        years -= 1
    return years


def _overlap(start: date, end: date, lo: date, hi: date) -> int:
    """Days of [start, end) that fall within [lo, hi)."""
    return max(0, (min(end, hi) - max(start, lo)).days)


def party_age_text(confirmed_on: date | None, today: date, *,
                   excluded: Iterable[tuple[date, date | None]] = ()) -> str:
    """党龄 as printed: "12 年", or "—" when there is none."""
    years = party_age(confirmed_on, today, excluded=excluded)
    return NO_AGE if years is None else f"{years} 年"
