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
from partydesk.core.domain.organisation import OrganisationInput
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
    assert got[old].severity is Severity.OVERDUE
    assert got[old].message == "张甲尚无谈心谈话记录（应于 2021-05-01 前开展）"
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


def test_an_office_new_to_the_program_has_three_months_for_the_talks_it_has_not_entered(db: Database) -> None:
    """Joined in 2000, no talk recorded, the branch set up on 20 November: not 逾期 on day one (whether a talk
    was held before is not known) but due on the first of the month three months on, 1 February, 注意 from a
    month before with where to enter the talks held before, 逾期 after without claiming twelve months; the
    talks page says the same day. A member who joined in March is due a year after joining, a real day. Once
    talked with, quiet."""
    member = add(db, "张甲", seed=3)
    newer = add(db, "李乙", seed=4, joined="2026-03-01")
    set_up_on(db, date(2026, 11, 20))
    assert not found(db, date(2026, 11, 20), "talk.none")
    assert {d.member_id: d.due for d in talks.talks_due(db, date(2026, 11, 21))} == {
        member: date(2027, 2, 1), newer: date(2027, 3, 1)}
    soon = found(db, date(2027, 1, 2), "talk.none")
    assert (soon[member].severity, soon[member].due) == (Severity.WARNING, date(2027, 2, 1))
    assert soon[member].message == ("张甲应于 2027-02-01 前开展谈心谈话（尚无谈话记录）"
                                    "（本程序自2026年11月20日起记录；此前的谈话请在“会议”页的“谈心谈话”中补录）")
    late = found(db, date(2027, 2, 2), "talk.none")
    assert late[member].severity is Severity.OVERDUE and late[member].message.startswith(
        "张甲尚无谈心谈话记录（应于 2027-02-01 前开展）")
    assert "补录" not in found(db, date(2027, 3, 1), "talk.none")[newer].message  # 101 days on: no longer new
    record(db, member, date(2026, 11, 25))
    assert member not in found(db, date(2027, 2, 2), "talk.none")


def test_the_grouped_count_agrees_with_the_members_named(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the named limit the board gives one line per organisation, counted in SQL: as many members, as many
    of them overdue and the same earliest day as the members judged one by one (here, all new to the records)."""
    from partydesk.core.checks import grouping
    from tests.core import checks_reference

    people = [add(db, f"党员{'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉'[n]}", seed=10 + n)
              for n in range(grouping.NAMED_AT_MOST + 2)]
    record(db, people[0], date(2026, 2, 20))  # due 2027-02-20, after the others' 2027-02-01
    set_up_on(db, date(2026, 11, 20))
    assert found(db, date(2026, 12, 1), "talk.none") == {}
    for day in (date(2027, 1, 25), date(2027, 2, 10), date(2027, 3, 1)):
        each = checks_reference.talk_none(db, day)
        (line,) = found(db, day, "talk.none").values()
        overdue = sum(f.severity is Severity.OVERDUE for f in each)
        assert line.message.startswith(f"{len(each)} 名党员"), day
        assert (line.due, line.severity) == (min(f.due for f in each if f.due), max(f.severity for f in each)), day
        assert ("其中" in line.message) == (0 < overdue < len(each)), day
        if 0 < overdue < len(each):
            assert f"其中 {overdue} 名已逾期" in line.message, day
    assert len(checks_reference.talk_none(db, date(2027, 3, 1))) == len(people)


def committee_of(db: Database, size: int) -> list[str]:
    posts = ("书记", "副书记", "组织委员", "宣传委员", "纪检委员")
    return [add(db, name, seed=20 + n, post=posts[n]) for n, name in enumerate("王李张赵钱"[:size])]


def test_a_committee_elected_this_month_owes_its_pairs_talks_a_term_year_on(db: Database) -> None:
    """Three 支委 elected on 1 December: no pair is owed a talk before a year of their term (注意 from a month
    before it); the same three with no term start are owed at once."""
    from partydesk.core.services.setup import own_organisation, update_organisation

    people = committee_of(db, 3)
    assert len(found(db, date(2026, 12, 4), "talk.committee")) == 3
    org = own_organisation(db)
    assert org is not None
    data = OrganisationInput(name=org.name, code=org.code, org_type=org.org_type, term_start=date(2026, 12, 1))
    update_organisation(db, LOCAL_USER, org_id=org.id, data=data)
    assert found(db, date(2026, 12, 4), "talk.committee") == {}
    assert found(db, date(2027, 10, 31), "talk.committee") == {}
    assert {frozenset(s.split("|")) for s in found(db, date(2027, 11, 1), "talk.committee")} == {
        frozenset(pair) for pair in ((people[0], people[1]), (people[0], people[2]), (people[1], people[2]))}


def test_a_committee_of_five_with_ten_pairs_gets_one_line(db: Database) -> None:
    """Five 支委, none talked with another: one 注意 naming three pairs and how many, opening the talks page."""
    committee_of(db, 5)
    (line,) = found(db, date(2026, 12, 4), "talk.committee").values()
    assert line.message.startswith("10 对支委近12个月未相互谈心谈话：") and line.message.endswith("等")
    assert line.message.count("与") == 3
    assert line.target is not None and line.target.kind == "talks_due" and line.severity is Severity.WARNING


def test_committee_members_of_a_file_begun_after_september_are_not_asked_for_this_year_s_training(
        db: Database) -> None:
    """The 集中培训 reminder of 支委 (after September) is for a year whose training the file could hold: one set up
    in December never recorded its leaders' year."""
    people = committee_of(db, 2)
    assert {s.split("|")[0] for s in found(db, date(2026, 12, 4), "study.leader_training")} == set(people)
    set_up_on(db, date(2026, 12, 1))
    assert found(db, date(2026, 12, 4), "study.leader_training") == {}
    assert len(found(db, date(2027, 12, 4), "study.leader_training")) == 2
