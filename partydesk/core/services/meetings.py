"""Meeting use cases (三会一课): record a meeting with its attendance, list a year, check compliance.

Adding a meeting computes its 应到 roll for the meeting date (domain/meeting_roll.py): every expected
member gets an attendance row — present, on leave or absent; members not named are absent. Members not
expected that day are refused, naming them, and so is a record with nobody present when someone was
expected (it would mark everyone absent without a reason). Compliance, attendance rates and the list are SQL
aggregates (storage/meeting_repo.py), never a load of every meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from partydesk.core.attachments import StoredFile
from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.domain.meeting_roll import Count, Expectation, RollRules, count, expected_members
from partydesk.core.domain.meetings import TYPES_BY_CODE, Expected, MeetingType, meeting_type
from partydesk.core.domain.motions import Motion
from partydesk.core.domain.motions import problems as motion_problems
from partydesk.core.errors import ValidationError
from partydesk.core.services.rules import rule_values
from partydesk.core.storage import meeting_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import (
    ABSENT,
    LEAVE,
    PRESENT,
    Attendance,
    MeetingSummary,
)
from partydesk.core.storage.meeting_repo import (
    MeetingData as MeetingData,  # what callers outside the core pass in (the GUI imports no storage)
)


@dataclass(frozen=True)
class MeetingAdded:
    """What adding a meeting did: the change record, the new id and the 应到/实到 count."""

    changes: Changes
    meeting_id: str
    count: Count


def roll_rules(db: Database) -> RollRules:
    """The roll and quorum numbers from the rule table."""
    values = rule_values(db)
    return RollRules(count_migrants=values.get("meeting.expect.migrant", 1) == 1,
                     general_quorum_bp=values.get("meeting.quorum.general.bp", 5000),
                     committee_quorum_bp=values.get("meeting.quorum.committee.bp", 5000))


def type_of(code: str) -> MeetingType:
    """The meeting type with this code; ValidationError lists the known codes."""
    try:
        return meeting_type(code)
    except KeyError:
        known = "、".join(f"{t.code}（{t.name}）" for t in TYPES_BY_CODE.values())
        raise ValidationError(f"未知的会议类型“{code}”。可用的类型：{known}。", field="type_code",
                              code="unknown_meeting_type") from None


def check_data(db: Database, data: MeetingData, statuses: Mapping[str, str]) -> MeetingType:
    """The meeting's type after checking what the form must hold; ValidationError names the field."""
    kind = type_of(data.type_code)
    if not data.topic.strip():
        raise ValidationError("请填写会议主题。", field="topic", code="no_topic")
    if data.held_on > date.today():  # a record of a meeting held: one to come would count as held already
        raise ValidationError(f"会议日期 {data.held_on:%Y-%m-%d} 还没到。会议记录请在会议召开后填写；"
                              "如果日期填错了，请改正。", field="held_on", code="future")
    if kind.expected is Expected.GROUP and not data.party_group.strip():
        raise ValidationError("党小组会须指明是哪个党小组。", field="party_group", code="no_group")
    for name, label in (("start_time", "开始时间"), ("end_time", "结束时间")):
        if not valid_time(getattr(data, name)):
            raise ValidationError(f"{label}应写成“时:分”，例如 14:30。", field=name, code="bad_time")
    if data.start_time and data.end_time and data.end_time < data.start_time:
        raise ValidationError("结束时间早于开始时间。", field="end_time", code="end_before_start")
    bad = sorted({s for s in statuses.values() if s not in (PRESENT, LEAVE, ABSENT)})
    if bad:
        raise ValidationError(f"未知的出席情况：{'、'.join(bad)}。", field="status", code="bad_status")
    if db.site is None or db.site.organisation_id is None:
        raise ValidationError("请先完成初始设置（填写党组织信息）。", code="not_set_up")
    return kind


_WIDE = str.maketrans("０１２３４５６７８９：", "0123456789:")  # as a Chinese input method types them
_SPOKEN = re.compile(r"(\d{1,2})[点时](?:(\d{1,2})分?|半)?")


