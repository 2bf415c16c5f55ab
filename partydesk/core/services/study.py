"""Study use cases (学习教育): record activities and own courses, count a meeting as study, certifications,
the materials library.

An activity credits each participant its hours (or fewer, for one who left early), split per calendar
year (domain/study.py). Participants must have been on the roll some day of the activity; strangers are
refused by name. A 党课 or 主题党日 already recorded as a meeting is counted once through
``count_meeting``: the members present get the hours, and the activity's unique ``meeting_id`` makes a
second count impossible (a friendly message first, the constraint as the last word).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.meetings import TYPES_BY_CODE
from partydesk.core.domain.study import FORMS_BY_CODE, MEETING_AS_STUDY, STUDY_FORMS, StudyForm, split_by_year
from partydesk.core.domain.study_quota import roll_spans
from partydesk.core.domain.study_records import EARLIER_NOTE
from partydesk.core.domain.study_records import is_earlier_hours as is_earlier_hours  # for the pages
from partydesk.core.errors import ValidationError
from partydesk.core.storage import meeting_repo, notice_repo, settings_repo, study_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import PRESENT
from partydesk.core.storage.study_repo import ActivityData, ActivitySummary, CertificationData, Credit, MaterialData

MAX_TENTHS = 2000 * 10  # no single activity credits more than this (a typo guard: 2000 学时)
DAY_TENTHS = 8 * 10  # a full day of off-the-job training counts 8 学时 (DOMAIN.md): no day credits more


@dataclass(frozen=True)
class ActivityAdded:
    """What recording an activity did: the change record, the new id and the members credited."""

    changes: Changes
    activity_id: str
    credited: int


def form_of(code: str) -> StudyForm:
    """The study form with this code; ValidationError lists the known codes."""
    try:
        return FORMS_BY_CODE[code]
    except KeyError:
        known = "、".join(f"{f.code}（{f.name}）" for f in STUDY_FORMS)
        raise ValidationError(f"未知的学习形式“{code}”。可用的形式：{known}。", field="form_code",
                              code="unknown_study_form") from None


def _check(data: ActivityData) -> None:
    form = form_of(data.form_code)
    if not data.topic.strip():
        raise ValidationError("请填写学习内容（主题）。", field="topic", code="no_topic")
    if data.end_on < data.start_on:
        raise ValidationError("结束日期不能早于开始日期。", field="end_on", code="end_before_start")
    if data.start_on > date.today():  # hours are credited when recorded: not for a study still to come
        raise ValidationError(f"学习日期 {data.start_on:%Y-%m-%d} 还没到。学习记录请在学习开始后填写；"
                              "如果日期填错了，请改正。", field="start_on", code="future")
    if not 0 < data.hours_tenths <= MAX_TENTHS:
        raise ValidationError("学时须大于 0 且不超过 2000。", field="hours", code="bad_hours")
    days = (data.end_on - data.start_on).days + 1
    # A sitting (集体学习, 党课, 培训班, 远程教育) fills at most its days; a member's own course or reading (网络培训,
    # 自学) is credited on the day it was finished, whatever its length.
    if form.collective and data.hours_tenths > DAY_TENTHS * days:
        most = DAY_TENTHS * days // 10
        raise ValidationError(f"{data.start_on:%Y-%m-%d}" + (f" 至 {data.end_on:%Y-%m-%d}" if days > 1 else "")
                              + f" 共 {days} 天，最多计 {most} 学时（全天脱产培训每天计 8 学时），"
                              f"不能计 {data.hours_tenths / 10:g} 学时。请核对学时，或改正学习的起止日期。",
                              field="hours", code="hours_beyond_days")


def _org(db: Database) -> str:
    if db.site is None or db.site.organisation_id is None:
        raise ValidationError("请先完成初始设置（填写党组织信息）。", code="not_set_up")
    return db.site.organisation_id


def add_activity(db: Database, actor: Actor, data: ActivityData, *,
                 participants: Mapping[str, int | None]) -> ActivityAdded:
    """Record an activity; ``participants`` maps member ids to the tenths credited (None: the full hours)."""
    _check(data)
    _check_participants(data, participants)
    org_id = _org(db)
    with db.write(actor, action="study.add") as session:
        if data.meeting_id is not None and study_repo.activity_for_meeting(session, data.meeting_id) is not None:
            raise ValidationError("这次会议已经计入学时，不能重复计入。", field="meeting_id", code="meeting_counted")
        activity_id = study_repo.insert_activity(session, org_id, data,
                                                 _credits(session, data, participants, org_id))
    return ActivityAdded(Changes.of(ChangeKind.STUDY, activity_id), activity_id, len(participants))


EARLIER_TOPIC = "启用本程序前已有的学时（按原台账补录）"


def earlier_period(db: Database, today: date) -> tuple[date, date]:
    """The stretch of ``today``'s year before this file began its records, for entering the hours the members
    already had (补录此前学时): from 1 January to the day before the records began, or to ``today`` when they
    began in an earlier year or not at all."""
    with db.read() as session:
        began = settings_repo.records_began(session)
    start = date(today.year, 1, 1)
    if began is not None and start < began <= today:
        return start, began - timedelta(days=1)
    return start, today


def save_earlier_hours(db: Database, actor: Actor, *, form_code: str, start_on: date, end_on: date,
                       hours: Mapping[str, int], activity_id: str | None = None) -> Changes:
    """Record in one go the hours members had before the file began (补录此前学时), or correct such a record
    (``activity_id``): ``hours`` maps member ids to their tenths, each as the old ledger has it (members with
    none are left out). One record of the form chosen, over the period, credits each member exactly their
    own hours; it is listed and deleted like any other, and opened again in the same dialog."""
    credited = {member_id: tenths for member_id, tenths in hours.items() if tenths}
    if not credited:
        raise ValidationError("请至少给一名党员填写此前的学时。", field="hours", code="no_hours")
    if any(tenths < 0 for tenths in credited.values()):
        raise ValidationError("学时不能是负数。", field="hours", code="bad_hours")
    if end_on > date.today():
        raise ValidationError("补录的是已经有的学时：结束日期不能晚于今天。", field="end_on", code="future")
    data = ActivityData(form_code=form_code, topic=EARLIER_TOPIC, start_on=start_on, end_on=end_on,
                        hours_tenths=max(credited.values()), notes=EARLIER_NOTE)
    if activity_id is None:
        return add_activity(db, actor, data, participants=credited).changes
    return update_activity(db, actor, activity_id, data, participants=credited)


def _check_participants(data: ActivityData, participants: Mapping[str, int | None]) -> None:
    if not participants:
        raise ValidationError("请至少选择一名参加的党员。", field="participants", code="no_participants")
    for tenths in participants.values():
        if tenths is not None and not 0 < tenths <= data.hours_tenths:
            raise ValidationError("个人计入的学时须大于 0，且不超过活动学时。", field="participants",
                                  code="bad_credit")


def _credits(session: Session, data: ActivityData, participants: Mapping[str, int | None],
             org_id: str | None) -> list[Credit]:
    """Each participant's tenths per calendar year; a ValidationError naming anyone not on the roll of the
    activity's organisation ``org_id`` then (a committee's file holds every branch's members: a branch's hours
    are the branch's to record, and a committee's record of them would count them twice once the branch's came)."""
    people = {m.id: m for m in meeting_repo.roll_members(session, ids=participants, org_id=org_id)}
    strangers = [people[i].name if i in people else i for i in participants
                 if i not in people or not roll_spans(people[i], data.start_on, data.end_on)]
    if strangers:
        raise ValidationError(f"{'、'.join(strangers)} 在活动期间不是本支部党员（未入党、已转出或不在册）。",
                              field="participants", code="not_on_roll")
    return [Credit(member_id, year, share)
            for member_id, tenths in participants.items()
            for year, share in split_by_year(data.start_on, data.end_on,
                                             data.hours_tenths if tenths is None else tenths).items()
            if share > 0]


