"""The meeting tables (会议记录): a meeting, its attendance and its 列席 guests (migration 0006); its agenda
items, motions with their votes and attachments (migration 0008)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
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


class MeetingAgendaItem(SyncMixin, Base):
    """One item of a meeting's agenda (议程), in order."""

    __tablename__ = "meeting_agenda_item"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(500))


class MeetingMotion(SyncMixin, Base):
    """One matter put to the vote (表决事项) and the votes for, against and abstaining."""

    __tablename__ = "meeting_motion"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    votes_abstaining: Mapped[int] = mapped_column(Integer, default=0)


class MeetingAttachment(SyncMixin, Base):
    """A photo or scanned sign-in sheet of a meeting; the file is stored once under its SHA-256."""

    __tablename__ = "meeting_attachment"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[int] = mapped_column(Integer)
