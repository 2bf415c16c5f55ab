"""The per-member checks rewritten over SQL counts name exactly whom they named before (the oracles in
``checks_reference``), on crafted rolls with joiners, leavers, transfers and deaths, on boundary days."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from partydesk.core import checks
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import grouping
from partydesk.core.checks import talks as talk_checks
from partydesk.core.checks.findings import CHECKS, Finding, Severity
from partydesk.core.domain.member import MemberData
from partydesk.core.domain.member_events import EventKind
from partydesk.core.services import study, study_track, talks
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.rules import set_rule
from partydesk.core.services.talks import TalkData
from partydesk.core.storage import member_repo, todo_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.study_repo import ActivityData
from partydesk.core.storage.tables import Member
from tests.conftest import set_up_on
from tests.core import checks_reference
from tests.core.services.test_study_roll import add, crafted, event
from tests.core.services.test_study_track import _ledger_answer as ledger_answer
from tests.core.services.test_study_track import crafted as crafted_study

__all__ = ["crafted", "crafted_study"]  # fixtures, used by name


def run(db: Database, code: str, today: date) -> list[Finding]:
    checks.load_all()
    return sorted(CHECKS[code](db, today), key=lambda f: f.subject)


def by_subject(found: list[Finding]) -> list[Finding]:
    return sorted(found, key=lambda f: f.subject)


@pytest.fixture
def everyone_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """No summaries: every member is named, as before (the bar is the only thing that differs)."""
    monkeypatch.setattr(grouping, "NAMED_AT_MOST", 10_000)


def talk(db: Database, who: str, day: date) -> None:
    talks.add_talk(db, LOCAL_USER, TalkData(held_on=day, with_ids=(who,), by_name="刘书记", topic="谈心"))


@pytest.mark.usefixtures("everyone_named")
@pytest.mark.parametrize("today", [date(2025, 12, 31), date(2026, 2, 13), date(2026, 2, 14), date(2026, 7, 20),
                                   date(2026, 10, 31), date(2026, 11, 30), date(2026, 12, 1), date(2027, 3, 1)])
def test_talk_none_names_whom_the_replay_named(db: Database, crafted: dict[str, str], today: date) -> None:
    """Joiners, a death, a transfer out and back, 停止党籍, talks a year back to the day: same findings."""
    migrant = add(db, "何流动", 11)
    event(db, migrant, EventKind.MIGRANT_OUT, date(2026, 2, 1), "广东省深圳市")
    late = add(db, "林后来", 12, joined="2026-06-15")
    no_day(db)
    talk(db, crafted["老"], date(2025, 12, 1))
    talk(db, crafted["入"], date(2025, 11, 30))
    talk(db, migrant, date(2025, 12, 31))
    talk(db, late, date(2026, 7, 1))
    talk(db, add(db, "钟边界", 14), date(2025, 12, 30))  # due 2026-12-30: 30 days after 2026-11-30, still 注意
    talk(db, add(db, "汪昨日", 15), date(2025, 11, 29))  # due 2026-11-29: overdue on 2026-11-30
    expected = by_subject(checks_reference.talk_none(db, today))
    assert expected, "the crafted roll has members due a talk"
    assert run(db, "talk.none", today) == expected


def disagree(db: Database, member_id: str, joined: date | None) -> None:
    """The record's 入党日期 set apart from its 入党 events, as older or received data may have it."""
    with db.engine.begin() as conn:
        conn.execute(update(Member).where(Member.id == member_id).values(joined_on=joined))


