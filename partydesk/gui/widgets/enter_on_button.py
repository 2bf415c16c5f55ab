"""Enter on a button that has the keyboard presses that button, as on Windows.

Qt presses a focused button with Space only; Enter reaches it only as a dialog's default button. A secretary
who tabs to 分配党小组… in the roster's toolbar and presses Enter saw nothing happen, and in a dialog Enter
on a focused 浏览… pressed 确定 instead. With this filter installed on the application, Enter (either key,
no modifier) on a focused, enabled push or tool button presses it, or opens its menu when it has one. A held
key presses it once.

Like ``wheel_guard``, the filter sees every event of the application; anything but a key press is let
through at the first test.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_BUTTONS = (QPushButton, QToolButton)


class EnterOnButton(QObject):
    """An application-wide event filter (``install``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, _BUTTONS):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in _ENTER or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if not (watched.hasFocus() and watched.isEnabled() and watched.isVisible()):
            return False
        if not event.isAutoRepeat():
            if watched.menu() is not None:
                watched.showMenu()
            else:
                watched.click()
        return True


def install(app: QApplication) -> None:
    """Install the filter on ``app`` once."""
    if app.findChild(EnterOnButton, "enterOnButton") is None:
        presses = EnterOnButton(app)
        presses.setObjectName("enterOnButton")
        app.installEventFilter(presses)
