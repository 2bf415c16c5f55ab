"""The workbench's to-do for conflicts an import queued (数据冲突): shown while any waits for a decision, as
逾期, opening the exchange page's review; gone once decided; one count query when there is none; the program's
housekeeping, not the Party work's."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event

from partydesk.core import checks
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import engine
from partydesk.core.checks.findings import Finding, Severity, Target, run_checks
from partydesk.core.services import members
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.sync_conflicts import open_conflicts, resolve
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member
from tests.core.exchange.conftest import Sites

TODAY = date(2026, 11, 30)


def queue_a_conflict(sites: Sites) -> str:
    """The committee corrects a member's phone while the branch changes the address (as test_corrections
    does): the correction arrives at the branch, which changed the record since, and waits in its queue."""
    member_id = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[0]
    import_package(sites.committee, LOCAL_USER, export_package(sites.branch, LOCAL_USER, to_org_code="1000",
                                                               out_dir=sites.stick).path)
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).phone = "13900000000"  # type: ignore[union-attr]
    with sites.branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).address = "幸福南路9号"  # type: ignore[union-attr]
    code = own_organisation(sites.branch).code  # type: ignore[union-attr]
    report = import_package(sites.branch, LOCAL_USER, export_package(sites.committee, LOCAL_USER, to_org_code=code,
                                                                     out_dir=sites.stick).path)
    assert report.counts["conflict"] == 1
    return member_id


def conflict_findings(db: Database) -> list[Finding]:
    checks.load_all()
    return run_checks(db, TODAY, ["exchange.conflicts"])


def test_a_waiting_conflict_is_a_todo_that_opens_the_review(sites: Sites) -> None:
    """One conflict queued: one 注意 to-do (nothing is late: it has no date) saying how many and what to do,
    aimed at the exchange's conflicts."""
    queue_a_conflict(sites)
    [found] = conflict_findings(sites.branch)
    assert found.severity is Severity.WARNING
    assert found.message.startswith("有 1 条数据冲突等待处理") and "数据交换" in found.message
    assert found.target == Target("exchange", "conflicts")
    assert found.housekeeping  # the program's exchange: the yearly report leaves it out
    board = engine.open_findings(sites.branch, TODAY)
    assert [f.code for f in board if f.code == "exchange.conflicts"] == ["exchange.conflicts"]


def test_a_decided_conflict_leaves_the_board(sites: Sites) -> None:
    """Keeping the local version closes the conflict, and the to-do goes with it."""
    queue_a_conflict(sites)
    [view] = open_conflicts(sites.branch)
    resolve(sites.branch, LOCAL_USER, view.id, take_incoming=False)
    assert conflict_findings(sites.branch) == []


def test_without_conflicts_the_check_costs_one_query(sites: Sites) -> None:
    """No conflict waits: nothing found, after a single SELECT."""
    sent: list[str] = []

    def grab(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append(statement)

    event.listen(sites.branch.engine, "before_cursor_execute", grab)
    try:
        assert conflict_findings(sites.branch) == []
    finally:
        event.remove(sites.branch.engine, "before_cursor_execute", grab)
    assert len(sent) == 1 and "sync_conflict" in sent[0]
