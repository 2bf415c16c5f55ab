"""Meeting documents from the database: the minutes record, its audit trace, the year's register."""

from __future__ import annotations

from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.motions import Motion
from partydesk.core.errors import ValidationError
from partydesk.core.services import audit, meeting_docs, meeting_records, members
from partydesk.core.storage.database import Database
from tests.meeting_docs_sample import (
    ABSENT_NAME,
    DECISIONS,
    GUEST,
    HELD_ON,
    LEAVE_NAME,
    LEAVE_REASON,
    PRESENT_NAMES,
    record_sample,
)


def test_minutes_carry_the_record_and_attendance_by_name(db: Database) -> None:
    """Present, on leave (with reason), absent and 列席 come by name; 应到/实到 and the quorum are counted."""
    sample = record_sample(db)
    m = meeting_docs.minutes_of(db, LOCAL_USER, sample.meeting_id)
    assert (m.organisation, m.type_name, m.topic, m.held_on) == ("中共示例社区第一支部委员会", "支部党员大会",
                                                                 "讨论发展党员工作", HELD_ON)
    assert (m.chair, m.recorder, m.place, m.when()) == ("王建国", "李秀英", "社区党群服务中心",
                                                        "2026年11月20日 14:30—16:30")
    assert sorted(p.name for p in m.present) == sorted(PRESENT_NAMES)
    assert [(p.name, p.reason) for p in m.leave] == [(LEAVE_NAME, LEAVE_REASON)]
    assert [(p.name, p.reason) for p in m.absent] == [(ABSENT_NAME, "未请假")]
    assert [(g.name, g.role) for g in m.guests] == [GUEST]
    assert (m.expected, m.voting_expected, m.voting_present, m.quorum_met) == (6, 5, 3, True)
    assert m.decisions == DECISIONS and "王建国" in m.body
    assert m.agenda == () and m.motions == ()


def test_reading_minutes_for_a_document_is_audited_without_names(db: Database) -> None:
    """Each read for a document leaves a meeting.print row naming the meeting, with no personal data."""
    sample = record_sample(db)
    meeting_docs.minutes_of(db, LOCAL_USER, sample.meeting_id, purpose="Word")
    entry = audit.list_entries(db, LOCAL_USER, limit=1)[0]
    assert entry.action == "meeting.print"
    assert sample.meeting_id in entry.record_ids
    assert "Word" in entry.summary and not any(name in entry.summary for name, _n, _p in sample.people)


def test_an_unknown_meeting_is_a_validation_error(db: Database) -> None:
    """A meeting id that does not exist gets the Chinese message, not a crash."""
    with pytest.raises(ValidationError, match="找不到这次会议"):
        meeting_docs.minutes_of(db, LOCAL_USER, "no-such-meeting")


def test_the_register_lists_the_years_meetings_with_counts_and_quorum(db: Database) -> None:
    """One row per meeting of the year: 应到/实到/请假/缺席 and the 党员大会's quorum verdict."""
    record_sample(db)
    register = meeting_docs.register_of(db, LOCAL_USER, 2026)
    assert register.organisation == "中共示例社区第一支部委员会"
    (row,) = register.rows
    assert (row.held_on, row.type_name, row.chair, row.recorder) == (HELD_ON, "支部党员大会", "王建国", "李秀英")
    assert (row.expected, row.present, row.leave, row.absent, row.quorum) == (6, 4, 1, 1, "符合")
    assert meeting_docs.register_of(db, LOCAL_USER, 2025).rows == []


def test_a_brief_starts_from_the_record_and_those_present(db: Database) -> None:
    """The brief's summary is the record as plain text; its names are those present, and nothing else."""
    sample = record_sample(db)
    source = meeting_docs.brief_source(db, LOCAL_USER, sample.meeting_id)
    assert source.title == "讨论发展党员工作" and source.held_on == HELD_ON
    assert "1. 传达上级文件精神；" in source.summary and "alert" not in source.summary
    assert sorted(source.names) == sorted(PRESENT_NAMES)


