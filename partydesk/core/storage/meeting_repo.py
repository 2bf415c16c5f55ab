"""Repository for meetings: frozen records in and out; counts and tallies are SQL aggregates.

Like member_repo, these functions only read and write what they are told, inside the caller's
``Database.write`` or ``read`` session; ORM rows never leave this module (house rule 2). Rows are added
through the ORM, so stamping gives each its version, change_seq and row hash in the same flush.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, extract, func, or_, select
from sqlalchemy.orm import Session

from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.member_events import EventKind, MemberEvent
from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance, MeetingGuest
from partydesk.core.storage.tables import Member, MemberEventRow

PRESENT, LEAVE, ABSENT = "present", "leave", "absent"
STATUSES = (PRESENT, LEAVE, ABSENT)


@dataclass(frozen=True)
class MeetingData:
    """What a person records about a meeting (all text; empty when not given)."""

    type_code: str
    topic: str
    held_on: date
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    chair: str = ""
    recorder: str = ""
    lecturer: str = ""
    party_group: str = ""
    body: str = ""
    decisions: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Attendance:
    """One expected member's attendance."""

    member_id: str
    status: str
    voting: bool
    reason: str = ""


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting as lists show it: 应到 is the attendance rows, 实到 those present."""

    id: str
    type_code: str
    topic: str
    held_on: date
    party_group: str
    expected: int
    present: int
    voting_expected: int
    voting_present: int


# ---------------------------------------------------------------- writes


def insert_meeting(session: Session, org_id: str, data: MeetingData, attendance: Sequence[Attendance],
                   guests: Sequence[tuple[str, str]] = ()) -> str:
    """Add a meeting of organisation ``org_id`` with its attendance rows and guests (name, role); returns
    the meeting id."""
    row = Meeting(org_id=org_id, deleted=False, **vars(data))
    session.add(row)
    session.flush()
    session.add_all(MeetingAttendance(meeting_id=row.id, member_id=a.member_id, status=a.status, voting=a.voting,
                                      reason=a.reason, deleted=False) for a in attendance)
    session.add_all(MeetingGuest(meeting_id=row.id, name=name, role=role, deleted=False) for name, role in guests)
    session.flush()
    return row.id


# ---------------------------------------------------------------- reads


def roll_members(session: Session) -> list[RollMember]:
    """Every live member with its live events: what the 应到 roll of any date is computed from."""
    events: dict[str, list[MemberEvent]] = {}
    query = select(MemberEventRow.id, MemberEventRow.member_id, MemberEventRow.kind, MemberEventRow.on_date,
                   MemberEventRow.detail, MemberEventRow.change_seq).where(MemberEventRow.deleted.is_(False))
    for r in session.execute(query):
        events.setdefault(r.member_id, []).append(
            MemberEvent(r.id, r.member_id, EventKind(r.kind), r.on_date, r.detail, seq=r.change_seq))
    members = select(Member.id, Member.name, Member.category, Member.joined_on, Member.confirmed_on,
                     Member.party_group, Member.party_post).where(Member.deleted.is_(False))
    return [RollMember(r.id, r.name, r.category, r.joined_on, r.confirmed_on, r.party_group, r.party_post,
                       tuple(events.get(r.id, ()))) for r in session.execute(members.order_by(Member.name_pinyin))]


def _counted() -> tuple[Any, ...]:
    a = MeetingAttendance
    here = a.status == PRESENT
    return (func.count(a.id).label("expected"),
            func.coalesce(func.sum(case((here, 1), else_=0)), 0).label("present"),
            func.coalesce(func.sum(case((a.voting, 1), else_=0)), 0).label("voting_expected"),
            func.coalesce(func.sum(case((here & a.voting, 1), else_=0)), 0).label("voting_present"))


def meetings_between(session: Session, start: date, end: date) -> list[MeetingSummary]:
    """Live meetings held from ``start`` to ``end`` (inclusive), oldest first, with their counts."""
    a = MeetingAttendance
    query = (select(Meeting.id, Meeting.type_code, Meeting.topic, Meeting.held_on, Meeting.party_group, *_counted())
             .outerjoin(a, (a.meeting_id == Meeting.id) & a.deleted.is_(False))
             .where(Meeting.deleted.is_(False), Meeting.held_on >= start, Meeting.held_on <= end)
             .group_by(Meeting.id).order_by(Meeting.held_on, Meeting.change_seq))
    return [MeetingSummary(*r) for r in session.execute(query)]


def get_meeting(session: Session, meeting_id: str) -> MeetingData | None:
    """The live meeting's record, or None."""
    row = session.get(Meeting, meeting_id)
    if row is None or row.deleted:
        return None
    return MeetingData(**{name: getattr(row, name) for name in MeetingData.__dataclass_fields__})


