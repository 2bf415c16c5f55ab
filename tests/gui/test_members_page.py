"""The members page: search with debounce, facets, count, remembered columns, masking, delete, empty state."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.idnumber import check_char
from partydesk.core.domain.member import MemberInput
from partydesk.core.services.audit import list_entries
from partydesk.core.services.members import add_member, roster
from partydesk.core.storage.tables import Member
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.member_delete import OTHER, MemberDeleteDialog
from partydesk.gui.languages import install_language
from partydesk.gui.models.roster_model import COLUMNS, column_index
from partydesk.gui.pages.members import MembersPage
from tests.gui.conftest import WAIT_MS, type_into


def make_id(birth: date, seq: int, region: str = "330106") -> str:
    """A valid 18-digit ID number for ``birth``; odd ``seq`` is male."""
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


def member(name: str, birth: date, seq: int, **extra: object) -> MemberInput:
    """A valid member input (正式党员 who joined at 25 and was confirmed a year later)."""
    joined = date(birth.year + 25, 7, 1)
    values: dict[str, object] = {
        "name": name, "id_number": make_id(birth, seq), "category": "正式党员", "joined_on": joined,
        "confirmed_on": date(joined.year + 1, 7, 1), "party_group": "第一党小组", "phone": "13812345678",
    }
    values.update(extra)
    return MemberInput(**values)  # type: ignore[arg-type]


ZHANG = member("张三", date(1980, 1, 1), 11, phone="13900001111")
LI = member("李四", date(1985, 5, 5), 22, category="预备党员", confirmed_on=None, joined_on=date(2026, 3, 1),
            party_group="第二党小组")
WANG = member("王五", date(1990, 2, 2), 33, lost_contact="是", lost_since=date(2025, 1, 5), lost_cause="外出务工经商")


def add_now(ctx: AppContext, *inputs: MemberInput) -> list[str]:
    """Save members on the DB lane, as the member form does (the runner publishes); their ids."""
    ids: list[str] = []
    for data in inputs:
        ctx.runner.submit(lambda _progress, data=data: add_member(ctx.db, ctx.actor, data=data),
                          on_done=lambda saved: ids.append(saved.member_id))
    assert ctx.runner.wait_idle(WAIT_MS)
    return ids


def open_page(qtbot: QtBot, ctx: AppContext) -> MembersPage:
    """The members page with its first load delivered."""
    page = MembersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    assert ctx.runner.wait_idle(WAIT_MS)
    return page


def names(page: MembersPage) -> list[str]:
    """The names shown in the roster, top to bottom."""
    column = column_index("name")
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> MembersPage:
    """A members page over three members."""
    add_now(ctx, ZHANG, LI, WANG)
    return open_page(qtbot, ctx)


@pytest.mark.parametrize("typed", ["zs", "zhangsan", "ZhangSan", "张"])
def test_pinyin_search_finds_zhang_san_after_the_debounce(qtbot: QtBot, page: MembersPage, typed: str) -> None:
    """Typing initials or full pinyin filters the roster to 张三 once typing pauses."""
    assert len(names(page)) == 3
    if typed.isascii():
        qtbot.keyClicks(page.search_edit, typed)
    else:
        # Chinese arrives from the input method as committed text, not as key presses.
        event = QInputMethodEvent()
        event.setCommitString(typed)
        QApplication.sendEvent(page.search_edit, event)
    assert len(names(page)) == 3, "no filtering while the debounce timer runs"
    qtbot.waitUntil(lambda: names(page) == ["张三"], timeout=WAIT_MS)
    assert page.count_label.text() == "在册 3 人，显示 1 人"


def test_digits_find_a_member_by_id_ending(qtbot: QtBot, page: MembersPage) -> None:
    """The last four characters of the ID number find its member; phone endings do too."""
    tail = make_id(date(1985, 5, 5), 22)[-4:]
    page.search_edit.setText(tail)
    qtbot.waitUntil(lambda: names(page) == ["李四"], timeout=WAIT_MS)
    page.search_edit.setText("1111")
    qtbot.waitUntil(lambda: names(page) == ["张三"], timeout=WAIT_MS)
    shown = page.export_scope()  # the export is offered the one shown, of the three on the roll
    assert shown is not None and len(shown[0]) == 1 and shown[1] == 3
    page.search_edit.setText("")
    qtbot.waitUntil(lambda: len(names(page)) == 3, timeout=WAIT_MS)
    assert page.export_scope() is None


def test_facet_filters_narrow_the_roster(page: MembersPage) -> None:
    """Each facet combo filters at once; Clear filters shows everyone again."""
    page.category_combo.setCurrentIndex(page.category_combo.findData("2"))
    assert names(page) == ["李四"]
    page.category_combo.setCurrentIndex(0)
    page.lost_combo.setCurrentIndex(page.lost_combo.findData(True))
    assert names(page) == ["王五"]
    page.lost_combo.setCurrentIndex(page.lost_combo.findData(False))
    assert sorted(names(page)) == ["张三", "李四"]
    page.group_combo.setCurrentIndex(page.group_combo.findData("第二党小组"))
    assert names(page) == ["李四"]
    assert page.count_label.text() == "在册 3 人，显示 1 人"
    page.clear_filters()
    assert len(names(page)) == 3
    assert page.count_label.text() == "在册 3 人，显示 3 人"


def test_party_group_facet_lists_the_groups_in_the_data(page: MembersPage) -> None:
    """The 党小组 filter offers exactly the groups members belong to."""
    combo = page.group_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部", "第一党小组", "第二党小组"]


def test_no_match_says_how_to_get_the_rows_back(qtbot: QtBot, page: MembersPage) -> None:
    """A search that finds nobody says so and how to see everyone again."""
    page.search_edit.setText("qqqq")
    page.apply_filter()
    assert names(page) == []
    assert "清除" in page.count_label.text()


def test_column_choice_is_remembered_for_the_next_page(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Hiding and showing columns from the menu survives building the page again."""
    assert "gender" in page.visible_columns()
    page.column_actions["gender"].setChecked(False)
    page.column_actions["address"].setChecked(True)
    assert page.view.isColumnHidden(column_index("gender"))
    again = open_page(qtbot, ctx)
    assert "gender" not in again.visible_columns()
    assert "address" in again.visible_columns()
    assert not again.column_actions["name"].isEnabled(), "the name column cannot be hidden"


