"""Roster checks: required fields left empty (one SQL count per field) and the committee's 换届 due."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import load_all
from partydesk.core.checks.findings import Severity, Target, run_checks
from partydesk.core.domain.member import MemberData
from partydesk.core.services import dashboard
from partydesk.core.services.setup import OrganisationInput, own_organisation, update_organisation
from partydesk.core.storage import member_repo
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 30)


def _member(db: Database, name: str, *, joined: date | None, in_branch: bool = True) -> str:
    data = MemberData(name=name, gender="1", id_type="1", id_number=f"1101011990010{len(name)}{name[-1]}",
                      category="1", joined_on=joined)
    with db.write(LOCAL_USER, action="member.add") as session:
        assert db.site is not None and db.site.organisation_id is not None
        member_id = member_repo.insert_member(session, org_id=db.site.organisation_id, data=data, pinyin=name)
        if not in_branch:
            member_repo.set_fields(session, member_id, {"in_branch": False})
    return member_id


def test_members_missing_a_required_field_are_counted_and_listed(db: Database) -> None:
    """Two on the roll without 入党日期 → one finding "2名党员未填写入党日期" that lists exactly them."""
    load_all()
    a = _member(db, "甲", joined=None)
    b = _member(db, "乙", joined=None)
    _member(db, "丙", joined=date(2000, 7, 1))
    _member(db, "丁", joined=None, in_branch=False)  # transferred out: not on the roll
    found = run_checks(db, TODAY, ["roster.missing_field"])
    assert [(f.subject, f.message, f.severity) for f in found] == [
        ("joined_on", "2名党员未填写入党日期", Severity.WARNING)]
    assert found[0].target == Target("roster", "missing:joined_on")
    assert set(dashboard.member_ids(db, "missing:joined_on", TODAY)) == {a, b}


def test_no_finding_when_every_required_field_is_filled(db: Database) -> None:
    """A complete roster has nothing missing."""
    load_all()
    _member(db, "甲", joined=date(2000, 7, 1))
    assert run_checks(db, TODAY, ["roster.missing_field"]) == []


def _term(db: Database, *, start: date | None = None, end: date | None = None, name: str = "",
          org_type: str = "") -> None:
    org = own_organisation(db)
    assert org is not None
    update_organisation(db, LOCAL_USER, org_id=org.id, data=OrganisationInput(
        name=name or org.name, code=org.code, org_type=org_type or org.org_type, term_start=start, term_end=end))


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 11, 30), None),  # six months and a day before the end
    (date(2026, 12, 1), Severity.WARNING),  # exactly six months before
    (date(2027, 6, 1), Severity.WARNING),  # the last day of the term
    (date(2027, 6, 2), Severity.OVERDUE),  # the day after
])
def test_term_due_on_the_boundary_days(db: Database, today: date, expected: Severity | None) -> None:
    """换届: warned from six months before the term ends, overdue from the day after it ends."""
    load_all()
    _term(db, start=date(2024, 6, 1), end=date(2027, 6, 1))
    found = run_checks(db, today, ["roster.term_due"])
    assert [f.severity for f in found] == ([] if expected is None else [expected])
    if found:
        assert found[0].due == date(2027, 6, 1)


def test_term_without_an_end_lasts_three_years_from_its_start(db: Database) -> None:
    """An office's branch (not a village's or a community's) elected 2023-12-15 and no end set: the term ends
    2026-12-15, so on 2026-11-30 it is due soon."""
    load_all()
    _term(db, start=date(2023, 12, 15), name="中共示范街道机关第一支部委员会")
    found = run_checks(db, TODAY, ["roster.term_due"])
    assert [(f.severity, f.due) for f in found] == [(Severity.WARNING, date(2026, 12, 15))]
    assert "2026年12月15日" in found[0].message


@pytest.mark.parametrize(("name", "years"), [
    ("中共青山村支部委员会", 5), ("中共幸福社区第一支部委员会", 5), ("中共青山村党总支", 5), ("青山村第二党支部", 5),
    ("中共和平社区委员会", 5), ("青山村联合党支部", 5), ("幸福社区综合党委", 5), ("青山村（社区）党支部", 5),
    ("中共新村小学支部委员会", 3), ("中共社区卫生服务中心支部委员会", 3), ("中共曹杨新村第六小学支部委员会", 3),
    ("中共幸福社区第二医院党支部", 3), ("中共示范街道机关第一支部委员会", 3)])
def test_a_village_or_community_term_lasts_five_years(db: Database, name: str, years: int) -> None:
    """村、社区党组织 are elected for five years (with the 村（居）委会), other branches for three: with only the start
    set (2023-12-15), the end is worked out by the organisation's name, and the to-do says it was worked out so
    and where to set another day. A village's term set to end on a day of its own is taken as set."""
    load_all()
    _term(db, start=date(2021, 12, 15) if years == 5 else date(2023, 12, 15), name=name)
    found = run_checks(db, TODAY, ["roster.term_due"])
    assert [(f.severity, f.due) for f in found] == [(Severity.WARNING, date(2026, 12, 15))]
    assert f"每届任期{years}年" in found[0].message and "任期届满日期" in found[0].message
    _term(db, start=date(2023, 12, 15), name=name)
    assert bool(run_checks(db, TODAY, ["roster.term_due"])) is (years == 3)
    _term(db, start=date(2021, 12, 15), end=date(2027, 1, 10), name=name)
    [given] = run_checks(db, TODAY, ["roster.term_due"])
    assert given.due == date(2027, 1, 10) and "推算" not in given.message


