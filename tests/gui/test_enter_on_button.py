"""Enter on the button that has the keyboard presses it, as Space does (a secretary tabbing through the roster's
toolbar pressed Enter on 分配党小组… and nothing happened)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.party_group import PartyGroupDialog
from tests.gui.test_members_page import LI, ZHANG, add_now, open_page
from tests.gui.test_party_group_dialog import _select


def _focused(qtbot: QtBot, button: QWidget) -> None:
    button.window().show()
    button.window().activateWindow()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)


def test_enter_on_a_toolbar_button_of_the_roster_opens_its_dialog(qtbot: QtBot, ctx: AppContext) -> None:
    add_now(ctx, ZHANG, LI)
    page = open_page(qtbot, ctx)
    _select(page, "张三", "李四")
    _focused(qtbot, page.group_button)
    qtbot.keyClick(page.group_button, Qt.Key.Key_Return)
    assert isinstance(page.current_dialog(), PartyGroupDialog)


def test_enter_on_a_button_outside_a_dialog_presses_it_once_even_when_held(qtbot: QtBot, app: QApplication) -> None:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    push, tool = QPushButton("打印"), QToolButton()
    layout.addWidget(push)
    layout.addWidget(tool)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    pressed: list[str] = []
    push.clicked.connect(lambda: pressed.append("push"))
    tool.clicked.connect(lambda: pressed.append("tool"))
    _focused(qtbot, push)
    qtbot.keyClick(push, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    for _ in range(3):  # the key held down: the repeats press nothing more
        QApplication.sendEvent(push, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                               Qt.KeyboardModifier.NoModifier, "\r", True))
    _focused(qtbot, tool)
    qtbot.keyClick(tool, Qt.Key.Key_Return)
    qtbot.keyClick(tool, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # not plain Enter: left alone
    assert pressed == ["push", "tool"]
    push.setEnabled(False)
    qtbot.keyClick(push, Qt.Key.Key_Return)
    assert pressed == ["push", "tool"], "a disabled button is not pressed"


def test_in_a_dialog_enter_presses_the_focused_button_not_the_default_one(qtbot: QtBot, app: QApplication) -> None:
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    browse = QPushButton("浏览…")
    browse.setAutoDefault(False)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    layout.addWidget(browse)
    layout.addWidget(buttons)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    browsed: list[bool] = []
    browse.clicked.connect(lambda: browsed.append(True))
    _focused(qtbot, browse)
    qtbot.keyClick(browse, Qt.Key.Key_Return)
    assert browsed == [True] and dialog.isVisible() and dialog.result() == 0


@pytest.mark.qt_log_ignore(r"This plugin does not support grabbing the keyboard")  # a menu offscreen
def test_enter_on_a_button_with_a_menu_opens_the_menu(qtbot: QtBot, app: QApplication) -> None:
    holder = QWidget()
    button = QPushButton("导出", holder)
    menu = QMenu(button)
    menu.addAction("导出 Excel")
    button.setMenu(menu)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    _focused(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(menu.isVisible)
    menu.hide()
