"""Settings page: organisation form, rule table and language selector, all through the DB lane."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.rules import list_rules, set_rule
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage.database import Database, open_database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.models.rules_model import COL_DEFAULT, COL_LABEL, COL_NOTE, COL_UNIT, COL_VALUE
from partydesk.gui.pages.settings import SettingsPage
from partydesk.gui.widgets.date_field import DateField
from tests.gui.conftest import WAIT_MS

RULE = "meeting.general.months"  # 支部党员大会：每隔 3 月 (range 1–12)
OTHER_RULE = "meeting.committee.months"  # 支部委员会会议：每隔 1 月


def _page(qtbot: QtBot, ctx: AppContext) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert ctx.runner.wait_idle(WAIT_MS)
    return page


def _rule_value(db: Database, key: str) -> int:
    return next(r.value for r in list_rules(db) if r.key == key)


def test_organisation_is_saved_and_reloaded_after_reopening_the_database(
    qtbot: QtBot, ctx: AppContext, db_path: Path, make_ctx: Callable[[Database], AppContext],
) -> None:
    """Every field saved on the page is there again after the database is closed and reopened."""
    page = _page(qtbot, ctx)
    ui = page.ui
    assert ui.nameEdit.text() == "中共示例社区第一支部委员会"
    ui.nameEdit.setText("中共示例社区第二支部委员会")
    ui.typeCombo.setCurrentText("联合党支部")
    ui.secretaryEdit.setText("张三")
    ui.contactEdit.setText("李四")
    ui.phoneEdit.setText("138 0013 8000")
    page.term_start_edit.setText("2024.1.15")
    page.term_end_edit.setText("2029年1月14日")
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ui.saveStatus.text() == "已保存。"

    ctx.runner.shutdown()
    ctx.db.close()
    reopened = open_database(db_path)
    try:
        again = _page(qtbot, make_ctx(reopened))
        assert again.ui.nameEdit.text() == "中共示例社区第二支部委员会"
        assert again.ui.typeCombo.currentText() == "联合党支部"
        assert again.ui.secretaryEdit.text() == "张三"
        assert again.ui.contactEdit.text() == "李四"
        assert again.ui.phoneEdit.text() == "13800138000", "the core stores the normalised number"
        assert again.organisation_input().term_start == date(2024, 1, 15)
        assert again.organisation_input().term_end == date(2029, 1, 14)
        assert again.term_start_edit.text() == "2024年01月15日"
        again.term_end_edit.clear()
        assert again.organisation_input().term_end is None
    finally:
        again.ctx.runner.shutdown()
        reopened.close()


@pytest.mark.parametrize(("field", "widget", "text", "expected"), [
    ("code", "codeEdit", "10-01", "字母和数字"),
    ("phone", "phoneEdit", "12345", "联系电话"),
    ("name", "nameEdit", "  ", "党组织名称"),
])
def test_bad_input_shows_the_message_beside_its_field_and_saves_nothing(
    qtbot: QtBot, ctx: AppContext, field: str, widget: str, text: str, expected: str,
) -> None:
    """The core's Chinese message appears under the field it names; the stored organisation is unchanged."""
    page = _page(qtbot, ctx)
    getattr(page.ui, widget).setText(text)
    page.ui.secretaryEdit.setText("不应保存")
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert expected in page.field_error(field)
    assert all(page.field_error(other) == "" for other in ("name", "code", "phone") if other != field)
    assert "未保存" in page.ui.saveStatus.text()
    stored = own_organisation(ctx.db)
    assert stored is not None
    assert (stored.code, stored.secretary) == ("1001", "")


def test_two_wrong_term_dates_are_both_marked_and_an_edit_clears_the_old_verdict(qtbot: QtBot, ctx: AppContext) -> None:
    """保存 with both dates wrong marks both (not only the first); typing again takes back "未保存…", which no
    longer describes the form; Enter in a field saves, as in a dialog."""
    page = _page(qtbot, ctx)
    page.term_start_edit.setText("2021年7月")
    page.term_end_edit.setText("2024.2.30")
    page.save_organisation()
    assert page.field_error("term_start") and page.field_error("term_end")
    assert "未保存" in page.ui.saveStatus.text()
    qtbot.keyClicks(page.term_start_edit, "1")
    assert page.ui.saveStatus.text() == ""
    page.term_start_edit.setText("2021.7.1")
    page.term_end_edit.setText("2024.6.30")
    page.ui.contactEdit.setText("李四")
    qtbot.keyClick(page.ui.contactEdit, Qt.Key.Key_Return)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert page.ui.saveStatus.text() == "已保存。"
    stored = own_organisation(ctx.db)
    assert stored is not None and (stored.contact, stored.term_end) == ("李四", date(2024, 6, 30))