@pytest.mark.usefixtures("everyone_named")
@pytest.mark.parametrize("today", [date(2026, 6, 30), date(2026, 11, 30), date(2027, 3, 1)])
@pytest.mark.parametrize("chunk", [500, 1])
def test_talk_none_follows_the_events_where_the_record_disagrees(db: Database, crafted: dict[str, str],
                                                                 today: date, chunk: int,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A record whose 入党日期 is not its 入党 event's (later, earlier, or the event undated) is judged by the
    events, as the replay judges it: the plain count reads the record's date only where they agree (those
    that disagree left out by a list of ids, or by a subquery when they are more than a chunk)."""
    monkeypatch.setattr(todo_repo, "CHUNK", chunk)
    later = add(db, "严晚记", 21, joined="2025-10-01")
    disagree(db, later, date(2026, 9, 1))  # the event says 2025-10-01: due 2026-10-01, not 2027-09-01
    earlier = add(db, "严早记", 22, joined="2026-03-01")
    disagree(db, earlier, date(2024, 1, 1))  # the event says 2026-03-01: not due before 2027-03-01
    twice = add(db, "严两次", 23)
    with db.write(LOCAL_USER, action="test.second_join") as session:  # the latest 入党 event counts
        member_repo.add_event(session, member_id=twice, kind=EventKind.JOINED, on_date=date(2026, 4, 1), detail="")
    undated = add(db, "严无日", 24)
    with db.write(LOCAL_USER, action="test.undated_join") as session:  # no known admission day: on the roll
        member_repo.add_event(session, member_id=undated, kind=EventKind.JOINED, on_date=None, detail="")
    disagree(db, twice, date(2000, 7, 1))
    expected = by_subject(checks_reference.talk_none(db, today))
    assert run(db, "talk.none", today) == expected


def no_day(db: Database) -> None:
    """A member imported with no 入党日期 and no events: the admission day is unknown (judged one by one)."""
    insert_members(db, LOCAL_USER, [MemberData(name="黄无日期", gender="1", id_type="1", id_number="110101199001010011",
                                               category="1", joined_on=None, confirmed_on=None)],
                   today=date(2026, 11, 30))


@pytest.mark.usefixtures("everyone_named")
def test_talk_none_follows_the_rule_table_interval(db: Database, crafted: dict[str, str]) -> None:
    """With a 6-month rule (and 31 January + 6 months = 31 July) the answer is the replay's too."""
    set_rule(db, LOCAL_USER, key="meeting.heart_talk.months", value=6)
    talk(db, crafted["老"], date(2026, 1, 31))
    talk(db, crafted["书记"], date(2026, 2, 28))
    talk(db, crafted["明年"], date(2025, 8, 31))  # + 6 months = 2026-02-28, 30 days after 2026-01-29
    for today in (date(2026, 1, 29), date(2026, 1, 30), date(2026, 2, 28), date(2026, 3, 1), date(2026, 7, 1),
                  date(2026, 7, 31), date(2026, 8, 1), date(2026, 8, 28), date(2026, 8, 29)):
        assert run(db, "talk.none", today) == by_subject(checks_reference.talk_none(db, today)), today


@pytest.mark.usefixtures("everyone_named")
@pytest.mark.parametrize("today", [date(2026, 9, 29), date(2026, 9, 30), date(2026, 11, 30), date(2027, 1, 5)])
def test_study_behind_names_whom_the_ledger_named(db: Database, crafted_study: dict[str, str], today: date) -> None:
    """Behind the share after the checkpoint (and last year's shortfalls in January): same findings."""
    expected = by_subject(checks_reference.study_behind(db, today))
    assert run(db, "study.behind", today) == expected
    if today >= date(2026, 9, 30):
        assert expected


@pytest.mark.usefixtures("everyone_named")
@pytest.mark.parametrize("today", [date(2026, 9, 29), date(2026, 10, 1), date(2026, 11, 30)])
def test_leader_training_names_whom_the_ledger_named(db: Database, crafted: dict[str, str], today: date) -> None:
    """A 书记 and a 委员 who left, one of them trained: the same committee members named."""
    gone = add(db, "钱委员", 14, post="组织委员")
    event(db, gone, EventKind.TRANSFER_OUT, date(2026, 5, 1), "外市某支部")
    add(db, "孙委员", 15, post="宣传委员", joined="2026-03-01")
    trained = add(db, "赵委员", 16, post="纪检委员")
    left = add(db, "周委员", 17, post="副书记")
    event(db, left, EventKind.TRANSFER_OUT, date(2025, 6, 1), "外市某支部")  # not on this year's roll at all
    study.add_activity(db, LOCAL_USER, ActivityData("class", "培训班", date(2026, 5, 12), date(2026, 5, 13), 160),
                       participants={trained: None})
    expected = by_subject(checks_reference.leader_training(db, today))
    assert run(db, "study.leader_training", today) == expected
    if today >= date(2026, 9, 30):
        assert len(expected) == 3