def update_activity(db: Database, actor: Actor, activity_id: str, data: ActivityData, *,
                    participants: Mapping[str, int | None]) -> Changes:
    """Correct a recorded collective study: its form, topic, dates, hours and participants (as ``add_activity``
    checks them). The credits follow: a member taken off loses the hours, one added gains them. A member's
    own course and a meeting counted as study keep what only they set (the member, the meeting, the proof)."""
    _check(data)
    _check_participants(data, participants)
    with db.write(actor, action="study.update") as session:
        stored = study_repo.get_activity(session, activity_id)
        if stored is None:
            raise ValidationError("找不到这项学习活动，可能已被删除。", code="no_activity")
        data = replace(data, individual=stored.individual, meeting_id=stored.meeting_id,
                       evidence_sha=stored.evidence_sha, evidence_name=stored.evidence_name)
        study_repo.update_activity(session, activity_id, data,
                                   _credits(session, data, participants, study_repo.activity_org(session, activity_id)))
    return Changes.of(ChangeKind.STUDY, activity_id)


def add_own_course(db: Database, actor: Actor, member_id: str, data: ActivityData) -> ActivityAdded:
    """Record a member's own course or external training (个人学习): one participant, evidence optional."""
    return add_activity(db, actor, replace(data, individual=True), participants={member_id: None})