def test_reveal_shows_full_numbers_and_masks_again(ctx: AppContext, page: MembersPage) -> None:
    """The roster opens masked; ticking the box audits a "reveal", then shows full numbers; unticking masks."""
    row = 0
    id_cell = page.model.index(row, column_index("id_number"))
    phone_cell = page.model.index(row, column_index("phone"))
    full = page.model.row_at(row).id_number  # type: ignore[union-attr]
    assert id_cell.data() == "*" * 14 + full[-4:]
    assert "****" in phone_cell.data()
    page.reveal_check.setChecked(True)
    assert id_cell.data() != full, "no full number on screen before the audit row is written"
    assert ctx.runner.wait_idle(WAIT_MS)
    assert id_cell.data() == full
    assert "****" not in phone_cell.data()
    entry = list_entries(ctx.db, ctx.actor, limit=1)[0]
    assert entry.action == "reveal" and set(entry.record_ids) == {r.id for r in page.model.all_rows()}
    assert full not in entry.summary
    page.reveal_check.setChecked(False)
    assert id_cell.data() != full


def test_delete_asks_for_a_reason_and_leaves_a_tombstone(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Del opens the confirmation; a reason is required; OK deletes and wipes the personal fields."""
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=WAIT_MS)
    assert page.select_member(_id_of(page, "王五"))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberDeleteDialog)
    assert "王五" in dialog.question.text()
    assert not dialog.ok_button().isEnabled(), "no reason chosen yet"
    dialog.set_reason(3)  # Other: needs an explanation
    assert not dialog.ok_button().isEnabled()
    dialog.set_reason(3, "测试删除")
    assert dialog.ok_button().isEnabled()
    wang_id = _id_of(page, "王五")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: sorted(names(page)) == ["张三", "李四"], timeout=WAIT_MS)
    with ctx.db.read() as session:
        stored = session.execute(select(Member).where(Member.id == wang_id)).scalar_one()
        assert stored.deleted and stored.name == "" and stored.id_number == ""
        assert stored.deleted_reason == "测试删除"
    # The member in the deleted one's place is selected: Edit and Delete go on from there.
    qtbot.waitUntil(lambda: page.selected_member_id() is not None, timeout=WAIT_MS)
    assert page.edit_button.isEnabled()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_enter_or_down_in_the_search_box_goes_to_the_first_member_found(
        qtbot: QtBot, page: MembersPage, key: Qt.Key) -> None:
    """Typed a name, then Enter or ↓: the roster is searched at once and has the focus on the first match."""
    type_into(qtbot, page, page.search_edit, "lisi")
    qtbot.keyClick(page.search_edit, key)
    assert names(page) == ["李四"] and page.selected_member_id() == _id_of(page, "李四")
    assert page.view.hasFocus()


def test_deleting_says_who_was_deleted_in_the_status_bar(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """After the delete, the status bar names the member, even when that member's page was opened before."""
    wang = _id_of(page, "王五")
    page.open_member(wang)
    assert ctx.runner.wait_idle(WAIT_MS)
    page.show_roster()  # the member page still holds 王五, hidden
    messages: list[str] = []
    ctx.hub.statusMessage.connect(messages.append)
    page.select_member(wang)
    page.delete_selected()
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberDeleteDialog)
    dialog.set_reason(0)
    dialog.accept()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)  # the reloads after the hub's change
    assert len(messages) == 1
    assert messages[0].startswith("已删除党员：王五") and "备份" in messages[0]  # says older backups keep it