def test_a_party_committee_s_term_lasts_five_years_and_is_called_so(db: Database) -> None:
    """A 基层党委 (a street's working committee) is elected for five years (《基层组织选举工作条例》): its to-do speaks
    of the 党委's term, not a 支部委员会's."""
    load_all()
    _term(db, start=date(2021, 12, 15), name="中共示范街道工作委员会", org_type="党委")
    [found] = run_checks(db, TODAY, ["roster.term_due"])
    assert found.due == date(2026, 12, 15) and found.message.startswith("党委任期将于")
    assert "基层党委每届任期5年" in found.message and found.rule == "基层组织选举工作条例"


def test_no_term_set_gives_no_finding(db: Database) -> None:
    """Nothing is known about the term: nothing to say."""
    load_all()
    assert run_checks(db, TODAY, ["roster.term_due"]) == []


def test_an_empty_roll_asks_for_the_roster_first(db: Database, tmp_path: Path) -> None:
    """A new branch file with nobody on the roll: one 注意 whose opening starts the import, kept out of the annual
    report (set-up, not Party work); gone once a member is on the roll, back when the last has left it. A
    committee's file, whose members come with its branches' packages, is never told so."""
    from partydesk.core.services.setup import initialise_site
    from partydesk.core.storage.database import open_database

    load_all()
    [found] = run_checks(db, TODAY, ["roster.empty"])
    assert (found.severity, found.target, found.housekeeping) == (Severity.WARNING, Target("members", "import"), True)
    assert found.message.startswith("花名册中还没有在册党员")
    only = _member(db, "张三", joined=date(2000, 1, 1))
    assert run_checks(db, TODAY, ["roster.empty"]) == []
    with db.write(LOCAL_USER, action="member.edit") as session:
        member_repo.set_fields(session, only, {"in_branch": False})
    assert [f.code for f in run_checks(db, TODAY, ["roster.empty"])] == ["roster.empty"]
    (tmp_path / "committee").mkdir()
    committee = open_database(tmp_path / "committee" / "committee.db")
    initialise_site(committee, LOCAL_USER, organisation=OrganisationInput(name="中共示例街道工作委员会", code="1000",
                                                                          org_type="党委"), role="committee")
    assert run_checks(committee, TODAY, ["roster.empty"]) == []
    committee.close()


def test_a_member_off_the_roll_still_holding_a_post_is_a_todo(db: Database) -> None:
    """The 书记 transferred out is still recorded as 书记: 注意 on their record, until the post is cleared; a member
    on the roll with a post, or one off it with none, is no to-do."""
    load_all()
    secretary = _member(db, "王建国", joined=date(2000, 1, 1))
    _member(db, "李晓梅", joined=date(2001, 1, 1))
    with db.write(LOCAL_USER, action="member.edit") as session:
        member_repo.set_fields(session, secretary, {"party_post": "01"})
    assert run_checks(db, TODAY, ["roster.post_left"]) == []
    with db.write(LOCAL_USER, action="member.edit") as session:
        member_repo.set_fields(session, secretary, {"in_branch": False})
    [found] = run_checks(db, TODAY, ["roster.post_left"])
    assert (found.severity, found.target) == (Severity.WARNING, Target("member", secretary))
    assert found.message.startswith("王建国已不在本支部名册，党内职务仍记为书记")
    with db.write(LOCAL_USER, action="member.edit") as session:
        member_repo.set_fields(session, secretary, {"party_post": ""})
    assert run_checks(db, TODAY, ["roster.post_left"]) == []
