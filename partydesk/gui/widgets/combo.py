"""Refilling a filter combo box in place: new texts, same choice, no change signals on the way."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, first: str, items: Iterable[tuple[object, str]]) -> None:
    """Replace the items with ``first`` (no filter) and ``items`` (value, text), keeping the chosen index."""
    current = combo.currentIndex()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for value, text in items:
        combo.addItem(str(text), value)
    combo.setCurrentIndex(max(current, 0))
    combo.blockSignals(False)