def test_delete_dialog_grows_for_its_hint_instead_of_clipping(qtbot: QtBot, page: MembersPage) -> None:
    """Choosing 其他 shows "please explain" under the fields; the explanation above keeps its full height."""
    page.select_member(_id_of(page, "王五"))
    page.delete_selected()
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberDeleteDialog)
    qtbot.waitExposed(dialog)
    height = dialog.height()
    dialog.set_reason(OTHER)
    QApplication.processEvents()
    assert dialog.hint.isVisible()
    assert dialog.height() > height
    explanation = dialog.explanation
    assert explanation.height() >= explanation.heightForWidth(explanation.width())
    assert dialog.detail_edit.height() >= dialog.detail_edit.sizeHint().height()
    dialog.reject()


def test_tab_leaves_the_roster_for_the_next_control(qtbot: QtBot, page: MembersPage) -> None:
    """Tab in the roster moves to the next widget (not cell by cell forever); arrows still move rows."""
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=WAIT_MS)
    assert not page.view.tabKeyNavigation()
    page.select_member(page.model.row_at(0).id)  # type: ignore[union-attr]
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    assert page.view.currentIndex().row() == 1
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.view


def _shown_text_width(combo: QComboBox) -> int:
    """The width of the text area of ``combo`` (without the arrow and frame)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()


def test_party_group_facet_is_wide_enough_for_the_longest_group(qtbot: QtBot, page: MembersPage) -> None:
    """The 党小组 filter shows "第二党小组" in full: the combos size to their contents."""
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    combo = page.group_combo
    combo.setCurrentIndex(combo.findData("第二党小组"))
    QApplication.processEvents()
    assert _shown_text_width(combo) >= combo.fontMetrics().horizontalAdvance("第二党小组")
    for other in page._facet_combos():
        widest = max(other.fontMetrics().horizontalAdvance(other.itemText(i)) for i in range(other.count()))
        assert _shown_text_width(other) >= widest, other.objectName()


def test_column_widths_follow_the_language(qtbot: QtBot, ctx: AppContext, app: QApplication,
                                          page: MembersPage) -> None:
    """After switching to English, every header title fits its column ("Membership status", not "mbership sta")."""
    install_language(app, "en", ctx.hub)
    QApplication.processEvents()
    page.set_visible_columns([c.id for c in COLUMNS])  # hidden ones too, when shown later
    header = page.view.horizontalHeader()
    metrics = header.fontMetrics()
    for number in range(page.model.columnCount()):
        title = page.model.headerData(number, Qt.Orientation.Horizontal)
        assert header.sectionSize(number) >= metrics.horizontalAdvance(title), title
    assert page.model.headerData(column_index("membership_status"), Qt.Orientation.Horizontal) == "Membership status"


def test_cancelled_delete_deletes_nothing(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Cancel in the confirmation leaves the roster as it was."""
    page.select_member(_id_of(page, "张三"))
    page.delete_selected()
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberDeleteDialog)
    dialog.set_reason(0)
    dialog.reject()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert len(roster(ctx.db, LOCAL_USER)) == 3


