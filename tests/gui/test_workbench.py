"""The workbench: the page the window opens on; a to-do opens its record; a chart click filters the roster."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.demo import populate
from partydesk.core.storage.database import Database, open_database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.mainwindow import MainWindow
from partydesk.gui.pages.members import MembersPage
from partydesk.gui.pages.workbench import WorkbenchPage
from tests.gui.conftest import WAIT_MS

TODAY = date(2026, 11, 30)


@pytest.fixture
def demo_ctx(tmp_path: Path, make_ctx: Callable[[Database], AppContext], app: QApplication) -> Iterator[AppContext]:
    """The demo branch (36 members, a year of meetings), in Chinese."""
    database = open_database(tmp_path / "demo.db")
    populate(database)
    context = make_ctx(database)
    languages.install_language(app, "zh_CN", context.hub)
    yield context
    context.runner.wait_idle(WAIT_MS)
    context.runner.shutdown()
    database.close()


def _window(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, WorkbenchPage]:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    page = window.page("workbench")
    assert isinstance(page, WorkbenchPage)
    page._today = TODAY
    page.reload()
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.today == TODAY, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.charts["meetings_by_type"].figure is not None, timeout=WAIT_MS)
    return window, page


def test_the_window_opens_on_the_workbench_with_figures_todos_and_charts(qtbot: QtBot, demo_ctx: AppContext) -> None:
    """First page; 36 members; the to-do board lists the overdue meetings; the first tab's charts are drawn."""
    window, page = _window(qtbot, demo_ctx)
    assert window.current_page_id() == "workbench" and window.page_ids()[0] == "workbench"
    assert page.figures["membersFigure"].value_label.text() == "36"
    assert page.figures["todoFigure"].value_label.text() == str(len(page.board.findings()))
    study = page.figures["studyFigure"]  # keeping pace, not the whole year's hours done: said so
    assert study.caption.text() == "学时进度达标率" and "按今年已过去的天数折算" in study.toolTip()
    meetings = page.figures["meetingsFigure"]  # of those due so far: this period's still to hold are to-dos
    assert meetings.caption.text() == "今年会议 已开/到期应开" and "待办事项" in meetings.toolTip()
    messages = [f.message for f in page.board.findings()]
    assert "2026年第二季度未召开党课" in messages
    # The figures and to-dos come first; the first tab's charts right after, the others when shown.
    qtbot.waitUntil(lambda: page.charts["meetings_by_type"].figure is not None, timeout=WAIT_MS)
    assert page.charts["age"].figure is None
    page.tabs.setCurrentIndex(1)
    assert page.charts["age"].figure is not None


def test_opening_a_member_todo_shows_that_members_page(qtbot: QtBot, demo_ctx: AppContext) -> None:
    """连续缺席 concerns a member: opening it goes to the members page, on that member's record."""
    window, page = _window(qtbot, demo_ctx)
    finding = next(f for f in page.board.findings() if f.target is not None and f.target.kind == "member")
    assert page.board.select(finding)
    page.board.open_button.click()
    assert window.current_page_id() == "members"
    members = window.page("members")
    assert isinstance(members, MembersPage)
    qtbot.waitUntil(lambda: members.stack.currentWidget() is members._detail, timeout=WAIT_MS)
    assert members.detail_page().member_id == finding.target.key  # type: ignore[union-attr]


def test_enter_on_a_todo_opens_it(qtbot: QtBot, demo_ctx: AppContext) -> None:
    """The keyboard opens a to-do as the 打开 button does."""
    window, page = _window(qtbot, demo_ctx)
    finding = next(f for f in page.board.findings() if f.target is not None and f.target.kind == "member")
    assert page.board.select(finding)
    page.board.tree.setFocus()
    qtbot.keyClick(page.board.tree, Qt.Key.Key_Return)
    assert window.current_page_id() == "members"


