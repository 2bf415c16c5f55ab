"""The roster in a committee file: the 所在支部 column only there, the branch filter narrowing the roster,
the count line naming branches, and the person on two branches' rolls marked and filterable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.organisation import short_name
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.models.roster_model import column_index
from partydesk.gui.pages.members import MembersPage
from tests.core.exchange.conftest import introduce, make_branch, make_committee
from tests.core.exchange.two_branches import BRANCHES, shared_person_id_number
from tests.gui import committee_fixtures as fixtures
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import ZHANG, add_now

BRANCH = column_index("branch")
committee_file, committee_db, committee_ctx = fixtures.committee_file, fixtures.committee_db, fixtures.committee_ctx


def branch_org(page: MembersPage, number: int) -> str:
    return next(b.org_id for b in page.model.branches.items if b.code == BRANCHES[number][0])


def open_page(qtbot: QtBot, ctx: AppContext) -> MembersPage:
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    assert ctx.runner.wait_idle(WAIT_MS)
    return page


def test_a_branch_file_has_no_branch_column_or_filter(qtbot: QtBot, ctx: AppContext) -> None:
    """One organisation: 所在支部 hidden and not offered, no branch filter, the usual count line."""
    add_now(ctx, ZHANG)
    page = open_page(qtbot, ctx)
    assert page.view.isColumnHidden(BRANCH)
    assert not page.column_actions["branch"].isVisible()
    assert not page.branches.filter.isVisible() and not page.branches.shared_box.isVisible()
    assert page.count_label.text() == "在册 1 人，显示 1 人"


def test_a_committee_file_shows_the_branch_column_and_filter(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """Several organisations: 所在支部 shown with each member's branch name as a table shortens it (第一支部委员会
    → 第一支部), in full when pointed at; the filter offered."""
    page = open_page(qtbot, committee_ctx)
    assert not page.view.isColumnHidden(BRANCH)
    assert page.column_actions["branch"].isVisible() and page.column_actions["branch"].isChecked()
    assert page.branches.filter.isVisible()
    combo = page.branches.filter.combo  # 全部支部 and the two branches: not the 党委 itself, which has no members
    own = page.model.branches.own
    assert own is not None and combo.count() == 3 and combo.findData(own.org_id) < 0
    shown = Counter(page.model.index(r, BRANCH).data().removeprefix("【重复】") for r in range(page.model.rowCount()))
    assert set(shown) == {"第一支部", "第二支部"}
    tips = {page.model.index(r, BRANCH).data(Qt.ItemDataRole.ToolTipRole) for r in range(page.model.rowCount())
            if page.model.row_at(r).id not in page.model.shared}
    assert tips == {name for _code, name, *_ in BRANCHES}


def test_choosing_a_branch_narrows_the_roster(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """Choosing 第二支部 shows its members only, and the count line names it."""
    page = open_page(qtbot, committee_ctx)
    everyone = page.model.rowCount()
    second = next(b for b in page.model.branches.items if b.code == BRANCHES[1][0])
    assert page.branches.filter.set_current(second.org_id)
    rows = page.model.shown_rows()
    assert rows and len(rows) < everyone
    assert {r.org_id for r in rows} == {second.org_id}
    on_roll = sum(1 for r in page.model.all_rows() if r.in_branch and r.org_id == second.org_id)
    assert page.count_label.text() == f"{BRANCHES[1][1]}：在册 {on_roll} 人，显示 {len(rows)} 人"
    page.search_edit.setText("没有这个人")  # none match: still the branch's roll, not the whole file's
    qtbot.waitUntil(lambda: page.model.count == 0, timeout=WAIT_MS)
    assert page.count_label.text() == (f"{BRANCHES[1][1]}：在册 {on_roll} 人，没有符合条件的。"
                                       "清除搜索或筛选条件即可看到。")
    page.clear_filters()
    assert page.model.rowCount() == everyone and page.branches.filter.current() is None


def test_the_count_line_spans_the_branches(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """全部支部: the headcount, how many branches it spans, and that the person on both rolls is in it twice."""
    page = open_page(qtbot, committee_ctx)
    total = sum(1 for r in page.model.all_rows() if r.in_branch)
    assert page.count_label.text() == (f"在册 {total} 人（其中 1 人次是同一人在另一支部重复计入），"
                                       f"共 2 个支部，显示 {page.model.rowCount()} 人")


def test_the_person_on_two_rolls_is_marked_and_filterable(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """重复人员: both rows of the shared ID number, marked in 所在支部 with the other branch in the tooltip."""
    page = open_page(qtbot, committee_ctx)
    page.branches.shared_combo.setCurrentIndex(1)
    rows = page.model.shown_rows()
    number = shared_person_id_number()
    assert len(rows) == 2 and {r.id_number for r in rows} == {number}
    first = page.model.index(0, BRANCH)
    assert first.data().startswith("【重复】")
    [other] = [name for _code, name, *_ in BRANCHES if short_name(name) != first.data().removeprefix("【重复】")]
    assert other in first.data(3)  # ToolTipRole
    # The column holds the mark and the branch's name whole, not 【重复】宏达机械… (a cell's padding aside).
    names = page.model.formatter.branch_names
    names[rows[0].org_id] = "宏达机械有限公司党支部"
    page.apply_filter()
    longest = max((page.model.index(r, BRANCH).data() for r in range(page.model.rowCount())), key=len)
    assert longest == "【重复】宏达机械有限公司党支部"
    wide = page.view.fontMetrics().horizontalAdvance(longest)
    assert page.view.columnWidth(BRANCH) > wide, (page.view.columnWidth(BRANCH), wide)
    page.branches.shared_combo.setCurrentIndex(0)
    assert page.model.rowCount() > 2


def test_hiding_the_branch_column_is_remembered(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """Unticked in the column menu, 所在支部 stays hidden when the page opens again."""
    page = open_page(qtbot, committee_ctx)
    page.column_actions["branch"].setChecked(False)
    assert page.view.isColumnHidden(BRANCH)
    again = open_page(qtbot, committee_ctx)
    assert again.view.isColumnHidden(BRANCH)
    again.columns_menu.default_action.trigger()
    assert not again.view.isColumnHidden(BRANCH)


def test_the_first_import_brings_the_branch_column(qtbot: QtBot, tmp_path: Path, app: QApplication,
                                                   make_ctx: Callable[[Database], AppContext]) -> None:
    """A committee's roster open while its first branch package is imported: the column and filter appear."""
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    branch = make_branch(tmp_path / "b" / "branch.db")
    committee = make_committee(tmp_path / "c" / "committee.db")
    try:
        introduce(branch, committee)
        package = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=tmp_path).path
        ctx = make_ctx(committee)
        languages.install_language(app, "zh_CN", ctx.hub)
        page = open_page(qtbot, ctx)
        assert page.view.isColumnHidden(BRANCH) and not page.branches.filter.isVisible()
        ctx.runner.submit(lambda _p: import_package(committee, LOCAL_USER, package))
        for _ in range(3):
            assert ctx.runner.wait_idle(WAIT_MS)
            qtbot.wait(10)
        assert page.model.rowCount() > 0
        assert not page.view.isColumnHidden(BRANCH) and page.branches.filter.isVisible()
        ctx.runner.wait_idle(WAIT_MS)
        ctx.runner.shutdown()
    finally:
        branch.close()
        committee.close()