def count_meeting(db: Database, actor: Actor, meeting_id: str, *, hours_tenths: int,
                  form_code: str | None = None, materials: str = "") -> ActivityAdded:
    """Count a recorded meeting (党课, 主题党日, 党小组学习) as study: its members present get the hours."""
    with db.read() as session:
        meeting = meeting_repo.get_meeting(session, meeting_id)
        present = [a.member_id for a in meeting_repo.attendance_of(session, meeting_id) if a.status == PRESENT]
    if meeting is None:
        raise ValidationError("找不到这次会议，可能已被删除。", code="no_meeting")
    form = form_code or MEETING_AS_STUDY.get(meeting.type_code)
    if form is None:
        name = TYPES_BY_CODE[meeting.type_code].name if meeting.type_code in TYPES_BY_CODE else meeting.type_code
        raise ValidationError(f"{name}不按学习活动计入学时（可计入：党课、主题党日、党小组学习）。",
                              field="meeting_id", code="not_study")
    if not present:
        raise ValidationError("这次会议没有出席的党员，没有可计入的学时。", field="meeting_id", code="nobody_present")
    # 组织单位或主讲人: a 党课's lecturer, else who held it (a 党小组, or the branch); never the chair, a person
    # who only presided.
    organiser = meeting.lecturer or meeting.party_group or "本支部"
    data = ActivityData(form_code=form, topic=meeting.topic, start_on=meeting.held_on, end_on=meeting.held_on,
                        hours_tenths=hours_tenths, organiser=organiser,
                        basis="会议记录", materials=materials, meeting_id=meeting_id)
    return add_activity(db, actor, data, participants=dict.fromkeys(present))


def delete_activity(db: Database, actor: Actor, activity_id: str) -> Changes:
    """Remove an activity and the hours it credited (kept as a tombstone for sync)."""
    with db.write(actor, action="study.delete") as session:
        if not study_repo.delete_activity(session, activity_id):
            raise ValidationError("找不到这项学习活动，可能已被删除。", code="no_activity")
    return Changes.of(ChangeKind.STUDY, activity_id)


def activities_of_year(db: Database, year: int) -> list[ActivitySummary]:
    """The activities of ``year`` (any day in it), oldest first, with participants and hours."""
    with db.read() as session:
        return study_repo.activities_between(session, date(year, 1, 1), date(year, 12, 31))


def activity(db: Database, activity_id: str) -> tuple[ActivityData, list[Credit]]:
    """One activity and its credit rows."""
    with db.read() as session:
        data = study_repo.get_activity(session, activity_id)
        if data is None:
            raise ValidationError("找不到这项学习活动，可能已被删除。", code="no_activity")
        return data, study_repo.credits_of(session, activity_id)


