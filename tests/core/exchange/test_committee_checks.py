"""Committee checks: the same person sent by two branches is flagged (not merged); a branch silent for
over 120 days is flagged, one day earlier it is not."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from partydesk.core import checks
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks.findings import run_checks
from partydesk.core.demo import demo_members
from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.setup import initialise_site
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database, open_database
from tests.conftest import time_zone
from tests.core.exchange.conftest import Sites, introduce, make_committee


def test_a_person_on_two_branches_rolls_is_flagged_once(tmp_path: Path) -> None:
    """Two branches both list the same ID number: one finding naming both organisations, by tail only."""
    shared = demo_members(random.Random(5), 3)
    (tmp_path / "c").mkdir()
    hub = make_committee(tmp_path / "c" / "c.db")
    try:
        for code, people in (("1001", shared), ("1002", shared[:1])):
            (tmp_path / code).mkdir()
            db = open_database(tmp_path / code / "b.db")
            initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name=f"第{code}支部委员会", code=code),
                            role="branch")
            insert_members(db, LOCAL_USER, people)
            introduce(db, hub)
            import_package(hub, LOCAL_USER, export_package(db, LOCAL_USER, to_org_code="1000", out_dir=tmp_path).path)
            db.close()
        checks.load_all()
        found = run_checks(hub, date(2026, 11, 30), ["exchange.same_person"])
    finally:
        hub.close()
    assert len(found) == 1
    assert "第1001支部委员会、第1002支部委员会" in found[0].message
    assert shared[0].id_number not in found[0].message and shared[0].id_number[-4:] in found[0].message


@pytest.mark.parametrize("zone", ["UTC", "Asia/Shanghai"])
def test_a_branch_silent_for_over_120_days_is_flagged(sites: Sites, zone: str) -> None:
    """Measured from the day the last package was imported here, in this computer's time: day 120 is fine, day
    121 is a finding. Imported at 05:00 in Beijing (21:00 the evening before in UTC), its day is the Beijing
    one: counted from the UTC day, the office would be told a day early (and `sync status` named the day
    before). "N 天前" counts the same days: the day after, it is a day old, however few hours ago."""
    from partydesk.core.services.sync_status import exchange_status
    from partydesk.core.storage.sync_tables import SyncPackage

    import_package(sites.committee, LOCAL_USER,
                   export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
    with sites.committee.write(LOCAL_USER, action="test.clock") as session:
        for package in session.query(SyncPackage).filter(SyncPackage.direction == "in"):
            package.handled_at = datetime(2026, 3, 9, 21, 0)  # UTC
    checks.load_all()
    with time_zone(zone):
        day = date(2026, 3, 10) if zone == "Asia/Shanghai" else date(2026, 3, 9)
        assert run_checks(sites.committee, day + timedelta(days=120), ["exchange.branch_silent"]) == []
        [late] = run_checks(sites.committee, day + timedelta(days=121), ["exchange.branch_silent"])
        assert "121天" in late.message
        status = exchange_status(sites.committee, now=datetime(2026, 3, 10, 16, 30))  # 00:30 on the 11th in Beijing
        text = status.text()  # `sync status` gives the same day
        assert f"最近收到 {day:%Y-%m-%d}" in text and f"  {day:%Y-%m-%d} " in text, text
        assert status.peers[0].age_days(status.now) == 1  # the day before, by the calendar (19½ hours)

def test_the_comparison_counts_members_and_required_meetings_per_branch(sites: Sites) -> None:
    """After one package: the branch's live members and its rule-counted meetings, against what has come due."""
    from partydesk.core.services import dashboard
    from partydesk.core.services.committee import comparison

    [waiting] = comparison(sites.committee, today=date(2026, 11, 30))  # registered, nothing sent yet
    assert (waiting.org_code, waiting.last_package, waiting.members, waiting.own) == ("3301060012", None, 0, False)
    import_package(sites.committee, LOCAL_USER,
                   export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
    rows = {r.org_code: r for r in comparison(sites.committee, today=date(2026, 11, 30))}
    assert "1000" not in rows, "a committee keeping no members of its own is no row among its branches"
    branch = rows["3301060012"]
    assert branch.members == 12 and branch.age_days == 0
    # The branch's own workbench figure, whatever meetings its demo year holds: no more than the periods
    # ended by 30 November and those since whose meeting it held, at least the ended ones.
    own = dashboard.key_figures(sites.branch, date(2026, 11, 30))
    assert (branch.meetings_held, branch.meetings_required) == (own.meetings_held, own.meetings_required)
    assert 0 < branch.meetings_held <= branch.meetings_required
    assert branch.meetings_required >= 3 + 10 + 3 + 10  # quarters, months, quarters, months ended
    # Its to-dos: the committee's workbench narrowed to the branch, counted, with how many are overdue.
    mine = dashboard.findings(sites.committee, date(2026, 11, 30), org_id=branch_org(sites.committee, "3301060012"))
    assert mine and (branch.todos, branch.overdue) == (len(mine), sum(f.severity.name == "OVERDUE" for f in mine))


def test_the_committee_is_a_row_of_the_comparison_once_it_keeps_members(sites: Sites) -> None:
    """Members on the committee's own roll: its row comes first, owing none of the branch meetings."""
    from partydesk.core.services.committee import comparison

    insert_members(sites.committee, LOCAL_USER, demo_members(random.Random(9), 2))
    own, branch = comparison(sites.committee, today=date(2026, 11, 30))
    assert (own.org_code, own.own, own.members, own.meetings_required) == ("1000", True, 2, 0)
    assert branch.org_code == "3301060012" and branch.last_package is None


def test_the_comparison_gives_each_branch_its_own_study_share(sites: Sites) -> None:
    """The committee's figure for a branch equals the branch's own workbench figure (study records travel)."""
    from partydesk.core.services import study_track
    from partydesk.core.services.committee import comparison

    today = date(2026, 11, 30)
    import_package(sites.committee, LOCAL_USER,
                   export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
    branch = {r.org_code: r for r in comparison(sites.committee, today=today)}["3301060012"]
    assert (branch.study_on_track, branch.study_counted) == study_track.on_track(sites.branch, 2026, as_of=today)
    assert branch.study_counted == 12 and branch.study_share is not None


def test_a_branch_registered_again_from_a_new_installation_is_one_row_until_it_reports(
        sites: Sites, tmp_path: Path) -> None:
    """A reinstalled branch (a new site, the same code) registered while its old figures are here: one row for
    the code, not a second 尚未报送 one; once the new installation reports, each has its row, told apart by site."""
    from partydesk.core.services.committee import comparison
    from tests.core.exchange.conftest import make_branch

    import_package(sites.committee, LOCAL_USER,
                   export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
    (tmp_path / "again").mkdir()
    again = make_branch(tmp_path / "again" / "b.db", seed=7, members=3)
    try:
        introduce(again, sites.committee)
        rows = comparison(sites.committee, today=date(2026, 11, 30))
        assert [(r.org_code, r.members, r.site_id) for r in rows] == [
            ("3301060012", 12, sites.branch.site.site_id)]  # type: ignore[union-attr]
        import_package(sites.committee, LOCAL_USER,
                       export_package(again, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path)
        rows = comparison(sites.committee, today=date(2026, 11, 30))
        assert sorted((r.org_code, r.members) for r in rows) == [("3301060012", 3), ("3301060012", 12)]
        assert len({r.site_id for r in rows}) == 2
    finally:
        again.close()


def branch_org(db: Database, code: str) -> str:
    """The organisation id of the branch with this code in a committee's file."""
    from partydesk.core.services.branches import branches

    return next(b.org_id for b in branches(db).items if b.code == code)
