"""显示完整号码: the box both the roster and a member's page show full ID and phone numbers by.

Unticked masks at once. Ticked records the showing in the audit trail first (``operations.access.reveal``)
and only then shows the numbers, if the box is still ticked and the same members are still meant; when the
record cannot be written the box is unticked again and the reason said on the status line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QWidget

from partydesk.core.errors import KnownError
from partydesk.gui.operations import access as access_ops

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


class RevealCheck(QCheckBox):
    """The box; ``show(on)`` masks or unmasks; ``ids()`` are the members whose numbers it shows (None: nobody,
    the box only masks). With ``same_members`` the numbers are shown only if ``ids()`` still gives the members
    the record names (a member's page moved on to another member while it was written shows nothing)."""

    def __init__(self, parent: QWidget, ctx: AppContext, *, summary: str, ids: Callable[[], list[str] | None],
                 show: Callable[[bool], None], same_members: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("revealCheck")
        self.ctx = ctx
        self._summary, self._ids, self._show, self._same = summary, ids, show, same_members
        self.toggled.connect(self._toggled)

    def _toggled(self, on: bool) -> None:
        asked = self._ids() if on else None
        if asked is None:
            self._show(False)
            return
        access_ops.reveal(self, self.ctx, asked, summary=self._summary, on_done=lambda _result: self._shown(asked),
                          on_error=self._failed)

    def _shown(self, asked: list[str]) -> None:
        if self.isChecked() and (not self._same or self._ids() == asked):  # not unticked meanwhile
            self._show(True)

    def _failed(self, error: KnownError) -> None:
        self.blockSignals(True)
        self.setChecked(False)
        self.blockSignals(False)
        self.ctx.hub.statusMessage.emit(error.message)