@pytest.mark.parametrize("day", [date(2026, 1, 1), date(2026, 4, 30), date(2026, 11, 30), date(2026, 12, 31)])
def test_the_key_figure_on_track_is_the_ledger_s(db: Database, crafted_study: dict[str, str], day: date) -> None:
    """学时达标 counted with the others found by plain scans equals the study ledger's count."""
    assert study_track.on_track(db, 2026, as_of=day) == ledger_answer(db, 2026, day)


def summed_up(found: list[Finding]) -> tuple[int, Severity, date | None]:
    """What a summary of these per-member findings says: how many, the most urgent, the earliest due."""
    days = [f.due for f in found if f.due is not None]
    return len(found), max(f.severity for f in found), min(days) if days else None


def said(summary: Finding) -> tuple[int, Severity, date | None]:
    return int(summary.message.split(" ", 1)[0]), summary.severity, summary.due


@pytest.mark.parametrize("today", [date(2026, 2, 14), date(2026, 11, 30), date(2026, 12, 1)])
def test_a_talk_summary_counts_whom_the_replay_named(db: Database, crafted: dict[str, str], today: date,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """With the bar at 0 the one summary counts the replay's members, its severity and earliest due day."""
    monkeypatch.setattr(grouping, "NAMED_AT_MOST", 0)
    talk(db, crafted["老"], date(2025, 12, 1))
    talk(db, add(db, "钟边界", 14), date(2025, 12, 30))
    talk(db, add(db, "汪昨日", 15), date(2025, 11, 29))
    no_day(db)
    (summary,) = run(db, "talk.none", today)
    assert said(summary) == summed_up(checks_reference.talk_none(db, today))
    expected = checks_reference.talk_none(db, today)
    overdue = sum(f.severity is Severity.OVERDUE for f in expected)
    group = grouping.Group("", len(expected), max(f.severity for f in expected), summary.due, overdue)
    assert summary.message == talk_checks._summary_text(group, 12)


@pytest.mark.parametrize("today", [date(2026, 11, 30), date(2027, 1, 5)])
def test_a_study_summary_counts_whom_the_ledger_named(db: Database, crafted_study: dict[str, str], today: date,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary of members behind (or last year's shortfalls) counts the ledger's members."""
    monkeypatch.setattr(grouping, "NAMED_AT_MOST", 0)
    expected = checks_reference.study_behind(db, today)
    found = run(db, "study.behind", today)
    assert [said(f) for f in found] == [summed_up([e for e in expected if e.code == f.code]) for f in found]
    assert {f.code for f in found} == {e.code for e in expected}


def test_a_leader_training_summary_counts_whom_the_ledger_named(db: Database, crafted: dict[str, str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouping, "NAMED_AT_MOST", 0)
    gone = add(db, "钱委员", 14, post="组织委员")
    event(db, gone, EventKind.TRANSFER_OUT, date(2026, 5, 1), "外市某支部")
    add(db, "孙委员", 15, post="宣传委员", joined="2026-03-01")
    (summary,) = run(db, "study.leader_training", date(2026, 11, 30))
    assert said(summary) == summed_up(checks_reference.leader_training(db, date(2026, 11, 30)))


def test_one_shared_read_of_status_rows_gives_each_check_its_own(db: Database, crafted: dict[str, str]) -> None:
    """The 党籍 checks' shared read, kept by each condition, equals ``status_rows_where`` for each one."""
    from partydesk.core.checks import memo, roster_status
    from partydesk.core.storage import workbench_repo

    event(db, crafted["老"], EventKind.DISCIPLINE, date(2026, 3, 1), "4:12")
    event(db, add(db, "卫失联", 18), EventKind.LOST, date(2026, 1, 5), "1")
    with memo.scope():
        for which in workbench_repo.STATUS_WHICH:
            with db.read() as session:
                expected = workbench_repo.status_rows_where(session, which)
            assert expected, which
            assert roster_status._rows(db, which) == expected, which


def test_the_named_talk_rows_stay_under_older_sqlites_parameter_limit(db: Database) -> None:
    """The most ids the talk rows bind in one statement (a chunk of organisations beside the largest list of
    disagreeing records ``disagreeing_ids`` gives) fit the 999 parameters of SQLite builds before 3.32."""
    import sqlite3

    from partydesk.core.domain.study_roll import MOVING_KINDS

    with db.read() as session:
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        before = raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
        try:
            rows = todo_repo.talk_due_rows(
                session, date(2026, 11, 30), soon_from=date(2025, 12, 30), moving_kinds=MOVING_KINDS,
                org_ids=[f"org-{i}" for i in range(todo_repo.CHUNK)],
                disagreeing=[f"member-{i}" for i in range(todo_repo.CHUNK // 2)])
        finally:
            raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, before)
    assert rows == []


def test_disagreeing_records_are_listed_only_up_to_half_a_chunk(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list of records that disagree with their 入党 events stops at half a chunk (then the subquery
    stands in): the other half of the statement's parameters is a chunk of organisation ids."""
    monkeypatch.setattr(todo_repo, "CHUNK", 4)
    for i in range(2):
        disagree(db, add(db, "严" + "甲乙"[i], 25 + i, joined="2025-10-01"), date(2026, 9, 1))
    with db.read() as session:
        assert len(todo_repo.disagreeing_ids(session) or []) == 2
    disagree(db, add(db, "严多", 27, joined="2025-10-01"), date(2026, 9, 1))
    with db.read() as session:
        assert todo_repo.disagreeing_ids(session) is None


@pytest.mark.parametrize("named_at_most", [10_000, 1])
def test_talk_none_counts_from_the_day_the_records_began(db: Database, crafted: dict[str, str],
                                                        named_at_most: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A branch that began its records on 15 November: a member never talked with whose interval ran out
    before is due on the first of the month three months after it (the replay's answer as well), on the days
    around it; summarised, the counts are the replay's too."""
    monkeypatch.setattr(grouping, "NAMED_AT_MOST", named_at_most)
    set_up_on(db, date(2026, 11, 15))
    talk(db, crafted["老"], date(2025, 6, 1))  # due 2026-06-01, before the records began
    talk(db, crafted["书记"], date(2025, 12, 20))  # due 2026-12-20, after
    never = add(db, "周未谈", 26)  # on the roll since 2000, never talked with: due 2027-02-01
    autumn = add(db, "吴去秋", 27, joined="2025-10-20")  # 2026-10-20 is before the records began: the same
    for today in (date(2026, 9, 1), date(2026, 11, 14), date(2026, 11, 15), date(2026, 11, 16), date(2026, 12, 21),
                  date(2027, 3, 1)):
        expected = by_subject(checks_reference.talk_none(db, today))
        assert expected
        if today == date(2027, 3, 1):
            due = {f.subject: f.due for f in expected}
            assert due[never] == due[autumn] == date(2027, 2, 1)
        found = run(db, "talk.none", today)
        if len(expected) <= named_at_most:
            assert found == expected, today
        else:  # one summary: as many members, as many of them overdue, the earliest due day
            overdue = sum(f.severity is Severity.OVERDUE for f in expected)
            [summary] = found
            group = grouping.Group("", len(expected), max(f.severity for f in expected),
                                   min((f.due for f in expected if f.due is not None), default=None), overdue)
            assert summary.message == talk_checks._summary_text(group, 12, talk_checks.earlier_talks(db, today)), today
            assert (summary.severity, summary.due) == (group.severity, group.due), today
