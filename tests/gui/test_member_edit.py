"""The member form: the core's messages beside their fields, nothing saved on error, warnings confirmed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.members import get_member, roster
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.member_edit import MemberEditDialog
from partydesk.gui.pages.members import MembersPage
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import ZHANG, add_now, make_id, names, open_page
from tests.gui.test_screen_room import assert_seen_whole

pytestmark = pytest.mark.discard_question  # these tests answer the real "discard?" question themselves

GOOD_ID = make_id(date(1980, 1, 1), 11)
# The same number with a wrong check character.
BAD_ID = GOOD_ID[:-1] + ("1" if GOOD_ID[-1] != "1" else "2")


def _choose(combo: object, text: str) -> None:
    index = combo.findText(text)  # type: ignore[attr-defined]
    assert index >= 0, text
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def fill(dialog: MemberEditDialog, *, name: str = "张三", id_number: str = GOOD_ID, category: str = "正式党员",
         joined: str = "2005-07-01", confirmed: str = "2006-07-01") -> None:
    """Type a member into the form the way a user would."""
    ui = dialog.ui
    ui.nameEdit.setText(name)
    ui.idNumberEdit.setText(id_number)
    _choose(ui.categoryCombo, category)
    ui.joinedOnEdit.setText(joined)
    ui.confirmedOnEdit.setText(confirmed)
    ui.phoneEdit.setText("138 1234 5678")
    ui.partyGroupCombo.setCurrentText("第一党小组")


def closed(dialog: MemberEditDialog) -> bool:
    """Whether the dialog has gone (it deletes itself on close)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def save(qtbot: QtBot, ctx: AppContext, dialog: MemberEditDialog) -> None:
    """Click Save and wait for the DB lane."""
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    assert ctx.runner.wait_idle(WAIT_MS)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext) -> MembersPage:
    """An empty members page."""
    return open_page(qtbot, ctx)


def _add_dialog(page: MembersPage) -> MemberEditDialog:
    page.add_member()
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog)
    return dialog


def _edit_dialog(ctx: AppContext, page: MembersPage) -> MemberEditDialog:
    """张三 added, chosen in the roster and opened with 编辑."""
    (member_id,) = add_now(ctx, ZHANG)
    assert ctx.runner.wait_idle(WAIT_MS)
    page.select_member(member_id)
    page.edit_selected()
    assert ctx.runner.wait_idle(WAIT_MS)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog)
    return dialog


def test_bad_id_shows_the_checksum_message_beside_the_field_and_saves_nothing(
    qtbot: QtBot, ctx: AppContext, page: MembersPage,
) -> None:
    """A wrong check character is reported under the ID field and in the summary; the roster stays empty."""
    dialog = _add_dialog(page)
    dialog.show()
    fill(dialog, id_number=BAD_ID)
    save(qtbot, ctx, dialog)
    assert not closed(dialog)
    assert "校验位错误" in dialog.field_message("id_number")
    assert dialog.field_message("name") == ""
    assert dialog.field_message("gender") == "", "gender follows from a valid ID; one message is enough"
    assert "公民身份号码" in dialog.summary()
    assert dialog.summary().startswith("未保存")
    assert roster(ctx.db, LOCAL_USER) == []
    assert names(page) == []
    dialog.ui.idNumberEdit.clear()
    dialog.ui.idNumberEdit.insert(GOOD_ID)  # typed right: the message and the summary naming it go
    assert dialog.field_message("id_number") == "" and dialog.summary() == ""


