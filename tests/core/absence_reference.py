"""The query ``meeting_repo.absence_runs`` was before it read the absences first (a join against a grouped
subquery: 20 s over a committee's 1.4 million attendance rows): the oracle its tests and benchmark compare with."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from partydesk.core.storage.meeting_repo import ABSENT
from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance


def reference_runs(session: Session, end: date, times: int, org_id: str | None = None) -> dict[str, int]:
    """The query ``absence_runs`` used to be (a join against a grouped subquery), as the oracle."""
    a, b = MeetingAttendance, MeetingAttendance.__table__.alias("b")
    held = Meeting.__table__.alias("held")
    inner = [b.c.status != ABSENT, b.c.deleted.is_(False), held.c.deleted.is_(False), held.c.held_on <= end]
    outer = [a.status == ABSENT, a.deleted.is_(False), Meeting.deleted.is_(False), Meeting.held_on <= end]
    if org_id is not None:
        inner.append(held.c.org_id == org_id)
        outer.append(Meeting.org_id == org_id)
    last_ok = (select(b.c.member_id, func.max(held.c.held_on).label("day"))
               .join(held, held.c.id == b.c.meeting_id).where(*inner).group_by(b.c.member_id).subquery())
    run = func.count(a.id)
    query = (select(a.member_id, run).join(Meeting, Meeting.id == a.meeting_id)
             .outerjoin(last_ok, last_ok.c.member_id == a.member_id)
             .where(*outer, or_(last_ok.c.day.is_(None), Meeting.held_on > last_ok.c.day))
             .group_by(a.member_id).having(run >= times))
    return {r[0]: r[1] for r in session.execute(query)}
