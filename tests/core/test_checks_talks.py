"""Talk checks: a member due a talk is 注意 from 30 days before the due day through that day and 逾期 the
day after; an open follow-up is 注意 from a week before its day through it and 逾期 the day after; done or
later ones are quiet."""

from __future__ import annotations

import random
from datetime import date

import pytest

from partydesk.core import checks
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks.findings import CHECKS, Finding, Severity, Target, run_checks
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.services import members, talks
from partydesk.core.services.rules import set_rule
from partydesk.core.services.talks import TalkData
from partydesk.core.storage.database import Database
from tests.conftest import set_up_on


def add(db: Database, name: str, *, seed: int, joined: str = "2000-07-01", post: str = "") -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, 1 + seed), True)
    data = MemberInput(name=name, gender="男", id_number=number, category="正式党员", joined_on=joined,
                       confirmed_on=None, party_group="第一党小组", party_post=post)
    return members.add_member(db, LOCAL_USER, data=data, today=date(2026, 11, 30)).member_id


def record(db: Database, who: str, day: date, **more: object) -> str:
    data = TalkData(held_on=day, with_ids=(who,), by_name="刘书记", topic="谈心", **more)  # type: ignore[arg-type]
    return talks.add_talk(db, LOCAL_USER, data).talk_id


def found(db: Database, today: date, code: str) -> dict[str, Finding]:
    checks.load_all()
    return {f.subject: f for f in run_checks(db, today, [code])}


def test_talk_checks_are_registered() -> None:
    """load_all makes the talk checks available by name."""
    checks.load_all()
    assert {"talk.none", "talk.follow_up", "talk.committee"} <= set(CHECKS)


@pytest.mark.parametrize(("today", "severity"), [
    (date(2026, 10, 30), None),  # 31 days before the due day: nothing yet
    (date(2026, 10, 31), Severity.WARNING),  # 30 days before
    (date(2026, 11, 30), Severity.WARNING),  # the due day itself: still in time
    (date(2026, 12, 1), Severity.OVERDUE),  # the day after
])
def test_member_due_a_talk_on_the_boundary_days(db: Database, today: date, severity: Severity | None) -> None:
    """Talked with on 2025-11-30 under a 12-month rule: due 2026-11-30."""
    member = add(db, "张甲", seed=3)
    record(db, member, date(2025, 11, 30))
    got = found(db, today, "talk.none").get(member)
    assert (got.severity if got else None) is severity
    if got is not None:
        assert got.due == date(2026, 11, 30) and got.rule == "meeting.heart_talk.months"
        # It opens where the talk is recorded (a new talk with them), not the member's record.
        assert got.target == Target("talk_with", member) and "张甲" in got.message


def test_the_rule_table_sets_the_interval(db: Database) -> None:
    """With 6 months, a talk on 2026-03-01 is overdue from 2026-09-02."""
    member = add(db, "张甲", seed=3)
    record(db, member, date(2026, 3, 1))
    assert member not in found(db, date(2026, 9, 2), "talk.none")
    set_rule(db, LOCAL_USER, key="meeting.heart_talk.months", value=6)
    got = found(db, date(2026, 9, 2), "talk.none")[member]
    assert got.severity is Severity.OVERDUE and got.due == date(2026, 9, 1) and "6个月" in got.message


def test_a_member_never_talked_with_counts_from_joining(db: Database) -> None:
    """No talk: a member of long standing is overdue; one who joined this year is not due yet."""
    old = add(db, "张甲", seed=3, joined="2020-05-01")
    new = add(db, "钱新", seed=4, joined="2026-03-15")
    got = found(db, date(2026, 11, 30), "talk.none")
    assert got[old].severity is Severity.OVERDUE and "尚无谈话记录" in got[old].message
    assert new not in got


def test_a_talk_with_a_member_clears_the_finding(db: Database) -> None:
    """Recording a talk today makes the overdue member quiet."""
    member = add(db, "张甲", seed=3)
    assert member in found(db, date(2026, 11, 30), "talk.none")
    record(db, member, date(2026, 11, 30))
    assert member not in found(db, date(2026, 11, 30), "talk.none")


def test_the_member_who_talked_is_no_longer_due_either(db: Database) -> None:
    """王书记 talked with 张甲: both have had their talk (谈心谈话 are held among committee members and members),
    so neither is due, on the board or on the talks page; a leader from outside the roster is nobody's."""
    secretary = add(db, "王书记", seed=1, post="书记")
    member = add(db, "张甲", seed=3)
    other = add(db, "赵乙", seed=4)
    assert {secretary, member, other} <= set(found(db, date(2026, 11, 30), "talk.none"))
    talks.add_talk(db, LOCAL_USER, TalkData(held_on=date(2026, 11, 30), with_ids=(member,), by_member_id=secretary,
                                            topic="谈心"))
    record(db, other, date(2026, 11, 30))  # by 刘书记, a name only
    assert not {secretary, member, other} & set(found(db, date(2026, 11, 30), "talk.none"))
    due = {d.member_id: d.due for d in talks.talks_due(db, date(2026, 11, 30))}
    assert due[secretary] == due[member] == date(2027, 11, 30)
    assert found(db, date(2027, 11, 1), "talk.none")[secretary].due == date(2027, 11, 30)


