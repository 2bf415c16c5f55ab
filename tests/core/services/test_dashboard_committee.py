"""The committee's workbench over two imported branches: figures, charts and to-dos of one branch or all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from partydesk.core.charts import members as member_charts
from partydesk.core.charts.common import to_png
from partydesk.core.services import dashboard, dashboard_scope
from partydesk.core.storage.database import Database
from tests.core.services import committee_two_branches

TODAY = date(2026, 11, 30)


committee = committee_two_branches.committee  # branch 1001 (five members, one a migrant), 1002 (three women)


def test_the_branches_held_are_listed_with_their_members(committee: tuple[Database, dict[str, str]]) -> None:
    """Both branches, by code, with their members on the roll; the committee itself has none and is absent."""
    hub, _ids = committee
    assert [(b.code, b.members) for b in dashboard_scope.branches(hub)] == [("1001", 5), ("1002", 3)]


def test_all_branches_count_everyone_and_chart_members_per_branch(committee: tuple[Database, dict[str, str]]) -> None:
    """全部支部: eight members, and a members-per-branch bar for each branch (drawn with its key)."""
    hub, ids = committee
    snap = dashboard.snapshot(hub, TODAY)
    assert snap.figures.members == 8 and snap.org_id is None
    assert [(b.key, b.value) for b in snap.branches] == [(f"org:{ids['1001']}", 5), (f"org:{ids['1002']}", 3)]
    fig = member_charts.bars("各支部党员人数", [b.label for b in snap.branches], [b.value for b in snap.branches],
                             [b.key for b in snap.branches], horizontal=True)
    to_png(fig)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["第1001支部", "第1002支部"]
    assert sorted(dashboard.member_ids(hub, f"org:{ids['1002']}", TODAY)) == sorted(
        dashboard.member_ids(hub, "all:", TODAY, org_id=ids["1002"]))


def test_one_branch_scopes_figures_charts_and_todos(committee: tuple[Database, dict[str, str]]) -> None:
    """Branch 1002: three members, all women, one party group, the branches still listed, and none of
    1001's to-dos (its migrant without a report); branch 1001 has that to-do."""
    hub, ids = committee
    second = dashboard.snapshot(hub, TODAY, org_id=ids["1002"])
    assert (second.figures.members, second.figures.study_counted) == (3, 3)
    assert {b.label: b.value for b in second.structure["gender"]} == {"女": 3}
    assert [b.label for b in second.structure["group"]] == ["第二党小组"]
    assert [b.value for b in second.branches] == [5, 3]
    assert len(dashboard.member_ids(hub, "gender:2", TODAY, org_id=ids["1002"])) == 3
    assert all(f.target is not None and f.target.key != ids["migrant"] for f in second.findings)
    first = dashboard.snapshot(hub, TODAY, org_id=ids["1001"])
    assert first.figures.members == 5
    migrant = [f for f in first.findings if f.code == "roster.migrant_no_report"]
    assert [f.target.key for f in migrant if f.target] == [ids["migrant"]]
    everyone = dashboard.snapshot(hub, TODAY)
    assert first.figures.open_todos + second.figures.open_todos <= everyone.figures.open_todos
    assert len(first.findings) == first.figures.open_todos


def test_all_branches_owe_their_meetings_each(committee: tuple[Database, dict[str, str]]) -> None:
    """Three quarters ended for each of two branches (the fourth still running): 6 支部党员大会 required, the
    one held by 1001 counted once; 全部支部 is the sum of the branches."""
    hub, ids = committee
    every = {n: (r, h) for n, r, h in dashboard.snapshot(hub, TODAY).meetings_by_type}
    first = {n: (r, h) for n, r, h in dashboard.meetings_this_year(hub, TODAY, org_id=ids["1001"])[0]}
    second = {n: (r, h) for n, r, h in dashboard.meetings_this_year(hub, TODAY, org_id=ids["1002"])[0]}
    assert every["支部党员大会"] == (6, 1)
    assert (first["支部党员大会"], second["支部党员大会"]) == ((3, 1), (3, 0))
    assert every == {n: (first[n][0] + second[n][0], first[n][1] + second[n][1]) for n in every}


