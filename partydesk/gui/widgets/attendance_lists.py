"""An editable table model over a Python list of rows, for the short lists of a meeting record.

The record dialog keeps its 列席 guests, agenda items and motions in ``RowsModel``s: each column is text,
a whole number or computed from the row (a motion's 通过/未通过), rows are added, removed and moved
with the proper model signals, and ``changed`` fires on every edit so the dialog can save its draft.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

Index = QModelIndex | QPersistentModelIndex
TEXT, NUMBER, COMPUTED = "text", "number", "computed"


@dataclass(frozen=True)
class Column:
    """One column: its header, its kind and, for a computed column, how to show it from the row."""

    title: str
    kind: str = TEXT
    compute: Callable[[list[Any]], str] | None = None


class RowsModel(QAbstractTableModel):
    """Rows are lists of values, one per column (a computed column holds None)."""

    changed = Signal()

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[list[Any]] = []

    # -- reading and replacing

    def rows(self) -> list[list[Any]]:
        """A copy of the rows (computed columns left out)."""
        keep = [i for i, c in enumerate(self.columns) if c.kind != COMPUTED]
        return [[row[i] for i in keep] for row in self._rows]

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Replace every row; each row lists the values of the non-computed columns in order."""
        self.beginResetModel()
        self._rows = [self._full(list(r)) for r in rows]
        self.endResetModel()

    def _full(self, values: list[Any]) -> list[Any]:
        it = iter(values)
        return [None if c.kind == COMPUTED else next(it, 0 if c.kind == NUMBER else "") for c in self.columns]

    def add_row(self, values: Sequence[Any] = ()) -> int:
        """Append a row; returns its index."""
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(self._full(list(values)))
        self.endInsertRows()
        self.changed.emit()
        return at

    def remove_row(self, row: int) -> None:
        """Remove row ``row`` (ignored when out of range)."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.changed.emit()

    def move_row(self, row: int, by: int) -> int:
        """Move row ``row`` up (-1) or down (+1); returns where it is now."""
        to = row + by
        if not (0 <= row < len(self._rows) and 0 <= to < len(self._rows)):
            return row
        # beginMoveRows wants the destination as the row the moved row will sit before.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if by > 0 else to)
        self._rows.insert(to, self._rows.pop(row))
        self.endMoveRows()
        self.changed.emit()
        return to

    def refresh_computed(self) -> None:
        """Redraw computed columns (their inputs outside the row changed)."""
        for col, column in enumerate(self.columns):
            if column.kind == COMPUTED and self._rows:
                self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))

    # -- Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column.kind == COMPUTED:
                return column.compute(self._plain(row)) if column.compute is not None else ""
            return row[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _plain(self, row: list[Any]) -> list[Any]:
        return [v for v, c in zip(row, self.columns, strict=True) if c.kind != COMPUTED]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind == COMPUTED:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self.columns[index.column()]
        if column.kind == COMPUTED:
            return False
        if column.kind == NUMBER:
            try:
                value = max(0, int(str(value).strip() or 0))
            except ValueError:
                return False
        else:
            value = str(value).strip()
        self._rows[index.row()][index.column()] = value
        last = self.index(index.row(), len(self.columns) - 1)
        self.dataChanged.emit(self.index(index.row(), 0), last)
        self.changed.emit()
        return True