@pytest.mark.parametrize(("today", "severity"), [
    (date(2026, 4, 23), None),
    (date(2026, 4, 24), Severity.WARNING),  # a week ahead: time to arrange it
    (date(2026, 5, 1), Severity.WARNING),
    (date(2026, 5, 2), Severity.OVERDUE),
])
def test_open_follow_up_on_the_boundary_days(db: Database, today: date, severity: Severity | None) -> None:
    """A follow-up due 2026-05-01: quiet until a week before, 注意 from then through the day, 逾期 after."""
    member = add(db, "张甲", seed=3)
    talk_id = record(db, member, date(2026, 4, 1), follow_up="协调解决就医问题", follow_up_on=date(2026, 5, 1))
    got = found(db, today, "talk.follow_up").get(talk_id)
    assert (got.severity if got else None) is severity
    if got is not None:
        assert got.target == Target("talk", talk_id) and "协调解决就医问题" in got.message


@pytest.mark.parametrize(("today", "severity"), [
    (date(2026, 4, 23), None),  # a month after the talk (2026-05-01) is more than a week away
    (date(2026, 4, 24), Severity.WARNING),
    (date(2026, 5, 1), Severity.WARNING),
    (date(2026, 5, 2), Severity.OVERDUE),
])
def test_a_follow_up_written_without_a_date_falls_due_a_month_after_the_talk(
        db: Database, today: date, severity: Severity | None) -> None:
    """Before, a follow-up with no date never came up again; now it is due 30 days after the talk, and the
    to-do says the date was counted so."""
    member = add(db, "张甲", seed=3)
    talk_id = record(db, member, date(2026, 4, 1), follow_up="协调解决就医问题")
    got = found(db, today, "talk.follow_up").get(talk_id)
    assert (got.severity if got else None) is severity
    if got is not None:
        assert got.due == date(2026, 5, 1) and "未定跟进日期，按谈话后 30 天计" in got.message


def test_a_done_follow_up_is_quiet(db: Database) -> None:
    """Marked done: no finding, however late."""
    member = add(db, "张甲", seed=3)
    record(db, member, date(2026, 4, 1), follow_up="回访", follow_up_on=date(2026, 5, 1), follow_up_done=True)
    assert found(db, date(2026, 11, 30), "talk.follow_up") == {}


def test_committee_members_who_have_not_talked_with_each_other(db: Database) -> None:
    """Three 支委: the pair that talked within 12 months is quiet (either way round, the first day of the
    interval included); the other two pairs are 注意; an ordinary member is never in a pair."""
    secretary = add(db, "王书记", seed=1, post="书记")
    organiser = add(db, "李委员", seed=2, post="组织委员")
    publicity = add(db, "赵委员", seed=4, post="宣传委员")
    add(db, "张甲", seed=3)
    talks.add_talk(db, LOCAL_USER, TalkData(held_on=date(2025, 11, 30), with_ids=(secretary,),
                                            by_member_id=organiser, topic="相互提醒"))
    got = found(db, date(2026, 11, 30), "talk.committee")
    pairs = {frozenset(s.split("|")) for s in got}
    assert pairs == {frozenset((secretary, publicity)), frozenset((organiser, publicity))}
    assert all(f.severity is Severity.WARNING for f in got.values())
    assert all(f.target == Target("talk_with", subject) for subject, f in got.items())  # the one talks with the other
    assert frozenset((secretary, organiser)) in {frozenset(s.split("|"))
                                                 for s in found(db, date(2026, 12, 1), "talk.committee")}


def test_a_member_never_talked_with_since_before_the_records_began_is_due_at_once(db: Database) -> None:
    """Joined in 2000, no talk recorded, the branch set up on 20 November: due at once with no day (not
    "overdue since 2001-07-01"), the talks page the same; a member who joined in March is due a year after
    joining, a real day. Once talked with, due a year on."""
    member = add(db, "张甲", seed=3)
    newer = add(db, "李乙", seed=4, joined="2026-03-01")
    set_up_on(db, date(2026, 11, 20))
    got = found(db, date(2026, 11, 20), "talk.none")
    assert (got[member].severity, got[member].due) == (Severity.OVERDUE, None)
    # The office began its records today: the to-do says where talks held before are entered.
    assert got[member].message == ("张甲尚无谈心谈话记录"
                                   "（本程序自2026年11月20日起记录；此前的谈话请在“会议”页的“谈心谈话”中补录）")
    assert newer not in got
    assert {d.member_id: d.due for d in talks.talks_due(db, date(2026, 11, 21))} == {
        member: None, newer: date(2027, 3, 1)}
    assert "补录" not in found(db, date(2027, 3, 1), "talk.none")[newer].message  # 101 days on: no longer new
    record(db, member, date(2026, 11, 25))
    assert member not in found(db, date(2026, 11, 26), "talk.none")
