"""Putting the members selected in the roster into one 党小组 (分配党小组…), in Chinese."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.domain.roster import RosterRow
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.party_group import PartyGroupDialog
from partydesk.gui.pages.members import MembersPage
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import LI, WANG, ZHANG, add_now, open_page


def _select(page: MembersPage, *names: str) -> None:
    """Select these members' rows, as Ctrl-clicks do."""
    selection = QItemSelection()
    for row in range(page.model.rowCount()):
        found = page.model.row_at(row)
        if found is not None and found.name in names:
            selection.select(page.model.index(row, 0), page.model.index(row, 0))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    page.view.selectionModel().select(selection, flags)


def _groups(page: MembersPage) -> dict[str, str]:
    return {row.name: row.party_group for row in page.model.all_rows()}


def test_selected_members_are_put_in_a_new_group_in_one_go(qtbot: QtBot, ctx: AppContext) -> None:
    add_now(ctx, ZHANG, LI, WANG)  # 第一党小组, 第二党小组, 第一党小组
    page = open_page(qtbot, ctx)
    assert not page.group_button.isEnabled(), "nothing selected yet"
    _select(page, "张三", "李四", "王五")
    assert page.group_button.isEnabled() and page.group_button.text() == "分配党小组…"
    messages: list[str] = []
    ctx.hub.statusMessage.connect(messages.append)
    qtbot.mouseClick(page.group_button, Qt.MouseButton.LeftButton)
    dialog = page.current_dialog()
    assert isinstance(dialog, PartyGroupDialog)
    assert dialog.windowTitle() == "分配党小组"
    assert dialog.question.text() == "把李四、王五、张三编入哪个党小组？"
    assert dialog.now_label.text() == "现在：第一党小组 2 人、第二党小组 1 人。"
    assert [dialog.group_combo.itemText(i) for i in range(dialog.group_combo.count())] == ["第一党小组", "第二党小组"]
    assert dialog.group() == "第一党小组" and dialog.ok_button().isEnabled()
    assert dialog.hint.text() == "1 名党员将编入“第一党小组”，其余 2 名已在该小组。"
    dialog.set_group("第三党小组")
    assert dialog.hint.text() == ("“第三党小组”是新的党小组，这 3 名党员将是它的第一批成员。"
                                  "请确认名称与本支部的写法一致。")
    assert dialog.ok_button().text() == "编入"
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: set(_groups(page).values()) == {"第三党小组"}, timeout=WAIT_MS)
    assert messages == ["已将 3 名党员编入“第三党小组”。"]
    assert "第三党小组" in [page.group_combo.itemText(i) for i in range(page.group_combo.count())]
    assert len(page.selected_rows()) == 3, "the selection stays for the next step"


def test_an_empty_name_takes_them_out_and_a_choice_that_changes_nothing_cannot_be_confirmed(
        qtbot: QtBot, ctx: AppContext) -> None:
    add_now(ctx, ZHANG, WANG)  # both in 第一党小组
    page = open_page(qtbot, ctx)
    _select(page, "张三", "王五")
    page.group_selected()
    dialog = page.current_dialog()
    assert isinstance(dialog, PartyGroupDialog)
    dialog.set_group("第一党小组")
    assert not dialog.ok_button().isEnabled() and dialog.hint.text() == "他们都已在“第一党小组”。"
    dialog.set_group("")
    assert dialog.ok_button().isEnabled() and dialog.ok_button().text() == "移出党小组"
    assert dialog.hint.text() == "留空：这 2 名党员将移出党小组。"
    dialog.accept()
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: set(_groups(page).values()) == {""}, timeout=WAIT_MS)


def test_many_members_are_counted_and_a_committee_names_the_branches_it_corrects(qtbot: QtBot,
                                                                                ctx: AppContext) -> None:
    blank = dict.fromkeys(RosterRow._fields, "")  # the dialog reads only the id, the name and the group
    rows = [RosterRow(**{**blank, "id": f"m{i}", "name": f"党员{i}", "party_group": "" if i % 2 else "第一党小组"})
            for i in range(5)]
    dialog = PartyGroupDialog(rows, ["第一党小组"], branch_of={"m1": "幸福社区第一支部", "m2": "幸福社区第二支部"})
    qtbot.addWidget(dialog)
    assert dialog.question.text() == "把选中的 5 名党员编入哪个党小组？"
    assert dialog.now_label.text() == "现在：第一党小组 3 人、未编入党小组 2 人。"
    assert not dialog.branch_note.isHidden()
    assert dialog.branch_note.text().startswith("其中 2 名是幸福社区第一支部、幸福社区第二支部的党员")
    plain = PartyGroupDialog(rows, ["第一党小组"])
    qtbot.addWidget(plain)
    assert plain.branch_note.isHidden(), "a branch's own file corrects nobody"



def test_enter_puts_them_in_the_group_offered_at_once(qtbot: QtBot, ctx: AppContext) -> None:
    """The dialog opens on a group the member is not in, its name selected: Enter (once) puts them there."""
    add_now(ctx, ZHANG, LI)  # 第一党小组, 第二党小组
    page = open_page(qtbot, ctx)
    page.show()
    _select(page, "张三")
    page.group_selected()
    dialog = page.current_dialog()
    assert isinstance(dialog, PartyGroupDialog) and dialog.group() == "第二党小组"
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    assert QApplication.focusWidget() is dialog.group_combo and dialog.group_edit.selectedText() == "第二党小组"
    qtbot.keyClick(dialog.group_combo, Qt.Key.Key_Return)
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: _groups(page)["张三"] == "第二党小组", timeout=WAIT_MS)


def test_a_two_line_hint_grows_the_dialog_instead_of_being_clipped(qtbot: QtBot, ctx: AppContext) -> None:
    add_now(ctx, ZHANG, LI, WANG)
    page = open_page(qtbot, ctx)
    page.show()
    _select(page, "张三", "李四", "王五")
    page.group_selected()
    dialog = page.current_dialog()
    assert isinstance(dialog, PartyGroupDialog)
    qtbot.waitExposed(dialog)
    dialog.set_group("第三党小组")  # the longest hint: a new group
    qtbot.waitUntil(lambda: dialog.hint.height() >= dialog.hint.heightForWidth(dialog.hint.width()), timeout=WAIT_MS)
    assert dialog.hint.heightForWidth(dialog.hint.width()) > dialog.fontMetrics().lineSpacing() * 1.5, "two lines"
