"""A person on two branches' rolls in a committee's file: the whole file's figures count that person once and say
so; each branch's own figures keep them; looking at one branch, its to-dos flag the person."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member_events import EventKind
from partydesk.core.io.annual_report import Paragraph, Table, blocks
from partydesk.core.services import dashboard, dashboard_scope
from partydesk.core.services.annual_report import annual_report
from partydesk.core.services.branches import shared_people
from partydesk.core.services.committee import comparison
from partydesk.core.services.members import add_event
from partydesk.core.storage import member_repo
from partydesk.core.storage.database import Database, open_database
from tests.core.exchange.two_branches import BRANCHES, build_committee, copy_committee, shared_person_id_number

TODAY = date(2026, 11, 30)
ENTRIES = {name: members + 1 for _code, name, _seed, members in BRANCHES}  # each demo roll and the shared person


@pytest.fixture(scope="module")
def committee_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_committee(tmp_path_factory.mktemp("committee"))


@pytest.fixture
def hub(committee_file: Path, tmp_path: Path) -> Iterator[Database]:
    db = open_database(copy_committee(committee_file, tmp_path))
    yield db
    db.close()


def _orgs(hub: Database) -> dict[str, str]:
    """Branch name -> org id."""
    return {b.name: b.org_id for b in dashboard_scope.branches(hub)}


def _shared_ids(hub: Database) -> list[str]:
    with hub.read() as session:
        return [r.id for r in member_repo.roster_rows(session) if r.id_number == shared_person_id_number()]


def test_the_whole_file_counts_a_person_on_two_rolls_once(hub: Database) -> None:
    """全部支部: 党员总数 is the people (21), not the entries the branches add up to (22), and says one person is
    on two rolls; every structure chart and the members behind 党员总数 count that person once too."""
    snap = dashboard.snapshot(hub, TODAY)
    entries = sum(ENTRIES.values())
    assert sum(b.members for b in dashboard_scope.branches(hub)) == entries  # what each branch lists
    fig = snap.figures
    assert (fig.members, fig.entries, fig.on_two_rolls) == (entries - 1, entries, 1)
    for name, buckets in snap.structure.items():
        if name != "group":  # (a committee's 党小组 are not added up: the chart asks for a branch)
            assert sum(b.value for b in buckets) == entries - 1, name
    assert sum(b.value for b in snap.joined) <= entries - 1
    listed = dashboard.member_ids(hub, "all:", TODAY)
    assert len(listed) == len(set(listed)) == entries - 1
    assert len(set(listed) & set(_shared_ids(hub))) == 1  # one of the person's two entries stands for them
    per_person = {b.key: b.value for b in snap.structure["gender"]}
    assert all(len(dashboard.member_ids(hub, key, TODAY)) == n for key, n in per_person.items())


def test_each_branch_keeps_the_person_on_its_own_roll(hub: Database) -> None:
    """One branch chosen, its figures are its roll as it is (the person included, no note), and the committee's
    comparison gives each branch its own count: it has no total row to add them up twice."""
    orgs = _orgs(hub)
    for name, org_id in orgs.items():
        fig = dashboard.snapshot(hub, TODAY, org_id=org_id).figures
        assert (fig.members, fig.entries, fig.on_two_rolls) == (ENTRIES[name], 0, 0)
    rows = {r.org_name: r.members for r in comparison(hub, today=TODAY) if not r.own}
    assert rows == ENTRIES
    assert [b.value for b in dashboard.snapshot(hub, TODAY).branches] == [ENTRIES[name] for name in orgs]


def test_one_branch_s_to_dos_and_yearly_report_flag_the_person_on_two_rolls(hub: Database) -> None:
    """The to-do naming the person on both rolls is listed when the committee looks at either branch (its
    workbench, its yearly report), not only under 全部支部; the same one finding (rule and subject) each time."""
    [everywhere] = [f for f in dashboard.findings(hub, TODAY) if f.code == "exchange.same_person"]
    for name, org_id in _orgs(hub).items():
        mine = [f for f in dashboard.findings(hub, TODAY, org_id=org_id) if f.code == "exchange.same_person"]
        assert [(f.subject, f.message) for f in mine] == [(everywhere.subject, everywhere.message)], name
        assert name in everywhere.message
        report = annual_report(hub, 2026, today=TODAY, org_id=org_id)
        assert everywhere.message in [f.message for f in report.findings]


def test_the_yearly_report_of_all_branches_says_the_person_counts_once(hub: Database) -> None:
    """The committee's 台账: 党员总数 says one person on two rolls is counted once and what the branches add up to;
    the note over the tables says the members-per-branch table counts them in each branch."""
    report = annual_report(hub, 2026, today=TODAY)
    parts = blocks(report)
    entries = sum(ENTRIES.values())
    cells = {row[0]: row[1] for b in parts if isinstance(b, Table) for row in b.rows if len(row) == 2}
    assert cells["党员总数"] == (f"{entries - 1} 名（其中 1 人同时在两个支部的花名册上，只计一次；"
                              f"各支部人数相加为 {entries} 名）")
    notes = [b.text for b in parts if isinstance(b, Paragraph)]
    assert any(t.startswith("有 1 人（公民身份号码相同）同时在两个支部的花名册上，本部分各表只计一次（“各支部党员人数”")
               for t in notes), notes


def test_a_transfer_the_old_branch_recorded_leaves_nobody_to_count_once(hub: Database) -> None:
    """Once one branch records the person's transfer out, they are on one roll: 党员总数 is the branches' sum, and
    nothing is said; that branch's row of the comparison no longer counts them, as its workbench does not; no
    to-do flags them and the roster marks neither record (the old branch keeps its record as history)."""
    first = _shared_ids(hub)[0]
    add_event(hub, LOCAL_USER, member_id=first, kind=EventKind.TRANSFER_OUT, on_date=date(2026, 11, 1),
              detail="转往第二支部", today=TODAY)
    fig = dashboard.snapshot(hub, TODAY).figures
    assert (fig.members, fig.entries, fig.on_two_rolls) == (sum(ENTRIES.values()) - 1, 0, 0)
    [old] = [name for name, org_id in _orgs(hub).items() if org_id == _org_of(hub, first)]
    rows = {r.org_name: r.members for r in comparison(hub, today=TODAY) if not r.own}
    assert rows == {name: n - (name == old) for name, n in ENTRIES.items()}
    assert rows[old] == dashboard.snapshot(hub, TODAY, org_id=_orgs(hub)[old]).figures.members
    assert not [f for f in dashboard.snapshot(hub, TODAY).findings if f.code == "exchange.same_person"]
    with hub.read() as session:
        assert shared_people(member_repo.roster_rows(session)) == frozenset()


def _org_of(hub: Database, member_id: str) -> str:
    with hub.read() as session:
        return next(r.org_id for r in member_repo.roster_rows(session) if r.id == member_id)
