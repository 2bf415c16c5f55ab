"""The people a talk's 谈话对象 are ticked from: a checkable list, filtered by name or pinyin as typed.

The filter is the roster's own matching rule (``core.services.roster_search``): "zs", "zhangsan" and
"张" all find 张三. Ticks are kept by member id, so narrowing the list never loses one; a ticked member
who no longer matches simply leaves the view until the filter is cleared.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from partydesk.core.domain.roster import RosterRow
from partydesk.core.services.roster_search import RosterIndex, filter_rows, parse_query

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TalkChoiceModel(QAbstractListModel):
    """Members as checkable rows ("name（group）"); ``checkedChanged`` after any tick changes."""

    checkedChanged = Signal()

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._index = RosterIndex([])
        self._rows: list[RosterRow] = []
        self._checked: dict[str, str] = {}  # id -> name, in the order ticked
        self._names: dict[str, str] = {}

    # -- content -----------------------------------------------------------------------------------

    def set_people(self, rows: Sequence[RosterRow]) -> None:
        """Offer ``rows`` (in their order); ticks of people no longer offered are kept."""
        self.beginResetModel()
        self._index = RosterIndex(rows)
        self._rows = list(rows)
        self._names.update({r.id: r.name for r in rows})
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only the people whose name or pinyin contains ``text`` (all when blank)."""
        self.beginResetModel()
        self._rows = filter_rows(self._index, parse_query(text)) if text.strip() else list(self._index.rows)
        self.endResetModel()

    def set_checked(self, ids_and_names: Iterable[tuple[str, str]]) -> None:
        """Tick exactly these (id, name) pairs."""
        self._checked = dict(ids_and_names)
        self._names.update(self._checked)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()

    def checked_ids(self) -> tuple[str, ...]:
        """The ticked member ids, in the order ticked."""
        return tuple(self._checked)

    def checked_names(self) -> list[str]:
        """The ticked members' names, in the order ticked."""
        return list(self._checked.values())

    def name_of(self, member_id: str) -> str:
        """A member's name as offered or ticked ("" when unknown)."""
        return self._names.get(member_id, "")

    def row_id(self, row: int) -> str:
        """The member id shown on ``row``."""
        return self._rows[row].id

    # -- Qt model ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.name}（{row.party_group}）" if row.party_group else row.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.id in self._checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row = self._rows[index.row()]
        on = Qt.CheckState(value) == Qt.CheckState.Checked if isinstance(value, int | Qt.CheckState) else bool(value)
        if on == (row.id in self._checked):
            return True
        if on:
            self._checked[row.id] = row.name
        else:
            del self._checked[row.id]
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()
        return True