def test_each_branch_owes_its_own_meetings_and_the_committee_none(committee: tuple[Database, dict[str, str]]) -> None:
    """1001 held its first-quarter 支部党员大会, 1002 did not: each branch's missed meetings are counted for it
    alone, in one line per branch (many months missed), opening that branch's calendar at the latest; the
    committee's own organisation owes no branch meetings; one branch's to-dos keep its own."""
    from partydesk.core.services import meeting_reports

    hub, ids = committee
    missing = [f for f in dashboard.findings(hub, TODAY) if f.code == "meeting.missing"]
    assert len(missing) == 2 and {f.target.key.split("#")[0] for f in missing if f.target} == {ids["1001"], ids["1002"]}
    for code in ("1001", "1002"):
        [line] = [f for f in missing if f.target is not None and f.target.key.startswith(ids[code] + "#")]
        owed = [r for r in meeting_reports.compliance(hub, 2026, as_of=TODAY, org_id=ids[code])
                if not (r.open or r.met or r.before_records)]
        assert line.message.startswith(f"第{code}支部：{len(owed)} 次规定的会议未按期召开，最近的是")  # shortened
        assert line.due == max(r.period.end for r in owed)
    held = {r.period.start for r in meeting_reports.compliance(hub, 2026, as_of=TODAY, org_id=ids["1001"])
            if r.type_code == "general" and r.met}
    assert date(2026, 1, 1) in held  # 1001's first quarter is not among its missed ones
    own = dashboard.findings(hub, TODAY, org_id=ids["1001"])  # (the branch's name goes: it is the one shown)
    assert [f.message for f in own if f.code == "meeting.missing"] == [
        f.message.removeprefix("第1001支部：") for f in missing
        if f.target is not None and f.target.key.startswith(ids["1001"] + "#")]


def test_a_committee_before_any_branch_package_owes_nothing(tmp_path: Path) -> None:
    """Just set up, no branch imported: no meetings required, no 未召开 on the board, the figure 0 of 0."""
    from tests.core.exchange.conftest import make_committee

    hub = make_committee(tmp_path / "c.db")
    try:
        snap = dashboard.snapshot(hub, date(2026, 11, 30))
        by_type, monthly = dashboard.meetings_this_year(hub, date(2026, 11, 30))
        assert by_type == [] and sum(monthly.required) == 0
        assert not [f for f in snap.findings if f.code == "meeting.missing"]
    finally:
        hub.close()


def test_a_committees_member_todos_name_their_branch(committee: tuple[Database, dict[str, str]]) -> None:
    """In a file of several branches a to-do about one member starts with that member's branch; in a branch's
    own file it does not (the branch is obvious)."""
    from partydesk.core.checks import engine

    hub, ids = committee
    found = [f for f in engine.run_all(hub, date(2026, 11, 30))
             if f.target is not None and (f.target.record() or ("", ""))[0] == "member"]
    # A branch member's talk to-do opens the member at the committee (the branch records the talk)
    assert {f.target.kind for f in found if f.target is not None} >= {"member", "ledger"}
    assert "talk_with" not in {f.target.kind for f in found if f.target is not None}
    names = {"第1001支部", "第1002支部"}  # 第1001支部委员会 and 第1002支部委员会, as offices shorten them
    assert all(f.message.split("：", 1)[0] in names for f in found)
    migrant = [f for f in found if f.target is not None and f.target.key == ids["migrant"]]
    assert migrant and all(f.message.startswith("第1001支部：") for f in migrant)
    # With that branch chosen on the workbench, its to-dos drop the name: the workbench is showing the branch.
    scoped = {(f.code, f.subject): f.message for f in dashboard.findings(hub, TODAY, org_id=ids["1001"])}
    assert scoped and not any(m.startswith("第1001支部：") for m in scoped.values())
    assert all(scoped[f.code, f.subject] == f.message.removeprefix("第1001支部：") for f in migrant)


def test_committee_member_pairs_are_made_within_each_branch(committee: tuple[Database, dict[str, str]]) -> None:
    """Each branch's 支委 are paired among themselves (both branches have some); never a 支委 of one branch
    with one of the other, as a committee's file holds both."""
    from partydesk.core.services import talks
    from partydesk.core.storage import workbench_repo

    hub, ids = committee
    pairs = talks.committee_pairs_due(hub, TODAY)
    with hub.read() as session:
        org = workbench_repo.org_of(session, [m for p in pairs for m in (p.first_id, p.second_id)])
    assert {org[p.first_id] for p in pairs} == {ids["1001"], ids["1002"]}
    assert all(org[p.first_id] == org[p.second_id] for p in pairs)


def test_a_committee_itself_owes_no_branch_meetings_in_its_calendar(committee: tuple[Database, dict[str, str]]) -> None:
    """The calendar of the committee's own organisation, or of its file read whole, has no periods (not a year
    of 未召开 for a 党委); each branch's has its own, over the whole year."""
    from partydesk.core.services import meeting_reports

    hub, ids = committee
    assert hub.site is not None
    assert meeting_reports.compliance(hub, 2026, as_of=TODAY, org_id=hub.site.organisation_id) == []
    assert meeting_reports.compliance(hub, 2026, as_of=TODAY) == []
    first = meeting_reports.compliance(hub, 2026, as_of=TODAY, org_id=ids["1001"])
    assert first and not any(c.before_records for c in first)