def test_term_end_before_start_is_refused_beside_term_end(qtbot: QtBot, ctx: AppContext) -> None:
    """A term that ends before it starts is marked at the end date."""
    page = _page(qtbot, ctx)
    page.term_start_edit.setText("2025.1.1")
    page.term_end_edit.setText("2024.1.1")
    page.save_organisation()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert "晚于" in page.field_error("term_end")


def test_an_empty_term_end_says_the_day_worked_out_from_the_start(qtbot: QtBot, ctx: AppContext) -> None:
    """任期届满 left empty is worked out from the start (as the 换届 reminder does): the field's grey text says to
    what day, five years on for a village's organisation, three for others; with no start, how to type a date."""
    page = _page(qtbot, ctx)
    assert page.term_end_edit.placeholderText().startswith("例如")
    page.ui.nameEdit.setText("中共恒达机械有限公司支部委员会")
    page.term_start_edit.setText("2026.12.1")
    assert page.term_end_edit.placeholderText() == "不填则按 2029-12-01 计（任期 3 年）"
    page.ui.typeCombo.setCurrentText("党委")  # a 基层党委: five years too
    assert page.term_end_edit.placeholderText() == "不填则按 2031-12-01 计（任期 5 年）"
    page.ui.typeCombo.setCurrentText("党支部")
    page.ui.nameEdit.setText("中共青山村支部委员会")
    assert page.term_end_edit.placeholderText() == "不填则按 2031-12-01 计（任期 5 年）"
    page.term_start_edit.setText("")
    assert page.term_end_edit.placeholderText().startswith("例如")


def test_term_dates_are_typed_and_a_wrong_one_is_never_saved(qtbot: QtBot, ctx: AppContext) -> None:
    """The 任期 dates use the shared date field: a date that is no date is shown beside it and nothing is saved."""
    page = _page(qtbot, ctx)
    assert isinstance(page.term_start_edit, DateField)
    assert not any(e.isVisibleTo(page) for e in page.findChildren(QDateEdit))
    page.term_start_edit.setText("2025.2.30")
    page.ui.secretaryEdit.setText("不应保存")
    page.save_organisation()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert page.field_error("term_start") and "未保存" in page.ui.saveStatus.text()
    stored = own_organisation(ctx.db)
    assert stored is not None and stored.secretary == "" and stored.term_start is None


def test_rule_edit_in_the_table_is_saved_and_shown_in_bold(qtbot: QtBot, ctx: AppContext) -> None:
    """Typing a new value in the cell saves it; the reloaded row is bold because it differs; the status line says it
    was saved and how to put it back (a cell is saved as it is left, with no 保存 to press)."""
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    page = _page(qtbot, ctx)
    view, model = page.ui.rulesView, page.rules_model
    index = model.index(model.row_of(RULE), COL_VALUE)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "3"
    editor.selectAll()
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits Return through a queued call, so the event loop has to run first.
    qtbot.waitUntil(lambda: model.index(model.row_of(RULE), COL_VALUE).data() == "2", timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)  # the hub's reload after the save
    assert _rule_value(ctx.db, RULE) == 2
    row = model.row_of(RULE)
    assert model.index(row, COL_VALUE).data() == "2"
    assert model.index(row, COL_LABEL).data(Qt.ItemDataRole.FontRole).bold()
    assert page.ui.restoreButton.isEnabled()
    assert said == ["已保存：支部党员大会：每隔 2 月（按“恢复本行默认值”可改回）。"]


def test_restore_default_puts_the_selected_rule_back(qtbot: QtBot, ctx: AppContext) -> None:
    """Restore default on a changed rule stores the national default again and disables the button."""
    set_rule(ctx.db, LOCAL_USER, key=RULE, value=6)
    page = _page(qtbot, ctx)
    model = page.rules_model
    page.ui.rulesView.setCurrentIndex(model.index(model.row_of(RULE), COL_LABEL))
    assert page.ui.restoreButton.isEnabled()
    qtbot.mouseClick(page.ui.restoreButton, Qt.MouseButton.LeftButton)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert _rule_value(ctx.db, RULE) == 3
    assert page.selected_rule_key() == RULE, "the selection survives the reload"
    assert not page.ui.restoreButton.isEnabled()


