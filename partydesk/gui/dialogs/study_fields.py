"""Shared pieces of the study dialogs: putting the window's ``DateField`` in place of a form's date box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from partydesk.gui.widgets.date_field import DateField


def use_date_field(old: QLineEdit, field_name: str, *, required: bool = False) -> DateField:
    """Replace ``old`` (a plain line edit in a layout) by a ``DateField`` in the same place and tab order."""
    parent = old.parentWidget()
    assert parent is not None, old.objectName()
    field = DateField(parent, field_name=field_name, required=required)
    field.setObjectName(old.objectName())
    QWidget.setTabOrder(old, field)
    layout = parent.layout()
    assert layout is not None
    item = layout.replaceWidget(old, field, Qt.FindChildOption.FindChildrenRecursively)
    assert item is not None, old.objectName()
    del item
    old.hide()
    old.setParent(None)
    old.deleteLater()
    return field