def test_empty_roster_says_what_to_do_next(qtbot: QtBot, ctx: AppContext) -> None:
    """With no members the page shows how to add or import them, and Import emits importRequested."""
    page = open_page(qtbot, ctx)
    page.show()
    assert page.table_stack.currentWidget() is page.empty_panel
    assert page.empty_label.isVisible()
    assert "新增党员" in page.empty_label.text() and "导入" in page.empty_label.text()
    with qtbot.waitSignal(page.importRequested, timeout=1000):
        page.empty_import_button.click()
    with qtbot.waitSignal(page.exportRequested, timeout=1000):
        page.export_button.click()
    add_now(ctx, ZHANG)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert page.table_stack.currentWidget() is page.view
    assert names(page) == ["张三"]


def test_a_change_on_the_hub_reloads_and_keeps_the_search(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """A member added elsewhere appears, filtered by the search already typed."""
    page.search_edit.setText("zhang")
    page.apply_filter()
    assert names(page) == ["张三"]
    add_now(ctx, member("张伟", date(1975, 3, 3), 44))
    assert ctx.runner.wait_idle(WAIT_MS)
    assert sorted(names(page)) == ["张三", "张伟"]
    assert page.count_label.text() == "在册 4 人，显示 2 人"


def test_enter_opens_the_member_page_and_back_returns(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Enter on a row shows that member's page; Back returns to the roster with the row selected."""
    page.show()
    zhang = _id_of(page, "张三")
    page.select_member(zhang)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    detail = page.detail_page()
    assert page.stack.currentWidget() is detail
    assert ctx.runner.wait_idle(WAIT_MS)
    assert detail.name_label.text() == "张三"
    detail.back_button.click()
    assert page.stack.currentWidget() is page.roster_panel
    assert page.selected_member_id() == zhang


def test_header_click_sorts(qtbot: QtBot, page: MembersPage) -> None:
    """The first click on 出生日期 sorts oldest first (ascending dates), the second click youngest first."""
    header = page.view.horizontalHeader()
    page.show()
    assert names(page) == ["李四", "王五", "张三"]  # loaded in pinyin order, which is neither date order
    column = column_index("birth_date")
    pos = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos, header.height() // 2))
    assert names(page) == ["张三", "李四", "王五"]  # born 1980, 1985, 1990
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos, header.height() // 2))
    assert names(page) == ["王五", "李四", "张三"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def _id_of(page: MembersPage, name: str) -> str:
    return next(r.id for r in page.model.all_rows() if r.name == name)


def test_name_header_menu_sorts_by_surname_strokes(qtbot: QtBot, ctx: AppContext) -> None:
    """The 姓名 header's menu offers 按姓氏笔画; choosing it sorts the roster by surname strokes."""
    add_now(ctx, ZHANG, LI, WANG)
    page = open_page(qtbot, ctx)
    menu = page.name_order_menu()
    texts = [action.text() for action in menu.actions()]
    assert texts[:2] == ["姓名按拼音排序", "姓名按姓氏笔画排序"]
    menu.actions()[1].trigger()
    assert names(page) == ["王五", "李四", "张三"]  # 4, 7 and 7 strokes; 李 li before 张 zhang
    assert page.view.horizontalHeader().sortIndicatorSection() == column_index("name")
    menu.close()


def test_members_in_no_party_group_can_be_listed(qtbot: QtBot, ctx: AppContext) -> None:
    """A member placed in no 党小组 (after an import, say): the filter offers （未编入党小组） and lists just them."""
    add_now(ctx, ZHANG, member("赵六", date(1975, 3, 3), 44, party_group=""))
    page = open_page(qtbot, ctx)
    combo = page.group_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部", "第一党小组", "（未编入党小组）"]
    combo.setCurrentIndex(combo.findText("（未编入党小组）"))
    assert names(page) == ["赵六"]


def test_the_roster_is_worked_from_the_keyboard(qtbot: QtBot, page: MembersPage) -> None:
    """Ctrl+F goes to the search box and Esc there empties it; F2 edits the selected member, and when the
    form closes the keyboard is back on the roster; Ctrl+N adds a member; on a member's page Alt+Left (or Esc)
    goes back to the roster."""
    from PySide6.QtGui import QKeySequence

    from partydesk.gui.dialogs.member_edit import MemberEditDialog

    page.show()
    page.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=WAIT_MS)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search_edit
    qtbot.keyClicks(page.search_edit, "zs")
    qtbot.waitUntil(lambda: names(page) == ["张三"], timeout=WAIT_MS)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""
    qtbot.waitUntil(lambda: len(names(page)) == 3, timeout=WAIT_MS)

    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog) and dialog.record is not None
    dialog.reject()
    page.edit_button.setFocus()  # as after a click on 编辑: closing the form puts the keyboard on the rows
    page.edit_button.click()
    qtbot.waitUntil(lambda: isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
    page.current_dialog().reject()  # type: ignore[union-attr]
    # The window's keyboard focus is on the roster (the offscreen platform does not reactivate it).
    qtbot.waitUntil(lambda: page.window().focusWidget() is page.view, timeout=WAIT_MS)
    page.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=WAIT_MS)

    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog) and dialog.record is None
    dialog.reject()

    page.open_selected()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page._detail, timeout=WAIT_MS)
    detail = page.detail_page()
    detail.back_button.setFocus()
    qtbot.keySequence(detail, QKeySequence(QKeySequence.StandardKey.Back))
    assert page.stack.currentWidget() is page.roster_panel