def test_restore_buttons_say_what_they_restore(qtbot: QtBot, ctx: AppContext) -> None:
    """The row button says it restores this row only; "Restore all" is off while every rule is at its default."""
    page = _page(qtbot, ctx)
    assert page.ui.restoreButton.text() == page.tr("Restore this row's default")
    assert page.restore_action.text() == page.ui.restoreButton.text()
    assert page.ui.restoreAllButton.text() == page.tr("Restore all defaults")
    assert not page.ui.restoreAllButton.isEnabled()


def _answer(button: str, seen: list[str]) -> None:
    """Click ``button`` (an object name, or "cancel") in the next modal message box; record its texts."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(10, press)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        target = (box.button(QMessageBox.StandardButton.Cancel) if button == "cancel"
                  else box.findChild(QPushButton, button))
        assert target is not None
        target.click()

    QTimer.singleShot(0, press)


def test_restore_all_asks_then_restores_every_changed_rule(qtbot: QtBot, ctx: AppContext) -> None:
    """全部恢复默认 lists the changed rules and, once confirmed, puts them all back; Cancel changes nothing."""
    set_rule(ctx.db, LOCAL_USER, key=RULE, value=6)
    set_rule(ctx.db, LOCAL_USER, key=OTHER_RULE, value=2)
    page = _page(qtbot, ctx)
    assert page.ui.restoreAllButton.isEnabled()
    seen: list[str] = []
    _answer("cancel", seen)
    qtbot.mouseClick(page.ui.restoreAllButton, Qt.MouseButton.LeftButton)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert (_rule_value(ctx.db, RULE), _rule_value(ctx.db, OTHER_RULE)) == (6, 2)
    assert "2" in seen[0] and "支部党员大会" in seen[0] and "支部委员会会议" in seen[0]
    _answer("restoreAllConfirmButton", seen)
    qtbot.mouseClick(page.ui.restoreAllButton, Qt.MouseButton.LeftButton)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)  # the reload after the hub's change
    assert (_rule_value(ctx.db, RULE), _rule_value(ctx.db, OTHER_RULE)) == (3, 1)
    assert page.changed_rules() == []
    assert not page.ui.restoreAllButton.isEnabled()


def test_tab_leaves_the_rule_table(qtbot: QtBot, ctx: AppContext) -> None:
    """Tab moves from the rule table to the next control instead of walking its cells."""
    page = _page(qtbot, ctx)
    assert not page.ui.rulesView.tabKeyNavigation()


def test_rule_value_out_of_range_is_refused_and_not_saved(qtbot: QtBot, ctx: AppContext) -> None:
    """A value outside the rule's range (a paste, say) is not accepted by the model and nothing is written."""
    page = _page(qtbot, ctx)
    model = page.rules_model
    assert not model.setData(model.index(model.row_of(RULE), COL_VALUE), 99)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert _rule_value(ctx.db, RULE) == 3


def test_money_and_rates_are_shown_and_typed_in_yuan_and_percent(qtbot: QtBot, ctx: AppContext) -> None:
    """Rules stored in 分 and basis points read 元 and %; typing 3500 (元) stores 350000 分, 1.2 (%) 120."""
    page = _page(qtbot, ctx)
    model = page.rules_model
    band = model.row_of("dues.employed.band1_max")
    rate = model.row_of("dues.employed.band1_rate")
    assert [model.index(band, c).data() for c in (COL_VALUE, COL_UNIT, COL_DEFAULT)] == ["3000.00", "元", "3000.00"]
    assert [model.index(rate, c).data() for c in (COL_VALUE, COL_UNIT, COL_DEFAULT)] == ["0.5", "%", "0.5"]
    assert model.setData(model.index(band, COL_VALUE), "3500")
    assert model.setData(model.index(rate, COL_VALUE), "1.2")
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert (_rule_value(ctx.db, "dues.employed.band1_max"), _rule_value(ctx.db, "dues.employed.band1_rate")) == (
        350_000, 120)


def test_refused_rule_value_says_why(qtbot: QtBot, ctx: AppContext) -> None:
    """A typed value that cannot be taken names the rule and the reason below the table; nothing is written."""
    page = _page(qtbot, ctx)
    model = page.rules_model
    band = model.index(model.row_of("dues.employed.band1_max"), COL_VALUE)
    refusals = (("三千", "不是数字"), ("3000.123", "最多填2位小数"), ("-5", "允许的范围是 0.00 到 100000.00 元"))
    for typed, reason in refusals:
        assert not model.setData(band, typed)
        assert not page.ui.rulesStatus.isHidden()
        assert "在职：第一档月收入上限" in page.ui.rulesStatus.text() and reason in page.ui.rulesStatus.text()
    assert not model.setData(model.index(model.row_of(RULE), COL_VALUE), "2.5")
    assert "只能填整数" in page.ui.rulesStatus.text()
    assert not model.setData(model.index(model.row_of("meeting.general.months"), COL_VALUE), "13")
    # The label's own colon does not run into the reason's: the label is quoted.
    assert page.ui.rulesStatus.text() == "“支部党员大会：每隔”：允许的范围是 1 到 12 月。"
    assert ctx.runner.wait_idle(WAIT_MS)
    assert _rule_value(ctx.db, "dues.employed.band1_max") == 300_000


