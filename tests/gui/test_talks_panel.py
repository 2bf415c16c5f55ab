"""The talks panel and dialog: a talk added through the dialog is listed, edited in place and deleted;
who is due a talk updates; the talker is picked by pinyin or typed; every model passes the model tester."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.members import add_member
from partydesk.core.services.talks import TalkData, add_talk, talks_of_year
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.talk_edit import TalkEditDialog
from partydesk.gui.pages.talks import TalksPanel
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import LI, WANG, ZHANG

TODAY = date(2026, 11, 30)


@pytest.fixture
def people(ctx: AppContext) -> dict[str, str]:
    """张三, 李四 and 王五, added before the panel opens."""
    return {d.name: add_member(ctx.db, LOCAL_USER, data=d).member_id for d in (ZHANG, LI, WANG)}


@pytest.fixture
def panel(qtbot: QtBot, ctx: AppContext, people: dict[str, str]) -> TalksPanel:
    widget = TalksPanel(ctx, today=TODAY)
    qtbot.addWidget(widget)
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: widget.due_view.list.model.total == 3, timeout=WAIT_MS)
    return widget


def open_new(qtbot: QtBot, panel: TalksPanel) -> TalkEditDialog:
    panel.new_button.click()
    dialog = panel.current_dialog()
    assert isinstance(dialog, TalkEditDialog)
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    return dialog


def tick(dialog: TalkEditDialog, name: str) -> None:
    model = dialog.choices
    row = next(r for r in range(model.rowCount()) if model.index(r).data().startswith(name))
    assert model.setData(model.index(row), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_a_talk_added_through_the_dialog_is_listed(qtbot: QtBot, ctx: AppContext, panel: TalksPanel,
                                                    people: dict[str, str]) -> None:
    """Fill in the dialog, tick two members, save: the row appears and the two leave the due list (李四
    joined this year and is not due yet); the new talk is chosen, with the keyboard on the list."""
    assert panel.list.model.total == 0 and panel.due_view.overdue_count() == 2
    assert "2" in panel.due_button.text()
    panel.show()
    panel.new_button.setFocus()
    dialog = open_new(qtbot, panel)
    dialog.ui.heldOnEdit.setText("2026-11-20")
    dialog.ui.byCombo.setEditText("街道党工委刘书记")
    dialog.ui.topicEdit.setText("了解思想和工作情况")
    dialog.ui.formCombo.setCurrentIndex(dialog.ui.formCombo.findData("visit"))
    tick(dialog, "张三")
    tick(dialog, "王五")
    assert "张三" in dialog.ui.withSummaryLabel.text() and "王五" in dialog.ui.withSummaryLabel.text()
    dialog.save_button().click()
    qtbot.waitUntil(lambda: panel.list.model.total == 1, timeout=WAIT_MS)
    (row,) = panel.list.model.all_rows()
    assert row.data.by_name == "街道党工委刘书记" and row.data.by_member_id is None
    assert set(row.with_names) == {"张三", "王五"} and row.data.form == "visit"
    shown = [panel.list.model.index(0, c).data() for c in range(panel.list.model.columnCount())]
    assert "2026-11-20" in shown and "上门走访" in shown and ("张三、王五" in shown or "王五、张三" in shown)
    qtbot.waitUntil(lambda: panel.due_view.overdue_count() == 0, timeout=WAIT_MS)
    assert panel.list.selected_ids() == [row.id] and panel.focusWidget() is panel.list.table


def test_the_talker_is_found_by_pinyin_and_linked_to_the_member(qtbot: QtBot, ctx: AppContext,
                                                                  panel: TalksPanel, people: dict[str, str]) -> None:
    """Typing "zs" offers 张三; picking him stores his member id."""
    dialog = open_new(qtbot, panel)
    completer = dialog.ui.byCombo.completer()
    completer.setCompletionPrefix("zs")
    assert completer.completionCount() == 1
    assert completer.pathFromIndex(completer.completionModel().index(0, 0)) == "张三"
    dialog.ui.byCombo.setEditText("张三")
    assert dialog.talker() == (people["张三"], "张三")
    dialog.ui.withSearchEdit.setText("ww")
    assert [dialog.choices.row_id(r) for r in range(dialog.choices.rowCount())] == [people["王五"]]


def test_down_or_enter_in_the_search_goes_to_the_names_found(qtbot: QtBot, ctx: AppContext, panel: TalksPanel,
                                                             people: dict[str, str]) -> None:
    """“ww” typed in 谈话对象's search, then ↓: the keyboard is on 王五 and Space ticks him; Enter does the same and
    never presses 保存 (a talk half written was saved, or refused, from the search box)."""
    dialog = open_new(qtbot, panel)
    dialog.ui.topicEdit.setText("谈心")
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return):
        dialog.activateWindow()
        dialog.ui.withSearchEdit.setFocus()
        dialog.ui.withSearchEdit.setText("ww")
        qtbot.waitUntil(dialog.ui.withSearchEdit.hasFocus, timeout=WAIT_MS)
        qtbot.keyClick(dialog.ui.withSearchEdit, key)
        assert dialog.ui.withList.hasFocus() and dialog.ui.withList.currentIndex().row() == 0, key
    qtbot.keyClick(dialog.ui.withList, Qt.Key.Key_Space)
    assert dialog.choices.checked_ids() == (people["王五"],)
    assert dialog.isVisible() and talks_of_year(ctx.db, 2026) == [] and dialog.error_text() == ""


def test_the_core_refusal_is_shown_and_nothing_is_saved(qtbot: QtBot, ctx: AppContext, panel: TalksPanel) -> None:
    """No one ticked: the core's message shows in the dialog, which stays open."""
    dialog = open_new(qtbot, panel)
    dialog.ui.topicEdit.setText("谈心")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: "谈话对象" in dialog.error_text(), timeout=WAIT_MS)
    assert dialog.isVisible() and talks_of_year(ctx.db, 2026) == []
    assert dialog.focusWidget() is dialog.ui.withSearchEdit, "the cursor goes to the field at fault, not 取消"
    tick(dialog, "张三")
    dialog.ui.byCombo.setEditText("街道党工委刘书记")
    dialog.ui.followUpEdit.setPlainText("回访")
    dialog.ui.followUpOnEdit.setText("2026-01-01")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: "跟进日期不能早于" in dialog.error_text(), timeout=WAIT_MS)
    assert dialog.focusWidget() is dialog.ui.followUpOnEdit


