"""The branch filter (支部): a label and a combo that pages drop into their filter bar in a committee file.

``set_branches`` fills it from ``services.branches.Branches``: 全部支部 first (unless the page needs one
branch, as the year calendar does), then this site's own organisation and every branch by code. In a
file with a single organisation the whole widget hides itself, so a branch's pages look as before.
``branchChanged`` carries the chosen organisation id, or None for 全部支部.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from partydesk.core.services.branches import SINGLE, Branches


class BranchFilter(QWidget):
    """支部: [全部支部 ▾]; hidden while the file holds one organisation."""

    branchChanged = Signal(object)  # org id (str) or None for every branch

    def __init__(self, parent: QWidget | None = None, *, include_all: bool = True) -> None:
        super().__init__(parent)
        self.include_all = include_all
        self.branches: Branches = SINGLE
        self._wanted: str | None = None  # chosen before it was offered (``set_current``)
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("branchCombo")
        # As wide as the longest name: branch names differ in their last characters (第十二支部, 第十三支部).
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(6)
        self.label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(lambda _i: self.branchChanged.emit(self.current()))
        self._retranslate()
        self.setVisible(False)

    def set_branches(self, branches: Branches, *, prefer: str | None = None, skip: str | None = None) -> None:
        """Fill the combo (every organisation but ``skip``), keeping the chosen branch when it is still there
        (else ``prefer``, else the first entry); emits ``branchChanged`` only when the choice changes."""
        before = self.current()
        wanted, self._wanted = self._wanted, None
        self.branches = branches
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.include_all:
            self.combo.addItem(self.tr("All branches"), None)
        for branch in branches.items:
            if branch.org_id == skip:
                continue
            self.combo.addItem(branch.name or branch.code, branch.org_id)
            self.combo.setItemData(self.combo.count() - 1, branch.code, Qt.ItemDataRole.ToolTipRole)
        for choice in (wanted, before, prefer):
            at = self.combo.findData(choice) if choice is not None else -1
            if at >= 0:
                self.combo.setCurrentIndex(at)
                break
        else:
            self.combo.setCurrentIndex(0 if self.combo.count() else -1)
        self.combo.blockSignals(False)
        self.setVisible(branches.multi)
        if self.current() != before:
            self.branchChanged.emit(self.current())

    def current(self) -> str | None:
        """The chosen organisation id, or None (全部支部, or nothing to choose)."""
        value = self.combo.currentData()
        return value if isinstance(value, str) else None

    def current_name(self) -> str:
        """The chosen organisation's name as offered ("" for 全部支部)."""
        return self.combo.currentText() if self.current() is not None else ""

    def set_current(self, org_id: str | None) -> bool:
        """Choose ``org_id`` (None: 全部支部); False when it is not offered. One not offered yet (asked for
        before the list of branches is in: a to-do opened just after start-up) is chosen when it comes."""
        at = self.combo.findData(org_id) if org_id is not None else (0 if self.include_all else -1)
        if at < 0:
            self._wanted = org_id
            return False
        self._wanted = None
        self.combo.setCurrentIndex(at)
        return True

    def _retranslate(self) -> None:
        self.label.setText(self.tr("&Branch:"))
        if self.include_all and self.combo.count():
            self.combo.setItemText(0, self.tr("All branches"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
