"""A confirmation that needs a reason: the question in bold, what follows, a required reason, the core's
refusal shown in place, and a destructive button that Enter never presses (Enter cancels, except in the
reason field, where it does nothing: a reason typed is not thrown away by the key that ends a line).

Subclasses set their texts in ``_retranslate`` (so each keeps its own translation context) and do the work
in ``_run(reason)`` on the DB lane, calling ``_finished()`` when the core did it or ``_failed(error)`` when it
refused; the dialog closes only in the first case. Withdrawing a history entry and revoking an office's key
are built on it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.errors import KnownError
from partydesk.gui.widgets.busy_dialog import BusyDialog
from partydesk.gui.widgets.enter_key import enter_stays
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label


def question_label(parent: QWidget, *, scale: float = 1.0) -> QLabel:
    """The bold question a confirmation opens with ("删除党员“张三”？"), ``scale`` times the usual size."""
    label = QLabel(parent)
    label.setObjectName("questionLabel")
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def destructive_buttons(parent: QWidget) -> QDialogButtonBox:
    """OK and Cancel where Enter cancels: the destructive OK must be clicked (or reached with Tab)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setAutoDefault(False)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
    return buttons


class ReasonDialog(BusyDialog):
    """The question, the explanation (``explain_chars`` Chinese characters wide), the reason, the buttons."""

    def __init__(self, parent: QWidget | None = None, *, explain_chars: int = 28) -> None:
        super().__init__(parent)
        self._busy = False
        self.question = question_label(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * explain_chars)
        self.reason_label = QLabel(self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(200)
        self.reason_label.setBuddy(self.reason_edit)
        enter_stays(self.reason_edit)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        mark_as_error_label(self.error)
        self.buttons = destructive_buttons(self)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def ok_button(self) -> QPushButton:
        """The destructive button (enabled once a reason is typed)."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def reason(self) -> str:
        """The reason as typed, without surrounding blanks."""
        return self.reason_edit.text().strip()

    def error_text(self) -> str:
        """The core's message when it refused ("" when none is shown)."""
        return "" if self.error.isHidden() else self.error.text()

    def _update(self) -> None:
        self.ok_button().setEnabled(bool(self.reason()) and not self._busy)

    def accept(self) -> None:
        """Do it on the DB lane (``_run``); close only when it was done."""
        if self._busy or not self.reason():
            return
        self.error.hide()
        self._set_busy(True)
        self._run(self.reason())

    def _run(self, reason: str) -> None:
        raise NotImplementedError

    def _finished(self) -> None:
        self._set_busy(False)
        QDialog.accept(self)

    def _failed(self, error: KnownError) -> None:
        self._set_busy(False)
        self.error.setText(error.message)
        self.error.show()
        grow_to_fit(self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.reason_edit.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        self._update()

    def _retranslate(self) -> None:
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
