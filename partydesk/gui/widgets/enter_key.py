"""Enter in a one-line field that must not press the dialog's default button.

- ``enter_moves_on``: for forms whose default button does something that cannot simply be undone (publishing
  a notice to the branches): a title typed and Enter pressed, as at the end of any line, goes on to the next
  field instead of sending the form off.
- ``enter_calls``: for a search box in a dialog whose default button saves (the talk record's 谈话对象): Enter
  goes to the names found instead of saving the half-written record.
- ``enter_stays``: for confirmations whose default button is 取消 (``reason_dialog``): a reason typed and
  Enter pressed would otherwise close the dialog and lose it, with nothing done and nothing said.
- ``enter_in_tables``: for tables in a dialog whose default button saves (the meeting record): Enter on a cell,
  not typing in it, opens the cell for typing where it can be typed in, and otherwise goes down a row, as
  in a spreadsheet. A table lets Enter through to the dialog, which saved the half-entered record and closed.
  Tab leaves such a table for the next field (the arrows move in it): going from cell to cell, Tab came round
  to the first cell again, and only the mouse or Esc (closing the dialog) got out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterFilter(QObject):
    def __init__(self, field: QWidget, *, move_on: bool, then: Callable[[], object] | None = None) -> None:
        super().__init__(field)  # owned by the field: it lives as long as the field
        self.move_on, self.then = move_on, then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _ENTER \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self.move_on and isinstance(watched, QWidget):
                watched.window().focusNextChild()
            if self.then is not None:
                self.then()
            return True
        return False


def enter_moves_on(*fields: QWidget) -> None:
    """Enter in each of ``fields`` goes on to the next field (Tab order) and does nothing else."""
    for field in fields:
        field.installEventFilter(_EnterFilter(field, move_on=True))


def enter_calls(field: QWidget, slot: Callable[[], object]) -> None:
    """Enter in ``field`` calls ``slot`` and does nothing else (a search box in a dialog leading to its results)."""
    field.installEventFilter(_EnterFilter(field, move_on=False, then=slot))


def enter_stays(*fields: QWidget) -> None:
    """Enter in each of ``fields`` does nothing (the dialog stays as it is)."""
    for field in fields:
        field.installEventFilter(_EnterFilter(field, move_on=False))


class _TableEnter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or event.key() not in _ENTER:
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier or not isinstance(watched, QAbstractItemView):
            return False
        if watched.state() == QAbstractItemView.State.EditingState:
            return False  # the cell's editor takes it (and closes)
        index = watched.currentIndex()
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            watched.edit(index)
        elif index.isValid() and index.row() + 1 < watched.model().rowCount(index.parent()):
            watched.setCurrentIndex(index.sibling(index.row() + 1, index.column()))
        return True


def enter_in_tables(*views: QAbstractItemView) -> None:
    """Enter on a cell of each of ``views`` (not typing in it) edits the cell, or goes down a row; never further.
    Tab goes on to the next field."""
    for view in views:
        view.installEventFilter(_TableEnter(view))
        view.setTabKeyNavigation(False)