def test_rule_changed_elsewhere_is_reloaded_from_the_hub(qtbot: QtBot, ctx: AppContext) -> None:
    """A rule written by another part of the program shows up once its Changes reach the hub."""
    page = _page(qtbot, ctx)
    db = ctx.db
    ctx.runner.submit(lambda _progress: set_rule(db, LOCAL_USER, key=RULE, value=4))
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert page.rules_model.index(page.rules_model.row_of(RULE), COL_VALUE).data() == "4"


def test_saved_note_does_not_stay_behind_in_the_old_language(
    qtbot: QtBot, ctx: AppContext, app: QApplication,
) -> None:
    """"已保存。" is cleared when the language is switched (it would stay Chinese on an English page)."""
    page = _page(qtbot, ctx)
    page.save_organisation()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert page.ui.saveStatus.text() == "已保存。"
    languages.install_language(app, "en", ctx.hub)
    QApplication.processEvents()
    assert page.ui.titleLabel.text() == "Settings"
    assert page.ui.saveStatus.text() == ""


def test_role_is_shown_read_only(qtbot: QtBot, ctx: AppContext) -> None:
    """The installation's role is text, not an input."""
    page = _page(qtbot, ctx)
    assert page.ui.roleValue.text().startswith("党支部")
    assert "不能修改" in page.ui.roleValue.text()


def test_language_switch_to_english_and_back_retranslates_the_page(
    qtbot: QtBot, ctx: AppContext, app: QApplication,
) -> None:
    """Choosing English retranslates the page at once and is remembered; choosing 中文 brings Chinese back."""
    page = _page(qtbot, ctx)
    assert page.ui.titleLabel.text() == "设置"
    combo = page.ui.languageCombo
    with qtbot.waitSignal(ctx.hub.languageChanged, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findData("en"))
    qtbot.waitUntil(lambda: page.ui.titleLabel.text() == "Settings", timeout=WAIT_MS)
    assert page.ui.tabs.tabText(1) == "Work rules"
    header = page.ui.rulesView.horizontalHeader()
    for column in (COL_VALUE, COL_DEFAULT):  # the English titles are wider than the Chinese
        title = page.rules_model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title), title
    assert page.rules_model.headerData(COL_VALUE, Qt.Orientation.Horizontal) == "Current value"
    assert languages.saved_language(ctx.settings) == "en"
    combo.setCurrentIndex(combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: page.ui.titleLabel.text() == "设置", timeout=WAIT_MS)
    assert page.ui.tabs.tabText(1) == "工作规则"
    assert languages.saved_language(ctx.settings) == "zh_CN"


