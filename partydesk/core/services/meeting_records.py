"""The whole record of one meeting (会议记录): read it, change it, delete it, and the roll a form starts from.

``update_meeting`` rewrites a record as the form now holds it, in one transaction: the 应到 roll is taken
again for the (perhaps changed) type, date and group, so attendance rows of members no longer expected
are tombstoned and newly expected members added; agenda items, motions and guests are matched by
position; attachments are kept by id or added from files already in the store. ``delete_meeting``
leaves a tombstone with every written word wiped (house rule: never hard-delete a synced row), tombstones
the study activity that counted the meeting as study, if any, and removes attachment files no live record
still names, after the commit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from partydesk.core import attachments as store
from partydesk.core.attachments import StoredFile
from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.domain.group_order import group_sort_key
from partydesk.core.domain.meeting_roll import Count, Expectation, RollRules, count, expected_members
from partydesk.core.domain.motions import Motion, MotionRules
from partydesk.core.errors import ValidationError
from partydesk.core.services.meetings import attendance_rows, check_data, check_motions, roll_rules, type_of
from partydesk.core.services.rules import rule_values
from partydesk.core.storage import meeting_repo, study_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import PRESENT, AttachmentInfo, Attendance, MeetingData

GONE = "找不到这次会议，可能已被删除。"


@dataclass(frozen=True)
class MeetingRecord:
    """Everything recorded about one meeting, as the record dialog shows it."""

    id: str
    data: MeetingData
    attendance: tuple[Attendance, ...]
    guests: tuple[tuple[str, str], ...]
    agenda: tuple[str, ...]
    motions: tuple[Motion, ...]
    attachments: tuple[AttachmentInfo, ...]
    org_id: str = ""  # the organisation that held it (a branch's, in a committee's file)
    corrected_at: datetime | None = None  # last changed by the higher level (上级更正), in UTC; None: never


@dataclass(frozen=True)
class MeetingSaved:
    """What a save did: the change record, the meeting id and its 应到/实到 count."""

    changes: Changes
    meeting_id: str
    count: Count


@dataclass(frozen=True)
class RollEntry:
    """One member expected at a meeting: id, name, whether the member has a vote that day, and whether the
    record marks them away ("lost": 失联, "migrant": 流动; "" when not): marked present, they are pointed out."""

    member_id: str
    name: str
    voting: bool
    away: str = ""


def motion_rules(db: Database) -> MotionRules:
    """The pass rule of motions from the rule table."""
    values = rule_values(db)
    return MotionRules(base=values.get("meeting.motion.base", 1), bp=values.get("meeting.motion.bp", 5000))


def _meeting_org(db: Database, session: Session, meeting_id: str | None) -> str | None:
    """The organisation whose members make a meeting's roll: the recorded meeting's own, else (a new meeting)
    this office's. A committee's file holds every branch's members; a meeting is of one organisation."""
    if meeting_id is not None:
        found = meeting_repo.meeting_org(session, meeting_id)
        if found is not None:
            return found
    return db.site.organisation_id if db.site is not None else None


def expected_roll(db: Database, type_code: str, held_on: date, party_group: str = "", *,
                  no_vote: frozenset[str] = frozenset(),
                  meeting_id: str | None = None) -> tuple[list[RollEntry], RollRules]:
    """The members expected at a meeting of this type on ``held_on`` (in roster order) and the roll rules:
    of the recorded meeting ``meeting_id``'s organisation, or of this office's for a new one."""
    kind = type_of(type_code)
    rules = roll_rules(db)
    with db.read() as session:
        members = meeting_repo.roll_members(session, org_id=_meeting_org(db, session, meeting_id))
        names = {m.id: m.name for m in members}
        roll = expected_members(kind, members, held_on, rules, group=party_group, no_vote=no_vote)
        away = meeting_repo.away_of(session, [e.member_id for e in roll])
    return [RollEntry(e.member_id, names[e.member_id], e.voting, away.get(e.member_id, "")) for e in roll], rules


def get_record(db: Database, meeting_id: str) -> MeetingRecord | None:
    """The live meeting's whole record, or None."""
    with db.read() as session:
        data = meeting_repo.get_meeting(session, meeting_id)
        if data is None:
            return None
        return MeetingRecord(meeting_id, data, tuple(meeting_repo.attendance_of(session, meeting_id)),
                             tuple(meeting_repo.guests_of(session, meeting_id)),
                             tuple(meeting_repo.agenda_of(session, meeting_id)),
                             tuple(meeting_repo.motions_of(session, meeting_id)),
                             tuple(meeting_repo.attachments_of(session, meeting_id)),
                             meeting_repo.meeting_org(session, meeting_id) or "",
                             meeting_repo.corrected_at(session, meeting_id))


