"""roster.id_mismatch: a member whose recorded 性别 or 出生日期 (to its precision) is not what the 公民身份号码 says
stays on the board until one is corrected; the import and the form only warn."""

from __future__ import annotations

import random
from datetime import date

import pytest

from partydesk.core import checks
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import grouping
from partydesk.core.checks.findings import Finding, Severity, Target, run_checks
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.services import members
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member

TODAY = date(2026, 11, 30)


def add(db: Database, name: str, seed: int, *, male: bool = True, gender: str | None = None,
        birth: str | None = None) -> str:
    number = fake_id_number(random.Random(seed), date(1972, 11, 5), male)
    data = MemberInput(name=name, gender=gender or ("男" if male else "女"), id_number=number, category="正式党员",
                       joined_on="2000-07-01", confirmed_on="2001-07-01", birth_date=birth)
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def found(db: Database) -> dict[str, Finding]:
    checks.load_all()
    return {f.subject: f for f in run_checks(db, TODAY, ["roster.id_mismatch"])}


def test_a_gender_or_birthday_the_number_disagrees_with_stays_on_the_board(db: Database) -> None:
    """孙立新 recorded 女 with a man's number, 钱多 born 6 November by the record and the 5th by the number: each
    named with what the number says, 注意, opening the record; 赵对 (his birth kept to the month, agreeing) and
    李好 are quiet."""
    sun = add(db, "孙立新", 1, male=True, gender="女")
    qian = add(db, "钱多", 2, birth="1972-11-06")
    zhao = add(db, "赵对", 3)
    with db.write(LOCAL_USER, action="test") as session:  # as another office's program may keep it: to the month
        row = session.get(Member, zhao)
        assert row is not None
        row.birth_date, row.birth_date_precision = date(1972, 11, 1), "month"
    quiet = {zhao, add(db, "李好", 4, male=False)}
    got = found(db)
    assert set(got) == {sun, qian} and not quiet & set(got)
    assert got[sun].message == "孙立新的性别与公民身份号码不一致（号码第17位为单数，应为男），请核对后改正错的一项"
    assert got[qian].message == ("钱多的出生日期与公民身份号码不一致（号码中出生日期为1972年11月5日），"
                                 "请核对后改正错的一项")
    assert got[sun].severity is Severity.WARNING and got[sun].target == Target("member", sun)


def test_many_are_one_summary(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouping, "NAMED_AT_MOST", 1)
    add(db, "孙立新", 1, gender="女")
    add(db, "钱多", 2, birth="1972-11-06")
    (line,) = found(db).values()
    assert line.message == "2 名党员的性别或出生日期与公民身份号码不一致"