def test_clicking_a_bar_shows_the_roster_filtered_to_its_members(qtbot: QtBot, demo_ctx: AppContext) -> None:
    """A click on the 女 slice of the gender chart lists exactly the women, and the count names them."""
    window, page = _window(qtbot, demo_ctx)
    page.tabs.setCurrentIndex(2)
    canvas = page.charts["gender"]
    canvas.canvas.draw()
    women = next(b for b in page.snapshot.structure["gender"] if b.label == "女")  # type: ignore[union-attr]
    wedge = next(p for p in canvas.figure.axes[0].patches if p.get_gid() == women.key)
    x, y = wedge.center
    r = wedge.r * 0.6
    import math

    mid = math.radians((wedge.theta1 + wedge.theta2) / 2)
    px, py = canvas.figure.axes[0].transData.transform((x + r * math.cos(mid), y + r * math.sin(mid)))
    ratio = canvas.canvas.device_pixel_ratio
    qtbot.mouseClick(canvas.canvas, Qt.MouseButton.LeftButton,
                     pos=QPoint(int(px / ratio), int(canvas.canvas.height() - py / ratio)))
    qtbot.waitUntil(lambda: window.current_page_id() == "members", timeout=WAIT_MS)
    members = window.page("members")
    assert isinstance(members, MembersPage)
    qtbot.waitUntil(lambda: members.model.count == women.value, timeout=WAIT_MS)
    assert {members.model.row_at(i).gender for i in range(members.model.count)} == {"2"}
    assert "女" in members.count_label.text()
    members.clear_filters()
    assert members.model.count == 36


def test_a_snoozed_todo_leaves_the_board_and_comes_back_when_brought_back(qtbot: QtBot, demo_ctx: AppContext) -> None:
    """Snooze asks a reason; the board reloads without it; "Show set aside" lists it to bring back."""
    _shown, page = _window(qtbot, demo_ctx)
    finding = page.board.findings()[0]
    page.set_aside(finding, snooze=True)
    dialog = page.decision_dialog
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reason_edit.setText("已安排本月补开")
    dialog.accept()
    qtbot.waitUntil(lambda: finding not in page.board.findings(), timeout=WAIT_MS * 3)
    page.board.set_aside_check.setChecked(True)
    qtbot.waitUntil(lambda: page.board.select(finding), timeout=WAIT_MS * 3)
    assert page.board.restore_button.isEnabled()
    page.board.restore_button.click()
    qtbot.waitUntil(lambda: finding in page.board.findings(), timeout=WAIT_MS * 3)
    # A to-do with a deadline ahead comes back by default before it, not a month on when nothing would remind of it.
    ahead = next(f for f in page.board.findings() if f.due is not None and f.due > page.today + timedelta(days=1))
    assert ahead.due is not None
    page.set_aside(ahead, snooze=True)
    assert page.decision_dialog.until() == max(page.today + timedelta(days=1),
                                               min(page.today + timedelta(days=30), ahead.due - timedelta(days=7)))
    page.decision_dialog.reject()


def test_the_report_button_path_writes_the_yearly_report(qtbot: QtBot, demo_ctx: AppContext, tmp_path: Path) -> None:
    """Gathered on the DB lane, written on the file lane: a .docx that python-docx opens."""
    import docx

    _shown, page = _window(qtbot, demo_ctx)
    assert page.report_year() == 2026
    out = tmp_path / "台账.docx"
    page.write_report(out, 2026)
    qtbot.waitUntil(lambda: page.report_written == out, timeout=WAIT_MS * 3)
    cells = [c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells]
    assert "36 名" in cells
    # Where it went is said in a box, with its folder a click away: not only on the status line.
    from PySide6.QtWidgets import QMessageBox

    box = page.window().findChild(QMessageBox, "savedBox")
    assert box is not None and box.isVisible() and box.text() == f"2026年度党建工作台账已保存：\n{out}"
    box.close()