def test_the_party_group_filter_offers_the_chosen_branchs_groups_in_order(
        qtbot: QtBot, committee_ctx: AppContext) -> None:
    """全部支部: every group name once, 第一 before 第二 before 第十; a branch chosen: only its own groups, and
    a group chosen that the branch does not have falls back to 全部."""
    from partydesk.core.domain.group_order import group_sort_key
    from partydesk.core.storage.tables import Member

    with committee_ctx.db.write(LOCAL_USER, action="test.group") as session:  # a group only one branch has
        member = session.query(Member).filter(Member.party_group != "").order_by(Member.id).first()
        assert member is not None
        member.party_group = "第十党小组"
    page = open_page(qtbot, committee_ctx)

    def offered() -> list[str]:
        return [page.group_combo.itemData(i) for i in range(1, page.group_combo.count())]

    everyone = offered()
    assert everyone == sorted({r.party_group for r in page.model.all_rows() if r.party_group}, key=group_sort_key)
    assert everyone.index("第十党小组") > everyone.index("第二党小组")  # numbered order, not code-point order
    for branch in page.model.branches.items:
        own = {r.party_group for r in page.model.all_rows() if r.org_id == branch.org_id and r.party_group}
        if not own:
            continue
        page.branches.filter.set_current(branch.org_id)
        assert offered() == sorted(own, key=group_sort_key)
        assert {r.party_group for r in page.model.shown_rows()} <= own | {""}
    page.branches.filter.set_current(None)
    assert offered() == everyone


def test_editing_a_branchs_member_at_the_committee_says_it_is_a_correction(qtbot: QtBot,
                                                                          committee_ctx: AppContext) -> None:
    """The committee opens a branch's member: the form says, before anything is typed, that the branch keeps
    the record and the change goes back to it as a correction; in a branch's own file nothing is said."""
    from partydesk.gui.dialogs.member_edit import MemberEditDialog

    page = open_page(qtbot, committee_ctx)
    row = page.model.row_at(0)
    assert page.select_member(row.id)
    page.edit_selected()
    assert committee_ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog) and dialog.correction_note.isVisibleTo(dialog)
    branch = page.model.branches.name_of(row.org_id)
    assert branch and dialog.correction_note.text().startswith(f"这名党员的档案由“{branch}”管理")
    dialog.reject()


