"""The workbench's table of to-dos set aside (待办事项的忽略与暂缓): one row per finding ``(code, subject)``.

A finding dismissed (忽略) stays hidden; one snoozed (暂缓) stays hidden until its ``until`` day. Putting
it back (恢复) keeps the row with state ``restored``, so every change is an insert or an update and
reaches the audit trail; nothing is ever deleted. It is local bookkeeping of this office, not a record
that travels in a sync file. Migration 0012 creates it (and the member index ``ix_member_structure``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.core.storage.base import Base


class FindingDismissal(Base):
    """What the office decided about one finding, and why."""

    __tablename__ = "finding_dismissal"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))  # dismissed | snoozed | restored
    until: Mapped[date | None] = mapped_column(Date, nullable=True)  # snoozed: shown again from this day
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    decided_by: Mapped[str] = mapped_column(String(64), default="")
