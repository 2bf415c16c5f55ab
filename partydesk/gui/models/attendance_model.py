"""Per-member attendance (出勤统计): meetings expected, present, on leave, absent and the rate, with members
absent from three meetings in a row (连续缺席) flagged in red and sorted first by default.

A plain list of rows sorted in Python (a few hundred members at most per branch; house rule: no proxy).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from partydesk.core.services.meeting_reports import AttendanceRate

FLAG_BACKGROUND = QColor("#f6cfcf")
FLAG_FOREGROUND = QColor("#8a1010")


@dataclass(frozen=True)
class AttendanceRow:
    """One member's year of attendance and the current run of unexcused absences (0 when not flagged)."""

    rate: AttendanceRate
    run: int = 0


def attendance_rows(rates: Sequence[AttendanceRate], runs: Sequence[tuple[str, str, int]]) -> list[AttendanceRow]:
    """Join the year's rates with the flagged runs ``(member id, name, run)`` of ``absent_in_a_row``; a
    flagged member with no meeting in the year shown still gets a row."""
    run_of = {mid: n for mid, _name, n in runs}
    seen = {r.member_id for r in rates}
    rows = [AttendanceRow(r, run_of.get(r.member_id, 0)) for r in rates]
    return rows + [AttendanceRow(AttendanceRate(mid, name, 0, 0, 0), n) for mid, name, n in runs if mid not in seen]


COLUMNS = ("name", "expected", "present", "leave", "absent", "rate", "run")
_SORT_KEYS: tuple[Callable[[AttendanceRow], Any], ...] = (
    lambda r: (r.rate.pinyin, r.rate.name), lambda r: r.rate.expected, lambda r: r.rate.present, lambda r: r.rate.leave,
    lambda r: r.rate.absent, lambda r: r.rate.rate, lambda r: r.run,
)


class AttendanceRatesModel(QAbstractTableModel):
    """Rows of ``AttendanceRow``; flagged members first until a column is sorted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[AttendanceRow] = []
        self._rows: list[AttendanceRow] = []
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        # org id -> branch name while the rows come from several branches (a committee's 全部支部): each name
        # then says its branch, or two 王建国 of two branches could not be told apart.
        self.branch_names: dict[str, str] = {}

    def set_rows(self, rows: Sequence[AttendanceRow]) -> None:
        """Show ``rows``, keeping the current sort."""
        self._all = list(rows)
        self.sort(*self._sort)

    def row_at(self, row: int) -> AttendanceRow:
        """The row shown at ``row``."""
        return self._rows[row]

    def flagged(self) -> list[AttendanceRow]:
        """The members absent three or more times in a row."""
        return [r for r in self._all if r.run]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return (self.tr("Name"), self.tr("Expected"), self.tr("Present"), self.tr("On leave"), self.tr("Absent"),
                self.tr("Attendance"), self.tr("Absent in a row"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < column < len(COLUMNS) - 1:  # numbers
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.run:
            return FLAG_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and row.run:
            return FLAG_FOREGROUND
        if role == Qt.ItemDataRole.ToolTipRole and row.run:
            return self.tr("Absent without leave from the last {n} meetings in a row").format(n=row.run)
        return None

    def text(self, row: AttendanceRow, column: int) -> str:
        """The cell text of ``column`` for ``row``."""
        rate = row.rate
        if column == 0:
            branch = self.branch_names.get(rate.org_id, "")
            return f"{rate.name}（{branch}）" if branch else rate.name
        if column == 5:
            return f"{rate.rate:.0%}" if rate.expected else "—"
        if column == 6:
            return self.tr("{n} times").format(n=row.run) if row.run else ""
        return str((rate.expected, rate.present, rate.leave, rate.absent)[column - 1])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; -1 is the default order (flagged first, then as given: by name)."""
        self._sort = (column, order)
        self.beginResetModel()
        if 0 <= column < len(_SORT_KEYS):
            self._rows = sorted(self._all, key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        else:
            self._rows = sorted(self._all, key=lambda r: not r.run)
        self.endResetModel()

    def retranslate(self) -> None:
        """Re-read texts after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
