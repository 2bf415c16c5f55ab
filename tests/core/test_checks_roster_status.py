"""党籍 checks on their boundary days: probation ended, six months lost, two years suspended, 留党察看."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.core import checks
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks.advice import advice
from partydesk.core.checks.findings import CHECKS, Finding, Severity, Target, run_checks
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import EventKind
from partydesk.core.services import members
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 30)
FULL = MemberInput(name="赵六", gender="男", id_number="110105194912310038", category="正式党员",
                   joined_on="2010-07-01", confirmed_on="2011-07-01")


def _member(db: Database, **changes: str) -> str:
    data = MemberInput(**{**FULL.__dict__, **changes})
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def _event(db: Database, member_id: str, kind: EventKind, on: date, detail: str = "") -> None:
    members.add_event(db, LOCAL_USER, member_id=member_id, kind=kind, on_date=on, detail=detail, today=TODAY)


def _found(db: Database, code: str, day: date) -> list[Finding]:
    checks.load_all()
    return run_checks(db, day, [code])


def test_the_module_registers_its_checks() -> None:
    """load_all makes the 党籍 checks available by name."""
    checks.load_all()
    assert {"member.probation_overdue", "member.probation_ending", "member.lost_undecided",
            "member.suspended_too_long", "member.observation_ending"} <= set(CHECKS)


def test_probation_past_its_end_without_a_decision(db: Database) -> None:
    """On the day probation ends nothing is due; the day after it is overdue, aimed at the member."""
    member_id = _member(db, category="预备党员", joined_on="2025-10-15", confirmed_on="")
    assert _found(db, "member.probation_overdue", date(2026, 10, 15)) == []
    [finding] = _found(db, "member.probation_overdue", date(2026, 10, 16))
    assert (finding.severity, finding.due, finding.target) == (Severity.OVERDUE, date(2026, 10, 15),
                                                               Target("member", member_id))
    assert "党章" in finding.rule and "预备期已于2026年10月15日届满" in finding.message
    _event(db, member_id, EventKind.PROBATION_EXTENDED, date(2026, 10, 10), "6")
    assert _found(db, "member.probation_overdue", date(2026, 11, 30)) == []


def test_probation_ending_within_a_month_is_announced_until_its_last_day(db: Database) -> None:
    """Probation ending 15 October: nothing on 14 September, a notice from 15 September (the written application
    is due about a month before) through 15 October, then the overdue reminder instead; none once 转正."""
    member_id = _member(db, category="预备党员", joined_on="2025-10-15", confirmed_on="")
    assert _found(db, "member.probation_ending", date(2026, 9, 14)) == []
    [finding] = _found(db, "member.probation_ending", date(2026, 9, 15))
    assert (finding.severity, finding.due, finding.target) == (Severity.WARNING, date(2026, 10, 15),
                                                               Target("member", member_id))
    assert "预备期将于2026年10月15日届满" in finding.message and "转正申请" in finding.message
    assert len(_found(db, "member.probation_ending", date(2026, 10, 15))) == 1
    assert _found(db, "member.probation_ending", date(2026, 10, 16)) == []
    _event(db, member_id, EventKind.CONFIRMED, date(2026, 10, 15))
    assert _found(db, "member.probation_ending", date(2026, 10, 1)) == []


def test_probation_from_a_month_only_joining_is_overdue_after_that_month_and_says_the_month(db: Database) -> None:
    """入党 2025年01月: the end is 2026年01月, overdue only once January is over, and said as 2026年01月."""
    _member(db, category="预备党员", joined_on="2025.1", confirmed_on="")
    assert _found(db, "member.probation_overdue", date(2026, 1, 31)) == []
    [finding] = _found(db, "member.probation_overdue", date(2026, 2, 1))
    assert "预备期已于2026年01月届满" in finding.message and finding.due == date(2026, 1, 31)


def test_lost_six_months_without_a_suspension_decision(db: Database) -> None:
    """Lost since 31 May: nothing on 29 November, a warning on 30 November, overdue from 1 December; none once
    停止党籍."""
    member_id = _member(db)
    _event(db, member_id, EventKind.LOST, date(2026, 5, 31), "1")
    assert _found(db, "member.lost_undecided", date(2026, 11, 29)) == []
    [finding] = _found(db, "member.lost_undecided", date(2026, 11, 30))
    assert (finding.severity, finding.due, finding.subject) == (Severity.WARNING, date(2026, 11, 30), member_id)
    assert "党员教育管理工作条例" in finding.rule
    [later] = _found(db, "member.lost_undecided", date(2026, 12, 1))
    assert (later.severity, later.due) == (Severity.OVERDUE, date(2026, 11, 30))
    _event(db, member_id, EventKind.SUSPENDED, date(2026, 11, 30), "1")
    assert _found(db, "member.lost_undecided", date(2026, 12, 1)) == []


def test_lost_contact_counts_from_a_meeting_attended_since(db: Database) -> None:
    """失联 is counted from the last 组织生活: marked lost on 31 May but present at a meeting on 10 July, the six
    months run from 10 July (no advice to suspend a member who came to a meeting in between); until then the
    to-do says the two records disagree (恢复联系 to record, or the attendance to correct)."""
    from partydesk.core.services.meetings import add_meeting
    from partydesk.core.storage.meeting_repo import PRESENT, MeetingData

    member_id = _member(db)
    _event(db, member_id, EventKind.LOST, date(2026, 5, 31), "1")
    add_meeting(db, LOCAL_USER, MeetingData(type_code="general", topic="学习党章", held_on=date(2026, 7, 10)),
                statuses={member_id: PRESENT})
    [odd] = _found(db, "member.lost_undecided", date(2026, 12, 1))
    assert (odd.severity, odd.due) == (Severity.WARNING, date(2026, 7, 10))
    assert "标为失联（自2026年5月31日），但2026年7月10日参加了组织生活" in odd.message and "恢复联系" in odd.message
    [finding] = _found(db, "member.lost_undecided", date(2027, 1, 10))
    assert (finding.severity, finding.due) == (Severity.WARNING, date(2027, 1, 10))
    assert "自2026年7月10日最后一次参加组织生活" in finding.message


@pytest.mark.parametrize(("record", "said", "counted"), [
    ("talk", "但2026年8月10日有与其谈心谈话的记录", "自2026年8月10日最后一次谈心谈话"),
    ("study", "但2026年8月10日有其参加学习培训的记录", "自2026年8月10日最后一次学习培训"),
])
def test_a_talk_or_study_since_also_shows_the_member_in_touch(db: Database, record: str, said: str,
                                                              counted: str) -> None:
    """Marked lost on 31 May, yet talked with (or credited for study) on 10 August: no advice to suspend on 1
    December; the to-do says the records disagree and which to correct, and the months run from 10 August."""
    from partydesk.core.domain.study_records import ActivityData
    from partydesk.core.services import study, talks
    from partydesk.core.storage.talk_repo import TalkData

    member_id = _member(db)
    _event(db, member_id, EventKind.LOST, date(2026, 5, 31), "1")
    if record == "talk":
        talks.add_talk(db, LOCAL_USER, TalkData(held_on=date(2026, 8, 10), with_ids=(member_id,), by_name="王书记",
                                                topic="了解近况"))
    else:
        study.add_activity(db, LOCAL_USER, ActivityData(form_code="online", topic="网络培训",
                                                        start_on=date(2026, 8, 10), end_on=date(2026, 8, 10),
                                                        hours_tenths=120, individual=True),
                           participants={member_id: None})
    [odd] = _found(db, "member.lost_undecided", date(2026, 12, 1))
    assert (odd.code, odd.severity, odd.due) == ("member.lost_seen", Severity.WARNING, date(2026, 8, 10))
    assert said in odd.message and "恢复联系" in odd.message
    # Printed in the year's report for the committee too: no directions about the program's pages in it (those
    # are the board's advice line).
    assert "页面" not in odd.message and "记录变动" in advice(odd.code)
    assert ("谈话记录" if record == "talk" else "学习记录") in odd.message
    [finding] = _found(db, "member.lost_undecided", date(2027, 2, 10))
    assert counted in finding.message and finding.due == date(2027, 2, 10)


def test_a_member_seen_since_is_named_apart_from_the_summary_of_those_lost(db: Database) -> None:
    """Eleven members lost since January (more than are named one by one: one summary), and a twelfth talked with
    since: the summary counts the eleven, and the twelfth is named on his own, as the records disagree."""
    import random

    from partydesk.core.demo import fake_id_number
    from partydesk.core.services import talks
    from partydesk.core.storage.talk_repo import TalkData

    rng = random.Random(5)
    names = "甲乙丙丁戊己庚辛壬癸子丑"
    ids = [_member(db, name=f"张{names[n]}", id_number=fake_id_number(rng, date(1980, 1, 1 + n), True))
           for n in range(12)]
    for member_id in ids:
        _event(db, member_id, EventKind.LOST, date(2026, 1, 5), "1")
    talks.add_talk(db, LOCAL_USER, TalkData(held_on=date(2026, 9, 1), with_ids=(ids[-1],), by_name="王书记",
                                            topic="了解近况"))
    found = _found(db, "member.lost_undecided", date(2026, 12, 1))
    assert sorted(f.code for f in found) == ["member.lost_seen", "member.lost_undecided"]
    summary = next(f for f in found if f.code == "member.lost_undecided")
    assert summary.message.startswith("11 名党员失去联系已满6个月")
    assert next(f for f in found if f.code == "member.lost_seen").message.startswith("张丑标为失联")


def test_a_member_marked_lost_is_not_also_reminded_of_absences_in_a_row(db: Database) -> None:
    """Absent at three meetings in a row: 连续3次无故缺席 for a member still in touch; none once marked 失联 (the
    lost-contact reminder follows that member instead)."""
    from partydesk.core.services.meetings import add_meeting
    from partydesk.core.storage.meeting_repo import ABSENT, PRESENT, MeetingData

    member_id = _member(db)
    chair = _member(db, name="钱七", id_number="110105195001010039")
    for month in (7, 8, 9):
        add_meeting(db, LOCAL_USER, MeetingData(type_code="theme_day", topic="学习", held_on=date(2026, month, 10)),
                    statuses={member_id: ABSENT, chair: PRESENT})
    [finding] = _found(db, "meeting.absent_in_a_row", TODAY)
    assert finding.subject == member_id and "连续3次无故缺席" in finding.message
    _event(db, member_id, EventKind.LOST, date(2026, 9, 11), "1")
    assert _found(db, "meeting.absent_in_a_row", TODAY) == []


def test_two_years_of_suspension(db: Database) -> None:
    """停止党籍 on 1 July 2024: overdue from 1 July 2026, not the day before; gone once removed."""
    member_id = _member(db)
    _event(db, member_id, EventKind.LOST, date(2024, 1, 1), "1")
    _event(db, member_id, EventKind.SUSPENDED, date(2024, 7, 1), "1")
    assert _found(db, "member.suspended_too_long", date(2026, 6, 30)) == []
    [finding] = _found(db, "member.suspended_too_long", date(2026, 7, 1))
    assert (finding.severity, finding.due) == (Severity.OVERDUE, date(2026, 7, 1))
    assert "自行脱党" in finding.message
    _event(db, member_id, EventKind.LEFT, date(2026, 11, 1), "23")
    assert _found(db, "member.suspended_too_long", date(2026, 11, 30)) == []


def test_observation_ending_soon_then_ended_without_a_decision(db: Database) -> None:
    """留党察看一年 from 1 Nov 2025: notice from 30 days before its end, overdue from the end, none after
    恢复党员权利."""
    member_id = _member(db)
    _event(db, member_id, EventKind.DISCIPLINE, date(2025, 11, 1), "4:12")
    assert _found(db, "member.observation_ending", date(2026, 10, 1)) == []
    [soon] = _found(db, "member.observation_ending", date(2026, 10, 2))
    assert (soon.severity, soon.due) == (Severity.WARNING, date(2026, 11, 1))
    assert "留党察看一年" in soon.message and "第四十条" in soon.rule
    assert _found(db, "member.observation_ending", date(2026, 10, 31))[0].severity is Severity.WARNING
    [ended] = _found(db, "member.observation_ending", date(2026, 11, 1))
    assert ended.severity is Severity.OVERDUE and "尚未作出" in ended.message
    _event(db, member_id, EventKind.RIGHTS_RESTORED, date(2026, 11, 30))
    assert _found(db, "member.observation_ending", date(2026, 11, 30)) == []
