"""The one date field: dates typed as offices write them, through the real dialogs, and nothing wrong saved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member_events import EventKind
from partydesk.core.services.members import get_member, member_events, roster
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.member_edit import MemberEditDialog
from partydesk.gui.dialogs.member_event import MemberEventDialog
from partydesk.gui.widgets.date_field import DateField
from tests.gui.conftest import WAIT_MS
from tests.gui.test_member_edit import fill
from tests.gui.test_members_page import ZHANG, add_now

TODAY = date(2026, 11, 30)
# The offscreen platform cannot raise a popup or let it grab the keyboard; a real screen can.
POPUP_LIMITS = pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")
TYPED = ["2019.3.5", "2019年3月5日", "20190305", "2019-3-5", "2019/03/05"]


def shown_active(qtbot: QtBot, dialog: QWidget) -> None:
    """Show ``dialog`` as the active window, so focus and Tab behave as on a desktop."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace the field's text by keystrokes; Chinese characters arrive as an input method commits them."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def lost_dates(ctx: AppContext, member_id: str) -> list[date | None]:
    """The dates of the member's 失去联系 events."""
    return [e.on_date for e in member_events(ctx.db, LOCAL_USER, member_id) if e.kind is EventKind.LOST]


@pytest.fixture
def event_dialog(qtbot: QtBot, ctx: AppContext) -> tuple[MemberEventDialog, str]:
    """记录变动 for 张三, 失去联系 chosen, shown."""
    (zhang,) = add_now(ctx, ZHANG)
    dialog = MemberEventDialog(ctx, zhang, "张三", today=TODAY)
    qtbot.addWidget(dialog)
    shown_active(qtbot, dialog)
    dialog.set_kind(EventKind.LOST)
    return dialog, zhang


@pytest.mark.parametrize("typed", TYPED)
def test_event_date_typed_as_offices_write_it_is_saved(
    qtbot: QtBot, ctx: AppContext, event_dialog: tuple[MemberEventDialog, str], typed: str,
) -> None:
    """记录变动: a typed date keeps its year; it is shown back in full on leaving the field and saved as typed."""
    dialog, zhang = event_dialog
    type_into(qtbot, dialog.date_edit, typed)
    assert dialog.date_edit.text() == typed
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Tab)
    assert dialog.date_edit.text() == "2019年03月05日"
    assert dialog.error_text() == ""
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert lost_dates(ctx, zhang) == [date(2019, 3, 5)]


@pytest.mark.parametrize(("typed", "message"), [
    ("2019-02-30", "日期“2019-02-30”不存在"),
    ("2019.3", "日期只写到月，请补全日"),
    ("2019年3月", "日期只写到月，请补全日"),
    ("2019", "日期只写到年，请补全月和日"),
    ("19.3.5", "年份必须写满 4 位"),
    ("", "请填写日期"),
])
def test_event_date_that_is_no_date_is_named_and_nothing_is_saved(
    qtbot: QtBot, ctx: AppContext, event_dialog: tuple[MemberEventDialog, str], typed: str, message: str,
) -> None:
    """An impossible, incomplete, short-year or missing date is named beside the field; Save records nothing."""
    dialog, zhang = event_dialog
    type_into(qtbot, dialog.date_edit, typed)
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Tab)
    assert message in dialog.date_error.text() and dialog.date_error.isVisible()
    assert dialog.date_edit.text() == typed, "the typed text stays to be corrected"
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert message in dialog.error_text()
    assert dialog.isVisible()
    assert lost_dates(ctx, zhang) == []
    type_into(qtbot, dialog.date_edit, "2019.3.5")
    assert dialog.error_text() == "", "the message goes as soon as the date is corrected"
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert lost_dates(ctx, zhang) == [date(2019, 3, 5)]


def test_save_straight_after_typing_checks_the_date(
    qtbot: QtBot, ctx: AppContext, event_dialog: tuple[MemberEventDialog, str],
) -> None:
    """Enter right after typing an incomplete date (no Tab first) records nothing and names the problem."""
    dialog, zhang = event_dialog
    type_into(qtbot, dialog.date_edit, "2019.3")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert "日期只写到月，请补全日" in dialog.error_text()
    assert lost_dates(ctx, zhang) == []


@POPUP_LIMITS
def test_calendar_opens_from_the_keyboard_and_enter_picks_the_day(
    qtbot: QtBot, ctx: AppContext, event_dialog: tuple[MemberEventDialog, str],
) -> None:
    """Alt+↓ opens the month view on the typed date; arrows move, Enter types the day in and closes it."""
    dialog, zhang = event_dialog
    field = dialog.date_edit
    type_into(qtbot, field, "2019.3.5")
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.calendar_popup()
    assert popup is not None and popup.isVisible()
    calendar = popup.calendar
    assert calendar.selectedDate().toPython() == date(2019, 3, 5)
    view = calendar.findChild(QTableView)
    assert view is not None
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert field.text() == "2019年03月06日"
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert lost_dates(ctx, zhang) == [date(2019, 3, 6)]


