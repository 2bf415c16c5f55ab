"""The import wizard's problem table: one row per RowIssue, errors before warnings, sortable in Python.

Each line names the row's person (姓名 as written in the file) beside the row number, so a secretary
can tell whose line to fix without counting rows in Excel.

Warnings differ from errors by more than their grey colour: the explanation starts with "Warning:"
(提醒：). The problem code (``id_checksum`` …) is for support staff, not for the office: the wizard
hides its column, and the code is in every row's tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from partydesk.core.io.roster_plan import RowIssue

# Grey that keeps a 4.5:1 contrast on Fusion's light window background (warnings).
MUTED_COLOUR = QColor("#666666")


def _column_key(letter: str) -> tuple[int, str]:
    # Excel order: Z before AA; row-level problems (no column) last.
    return (len(letter) if letter else 99, letter)


# Sort keys of the problem table's columns: row, 姓名, column (Excel order), header, code, message.
_SORT_KEYS: tuple[Callable[[RowIssue], Any], ...] = (
    lambda i: i.row, lambda i: i.name, lambda i: _column_key(i.column), lambda i: i.header, lambda i: i.code,
    lambda i: i.message,
)


class IssueModel(QAbstractTableModel):
    """The problems of a plan: errors first, then warnings (grey); sortable by any column, in Python."""

    COLUMNS = ("row", "name", "column", "header", "code", "message")
    CODE_COLUMN = COLUMNS.index("code")
    MESSAGE_COLUMN = COLUMNS.index("message")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._issues: list[RowIssue] = []
        self._default: list[RowIssue] = []
        self._sort = (-1, Qt.SortOrder.AscendingOrder)

    def set_issues(self, errors: Sequence[RowIssue], warnings: Sequence[RowIssue]) -> None:
        """Show these problems, keeping the user's current sort column."""
        self._default = [*errors, *warnings]
        self.sort(*self._sort)

    def issue(self, row: int) -> RowIssue:
        """The problem shown on ``row``."""
        return self._issues[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("Row"), self.tr("Name"), self.tr("Column"), self.tr("Header"), self.tr("Problem code"),
                self.tr("Explanation"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._issues):
            return None
        issue = self._issues[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.MESSAGE_COLUMN:
                return self.explanation(issue)
            return (str(issue.row), issue.name, issue.column, issue.header, issue.code, issue.message)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            code = self.tr("Problem code: {code}").format(code=issue.code)
            if issue.severity == "warning":
                return "\n".join((self.tr("Warning: this row is imported all the same."), issue.message, code))
            return f"{issue.message}\n{code}"
        if role == Qt.ItemDataRole.ForegroundRole and issue.severity == "warning":
            return MUTED_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def explanation(self, issue: RowIssue) -> str:
        """The explanation as shown: a warning's starts with "Warning:", so it reads as one without colour."""
        if issue.severity == "warning":
            return self.tr("Warning: {message}").format(message=issue.message)
        return issue.message

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; -1 restores the default order (errors first, in file order)."""
        self._sort = (column, order)
        self.beginResetModel()
        if 0 <= column < len(_SORT_KEYS):
            self._issues = sorted(self._default, key=_SORT_KEYS[column],
                                  reverse=order == Qt.SortOrder.DescendingOrder)
        else:
            self._issues = list(self._default)
        self.endResetModel()

    def retranslate(self) -> None:
        """Re-read the header texts after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)


