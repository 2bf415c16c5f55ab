"""The to-do board (待办事项): findings grouped by urgency (逾期, 注意, 提示), most urgent first.

Each row is one finding with its due day; double-click or "Open" asks to go to what it concerns. A
finding can be dismissed or snoozed (the page asks why), and "Show set aside" lists those with their
reason, to bring one back. The board only shows and asks: the workbench page runs the operations.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.checks.advice import advice
from partydesk.core.checks.engine import Dismissal
from partydesk.core.checks.findings import Finding, Severity

FINDING_ROLE = Qt.ItemDataRole.UserRole
HIDDEN_ROLE = Qt.ItemDataRole.UserRole + 1


class TodoBoard(QWidget):
    """A tree of findings by severity, with open, dismiss, snooze and restore."""

    openRequested = Signal(object)  # Finding
    dismissRequested = Signal(object)
    snoozeRequested = Signal(object)
    restoreRequested = Signal(object)
    showSetAsideToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open: list[Finding] = []
        self._hidden: list[tuple[Finding, Dismissal]] = []
        self._ready = False  # no findings given yet: the checks are still running
        self._failed = ""  # why the to-dos could not be read (shown instead of them)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("todoTree")
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        # Enter and a double-click both activate an item
        self.tree.itemActivated.connect(lambda item, _col: self._emit(self.openRequested, item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.open_button = self._button("openTodoButton", self.openRequested)
        self.dismiss_button = self._button("dismissTodoButton", self.dismissRequested)
        self.snooze_button = self._button("snoozeTodoButton", self.snoozeRequested)
        self.restore_button = self._button("restoreTodoButton", self.restoreRequested)
        # The chosen to-do in full: a long one is cut short in its row (一… 应作出停止党…).
        self.detail = QLabel(self)
        self.detail.setObjectName("todoDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.set_aside_check = QCheckBox(self)
        self.set_aside_check.setObjectName("setAsideCheck")
        self.set_aside_check.toggled.connect(self._toggled)
        buttons = QHBoxLayout()
        for w in (self.open_button, self.dismiss_button, self.snooze_button, self.restore_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addWidget(self.set_aside_check)
        self._retranslate()

    def _button(self, name: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(lambda: self._emit(signal, self.tree.currentItem()))
        return button

    def _emit(self, signal: SignalInstance, item: QTreeWidgetItem | None) -> None:
        finding: Any = item.data(0, FINDING_ROLE) if item is not None else None
        if isinstance(finding, Finding):
            signal.emit(finding)

    def _toggled(self, on: bool) -> None:
        self.showSetAsideToggled.emit(on)
        self._fill()

    def set_findings(self, found: list[Finding]) -> None:
        """Show these open findings (already most urgent first)."""
        self._open = list(found)
        self._ready, self._failed = True, ""
        self._fill()

    def set_failed(self, reason: str) -> None:
        """The to-dos could not be read: say so (with ``reason``) instead of any list or waiting text."""
        self._open, self._ready, self._failed = [], True, reason
        self._fill()

    def set_set_aside(self, hidden: list[tuple[Finding, Dismissal]]) -> None:
        """The findings dismissed or snoozed, shown while "Show set aside" is ticked."""
        self._hidden = list(hidden)
        self._fill()

    def findings(self) -> list[Finding]:
        """The open findings shown, in board order."""
        return list(self._open)

    def _fill(self) -> None:
        current = self.tree.currentItem()
        chosen = current.data(0, FINDING_ROLE) if current is not None else None
        self.tree.clear()
        for severity in sorted(Severity, reverse=True):
            mine = [f for f in self._open if f.severity is severity]
            if mine:
                self._group(f"{severity.label}（{len(mine)}）", [(f, None) for f in mine])
        if self.set_aside_check.isChecked() and self._hidden:
            self._group(self.tr("Set aside ({count})").format(count=len(self._hidden)), self._hidden)
        if self._failed:
            text = self.tr("The to-dos could not be read: {reason}").format(reason=self._failed)
        elif self._ready:
            text = self.tr("Nothing needs doing. Well done.")
        else:
            text = self.tr("Checking what needs doing…")
        if not self._open:
            empty = QTreeWidgetItem([text])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.insertTopLevelItem(0, empty)
        self.tree.expandAll()
        for item in self._items():
            if item.data(0, FINDING_ROLE) == chosen:
                self.tree.setCurrentItem(item)
        self._update_buttons()

    def _group(self, title: str, rows: Sequence[tuple[Finding, Dismissal | None]]) -> None:
        head = QTreeWidgetItem([title])
        head.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        self.tree.addTopLevelItem(head)
        for finding, decision in rows:
            text = finding.message
            if decision is not None:
                until = f" → {decision.until:%Y-%m-%d}" if decision.until else ""
                text = f"{text}（{decision.reason}{until}）"
            item = QTreeWidgetItem([text, f"{finding.due:%Y-%m-%d}" if finding.due else ""])
            item.setToolTip(0, text)
            item.setData(0, FINDING_ROLE, finding)
            item.setData(0, HIDDEN_ROLE, decision is not None)
            head.addChild(item)

    def _items(self) -> list[QTreeWidgetItem]:
        top = [t for i in range(self.tree.topLevelItemCount()) if (t := self.tree.topLevelItem(i)) is not None]
        return [c for t in top for j in range(t.childCount()) if (c := t.child(j)) is not None]

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        finding: Any = item.data(0, FINDING_ROLE) if item is not None else None
        hidden = bool(item.data(0, HIDDEN_ROLE)) if item is not None else False
        has = isinstance(finding, Finding)
        if has and item is not None:
            what_to_do = advice(finding.code)  # the office's own words, as the to-do's (core.checks.advice)
            self.detail.setText(item.text(0) + (f"\n{what_to_do}" if what_to_do else ""))
        else:
            self.detail.setText(self.tr(
                "Choose a to-do to read it in full here; Enter or a double-click goes where it is done."))
        self.open_button.setEnabled(has and finding.target is not None)
        self.dismiss_button.setEnabled(has and not hidden)
        self.snooze_button.setEnabled(has and not hidden)
        self.restore_button.setVisible(self.set_aside_check.isChecked())
        self.restore_button.setEnabled(has and hidden)

    def select(self, finding: Finding) -> bool:
        """Make ``finding`` the current row; False when it is not on the board."""
        for item in self._items():
            if item.data(0, FINDING_ROLE) == finding:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("To do"), self.tr("Due")])
        self.open_button.setText(self.tr("Open"))
        self.dismiss_button.setText(self.tr("Dismiss…"))
        self.snooze_button.setText(self.tr("Snooze…"))
        self.restore_button.setText(self.tr("Bring back"))
        self.set_aside_check.setText(self.tr("Show set aside"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
