"""Enter in a one-line field that must not press the dialog's default button.

- ``enter_moves_on``: for forms whose default button does something that cannot simply be undone (publishing
  a notice to the branches): a title typed and Enter pressed, as at the end of any line, goes on to the next
  field instead of sending the form off.
- ``enter_stays``: for confirmations whose default button is 取消 (``reason_dialog``): a reason typed and
  Enter pressed would otherwise close the dialog and lose it, with nothing done and nothing said.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterFilter(QObject):
    def __init__(self, field: QWidget, *, move_on: bool) -> None:
        super().__init__(field)  # owned by the field: it lives as long as the field
        self.move_on = move_on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _ENTER \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self.move_on and isinstance(watched, QWidget):
                watched.window().focusNextChild()
            return True
        return False


def enter_moves_on(*fields: QWidget) -> None:
    """Enter in each of ``fields`` goes on to the next field (Tab order) and does nothing else."""
    for field in fields:
        field.installEventFilter(_EnterFilter(field, move_on=True))


def enter_stays(*fields: QWidget) -> None:
    """Enter in each of ``fields`` does nothing (the dialog stays as it is)."""
    for field in fields:
        field.installEventFilter(_EnterFilter(field, move_on=False))
