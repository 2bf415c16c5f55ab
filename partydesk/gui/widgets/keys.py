"""Keyboard wiring shared by the pages: a shortcut on one widget, and a search box that leads to its results
(Enter or ↓) and is cleared by Esc (when empty, Esc goes on to close the dialog it is in, as before)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

KeyLike = QKeySequence | QKeySequence.StandardKey | Qt.Key


def shortcut(key: KeyLike, widget: QWidget, slot: Callable[[], object], *,
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QShortcut:
    """``key`` calls ``slot`` while ``widget`` has the focus (or, with another ``context``, as that says)."""
    found = QShortcut(key if isinstance(key, QKeySequence) else QKeySequence(key), widget)
    found.setContext(context)
    found.activated.connect(slot)
    return found


def lead_to_results(search: QLineEdit, go: Callable[[], object]) -> None:
    """Enter or ↓ in ``search`` calls ``go``: search now and move into the results (the filters usually lie
    between the box and the table in Tab order)."""
    search.returnPressed.connect(go)
    shortcut(Qt.Key.Key_Down, search, go)
    search.installEventFilter(_EscClears(search))


class _EscClears(QObject):
    """Esc in a search box with text clears it (the whole list back); in an empty one it is not taken, so a
    dialog still closes on Esc. A filter rather than a shortcut: a shortcut would take every Esc."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and isinstance(watched, QLineEdit) and watched.text()):
            watched.clear()
            return True
        return False


class _SelectFilledIn(QObject):
    """Selects the whole of a path filled in for the office at the first click into the box (Tab selects it anyway)."""

    def __init__(self, edit: QLineEdit, filled: str) -> None:
        super().__init__(edit)
        self.edit, self.filled = edit, filled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            self.edit.removeEventFilter(self)
            if self.edit.text() == self.filled:
                QTimer.singleShot(0, self.edit, self.edit.selectAll)  # after the click has placed the cursor
        return False


def replace_when_typed(edit: QLineEdit) -> None:
    """The text filled in ``edit`` (a folder or file remembered, or found) is all selected now and at the first click
    into the box, so what is typed replaces it instead of running on from it; later clicks place the cursor."""
    if edit.text():
        edit.selectAll()
        edit.installEventFilter(_SelectFilledIn(edit, edit.text()))
