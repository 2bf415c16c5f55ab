"""将更新的党员: what a roster import would change in the members on record, before anything is written.

A count of "2 updated" said neither who nor what: re-importing an older copy of the roster quietly undid
newer corrections (a phone number put back). This group lists, for each member the file updates, every field
it changes with the recorded value and the file's (coded values by name, numbers masked as the roster masks
them), so the office can see a step backwards before pressing 导入.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.io.roster_plan import ImportPlan

VISIBLE_ROWS = 6  # the list scrolls beyond this: the problems below keep their room on a 1366×768 screen


class RosterChanges(QGroupBox):
    """The fields each updated member would change: row, name, field, recorded value, the file's value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesGroup")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("changesTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):  # the recorded value and the file's side by side, of one width
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        line = self.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(int(line * 1.4))
        self.table.setMaximumHeight(int(line * 1.4) * (VISIBLE_ROWS + 1) + 2 * self.table.frameWidth())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self._count = 0
        self._retranslate()
        self.hide()

    def show_plan(self, plan: ImportPlan) -> None:
        """List what ``plan`` changes in the members on record (hidden when it changes none)."""
        lines = [(row.row, row.data.name if row.data else "", field, old, new)
                 for row in plan.rows if row.action == "updated" for field, old, new in row.changes()]
        self.table.setRowCount(len(lines))
        for at, line in enumerate(lines):
            for column, value in enumerate(line):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))
                self.table.setItem(at, column, item)
        self._count = plan.updated
        self._retranslate()
        self.setVisible(bool(lines))

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Members on record the file changes ({count}): check nothing goes back to an older "
                              "value").format(count=self._count))
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("Field"),
                                              self.tr("Recorded"), self.tr("In the file")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