def test_usual_values_show_whole_in_default_columns_at_1366(qtbot: QtBot, ctx: AppContext) -> None:
    """At 1366 px (the page gets about 1230 beside the navigation) the default columns fit without a sideways
    scroll, and the longer 学历 that offices record (省(区、市)委党校大学), full phone numbers and dates show whole."""
    add_now(ctx, member("赵党校", date(1980, 1, 1), 11, education="省(区、市)委党校大学", phone="13800138000"))
    page = open_page(qtbot, ctx)
    page.resize(1230, 700)
    page.show()
    qtbot.waitExposed(page)
    view = page.view
    assert view.horizontalScrollBar().maximum() == 0
    metrics, padding = view.fontMetrics(), 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 2
    for column, text in (("education", "省(区、市)委党校大学"), ("phone", "13800138000"), ("birth_date", "1980-01-01"),
                         ("joined_on", "2005-07-01"), ("id_number", "33010619800101011X")):
        assert view.columnWidth(column_index(column)) >= metrics.horizontalAdvance(text) + padding, column


def test_the_name_column_is_wide_enough_for_the_longest_name(qtbot: QtBot, ctx: AppContext) -> None:
    """A minority name of ten characters is shown whole, on opening and when such a member is added later;
    before, the column held five and cut it."""
    add_now(ctx, ZHANG, member("阿卜杜热合曼·买买提", date(1975, 3, 3), 55))
    page = open_page(qtbot, ctx)
    header = page.view.horizontalHeader()
    column = column_index("name")
    needed = page.view.fontMetrics().horizontalAdvance("阿卜杜热合曼·买买提")
    assert header.sectionSize(column) >= needed
    add_now(ctx, member("买买提艾力·阿不都热依木", date(1976, 4, 4), 57))
    qtbot.waitUntil(lambda: "买买提艾力·阿不都热依木" in names(page), timeout=WAIT_MS)
    wider = page.view.fontMetrics().horizontalAdvance("买买提艾力·阿不都热依")  # (capped at twelve)
    assert header.sectionSize(column) >= wider


