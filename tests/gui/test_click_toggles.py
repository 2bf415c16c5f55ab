"""A click on a name in a list to tick ticks it; a click on its box ticks it once, as before."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem
from pytestqt.qtbot import QtBot

from partydesk.gui.widgets.click_toggles import click_toggles


def _list(qtbot: QtBot, *, toggles: bool = True) -> QListWidget:
    view = QListWidget()
    qtbot.addWidget(view)
    for name in ("张三", "李四"):
        item = QListWidgetItem(name, view)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    if toggles:
        click_toggles(view)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def _box_point(qtbot: QtBot) -> QPoint:
    """Where Qt's own list toggles its first item: found by clicking along a plain list's first row."""
    plain = _list(qtbot, toggles=False)
    item = plain.item(0)
    row = plain.visualItemRect(item)
    for x in range(row.left(), row.left() + 40):
        _click(qtbot, plain, QPoint(x, row.center().y()))
        if item.checkState() == Qt.CheckState.Checked:
            return QPoint(x, row.center().y())
    raise AssertionError("no check box found in the first 40 pixels")


def _click(qtbot: QtBot, view: QListWidget, at: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    QApplication.processEvents()


def test_a_click_on_the_name_ticks_and_unticks_it(qtbot: QtBot) -> None:
    view = _list(qtbot)
    item = view.item(1)
    name = view.visualItemRect(item)
    on_text = QPoint(name.right() - 10, name.center().y())
    _click(qtbot, view, on_text)
    assert item.checkState() == Qt.CheckState.Checked and view.item(0).checkState() == Qt.CheckState.Unchecked
    _click(qtbot, view, on_text)
    assert item.checkState() == Qt.CheckState.Unchecked


def test_a_click_on_the_box_ticks_it_once(qtbot: QtBot) -> None:
    box = _box_point(qtbot)
    view = _list(qtbot)
    item = view.item(0)
    _click(qtbot, view, box)
    assert item.checkState() == Qt.CheckState.Checked
    _click(qtbot, view, box)
    assert item.checkState() == Qt.CheckState.Unchecked