def test_editing_in_a_branchs_own_file_says_nothing_of_corrections(qtbot: QtBot, ctx: AppContext) -> None:
    from partydesk.gui.dialogs.member_edit import MemberEditDialog

    [zhang] = add_now(ctx, ZHANG)
    page = open_page(qtbot, ctx)
    assert page.select_member(zhang)
    page.edit_selected()
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog) and not dialog.correction_note.isVisibleTo(dialog)
    dialog.reject()
    page.add_member()  # a branch adding its own member: nothing to say either
    qtbot.waitUntil(lambda: isinstance(page.current_dialog(), MemberEditDialog)
                    and page.current_dialog().record is None, timeout=WAIT_MS)
    added = page.current_dialog()
    assert isinstance(added, MemberEditDialog) and not added.correction_note.isVisibleTo(added)


def test_a_member_the_committee_adds_makes_its_own_roll_a_choice_of_the_filter(
        qtbot: QtBot, committee_ctx: AppContext) -> None:
    """The 党委's own organisation is offered in the branch filter once it has a member, at once after the
    member is saved (the roster then reads only that member again), and narrows the roster to them."""
    page = open_page(qtbot, committee_ctx)
    own = page.model.branches.own
    combo = page.branches.filter.combo
    assert own is not None and combo.findData(own.org_id) < 0
    [member_id] = add_now(committee_ctx, ZHANG)
    qtbot.waitUntil(lambda: combo.findData(own.org_id) >= 0, timeout=WAIT_MS)
    assert "共 2 个支部" in page.count_label.text()  # the 党委's own member counted, the 党委 not as a branch
    combo.setCurrentIndex(combo.findData(own.org_id))
    page.apply_filter()
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [member_id]


def test_a_branch_chosen_shows_its_roster_from_the_top(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """Scrolled down the whole roll with nobody selected, a branch chosen: its list starts at its first row (it
    kept the old scroll position, a row cut in half at the top)."""
    page = open_page(qtbot, committee_ctx)
    page.resize(1300, 300)
    qtbot.wait(50)
    page.view.clearSelection()
    page.view.selectionModel().clearCurrentIndex()
    bar = page.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    combo = page.branches.filter.combo
    combo.setCurrentIndex(combo.findData(branch_org(page, 1)))
    page.apply_filter()
    assert page.model.rowCount() and bar.value() == 0


def test_adding_a_member_at_the_committee_says_whose_roll_it_goes_on(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """新增党员 in a committee's file: the form says the member goes on the committee's own roll, not a
    branch's, and that a branch's members come with its packages."""
    from partydesk.gui.dialogs.member_edit import MemberEditDialog

    page = open_page(qtbot, committee_ctx)
    page.add_member()
    qtbot.waitUntil(lambda: isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog) and dialog.correction_note.isVisibleTo(dialog)
    assert dialog.correction_note.text().startswith("在这里新增的党员记在“中共示范街道工作委员会”本身的名下")
    dialog.reject()


def test_deleting_a_branchs_member_at_the_committee_says_where_the_deletion_goes(
        qtbot: QtBot, committee_ctx: AppContext, ctx: AppContext) -> None:
    """The committee's delete question names the member's branch and says the deletion is sent to it as a
    correction and takes the member off its roll; in a branch's own file the question says nothing of it."""
    from partydesk.gui.dialogs.member_delete import MemberDeleteDialog

    page = open_page(qtbot, committee_ctx)
    row = page.model.row_at(0)
    assert page.select_member(row.id)
    page.delete_selected()
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberDeleteDialog)
    branch = page.model.branches.name_of(row.org_id)
    assert branch and f"这是“{branch}”的党员" in dialog.explanation.text()
    assert "更正" in dialog.explanation.text()
    dialog.reject()

    [zhang] = add_now(ctx, ZHANG)
    own = open_page(qtbot, ctx)
    assert own.select_member(zhang)
    own.delete_selected()
    mine = own.current_dialog()
    assert isinstance(mine, MemberDeleteDialog) and "更正" not in mine.explanation.text()
    mine.reject()


def test_a_member_s_page_at_the_committee_names_the_branch(qtbot: QtBot, committee_ctx: AppContext) -> None:
    """The line of key facts under the name says whose member it is (it said nothing of the branch)."""
    page = open_page(qtbot, committee_ctx)
    row = page.model.row_at(0)
    assert page.select_member(row.id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    detail = page.detail_page()
    assert committee_ctx.runner.wait_idle(WAIT_MS)
    branch = page.model.branches.short_of(row.org_id)
    assert branch and f" · {branch} · " in detail.facts_html(row) and branch in detail.facts_label.text()
