"""Closing a form that holds typed data asks first (Esc, Cancel, the close box), as the member and meeting
dialogs always have: a stray Esc must not throw away a study record typed from the sign-in sheet.

``DiscardGuard`` goes before the dialog class in the bases; the dialog calls ``mark_clean`` once its form is
filled in (the end of ``__init__``, or when a load finishes). What counts as a change is any difference in
what the form's input widgets hold (``form_state``), so a field added later is covered without more code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        # What can be typed into is what it shows: leaving the box matches the text typed to an entry of the
        # same name (the index moves, nothing was changed).
        return widget.currentText() if widget.isEditable() else (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QListWidget):
        return tuple((widget.item(i).text(), widget.item(i).checkState().value) for i in range(widget.count()))
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


FILTER_ONLY = "filterOnly"  # a widget property: this box only narrows a list (a search), it holds no data


def filter_only(box: QWidget) -> QWidget:
    """Mark ``box`` as a search that only narrows a list: text left in it is not a change to discard."""
    box.setProperty(FILTER_ONLY, True)
    return box


def input_widgets(root: QWidget) -> list[QWidget]:
    """Every input widget under ``root`` that holds data, in a fixed order (a spin box's own line edit is covered
    by the spin box; a combo box's by the combo box; a search box marked ``filter_only`` is no data)."""
    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue
        if not widget.property(FILTER_ONLY) and _value(widget) is not None:
            found.append(widget)
    return found


def form_state(root: QWidget) -> list[tuple[str, object]]:
    """What every input widget under ``root`` holds (``input_widgets``), in a fixed order."""
    return [(widget.objectName() or type(widget).__name__, _value(widget)) for widget in input_widgets(root)]


def confirm_discard(parent: QWidget) -> bool:
    """Ask whether to throw the typed data away; "Keep editing" is the default and Esc's answer."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(),
                      QCoreApplication.translate("DiscardGuard", "Discard the changes you have not saved?"),
                      QMessageBox.StandardButton.NoButton, parent)
    discard = box.addButton(QCoreApplication.translate("DiscardGuard", "Discard changes"),
                            QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discardButton")
    keep = box.addButton(QCoreApplication.translate("DiscardGuard", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepEditingButton")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.exec()
    return box.clickedButton() is discard


def save_key(dialog: QWidget) -> QShortcut:
    """Ctrl+S in ``dialog`` clicks its Save button (of its button box), while that is shown and enabled."""

    def save() -> None:
        for box in dialog.findChildren(QDialogButtonBox):
            button = box.button(QDialogButtonBox.StandardButton.Save)
            if button is not None and button.isVisible() and button.isEnabled():
                button.setFocus()  # a field being typed in finishes first, as with a click
                button.click()
                return

    key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), dialog)
    key.activated.connect(save)
    return key


class DiscardGuard:
    """Mixin for a form dialog: ``reject`` asks before closing over typed data; Ctrl+S saves (``save_key``)."""

    _clean: list[tuple[str, object]] | None = None
    _save_key: QShortcut | None = None

    def mark_clean(self) -> None:
        """The form as it stands is what "nothing typed" means."""
        self._clean = form_state(self)  # type: ignore[arg-type]
        if self._save_key is None:
            self._save_key = save_key(self)  # type: ignore[arg-type]

    def has_unsaved_changes(self) -> bool:
        """Whether the form differs from what ``mark_clean`` saw."""
        return self._clean is not None and form_state(self) != self._clean  # type: ignore[arg-type]

    def reject(self) -> None:
        if getattr(self, "_busy", False):
            return
        if self.has_unsaved_changes() and not confirm_discard(self):  # type: ignore[arg-type]
            return
        self.discarded()
        super().reject()  # type: ignore[misc]

    def discarded(self) -> None:
        """The form is closing with its typing thrown away, or none typed (a form keeping a draft removes it)."""


def guarded(dialog: Any) -> bool:
    """Whether ``dialog`` asks before discarding (for tests)."""
    return isinstance(dialog, DiscardGuard)
