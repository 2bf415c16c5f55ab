"""A person on two branches' rolls in a committee's file: looking at one branch, its to-dos flag the person."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from partydesk.core.services import dashboard, dashboard_scope
from partydesk.core.services.annual_report import annual_report
from partydesk.core.storage.database import Database, open_database
from tests.core.exchange.two_branches import build_committee, copy_committee

TODAY = date(2026, 11, 30)


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
