"""Reads for meeting documents: a meeting's people by name and the year's register rows.

The minutes and the register (会议台账) need names and per-status counts that ``meeting_repo``'s list
queries do not carry; they are read here, in the caller's ``Database.read`` session, as plain tuples and
frozen records. Names come ordered by pinyin, as on the roster.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT
from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance
from partydesk.core.storage.tables import MEMBER_NAME_ORDER, Member


@dataclass(frozen=True)
class NamedAttendance:
    """One member on a meeting's roll, by name."""

    name: str
    status: str
    voting: bool
    reason: str


@dataclass(frozen=True)
class RegisterLine:
    """One meeting as the register lists it, with its counts by status."""

    id: str
    type_code: str
    topic: str
    held_on: date
    place: str
    chair: str
    recorder: str
    party_group: str
    expected: int
    present: int
    leave: int
    absent: int
    voting_expected: int
    voting_present: int


def meeting_org(session: Session, meeting_id: str) -> str | None:
    """The id of the organisation that held the live meeting, or None when there is no such meeting."""
    row = session.execute(select(Meeting.org_id).where(Meeting.id == meeting_id, Meeting.deleted.is_(False))).first()
    return row[0] if row is not None else None


def named_attendance(session: Session, meeting_id: str) -> list[NamedAttendance]:
    """The meeting's roll with each member's name, in pinyin order (a deleted member's name is empty)."""
    a = MeetingAttendance
    query = (select(Member.name, a.status, a.voting, a.reason).join(Member, Member.id == a.member_id)
             .where(a.meeting_id == meeting_id, a.deleted.is_(False)).order_by(MEMBER_NAME_ORDER, Member.name))
    return [NamedAttendance(r[0] or "", r[1], bool(r[2]), r[3] or "") for r in session.execute(query)]


def register_lines(session: Session, start: date, end: date) -> list[RegisterLine]:
    """Live meetings held from ``start`` to ``end`` (inclusive), oldest first, with counts by status."""
    a = MeetingAttendance

    def counted(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    query = (select(Meeting.id, Meeting.type_code, Meeting.topic, Meeting.held_on, Meeting.place, Meeting.chair,
                    Meeting.recorder, Meeting.party_group, func.count(a.id), counted(a.status == PRESENT),
                    counted(a.status == LEAVE), counted(a.status == ABSENT), counted(a.voting.is_(True)),
                    counted((a.status == PRESENT) & a.voting))
             .outerjoin(a, (a.meeting_id == Meeting.id) & a.deleted.is_(False))
             .where(Meeting.deleted.is_(False), Meeting.held_on >= start, Meeting.held_on <= end)
             .group_by(Meeting.id).order_by(Meeting.held_on, Meeting.change_seq))
    return [RegisterLine(*tuple(r)) for r in session.execute(query)]