def test_edit_and_delete_update_only_that_row(qtbot: QtBot, ctx: AppContext, panel: TalksPanel,
                                              people: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing the topic changes the row; deleting (after the question) removes it."""
    add_talk(ctx.db, LOCAL_USER, TalkData(held_on=date(2026, 5, 1), with_ids=(people["李四"],), by_name="刘书记",
                                          topic="旧主题"))
    panel.reload()
    qtbot.waitUntil(lambda: panel.list.model.total == 1, timeout=WAIT_MS)
    talk_id = panel.list.model.all_rows()[0].id
    panel.list.select_id(talk_id)
    panel.edit_button.click()
    dialog = panel.current_dialog()
    assert isinstance(dialog, TalkEditDialog)
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    assert dialog.choices.checked_ids() == (people["李四"],)
    dialog.ui.topicEdit.setText("新主题")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: panel.list.model.all_rows()[0].data.topic == "新主题", timeout=WAIT_MS)
    panel.list.select_id(talk_id)
    panel.delete_button.click()
    box = panel.current_dialog()
    assert isinstance(box, QMessageBox) and "李四" in box.text()
    delete = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    delete.click()
    qtbot.waitUntil(lambda: panel.list.model.total == 0, timeout=WAIT_MS)
    assert talks_of_year(ctx.db, 2026) == []


def test_talk_from_the_due_list_ticks_the_chosen_members(qtbot: QtBot, panel: TalksPanel,
                                                         people: dict[str, str]) -> None:
    """Selecting a member in 应谈话党员 and pressing 记录谈话 opens the dialog with that member ticked; a
    member not due yet is not listed."""
    panel.due_button.click()
    assert panel.stack.currentWidget() is panel.due_view
    assert people["李四"] not in {r.member_id for r in panel.due_view.list.model.shown_rows()}  # not due yet
    assert panel.due_view.list.select_id(people["王五"])
    panel.due_view.talk_button.click()
    dialog = panel.current_dialog()
    assert isinstance(dialog, TalkEditDialog)
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    assert dialog.choices.checked_ids() == (people["王五"],) and dialog.choices.checked_names() == ["王五"]


def test_models_pass_the_model_tester(qtbot: QtBot, ctx: AppContext, panel: TalksPanel, people: dict[str, str],
                                      qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The talk list, the due list and the member choices keep Qt's model contract."""
    add_talk(ctx.db, LOCAL_USER, TalkData(held_on=date(2026, 5, 1), with_ids=(people["李四"],), by_name="刘书记",
                                          topic="谈心", follow_up="回访", follow_up_on=date(2026, 6, 1)))
    panel.reload()
    qtbot.waitUntil(lambda: panel.list.model.total == 1, timeout=WAIT_MS)
    qtmodeltester.check(panel.list.model)
    qtmodeltester.check(panel.due_view.list.model)
    dialog = open_new(qtbot, panel)
    tick(dialog, "李四")
    qtmodeltester.check(dialog.choices)


def test_a_talk_of_another_year_brings_that_year_into_view(qtbot: QtBot, panel: TalksPanel) -> None:
    """Saved with a date in 2025 while 2026 is shown: the year box moves to 2025 and the row is selected."""
    dialog = open_new(qtbot, panel)
    dialog.ui.heldOnEdit.setText("2025-12-20")
    dialog.ui.topicEdit.setText("年终谈心")
    dialog.ui.byCombo.setEditText("刘书记")
    tick(dialog, "李四")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: panel.list.model.total == 1, timeout=WAIT_MS)
    assert panel.year() == 2025
    qtbot.waitUntil(lambda: len(panel.list.selected_ids()) == 1, timeout=WAIT_MS)