def test_the_yearly_report_of_one_branch_is_that_branch_s(committee: tuple[Database, dict[str, str]]) -> None:
    """年度台账 with a branch chosen: its name on the title, its members, meetings and study only; without one,
    the whole file under the committee's name."""
    from partydesk.core.services.annual_report import annual_report

    hub, ids = committee
    whole = annual_report(hub, 2026, today=TODAY)
    first = annual_report(hub, 2026, today=TODAY, org_id=ids["1001"])
    second = annual_report(hub, 2026, today=TODAY, org_id=ids["1002"])
    assert (whole.organisation, first.organisation, second.organisation) == (
        "中共示范街道工作委员会", "第1001支部委员会", "第1002支部委员会")
    assert (whole.dashboard.figures.members, first.dashboard.figures.members, second.dashboard.figures.members) == (
        8, 5, 3)
    assert [(m.held_on, m.topic) for m in first.register] == [(date(2026, 3, 10), "学习党章")]
    assert second.register == [] and len(whole.register) == 1
    # All branches: each meeting of the register says whose it is; one branch's needs no such column.
    from partydesk.core.io.annual_report import Table, blocks

    assert [m.branch for m in whole.register] == ["第1001支部"] and first.register[0].branch == ""
    heads = [b.headers for b in blocks(whole) if isinstance(b, Table) and "主题" in b.headers]
    assert heads == [("日期", "支部", "会议类型", "主题", "党小组", "应到", "实到")]
    assert next(b.headers for b in blocks(first) if isinstance(b, Table) and "主题" in b.headers)[1] == "会议类型"
    on_roll = "在册党员（年内）"
    assert dict(first.study or [])[on_roll] == "5 名" and dict(second.study or [])[on_roll] == "3 名"


def test_the_yearly_report_of_all_branches_counts_members_per_branch_not_per_group(
        committee: tuple[Database, dict[str, str]]) -> None:
    """第一党小组 of two branches are two groups: the all-branch 台账 lists members per branch instead of adding
    same-named groups together; a branch's own 台账 keeps its 各党小组人数."""
    from partydesk.core.io.annual_report import Heading, Table, blocks
    from partydesk.core.services.annual_report import annual_report

    hub, ids = committee
    whole = annual_report(hub, 2026, today=TODAY)
    first = annual_report(hub, 2026, today=TODAY, org_id=ids["1001"])

    def section(report: object, title: str) -> list[tuple[str, ...]] | None:
        parts = blocks(report)  # type: ignore[arg-type]
        for at, block in enumerate(parts):
            if isinstance(block, Heading) and block.text == title:
                table = parts[at + 1]
                assert isinstance(table, Table)
                assert table.headers[0] == ("支部" if title == "各支部党员人数" else "类别")
                return [tuple(row) for row in table.rows]
        return None

    assert section(whole, "各党小组人数") is None
    per_branch = section(whole, "各支部党员人数")
    assert per_branch is not None and [row[:2] for row in per_branch] == [("第1001支部", "5"), ("第1002支部", "3")]
    assert section(first, "各党小组人数") is not None and section(first, "各支部党员人数") is None


def test_one_branch_s_set_aside_to_dos_are_its_own_without_its_name(
        committee: tuple[Database, dict[str, str]]) -> None:
    """A to-do of each branch set aside: the workbench showing 1001 lists 1001's under 已忽略或暂缓, named as its open
    ones are (no "第1001支部：" in front), not 1002's; put back from there, it is open again."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.checks import engine

    hub, ids = committee
    missing = {f.target.key.split("#")[0]: f for f in dashboard.findings(hub, TODAY)
               if f.code == "meeting.missing" and f.target is not None}
    for org_id in (ids["1001"], ids["1002"]):
        engine.dismiss(hub, LOCAL_USER, missing[org_id], reason="已另行报告")
    assert len(dashboard.set_aside(hub, TODAY)) == 2
    [(shown, decision)] = dashboard.set_aside(hub, TODAY, org_id=ids["1001"])
    assert shown.message == missing[ids["1001"]].message.removeprefix("第1001支部：")
    assert not shown.message.startswith("第1001支部") and decision.reason == "已另行报告"
    engine.restore(hub, LOCAL_USER, shown)
    assert dashboard.set_aside(hub, TODAY, org_id=ids["1001"]) == []
    assert missing[ids["1001"]] in dashboard.findings(hub, TODAY)


def test_the_command_line_writes_one_branch_s_yearly_report(committee: tuple[Database, dict[str, str]], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """`report annual --branch 1002`: that branch's 台账 (its name, its three members); an unknown code exits 1
    naming the codes the file holds, writing nothing."""
    import json

    import docx

    from partydesk.cli import main

    hub, _ids = committee
    out = tmp_path / "1002.docx"
    args = ["report", "annual", "--db", str(hub.path), "--year", "2026", "--out", str(out)]
    assert main([*args, "--branch", "1002", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["members"], answer["branch"]) == (3, "1002") and "第1002支部委员会" in answer["message"]
    document = docx.Document(str(out))
    assert any("第1002支部委员会" in p.text for p in document.paragraphs)
    assert "3 名" in [c.text for t in document.tables for r in t.rows for c in r.cells]
    out.unlink()
    assert main([*args, "--branch", "9999"]) == 1
    said = capsys.readouterr().err
    assert "没有组织代码为 9999 的支部" in said and "1001（第1001支部委员会）" in said and not out.exists()
