"""Grouped to-dos: up to ten members of one organisation with the same finding are named one by one; more
get one summary finding (count, most urgent severity, earliest due day) that can be dismissed, snoozed and
opened to the roster of exactly those members, in the GUI's board and in ``partydesk check --json`` alike."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from partydesk.cli import main
from partydesk.core import checks
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import engine, grouping
from partydesk.core.checks.findings import CHECKS, Finding, Severity, Target
from partydesk.core.domain.member import MemberData
from partydesk.core.services import dashboard, dashboard_scope, talks
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.talks import TalkData
from partydesk.core.storage.database import Database
from tests.core.services.committee_two_branches import two_branch_committee

TODAY = date(2026, 11, 30)


def members(db: Database, count: int, *, first: int = 0) -> list[str]:
    """``count`` members of long standing (joined 1999) and never talked with: all overdue a talk."""
    insert_members(db, LOCAL_USER, [
        MemberData(name=f"党员{i:03d}", gender="1", id_type="1", id_number=f"1101011990{i:04d}0011", category="1",
                   joined_on=date(1999, 1, 1), confirmed_on=date(2000, 1, 1)) for i in range(first, first + count)],
        today=TODAY)
    return dashboard.member_ids(db, "all:", TODAY)


def talk_none(db: Database, today: date = TODAY) -> list[Finding]:
    checks.load_all()
    return list(CHECKS["talk.none"](db, today))


def test_three_members_due_are_named(db: Database) -> None:
    """A branch with 3 members due a talk sees 3 findings with their names."""
    ids = members(db, 3)
    found = talk_none(db)
    assert sorted(f.subject for f in found) == sorted(ids)
    assert all(f.target == Target("talk_with", f.subject) and f.message.startswith("党员") for f in found)


def test_forty_members_due_are_one_summary(db: Database) -> None:
    """40 members due: one finding naming 40, overdue, due on the earliest day, opening those 40 members."""
    ids = members(db, 40)
    talks.add_talk(db, LOCAL_USER, TalkData(held_on=date(2025, 12, 20), with_ids=(ids[0],), by_name="刘书记",
                                            topic="谈心"))  # due 2026-12-20: within 30 days, 注意
    (summary,) = talk_none(db)
    org = db.site.organisation_id if db.site else ""
    assert summary.subject == f"{org}#talk.none" and summary.code == "talk.none"
    assert summary.message == "40 名党员需开展谈心谈话（其中 39 名已逾期）"
    assert summary.severity is Severity.OVERDUE
    # Joined 1999-01-01, never talked with, the file's records from 2000-01-01: due three months after that.
    assert summary.due == date(2000, 4, 1)
    assert summary.target == Target("talks_due", org)  # the 应谈话 list, where talks are recorded
    assert sorted(dashboard.member_ids(db, f"todo:{org}#talk.none", TODAY)) == sorted(ids)


@pytest.mark.parametrize(("count", "named"), [(10, True), (11, False)])
def test_the_bar_is_ten_members(db: Database, count: int, named: bool) -> None:
    """Ten members due are named one by one; eleven are one summary."""
    members(db, count)
    found = talk_none(db)
    assert len(found) == (count if named else 1)
    if not named:
        assert found[0].message.startswith(f"{count} 名党员")


def test_a_summary_is_dismissed_snoozed_and_restored_under_its_subject(db: Database) -> None:
    """Dismissing the summary hides it; restoring shows it; a snooze hides it until its day."""
    members(db, 12)
    (summary,) = [f for f in engine.open_findings(db, TODAY) if f.code == "talk.none"]
    engine.dismiss(db, LOCAL_USER, summary, reason="已列入下月谈心谈话计划")
    board = engine.board(db, TODAY)
    assert summary not in board.open and [f for f, _d in board.set_aside] == [summary]
    engine.restore(db, LOCAL_USER, summary)
    assert summary in engine.open_findings(db, TODAY)
    engine.snooze(db, LOCAL_USER, summary, until=date(2026, 12, 15), today=TODAY, reason="年底集中谈话")
    assert summary not in engine.open_findings(db, TODAY)
    assert summary.subject in {f.subject for f in engine.open_findings(db, date(2026, 12, 15))}


def test_study_and_lost_contact_are_summed_up_too(db: Database) -> None:
    """After September every member of the branch with no 学时 is behind: one summary, as for talks."""
    members(db, 15)
    checks.load_all()
    (behind,) = CHECKS["study.behind"](db, TODAY)
    assert behind.message == "15 名党员2026年已完成学时不足应完成的 75%"
    assert behind.target is not None and len(dashboard.member_ids(db, behind.target.key, TODAY)) == 15


def test_cli_check_json_shows_the_summary(db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``partydesk check --json`` lists the same board: one talk.none line for 20 members."""
    members(db, 20)
    db.close()
    assert main(["check", "--db", str(db_path), "--date", TODAY.isoformat(), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["findings"]
    talk = [f for f in found if f["code"] == "talk.none"]
    assert len(talk) == 1 and talk[0]["message"].startswith("20 名党员") and talk[0]["subject"].endswith("#talk.none")


def test_a_committee_sees_each_branch_named_in_its_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the bar at 4, branch 1001 (5 members due) gets a summary under its name, branch 1002 (3) its
    names; choosing a branch keeps its own summary only."""
    monkeypatch.setattr(grouping, "NAMED_AT_MOST", 4)
    hub, ids = two_branch_committee(tmp_path)
    try:
        found = talk_none(hub)
        summaries = [f for f in found if f.target is not None and f.target.kind == "roster"]
        assert [f.message.split("：")[0] for f in summaries] == ["第1001支部"]  # 第1001支部委员会, shortened
        assert summaries[0].message.split("：", 1)[1].startswith("5 名党员")
        # At the committee each opens the member's record: the branch records its members' talks
        named = [f for f in found if f.target is not None and f.target.kind == "member"]
        assert len(named) == 3
        assert dashboard_scope.scope_findings(hub, found, ids["1001"]) == summaries
        assert summaries[0] not in dashboard_scope.scope_findings(hub, found, ids["1002"])
        assert dashboard_scope.scope_findings(hub, found, ids["1002"]) == named
        assert len(dashboard.member_ids(hub, summaries[0].target.key, TODAY)) == 5  # type: ignore[union-attr]
    finally:
        hub.close()


def test_probationers_past_their_term_are_summed_up_after_ten(db: Database) -> None:
    """Twelve 预备党员 whose year ended undiscussed: one summary of 12 that opens those 12; with the bar at
    12 each is named as before."""
    insert_members(db, LOCAL_USER, [
        MemberData(name=f"预备{i:02d}", gender="1", id_type="1", id_number=f"1101011991{i:04d}0011", category="2",
                   joined_on=date(2024, 5, 1)) for i in range(12)], today=TODAY)
    checks.load_all()
    (summary,) = CHECKS["member.probation_overdue"](db, TODAY)
    assert summary.message == "12 名预备党员预备期已届满，尚未讨论转正"
    assert summary.severity is Severity.OVERDUE and summary.due == date(2025, 5, 1)
    assert summary.target is not None and len(dashboard.member_ids(db, summary.target.key, TODAY)) == 12
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grouping, "NAMED_AT_MOST", 12)
        named = list(CHECKS["member.probation_overdue"](db, TODAY))
    assert len(named) == 12 and all(f.target is not None and f.target.kind == "member" for f in named)


def test_a_shared_read_is_made_once_per_run_and_never_kept_after() -> None:
    """Inside a scope the same key is computed once; after it (or outside any) it is computed again."""
    from partydesk.core.checks import memo

    calls: list[int] = []

    def read() -> int:
        calls.append(1)
        return len(calls)

    with memo.scope():
        assert memo.shared("k", read) == memo.shared("k", read) == 1
        with memo.scope():
            assert memo.shared("k", read) == 1
    assert memo.shared("k", read) == 2 and memo.shared("k", read) == 3