def test_the_ticked_members_come_first_in_an_opened_talk(qtbot: QtBot, ctx: AppContext, panel: TalksPanel,
                                                         people: dict[str, str]) -> None:
    """王五 sorts last by pinyin, but a talk with him opens with him on top."""
    add_talk(ctx.db, LOCAL_USER, TalkData(held_on=date(2026, 5, 1), with_ids=(people["王五"],), by_name="刘书记",
                                          topic="谈心"))
    panel.reload()
    qtbot.waitUntil(lambda: panel.list.model.total == 1, timeout=WAIT_MS)
    panel.edit_talk(panel.list.model.all_rows()[0].id)
    dialog = panel.current_dialog()
    assert isinstance(dialog, TalkEditDialog)
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    assert dialog.choices.row_id(0) == people["王五"]


def test_several_members_from_the_due_list_start_a_group_talk(qtbot: QtBot, panel: TalksPanel,
                                                              people: dict[str, str]) -> None:
    """Two members chosen in 应谈话党员: the dialog opens on 集体谈心 with both ticked."""
    panel.due_button.click()
    panel.due_view.list.table.selectAll()
    panel.due_view.talk_button.click()
    dialog = panel.current_dialog()
    assert isinstance(dialog, TalkEditDialog)
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    assert set(dialog.choices.checked_ids()) == {people["张三"], people["王五"]}
    assert dialog.ui.formCombo.currentData() == "group"


def test_a_talk_of_another_year_opens_by_id(qtbot: QtBot, ctx: AppContext, panel: TalksPanel,
                                            people: dict[str, str]) -> None:
    """A finding's target names a talk not shown (2025 while 2026 is shown): it still opens."""
    added = add_talk(ctx.db, LOCAL_USER, TalkData(held_on=date(2025, 3, 1), with_ids=(people["张三"],),
                                                  by_name="刘书记", topic="去年的谈话"))
    panel.edit_talk(added.talk_id)
    qtbot.waitUntil(lambda: isinstance(panel.current_dialog(), TalkEditDialog), timeout=WAIT_MS)
    dialog = panel.current_dialog()
    assert isinstance(dialog, TalkEditDialog) and dialog.ui.topicEdit.text() == "去年的谈话"


