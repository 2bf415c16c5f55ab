"""全部 above a list of branches to tick: while it is ticked, every branch shows ticked (greyed, as the choice is
全部), and unticking it gives back the branches ticked before, instead of a greyed list of empty boxes that
reads as "nobody"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget


def follow_all(all_check: QCheckBox, targets: QListWidget) -> None:
    """Make ``targets`` follow ``all_check`` from now on (and as it stands)."""
    kept: list[Qt.CheckState] = []

    def toggled(on: bool) -> None:
        items = [targets.item(row) for row in range(targets.count())]
        if on:
            kept[:] = [item.checkState() for item in items]
            for item in items:
                item.setCheckState(Qt.CheckState.Checked)
        elif len(kept) == len(items):
            for item, state in zip(items, kept, strict=True):
                item.setCheckState(state)
        targets.setDisabled(on)

    all_check.toggled.connect(toggled)
    if all_check.isChecked():
        toggled(True)