def normal_time(text: str) -> str:
    """A time as it was typed, written HH:MM where it plainly is one: full-width digits and colon (a Chinese
    input method's), 9:30, 930 and 1430, 14点30, 14时30分, 9点半, 14点; anything else as it was (stripped),
    for ``valid_time`` to refuse with its message."""
    plain = text.strip().translate(_WIDE).replace(" ", "")
    hours, minutes = "", ""
    spoken = _SPOKEN.fullmatch(plain)
    if spoken:
        hours, minutes = spoken.group(1), "30" if plain.endswith("半") else (spoken.group(2) or "0")
    elif ":" in plain:
        hours, _sep, minutes = plain.partition(":")
    elif plain.isdigit() and len(plain) in (3, 4):
        hours, minutes = plain[:-2], plain[-2:]
    if hours.isdigit() and minutes.isdigit() and len(hours) <= 2 and len(minutes) <= 2 and not (
            ":" in plain and len(minutes) != 2) and int(hours) < 24 and int(minutes) < 60:
        return f"{int(hours):02d}:{int(minutes):02d}"
    return text.strip()


def valid_time(text: str) -> bool:
    """Empty, or a wall-clock time written HH:MM (00:00–23:59)."""
    if not text:
        return True
    hours, sep, minutes = text.partition(":")
    return (sep == ":" and len(hours) == 2 and len(minutes) == 2 and hours.isdigit() and minutes.isdigit()
            and int(hours) < 24 and int(minutes) < 60)


def attendance_rows(session: Session, kind: MeetingType, data: MeetingData, rules: RollRules, *,
                    statuses: Mapping[str, str], reasons: Mapping[str, str] | None,
                    no_vote: frozenset[str], org_id: str | None) -> tuple[list[Attendance], Count]:
    """The attendance rows of every expected member of the meeting's organisation ``org_id`` (the rest of
    ``statuses`` refused by name) and the count. In a committee's file, which holds every branch's members,
    a meeting's roll is its own organisation's: never another branch's members."""
    members = meeting_repo.roll_members(session, org_id=org_id)
    roll = expected_members(kind, members, data.held_on, rules, group=data.party_group, no_vote=no_vote)
    expected_ids = {e.member_id for e in roll}
    names = {m.id: m.name for m in members}
    strangers = [names.get(i, i) for i in statuses if i not in expected_ids]
    if strangers:
        raise ValidationError(
            f"{'、'.join(strangers)} 不在这次{kind.name}（{data.held_on:%Y-%m-%d}）的应到名单中"
            "（未入党、已转出、不在该党小组或非支委）。", field="attendance", code="not_expected")
    rows = [Attendance(e.member_id, statuses.get(e.member_id, ABSENT), e.voting,
                       (reasons or {}).get(e.member_id, "") if statuses.get(e.member_id, ABSENT) != PRESENT else "")
            for e in roll]
    present = {e.member_id for e in roll if statuses.get(e.member_id) == PRESENT}
    if roll and not present:
        # Everyone not ticked would be stored as absent without a reason, and feed the attendance rates
        # and the "连续N次无故缺席" findings. A roll with nobody on it (no members entered yet, a group
        # without members that day) writes no absences, so it may still be recorded.
        raise ValidationError(
            f"没有党员记为出席（应到 {len(roll)} 人，实到 0 人），这样保存会把所有人记为缺席。"
            "请在“出席情况”中勾选实际出席的党员后再保存。",
            field="attendance", code="nobody_present")
    return rows, count(kind, roll, present, rules)


def check_motions(motions: Sequence[Motion], tally: Count) -> None:
    """Refuse motions without a title or with impossible votes, naming the motion."""
    for motion in motions:
        wrong = motion_problems(motion, tally)
        if wrong:
            raise ValidationError(wrong[0], field="motions", code="bad_motion")