def test_a_newer_talk_added_later_comes_first(qtbot: QtBot, ctx: AppContext, panel: TalksPanel) -> None:
    """The list reads newest first: a talk recorded after an older one takes the top, not the bottom."""
    for day, topic in (("2026-03-01", "春季谈心"), ("2026-11-20", "年终谈心")):
        dialog = open_new(qtbot, panel)
        dialog.ui.heldOnEdit.setText(day)
        dialog.ui.byCombo.setEditText("刘书记")
        dialog.ui.topicEdit.setText(topic)
        tick(dialog, "张三")
        dialog.save_button().click()
        qtbot.waitUntil(lambda: panel.current_dialog() is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.list.model.total == 2, timeout=WAIT_MS)
    assert [r.data.topic for r in panel.list.model.shown_rows()] == ["年终谈心", "春季谈心"]
    assert "branch" not in [c.key for c in panel.list.model.columns]  # one branch's own file: no 支部 column
    assert not panel.branch_filter.isVisibleTo(panel)


def test_a_second_member_ticked_makes_a_new_talk_a_group_talk_unless_the_form_was_picked(
        qtbot: QtBot, panel: TalksPanel) -> None:
    """个别谈心 is one to one: a new talk becomes 集体谈心 when a second member is ticked. A form picked by hand
    stays, and 个别谈心 with several ticked says what it means (the talk still saves: older records hold such)."""
    dialog = open_new(qtbot, panel)
    assert dialog.ui.formCombo.currentData() == "individual"
    tick(dialog, "张三")
    assert dialog.ui.formCombo.currentData() == "individual"
    tick(dialog, "王五")
    assert dialog.ui.formCombo.currentData() == "group"
    assert "集体谈心" not in dialog.ui.withSummaryLabel.text()
    QTest.keyClick(dialog.ui.formCombo, Qt.Key.Key_Up)  # the user picks 个别谈心 back, by hand: it stays
    assert dialog.ui.formCombo.currentData() == "individual"
    assert "一对一" in dialog.ui.withSummaryLabel.text()
    dialog.reject()

    dialog = open_new(qtbot, panel)
    combo = dialog.ui.formCombo
    QTest.keyClick(combo, Qt.Key.Key_Down)  # chosen by hand: 集体谈心, then back to 个别谈心
    QTest.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentData() == "individual"
    tick(dialog, "张三")
    tick(dialog, "王五")
    assert combo.currentData() == "individual"
    summary = dialog.ui.withSummaryLabel.text().replace("\u2060", "")  # word joiners keep 集体谈心 on one line
    assert "张三" in summary and "个别谈心是一对一的谈话" in summary and "集体谈心" in summary
    combo.setCurrentIndex(combo.findData("group"))
    assert "一对一" not in dialog.ui.withSummaryLabel.text()


def test_tab_goes_down_the_form_before_the_people_on_the_right(qtbot: QtBot, panel: TalksPanel) -> None:
    """From 谈话人, Tab goes on to 谈话主题 below it, not across to the search box of 谈话对象 (typing the
    topic there would empty the list); the people come after the left-hand column."""
    dialog = open_new(qtbot, panel)
    dialog.activateWindow()
    dialog.ui.byCombo.setFocus()
    qtbot.waitUntil(lambda: dialog.ui.byCombo.hasFocus(), timeout=WAIT_MS)
    dialog.focusNextChild()
    assert dialog.focusWidget() is dialog.ui.topicEdit
    dialog.ui.followUpDoneCheck.setFocus()
    dialog.focusNextChild()
    assert dialog.focusWidget() is dialog.ui.withSearchEdit


def test_tabbing_through_the_talker_changes_nothing_to_ask_about(qtbot: QtBot, panel: TalksPanel) -> None:
    """谈话人 filled in as the form opens (the secretary's name typed, no entry chosen): into it with a click and
    out with Tab, nothing typed, the combo box may match the name to its entry; Esc still closes without
    "discard the changes?"."""
    dialog = open_new(qtbot, panel)
    combo = dialog.ui.byCombo
    combo.setCurrentIndex(0)
    combo.setEditText(combo.itemText(combo.count() - 1))  # as a form opens with the secretary's name typed
    dialog.mark_clean()
    dialog.activateWindow()
    line = combo.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: combo.hasFocus(), timeout=WAIT_MS)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert not dialog.has_unsaved_changes()


