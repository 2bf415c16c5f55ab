"""The attendance rates view (出勤统计): a year's per-member attendance, members absent three times in a row flagged;
导出 Excel… asks the page to write the year shown as a printable sheet (``services.attendance_register``).

Holds no database: the meetings page loads an ``AttendanceYear`` (``yearRequested``) and hands it to
``set_year_data``. Columns sort on a header click (in Python, a few hundred rows at most).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.errors import KnownError
from partydesk.gui.models.attendance_model import FLAG_FOREGROUND, AttendanceRatesModel, attendance_rows
from partydesk.gui.operations.meeting_reports import AttendanceYear
from partydesk.gui.widgets.compliance_calendar import FIRST_YEAR, LAST_YEAR
from partydesk.gui.widgets.unreadable import Unreadable


class AttendanceRatesPanel(QWidget):
    """Year choice, a one-line summary and the per-member table."""

    yearRequested = Signal(int)
    exportRequested = Signal()  # 导出 Excel…: the page asks where and writes the year shown

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.model = AttendanceRatesModel(self)
        self.year_label = QLabel(self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("attendanceYearSpin")
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_spin.setValue(self.today.year)
        self.year_spin.setKeyboardTracking(False)
        self.year_spin.valueChanged.connect(self.yearRequested)
        self.year_label.setBuddy(self.year_spin)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("attendanceSummary")
        self.summary_label.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("attendanceExportButton")
        self.export_button.clicked.connect(self.exportRequested)
        self.export_button.setEnabled(False)  # until a year is shown
        self.view = QTableView(self)
        self.view.setObjectName("attendanceView")
        self.view.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
        self.view.setModel(self.model)
        # Flagged members first until a header is clicked (no sort indicator at first).
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        self.view.verticalHeader().setDefaultSectionSize(int(metrics.lineSpacing() * 1.6))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, metrics.horizontalAdvance("欧阳晓梅") * 2)
        for column in range(1, 6):
            header.resizeSection(column, metrics.horizontalAdvance("出勤率") * 2)
        self.year_spin.setMinimumWidth(metrics.horizontalAdvance("2026 年") + metrics.height() * 3)

        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_spin)
        top.addSpacing(metrics.horizontalAdvance("汉") * 2)
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        self.stack = Unreadable(self.view, self, name="attendanceUnreadable")
        layout.addWidget(self.stack, 1)
        self._data: AttendanceYear | None = None
        self.retranslate()

    @property
    def year(self) -> int:
        """The year shown."""
        return self.year_spin.value()

    def set_year_data(self, data: AttendanceYear) -> None:
        """Show a loaded year."""
        self._data = data
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(data.year)
        self.year_spin.blockSignals(False)
        self.model.set_rows(attendance_rows(data.rates, data.runs))
        self.export_button.setEnabled(True)
        self.stack.show_view()
        self._fit_names()
        self._update_summary()

    def show_unreadable(self, heading: str, error: KnownError) -> None:
        """The year could not be read: ``heading`` and why in place of the table, whose rows (another year's,
        or another branch's) are cleared, as is the summary."""
        self._data = None
        self.model.set_rows([])
        self.export_button.setEnabled(False)
        self.stack.show_unreadable(heading, error)
        self._update_summary()

    def _fit_names(self) -> None:
        """The name column as wide as a name: with its branch after it (全部支部 in a committee's file) as wide
        as the longest such name, so two people of one name in two branches can be told apart."""
        metrics = self.fontMetrics()
        wide = metrics.horizontalAdvance("欧阳晓梅") * 2
        if self.model.branch_names:
            texts = (str(self.model.index(row, 0).data() or "") for row in range(self.model.rowCount()))
            wide = max([wide, *(metrics.horizontalAdvance(t) + metrics.height() for t in texts)])
        self.view.horizontalHeader().resizeSection(0, min(wide, metrics.horizontalAdvance("汉") * 24))

    def _update_summary(self) -> None:
        if self._data is None:
            self.summary_label.clear()
            return
        flagged = self.model.flagged()
        text = self.tr("{n} members expected at meetings this year. ").format(n=len(self._data.rates))
        if flagged:
            names = "、".join(r.rate.name for r in flagged)
            text += self.tr("Absent three or more times in a row: {names}").format(names=names)
            self.summary_label.setStyleSheet(f"color: {FLAG_FOREGROUND.name()};")
        else:
            self.summary_label.setStyleSheet("")
        self.summary_label.setText(text)

    def retranslate(self) -> None:
        """Re-read texts after a language switch."""
        self.year_label.setText(self.tr("&Year:"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("Save this year's attendance as a printable Excel sheet"))
        self.year_spin.setSuffix(self.tr(" ", "year suffix"))
        self.model.retranslate()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

