"""Withdraw a history entry recorded by mistake (撤销变动记录): names the entry, requires a reason.

Withdrawing is for an entry that should never have been recorded (the wrong member, the wrong kind, a
double entry). The dialog names the entry, says what follows (the member's state is worked out again from
the other entries), asks for the reason and runs ``services.members.withdraw_event`` on the DB lane. It
closes only when the core has done it; the core's message (入党 cannot be withdrawn, the entry is already
gone) appears in the dialog otherwise. Enter cancels: the destructive button must be clicked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
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
from partydesk.gui.operations import members as member_ops
from partydesk.gui.widgets.busy_dialog import BusyDialog
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


class EventWithdrawDialog(BusyDialog):
    """Asks "withdraw <entry>?" with a reason; ``withdrawn(entry)`` after the core did it."""

    withdrawn = Signal(str)

    def __init__(self, ctx: AppContext, event_id: str, entry: str, member_name: str,
                 parent: QWidget | None = None) -> None:
        """``entry``: the entry as the user sees it (date and kind), to name it in the question."""
        super().__init__(parent)
        self.ctx = ctx
        self.event_id = event_id
        self.entry = entry
        self.member_name = member_name
        self._busy = False
        self.question = QLabel(self)
        self.question.setObjectName("questionLabel")
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setBold(True)
        self.question.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.reason_label = QLabel(self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(200)
        self.reason_label.setBuddy(self.reason_edit)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        mark_as_error_label(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        # Enter cancels: taking an entry back needs the button itself.
        self.ok_button().setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)

        form = QFormLayout()
        form.addRow(self.reason_label, self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.explanation.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 28)

        self.reason_edit.textChanged.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._retranslate()

    def ok_button(self) -> QPushButton:
        """The withdraw button (enabled once a reason is typed)."""
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
        """Withdraw on the DB lane; close only when it was done."""
        if self._busy or not self.reason():
            return
        self.error.hide()
        self._set_busy(True)
        member_ops.withdraw_event(self, self.ctx, event_id=self.event_id, reason=self.reason(), on_done=self._done,
                                  on_error=self._failed)

    def _done(self, _changes: object) -> None:
        self._set_busy(False)
        self.withdrawn.emit(self.entry)
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
        self.setWindowTitle(self.tr("Withdraw an entry"))
        self.question.setText(self.tr("Withdraw “{entry}” from the history of {name}?").format(
            entry=self.entry, name=self.member_name))
        self.explanation.setText(self.tr(
            "Use this only for an entry recorded by mistake. The entry leaves the history, and the member's "
            "status is worked out again from the other entries. The reason is kept with the record."))
        self.reason_label.setText(self.tr("Reason:"))
        self.reason_edit.setPlaceholderText(self.tr("Required, e.g. recorded for the wrong member"))
        self.ok_button().setText(self.tr("Withdraw"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