def test_down_the_due_list_with_the_keyboard_and_back_to_it_after_each_talk(qtbot: QtBot, panel: TalksPanel,
                                                                          people: dict[str, str]) -> None:
    """show_due (a to-do's way in) puts the keyboard on the list; Enter on a member starts a talk with them; once
    it is saved the list is shown again, without that member, for the next one."""
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=WAIT_MS)
    panel.show_due()
    assert panel.stack.currentWidget() is panel.due_view
    qtbot.waitUntil(lambda: panel.due_view.list.table.hasFocus(), timeout=WAIT_MS)
    panel.due_view.list.table.clearSelection()  # the keyboard on a row, none selected yet
    panel.due_view.list.activated.emit(people["王五"])  # what Enter or a double-click on the row does
    dialog = panel.current_dialog()
    assert isinstance(dialog, TalkEditDialog)
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    assert dialog.choices.checked_ids() == (people["王五"],)
    dialog.ui.heldOnEdit.setText("2026-11-20")
    dialog.ui.byCombo.setEditText("刘书记")
    dialog.ui.topicEdit.setText("谈心")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: panel.current_dialog() is None, timeout=WAIT_MS)
    assert panel.stack.currentWidget() is panel.due_view, "back on the list of who is due"
    qtbot.waitUntil(lambda: people["王五"] not in {r.member_id for r in panel.due_view.list.model.shown_rows()},
                    timeout=WAIT_MS)


def test_a_follow_up_without_a_date_shows_overdue_a_month_after_the_talk(
        ctx: AppContext, panel: TalksPanel, people: dict[str, str]) -> None:
    """跟进 with no date written: open for the month after the talk, then overdue from the day it fell due
    (before, it stayed open for ever)."""
    from datetime import timedelta

    add_talk(ctx.db, LOCAL_USER, TalkData(held_on=TODAY - timedelta(days=40), with_ids=(people["李四"],),
                                          by_name="刘书记", topic="谈心", follow_up="回访"))
    add_talk(ctx.db, LOCAL_USER, TalkData(held_on=TODAY - timedelta(days=10), with_ids=(people["张三"],),
                                          by_name="刘书记", topic="谈心", follow_up="回访"))
    late, recent = sorted(talks_of_year(ctx.db, TODAY.year), key=lambda r: r.data.held_on)
    assert panel.follow_up_text(late) == f"逾期（{TODAY - timedelta(days=10):%Y-%m-%d}）"
    assert panel.follow_up_text(recent) == "待跟进"


def test_text_left_in_the_search_is_nothing_to_discard(qtbot: QtBot, panel: TalksPanel) -> None:
    """A name typed into 谈话对象's search and left there: Cancel closes without asking (before, it asked to
    discard changes never made); a topic typed is still asked about."""
    dialog = open_new(qtbot, panel)
    dialog.ui.withSearchEdit.setText("li")
    assert not dialog.has_unsaved_changes()
    dialog.ui.topicEdit.setText("谈心")
    assert dialog.has_unsaved_changes()