def test_the_report_menu_offers_this_year_and_last_year(qtbot: QtBot, demo_ctx: AppContext, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The button's menu: 2026 first (it is November), then 2025; choosing 2025 suggests its file name and
    writes last year's report."""
    import docx
    from PySide6.QtWidgets import QFileDialog

    _shown, page = _window(qtbot, demo_ctx)
    page._fill_report_menu()
    actions = page.report_menu.actions()
    assert [a.text() for a in actions] == ["2026年度台账…", "2025年度台账…"]
    out = tmp_path / "去年.docx"
    suggested: list[str] = []

    def save_as(_parent: object, _title: str, where: str, _filters: str) -> tuple[str, str]:
        suggested.append(where)
        return str(out), "Word 文档 (*.docx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    actions[1].trigger()
    qtbot.waitUntil(lambda: page.report_written == out, timeout=WAIT_MS * 3)
    assert "2025" in Path(suggested[0]).name
    texts = [par.text for par in docx.Document(str(out)).paragraphs]
    assert any("2025年度党建工作台账" in t for t in texts)


def test_a_chart_saves_as_svg_from_its_menu(qtbot: QtBot, demo_ctx: AppContext, tmp_path: Path) -> None:
    """The chart menu offers PNG, SVG, PDF and print; saving writes the file on the file lane."""
    _shown, page = _window(qtbot, demo_ctx)
    canvas = page.charts["meetings_by_type"]
    texts = [a.text() for a in canvas.context_menu().actions() if a.text()]
    assert texts == ["另存为 PNG 图片…", "另存为 SVG 矢量图…", "另存为 PDF…", "打印…"]
    out = tmp_path / "chart.svg"
    canvas.save_as("svg", out)
    qtbot.waitUntil(out.exists, timeout=WAIT_MS)
    assert b"<svg" in out.read_bytes()[:500]


def test_the_board_says_the_checks_are_running_until_the_todos_arrive(qtbot: QtBot, app: QApplication,
                                                                     demo_ctx: AppContext) -> None:
    """At a committee's scale the to-dos come a moment after the charts: meanwhile the board says it is
    checking, never "nothing needs doing"; with none found, it says so."""
    from partydesk.gui.widgets.todo_board import TodoBoard

    board = TodoBoard()
    qtbot.addWidget(board)
    first = board.tree.topLevelItem(0)
    assert first is not None and first.text(0) == "正在检查待办事项…"
    board.set_findings([])
    first = board.tree.topLevelItem(0)
    assert first is not None and first.text(0) == "暂无待办事项。"


def test_the_chosen_todo_is_shown_in_full_under_the_list(qtbot: QtBot, app: QApplication, demo_ctx: AppContext) -> None:
    """A to-do too long for its row is cut short there; chosen, it reads in full under the list."""
    from partydesk.core.checks.findings import Finding, Severity
    from partydesk.gui.widgets.todo_board import TodoBoard

    long = ("于海志失去联系已满6个月（自2026年1月5日），经查找仍无音讯的，应作出停止党籍的决定（《关于加强和改进"
            "流动党员管理工作的意见》）")
    board = TodoBoard()
    qtbot.addWidget(board)
    board.resize(360, 300)
    board.set_findings([Finding(code="member.lost_undecided", severity=Severity.WARNING, subject="m1",
                                message=long, due=date(2026, 7, 5), rule="lost")])
    assert board.detail.text().startswith("选中一项待办事项")  # what the space is for
    group = board.tree.topLevelItem(0)
    assert group is not None
    board.tree.setCurrentItem(group.child(0))
    assert board.detail.text() == long and board.detail.wordWrap()


def test_a_todo_that_only_names_the_problem_says_what_to_do_under_the_list(qtbot: QtBot, app: QApplication,
                                                                          demo_ctx: AppContext) -> None:
    """"2026年11月未召开支部委员会会议" alone leaves a new secretary to guess: chosen, the line under the list adds
    what to do (enter a record of one held, or hold it late); a to-do that says so itself gets nothing added."""
    from partydesk.core.checks.findings import Finding, Severity
    from partydesk.gui.widgets.todo_board import TodoBoard

    board = TodoBoard()
    qtbot.addWidget(board)
    missed = Finding(code="meeting.missing", severity=Severity.OVERDUE, subject="committee||2026-11-01",
                     message="2026年11月未召开支部委员会会议", due=date(2026, 11, 30), rule="meetings")
    soon = Finding(code="meeting.due_soon", severity=Severity.WARNING, subject="committee||2026-12-01",
                   message="2026年12月的支部委员会会议还未召开，请在2026年12月31日前召开", due=date(2026, 12, 31),
                   rule="meetings")
    board.set_findings([missed, soon])
    assert board.select(missed)
    lines = board.detail.text().split("\n")
    assert lines[0] == "2026年11月未召开支部委员会会议" and "补录会议记录" in lines[1] and "补开" in lines[1]
    assert board.select(soon)
    assert board.detail.text() == soon.message