def add_meeting(db: Database, actor: Actor, data: MeetingData, *, statuses: Mapping[str, str],
                reasons: Mapping[str, str] | None = None, guests: Iterable[tuple[str, str]] = (),
                no_vote: frozenset[str] = frozenset(), agenda: Sequence[str] = (),
                motions: Sequence[Motion] = (), attachments: Sequence[StoredFile] = ()) -> MeetingAdded:
    """Record a meeting; ``statuses`` maps member ids to present/leave/absent (the rest are absent).

    ``no_vote``: more members without a vote that day (留党察看 is read from the members' 党纪处分 events).
    ``attachments``: files already put in the attachment store (core/attachments.py).
    """
    kind = check_data(db, data, statuses)
    assert db.site is not None and db.site.organisation_id is not None  # check_data refused otherwise
    org_id = db.site.organisation_id
    rules = roll_rules(db)
    with db.write(actor, action="meeting.add") as session:
        rows, tally = attendance_rows(session, kind, data, rules, statuses=statuses, reasons=reasons,
                                      no_vote=no_vote, org_id=org_id)
        check_motions(motions, tally)
        meeting_id = meeting_repo.insert_meeting(session, org_id, data, rows, list(guests))
        meeting_repo.set_agenda(session, meeting_id, [a for a in agenda if a.strip()])
        meeting_repo.set_motions(session, meeting_id, motions)
        meeting_repo.set_attachments(session, meeting_id, (), attachments)
    return MeetingAdded(Changes.of(ChangeKind.MEETING, meeting_id), meeting_id, tally)


SHORT_ID = 8  # the characters of a meeting's id ``meetings list`` shows, enough to name it


def meeting_id_of(db: Database, text: str) -> str:
    """The meeting a typed number names: its whole id, or its first characters (as ``meetings list`` shows
    them) when only one live meeting begins so; the text as given when none does (the caller's lookup then
    says there is no such meeting). ValidationError when several do."""
    text = text.strip()
    if len(text) < 4 or len(text) >= 36:
        return text
    with db.read() as session:
        found = meeting_repo.ids_beginning(session, text)
    if len(found) > 1:
        raise ValidationError(f"有不止一次会议的编号以“{text}”开头，请多写几位。", field="id", code="ambiguous_id")
    return found[0] if found else text


def meetings_of_year(db: Database, year: int, org_id: str | None = None) -> list[MeetingSummary]:
    """The meetings held in ``year`` (``org_id``: of that organisation only), oldest first, with 应到/实到."""
    with db.read() as session:
        return meeting_repo.meetings_between(session, date(year, 1, 1), date(year, 12, 31), org_id)


def meeting_count(db: Database, meeting_id: str) -> Count:
    """应到/实到 and the quorum of a recorded meeting, from its stored attendance."""
    rules = roll_rules(db)
    with db.read() as session:
        data = meeting_repo.get_meeting(session, meeting_id)
        if data is None:
            raise ValidationError("找不到这次会议，可能已被删除。", code="no_meeting")
        rows = meeting_repo.attendance_of(session, meeting_id)
    roll = [Expectation(r.member_id, r.voting) for r in rows]
    return count(type_of(data.type_code), roll, {r.member_id for r in rows if r.status == PRESENT}, rules)


def resolve_members(db: Database, tokens: Iterable[str]) -> dict[str, str]:
    """token -> member id, each token a member id or a 公民身份号码; ValidationError names unknown ones."""
    from partydesk.core.storage import member_repo

    wanted = [t.strip() for t in tokens if t.strip()]
    with db.read() as session:
        ids = {m.id for m in meeting_repo.roll_members(session)}
        by_number = member_repo.all_id_numbers(session)
    found, unknown = {}, []
    for token in wanted:
        member_id = token if token in ids else by_number.get(token.upper())
        if member_id is None:
            unknown.append(token)
        else:
            found[token] = member_id
    if unknown:
        raise ValidationError(f"找不到这些党员：{'、'.join(unknown)}（请用党员编号或公民身份号码）。",
                              field="attendance", code="unknown_member")
    return found