def update_meeting(db: Database, actor: Actor, meeting_id: str, data: MeetingData, *,
                   statuses: Mapping[str, str], reasons: Mapping[str, str] | None = None,
                   guests: Sequence[tuple[str, str]] = (), agenda: Sequence[str] = (),
                   motions: Sequence[Motion] = (), keep_attachments: Sequence[str] = (),
                   add_attachments: Sequence[StoredFile] = (),
                   no_vote: frozenset[str] = frozenset()) -> MeetingSaved:
    """Rewrite a recorded meeting as given (see the module docstring); members not named are absent."""
    kind = check_data(db, data, statuses)
    rules = roll_rules(db)
    with db.write(actor, action="meeting.update") as session:
        if not meeting_repo.meeting_exists(session, meeting_id):
            raise ValidationError(GONE, code="no_meeting")
        rows, tally = attendance_rows(session, kind, data, rules, statuses=statuses, reasons=reasons,
                                      no_vote=no_vote, org_id=meeting_repo.meeting_org(session, meeting_id))
        check_motions(motions, tally)
        meeting_repo.update_meeting_row(session, meeting_id, data)
        meeting_repo.set_attendance(session, meeting_id, rows)
        meeting_repo.set_guests(session, meeting_id, [(n, r) for n, r in guests if n.strip()])
        meeting_repo.set_agenda(session, meeting_id, [a for a in agenda if a.strip()])
        meeting_repo.set_motions(session, meeting_id, motions)
        before = {a.sha256 for a in meeting_repo.attachments_of(session, meeting_id)}
        meeting_repo.set_attachments(session, meeting_id, keep_attachments, add_attachments)
        session.flush()
        orphans = before - meeting_repo.hashes_in_use(session, sorted(before))
    _remove_files(db, orphans)
    return MeetingSaved(Changes.of(ChangeKind.MEETING, meeting_id), meeting_id, tally)


def delete_meeting(db: Database, actor: Actor, meeting_id: str) -> Changes:
    """Delete a meeting: a tombstone with its text wiped; files no other meeting uses are removed.

    A meeting counted as study (计为学习) takes its study activity and the hours it credited with it, in the
    same transaction and audit entry: they were the meeting's attendance, and left behind they would be
    hours from a meeting that no longer exists, which the study page cannot change.
    """
    study_id: str | None = None
    with db.write(actor, action="meeting.delete") as session:
        if not meeting_repo.meeting_exists(session, meeting_id):
            raise ValidationError(GONE, code="no_meeting")
        hashes = {a.sha256 for a in meeting_repo.attachments_of(session, meeting_id)}
        study_id = study_repo.activity_for_meeting(session, meeting_id)
        if study_id is not None and not study_repo.delete_activity(session, study_id):
            study_id = None  # a tombstone already (it released the meeting when it was deleted)
        meeting_repo.tombstone_meeting(session, meeting_id)
        session.flush()
        orphans = hashes - meeting_repo.hashes_in_use(session, sorted(hashes))
    _remove_files(db, orphans)
    changes = Changes.of(ChangeKind.MEETING, meeting_id)
    return changes if study_id is None else changes.merge(Changes.of(ChangeKind.STUDY, study_id))


def _remove_files(db: Database, hashes: set[str]) -> None:
    root = store.store_root(db.path)
    for sha in sorted(hashes):
        store.remove(root, sha)


def stored_count(record: MeetingRecord, rules: RollRules) -> Count:
    """应到/实到 and quorum of a record from its attendance rows."""
    roll = [Expectation(a.member_id, a.voting) for a in record.attendance]
    present = {a.member_id for a in record.attendance if a.status == PRESENT}
    return count(type_of(record.data.type_code), roll, present, rules)


def party_groups(db: Database, meeting_id: str | None = None) -> list[str]:
    """The party groups live members belong to, in their numbered order (for the group box of a form): of
    the meeting's organisation, as ``expected_roll``."""
    with db.read() as session:
        members = meeting_repo.roll_members(session, org_id=_meeting_org(db, session, meeting_id))
    return sorted({m.party_group for m in members if m.party_group}, key=group_sort_key)