def attendance_of(session: Session, meeting_id: str) -> list[Attendance]:
    """The attendance rows of one meeting."""
    a = MeetingAttendance
    rows = session.execute(select(a.member_id, a.status, a.voting, a.reason)
                           .where(a.meeting_id == meeting_id, a.deleted.is_(False)))
    return [Attendance(*r) for r in rows]


def held_by_month(session: Session, start: date, end: date) -> list[tuple[str, str, int, int, int]]:
    """(type code, party group, year, month, meetings held) for live meetings from ``start`` to ``end``."""
    year, month = extract("year", Meeting.held_on), extract("month", Meeting.held_on)
    query = (select(Meeting.type_code, Meeting.party_group, year, month, func.count(Meeting.id))
             .where(Meeting.deleted.is_(False), Meeting.held_on >= start, Meeting.held_on <= end)
             .group_by(Meeting.type_code, Meeting.party_group, year, month))
    return [(r[0], r[1], int(r[2]), int(r[3]), int(r[4])) for r in session.execute(query)]


def attendance_tally(session: Session, start: date, end: date) -> dict[str, dict[str, int]]:
    """member id -> {status: how many meetings} over live meetings from ``start`` to ``end``."""
    a = MeetingAttendance
    query = (select(a.member_id, a.status, func.count(a.id)).join(Meeting, Meeting.id == a.meeting_id)
             .where(Meeting.deleted.is_(False), a.deleted.is_(False), Meeting.held_on >= start,
                    Meeting.held_on <= end)
             .group_by(a.member_id, a.status))
    out: dict[str, dict[str, int]] = {}
    for member_id, status, n in session.execute(query):
        out.setdefault(member_id, {})[status] = n
    return out


def absence_runs(session: Session, end: date, times: int) -> dict[str, int]:
    """member id -> how many meetings in a row, up to ``end``, the member was last absent from (at least
    ``times``). The run starts after the member's latest meeting attended or excused (请假); an absence on
    that same day does not count."""
    a, b = MeetingAttendance, MeetingAttendance.__table__.alias("b")
    held = Meeting.__table__.alias("held")
    last_ok = (select(b.c.member_id, func.max(held.c.held_on).label("day"))
               .join(held, held.c.id == b.c.meeting_id)
               .where(b.c.status != ABSENT, b.c.deleted.is_(False), held.c.deleted.is_(False), held.c.held_on <= end)
               .group_by(b.c.member_id).subquery())
    run = func.count(a.id)
    query = (select(a.member_id, run).join(Meeting, Meeting.id == a.meeting_id)
             .outerjoin(last_ok, last_ok.c.member_id == a.member_id)
             .where(a.status == ABSENT, a.deleted.is_(False), Meeting.deleted.is_(False), Meeting.held_on <= end,
                    or_(last_ok.c.day.is_(None), Meeting.held_on > last_ok.c.day))
             .group_by(a.member_id).having(run >= times))
    return {r[0]: r[1] for r in session.execute(query)}