def test_several_errors_are_all_shown(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Every field the core rejects gets its own message; the first one gets the focus."""
    dialog = _add_dialog(page)
    dialog.show()
    fill(dialog, name="张3", joined="2005-13-01", confirmed="")
    save(qtbot, ctx, dialog)
    assert "数字" in dialog.field_message("name")
    assert "入党日期" in dialog.field_message("joined_on")
    assert roster(ctx.db, LOCAL_USER) == []


def test_messages_do_not_make_the_form_scroll_sideways(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Messages under four fields lengthen the form until its vertical scroll bar appears; the narrower view
    still holds the whole width (a message wrapped at a stretched field's width used to hold the form a
    few pixels wider, leaving a sideways scroll bar under it)."""
    dialog = _add_dialog(page)
    dialog.show()
    bar = dialog.ui.scrollArea.horizontalScrollBar()
    assert bar.maximum() == 0
    fill(dialog, name="张3", id_number=BAD_ID, joined="2005-13-01", confirmed="")
    save(qtbot, ctx, dialog)
    assert dialog.field_message("id_number") and dialog.field_message("confirmed_on")
    dialog.ui.scrollArea.widget().layout().activate()
    qtbot.waitUntil(lambda: dialog.ui.scrollArea.verticalScrollBar().maximum() > 0)
    assert bar.maximum() == 0


def test_a_fixed_field_loses_its_message(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Typing in a field with an error clears that field's line; the other field's line stays."""
    dialog = _add_dialog(page)
    dialog.show()
    fill(dialog, name="张3", joined="2005-13-01", confirmed="")
    save(qtbot, ctx, dialog)
    assert dialog.field_message("name") and dialog.field_message("joined_on")
    dialog.ui.nameEdit.setFocus()
    dialog.ui.nameEdit.end(False)
    qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Backspace)  # the digit goes: a person's edit
    assert dialog.ui.nameEdit.text() == "张"
    assert dialog.field_message("name") == ""
    assert "入党日期" in dialog.field_message("joined_on")


def test_the_form_stays_still_while_messages_are_fixed(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Fixing a field does not slide the fields below it: the line keeps its place, empty, until the next Save
    (the summary at the top too), so a click aimed at the next field lands on it."""
    dialog = _add_dialog(page)
    dialog.show()
    fill(dialog, name="张3", id_number=BAD_ID)
    save(qtbot, ctx, dialog)
    assert dialog.field_message("name") and dialog.field_message("id_number") and dialog.summary()
    below = dialog.ui.phoneEdit
    place = below.mapTo(dialog, below.rect().topLeft())
    for edit in (dialog.ui.nameEdit, dialog.ui.idNumberEdit):
        edit.setFocus()
        edit.end(False)
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        QApplication.processEvents()
        assert below.mapTo(dialog, below.rect().topLeft()) == place
    assert dialog.field_message("name") == dialog.field_message("id_number") == dialog.summary() == ""
    dialog.ui.nameEdit.setText("张三")
    dialog.ui.idNumberEdit.setText(GOOD_ID)
    save(qtbot, ctx, dialog)  # a clean save closes the form
    assert closed(dialog)


def test_valid_member_saves_and_appears_in_the_roster(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """OK with good data closes the form; the new member is listed and selected."""
    dialog = _add_dialog(page)
    assert dialog.windowTitle() == "新增党员"
    fill(dialog)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        save(qtbot, ctx, dialog)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert names(page) == ["张三"]
    assert page.selected_member_id() is not None
    stored = roster(ctx.db, LOCAL_USER)[0]
    assert stored.phone == "13812345678"
    assert stored.gender == "1"  # taken from the ID number
    assert stored.birth_date == date(1980, 1, 1)


def test_a_member_added_while_a_to_do_s_list_is_shown_is_shown_and_selected(
        qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """The roster narrowed to a to-do's members (opened from the workbench): a new member saved there is not
    hidden by it; the filters are cleared, the member selected, and the status bar says why."""
    (member_id,) = add_now(ctx, ZHANG)
    page.show_only(frozenset({member_id}), "谈心谈话")
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    dialog = _add_dialog(page)
    fill(dialog, name="曹永刚", id_number=make_id(date(1975, 3, 2), 31))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        save(qtbot, ctx, dialog)
    qtbot.waitUntil(lambda: page.selected_row() is not None and page.selected_row().name == "曹永刚",  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    assert sorted(names(page)) == sorted(["张三", "曹永刚"]) and page.model.only is None
    assert any("筛选" in text for text in said)


def test_editing_changes_a_field(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Edit opens the form filled in; a changed work unit is saved to the same member."""
    dialog = _edit_dialog(ctx, page)
    member_id = dialog.record.id if dialog.record is not None else ""
    assert dialog.ui.nameEdit.text() == "张三"
    assert dialog.ui.idNumberEdit.text() == ZHANG.id_number
    assert dialog.ui.categoryCombo.currentText() == "正式党员"
    dialog.ui.workUnitEdit.setText("幸福社区居委会")
    save(qtbot, ctx, dialog)
    assert closed(dialog)
    record = get_member(ctx.db, LOCAL_USER, member_id)
    assert record is not None and record.data.work_unit == "幸福社区居委会"
    assert len(roster(ctx.db, LOCAL_USER)) == 1


def test_warnings_are_shown_and_can_be_accepted(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """A 转正 date far from the usual probation is a warning: nothing is saved until "Save anyway"."""
    dialog = _add_dialog(page)
    fill(dialog, joined="2005-07-01", confirmed="2009-07-01")
    save(qtbot, ctx, dialog)
    assert not closed(dialog)
    assert "请核对" in dialog.field_message("confirmed_on")
    assert dialog.awaiting_confirmation
    assert dialog.save_button().text() == "仍然保存"
    assert roster(ctx.db, LOCAL_USER) == []
    save(qtbot, ctx, dialog)
    assert closed(dialog)
    assert len(roster(ctx.db, LOCAL_USER)) == 1


def test_an_edit_after_a_warning_asks_again(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Changing the form after the warning turns "Save anyway" back into Save."""
    dialog = _add_dialog(page)
    fill(dialog, confirmed="2009-07-01")
    save(qtbot, ctx, dialog)
    assert dialog.awaiting_confirmation
    dialog.ui.nameEdit.setText("张四")
    dialog.ui.nameEdit.textEdited.emit("张四")
    assert not dialog.awaiting_confirmation
    assert dialog.save_button().text() == "保存"


def test_lost_contact_details_follow_the_check_box(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Lost-contact fields are greyed until ticked, then saved with the member (as an event)."""
    dialog = _add_dialog(page)
    fill(dialog)
    assert not dialog.ui.lostSinceEdit.isEnabled()
    dialog.ui.lostContactCheck.setChecked(True)
    assert dialog.ui.lostSinceEdit.isEnabled()
    dialog.ui.lostSinceEdit.setText("2025年1月5日")
    _choose(dialog.ui.lostCauseCombo, "外出务工经商")
    save(qtbot, ctx, dialog)
    stored = roster(ctx.db, LOCAL_USER)[0]
    assert stored.lost_contact and stored.lost_since == date(2025, 1, 5) and stored.lost_cause == "1"


def on_next_question(act: Callable[[QMessageBox], None], *, patience_ms: int = 10_000) -> None:
    """Run ``act`` on the next modal message box once it shows. Gives up after ``patience_ms`` (the test then
    fails on what it expected), so it never acts on a later test's box."""
    tries = [patience_ms // 10]

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(10, look)
            return
        act(box)

    QTimer.singleShot(0, look)


def answer_question(button: str, seen: list[str]) -> None:
    """Click ``button`` (an object name) in the next modal message box; its text goes into ``seen``."""

    def click(box: QMessageBox) -> None:
        seen.append(box.text())
        target = box.findChild(QPushButton, button)
        assert target is not None, [b.objectName() for b in box.buttons()]
        target.click()

    on_next_question(click)


def press_enter_in_question(qtbot: QtBot, seen: list[str], what: Callable[[QMessageBox], str]) -> None:
    """Press Enter in the next modal message box (its default answer); ``what`` of it goes into ``seen``."""

    def enter(box: QMessageBox) -> None:
        seen.append(what(box))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    on_next_question(enter)


def no_question_expected(seen: list[str]) -> QTimer:
    """A safety net: a message box that should not appear is recorded and closed (instead of hanging)."""

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.findChild(QPushButton, "keepEditingButton").click()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(close)
    timer.start()
    return timer


def test_cancel_saves_nothing(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Cancel on a filled form asks first; Discard closes the form and writes nothing."""
    dialog = _add_dialog(page)
    fill(dialog)
    seen: list[str] = []
    answer_question("discardButton", seen)
    dialog.reject()
    assert seen == ["放弃尚未保存的修改吗？"]
    assert closed(dialog)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert roster(ctx.db, LOCAL_USER) == []


def test_esc_on_a_changed_form_asks_and_keep_editing_keeps_the_data(
    qtbot: QtBot, ctx: AppContext, page: MembersPage,
) -> None:
    """Esc with typed data asks "放弃尚未保存的修改？"; 继续编辑 (the default) keeps the form and what was typed."""
    dialog = _edit_dialog(ctx, page)
    assert dialog.record is not None
    member_id = dialog.record.id
    qtbot.waitExposed(dialog)
    dialog.ui.addressEdit.setText("示范市幸福南路8号")
    assert dialog.has_unsaved_changes()
    seen: list[str] = []
    # Enter takes the default answer, which must be 继续编辑
    press_enter_in_question(qtbot, seen, lambda box: box.defaultButton().objectName())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seen == ["keepEditingButton"]
    assert dialog.isVisible()
    assert dialog.ui.addressEdit.text() == "示范市幸福南路8号"
    answer_question("discardButton", seen)
    dialog.reject()
    assert closed(dialog)
    assert ctx.runner.wait_idle(WAIT_MS)
    stored = get_member(ctx.db, LOCAL_USER, member_id)
    assert stored is not None and stored.data.address != "示范市幸福南路8号"


def test_cancel_on_an_untouched_form_closes_without_asking(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Nothing typed (new or opened on a member): Cancel just closes; a change undone by hand counts as none."""
    (member_id,) = add_now(ctx, ZHANG)
    assert ctx.runner.wait_idle(WAIT_MS)
    seen: list[str] = []
    net = no_question_expected(seen)
    try:
        dialog = _add_dialog(page)
        dialog.reject()
        assert closed(dialog)
        page.select_member(member_id)
        page.edit_selected()
        assert ctx.runner.wait_idle(WAIT_MS)
        dialog = page.current_dialog()
        assert isinstance(dialog, MemberEditDialog)
        old = dialog.ui.addressEdit.text()
        dialog.ui.addressEdit.setText("别处")
        dialog.ui.addressEdit.setText(old)
        assert not dialog.has_unsaved_changes()
        dialog.reject()
        assert closed(dialog)
    finally:
        net.stop()
    assert seen == []


def test_form_fits_a_1366x768_screen(page: MembersPage) -> None:
    """The form can shrink to a 1366×768 screen with its taskbar (the scroll area shows the rest)."""
    dialog = _add_dialog(page)
    dialog.show()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728 - 40
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()


def test_form_and_its_buttons_stay_in_view_above_the_taskbar(qtbot: QtBot, ctx: AppContext,
                                                              page: MembersPage) -> None:
    """Opened, and after Save found errors, the form with its title bar lies inside the screen above the
    taskbar (one assumed where the platform declares none), 保存/取消 in view; the fields scroll instead (it
    used to take all but three lines of the screen's height, its buttons under a 1366×768 screen's taskbar)."""
    dialog = _add_dialog(page)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_seen_whole(dialog)
    fill(dialog, name="张3", id_number=BAD_ID, joined="2005-13-01", confirmed="")
    save(qtbot, ctx, dialog)
    assert dialog.summary() and dialog.field_message("id_number")
    QApplication.processEvents()
    assert_seen_whole(dialog)
    assert dialog.ui.scrollArea.verticalScrollBar().maximum() > 0


def test_a_probationary_member_in_a_committee_post_is_asked_about(qtbot: QtBot, ctx: AppContext,
                                                                   page: MembersPage) -> None:
    """预备党员 have no right to be elected: 组织委员 for one is shown beside the post and saved only when confirmed."""
    dialog = _add_dialog(page)
    fill(dialog, category="预备党员", joined="2026-06-01", confirmed="")
    _choose(dialog.ui.partyPostCombo, "组织委员")
    save(qtbot, ctx, dialog)
    assert not closed(dialog) and dialog.awaiting_confirmation
    assert "预备党员没有被选举权" in dialog.field_message("party_post").replace("\n", "")
    assert roster(ctx.db, LOCAL_USER) == []


def _draft_files(ctx: AppContext) -> list[str]:
    from partydesk.core import drafts

    folder = drafts.drafts_dir(ctx.db.path)
    return sorted(p.name for p in folder.glob(f"{drafts.MEMBER}*.json")) if folder.is_dir() else []


def test_a_member_being_typed_survives_a_power_cut(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """A second after typing, the form is kept as a draft; the program cut off (the dialog gone without Save or
    Cancel) and the member opened again: a bar offers the typing back and 恢复 puts it in. Saving removes the
    draft; so does 取消 with the typing thrown away; 丢弃 on the bar removes the old one."""
    from partydesk.gui.dialogs import member_edit_drafts

    [zhang] = add_now(ctx, ZHANG)
    assert page.select_member(zhang)
    page.edit_selected()
    qtbot.waitUntil(lambda: isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog) and dialog.drafts.bar is None
    dialog.ui.addressEdit.selectAll()
    dialog.ui.addressEdit.insert("示范市幸福南路8号")  # typed (as textEdited says)
    dialog.ui.notesEdit.setPlainText("调入手续办理中")
    qtbot.waitUntil(lambda: _draft_files(ctx) == [f"member-{zhang}.json"],
                    timeout=member_edit_drafts.DRAFT_DELAY_MS + WAIT_MS)
    dialog.drafts.timer.stop()
    QDialog.done(dialog, 0)  # the power cut, as far as the draft knows: neither Save nor Cancel ran
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT_MS)

    page.edit_selected()
    qtbot.waitUntil(lambda: page.current_dialog() is not dialog
                    and isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
    again = page.current_dialog()
    assert isinstance(again, MemberEditDialog) and again.drafts.bar is not None
    assert "没有保存" in again.drafts.bar_label.text() and again.ui.addressEdit.text() != "示范市幸福南路8号"
    again.drafts.restore()
    assert again.ui.addressEdit.text() == "示范市幸福南路8号"
    assert again.ui.notesEdit.toPlainText() == "调入手续办理中" and again.has_unsaved_changes()
    assert again.drafts.bar.isHidden()
    save(qtbot, ctx, again)
    qtbot.waitUntil(lambda: _draft_files(ctx) == [], timeout=WAIT_MS)
    stored = get_member(ctx.db, LOCAL_USER, zhang)
    assert stored is not None and stored.data.address == "示范市幸福南路8号"

    page.add_member()  # a new member typed, then thrown away on purpose: no draft is left to offer
    new = page.current_dialog()
    assert isinstance(new, MemberEditDialog) and new.drafts.bar is None
    new.ui.nameEdit.setText("李四")
    new.drafts.save()
    qtbot.waitUntil(lambda: len(_draft_files(ctx)) == 1, timeout=WAIT_MS)
    QTimer.singleShot(0, lambda: _answer_discard(new))
    new.reject()
    qtbot.waitUntil(lambda: _draft_files(ctx) == [], timeout=WAIT_MS)


def _answer_discard(dialog: MemberEditDialog) -> None:
    """Press the discard answer of the "throw the typing away?" question on screen."""
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            for button in box.buttons():
                if box.buttonRole(button) in (QMessageBox.ButtonRole.DestructiveRole, QMessageBox.ButtonRole.AcceptRole,
                                              QMessageBox.ButtonRole.YesRole):
                    button.click()
                    return


def test_ctrl_s_saves_the_member_form(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """Ctrl+S in the member form saves it, as 保存 does."""
    dialog = _add_dialog(page)
    fill(dialog)
    dialog.show()
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    dialog.ui.nameEdit.setFocus()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert names(page) == ["张三"]


def test_cancel_with_a_draft_offered_and_not_chosen_keeps_the_draft(
        qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """The bar offers typing lost to a power cut; the office closes the form without choosing 恢复 or 丢弃: the
    draft stays, offered again next time (Cancel used to throw it away unasked). 丢弃 then removes it."""
    from partydesk.gui.dialogs import member_edit_drafts

    [zhang] = add_now(ctx, ZHANG)
    assert page.select_member(zhang)
    page.edit_selected()
    qtbot.waitUntil(lambda: isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog)
    dialog.ui.addressEdit.selectAll()
    dialog.ui.addressEdit.insert("示范市幸福南路8号")
    qtbot.waitUntil(lambda: _draft_files(ctx) == [f"member-{zhang}.json"],
                    timeout=member_edit_drafts.DRAFT_DELAY_MS + WAIT_MS)
    dialog.drafts.timer.stop()
    QDialog.done(dialog, 0)  # the power cut
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT_MS)
    previous: object = dialog

    def opened() -> MemberEditDialog:
        page.edit_selected()
        qtbot.waitUntil(lambda: page.current_dialog() is not previous
                        and isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
        found = page.current_dialog()
        assert isinstance(found, MemberEditDialog)
        return found

    for _visit in range(2):
        again = opened()
        assert again.drafts.bar is not None, "offered (again)"
        again.reject()  # 取消, nothing typed, the bar left alone
        assert ctx.runner.wait_idle(WAIT_MS)
        qtbot.waitUntil(lambda again=again: not shiboken6.isValid(again), timeout=WAIT_MS)
        assert _draft_files(ctx) == [f"member-{zhang}.json"]
        previous = again
    last = opened()
    last.drafts.drop_offered()
    qtbot.waitUntil(lambda: _draft_files(ctx) == [], timeout=WAIT_MS)
    last.reject()


def test_the_form_opens_with_the_cursor_in_the_name(qtbot: QtBot, ctx: AppContext, page: MembersPage) -> None:
    """新增 (Ctrl+N) and 编辑 (F2) open with typing going into 姓名 at once, not nowhere or onto a button."""
    dialog = _add_dialog(page)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.ui.nameEdit, timeout=WAIT_MS)
    dialog.reject()
    editing = _edit_dialog(ctx, page)
    assert editing is not dialog
    editing.activateWindow()
    qtbot.waitUntil(lambda: editing.focusWidget() is editing.ui.nameEdit, timeout=WAIT_MS)
