"""Meeting documents as use cases: the minutes of a meeting, the year's register, a brief's starting point.

Each reads the database once and returns plain records (``io.minutes_data.MinutesData``,
``io.meeting_register.RegisterRow``) that the writers in ``core/io`` and ``gui/pdf.py`` turn into files.
Agenda items and motions (with the pass rule of the rule table applied to their votes) come from the
record; they are empty when none were recorded. Minutes name members and their reasons for 请假/缺席,
so every read of them for a document is audited ("meeting.print", RELIABILITY §3.4), as member cards
are. Documents carry names only, never ID or phone numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from partydesk.core.changes import Actor
from partydesk.core.domain.group_order import group_sort_key
from partydesk.core.domain.meeting_roll import more_than
from partydesk.core.domain.meetings import Quorum
from partydesk.core.domain.motions import passes
from partydesk.core.errors import ValidationError
from partydesk.core.io.meeting_register import RegisterRow
from partydesk.core.io.minutes_body import blocks_text, plain_text
from partydesk.core.io.minutes_data import Attendee, Guest, MinutesData, MotionLine, record_blocks
from partydesk.core.services import audit
from partydesk.core.services.meeting_records import motion_rules
from partydesk.core.services.meetings import meeting_count, roll_rules, type_of
from partydesk.core.storage import meeting_docs_repo, meeting_repo, settings_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT

__all__ = ["BriefSource", "brief_source", "minutes_of", "register_of"]

DELETED = "（已删除的党员）"


def _missing() -> ValidationError:
    return ValidationError("找不到这次会议，可能已被删除。", field="meeting", code="no_meeting")


def minutes_of(db: Database, actor: Actor, meeting_id: str, *, purpose: str = "PDF") -> MinutesData:
    """The minutes of a meeting, audited as read for ``purpose`` (PDF, 打印, Word); ValidationError when
    the meeting does not exist."""
    with db.read() as session:
        data = meeting_repo.get_meeting(session, meeting_id)
        org_id = meeting_docs_repo.meeting_org(session, meeting_id)
        if data is None or org_id is None:
            raise _missing()
        org = settings_repo.get_organisation(session, org_id)
        roll = meeting_docs_repo.named_attendance(session, meeting_id)
        guests = meeting_repo.guests_of(session, meeting_id)
        agenda = meeting_repo.agenda_of(session, meeting_id)
        motions = meeting_repo.motions_of(session, meeting_id)
        attachments = tuple(a.name for a in meeting_repo.attachments_of(session, meeting_id))
    count = meeting_count(db, meeting_id)
    rules = motion_rules(db)

    def people(status: str) -> tuple[Attendee, ...]:
        # A member deleted since keeps the place on the roll; the name was wiped with the record.
        return tuple(Attendee(r.name or DELETED, r.reason) for r in roll if r.status == status)

    audit.record_access(db, actor, action="meeting.print", record_ids=[meeting_id], summary=f"会议记录（{purpose}）")
    return MinutesData(
        organisation=org.name if org is not None else "", type_name=type_of(data.type_code).name, topic=data.topic,
        held_on=data.held_on, start_time=data.start_time, end_time=data.end_time, place=data.place,
        chair=data.chair, recorder=data.recorder, lecturer=data.lecturer, party_group=data.party_group,
        present=people(PRESENT), leave=people(LEAVE), absent=people(ABSENT),
        guests=tuple(Guest(name, role) for name, role in guests), agenda=tuple(agenda), body=data.body,
        motions=tuple(MotionLine(m.title, m.votes_for, m.votes_against, m.votes_abstaining, passes(m, count, rules))
                      for m in motions),
        decisions=data.decisions,
        voting_expected=count.voting_expected, voting_present=count.voting_present, quorum_met=count.quorum_met,
        attachments=attachments)


@dataclass(frozen=True)
class Register:
    """The year's register: the organisation's name and one row per meeting, oldest first."""

    organisation: str
    year: int
    rows: list[RegisterRow]


def register_of(db: Database, actor: Actor, year: int) -> Register:
    """The meetings of ``year`` as register rows, with each type's quorum verdict from the rule table."""
    del actor  # reading counts and the chair's name needs no trace; roles will hang on the actor
    rules = roll_rules(db)
    with db.read() as session:
        lines = meeting_docs_repo.register_lines(session, date(year, 1, 1), date(year, 12, 31))
        site = settings_repo.get_site(session)
        org = settings_repo.get_organisation(session, site.organisation_id) if site and site.organisation_id else None
    rows = []
    # A day's group meetings in their groups' order (第一 to 第四党小组), as the list on screen has them, not as
    # they were entered; the other meetings of the day before them, in the order entered.
    for line in sorted(lines, key=lambda line: (line.held_on, group_sort_key(line.party_group))):
        kind = type_of(line.type_code)
        met: bool | None = None
        if kind.quorum is Quorum.GENERAL:
            met = more_than(line.voting_present, line.voting_expected, rules.general_quorum_bp)
        elif kind.quorum is Quorum.COMMITTEE:
            met = more_than(line.present, line.expected, rules.committee_quorum_bp)
        name = f"{kind.name}（{line.party_group}）" if line.party_group else kind.name
        rows.append(RegisterRow(line.held_on, name, line.topic, line.place, line.chair, line.recorder,
                                line.expected, line.present, line.leave, line.absent,
                                {None: "", True: "符合", False: "不符合"}[met]))  # (as the list on screen says it)
    return Register(org.name if org is not None else "", year, rows)


@dataclass(frozen=True)
class BriefSource:
    """What a brief (活动简报) starts from: the meeting's topic, date and record, and who attended."""

    organisation: str
    title: str
    held_on: date
    summary: str
    names: tuple[str, ...]


def brief_source(db: Database, actor: Actor, meeting_id: str) -> BriefSource:
    """The starting point of a meeting's brief: the record as plain text and the names of those present."""
    minutes = minutes_of(db, actor, meeting_id, purpose="活动简报")
    record = blocks_text(record_blocks(minutes.body))  # what was written, not the template's unused prompts
    decided = plain_text(minutes.decisions)
    summary = "\n".join(part for part in (record, decided) if part) or (
        f"{minutes.when().split(' ')[0]}，{minutes.organisation}在{minutes.place or '本支部'}召开{minutes.type_name}，"
        f"主题为“{minutes.topic}”。应到 {minutes.expected} 人，实到 {len(minutes.present)} 人。")
    return BriefSource(minutes.organisation, minutes.topic, minutes.held_on, summary,
                       tuple(p.name for p in minutes.present if p.name != DELETED))
