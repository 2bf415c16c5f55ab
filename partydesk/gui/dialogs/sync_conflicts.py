"""The conflict review (冲突处理): each queued conflict with both versions side by side, field by field, and
the two decisions — keep this computer's version, or take the one that arrived. Nothing is decided
without a click; a decided conflict leaves the list.

ID and phone numbers show masked through the core masking policy, as on the roster; "Show full numbers"
first records a "reveal" of the conflicts' records in the audit trail, and only then shows them in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.domain.masking import Masking, shown
from partydesk.core.domain.text_diff import differing_spans
from partydesk.core.services import sync_conflicts
from partydesk.gui.operations import access as access_ops
from partydesk.gui.operations import run
from partydesk.gui.widgets.look_again import ask_first
from partydesk.gui.widgets.marked_text import SPANS, MarkedTextDelegate

if TYPE_CHECKING:
    from partydesk.core.errors import KnownError
    from partydesk.core.services.sync_conflicts import ConflictView
    from partydesk.gui.context import AppContext


class ConflictDialog(QDialog):
    """List of conflicts on the left; the chosen one's differing fields on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.views: list[ConflictView] = []
        self.masking = Masking.MASKED
        self.setWindowTitle(self.tr("Conflicts to decide"))
        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.list.currentRowChanged.connect(self._show)
        self.list.setWordWrap(True)  # a long title on two lines, not behind a sideways scroll bar
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.provenance = QLabel(self)  # whose each version is and when it was made
        self.provenance.setObjectName("provenanceLabel")
        self.provenance.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("conflictTable")
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # shown, not edited
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("On this computer"), self.tr("Arrived")])
        # Both values whole, wrapped in their cells: the difference may be at the end of a long address or place
        # (会议室（三楼） against 会议室（四楼）), and a value cut short hides it.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setItemDelegate(MarkedTextDelegate(self.table))  # the characters that differ, marked
        self.keep_button = QPushButton(self.tr("Keep this computer's version"), self)
        self.keep_button.setObjectName("keepButton")
        self.keep_button.clicked.connect(lambda: self._decide(take_incoming=False))
        self.take_button = QPushButton(self.tr("Take the version that arrived"), self)
        self.take_button.setObjectName("takeButton")
        self.take_button.clicked.connect(lambda: self._decide(take_incoming=True))
        self.reveal_check = QCheckBox(self.tr("Show full numbers"), self)
        self.reveal_check.setObjectName("revealCheck")
        self.reveal_check.toggled.connect(self._reveal_toggled)
        right = QVBoxLayout()
        right.addWidget(self.reason)
        right.addWidget(self.provenance)
        right.addWidget(self.table, 1)
        decide = QHBoxLayout()
        decide.addWidget(self.reveal_check)
        decide.addStretch(1)
        decide.addWidget(self.keep_button)
        decide.addWidget(self.take_button)
        right.addLayout(decide)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 3)
        # Each decision throws one version away: only a click (or Space on it) makes one. Enter closes.
        self.keep_button.setAutoDefault(False)
        self.take_button.setAutoDefault(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        cjk = self.fontMetrics().horizontalAdvance("汉")
        self.resize(cjk * 60, cjk * 30)
        self.reload()

    def reload(self) -> None:
        """Read the open conflicts again."""
        db = self.ctx.db
        run(self, self.ctx, lambda _p: sync_conflicts.open_conflicts(db), label="conflicts", on_done=self._fill)

    def _fill(self, views: list[ConflictView]) -> None:
        self.views = views
        self.list.clear()
        for view in views:
            self.list.addItem(view.title)
            self.list.item(self.list.count() - 1).setToolTip(view.title)  # whole, should the list cut it
        # The list as wide as its longest title, up to a third of the dialog: a name is not cut to 王建国（示范…
        widest = max((self.list.fontMetrics().horizontalAdvance(v.title) for v in views), default=0)
        margin = 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width() + 8
        self.list.setMinimumWidth(min(widest + margin, self.width() // 3))
        self.list.setCurrentRow(0 if views else -1)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        view = self.views[row] if 0 <= row < len(self.views) else None
        self.keep_button.setEnabled(view is not None)
        self.take_button.setEnabled(view is not None)
        reason = view.reason + ("" if view.reason.endswith("。") else "。") if view else ""
        self.reason.setText(reason or self.tr("No conflict is waiting."))
        self.provenance.setText(view.provenance if view else "")
        self.provenance.setVisible(bool(view and view.provenance))
        diffs = view.differences if view else []
        self.table.setRowCount(len(diffs))
        for number, diff in enumerate(diffs):
            local, incoming = (shown(diff.field, text, self.masking) for text in (diff.local, diff.incoming))
            marks = differing_spans(local, incoming)
            for column, text in enumerate((diff.label, local, incoming)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # whole, where the column cuts a long address short
                if column:
                    item.setData(SPANS, marks[column - 1])
                self.table.setItem(number, column, item)

    def _reveal_toggled(self, on: bool) -> None:
        """Mask at once; show full numbers only once the reveal is in the audit trail."""
        if not on:
            self.masking = Masking.MASKED
            self._show(self.list.currentRow())
            return
        ids = [view.record_id for view in self.views]
        access_ops.reveal(self, self.ctx, ids, summary="冲突处理显示完整号码", on_done=self._revealed,
                          on_error=self._reveal_failed)

    def _revealed(self, _result: object) -> None:
        if self.reveal_check.isChecked():  # not unticked while the record was written
            self.masking = Masking.FULL
            self._show(self.list.currentRow())

    def _reveal_failed(self, error: KnownError) -> None:
        self.reveal_check.blockSignals(True)
        self.reveal_check.setChecked(False)
        self.reveal_check.blockSignals(False)
        self.masking = Masking.MASKED
        self.ctx.hub.statusMessage.emit(error.message)

    def _decide(self, *, take_incoming: bool) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.views) or not self._confirmed(self.views[row], take_incoming=take_incoming):
            return
        db, actor, conflict_id = self.ctx.db, self.ctx.actor, self.views[row].id
        run(self, self.ctx, lambda _p: sync_conflicts.resolve(db, actor, conflict_id, take_incoming=take_incoming),
            label="resolve conflict", on_done=lambda _changes: self.reload())

    def _confirmed(self, view: ConflictView, *, take_incoming: bool) -> bool:
        """Ask before a version is thrown away (it cannot be had back here); the default answer goes back."""
        here, arrived = self.tr("this computer's version"), self.tr("the version that arrived")
        kept, gone = (arrived, here) if take_incoming else (here, arrived)
        return ask_first(self, self.tr("For “{title}”, keep {kept} and throw away {gone}? It cannot be had back.")
                         .format(title=view.title, kept=kept, gone=gone),
                         self.take_button.text() if take_incoming else self.keep_button.text(), "decideButton")