@POPUP_LIMITS
def test_calendar_click_sets_the_text_and_clears_the_message(
    qtbot: QtBot, ctx: AppContext, event_dialog: tuple[MemberEventDialog, str],
) -> None:
    """A mouse user clicks the calendar button and a day: the field holds that day and its old message is gone."""
    dialog, _zhang = event_dialog
    field = dialog.date_edit
    type_into(qtbot, field, "2019.3")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert dialog.error_text()
    button = next(w for w in field.findChildren(QWidget) if field.calendar_action in w.actions())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    popup = field.calendar_popup()
    assert popup is not None and popup.isVisible()
    calendar = popup.calendar
    assert calendar.maximumDate().toPython() == TODAY, "no event day after today is offered"
    view = calendar.findChild(QTableView)
    assert view is not None
    model = view.model()
    target = next(model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                  if model.data(model.index(r, c)) == 12)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(target).center())
    assert not popup.isVisible()
    assert field.text() == f"{TODAY.year}年{TODAY.month:02d}月12日"
    assert dialog.error_text() == ""


@pytest.fixture
def member_form(qtbot: QtBot, ctx: AppContext) -> Iterator[MemberEditDialog]:
    """An empty 新增党员 form, shown; closed at the end without the "discard changes?" question."""
    dialog = MemberEditDialog(ctx)
    shown_active(qtbot, dialog)
    yield dialog
    if shiboken6.isValid(dialog):
        QDialog.done(dialog, QDialog.DialogCode.Rejected)


def test_member_form_dates_are_the_shared_field_in_their_place(qtbot: QtBot, member_form: MemberEditDialog) -> None:
    """Every date of the form is a DateField in the cell and tab position of the box it replaced."""
    ui = member_form.ui
    for name in ("birthDateEdit", "joinedOnEdit", "confirmedOnEdit", "lostSinceEdit", "migrantSinceEdit"):
        field = getattr(ui, name)
        assert isinstance(field, DateField), name
        assert member_form.findChildren(QLineEdit, name) == [field], f"{name}: the old box is gone"
        assert field.isVisibleTo(member_form) or name in ("lostSinceEdit", "migrantSinceEdit")
    assert ui.joinedOnLabel.buddy() is ui.joinedOnEdit
    for before, field, after in ((ui.idNumberEdit, ui.birthDateEdit, ui.educationCombo),
                                 (ui.categoryCombo, ui.joinedOnEdit, ui.confirmedOnEdit)):
        before.setFocus()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        assert field.hasFocus(), field.objectName()
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        assert after.hasFocus(), field.objectName()


@pytest.mark.parametrize("typed", TYPED)
def test_member_form_saves_a_typed_joining_date(
    qtbot: QtBot, ctx: AppContext, member_form: MemberEditDialog, typed: str,
) -> None:
    """入党日期 typed as offices write it is shown back in full and saved as that day."""
    fill(member_form, confirmed="")
    _category = member_form.ui.categoryCombo
    _category.setCurrentIndex(_category.findText("正式党员"))
    type_into(qtbot, member_form.ui.joinedOnEdit, typed)
    qtbot.keyClick(member_form.ui.joinedOnEdit, Qt.Key.Key_Tab)
    assert member_form.ui.joinedOnEdit.text() == "2019年03月05日"
    type_into(qtbot, member_form.ui.confirmedOnEdit, "2020.3.5")
    with qtbot.waitSignal(member_form.saved, timeout=WAIT_MS) as saved:
        member_form.save_button().click()
        assert ctx.runner.wait_idle(WAIT_MS)
        if member_form.awaiting_confirmation:
            member_form.save_button().click()
            assert ctx.runner.wait_idle(WAIT_MS)
    record = get_member(ctx.db, LOCAL_USER, saved.args[0])
    assert record.data.joined_on == date(2019, 3, 5)
    assert record.data.confirmed_on == date(2020, 3, 5)


@pytest.mark.parametrize(("typed", "message"), [
    ("2019-02-30", "转为正式党员日期“2019-02-30”不存在"),
    ("2019.13", "转为正式党员日期“2019.13”不存在：没有 13 月"),
])
def test_member_form_wrong_date_is_named_and_nothing_is_saved(
    qtbot: QtBot, ctx: AppContext, member_form: MemberEditDialog, typed: str, message: str,
) -> None:
    """An impossible 转正日期 (day or month) is shown under the field and in the summary; no member is written."""
    fill(member_form)
    type_into(qtbot, member_form.ui.confirmedOnEdit, typed)
    qtbot.keyClick(member_form.ui.confirmedOnEdit, Qt.Key.Key_Tab)
    assert message in member_form.field_message("confirmed_on").replace("\n", "")
    member_form.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert message in member_form.field_message("confirmed_on").replace("\n", "")
    assert "转为正式党员日期" in member_form.summary() and member_form.summary().startswith("未保存")
    assert member_form.isVisible()
    assert roster(ctx.db, LOCAL_USER) == []
    assert member_form.ui.confirmedOnEdit.hasFocus()


def test_member_form_opened_on_a_record_shows_its_dates_in_full_and_is_unchanged(
    qtbot: QtBot, ctx: AppContext,
) -> None:
    """Editing shows the stored dates as 2015年07月01日; leaving a date field untouched is no change."""
    (zhang,) = add_now(ctx, ZHANG)
    record = get_member(ctx.db, LOCAL_USER, zhang)
    dialog = MemberEditDialog(ctx, record)
    shown_active(qtbot, dialog)
    joined = record.data.joined_on
    assert joined is not None
    assert dialog.ui.joinedOnEdit.text() == f"{joined.year}年{joined.month:02d}月{joined.day:02d}日"
    type_into(qtbot, dialog.ui.joinedOnEdit, joined.isoformat())
    qtbot.keyClick(dialog.ui.joinedOnEdit, Qt.Key.Key_Tab)
    assert not dialog.has_unsaved_changes(), "the same day written another way is no change"
    QDialog.done(dialog, QDialog.DialogCode.Rejected)
