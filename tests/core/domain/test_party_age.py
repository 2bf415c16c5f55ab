"""党龄: full years since 转正, none without a 转正 date."""

from __future__ import annotations

from datetime import date

from partydesk.core.domain.party_age import party_age, party_age_text


def test_party_age_counts_full_years_from_confirmation() -> None:
    """A year is counted only once its anniversary has come."""
    assert party_age(date(2006, 7, 1), date(2026, 6, 30)) == 19
    assert party_age(date(2006, 7, 1), date(2026, 7, 1)) == 20
    assert party_age(date(2024, 2, 29), date(2025, 2, 28)) == 0


def test_no_confirmation_means_no_party_age() -> None:
    """A probationary member (no 转正 date) or a date ahead has no 党龄; printed as a dash."""
    assert party_age(None, date(2026, 1, 1)) is None
    assert party_age(date(2027, 1, 1), date(2026, 1, 1)) is None
    assert party_age_text(None, date(2026, 1, 1)) == "—"
    assert party_age_text(date(2000, 1, 1), date(2026, 1, 1)) == "26 年"