def test_the_talks_list_is_worked_from_the_keyboard_as_the_other_lists(
        qtbot: QtBot, ctx: AppContext, panel: TalksPanel, people: dict[str, str]) -> None:
    """Del on a selected talk asks to delete it (as on the meetings and study lists); Ctrl+N records a new one."""
    add_talk(ctx.db, LOCAL_USER, TalkData(held_on=date(2026, 5, 1), with_ids=(people["李四"],), by_name="刘书记",
                                          topic="谈心"))
    panel.reload()
    qtbot.waitUntil(lambda: panel.list.model.total == 1, timeout=WAIT_MS)
    panel.show()
    panel.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=WAIT_MS)
    panel.list.select_id(panel.list.model.all_rows()[0].id)
    panel.list.table.setFocus()
    qtbot.keyClick(panel.list.table, Qt.Key.Key_Delete)
    box = panel.current_dialog()
    assert isinstance(box, QMessageBox) and "李四" in box.text()
    box.reject()
    assert talks_of_year(ctx.db, 2026), "nothing deleted without the answer"
    qtbot.keyClick(panel.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(panel.current_dialog(), TalkEditDialog)


def test_the_due_list_says_how_far_past_due_or_how_near(qtbot: QtBot, ctx: AppContext, people: dict[str, str]) -> None:
    """Talked with 13 months ago: 已逾期 N 天 (12-month rule); 11¾ months ago: N 天后到期; never: 尚无谈话记录 —
    not one 已逾期 for all, with the rule said where the due day is."""
    for held_on, name in ((date(2025, 10, 31), "李四"), (date(2025, 12, 10), "王五")):
        add_talk(ctx.db, LOCAL_USER, TalkData(held_on=held_on, with_ids=(people[name],), by_name="刘书记",
                                              topic="谈心"))
    widget = TalksPanel(ctx, today=TODAY)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.due_view.list.model.total == 3, timeout=WAIT_MS)
    model = widget.due_view.list.model
    status = [c.key for c in model.columns].index("status")
    due = [c.key for c in model.columns].index("due")
    said = {row.name: model.index(model.row_of(row.member_id), status).data() for row in model.all_rows()}
    assert said == {"李四": "已逾期 30 天", "王五": "10 天后到期", "张三": "尚无谈话记录"}, said
    # The day the board names for the member never talked with (three months into the file's records), not 尽快.
    never = next(row for row in model.all_rows() if row.name == "张三")
    assert never.due is not None
    assert model.index(model.row_of(never.member_id), due).data() == f"{never.due:%Y-%m-%d}"
    assert model.index(0, due).data(Qt.ItemDataRole.ToolTipRole) == "每名党员至少每 12 个月谈一次（工作规则）"


def test_the_year_s_talks_are_exported_as_a_register(qtbot: QtBot, ctx: AppContext, panel: TalksPanel,
                                                      people: dict[str, str], tmp_path: Path) -> None:
    """导出登记表… writes the year shown as a 谈心谈话登记表 where the person chose (suggested by its own name),
    and a box and the status line say how many talks and where."""
    import openpyxl

    add_talk(ctx.db, LOCAL_USER, TalkData(held_on=date(2026, 3, 5), with_ids=(people["张三"],),
                                                by_name="王书记", topic="了解思想和工作情况"))
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    asked: list[str] = []

    def choose(suggested: Path, _filter: str) -> Path:
        asked.append(suggested.name)
        return tmp_path / suggested.name

    assert panel.export_button.text() == "导出登记表…"
    panel.export_register(choose_path=choose)
    target = tmp_path / "谈心谈话登记-2026.xlsx"
    qtbot.waitUntil(lambda: any("谈心谈话登记表已保存" in s for s in said), timeout=WAIT_MS)
    assert asked == ["谈心谈话登记-2026.xlsx"] and target.exists()
    assert f"谈心谈话登记表已保存（1 次谈话）：{target}" in said
    # Said in a box too (the status line is easily missed), with the way to its folder.
    box = panel.window().findChild(QMessageBox, "savedBox")
    assert box is not None and box.isVisible() and box.text() == f"2026年谈心谈话登记表（1 次谈话）已保存：\n{target}"
    assert box.findChild(QPushButton, "openFolderButton") is not None
    box.close()
    sheet = openpyxl.load_workbook(target).active
    assert sheet.cell(3, 4).value == "张三" and sheet.cell(3, 6).value == "了解思想和工作情况"


def test_a_talk_register_that_cannot_be_written_says_where_and_writes_nothing(
        qtbot: QtBot, ctx: AppContext, panel: TalksPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder taken away after it was chosen (a stick pulled): a warning naming the file and what to check; no
    file, no leftover temporary file and no "saved" box."""
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: warned.append(text))
    gone = tmp_path / "stick" / "谈心谈话登记-2026.xlsx"
    panel.export_register(choose_path=lambda _suggested, _filter: gone)
    qtbot.waitUntil(lambda: bool(warned), timeout=WAIT_MS)
    assert str(gone) in warned[0] and "文件夹是否存在" in warned[0]
    assert not gone.parent.exists()  # nothing made where it could not go
    assert panel.window().findChild(QMessageBox, "savedBox") is None
