"""A click on a name in a list of names to tick ticks it, not only a click on the little box beside it.

In a list of checkable items Qt toggles an item only when its check box itself is hit; a secretary clicks the
name, sees it highlighted and nothing ticked. ``click_toggles`` makes a click anywhere on an item toggle it:
Qt's own toggle (on the box) happens before the view's ``itemClicked``, so a click that left the state as it
was pressed is one beside the box, and is toggled then; a click on the box is toggled once, as before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem


def click_toggles(view: QListWidget) -> None:
    """Toggle a checkable item of ``view`` on a left click anywhere on it."""
    pressed: list[tuple[QListWidgetItem, Qt.CheckState]] = []

    def on_press(item: QListWidgetItem) -> None:
        pressed[:] = [(item, item.checkState())]

    def on_click(item: QListWidgetItem) -> None:
        before = pressed[0] if pressed else None
        pressed.clear()
        flags = item.flags()
        if before is None or before[0] is not item or item.checkState() != before[1]:
            return  # another item, or the box itself was hit (Qt toggled it already)
        if not flags & Qt.ItemFlag.ItemIsUserCheckable or not flags & Qt.ItemFlag.ItemIsEnabled or not view.isEnabled():
            return
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    view.itemPressed.connect(on_press)
    view.itemClicked.connect(on_click)
