"""The meetings page in a committee file: a 支部 column and filter on 会议记录 only there, the year calendar of
one branch at a time (the committee's own first), attendance per branch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from partydesk.core.domain.organisation import short_name
from partydesk.core.services.members import roster
from partydesk.gui.context import AppContext
from partydesk.gui.models.meeting_calendar_model import CellState
from partydesk.gui.pages.meetings import MeetingsPage
from partydesk.gui.pages.talks import TalksPanel
from partydesk.gui.pages.talks_due import OVERDUE, due_status
from tests.core.exchange.two_branches import BRANCHES
from tests.gui import committee_fixtures as fixtures

TODAY = date(2026, 11, 30)
WAIT_MS = 10_000
committee_file, committee_db, committee_ctx = fixtures.committee_file, fixtures.committee_db, fixtures.committee_ctx


def settle(qtbot: QtBot, ctx: AppContext) -> None:
    for _ in range(4):
        ctx.runner.wait_idle(WAIT_MS)
        qtbot.wait(10)


def make_page(qtbot: QtBot, ctx: AppContext) -> MeetingsPage:
    page = MeetingsPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    settle(qtbot, ctx)
    return page


def keys(page: MeetingsPage) -> list[str]:
    return [c.key for c in page.list_panel.model.columns]


def branch_id(page: MeetingsPage, number: int) -> str:
    return next(b.org_id for b in page.branches.branches.items if b.code == BRANCHES[number][0])


def held_cells(page: MeetingsPage) -> int:
    return sum(c.state is CellState.HELD for c in page.calendar.model.cells())


def talks_panel(qtbot: QtBot, ctx: AppContext) -> TalksPanel:
    """The talks panel of a file, loaded."""
    panel = TalksPanel(ctx, today=TODAY)
    qtbot.addWidget(panel)
    panel.reload()
    settle(qtbot, ctx)
    return panel


def test_a_branch_file_has_no_branch_column_or_filters(qtbot: QtBot, ctx: AppContext) -> None:
    """One organisation: the list's columns as ever, no branch combo on any tab."""
    page = make_page(qtbot, ctx)
    assert "branch" not in keys(page)
    assert not page.branches.list_filter.isVisible()
    assert not page.branches.calendar_filter.isVisible() and not page.branches.attendance_filter.isVisible()
    assert page.branches.calendar_org() is None


def test_the_branch_filter_narrows_the_meetings_list(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """A 支部 column after the date; choosing 第二支部 leaves only its meetings."""
    page = make_page(qtbot, committee_ctx)
    assert keys(page)[:2] == ["held_on", "branch"]
    assert page.branches.list_filter.isVisible()
    everyone = page.list_row_count()
    second = branch_id(page, 1)
    names = [page.branches.list_filter.itemText(i) for i in range(page.branches.list_filter.count())]
    assert BRANCHES[1][1] not in names, "short names, as the column: the box leaves the search field its room"
    page.branches.list_filter.setCurrentIndex(names.index(short_name(BRANCHES[1][1])))
    rows = page.list_panel.model.shown_rows()
    assert 0 < len(rows) < everyone and {r.org_id for r in rows} == {second}
    column = keys(page).index("branch")
    assert page.list_panel.model.index(0, column).data() == short_name(BRANCHES[1][1])  # 第二支部委员会 → 第二支部
    assert page.list_panel.model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) == BRANCHES[1][1]


