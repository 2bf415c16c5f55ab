"""党龄 (years of Party membership): counted from 转正 (full membership), not from admission (党章).

A probationary member, or a record without a 转正 date, has no 党龄 yet; printed documents show "—".
"""

from __future__ import annotations

from datetime import date

NO_AGE = "—"


def party_age(confirmed_on: date | None, today: date) -> int | None:
    """Full years from ``confirmed_on`` to ``today``; None without a 转正 date or when it lies ahead."""
    if confirmed_on is None or confirmed_on > today:
        return None
    years = today.year - confirmed_on.year
    if (today.month, today.day) < (confirmed_on.month, confirmed_on.day):
        years -= 1
    return years


def party_age_text(confirmed_on: date | None, today: date) -> str:
    """党龄 as printed: "12 年", or "—" when there is none."""
    years = party_age(confirmed_on, today)
    return NO_AGE if years is None else f"{years} 年"
