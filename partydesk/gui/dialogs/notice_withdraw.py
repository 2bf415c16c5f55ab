"""Withdraw a notice this office sent (撤回通知): names the notice, says what follows, requires a reason.

The notice is not erased: it stays in the lists marked 已撤回 with the reason on top of its text, and the
next package to each branch it went to carries that, so nobody keeps working on it. The dialog runs
``services.notices.withdraw_notice`` on the DB lane and closes only when the core has done it. The
destructive button must be clicked: Enter cancels, or in the reason field does nothing (``reason_dialog``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from partydesk.gui.operations import notices as ops
from partydesk.gui.widgets.reason_dialog import ReasonDialog

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


class NoticeWithdrawDialog(ReasonDialog):
    """Asks "withdraw <title>?" with a reason; ``withdrawn(notice id)`` after the core did it."""

    withdrawn = Signal(str)

    def __init__(self, ctx: AppContext, notice_id: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, explain_chars=30)
        self.ctx = ctx
        self.notice_id = notice_id
        self.title = title
        self._retranslate()

    def _run(self, reason: str) -> None:
        ops.withdraw(self, self.ctx, self.notice_id, reason=reason, on_done=self._done, on_error=self._failed)

    def _done(self, _changes: object) -> None:
        self.withdrawn.emit(self.notice_id)
        self._finished()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Withdraw a notice"))
        self.question.setText(self.tr("Withdraw the notice “{title}”?").format(title=self.title))
        self.explanation.setText(self.tr(
            "The notice stays in the list marked withdrawn, with the reason at the top of its text. The next "
            "package to each branch it was sent to tells them so; it then asks nothing of them. A branch it has "
            "not reached yet never gets it. A withdrawn notice cannot be sent again: write a new one if needed."))
        self.reason_label.setText(self.tr("Reason:"))
        self.reason_edit.setPlaceholderText(self.tr("Required, e.g. the deadline was wrong"))
        self.ok_button().setText(self.tr("Withdraw"))
        self._update()
