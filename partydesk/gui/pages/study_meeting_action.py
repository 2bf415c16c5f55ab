"""计为学习 on the meetings page: count the selected 党课, 主题党日 or 党小组学习 as study.

The button sits in the 会议记录 list's bar. It is enabled for one selected meeting whose type counts as
study and that no activity counts yet; for a counted one it reads 已计入学习 and stays off. Which meetings
are counted is read on the DB lane when the selection moves and after any study or meeting change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.domain.study import MEETING_AS_STUDY
from partydesk.core.services.meeting_reports import MeetingLine
from partydesk.gui.operations import study_meetings as ops
from partydesk.gui.widgets.list_page import ListPage

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


class CountAsStudyButton(QPushButton):
    """计为学习 for the meeting selected in ``panel``; opens ``dialogs.study_meeting`` on it."""

    def __init__(self, ctx: AppContext, panel: ListPage[MeetingLine]) -> None:
        super().__init__(panel)
        self.setObjectName("countAsStudyButton")
        self.ctx = ctx
        self.panel = panel
        self.line: MeetingLine | None = None
        self.counted: bool | None = None  # for ``line``; None until read
        self.dialog: QWidget | None = None
        self.clicked.connect(lambda _checked=False: self.open_dialog())
        panel.selectionChanged.connect(self.check)
        ctx.hub.changed.connect(self._on_changed)
        self._retranslate()
        self.check()

    def check(self) -> None:
        """Look at the selection again: off unless one qualifying meeting is selected; then read whether
        it is counted."""
        rows = self.panel.selected_rows()
        line = rows[0] if len(rows) == 1 and rows[0].type_code in MEETING_AS_STUDY else None
        if line is None or self.line is None or line.id != self.line.id:
            self.counted = None
        self.line = line
        self._retranslate()
        self._read_counted()

    def _read_counted(self) -> None:
        if self.line is not None and not self.ctx.runner.is_shut_down:  # (the window closing: no more reads)
            wanted = self.line.id

            def read(ids: set[str]) -> None:
                self._counted(wanted, ids)

            ops.load_counted(self, self.ctx, [wanted], read)

    def _counted(self, meeting_id: str, ids: set[str]) -> None:
        if self.line is not None and self.line.id == meeting_id:
            self.counted = meeting_id in ids
            self._retranslate()

    def _on_changed(self, changes: Changes) -> None:
        # The meeting the button is about is read again (the list may be between a reset and its reselection).
        if changes.touches(ChangeKind.STUDY, ChangeKind.MEETING):
            self._read_counted()

    def open_dialog(self) -> None:
        """Open the count dialog on the selected meeting."""
        if self.line is None or self.counted is not False:
            return
        from partydesk.gui.dialogs.study_meeting import CountMeetingDialog

        dialog = CountMeetingDialog(self.ctx, self.line.held_on.year, self.window(), meeting_id=self.line.id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _retranslate(self) -> None:
        self.setEnabled(self.line is not None and self.counted is False)
        if self.line is not None and self.counted:
            self.setText(self.tr("Counted as study"))
            self.setToolTip(self.tr("This meeting's hours are already on the study ledger."))
        else:
            self.setText(self.tr("Count as study…"))
            self.setToolTip(self.tr("Credit the members present at this party lecture, theme party day or "
                                    "party-group study with study hours"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
