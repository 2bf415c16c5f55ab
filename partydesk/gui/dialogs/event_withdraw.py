"""Withdraw a history entry recorded by mistake (撤销变动记录): names the entry, requires a reason.

Withdrawing is for an entry that should never have been recorded (the wrong member, the wrong kind, a
double entry). The dialog names the entry, says what follows (the member's state is worked out again from
the other entries), asks for the reason and runs ``services.members.withdraw_event`` on the DB lane. It
closes only when the core has done it; the core's message (入党 cannot be withdrawn, the entry is already
gone) appears in the dialog otherwise. Enter cancels: the destructive button must be clicked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from partydesk.gui.operations import members as member_ops
from partydesk.gui.widgets.reason_dialog import ReasonDialog

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


class EventWithdrawDialog(ReasonDialog):
    """Asks "withdraw <entry>?" with a reason; ``withdrawn(entry)`` after the core did it."""

    withdrawn = Signal(str)

    def __init__(self, ctx: AppContext, event_id: str, entry: str, member_name: str,
                 parent: QWidget | None = None) -> None:
        """``entry``: the entry as the user sees it (date and kind), to name it in the question."""
        super().__init__(parent, explain_chars=28)
        self.ctx = ctx
        self.event_id = event_id
        self.entry = entry
        self.member_name = member_name
        self._retranslate()

    def _run(self, reason: str) -> None:
        member_ops.withdraw_event(self, self.ctx, event_id=self.event_id, reason=reason, on_done=self._done,
                                  on_error=self._failed)

    def _done(self, _changes: object) -> None:
        self.withdrawn.emit(self.entry)
        self._finished()

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
