"""Times the database keeps in UTC (without a zone), as this computer's clock shows them."""

from __future__ import annotations

from datetime import UTC, datetime


def local_time(utc: datetime) -> datetime:
    """A naive UTC time from the database as this computer's wall-clock time (naive too)."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
