"""A member's year at a glance, for the member's page: meetings attended, excused and missed, the last one
attended, the last talk, and the study hours credited. A to-do about a member (连续缺席, 学时不足, 应谈话)
opens that page, and this says where the member stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from partydesk.core.changes import Actor
from partydesk.core.storage import meeting_repo, study_repo, talk_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT


@dataclass(frozen=True)
class MemberActivity:
    """The member's ``year``: meetings by attendance, the last one attended (any year), the last talk, 学时."""

    year: int
    present: int
    leave: int
    absent: int
    last_attended: date | None
    last_talk: date | None
    study_tenths: int


def member_activity(db: Database, actor: Actor, member_id: str, year: int) -> MemberActivity:
    """Where ``member_id`` stands in ``year`` (meetings, talks, study), read in one go."""
    with db.read() as session:
        counts = meeting_repo.attendance_counts(session, member_id, date(year, 1, 1), date(year, 12, 31))
        credited = study_repo.credited_by_member(session, year, member_ids=[member_id])
        return MemberActivity(year, counts.get(PRESENT, 0), counts.get(LEAVE, 0), counts.get(ABSENT, 0),
                              meeting_repo.last_attended(session, member_id),
                              talk_repo.last_talk_with(session, member_id), credited.get(member_id, 0))
