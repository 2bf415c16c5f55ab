"""Meeting checks: a missing required meeting in an ended period is a finding; an open period is not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from partydesk.core import checks
from partydesk.core.checks.findings import CHECKS, Severity, run_checks
from partydesk.core.storage.database import Database
from tests.conftest import set_up_on


def test_every_listed_check_module_registers() -> None:
    """load_all makes the meeting checks available by name."""
    checks.load_all()
    assert {"meeting.missing", "meeting.absent_in_a_row"} <= set(CHECKS)


def test_missing_general_meeting_of_an_ended_quarter_is_overdue(db: Database) -> None:
    """A branch with no meetings at all, set up at the start of the year: every ended period of every type
    is reported, no open one."""
    checks.load_all()
    set_up_on(db, date(2026, 1, 1))
    found = run_checks(db, date(2026, 11, 30), ["meeting.missing"])
    messages = {f.message for f in found}
    assert "2026年第三季度未召开支部党员大会" in messages
    assert "2026年第四季度未召开支部党员大会" not in messages  # the quarter has not ended
    assert all(f.severity is Severity.OVERDUE and f.target is not None for f in found)


def test_a_committee_before_any_branch_package_owes_no_branch_meetings(tmp_path: Path) -> None:
    """A newly set-up committee (a 党委, no branch imported yet): no 未召开 to-dos for branch meetings."""
    from tests.core.exchange.conftest import make_committee

    checks.load_all()
    committee = make_committee(tmp_path / "c.db")
    try:
        assert run_checks(committee, date(2026, 11, 30), ["meeting.missing"]) == []
    finally:
        committee.close()


def test_periods_before_the_branch_began_its_records_are_not_owed(db: Database) -> None:
    """Set up on 10 August with no meetings: the third quarter (ended after) is 未召开, the first two are
    not; entering a meeting of 15 February moves the reckoning back to it, and the second quarter is owed."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.meetings import add_meeting
    from partydesk.core.storage.meeting_repo import MeetingData

    checks.load_all()
    set_up_on(db, date(2026, 8, 10))
    messages = {f.message for f in run_checks(db, date(2026, 11, 30), ["meeting.missing"])}
    assert "2026年第三季度未召开支部党员大会" in messages
    assert not {"2026年第一季度未召开支部党员大会", "2026年第二季度未召开支部党员大会"} & messages
    assert not [m for m in messages if m.startswith(("2026年7月", "2026年1月"))]  # July ended before 10 August
    add_meeting(db, LOCAL_USER, MeetingData(type_code="general", held_on=date(2026, 2, 15), topic="学习"),
                statuses={})
    messages = {f.message for f in run_checks(db, date(2026, 11, 30), ["meeting.missing"])}
    assert "2026年第二季度未召开支部党员大会" in messages
    assert "2026年第一季度未召开支部党员大会" not in messages  # held on 15 February
    assert "2026年1月未召开支部委员会" not in messages  # January ended before the first meeting


