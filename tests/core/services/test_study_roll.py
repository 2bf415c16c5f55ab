"""The ledger's days on the roll from one grouped query: identical to replaying every member's events."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import update

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import EventKind
from partydesk.core.domain.study_quota import expected_on, quota_of
from partydesk.core.domain.study_roll import admitted_on, plain_spans
from partydesk.core.services import members, study, study_reports
from partydesk.core.services.rules import rule_values
from partydesk.core.storage import study_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.study_repo import ActivityData
from partydesk.core.storage.study_tables import StudyActivity

TODAY = date(2026, 11, 30)


def add(db: Database, name: str, seed: int, *, joined: str = "2000-07-01", post: str = "") -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, 1 + seed), True)
    late = joined > "2025"
    data = MemberInput(name=name, gender="男", id_number=number, category="预备党员" if late else "正式党员",
                       joined_on=joined, confirmed_on=None if late else "2001-07-01", party_post=post)
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def event(db: Database, member_id: str, kind: EventKind, day: date, detail: str = "") -> None:
    members.add_event(db, LOCAL_USER, member_id=member_id, kind=kind, on_date=day, detail=detail, today=TODAY)


def replayed(db: Database, year: int, as_of: date) -> list[tuple[str, bool, int, int, int, int]]:
    """The ledger as it was reckoned before: every member's events replayed (``quota_of``)."""
    day = min(as_of, date(year, 12, 31))
    rules = rule_values(db)
    credited = {r.member_id: r.credited for r in study_reports.ledger(db, year, as_of=as_of)}
    out = []
    for m in study.roll(db):
        quota, spans = quota_of(m, year, rules)
        got = credited.get(m.id, 0)
        if quota.days_on_roll == 0 and got == 0:
            continue
        out.append((m.id, quota.leader, quota.days_on_roll, quota.required_tenths,
                    expected_on(quota, spans, day) if day.year == year else 0, got))
    return out


def reckoned(db: Database, year: int, as_of: date) -> list[tuple[str, bool, int, int, int, int]]:
    return [(r.member_id, r.leader, r.days_on_roll, r.required, r.expected, r.credited)
            for r in study_reports.ledger(db, year, as_of=as_of)]


@pytest.fixture
def crafted(db: Database) -> dict[str, str]:
    """Joiners, leavers, a death, a transfer in, a 停止党籍 and its restoration, a leader, plain members."""
    ids = {"书记": add(db, "王书记", 1, post="书记"), "老": add(db, "张老", 2),
           "新": add(db, "钱新", 3, joined="2026-05-10"),
           "明年": add(db, "孙明", 4, joined="2025-12-31"), "出": add(db, "李出", 5), "故": add(db, "周故", 6),
           "入": add(db, "吴入", 7, joined="2000-03-01"), "停": add(db, "郑停", 8), "复": add(db, "冯复", 9),
           "除": add(db, "陈除", 10)}
    event(db, ids["出"], EventKind.TRANSFER_OUT, date(2026, 4, 1), "示范市某支部")
    event(db, ids["故"], EventKind.DEATH, date(2026, 2, 14))
    event(db, ids["入"], EventKind.TRANSFER_OUT, date(2025, 6, 1), "外市某支部")
    event(db, ids["入"], EventKind.TRANSFER_IN, date(2026, 7, 20), "外市某支部")
    event(db, ids["停"], EventKind.LOST, date(2025, 6, 1), "1")
    event(db, ids["停"], EventKind.SUSPENDED, date(2026, 3, 1), "1")
    event(db, ids["复"], EventKind.LOST, date(2025, 1, 1), "1")
    event(db, ids["复"], EventKind.SUSPENDED, date(2025, 10, 1), "1")
    event(db, ids["复"], EventKind.RESTORED, date(2026, 8, 1))
    event(db, ids["除"], EventKind.LEFT, date(2026, 9, 30), "22")
    for n, day in enumerate((date(2026, 1, 10), date(2026, 6, 1), date(2026, 10, 5))):
        who = [i for key, i in ids.items() if key not in ("故",) or n == 0]
        who = [i for i in who if i != ids["新"] or day >= date(2026, 5, 10)]
        if day >= date(2026, 4, 1):
            who = [i for i in who if i not in (ids["出"], ids["停"])]
        if day < date(2026, 7, 20):
            who = [i for i in who if i != ids["入"]]
        if day < date(2026, 8, 1):
            who = [i for i in who if i != ids["复"]]
        if day >= date(2026, 2, 14):
            who = [i for i in who if i != ids["故"]]
        if day >= date(2026, 9, 30):
            who = [i for i in who if i != ids["除"]]
        study.add_activity(db, LOCAL_USER, ActivityData("collective", f"学习{n}", day, day, 20 + 10 * n),
                           participants=dict.fromkeys(who))
    return ids