def test_the_calendar_shows_a_branch_never_the_committee_itself(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """年度日历: the first branch's periods; the committee's own organisation (a 党委 owes no branch meetings)
    is not offered; the combo switches to the other branch."""
    page = make_page(qtbot, committee_ctx)
    page.show_tab("calendar")
    settle(qtbot, committee_ctx)
    own = page.branches.branches.own
    combo = page.branches.calendar_filter.combo
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert own is not None and own.org_id not in offered and offered == [branch_id(page, 0), branch_id(page, 1)]
    assert page.branches.calendar_org() == branch_id(page, 0) and page.branches.calendar_filter.isVisible()
    first = held_cells(page)
    assert page.calendar.model.cells()
    page.branches.calendar_filter.set_current(branch_id(page, 1))
    settle(qtbot, committee_ctx)
    assert page.branches.calendar_org() == branch_id(page, 1) and page.calendar.model.cells()
    assert (first, held_cells(page)) != (0, 0)


def test_attendance_counts_the_chosen_branch(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """出勤统计: 全部支部 holds both branches' members; choosing one leaves only its members."""
    page = make_page(qtbot, committee_ctx)
    page.show_tab("attendance")
    settle(qtbot, committee_ctx)
    org_of = {r.id: r.org_id for r in roster(committee_ctx.db, committee_ctx.actor)}
    model = page.attendance.model
    everyone = {org_of[model.row_at(i).rate.member_id] for i in range(model.rowCount())}
    assert len(everyone) == 2
    names = {b.org_id: short_name(b.name) for b in page.branches.branches.items}
    for i in range(model.rowCount()):  # 全部支部: each name says its branch (the same name may be in both)
        rate = model.row_at(i).rate
        assert model.index(i, 0).data() == f"{rate.name}（{names[org_of[rate.member_id]]}）"
    metrics = page.attendance.view.fontMetrics()
    longest = max(metrics.horizontalAdvance(model.index(i, 0).data()) for i in range(model.rowCount()))
    assert page.attendance.view.columnWidth(0) >= longest, "each name whole, with its branch"
    first = branch_id(page, 0)
    page.branches.attendance_filter.set_current(first)
    settle(qtbot, committee_ctx)
    mine = {org_of[model.row_at(i).rate.member_id] for i in range(model.rowCount())}
    assert mine == {first}
    assert model.index(0, 0).data() == model.row_at(0).rate.name  # one branch: the names alone


def test_a_branch_calendar_finding_opens_that_branch_s_cell(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """A committee's to-do "<org>#general||2025-07-01" switches the calendar to that branch and its year, and
    puts the focus on the cell."""
    page = make_page(qtbot, committee_ctx)
    second = branch_id(page, 1)
    page.show_calendar_cell(f"{second}#general||2025-07-01")
    settle(qtbot, committee_ctx)
    assert page.current_tab() == "calendar" and page.calendar.year == 2025
    assert page.branches.calendar_org() == second
    current = page.calendar.view.currentIndex()
    cell = page.calendar.model.cell(current.row(), current.column())
    assert cell is not None and cell.key == "general||2025-07-01"


def test_a_branch_calendar_finding_opened_before_the_branches_are_listed_opens_that_branch(
        qtbot: QtBot, committee_ctx: AppContext) -> None:
    """A to-do opened just after start-up, before the page has read which branches the file holds: the
    calendar still comes up on the to-do's branch, not on the first one, with the focus on the cell."""
    from partydesk.core.services.dashboard_scope import branches

    second = next(b.org_id for b in branches(committee_ctx.db) if b.code == BRANCHES[1][0])
    page = MeetingsPage(committee_ctx, today=TODAY)
    qtbot.addWidget(page)
    page.show_calendar_cell(f"{second}#general||2025-07-01")  # at once, the branch list still being read
    page.show()
    settle(qtbot, committee_ctx)
    assert page.branches.calendar_org() == second
    current = page.calendar.view.currentIndex()
    cell = page.calendar.model.cell(current.row(), current.column())
    assert cell is not None and cell.key == "general||2025-07-01"


def test_talks_of_a_committee_file_name_their_branch_and_filter_by_it(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """谈心谈话 over two branches: a 支部 column after the date and a branch filter that keeps one branch's talks;
    a branch's own file shows neither (``test_talks_panel``)."""
    panel = talks_panel(qtbot, committee_ctx)
    model = panel.list.model
    assert [c.key for c in model.columns][:2] == ["date", "branch"] and panel.branch_filter.isVisibleTo(panel)
    orgs = {r.org_id for r in model.shown_rows()}
    assert len(orgs) == 2
    names = [panel.branch_filter.itemText(i) for i in range(panel.branch_filter.count())]
    panel.branch_filter.setCurrentIndex(names.index(BRANCHES[1][1]))
    shown = model.shown_rows()
    second = next(b.org_id for b in panel.branches.items if b.code == BRANCHES[1][0])
    assert shown and {r.org_id for r in shown} == {second}
    assert model.index(0, 1).data() == short_name(BRANCHES[1][1])


def test_a_missing_meeting_in_a_branch_calendar_is_the_branch_s_to_record(qtbot: QtBot, committee_ctx: AppContext,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """At the committee, a cell of a branch's calendar with no meeting says the branch records it (a record made
    here would be the committee's own), instead of opening a new record as a branch's own calendar does."""
    page = make_page(qtbot, committee_ctx)
    asked: list[dict[str, object]] = []
    monkeypatch.setattr(page, "open_meeting", lambda **kw: asked.append(kw))
    page.show_tab("calendar")
    settle(qtbot, committee_ctx)
    legend = page.calendar.legend_labels[CellState.COMING].text()
    assert "由支部记录" in legend and "点击" not in legend
    page.calendar.startMeeting.emit("general", "", date(2026, 1, 1))
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert asked == [] and len(boxes) == 1
    assert BRANCHES[0][1] in boxes[0].text() and "新建会议记录" in boxes[0].text()
    boxes[0].close()


def test_a_branch_s_talk_edited_at_the_committee_says_the_edit_is_a_correction(
        qtbot: QtBot, committee_ctx: AppContext) -> None:
    """As the member dialog does: before anything is typed, the committee is told the branch keeps the talk and
    the change goes back to it as a correction (the talk dialog said nothing)."""
    from partydesk.gui.dialogs.talk_edit import TalkEditDialog
    panel = talks_panel(qtbot, committee_ctx)
    record = panel.list.model.shown_rows()[0]
    panel.edit_talk(record.id)
    dialog = panel.current_dialog()
    assert isinstance(dialog, TalkEditDialog)
    branch = panel.branches.name_of(record.org_id)
    assert dialog.correction_note.isVisibleTo(dialog)
    said = dialog.correction_note.text()
    assert said.startswith(f"这条谈话记录由“{branch}”管理") and "更正" in said
    dialog.reject()


def test_a_branch_s_meeting_opened_at_the_committee_says_the_edit_is_a_correction(
        qtbot: QtBot, committee_ctx: AppContext) -> None:
    """As the member and talk dialogs do: a branch's meeting opened at the committee says the branch keeps it and
    a change goes back to it as a correction (the meeting dialog said nothing, not even whose it is)."""
    page = make_page(qtbot, committee_ctx)
    row = page.list_panel.model.shown_rows()[0]
    dialog = page.open_meeting(meeting_id=row.id)
    settle(qtbot, committee_ctx)
    branch = page.branches.branches.name_of(row.org_id)
    assert branch and dialog.correction_note.isVisibleTo(dialog)  # type: ignore[attr-defined]
    said = dialog.correction_note.text()  # type: ignore[attr-defined]
    assert said.startswith(f"这条会议记录由“{branch}”管理") and "更正" in said
    dialog.close()


def test_who_is_due_a_talk_at_the_committee_can_be_narrowed_to_one_branch(
        qtbot: QtBot, committee_ctx: AppContext) -> None:
    """应谈话党员 over two branches: a branch filter keeps one branch's members (it had a 支部 column only)."""
    panel = talks_panel(qtbot, committee_ctx)
    view = panel.due_view
    view.scope.setCurrentIndex(1)  # everyone on the roll
    assert view.branch_filter.isVisibleTo(view)
    every = view.list.model.shown_rows()
    assert len({r.branch_name for r in every}) == 2
    names = [view.branch_filter.itemText(i) for i in range(view.branch_filter.count())]
    view.branch_filter.setCurrentIndex(names.index(BRANCHES[1][1]))
    shown = view.list.model.shown_rows()
    assert shown and {r.branch_name for r in shown} == {BRANCHES[1][1]} and len(shown) < len(every)


def test_a_branch_chosen_on_the_talks_list_stays_chosen_for_who_is_due(
        qtbot: QtBot, committee_ctx: AppContext) -> None:
    """第二支部 chosen on 谈话记录, then 应谈话党员: the same branch (it went back to every branch), and back."""
    panel = talks_panel(qtbot, committee_ctx)
    second = BRANCHES[1][1]
    panel.branch_filter.setCurrentIndex(panel.branch_filter.findText(second))
    panel.show_due()
    view = panel.due_view
    view.scope.setCurrentIndex(1)  # everyone on the roll
    assert view.branch_filter.currentText() == second
    assert {r.branch_name for r in view.list.model.shown_rows()} == {second}
    overdue = view.overdue_count()  # the button counts the chosen branch's overdue members
    assert overdue == sum(due_status(r, TODAY) == OVERDUE for r in view.list.model.shown_rows())
    view.branch_filter.setCurrentIndex(0)  # every branch, chosen here: the talks list follows
    assert panel.branch_filter.currentIndex() == 0
    assert view.overdue_count() > overdue and str(view.overdue_count()) in panel.due_button.text()


def test_the_branch_column_is_as_wide_as_the_longest_branch_name(qtbot: QtBot, committee_ctx: AppContext,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """宏达机械公司党支部 was cut to 宏达机械公司党… while 主题 had room: the column takes the longest short name."""
    page = make_page(qtbot, committee_ctx)
    long = "宏达机械有限公司党支部"
    monkeypatch.setattr(type(page.branches.branches), "short_of", lambda _self, _org: long)
    page.branches.set_list_columns()
    column = keys(page).index("branch")
    assert page.list_panel.model.index(0, column).data() == long
    needed = page.list_panel.table.fontMetrics().horizontalAdvance(long)
    assert page.list_panel.table.columnWidth(column) > needed, (page.list_panel.table.columnWidth(column), needed)


def test_the_attendance_export_is_of_the_branch_chosen(qtbot: QtBot, committee_ctx: AppContext,
                                                       tmp_path: Path) -> None:
    """全部支部: the sheet says each member's branch in a 支部 column; one branch chosen: its name in the title and
    only its members, without the column."""
    import openpyxl

    page = make_page(qtbot, committee_ctx)
    page.show_tab("attendance")
    settle(qtbot, committee_ctx)
    said: list[str] = []
    committee_ctx.hub.statusMessage.connect(said.append)

    def export(name: str) -> list[list[object]]:
        page.export_attendance(choose_path=lambda _suggested, _filter: tmp_path / name)
        qtbot.waitUntil(lambda: any(name in s for s in said), timeout=WAIT_MS)
        box = page.window().findChild(QMessageBox, "savedBox")
        if box is not None:
            box.close()
            box.deleteLater()
        sheet = openpyxl.load_workbook(tmp_path / name).active
        return [[c.value for c in row] for row in sheet.iter_rows()]

    org_of = {r.id: r.org_id for r in roster(committee_ctx.db, committee_ctx.actor)}
    shorts = {b.org_id: page.branches.branches.short_of(b.org_id) for b in page.branches.branches.items}
    everyone = export("all.xlsx")
    assert everyone[1][:3] == ["序号", "姓名", "支部"]
    assert {row[2] for row in everyone[2:-1]} == {shorts[branch_id(page, 0)], shorts[branch_id(page, 1)]}
    first = branch_id(page, 0)
    page.branches.attendance_filter.set_current(first)
    settle(qtbot, committee_ctx)
    one = export("one.xlsx")
    assert one[0][0].startswith(page.branches.branches.name_of(first)) and one[1][:3] == ["序号", "姓名", "应到"]
    model = page.attendance.model
    assert {org_of[model.row_at(i).rate.member_id] for i in range(model.rowCount())} == {first}
    assert len(one) - 3 == model.rowCount()  # title, header and note around the tab's rows
