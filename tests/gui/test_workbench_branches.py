"""The committee's workbench: a branch selector scopes the figures, charts and to-dos; members per branch."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from matplotlib.colors import to_hex
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.charts.common import GREY
from partydesk.core.charts.members import RED
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.pages.workbench import WorkbenchPage
from tests.core.exchange.two_branches import BRANCHES
from tests.core.services.committee_two_branches import two_branch_committee
from tests.gui import committee_fixtures as fixtures
from tests.gui.conftest import WAIT_MS

TODAY = date(2026, 11, 30)
committee_file, committee_db, committee_ctx = fixtures.committee_file, fixtures.committee_db, fixtures.committee_ctx


@pytest.fixture
def committee(tmp_path: Path, make_ctx: Callable[[Database], AppContext],
              app: QApplication) -> Iterator[tuple[AppContext, dict[str, str]]]:
    hub, ids = two_branch_committee(tmp_path)
    ctx = make_ctx(hub)
    languages.install_language(app, "zh_CN", ctx.hub)
    yield ctx, ids
    ctx.runner.wait_idle(WAIT_MS)
    ctx.runner.shutdown()
    hub.close()


def _page(qtbot: QtBot, ctx: AppContext) -> WorkbenchPage:
    page = WorkbenchPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=WAIT_MS)
    return page


def test_choosing_a_branch_scopes_figures_and_todos(qtbot: QtBot, committee: tuple[AppContext, dict[str, str]]) -> None:
    """全部支部 shows eight members; choosing 第1002支部委员会 shows its three and only its to-dos."""
    ctx, ids = committee
    page = _page(qtbot, ctx)
    combo = page.branch_filter.combo
    assert combo.isVisible() and page.branch_filter.label.text() == "支部(&B)："
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["全部支部", "中共示范街道工作委员会", "第1001支部委员会", "第1002支部委员会"]
    assert page.figures["membersFigure"].value_label.text() == "8"
    everyone = len(page.board.findings())
    combo.setCurrentIndex(combo.findData(ids["1002"]))
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.org_id == ids["1002"], timeout=WAIT_MS)
    assert page.figures["membersFigure"].value_label.text() == "3"
    assert page.figures["todoFigure"].value_label.text() == str(len(page.board.findings()))
    assert len(page.board.findings()) < everyone
    assert all(f.target is None or f.target.key != ids["migrant"] for f in page.board.findings())
    assert combo.currentData() == ids["1002"]  # the choice survives the reload that refilled the list


def test_a_chosen_branch_s_set_aside_list_is_its_own(qtbot: QtBot,
                                                     committee: tuple[AppContext, dict[str, str]]) -> None:
    """A to-do of each branch set aside; with 第1001支部委员会 chosen, 显示已忽略或暂缓的 lists only its one,
    without the branch's name in front (the page is showing that branch), as the open ones read."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.checks import engine
    from partydesk.core.services import dashboard

    ctx, ids = committee
    for finding in dashboard.findings(ctx.db, TODAY):
        if finding.code == "meeting.missing":
            engine.dismiss(ctx.db, LOCAL_USER, finding, reason="已另行报告")
    page = _page(qtbot, ctx)
    page.branch_filter.combo.setCurrentIndex(page.branch_filter.combo.findData(ids["1001"]))
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.org_id == ids["1001"], timeout=WAIT_MS)
    page.board.set_aside_check.setChecked(True)

    def set_aside() -> list[str]:
        tree = page.board.tree
        heads = [h for i in range(tree.topLevelItemCount())
                 if (h := tree.topLevelItem(i)) and "已忽略或暂缓" in h.text(0)]
        return [h.child(j).text(0) for h in heads for j in range(h.childCount())]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(set_aside()), timeout=WAIT_MS)
    [line] = set_aside()
    assert "次规定的会议未按期召开" in line and "第100" not in line and line.endswith("（已另行报告）"), line


def test_the_branches_tab_draws_members_per_branch(qtbot: QtBot, committee: tuple[AppContext, dict[str, str]]) -> None:
    """A tab of its own, visible for a committee, with one bar per branch."""
    ctx, _ids = committee
    page = _page(qtbot, ctx)
    last = page.tabs.count() - 1
    assert page.tabs.isTabVisible(last) and page.tabs.tabText(last) == "各支部"
    page.tabs.setCurrentIndex(last)
    figure = page.charts["branches"].figure
    assert figure is not None
    assert [p.get_width() for p in figure.axes[0].patches] == [5, 3]


