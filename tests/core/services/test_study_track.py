"""The workbench's 学时达标 figure from aggregates equals the study ledger's answer on crafted data."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberData, MemberInput
from partydesk.core.domain.member_events import EventKind
from partydesk.core.services import dashboard, members, study, study_reports, study_track
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.study import DAY_TENTHS
from partydesk.core.storage import todo_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.study_repo import ActivityData

TODAY = date(2026, 11, 30)


def _ledger_answer(db: Database, year: int, day: date) -> tuple[int, int]:
    rows = study_reports.ledger(db, year, as_of=day)
    return sum(not r.behind for r in rows), len(rows)


def _add(db: Database, name: str, seed: int, *, joined: str = "2000-07-01", post: str = "") -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, 1 + seed % 28), True)
    late = joined > "2025"
    data = MemberInput(name=name, gender="男", id_number=number, category="预备党员" if late else "正式党员",
                       joined_on=joined, confirmed_on=None if late else "2001-07-01", party_post=post)
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def _credit(db: Database, day: date, tenths: int, people: list[str]) -> None:
    last = day + timedelta(days=-(-tenths // DAY_TENTHS) - 1)  # 8 学时 a day at most
    data = ActivityData(form_code="collective", topic="学习党章", start_on=day, end_on=last, hours_tenths=tenths)
    study.add_activity(db, LOCAL_USER, data, participants=dict.fromkeys(people))


@pytest.fixture
def crafted(db: Database) -> dict[str, str]:
    """Members on both sides of the pro-rata line, in every shape the ledger knows."""
    # Bulk-inserted members carry no events at all (the plain case, counted by one query).
    insert_members(db, LOCAL_USER, [
        MemberData(name=f"批量{i}", gender="1", id_type="1", id_number=f"11010119{i:02d}0101001X", category="1",
                   joined_on=date(1999, 1, 1) if i % 3 else None, confirmed_on=date(2000, 1, 1),
                   party_post="01" if i == 0 else "") for i in range(6)], today=TODAY)
    people = {"书记": _add(db, "王书记", 1, post="书记"), "甲": _add(db, "张甲", 3), "乙": _add(db, "赵乙", 4),
              "新": _add(db, "钱新", 5, joined="2026-07-02"), "出": _add(db, "孙出", 6), "停": _add(db, "李停", 7),
              "元旦": _add(db, "周元旦", 8, joined="2026-01-01"), "失联": _add(db, "吴失联", 9),
              "流动": _add(db, "郑流动", 10)}
    members.add_event(db, LOCAL_USER, member_id=people["失联"], kind=EventKind.LOST, on_date=date(2026, 2, 1),
                      detail="1", today=TODAY)
    members.add_event(db, LOCAL_USER, member_id=people["流动"], kind=EventKind.MIGRANT_OUT, on_date=date(2026, 5, 1),
                      detail="深圳", today=TODAY)
    members.add_event(db, LOCAL_USER, member_id=people["出"], kind=EventKind.TRANSFER_OUT,
                      on_date=date(2026, 4, 30), today=TODAY)
    members.add_event(db, LOCAL_USER, member_id=people["停"], kind=EventKind.LOST, on_date=date(2025, 1, 1),
                      detail="1", today=TODAY)
    members.add_event(db, LOCAL_USER, member_id=people["停"], kind=EventKind.SUSPENDED, on_date=date(2026, 2, 1),
                      detail="1", today=TODAY)
    bulk = sorted(set(dashboard.member_ids(db, "all:", TODAY)) - set(people.values()))
    # 32 学时 × 334/365 ≈ 29.3 owed by 30 November: 29.3 and over is on track, 29.2 is not.
    _credit(db, date(2026, 3, 5), 293, [people["甲"], bulk[1], people["元旦"], people["失联"]])
    _credit(db, date(2026, 3, 6), 292, [people["乙"], bulk[2], people["流动"]])
    _credit(db, date(2026, 3, 7), 500, [people["书记"], bulk[0]])  # 50 of the 51.2 a 书记 owes by then
    _credit(db, date(2026, 3, 9), 100, [people["出"]])  # 10 of the ~10.4 owed for January to April
    _credit(db, date(2026, 8, 1), 100, [people["新"]])
    return people


@pytest.mark.parametrize("day", [date(2026, 1, 1), date(2026, 3, 6), date(2026, 4, 30), TODAY, date(2026, 12, 31)])
def test_the_aggregate_equals_the_ledger_on_each_day(db: Database, crafted: dict[str, str], day: date) -> None:
    """On track / counted from aggregates is the ledger's count, on the year's first and last day too."""
    assert study_track.on_track(db, 2026, as_of=day) == _ledger_answer(db, 2026, day)


def test_both_ways_of_counting_are_used(db: Database, crafted: dict[str, str]) -> None:
    """Every live member is counted by the grouped query; the members with events are found and judged again
    one by one."""
    with db.read() as session:
        plain = todo_repo.study_on_track_counts(session, 2026, leader_posts=["01"], member_owes=0, leader_owes=0)
        others = {m.id for m in todo_repo.study_other_members(session, 2026)}
    assert plain[1] >= 8  # the bulk members, and those only 失联 or 外出流动 (still on the roll)
    assert {crafted["新"], crafted["出"], crafted["停"], crafted["元旦"]} <= others
    assert not {crafted["失联"], crafted["流动"]} & others
    assert study_track.on_track(db, 2026, as_of=TODAY)[0] == _ledger_answer(db, 2026, TODAY)[0] > 0


def test_a_past_year_and_a_future_year_match_too(db: Database, crafted: dict[str, str]) -> None:
    """Last year (judged at its end) and next year (nothing owed yet) give the ledger's answer."""
    assert study_track.on_track(db, 2025, as_of=TODAY) == _ledger_answer(db, 2025, TODAY)
    assert study_track.on_track(db, 2027, as_of=TODAY) == _ledger_answer(db, 2027, TODAY)


@pytest.mark.parametrize("day", [date(2026, 3, 6), TODAY, date(2026, 12, 31)])
def test_the_rows_under_a_share_or_of_leaders_are_the_ledger_s(db: Database, crafted: dict[str, str],
                                                               day: date) -> None:
    """Under 75 % or under 100 % of the required hours, and the 支委会 members: the ledger's very rows."""
    ledger = study_reports.ledger(db, 2026, as_of=day)
    for bp in (7500, 10_000):
        wanted = {r for r in ledger if r.credited * 10_000 < r.required * bp}
        assert set(study_track.rows(db, 2026, as_of=day, below_bp=bp)) == wanted
    assert set(study_track.rows(db, 2026, as_of=day, leaders_only=True)) == {r for r in ledger if r.leader}
    assert set(study_track.rows(db, 2026, as_of=day)) == set(ledger)
