"""The list page every module builds on: search (with pinyin), filters, order, update by id, empty state."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from partydesk.gui.widgets.list_page import ListColumn, ListPage
from tests.gui.conftest import WAIT_MS, type_into


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    kind: str
    count: int


COLUMNS = [
    ListColumn[Item]("name", "姓名", lambda r: r.name),
    ListColumn[Item]("kind", "类型", lambda r: r.kind),
    ListColumn[Item]("count", "次数", lambda r: str(r.count), sort_key=lambda r: r.count, align_right=True),
]
ROWS = [Item("a", "张三", "党课", 3), Item("b", "李四", "主题党日", 12), Item("c", "王五", "党课", 1)]


@pytest.fixture
def page(qtbot: QtBot) -> ListPage[Item]:
    widget: ListPage[Item] = ListPage(COLUMNS, row_id=lambda r: r.id, haystack=lambda r: f"{r.name} {r.kind}",
                                      pinyin_of=lambda r: r.name)
    qtbot.addWidget(widget)
    widget.set_rows(ROWS)
    return widget


def shown(page: ListPage[Item]) -> list[str]:
    return [r.id for r in page.model.shown_rows()]


def test_model_passes_the_model_tester(page: ListPage[Item], qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The table model keeps Qt's model contract."""
    qtmodeltester.check(page.model)


def test_search_waits_for_the_pause_then_matches_text_and_pinyin(page: ListPage[Item], qtbot: QtBot) -> None:
    """Typing filters after the debounce; 'zs' finds 张三 by initials, 'lisi' 李四 by full pinyin."""
    page.search.setText("党课")
    assert shown(page) == ["a", "b", "c"]  # not yet: the debounce has not fired
    qtbot.waitUntil(lambda: shown(page) == ["a", "c"])
    page.search.setText("zs")
    page.apply_filters()
    assert shown(page) == ["a"]
    page.search.setText("lisi")
    page.apply_filters()
    assert shown(page) == ["b"]


def test_filter_combo_narrows_rows_and_a_none_option_keeps_all(page: ListPage[Item]) -> None:
    """A filter option's predicate decides the rows; the 'all' option (None) keeps every row."""
    combo = page.add_filter("kindFilter", [("全部", None), ("党课", lambda r: r.kind == "党课")])
    combo.setCurrentIndex(1)
    assert shown(page) == ["a", "c"]
    combo.setCurrentIndex(0)
    assert shown(page) == ["a", "b", "c"]


def test_sort_uses_the_column_sort_key(page: ListPage[Item]) -> None:
    """Sorting 次数 orders by number (1, 3, 12), not by text ("1", "12", "3")."""
    page.model.sort(2, Qt.SortOrder.AscendingOrder)
    assert shown(page) == ["c", "a", "b"]


def test_update_rows_keeps_sort_filter_and_selection(page: ListPage[Item]) -> None:
    """A changed row moves to its place in the order; the selected row stays selected."""
    page.model.sort(2, Qt.SortOrder.AscendingOrder)
    assert page.select_id("a")
    page.update_rows([Item("c", "王五", "党课", 20), Item("d", "赵六", "党课", 2)])
    assert shown(page) == ["d", "a", "b", "c"]
    assert page.selected_ids() == ["a"]


def test_an_unsorted_list_with_a_natural_order_puts_a_new_row_in_its_place(page: ListPage[Item]) -> None:
    """No column sorted: without a natural order a new row goes last (as loaded); with one (a list read
    newest first), a new row takes its place in it, not the bottom."""
    page.update_rows([Item("d", "赵六", "党课", 7)])
    assert shown(page) == ["a", "b", "c", "d"]
    page.model.natural_key = lambda r: r.count
    page.model.natural_reverse = True
    page.update_rows([Item("e", "钱七", "党课", 99)])
    assert shown(page) == ["e", "b", "d", "a", "c"]