def test_a_person_on_two_rolls_is_counted_once_and_flagged_in_each_branch(
        qtbot: QtBot, committee_ctx: AppContext) -> None:
    """Two branches list the same ID number: 党员总数 of 全部支部 counts that person once and says so (the tooltip
    gives what the branches add up to); with either branch chosen, the figure is its roll as it is, the caption
    plain, and its to-dos name the person on both rolls."""
    page = _page(qtbot, committee_ctx)
    card = page.figures["membersFigure"]
    entries = 12 + 1 + 8 + 1  # each branch's demo members and the shared person (two_branches.BRANCHES)
    assert card.value_label.text() == str(entries - 1)
    assert card.caption.text() == "党员总数\n（1 人在两个支部，只计一次）"
    tip = card.toolTip()
    assert tip.startswith("其中 1 人同时在两个支部的花名册上") and f"各支部人数相加为 {entries} 人" in tip
    combo = page.branch_filter.combo
    for code, name, _seed, members in BRANCHES:
        index = next(i for i in range(combo.count()) if combo.itemText(i) == name)
        combo.setCurrentIndex(index)
        qtbot.waitUntil(lambda i=index: page.snapshot is not None and page.snapshot.org_id == combo.itemData(i),
                        timeout=WAIT_MS)
        assert card.value_label.text() == str(members + 1), code
        assert card.caption.text() == "党员总数" and card.toolTip() == ""
        shared = [f for f in page.board.findings() if f.code == "exchange.same_person"]
        assert len(shared) == 1 and all(n in shared[0].message for _c, n, *_ in BRANCHES), code


def test_a_committee_s_charts_stay_readable_with_many_branches(
        qtbot: QtBot, committee: tuple[AppContext, dict[str, str]]) -> None:
    """全部支部: the party groups, counted per branch, are not added up across branches (each branch's
    第一党小组 is another group): the chart asks for a branch. Members per branch: at most the 20 largest of
    sixty, said in the title; one branch chosen, its groups are drawn."""
    from dataclasses import replace

    from partydesk.core.services.dashboard import Bucket

    ctx, ids = committee
    page = _page(qtbot, ctx)
    groups = page.build_figure("group")
    assert not groups.axes[0].patches and "选择一个支部" in " ".join(t.get_text() for t in groups.axes[0].texts)
    many = [Bucket(f"org:{n}", f"第{n}支部", n) for n in range(60)]
    page.chart_data = replace(page.chart_data, branches=many)  # type: ignore[type-var]
    bars = page.build_figure("branches")
    assert len(bars.axes[0].patches) == 20 and "共 60 个" in bars.axes[0].get_title()
    assert {round(p.get_width()) for p in bars.axes[0].patches} == set(range(40, 60))  # the largest
    page.branch_filter.combo.setCurrentIndex(page.branch_filter.combo.findData(ids["1002"]))
    qtbot.waitUntil(lambda: page.chart_data is not None and page.chart_data.org_id == ids["1002"], timeout=WAIT_MS)
    assert page.build_figure("group").axes[0].patches
    # One of the smallest chosen: it stays in sight, in red, in place of the twentieth largest.
    page.chart_data = replace(page.chart_data, branches=many, org_id="7")  # type: ignore[type-var]
    bars = page.build_figure("branches")
    widths = [round(p.get_width()) for p in bars.axes[0].patches]
    assert widths == [*range(59, 40, -1), 7]
    assert bars.axes[0].get_title() == "各支部党员人数（共 60 个）\n人数最多的 19 个和所选支部（红色）"
    red = [round(p.get_width()) for p in bars.axes[0].patches if to_hex(p.get_facecolor()) == RED]
    assert red == [7]


