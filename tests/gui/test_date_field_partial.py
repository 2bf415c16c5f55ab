"""The date field with dates known only to the month or the year: the member form takes them, 记录变动 does not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.partial_date import PartialDate, Precision
from partydesk.core.services.members import get_member
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.member_edit import MemberEditDialog
from partydesk.gui.widgets.date_field import DateField
from tests.gui.conftest import WAIT_MS
from tests.gui.test_date_field import shown_active, type_into
from tests.gui.test_member_edit import fill


@pytest.mark.parametrize(("typed", "shown", "value"), [
    ("2019.3", "2019年03月", PartialDate(2019, 3, 1, Precision.MONTH)),
    ("2019年3月", "2019年03月", PartialDate(2019, 3, 1, Precision.MONTH)),
    ("１９７２年", "1972年", PartialDate(1972, 1, 1, Precision.YEAR)),
    ("2019.3.8", "2019年03月08日", date(2019, 3, 8)),
])
def test_partial_field_reads_a_month_or_a_year_and_shows_it_as_written(
    qtbot: QtBot, typed: str, shown: str, value: date,
) -> None:
    """A field made ``partial`` takes 2019.3 and 1972年, and shows them back as 2019年03月 and 1972年."""
    field = DateField(field_name="入党日期", partial=True)
    qtbot.addWidget(field)
    field.setText(typed)
    assert field.check()
    assert field.text() == shown
    assert field.value() == value
    assert field.problem() == ""


def test_partial_field_still_names_an_impossible_month(qtbot: QtBot) -> None:
    """2019.13 is no month: the field says so and gives no value."""
    field = DateField(field_name="入党日期", partial=True)
    qtbot.addWidget(field)
    field.setText("2019.13")
    assert not field.check()
    assert "没有 13 月" in field.problem()
    assert field.value() is None


def test_day_field_refuses_a_month(qtbot: QtBot, ctx: AppContext) -> None:
    """A field that is not partial (记录变动) still asks for the day, in Chinese (``ctx`` loads the translation)."""
    field = DateField(field_name="日期")
    qtbot.addWidget(field)
    field.setText("2019.3")
    assert not field.check()
    assert field.problem() == "日期只写到月，请补全日"


@pytest.fixture
def member_form(qtbot: QtBot, ctx: AppContext) -> Iterator[MemberEditDialog]:
    """An empty 新增党员 form, shown; closed at the end without the "discard changes?" question."""
    dialog = MemberEditDialog(ctx)
    shown_active(qtbot, dialog)
    yield dialog
    if shiboken6.isValid(dialog):
        QDialog.done(dialog, QDialog.DialogCode.Rejected)


def test_member_form_dates_allow_a_month_where_the_registry_says(member_form: MemberEditDialog) -> None:
    """出生日期, 入党日期, 转正日期, 参加工作日期 and 外出日期 take a month or a year; the 失联 date needs the day."""
    ui = member_form.ui
    partial = {name: getattr(ui, name).partial for name in (
        "birthDateEdit", "joinedOnEdit", "confirmedOnEdit", "workStartedOnEdit", "lostSinceEdit", "migrantSinceEdit")}
    assert partial == {"birthDateEdit": True, "joinedOnEdit": True, "confirmedOnEdit": True,
                       "workStartedOnEdit": True, "lostSinceEdit": False, "migrantSinceEdit": True}
    assert "2019.3" in ui.joinedOnEdit.placeholderText()


def test_member_form_saves_month_dates_and_shows_them_back_as_written(
    qtbot: QtBot, ctx: AppContext, member_form: MemberEditDialog,
) -> None:
    """入党 2005.7 and 转正 2006年7月 are saved to the month; a birth year is completed from the ID number."""
    fill(member_form, joined="", confirmed="")
    type_into(qtbot, member_form.ui.joinedOnEdit, "2005.7")
    qtbot.keyClick(member_form.ui.joinedOnEdit, Qt.Key.Key_Tab)
    assert member_form.ui.joinedOnEdit.text() == "2005年07月"
    type_into(qtbot, member_form.ui.confirmedOnEdit, "2006年7月")
    type_into(qtbot, member_form.ui.birthDateEdit, "1980年")
    with qtbot.waitSignal(member_form.saved, timeout=WAIT_MS) as saved:
        member_form.save_button().click()
        assert ctx.runner.wait_idle(WAIT_MS)
        if member_form.awaiting_confirmation:
            member_form.save_button().click()
            assert ctx.runner.wait_idle(WAIT_MS)
    record = get_member(ctx.db, LOCAL_USER, saved.args[0])
    assert record.data.joined_on == PartialDate(2005, 7, 1, Precision.MONTH)
    assert record.data.confirmed_on == PartialDate(2006, 7, 1, Precision.MONTH)
    assert record.data.birth_date == date(1980, 1, 1), "the day comes from the ID number"
    again = MemberEditDialog(ctx, record)
    qtbot.addWidget(again)
    assert (again.ui.joinedOnEdit.text(), again.ui.confirmedOnEdit.text()) == ("2005年07月", "2006年07月")
    assert again.ui.birthDateEdit.text() == "1980年01月01日"