def test_a_member_deleted_since_keeps_a_place_but_no_name(db: Database) -> None:
    """The roll still counts a member deleted after the meeting; the minutes say so, the brief leaves it out."""
    sample = record_sample(db)
    gone = next(r.id for r in members.roster(db, LOCAL_USER) if r.name == "张伟")
    members.delete_member(db, LOCAL_USER, member_id=gone, reason="录入错误")
    m = meeting_docs.minutes_of(db, LOCAL_USER, sample.meeting_id)
    assert "（已删除的党员）" in [p.name for p in m.present] and "张伟" not in [p.name for p in m.present]
    assert m.expected == 6
    names = meeting_docs.brief_source(db, LOCAL_USER, sample.meeting_id).names
    assert len(names) == 3 and "（已删除的党员）" not in names


def test_agenda_and_motions_reach_the_minutes_with_the_pass_rule(db: Database) -> None:
    """Agenda items in order; each motion with its votes and whether it passed (more than half of the 5 with a
    vote due to attend, by default)."""
    sample = record_sample(db)
    record = meeting_records.get_record(db, sample.meeting_id)
    assert record is not None
    statuses = {a.member_id: a.status for a in record.attendance}
    reasons = {a.member_id: a.reason for a in record.attendance}
    meeting_records.update_meeting(db, LOCAL_USER, sample.meeting_id, record.data, statuses=statuses,
                                   reasons=reasons, guests=record.guests, agenda=["传达文件", "讨论发展对象"],
                                   motions=[Motion("接收李明为预备党员", 3, 0, 0), Motion("推迟换届", 2, 1, 0)])
    m = meeting_docs.minutes_of(db, LOCAL_USER, sample.meeting_id)
    assert m.agenda == ("传达文件", "讨论发展对象")
    assert [(x.title, x.votes_for, x.against, x.abstain, x.passed) for x in m.motions] == [
        ("接收李明为预备党员", 3, 0, 0, True), ("推迟换届", 2, 1, 0, False)]
    assert [g.name for g in m.guests] == [GUEST[0]]


def test_minutes_name_the_files_kept_with_the_record(db: Database, tmp_path: Path) -> None:
    """A 签到表 photo kept with the meeting is named on its minutes, in every format (the header table)."""
    from partydesk.core import attachments
    from partydesk.core.io.minutes_data import header_rows
    from partydesk.core.services import meetings
    from partydesk.core.storage.meeting_repo import MeetingData
    from tests.core.services.test_meetings import all_present

    sample = record_sample(db)
    assert meeting_docs.minutes_of(db, LOCAL_USER, sample.meeting_id).attachments == ()
    source = tmp_path / "签到表.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0 sign-in sheet")
    stored = attachments.put(attachments.store_root(db.path), source)
    added = meetings.add_meeting(db, LOCAL_USER, MeetingData(type_code="committee", topic="研究工作", held_on=HELD_ON),
                                 statuses=all_present(db, "committee", HELD_ON), attachments=[stored])
    minutes = meeting_docs.minutes_of(db, LOCAL_USER, added.meeting_id)
    assert minutes.attachments == ("签到表.jpg",)
    assert header_rows(minutes)[-1] == (("附件", "签到表.jpg"),)


def test_a_day_s_group_meetings_are_registered_in_their_groups_order(db: Database) -> None:
    """Four 党小组会 of one day entered 第一, 第三, 第二, 第四 (as the groups sent their records in): the register
    lists them 第一 to 第四, as the list on screen does."""
    from datetime import date

    from partydesk.core.services.meetings import add_meeting
    from partydesk.core.storage.meeting_repo import MeetingData

    for group in ("第一党小组", "第三党小组", "第二党小组", "第四党小组"):
        add_meeting(db, LOCAL_USER, MeetingData(type_code="group", held_on=date(2026, 3, 20), topic="学习",
                                                chair="王书记", recorder="李委员", party_group=group), statuses={})
    rows = meeting_docs.register_of(db, LOCAL_USER, 2026).rows
    assert [r.type_name for r in rows] == [f"党小组会（第{n}党小组）" for n in "一二三四"]
