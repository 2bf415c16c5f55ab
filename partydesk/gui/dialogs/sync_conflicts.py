"""The conflict review (冲突处理): each queued conflict with both versions side by side, field by field, and
the two decisions — keep this computer's version, or take the one that arrived. Nothing is decided
without a click; a decided conflict leaves the list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
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

from partydesk.core.services import sync_conflicts
from partydesk.gui.operations import run

if TYPE_CHECKING:
    from partydesk.core.services.sync_conflicts import ConflictView
    from partydesk.gui.context import AppContext


class ConflictDialog(QDialog):
    """List of conflicts on the left; the chosen one's differing fields on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.views: list[ConflictView] = []
        self.setWindowTitle(self.tr("Conflicts to decide"))
        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.list.currentRowChanged.connect(self._show)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("On this computer"), self.tr("Arrived")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.keep_button = QPushButton(self.tr("Keep this computer's version"), self)
        self.keep_button.setObjectName("keepButton")
        self.keep_button.clicked.connect(lambda: self._decide(take_incoming=False))
        self.take_button = QPushButton(self.tr("Take the version that arrived"), self)
        self.take_button.setObjectName("takeButton")
        self.take_button.clicked.connect(lambda: self._decide(take_incoming=True))
        right = QVBoxLayout()
        right.addWidget(self.reason)
        right.addWidget(self.table, 1)
        decide = QHBoxLayout()
        decide.addStretch(1)
        decide.addWidget(self.keep_button)
        decide.addWidget(self.take_button)
        right.addLayout(decide)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
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
        self.list.setCurrentRow(0 if views else -1)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        view = self.views[row] if 0 <= row < len(self.views) else None
        self.keep_button.setEnabled(view is not None)
        self.take_button.setEnabled(view is not None)
        self.reason.setText(view.reason if view else self.tr("No conflict is waiting."))
        diffs = view.differences if view else []
        self.table.setRowCount(len(diffs))
        for number, diff in enumerate(diffs):
            for column, text in enumerate((diff.label, diff.local, diff.incoming)):
                self.table.setItem(number, column, QTableWidgetItem(text))

    def _decide(self, *, take_incoming: bool) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.views):
            return
        db, actor, conflict_id = self.ctx.db, self.ctx.actor, self.views[row].id
        run(self, self.ctx, lambda _p: sync_conflicts.resolve(db, actor, conflict_id, take_incoming=take_incoming),
            label="resolve conflict", on_done=lambda _changes: self.reload())