def _check_certification(data: CertificationData) -> None:
    if not data.name.strip():
        raise ValidationError("请填写证书或资格名称。", field="name", code="no_name")
    if data.obtained_on and data.expires_on and data.expires_on < data.obtained_on:
        raise ValidationError("有效期不能早于取得日期。", field="expires_on", code="expiry_before")


def add_certification(db: Database, actor: Actor, data: CertificationData) -> Changes:
    """Record a member's certification or qualification."""
    _check_certification(data)
    with db.write(actor, action="certification.add") as session:
        if not meeting_repo.roll_members(session, ids=[data.member_id]):
            raise ValidationError("找不到这名党员。", field="member_id", code="unknown_member")
        cert_id = study_repo.insert_certification(session, data)
    return Changes.of(ChangeKind.CERTIFICATION, cert_id)


def update_certification(db: Database, actor: Actor, cert_id: str, data: CertificationData) -> Changes:
    """Correct a certification (a mistyped date, a renewal written over the old one)."""
    _check_certification(data)
    with db.write(actor, action="certification.edit") as session:
        if not meeting_repo.roll_members(session, ids=[data.member_id]):
            raise ValidationError("找不到这名党员。", field="member_id", code="unknown_member")
        if not study_repo.set_certification(session, cert_id, data):
            raise ValidationError("找不到这条证书记录，可能已被删除。", code="no_certification")
    return Changes.of(ChangeKind.CERTIFICATION, cert_id)


def delete_certification(db: Database, actor: Actor, cert_id: str) -> Changes:
    """Remove a certification recorded by mistake or no longer held (kept as a tombstone for sync)."""
    with db.write(actor, action="certification.delete") as session:
        if not study_repo.set_certification(session, cert_id, None):
            raise ValidationError("找不到这条证书记录，可能已被删除。", code="no_certification")
    return Changes.of(ChangeKind.CERTIFICATION, cert_id)


def certifications(db: Database) -> list[tuple[str, str, CertificationData]]:
    """(id, member name, record) of every live certification."""
    with db.read() as session:
        return study_repo.certifications(session)


def add_material(db: Database, actor: Actor, data: MaterialData) -> Changes:
    """Add an item (a stored file or a link) to the materials library."""
    if not data.title.strip():
        raise ValidationError("请填写资料标题。", field="title", code="no_title")
    if not data.file_sha and not data.link.strip():
        raise ValidationError("请选择文件或填写链接。", field="file", code="no_file")
    with db.write(actor, action="material.add") as session:
        material_id = study_repo.insert_material(session, data)
    return Changes.of(ChangeKind.MATERIAL, material_id)


def delete_material(db: Database, actor: Actor, material_id: str) -> Changes:
    """Delete an item of this office's own library (a typo, a file no longer wanted). One sent down goes from the
    branches it went to with the next package to each; one from another office is that office's to delete."""
    assert db.site is not None
    with db.write(actor, action="material.delete") as session:
        owner = notice_repo.material_owner(session, material_id)
        if owner is None:
            raise ValidationError("找不到这份学习资料，可能已被删除。", field="material", code="unknown_material")
        if owner != db.site.site_id:
            raise ValidationError("这份资料是其他单位的（上级下发或支部报送），只能由该单位删除。", field="material",
                                  code="not_owner")
        study_repo.tombstone_material(session, material_id)
    return Changes.of(ChangeKind.MATERIAL, material_id)


def roll(db: Database, activity_id: str | None = None) -> list[RollMember]:
    """Every live member with its events (who can be credited on a day: ``study_quota.roll_spans``): of the
    recorded activity's organisation, or of this office's for a new one (a committee's file holds every
    branch's members; the branch credits its own)."""
    with db.read() as session:
        org_id = study_repo.activity_org(session, activity_id) if activity_id is not None else None
        if org_id is None and db.site is not None:
            org_id = db.site.organisation_id
        return meeting_repo.roll_members(session, org_id=org_id)


def search_materials(db: Database, text: str = "") -> list[tuple[str, MaterialData]]:
    """Materials whose title, tags, notes or file name hold every word of ``text``, newest first."""
    with db.read() as session:
        return study_repo.materials(session, text.split())
