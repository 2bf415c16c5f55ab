"""Keyboard wiring shared by the pages: a shortcut on one widget, and a search box that leads to its results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
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
