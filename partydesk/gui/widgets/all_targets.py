"""全部 above a list of branches to tick: while it is ticked, every branch shows ticked (greyed, as the choice is
全部), and unticking it gives back the branches ticked before, instead of a greyed list of empty boxes that
reads as "nobody"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QLayout, QLineEdit, QListWidget, QWidget

from partydesk.gui.widgets.click_toggles import click_toggles
from partydesk.gui.widgets.discard_guard import filter_only

SEARCH_FROM = 8  # branches: beyond, the list gets a search box and room for as many rows


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
    click_toggles(targets)  # a click on a branch's name ticks it


def searchable(targets: QListWidget) -> QLineEdit | None:
    """With more than ``SEARCH_FROM`` branches, a search box just above ``targets`` in its layout (code or
    name: a street's sixty branches are not scrolled through five rows at a time) and room for that many
    rows; None with fewer. Hidden rows keep their ticks."""
    if targets.count() <= SEARCH_FROM:
        return None
    parent = targets.parentWidget()
    holder = _box_holding(parent.layout(), targets) if parent is not None else None
    if holder is None:
        return None
    box = QLineEdit(parent)
    box.setObjectName("targetSearch")
    filter_only(box)
    box.setClearButtonEnabled(True)
    box.setPlaceholderText(QCoreApplication.translate("TargetSearch", "Search code or name"))
    holder.insertWidget(holder.indexOf(targets), box)
    room = targets.fontMetrics().lineSpacing() * (SEARCH_FROM + 1)
    targets.setMinimumHeight(room)
    targets.setMaximumHeight(max(targets.maximumHeight(), room))

    def filtered(text: str) -> None:
        wanted = text.strip()
        for row in range(targets.count()):
            item = targets.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text())

    box.textChanged.connect(filtered)
    return box


def _box_holding(layout: QLayout | None, widget: QWidget) -> QBoxLayout | None:
    """The box layout (at any depth under ``layout``) that holds ``widget`` directly."""
    if layout is None:
        return None
    if isinstance(layout, QBoxLayout) and layout.indexOf(widget) >= 0:
        return layout
    for index in range(layout.count()):
        item = layout.itemAt(index)
        found = _box_holding(item.layout() if item is not None else None, widget)
        if found is not None:
            return found
    return None