def test_a_meeting_still_to_hold_this_month_is_a_reminder_before_it_is_late(db: Database) -> None:
    """On 2 December with nothing held since October: December's 支委会 and the fourth quarter's 党员大会
    are reminders (注意) with their last day, not yet 未召开; holding the 支委会 takes its reminder away; in
    early November the fourth quarter, ending in two months, is not yet mentioned."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.meetings import add_meeting
    from partydesk.core.storage.meeting_repo import MeetingData

    checks.load_all()
    set_up_on(db, date(2026, 10, 1))
    found = run_checks(db, date(2026, 12, 2), ["meeting.due_soon"])
    messages = {f.message for f in found}
    assert "2026年12月的支部委员会会议还未召开，请在2026年12月31日前召开" in messages
    assert "2026年第四季度的支部党员大会还未召开，请在2026年12月31日前召开" in messages
    assert all(f.severity is Severity.WARNING and f.due == date(2026, 12, 31) for f in found)
    assert not [f for f in run_checks(db, date(2026, 12, 2), ["meeting.missing"]) if "12月" in f.message]
    add_meeting(db, LOCAL_USER, MeetingData(type_code="committee", held_on=date(2026, 12, 2), topic="研究工作"),
                statuses={})
    messages = {f.message for f in run_checks(db, date(2026, 12, 2), ["meeting.due_soon"])}
    assert not [m for m in messages if "支部委员会" in m]
    november = {f.message for f in run_checks(db, date(2026, 11, 3), ["meeting.due_soon"])}
    assert "2026年11月的支部委员会会议还未召开，请在2026年11月30日前召开" in november
    assert not [m for m in november if "第四季度" in m]


def test_a_committee_is_not_reminded_of_its_branches_months_ahead(tmp_path: Path) -> None:
    """A committee's file: no 还未召开 reminders (its branches' own workbenches remind them)."""
    from tests.core.exchange.conftest import make_committee

    checks.load_all()
    committee = make_committee(tmp_path / "c.db")
    try:
        assert run_checks(committee, date(2026, 12, 2), ["meeting.due_soon"]) == []
    finally:
        committee.close()


def test_the_groups_missing_a_meeting_are_listed_in_their_numbered_order(tmp_path: Path) -> None:
    """The demo's four groups all missed November's 党小组会: the board lists them 第一、第二、第三、第四, as the
    meeting list and the roster do (sorted as text, 第三 came before 第二)."""
    from partydesk.core.demo import create_demo
    from partydesk.core.storage.database import open_database

    checks.load_all()
    db = open_database(create_demo(tmp_path / "demo" / "partydesk.db", members=40).path)
    try:
        found = run_checks(db, date(2026, 12, 4), ["meeting.missing"])
    finally:
        db.close()
    november = [f.message for f in found if f.message.startswith("2026年11月未召开党小组会")]
    assert november == [f"2026年11月未召开党小组会（第{n}党小组）" for n in "一二三四"], november


def _meeting(db: Database, code: str, day: date, *, chair: str = "王书记", recorder: str = "李委员",
             topic: str = "学习", lecturer: str = "") -> str:
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.meetings import add_meeting
    from partydesk.core.storage.meeting_repo import MeetingData

    return add_meeting(db, LOCAL_USER, MeetingData(type_code=code, held_on=day, topic=topic, chair=chair,
                                                   recorder=recorder, lecturer=lecturer),
                       statuses={}).meeting_id


def test_a_record_naming_no_chair_or_no_recorder_is_a_to_do_that_opens_it(db: Database) -> None:
    """The last twelve months' records want both names (a 党课 its 授课人 instead of a 主持人; a full-width space is
    no name); older ones are left alone, and a record filled in leaves the list."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services import meeting_records

    checks.load_all()
    set_up_on(db, date(2025, 1, 1))
    _meeting(db, "general", date(2026, 3, 10))  # both named
    no_recorder = _meeting(db, "committee", date(2026, 4, 2), recorder="\u3000", topic="研究发展党员")
    neither = _meeting(db, "theme_day", date(2026, 5, 8), chair="", recorder="", topic="参观红色教育基地")
    _meeting(db, "lecture", date(2026, 6, 1), chair="", lecturer="王书记")  # a 党课: its 授课人 leads it
    no_lecturer = _meeting(db, "lecture", date(2026, 6, 20), topic="党课：传承红色基因")
    last_december = _meeting(db, "general", date(2025, 12, 20), chair="")  # within twelve months
    _meeting(db, "general", date(2025, 11, 3), chair="")  # older
    found = run_checks(db, date(2026, 11, 30), ["meeting.record_incomplete"])
    assert sorted((f.subject, f.message) for f in found) == sorted([
        (no_recorder, "2026-04-02支部委员会会议“研究发展党员”的记录未填记录人"),
        (neither, "2026-05-08主题党日“参观红色教育基地”的记录未填主持人、记录人"),
        (no_lecturer, "2026-06-20党课“党课：传承红色基因”的记录未填授课人"),
        (last_december, "2025-12-20支部党员大会“学习”的记录未填主持人")])
    assert all(f.severity is Severity.WARNING and f.target is not None and f.target.kind == "meeting"
               and f.target.key == f.subject for f in found)
    record = meeting_records.get_record(db, no_recorder)
    assert record is not None
    meeting_records.update_meeting(db, LOCAL_USER, no_recorder, replace(record.data, recorder="李委员"),
                                   statuses={a.member_id: a.status for a in record.attendance})
    assert no_recorder not in {f.subject for f in run_checks(db, date(2026, 11, 30), ["meeting.record_incomplete"])}