def test_a_chosen_branch_is_the_red_bar_among_the_others(
        qtbot: QtBot, committee: tuple[AppContext, dict[str, str]]) -> None:
    """各支部 with 第1002支部委员会 chosen: every branch still drawn to compare, its bar red and the others grey,
    the title saying so; with 全部支部 all are red and the title plain."""
    ctx, ids = committee
    page = _page(qtbot, ctx)

    def colours() -> list[tuple[int, str]]:
        drawn = page.build_figure("branches").axes[0].patches
        return [(round(p.get_width()), to_hex(p.get_facecolor())) for p in drawn]
    assert colours() == [(5, RED), (3, RED)]
    assert "红色" not in page.build_figure("branches").axes[0].get_title()
    page.branch_filter.combo.setCurrentIndex(page.branch_filter.combo.findData(ids["1002"]))
    qtbot.waitUntil(lambda: page.chart_data is not None and page.chart_data.org_id == ids["1002"], timeout=WAIT_MS)
    assert colours() == [(5, GREY), (3, RED)]
    assert page.build_figure("branches").axes[0].get_title().endswith("\n红色为所选支部")


def test_opening_a_branch_in_the_comparison_shows_the_workbench_for_it(
        qtbot: QtBot, committee: tuple[AppContext, dict[str, str]]) -> None:
    """各支部对比 → Enter (or a double-click) on 第1002支部委员会: the workbench, scoped to that branch; the
    to-do count's tooltip, and the line under the table, say why the branch's own workbench shows more."""
    from partydesk.gui.pages.exchange import ExchangePage
    from tests.gui.test_tab_leaves_lists import shown_window

    ctx, ids = committee
    window = shown_window(qtbot, ctx)
    exchange = window.show_page("exchange")
    assert isinstance(exchange, ExchangePage)
    exchange.show_tab("comparison")
    qtbot.waitUntil(lambda: exchange.branches.model.total >= 2, timeout=WAIT_MS)
    assert exchange.branches_hint.text().startswith("双击一个支部")
    assert "所以比支部自己工作台上显示的少" in exchange.branches_hint.text(), "said under the table, not only on hover"
    model = exchange.branches.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "1002")
    todos = [c.key for c in model.columns].index("todos")
    assert "支部自己的工作台上显示的数目会多一些" in model.index(row, todos).data(Qt.ItemDataRole.ToolTipRole)
    exchange.branches.table.setCurrentIndex(model.index(row, 0))
    exchange.branches.table.setFocus()
    qtbot.keyClick(exchange.branches.table, Qt.Key.Key_Return)
    assert window.current_page_id() == "workbench"
    page = window.page("workbench")
    assert isinstance(page, WorkbenchPage)
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.org_id == ids["1002"], timeout=WAIT_MS)
    assert page.branch_filter.combo.currentText() == "第1002支部委员会"
    assert page.figures["membersFigure"].value_label.text() == "3"


def test_the_yearly_report_of_a_chosen_branch_is_named_for_it_and_holds_its_figures(
        qtbot: QtBot, committee: tuple[AppContext, dict[str, str]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """年度台账… with 第1002支部委员会 chosen: the file suggested bears its name and the report is its own."""
    import docx
    from PySide6.QtWidgets import QFileDialog

    ctx, ids = committee
    page = _page(qtbot, ctx)
    page.branch_filter.set_current(ids["1002"])
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.org_id == ids["1002"], timeout=WAIT_MS)
    out = tmp_path / "支部台账.docx"
    suggested: list[str] = []

    def save_as(_parent: object, _title: str, where: str, _filters: str) -> tuple[str, str]:
        suggested.append(where)
        return str(out), "Word 文档 (*.docx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page.ask_report(2026)
    qtbot.waitUntil(lambda: page.report_written == out, timeout=WAIT_MS * 3)
    assert Path(suggested[0]).name == "第1002支部委员会2026年度党建工作台账.pdf"
    texts = "\n".join(par.text for par in docx.Document(str(out)).paragraphs)
    assert "第1002支部委员会" in texts and "中共示范街道工作委员会" not in texts


def test_a_talk_begun_with_a_branch_s_member_at_its_committee_says_the_branch_records_it(
        qtbot: QtBot, committee: tuple[AppContext, dict[str, str]]) -> None:
    """From the 应谈话 list a committee may still begin a talk with a branch's member: the dialog says at once
    that the branch records it, instead of quietly dropping the member."""
    from partydesk.core.services import dashboard
    from partydesk.gui.dialogs.talk_edit import TalkEditDialog

    ctx, ids = committee
    member = dashboard.member_ids(ctx.db, "all:", TODAY, org_id=ids["1002"])[0]
    dialog = TalkEditDialog(ctx, with_ids=(member,))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=WAIT_MS)
    assert "由该支部记录" in dialog.error_text()