def test_unsaved_organisation_details_are_not_lost_by_leaving_the_page_or_quitting(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed phone number not yet saved: going to another page, or closing the window, asks first;
    "keep editing" stays with the typed number, "discard" leaves and the form shows the saved one again.
    Once saved, nothing is asked."""
    from partydesk.gui.mainwindow import MainWindow
    from partydesk.gui.widgets import discard_guard

    asked: list[bool] = []
    answer = [False]

    def question(_parent: object) -> bool:
        asked.append(True)
        return answer[0]

    monkeypatch.setattr(discard_guard, "confirm_discard", question)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: page.ui.nameEdit.text() != "", timeout=WAIT_MS)  # the organisation is loaded
    saved = page.ui.phoneEdit.text()
    page.ui.phoneEdit.setText("0571-86009999")
    window.show_page("workbench")
    assert asked == [True] and window.current_page_id() == "settings"
    assert page.ui.phoneEdit.text() == "0571-86009999"
    window.close()
    assert asked == [True, True] and window.isVisible()
    answer[0] = True
    window.show_page("workbench")
    assert window.current_page_id() == "workbench" and page.ui.phoneEdit.text() == saved
    window.show_page("settings")
    page.ui.phoneEdit.setText("0571-86009999")
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert ctx.runner.wait_idle(WAIT_MS)
    asked.clear()
    window.show_page("workbench")
    assert asked == [] and window.current_page_id() == "workbench"
    stored = own_organisation(ctx.db)
    assert stored is not None and stored.phone == "0571-86009999"


def test_a_rule_that_picks_a_way_of_counting_is_chosen_by_name(qtbot: QtBot, ctx: AppContext) -> None:
    """外出流动党员计入应到 reads 计入 / 不计入, not 1 / 0, and is chosen from a list; its note is whole in the tooltip,
    and the restore-all question names the values so too."""
    page = _page(qtbot, ctx)
    view, model = page.ui.rulesView, page.rules_model
    row = model.row_of("meeting.expect.migrant")
    assert [model.index(row, c).data() for c in (COL_VALUE, COL_UNIT, COL_DEFAULT)] == ["计入", "", "计入"]
    note = model.index(row, COL_NOTE)
    assert note.data(Qt.ItemDataRole.ToolTipRole) == note.data() and "不计入应到人数" in note.data()
    index = model.index(row, COL_VALUE)
    view.setCurrentIndex(index)
    view.edit(index)
    combo = view.findChild(QComboBox)
    assert combo is not None and [combo.itemText(i) for i in range(combo.count())] == ["不计入", "计入"]
    assert combo.currentText() == "计入"
    combo.setCurrentText("不计入")
    view.commitData(combo)
    view.closeEditor(combo, QAbstractItemDelegate.EndEditHint.NoHint)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert _rule_value(ctx.db, "meeting.expect.migrant") == 0
    assert not model.setData(model.index(model.row_of("meeting.expect.migrant"), COL_VALUE), "2")
    seen: list[str] = []
    _answer("cancel", seen)
    qtbot.mouseClick(page.ui.restoreAllButton, Qt.MouseButton.LeftButton)
    assert "“外出流动党员计入应到”：不计入 → 计入" in seen[0]


def test_a_click_on_another_page_kept_editing_leaves_the_sidebar_on_this_page(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """With an unsaved change, a click on 会议 in the sidebar asks; "keep editing" stays on 设置, and the sidebar
    says 设置 too (the click's own handling chose the clicked row again after the question)."""
    from partydesk.gui.mainwindow import MainWindow
    from partydesk.gui.widgets import discard_guard

    monkeypatch.setattr(discard_guard, "confirm_discard", lambda _parent: False)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: page.ui.nameEdit.text() != "", timeout=WAIT_MS)
    page.ui.phoneEdit.setText("0571-86009999")
    navigation = window.navigation
    here = navigation.currentRow()
    other = next(r for r in range(navigation.count()) if r != here)
    where = navigation.visualItemRect(navigation.item(other)).center()
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.wait(50)
    assert window.current_page_id() == "settings"
    assert navigation.currentRow() == here and navigation.selectedItems() == [navigation.item(here)]


def test_save_stays_put_while_a_date_s_line_comes_and_goes(qtbot: QtBot, ctx: AppContext) -> None:
    """“2024.1” says it lacks the day; typed whole, the line goes. 保存 below keeps its place throughout: a click
    aimed at it had landed on the space it left."""
    page = _page(qtbot, ctx)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    where = page.ui.saveButton.mapTo(page, page.ui.saveButton.rect().topLeft())
    page.term_start_edit.setText("2024.1")
    page.term_start_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: page.ui.termStartError.isVisible(), timeout=WAIT_MS)
    assert page.ui.termStartError.text()
    assert page.ui.saveButton.mapTo(page, page.ui.saveButton.rect().topLeft()) == where
    page.term_start_edit.setFocus()
    page.term_start_edit.end(False)
    qtbot.keyClicks(page.term_start_edit, ".5")  # typed whole
    qtbot.waitUntil(lambda: not page.ui.termStartError.isVisible(), timeout=WAIT_MS)
    assert page.ui.saveButton.mapTo(page, page.ui.saveButton.rect().topLeft()) == where


def test_ctrl_s_saves_the_organisation_as_in_the_record_forms(qtbot: QtBot, ctx: AppContext) -> None:
    """Ctrl+S in a field of 组织信息 saves, as the help promises for forms; a date being typed is read first."""
    page = _page(qtbot, ctx)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    page.ui.phoneEdit.setText("138 0013 8000")
    page.term_end_edit.setText("2027.6.30")
    page.term_end_edit.setFocus()
    qtbot.keyClick(page.term_end_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert page.ui.saveStatus.text() == "已保存。"
    stored = own_organisation(ctx.db)
    assert stored is not None and (stored.phone, stored.term_end) == ("13800138000", date(2027, 6, 30))
