"""The compliance calendar's model (会议落实日历): one row per meeting type (党小组会 one per group), one
column per month, one cell per period spanning its months.

Built from ``meeting_reports.compliance`` (required vs held per type, group and period) and the year's
meetings (which meeting falls in which cell, so a held cell can open them). A cell is *held* when the
period's requirement is met, *missing* when its period has ended without it, *coming* while the period
is still open. Periods longer than the year (组织生活会 every 24 months) are cut to the year shown.
Spanned-over indexes answer with their period's cell, so every index of a row is valid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from partydesk.core.domain.meetings import Period
from partydesk.core.services.meeting_reports import MeetingLine, PeriodCompliance

MONTHS = 12


class CellState(StrEnum):
    """What a cell shows: held (requirement met), missing (period ended without it), coming (still open),
    before (ended before the branch's records began: not owed, ``PeriodCompliance.before_records``)."""

    HELD = "held"
    MISSING = "missing"
    COMING = "coming"
    BEFORE = "before"


# Background and text colours: pale fills with dark text keep a 4.5:1 contrast; the missing cell is the
# red-ish one the eye should find first.
COLOURS: dict[CellState, tuple[QColor, QColor]] = {
    CellState.HELD: (QColor("#d6efd6"), QColor("#1e5b1e")),
    CellState.MISSING: (QColor("#f6cfcf"), QColor("#8a1010")),
    CellState.COMING: (QColor("#eef0f4"), QColor("#3c4450")),
    CellState.BEFORE: (QColor("#fbfbfb"), QColor("#5f6670")),
}


class CalendarRole(IntEnum):
    """Item data roles beyond Qt's: the ``CalendarCell`` of an index."""

    CELL = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class CalendarCell:
    """One period of one row: what was required and held, where it sits and the meetings held in it."""

    type_code: str
    type_name: str
    party_group: str
    period: Period
    required: int
    held: int
    state: CellState
    first_month: int  # 1–12 within the year shown
    last_month: int
    meeting_ids: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The calendar key findings point at (``Target("calendar", key)``)."""
        return f"{self.type_code}|{self.party_group}|{self.period.start.isoformat()}"

    def preset_date(self, today: date) -> date:
        """The date a new meeting started from this cell gets: today inside the period, else its first
        day within the year shown."""
        if self.period.start <= today <= self.period.end:
            return today
        return max(self.period.start, date(self.period.end.year, self.first_month, 1))


def state_of(row: PeriodCompliance) -> CellState:
    """Held when met (even while open); otherwise before when it ended before the records began, coming
    while open, missing once ended."""
    if row.met:
        return CellState.HELD
    if row.before_records:
        return CellState.BEFORE
    return CellState.COMING if row.open else CellState.MISSING


def build_cells(year: int, rows: Sequence[PeriodCompliance],
                meetings: Sequence[MeetingLine] = ()) -> list[list[CalendarCell]]:
    """The calendar's rows of cells, in the order compliance gives them (types, then groups)."""
    order: dict[tuple[str, str], list[CalendarCell]] = {}
    for row in rows:
        first = row.period.start.month if row.period.start.year == year else 1
        inside = tuple(m.id for m in meetings
                       if m.type_code == row.type_code and (not row.party_group or m.party_group == row.party_group)
                       and row.period.start <= m.held_on <= row.period.end)
        cell = CalendarCell(row.type_code, row.type_name, row.party_group, row.period, row.required, row.held,
                            state_of(row), first, row.period.end.month, inside)
        order.setdefault((row.type_code, row.party_group), []).append(cell)
    return list(order.values())


class MeetingCalendarModel(QAbstractTableModel):
    """Rows of ``CalendarCell``s over twelve month columns; ``spans()`` says which cells the view merges."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.year = date.today().year
        self._rows: list[list[CalendarCell]] = []
        self._by_month: list[list[CalendarCell | None]] = []
        # A committee looking at one of its branches: the branch records its meetings, not a click here.
        self.recorded_elsewhere = False

    def set_cells(self, year: int, rows: list[list[CalendarCell]]) -> None:
        """Show ``rows`` (from ``build_cells``) for ``year``."""
        self.beginResetModel()
        self.year = year
        self._rows = rows
        self._by_month = []
        for cells in rows:
            months: list[CalendarCell | None] = [None] * MONTHS
            for cell in cells:
                for month in range(cell.first_month, cell.last_month + 1):
                    months[month - 1] = cell
            self._by_month.append(months)
        self.endResetModel()

    def cell(self, row: int, column: int) -> CalendarCell | None:
        """The cell covering month ``column + 1`` of ``row``."""
        if 0 <= row < len(self._by_month) and 0 <= column < MONTHS:
            return self._by_month[row][column]
        return None

    def cells(self) -> list[CalendarCell]:
        """Every cell, row by row."""
        return [cell for cells in self._rows for cell in cells]

    def spans(self) -> list[tuple[int, int, int]]:
        """(row, first column, columns) of every cell covering more than one month."""
        return [(row, cell.first_month - 1, cell.last_month - cell.first_month + 1)
                for row, cells in enumerate(self._rows) for cell in cells if cell.last_month > cell.first_month]

    def row_label(self, row: int) -> str:
        """The row's heading: the type's Chinese name, and the group for 党小组会."""
        first = self._rows[row][0]
        return f"{first.type_name} · {first.party_group}" if first.party_group else first.type_name

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else MONTHS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < MONTHS:
            return self.tr("{month}", "month column heading").format(month=section + 1)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return self.row_label(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tip(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return COLOURS[cell.state][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return COLOURS[cell.state][1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and cell.state is CellState.MISSING:
            font = QFont()
            font.setBold(True)
            return font
        if role == CalendarRole.CELL:
            return cell
        return None

    def cell_text(self, cell: CalendarCell) -> str:
        """What the cell says: held N times, missing, or due (with what is held so far)."""
        if cell.state is CellState.HELD:
            return self.tr("Held {n}").format(n=cell.held)
        if cell.state is CellState.MISSING:
            return self.tr("Missing")
        if cell.state is CellState.BEFORE:
            return self.tr("Before records")
        if cell.held:
            return self.tr("Due {held}/{required}").format(held=cell.held, required=cell.required)
        return self.tr("Due")

    def cell_tip(self, cell: CalendarCell) -> str:
        """Tooltip: the period, the type (and group), held against required, and what a click does."""
        name = f"{cell.type_name}（{cell.party_group}）" if cell.party_group else cell.type_name
        counts = self.tr("{period} {name}: {held} held, {required} required").format(
            period=cell.period.label, name=name, held=cell.held, required=cell.required)
        action = self.tr("Click to open its meetings.") if cell.meeting_ids else self.tr("Click to record one.")
        if self.recorded_elsewhere and not cell.meeting_ids:
            action = self.tr("The branch records its meetings; they arrive with its packages.")
        elif cell.state is CellState.BEFORE:
            action = self.tr("This period ended before the branch began keeping its records here (the day the "
                             "file was set up, or its earliest meeting), so it is not counted as missing. "
                             "Click to record an older meeting: periods are then reckoned from it.")
        return f"{counts}\n{action}"

    def retranslate(self) -> None:
        """Re-read texts after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, MONTHS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, MONTHS - 1))