@pytest.mark.parametrize(("year", "as_of"), [(2026, TODAY), (2026, date(2026, 6, 30)), (2025, TODAY)])
def test_the_grouped_roll_gives_the_replayed_ledger(db: Database, crafted: dict[str, str], year: int,
                                                    as_of: date) -> None:
    """Days on the roll, quota, expectation and credit equal the event-by-event replay for every member."""
    assert reckoned(db, year, as_of) == replayed(db, year, as_of)


def test_the_crafted_members_have_the_expected_days(db: Database, crafted: dict[str, str]) -> None:
    """Each crafted case is on the roll for the days the rules give it (so the comparison is not vacuous)."""
    days = {r.member_id: r.days_on_roll for r in study_reports.ledger(db, 2026, as_of=TODAY)}
    assert days[crafted["老"]] == 365 and days[crafted["书记"]] == 365
    assert days[crafted["新"]] == (date(2026, 12, 31) - date(2026, 5, 10)).days + 1
    assert days[crafted["出"]] == 31 + 28 + 31  # until the day before the 转出
    assert days[crafted["故"]] == 31 + 13
    assert days[crafted["入"]] == (date(2026, 12, 31) - date(2026, 7, 20)).days + 1
    assert days[crafted["停"]] == 31 + 28
    assert days[crafted["复"]] == (date(2026, 12, 31) - date(2026, 8, 1)).days + 1
    assert days[crafted["除"]] == (date(2026, 9, 29) - date(2026, 1, 1)).days + 1


def test_ledger_rows_of_some_members_equal_their_full_ledger_rows(db: Database, crafted: dict[str, str]) -> None:
    """``member_ids`` reads only those members' rows, the same as in the whole ledger."""
    whole = {r.member_id: r for r in study_reports.ledger(db, 2026, as_of=TODAY)}
    some = [crafted["新"], crafted["停"], crafted["老"]]
    part = study_reports.ledger(db, 2026, as_of=TODAY, member_ids=some)
    assert sorted(r.member_id for r in part) == sorted(some)
    assert all(r == whole[r.member_id] for r in part)


def test_admission_day_is_the_latest_dated_join_event() -> None:
    """The last dated 入党 event wins; undated ones alone mean always on the roll; none: the record's date."""
    assert admitted_on(date(2000, 1, 1), 2, date(2026, 3, 1)) == date(2026, 3, 1)
    assert admitted_on(date(2000, 1, 1), 1, None) is None
    assert admitted_on(date(2000, 1, 1), 0, None) == date(2000, 1, 1)
    assert plain_spans(date(2026, 3, 1), 2026) == [(date(2026, 3, 1), date(2026, 12, 31))]
    assert plain_spans(date(2027, 3, 1), 2026) == []
    assert plain_spans(None, 2026) == [(date(2026, 1, 1), date(2026, 12, 31))]


def test_credits_of_a_deleted_activity_do_not_count(db: Database, crafted: dict[str, str]) -> None:
    """An activity tombstoned without its credit rows (as a sync could leave it) credits nobody."""
    before = {r.member_id: r.credited for r in study_reports.ledger(db, 2026, as_of=TODAY)}
    added = study.add_activity(db, LOCAL_USER, ActivityData("collective", "补学", date(2026, 11, 2), date(2026, 11, 2),
                                                            15), participants={crafted["老"]: None})
    assert {r.member_id: r.credited for r in study_reports.ledger(db, 2026, as_of=TODAY)}[crafted["老"]] == (
        before[crafted["老"]] + 15)
    with db.write(LOCAL_USER, action="test.tombstone") as session:
        session.execute(update(StudyActivity).where(StudyActivity.id == added.activity_id).values(deleted=True))
    assert {r.member_id: r.credited for r in study_reports.ledger(db, 2026, as_of=TODAY)} == before
    with db.read() as session:
        assert study_repo.credited_by_member(session, 2026) == {
            m: t for m, t in before.items() if t}
