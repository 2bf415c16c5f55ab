"""The meeting tables (会议记录): a meeting, its attendance and its 列席 guests. Migration 0006 creates them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from partydesk.core.storage.base import Base, SyncMixin


class Meeting(SyncMixin, Base):
    """One meeting held: its type (meetings.MEETING_TYPES code), date and record."""

    __tablename__ = "meeting"

    org_id: Mapped[str] = mapped_column(ForeignKey("organisation.id"), index=True)  # the branch that held it
    type_code: Mapped[str] = mapped_column(String(32), index=True)
    topic: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[str] = mapped_column(String(5), default="")  # "HH:MM" or empty
    end_time: Mapped[str] = mapped_column(String(5), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    chair: Mapped[str] = mapped_column(String(64), default="")
    recorder: Mapped[str] = mapped_column(String(64), default="")
    lecturer: Mapped[str] = mapped_column(String(64), default="")
    party_group: Mapped[str] = mapped_column(String(64), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class MeetingAttendance(SyncMixin, Base):
    """One expected member at a meeting: present, on leave (请假) or absent, and the vote that day."""

    __tablename__ = "meeting_attendance"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    status: Mapped[str] = mapped_column(String(8))  # present | leave | absent
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    reason: Mapped[str] = mapped_column(String(200), default="")


class MeetingGuest(SyncMixin, Base):
    """A non-member attendee (列席人员) of a meeting."""

    __tablename__ = "meeting_guest"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(200), default="")
