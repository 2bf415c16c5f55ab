"""The mouse wheel over a drop-down or a date the user has not clicked scrolls the list around it instead of
changing the value (an import's column mapping was changed by rolling the wheel to read on)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QTableWidget, QWidget
from pytestqt.qtbot import QtBot


def _roll(widget: QWidget) -> None:
    """One notch of the wheel towards the user, over the middle of ``widget``."""
    inside = QPointF(widget.rect().center())
    event = QWheelEvent(inside, QPointF(widget.mapToGlobal(inside.toPoint())), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _table(qtbot: QtBot) -> QTableWidget:
    table = QTableWidget(40, 2)
    for row in range(40):
        combo = QComboBox()
        combo.addItems(["联系电话", "家庭住址", "学历", "学位"])
        table.setCellWidget(row, 0, combo)
        table.setCellWidget(row, 1, QDateEdit())
    table.resize(400, 300)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_the_wheel_over_an_unfocused_drop_down_scrolls_the_list(qtbot: QtBot, app: QApplication) -> None:
    table = _table(qtbot)
    table.setFocus()
    combo, day = table.cellWidget(2, 0), table.cellWidget(3, 1)
    assert isinstance(combo, QComboBox) and isinstance(day, QDateEdit)
    chosen, dated = combo.currentIndex(), day.date()
    _roll(combo)
    _roll(day)
    assert (combo.currentIndex(), day.date()) == (chosen, dated)
    assert table.verticalScrollBar().value() > 0


def test_in_a_list_even_the_drop_down_with_the_focus_keeps_its_choice(qtbot: QtBot, app: QApplication) -> None:
    """A dialog gives a field the focus by itself: in a scrolling list that is no sign the user means to turn it."""
    table = _table(qtbot)
    combo = table.cellWidget(2, 0)
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _roll(combo)
    assert combo.currentIndex() == 0 and table.verticalScrollBar().value() > 0


def test_a_drop_down_on_its_own_turns_only_once_the_user_is_in_it(qtbot: QtBot, app: QApplication) -> None:
    """Outside any scrolling view (a year in a toolbar) the wheel turns the field the user clicked or tabbed into."""
    holder = QWidget()
    combo, other = QComboBox(holder), QComboBox(holder)
    for box in (combo, other):
        box.addItems(["2025", "2026", "2027"])
    other.move(0, 40)
    qtbot.addWidget(holder)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    _roll(combo)
    assert combo.currentIndex() == 0
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _roll(combo)
    assert combo.currentIndex() == 1
