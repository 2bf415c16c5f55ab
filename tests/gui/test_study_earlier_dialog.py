"""补录此前学时: the members' hours typed down a table from the keyboard, saved as one record, corrected again."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.study_records import ActivityData
from partydesk.core.services import study
from partydesk.core.storage.database import Database
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.study_earlier import HOURS, NAME, EarlierHoursDialog
from partydesk.gui.pages.study import StudyPage
from partydesk.gui.widgets.discard_guard import guarded
from tests.gui.conftest import WAIT_MS
from tests.gui.test_study_page import credited, four_members, open_page


@pytest.fixture
def branch(db: Database) -> dict[str, str]:
    return four_members(db)


def _closed(dialog: EarlierHoursDialog) -> bool:
    return not isValid(dialog) or not dialog.isVisible()  # closed, and deleted on close


def _open_dialog(qtbot: QtBot, page: StudyPage) -> EarlierHoursDialog:
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.earlier_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, EarlierHoursDialog) and page.dialog.isVisible(), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, EarlierHoursDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    return dialog


def _type(qtbot: QtBot, text: str) -> None:
    """Keys as a person presses them, each to whatever has the keyboard then (a cell's editor opens on the
    first digit)."""
    for key in text:
        qtbot.keyClick(QApplication.focusWidget(), key)


def _enter(qtbot: QtBot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait(20)  # the cell's editor closes a moment after its Enter


def _shown(dialog: EarlierHoursDialog) -> dict[str, str]:
    table = dialog.table
    return {table.item(r, NAME).text(): table.item(r, HOURS).text() for r in range(table.rowCount())}


def test_hours_typed_down_the_table_are_saved_for_each_member(qtbot: QtBot, ctx: AppContext, db: Database,
                                                              branch: dict[str, str]) -> None:
    page = open_page(qtbot, ctx)
    dialog = _open_dialog(qtbot, page)
    assert dialog.windowTitle() == "补录此前学时"
    assert dialog.start.text() == "2026年01月01日" and dialog.end.text() == "2026年11月30日"
    names = [dialog.table.item(r, NAME).text() for r in range(dialog.table.rowCount())]
    assert sorted(names) == ["张甲", "李乙", "王书记", "钱新"]
    assert dialog.table.hasFocus() and dialog.table.currentRow() == 0 and dialog.table.currentColumn() == HOURS
    first, second, third = names[0], names[1], names[2]
    _type(qtbot, "28")
    _enter(qtbot)
    assert dialog.table.currentRow() == 1, "Enter after a number goes to the next member, not two down"
    _enter(qtbot)  # nothing typed for the second: on to the third
    assert dialog.table.currentRow() == 2
    _type(qtbot, "26.5")
    _enter(qtbot)
    assert _shown(dialog)[first] == "28" and _shown(dialog)[second] == "" and _shown(dialog)[third] == "26.5"
    assert dialog.total_label.text() == "4 名党员中已填 2 名，合计 54.5 学时；空着的不计学时。"
    dialog.fill_spin.setValue(20)
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert list(_shown(dialog).values()).count("20") == 2, "only the empty lines are filled"
    assert guarded(dialog) and dialog.has_unsaved_changes()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _closed(dialog), timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    before = {"张甲": 20}  # the collective study recorded in March
    typed = {first: 280, second: 200, third: 265}
    typed.update({n: 200 for n in names[3:]})
    qtbot.waitUntil(lambda: credited(page) == {n: typed[n] + before.get(n, 0) for n in names}, timeout=WAIT_MS)
    assert page.summary.text().startswith("2026年：学习活动 1 项"), "hours entered are not an activity held"
    model = page.activities.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).data.topic.startswith("启用本程序前"))
    column = [c.key for c in model.columns].index("source")
    assert model.index(row, column).data() == "补录"


def test_the_record_opens_again_in_the_same_table_to_be_corrected(qtbot: QtBot, ctx: AppContext, db: Database,
                                                                  branch: dict[str, str]) -> None:
    study.save_earlier_hours(db, LOCAL_USER, form_code="lecture", start_on=date(2026, 1, 1),
                             end_on=date(2026, 11, 19), hours={branch["李乙"]: 150, branch["王书记"]: 400})
    page = open_page(qtbot, ctx)
    earlier = next(a for a in page.activities.model.all_rows() if study.is_earlier_hours(a.data))
    page.open_activity(earlier.id)
    qtbot.waitUntil(lambda: isinstance(page.dialog, EarlierHoursDialog) and page.dialog.isVisible(), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, EarlierHoursDialog)
    assert dialog.windowTitle() == "更正补录的学时" and dialog.form_combo.currentText() == "党课"
    assert _shown(dialog)["李乙"] == "15" and _shown(dialog)["王书记"] == "40" and _shown(dialog)["张甲"] == ""
    assert not dialog.has_unsaved_changes()
    dialog.set_hours(branch["李乙"], "18")
    dialog.save()
    qtbot.waitUntil(lambda: _closed(dialog), timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: credited(page)["李乙"] == 180 and credited(page)["王书记"] == 400, timeout=WAIT_MS)
    assert next(a for a in page.activities.model.all_rows() if study.is_earlier_hours(a.data)).id == earlier.id



def test_the_hours_of_a_list_line_say_why_a_ledger_line_differs(qtbot: QtBot, ctx: AppContext, db: Database,
                                                                branch: dict[str, str]) -> None:
    """A 培训班 across the new year counts in each year by its days; earlier hours are each member's own."""
    study.add_activity(db, LOCAL_USER, ActivityData("class", "冬训", date(2025, 12, 30), date(2026, 1, 2), 320),
                       participants={branch["李乙"]: None})
    study.save_earlier_hours(db, LOCAL_USER, form_code="collective", start_on=date(2026, 1, 1),
                             end_on=date(2026, 11, 19), hours={branch["李乙"]: 150, branch["王书记"]: 400})
    page = open_page(qtbot, ctx)
    model = page.activities.model
    column = [c.key for c in model.columns].index("hours")
    tips = {model.row_at(r).data.topic: model.index(r, column).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(model.rowCount())}
    assert tips["冬训"] == "跨年度的学习按各年的天数分摊学时：2025年计 16 学时，2026年计 16 学时。"
    assert tips[study.EARLIER_TOPIC] == "每人按原台账补录的学时各不相同，这里是其中最多的；合计 55 学时。"
    assert not tips["学习党章"], "a one-day study needs no word"
    assert credited(page)["李乙"] == 150 + 160  # tenths: 15 补录 and this year's half of the class