def test_remove_ids_drops_only_those_rows(page: ListPage[Item]) -> None:
    """Removing one id leaves the others in order; an unknown id changes nothing."""
    page.remove_ids({"b", "zzz"})
    assert shown(page) == ["a", "c"]


def test_removing_the_selected_row_selects_the_one_in_its_place(page: ListPage[Item]) -> None:
    """After a delete the next row is selected (the last when the last went), so Edit and Delete stay usable."""
    button = page.add_action("openButton", lambda: None, needs_selection=True)
    page.select_id("b")
    page.remove_ids({"b"})
    assert page.selected_ids() == ["c"] and button.isEnabled()
    page.remove_ids({"c"})
    assert page.selected_ids() == ["a"]
    page.remove_ids({"zzz"})
    assert page.selected_ids() == ["a"]


def test_selecting_by_id_while_ctrl_is_held_selects_that_row_alone(page: ListPage[Item], qtbot: QtBot) -> None:
    """The program selects a row (a list read again keeps what was shown) while the office holds Ctrl (Ctrl+S just
    pressed): the row stays selected, alone — it is not toggled off, or added to, as a Ctrl-click would."""
    page.show()
    page.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=WAIT_MS)
    assert page.select_id("a")
    QTest.keyPress(page.table, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        assert QGuiApplication.queryKeyboardModifiers() or QGuiApplication.keyboardModifiers()
        assert page.select_id("a") and page.selected_ids() == ["a"]
        assert page.select_id("b") and page.selected_ids() == ["b"]
        page.remove_ids({"b"})
        assert page.selected_ids() == ["c"]
    finally:
        QTest.keyRelease(page.table, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_enter_or_down_in_the_search_box_goes_to_the_first_row_found(
        page: ListPage[Item], qtbot: QtBot, key: Qt.Key) -> None:
    """Typed a name, then Enter or ↓: the search runs at once and the table has the focus on the first match."""
    type_into(qtbot, page, page.search, "wangwu")
    qtbot.keyClick(page.search, key)
    assert shown(page) == ["c"] and page.selected_ids() == ["c"]
    assert page.table.hasFocus()


def test_esc_clears_the_search_and_only_then_closes_the_dialog(page: ListPage[Item], qtbot: QtBot) -> None:
    """Esc in a search box with text: the text goes and every row is back, the dialog around it stays; Esc
    again, in the empty box, closes the dialog as Esc does."""
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(page)
    dialog.show()
    type_into(qtbot, page, page.search, "wangwu")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert shown(page) == ["c"]
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and dialog.isVisible()
    qtbot.waitUntil(lambda: len(shown(page)) == page.model.total, timeout=WAIT_MS)
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    page.setParent(None)  # the fixture's page outlives the dialog (qtbot closes each)


def test_action_needing_a_selection_is_enabled_only_with_one(page: ListPage[Item]) -> None:
    """An Open button is disabled until a row is selected."""
    button = page.add_action("openButton", lambda: None, needs_selection=True)
    assert not button.isEnabled()
    page.select_id("b")
    assert button.isEnabled()


def test_double_click_emits_the_row_id_once(page: ListPage[Item], qtbot: QtBot) -> None:
    """Opening a row with a double-click (as a mouse sends it: a click, then the double) reports its id, once."""
    page.model.sort(0, Qt.SortOrder.AscendingOrder)
    page.show()
    opened: list[str] = []
    page.activated.connect(opened.append)
    viewport = page.table.viewport()
    at = page.table.visualRect(page.model.index(page.model.row_of("b"), 0)).center()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    assert opened == ["b"]


def test_no_rows_shows_the_empty_state_and_a_hidden_match_says_so(page: ListPage[Item]) -> None:
    """No records: the empty panel with the page's text; records all hidden: the table and a note."""
    page.set_empty_text("还没有记录。点“新建”开始。")
    started: list[bool] = []
    button = page.set_empty_action("新建", lambda: started.append(True))
    page.set_rows([])
    assert page.stack.currentWidget() is page.empty
    assert page.empty.label.text() == "还没有记录。点“新建”开始。"
    button.click()
    assert started == [True]
    page.set_rows(ROWS)
    page.search.setText("不存在的")
    page.apply_filters()
    assert page.stack.currentWidget() is page.table
    assert not page.note.isHidden()


def test_an_empty_state_message_breaks_between_clauses(qtbot: QtBot) -> None:
    """A long Chinese message goes onto lines that end at its punctuation (Qt alone splits a word across two
    lines: 发给哪些支 / 部); one that fits, or English, is left as it is."""
    from PySide6.QtWidgets import QLabel

    from partydesk.gui.widgets.empty_state import broken_at_clauses

    label = QLabel()
    qtbot.addWidget(label)
    metrics = label.fontMetrics()
    text = "还没有通知。点“发布通知…”写好通知并选择发给哪些支部；通知随下次导出给各支部的数据包送达。"
    width = metrics.horizontalAdvance("汉") * 30
    lines = broken_at_clauses(text, metrics, width).split("\n")
    assert "".join(lines) == text and len(lines) == 2
    assert all(line[-1] in "。；，" for line in lines) and all(metrics.horizontalAdvance(x) <= width for x in lines)
    assert broken_at_clauses("还没有记录。点“新建”开始。", metrics, width) == "还没有记录。点“新建”开始。"
    english = "No notice yet. Write one and choose the branches it goes to; it goes down with the next package."
    assert broken_at_clauses(english, metrics, 100) == english


def test_a_stretching_column_takes_the_room_left_and_the_last_keeps_its_width(qtbot: QtBot) -> None:
    """学习内容 marked to stretch widens with the list; 来源 at the end stays as wide as it was sized."""
    from dataclasses import replace

    columns = [COLUMNS[0], replace(COLUMNS[1], stretch=True), COLUMNS[2]]
    widget: ListPage[Item] = ListPage(columns, row_id=lambda r: r.id, haystack=lambda r: r.name)
    qtbot.addWidget(widget)
    widget.set_rows(ROWS)
    widget.resize(900, 300)
    widget.show()
    qtbot.waitExposed(widget)
    header = widget.table.horizontalHeader()
    last = header.sectionSize(2)
    widget.resize(1300, 300)
    qtbot.waitUntil(lambda: header.sectionSize(1) > 500)
    assert header.sectionSize(2) == last and not header.stretchLastSection()


def test_tab_goes_through_the_bar_as_laid_out_then_into_the_table(page: ListPage[Item], qtbot: QtBot) -> None:
    """Search box → filters → buttons → table, as they sit on screen: the filters and buttons are made after the
    table, and Tab went from the search box into the table and only then up to the filters."""
    combo = page.add_filter("kindFilter", [("全部", None), ("甲", lambda r: r.kind == "甲")])
    button = page.add_action("addButton", lambda: None)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus)
    visited = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited[:2] == [combo, button] and visited[2] is page.table


@pytest.mark.parametrize("typed_elsewhere", [False, True])
def test_the_keyboard_goes_to_the_table_after_a_save_unless_the_person_went_on(
        page: ListPage[Item], qtbot: QtBot, typed_elsewhere: bool) -> None:
    """``take_keyboard`` as a dialog closes: a shown table takes the keyboard at once; an empty list (its note
    shown) gives it to the table when the first record comes, unless the person went on to type elsewhere in the
    meantime (into the search box here): the keyboard is not taken from under them."""
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.search.setFocus()
    page.take_keyboard()
    qtbot.waitUntil(lambda: page.table.hasFocus())
    page.set_rows([])
    page.search.setFocus()
    page.take_keyboard()  # the table hidden behind the note: it waits
    qtbot.wait(50)
    assert page.search.hasFocus()
    if typed_elsewhere:
        other = QLineEdit(page)
        other.show()
        other.setFocus()
        qtbot.waitUntil(other.hasFocus)
    page.set_rows(ROWS)
    assert page.table.hasFocus() is (not typed_elsewhere)
