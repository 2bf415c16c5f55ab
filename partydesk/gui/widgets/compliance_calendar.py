"""The compliance calendar (会议落实日历): a year of required meetings at a glance, with a year switcher
and a legend.

Rows are meeting types (each 党小组 its own row), columns are months, and each period's cell spans its
months (a quarter three, a year twelve). Clicking a held cell opens its meeting (a menu chooses when
there are several); clicking a missing or coming cell asks to record a meeting of that type with a date
in the period. The widget holds no database: the page loads a year (``yearRequested``) and hands it to
``set_year_data``. Sizes come from the font, so it reads at 1366×768 and at 150 %.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.errors import KnownError
from partydesk.core.services.meeting_reports import MeetingLine, PeriodCompliance
from partydesk.gui.models.meeting_calendar_model import (
    COLOURS,
    CalendarCell,
    CellState,
    MeetingCalendarModel,
    build_cells,
)
from partydesk.gui.widgets.unreadable import Unreadable

FIRST_YEAR, LAST_YEAR = 1990, 2100


class ComplianceCalendar(QWidget):
    """Year switcher, the calendar table and its legend."""

    yearRequested = Signal(int)  # the user chose another year: the owner loads it
    openMeeting = Signal(str)  # a held meeting's id
    startMeeting = Signal(str, str, object)  # type code, party group, preset date

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self._meetings: dict[str, MeetingLine] = {}
        self.model = MeetingCalendarModel(self)
        self.menu: QMenu | None = None

        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_spin.setValue(self.today.year)
        self.year_spin.setKeyboardTracking(False)  # typing 2025 asks for one year, not for 2, 20, 202
        self.year_spin.valueChanged.connect(self.yearRequested)
        self.previous_button = QPushButton(self)
        self.previous_button.setObjectName("previousYearButton")
        self.previous_button.clicked.connect(lambda: self.year_spin.stepBy(-1))
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextYearButton")
        self.next_button.clicked.connect(lambda: self.year_spin.stepBy(1))
        self.this_year_button = QPushButton(self)
        self.this_year_button.setObjectName("thisYearButton")
        self.this_year_button.clicked.connect(lambda: self.year_spin.setValue(self.today.year))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("calendarSummary")

        self.view = QTableView(self)
        self.view.setObjectName("calendarView")
        self.view.setTabKeyNavigation(False)  # Tab leaves the calendar; the arrows move in it
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Rows share the height (a calendar, not a list), never lower than two lines of text.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.setMouseTracking(True)
        self.view.clicked.connect(self.activate)
        self.view.activated.connect(self.activate)  # Enter on the keyboard
        self.model.modelReset.connect(self._apply_spans)

        top = QHBoxLayout()
        for widget in (self.previous_button, self.year_spin, self.next_button, self.this_year_button):
            top.addWidget(widget)
        top.addSpacing(self.fontMetrics().horizontalAdvance("汉") * 2)
        top.addWidget(self.summary_label, 1)
        self.legend = QHBoxLayout()
        self.legend_labels: dict[CellState, QLabel] = {}
        self.legend_swatches: dict[CellState, QFrame] = {}
        for state in CellState:
            swatch = QFrame(self)
            size = self.fontMetrics().height()
            swatch.setFixedSize(size * 2, size)
            swatch.setStyleSheet(f"background: {COLOURS[state][0].name()}; border: 1px solid #888;")
            label = QLabel(self)
            self.legend_labels[state] = label
            self.legend_swatches[state] = swatch
            self.legend.addWidget(swatch)
            self.legend.addWidget(label)
            self.legend.addSpacing(size)
        self.legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        self.stack = Unreadable(self.view, self, name="calendarUnreadable")
        layout.addWidget(self.stack, 1)
        layout.addLayout(self.legend)
        self._size_from_font()
        self.retranslate()

    # -- data --------------------------------------------------------------------------------------

    @property
    def year(self) -> int:
        """The year shown."""
        return self.year_spin.value()

    def set_year_data(self, year: int, rows: Sequence[PeriodCompliance], meetings: Sequence[MeetingLine]) -> None:
        """Show ``year``: compliance rows and the meetings held that year (for opening held cells)."""
        self._meetings = {m.id: m for m in meetings}
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(year)
        self.year_spin.blockSignals(False)
        self.model.set_cells(year, build_cells(year, rows, meetings))
        self.stack.show_view()
        self._update_summary()

    def show_unreadable(self, heading: str, error: KnownError) -> None:
        """The year could not be read: ``heading`` and why in place of the calendar, whose cells (another year's,
        or empty ones that would look like meetings never held) are cleared, as is the summary."""
        self._meetings = {}
        self.model.set_cells(self.year, [])
        self.stack.show_unreadable(heading, error)
        self._update_summary()

    def current_key(self) -> str:
        """The key of the current cell ("" when none)."""
        index = self.view.currentIndex()
        cell = self.model.cell(index.row(), index.column()) if index.isValid() else None
        return cell.key if cell is not None else ""

    def focus_cell(self, key: str, *, take_focus: bool = True) -> bool:
        """Put the keyboard focus on the cell with ``key`` (a finding's calendar target); False when the
        year shown has no such cell. Without ``take_focus`` the cell is only made current again (after a
        reload of the data shown)."""
        for row in range(self.model.rowCount()):
            for column in range(self.model.columnCount()):
                cell = self.model.cell(row, column)
                if cell is not None and cell.key == key:
                    index = self.model.index(row, column)
                    self.view.setCurrentIndex(index)
                    self.view.scrollTo(index)
                    if take_focus:
                        self.view.setFocus()
                    return True
        return False

    def _apply_spans(self) -> None:
        self.view.clearSpans()
        for row, column, columns in self.model.spans():
            self.view.setSpan(row, column, 1, columns)

    def _update_summary(self) -> None:
        if self.stack.unreadable:
            self.summary_label.clear()
            return
        cells = self.model.cells()
        missing = sum(c.state is CellState.MISSING for c in cells)
        held = sum(c.state is CellState.HELD for c in cells)
        coming = sum(c.state is CellState.COMING for c in cells)
        before = sum(c.state is CellState.BEFORE for c in cells)
        text = self.tr("{total} periods: {held} held, {missing} missing, {coming} still to come").format(
            held=held, total=len(cells) - before, missing=missing, coming=coming)
        if before:
            text += self.tr("; {before} before the records began, not counted").format(before=before)
        self.summary_label.setText(text)
        # The 启用前 key only where such cells are shown: an office with its whole history never sees it.
        self.legend_swatches[CellState.BEFORE].setVisible(bool(before))
        self.legend_labels[CellState.BEFORE].setVisible(bool(before))
        colour = COLOURS[CellState.MISSING][1] if missing else QColor("#333333")
        self.summary_label.setStyleSheet(f"color: {colour.name()};")

    # -- clicks ------------------------------------------------------------------------------------

    def activate(self, index: QModelIndex) -> None:
        """A click (or Enter) on a cell: open its meeting(s) when held, else start one in its period."""
        cell = self.model.cell(index.row(), index.column())
        if cell is None:
            return
        if cell.state is CellState.HELD and cell.meeting_ids:
            if len(cell.meeting_ids) == 1:
                self.openMeeting.emit(cell.meeting_ids[0])
                return
            self.menu = self.meetings_menu(cell)
            rect = self.view.visualRect(index)
            self.menu.popup(self.view.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom())))
            return
        self.startMeeting.emit(cell.type_code, cell.party_group, cell.preset_date(self.today))

    def meetings_menu(self, cell: CalendarCell) -> QMenu:
        """A menu of the cell's meetings (date and topic), and one entry to record another."""
        menu = QMenu(self)
        menu.setObjectName("calendarMenu")
        for meeting_id in cell.meeting_ids:
            meeting = self._meetings.get(meeting_id)
            text = f"{meeting.held_on:%Y-%m-%d}  {meeting.topic}" if meeting else meeting_id
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, mid=meeting_id: self.openMeeting.emit(mid))
        menu.addSeparator()
        another = menu.addAction(self.tr("Record another…"))
        another.triggered.connect(lambda _checked=False: self.startMeeting.emit(
            cell.type_code, cell.party_group, cell.preset_date(self.today)))
        return menu

    # -- looks -------------------------------------------------------------------------------------

    def _size_from_font(self) -> None:
        metrics = self.fontMetrics()
        self.view.verticalHeader().setMinimumSectionSize(int(metrics.lineSpacing() * 2))
        self.view.verticalHeader().setDefaultSectionSize(int(metrics.lineSpacing() * 2.2))
        # Twelve months of "已开 9 次" side by side, the row names beside them: fits 1366 px with navigation.
        self.view.horizontalHeader().setMinimumSectionSize(metrics.horizontalAdvance("已开 9 次") + 8)
        self.view.verticalHeader().setMinimumWidth(metrics.horizontalAdvance("党小组会 · 第三党小组") + 12)
        self.year_spin.setMinimumWidth(metrics.horizontalAdvance("2026 年") + metrics.height() * 3)

    def set_recorded_elsewhere(self, elsewhere: bool) -> None:
        """Whether the calendar shows a branch whose meetings its own office records (a committee's view of
        one of its branches): the legend and tooltips then say so instead of "click to record"."""
        if elsewhere != self.model.recorded_elsewhere:
            self.model.recorded_elsewhere = elsewhere
            self.retranslate()

    def retranslate(self) -> None:
        """Re-read every text after a language switch."""
        self.previous_button.setText(self.tr("◀ Previous year"))
        self.next_button.setText(self.tr("Next year ▶"))
        self.this_year_button.setText(self.tr("This year"))
        self.year_spin.setSuffix(self.tr(" ", "year suffix"))
        self.legend_labels[CellState.HELD].setText(self.tr("Held"))
        self.legend_labels[CellState.MISSING].setText(self.tr("Missing (period over)"))
        self.legend_labels[CellState.COMING].setText(
            self.tr("Due (period still open) — recorded by the branch") if self.model.recorded_elsewhere
            else self.tr("Due (period still open) — click a cell to record"))
        self.legend_labels[CellState.BEFORE].setText(self.tr("Before the records began (not counted)"))
        self.model.retranslate()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