def test_a_workbench_bar_shows_its_members_whatever_was_searched_and_a_new_search_sees_everyone(
        qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """A bar clicked on the workbench after a search shows exactly its members (the old search and facets are
    gone, not silently added to it); typing a new search, or choosing a facet, looks through the whole roll."""
    install_language(QApplication.instance(), "zh_CN", ctx.hub)  # type: ignore[arg-type]
    ids = {row.name: row.id for row in roster(ctx.db, ctx.actor)}
    page.search_edit.setText("ls")
    page.category_combo.setCurrentIndex(page.category_combo.findData("2"))
    page.apply_filter()
    assert names(page) == ["李四"]
    page.show_only(frozenset({ids["张三"], ids["王五"]}), "10–19年")
    assert sorted(names(page)) == ["张三", "王五"]
    assert page.search_edit.text() == "" and page.category_combo.currentIndex() == 0
    assert page.count_label.text() == "10–19年：共 2 人"
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "ls")
    qtbot.waitUntil(lambda: names(page) == ["李四"], timeout=WAIT_MS)  # not within the bar's two
    assert page.count_label.text() == "在册 3 人，显示 1 人"
    page.show_only(frozenset({ids["张三"]}), "10–19年")
    assert names(page) == ["张三"]
    page.lost_combo.activated.emit(0)  # a facet chosen (“全部”): the whole roll again
    assert len(names(page)) == 3


def test_the_part_of_the_roster_shown_is_put_in_the_filters_words(page: MembersPage) -> None:
    """For the title of a part exported: nothing for the roll as it opens; the group and the category chosen and
    the search, in the words the filters show."""
    from partydesk.gui.pages.roster_facets import scope_words

    assert scope_words(page) == ""
    page.group_combo.setCurrentIndex(page.group_combo.findData("第二党小组"))
    page.category_combo.setCurrentIndex(page.category_combo.findData("2"))
    page.search_edit.setText("李")
    assert scope_words(page) == "预备党员、第二党小组、搜索“李”"


def test_the_window_s_export_passes_the_part_shown_on(qtbot: QtBot, ctx: AppContext,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """导出… on the window's roster narrowed to 第二党小组: the export is given the members shown and its words."""
    from partydesk.gui.dialogs import roster_export
    from partydesk.gui.mainwindow import MainWindow

    add_now(ctx, ZHANG, LI, WANG)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    members_page = window.show_page("members")
    assert isinstance(members_page, MembersPage)
    qtbot.waitUntil(lambda: members_page.model.rowCount() == 3, timeout=WAIT_MS)
    members_page.group_combo.setCurrentIndex(members_page.group_combo.findData("第二党小组"))
    asked: list[dict[str, object]] = []
    monkeypatch.setattr(roster_export, "export_roster_dialog", lambda *_a, **kw: asked.append(kw))
    members_page.export_button.click()
    assert len(asked) == 1 and asked[0]["part"] == "第二党小组"
    shown = asked[0]["shown"]
    assert isinstance(shown, tuple) and len(shown[0]) == 1
