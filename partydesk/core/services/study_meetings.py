"""Meetings counted as study (计为学习), and the reads a study page needs to refresh only what changed.

A 党课, 主题党日 or 党小组学习 already recorded as a meeting is counted once (``study.count_meeting``);
``meetings_to_count`` lists a year's qualifying meetings with whether each is counted, and suggests the
hours from the meeting's recorded times (one hour of branch study is one 学时, to the half hour) or, with
no times, the rule table's half day. ``study_of_meeting`` is the activity a meeting's deletion takes with it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from partydesk.core.domain.meetings import TYPES_BY_CODE
from partydesk.core.domain.study import MEETING_AS_STUDY, UNIT_DEFAULTS, UNIT_RULES, Unit
from partydesk.core.services.rules import rule_values
from partydesk.core.storage import study_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.study_repo import ActivitySummary, MeetingCandidate


@dataclass(frozen=True)
class MeetingToCount:
    """A qualifying meeting, its type's name and the 学时 (tenths) suggested for it."""

    meeting: MeetingCandidate
    type_name: str
    suggested_tenths: int

    @property
    def id(self) -> str:
        """The meeting's id."""
        return self.meeting.id


def _minutes(text: str) -> int | None:
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit():
        return None
    return int(hours) * 60 + int(minutes)


def suggested_tenths(start_time: str, end_time: str, rules: dict[str, int]) -> int:
    """The meeting's length to the half hour (at least half an hour) times the hour rate, or the half-day
    rate when its times are not both recorded."""
    per_hour = rules.get(UNIT_RULES[Unit.HOUR], UNIT_DEFAULTS[Unit.HOUR])
    start, end = _minutes(start_time), _minutes(end_time)
    if start is None or end is None or end <= start:
        return rules.get(UNIT_RULES[Unit.HALF_DAY], UNIT_DEFAULTS[Unit.HALF_DAY]) * 10
    halves = max(1, (end - start + 15) // 30)
    return halves * 5 * per_hour


def _to_count(rows: list[MeetingCandidate], rules: dict[str, int]) -> list[MeetingToCount]:
    return [MeetingToCount(r, TYPES_BY_CODE[r.type_code].name if r.type_code in TYPES_BY_CODE else r.type_code,
                           suggested_tenths(r.start_time, r.end_time, rules)) for r in rows]


def meetings_to_count(db: Database, year: int) -> list[MeetingToCount]:
    """The year's 党课, 主题党日 and 党小组学习 meetings, oldest first, each marked counted or not."""
    rules = rule_values(db)
    with db.read() as session:
        rows = study_repo.meeting_candidates(session, date(year, 1, 1), date(year, 12, 31), MEETING_AS_STUDY)
    return _to_count(rows, rules)


def meetings_to_count_by_ids(db: Database, ids: Collection[str]) -> list[MeetingToCount]:
    """The qualifying meetings among ``ids`` (any year), each marked counted or not."""
    rules = rule_values(db)
    with db.read() as session:
        rows = study_repo.meeting_candidates(session, date.min, date.max, MEETING_AS_STUDY, meeting_ids=ids)
    return _to_count(rows, rules)


def counted_meetings(db: Database, ids: Collection[str] | None = None) -> set[str]:
    """Ids of the meetings (of ``ids``, or all) already counted as study."""
    with db.read() as session:
        return study_repo.counted_meetings(session, ids)


def study_of_meeting(db: Database, meeting_id: str) -> ActivitySummary | None:
    """The live activity that counts this meeting as study, with its participants and hours, or None (what
    deleting the meeting would delete with it: ``meeting_records.delete_meeting``)."""
    with db.read() as session:
        activity_id = study_repo.activity_for_meeting(session, meeting_id)
        found = [] if activity_id is None else study_repo.activities_by_ids(session, [activity_id])
    return found[0] if found else None


def activities_by_ids(db: Database, ids: Collection[str]) -> list[ActivitySummary]:
    """The live activities among ``ids``, with participants and hours (deleted ones are left out)."""
    with db.read() as session:
        return study_repo.activities_by_ids(session, ids)


def members_of_activities(db: Database, ids: Collection[str]) -> set[str]:
    """The members the activities ``ids`` credit or credited (a deletion moves their ledger too)."""
    with db.read() as session:
        return study_repo.members_of_activities(session, ids)