def test_entered_once_the_button_opens_that_record_again(qtbot: QtBot, ctx: AppContext, db: Database,
                                                         branch: dict[str, str]) -> None:
    """A second 补录此前学时 would add the same hours again on top: the year's record is opened instead."""
    study.save_earlier_hours(db, LOCAL_USER, form_code="collective", start_on=date(2026, 1, 1),
                             end_on=date(2026, 11, 19), hours={branch["李乙"]: 150})
    page = open_page(qtbot, ctx)
    messages: list[str] = []
    ctx.hub.statusMessage.connect(messages.append)
    dialog = _open_dialog(qtbot, page)
    assert dialog.editing is not None and dialog.windowTitle() == "更正补录的学时"
    assert _shown(dialog)["李乙"] == "15"
    assert messages == ["2026年此前的学时已经补录过，已打开供更正。"]


def test_a_number_over_the_limit_names_the_member_and_saves_nothing(qtbot: QtBot, ctx: AppContext, db: Database,
                                                                  branch: dict[str, str]) -> None:
    page = open_page(qtbot, ctx)
    dialog = _open_dialog(qtbot, page)
    dialog.set_hours(branch["李乙"], "3000")
    dialog.save()
    assert dialog.error_label.text() == "李乙的 3000 学时超过了 2000，请核对。"
    assert dialog.isVisible() and dialog.table.item(dialog.table.currentRow(), NAME).text() == "李乙"
    assert ctx.runner.wait_idle(WAIT_MS)
    assert not [a for a in study.activities_of_year(db, 2026) if study.is_earlier_hours(a.data)]


def test_a_number_typed_right_after_a_click_on_the_current_cell_is_kept(qtbot: QtBot, ctx: AppContext,
                                                                        branch: dict[str, str]) -> None:
    page = open_page(qtbot, ctx)
    dialog = _open_dialog(qtbot, page)
    cell = dialog.table.visualItemRect(dialog.table.item(0, HOURS)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # the cell already current
    _type(qtbot, "5")
    _enter(qtbot)
    qtbot.wait(QApplication.doubleClickInterval() + 200)  # a click-to-edit would open the cell again by now
    first = dialog.table.item(0, NAME).text()
    assert _shown(dialog)[first] == "5"