def test_each_record_is_its_own_to_do_and_a_branch_s_records_are_its_own(db: Database) -> None:
    """However many records want names, each is a to-do of its own (dismissed or snoozed on its own); a record
    another office keeps (a branch's, in a committee's file) is that office's to fill in."""
    from sqlalchemy import update

    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.storage.meeting_tables import Meeting

    checks.load_all()
    set_up_on(db, date(2026, 1, 1))
    ids = [_meeting(db, "general", date(2026, 2, day), recorder="") for day in range(1, 9)]
    assert sorted(f.subject for f in run_checks(db, date(2026, 11, 30), ["meeting.record_incomplete"])) == sorted(ids)
    with db.write(LOCAL_USER, action="test.owner") as session:
        session.execute(update(Meeting).where(Meeting.id.in_(ids[:3])).values(owner_site="a-branch"))
    assert sorted(f.subject for f in run_checks(db, date(2026, 11, 30), ["meeting.record_incomplete"])) == sorted(
        ids[3:])


def test_a_chair_or_recorder_marked_away_is_a_to_do_that_opens_the_record(db: Database) -> None:
    """Who led, recorded or taught a meeting was at it: a record whose 主持人 is marked 请假, or whose 记录人 缺席,
    is a to-do naming them, opening the record. Names on the record that are no member's (a leader from the
    committee) are left alone, and so is a name two members share while one of them was present."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.domain.member import MemberData
    from partydesk.core.services.bulk import insert_members
    from partydesk.core.services.meetings import add_meeting
    from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT, MeetingData
    from partydesk.core.storage.tables import Member

    checks.load_all()
    set_up_on(db, date(2025, 1, 1))
    insert_members(db, LOCAL_USER, [
        MemberData(name=name, gender="1", id_type="1", id_number="", category="1", joined_on=date(1999, 1, 1),
                   confirmed_on=date(2000, 1, 1)) for name in ("王建国", "李晓梅", "张伟", "张伟", "赵敏")])
    with db.read() as session:
        ids = {}
        for member in session.query(Member).order_by(Member.name):
            ids.setdefault(member.name, []).append(member.id)

    def held(day: date, marks: dict[str, list[str]], *, chair: str, recorder: str, code: str = "general",
             lecturer: str = "") -> str:
        statuses = {member_id: PRESENT for group in ids.values() for member_id in group}
        for status, names in marks.items():
            for name in names:
                statuses[ids[name][0]] = status
        return add_meeting(db, LOCAL_USER, MeetingData(type_code=code, held_on=day, topic="学习", chair=chair,
                                                       recorder=recorder, lecturer=lecturer),
                           statuses=statuses).meeting_id

    chair_on_leave = held(date(2026, 1, 25), {LEAVE: ["王建国"]}, chair="王建国", recorder="李晓梅")
    both_away = held(date(2026, 3, 3), {LEAVE: ["王建国"], ABSENT: ["李晓梅"]}, chair="王建国", recorder="李晓梅",
                     code="theme_day")
    lecturer_away = held(date(2026, 4, 26), {ABSENT: ["赵敏"]}, chair="", recorder="李晓梅", code="lecture",
                         lecturer="赵敏")
    held(date(2026, 5, 5), {LEAVE: ["王建国"]}, chair="街道党工委刘书记", recorder="李晓梅")  # no member's name
    held(date(2026, 6, 5), {LEAVE: ["张伟"]}, chair="张伟", recorder="李晓梅")  # the other 张伟 was there
    held(date(2026, 7, 5), {}, chair="王建国", recorder="李晓梅")  # both present
    held(date(2025, 11, 5), {LEAVE: ["王建国"]}, chair="王建国", recorder="李晓梅")  # over a year ago
    found = run_checks(db, date(2026, 11, 30), ["meeting.signer_away"])
    assert sorted((f.subject, f.message) for f in found) == sorted([
        (chair_on_leave, "2026-01-25支部党员大会“学习”的主持人王建国被记为请假"),
        (both_away, "2026-03-03主题党日“学习”的主持人王建国被记为请假，记录人李晓梅被记为缺席"),
        (lecturer_away, "2026-04-26党课“学习”的授课人赵敏被记为缺席")])
    assert all(f.severity is Severity.WARNING and f.target is not None and f.target.kind == "meeting"
               and f.target.key == f.subject for f in found)
