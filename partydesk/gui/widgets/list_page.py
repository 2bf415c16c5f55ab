"""The list page every module's page builds on: search, filters, a table, an empty state and actions.

A page hands ``ListPage`` its columns (``ListColumn``: title, how to show a row, how to sort it) and its
rows (any objects with a string id, found by ``row_id``); the page keeps them in a plain Python list and
filters with a list comprehension — never a proxy model (DESIGN.md "GUI"). Typing in the search box is
debounced (150 ms). A search matches the text ``haystack(row)`` gives, case-folded; Chinese names also match
their pinyin (full or initials) when the page names which column holds a name (``pinyin_of``).

Filters are combos added with ``add_filter``: each option is a label and a predicate over a row. Actions are
buttons added with ``add_action``; one that ``needs_selection`` is enabled only while rows are selected.
Enter or a double-click emits ``activated(id)``. When a change names some records, the page calls
``update_rows``/``remove_ids`` and only those rows move; search, filters, sort and selection stay.

With no rows at all the table gives way to an ``EmptyState`` saying what to do first; with rows that the
search hides, a one-line note says so under the search box.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partydesk.gui.widgets.empty_state import EmptyState
from partydesk.gui.widgets.keys import lead_to_results

if TYPE_CHECKING:
    from partydesk.core.errors import KnownError

Row = TypeVar("Row")
AnyIndex = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 150


@dataclass(frozen=True)
class ListColumn(Generic[Row]):
    """One column: its header, the text a row shows in it, how it sorts, and its width in characters."""

    key: str
    title: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None  # default: the shown text
    chars: int = 8  # width in CJK characters (from the font, never pixels)
    align_right: bool = False
    tooltip: Callable[[Row], str] | None = None
    stretch: bool = False  # takes the width left over (else the last column does)


@dataclass
class _Filter(Generic[Row]):
    combo: QComboBox
    options: list[tuple[str, Callable[[Row], bool] | None]] = field(default_factory=list)

    def predicate(self) -> Callable[[Row], bool] | None:
        index = self.combo.currentIndex()
        return self.options[index][1] if 0 <= index < len(self.options) else None


class ListModel(QAbstractTableModel, Generic[Row]):
    """The rows shown (after search and filters), in the current order; every loaded row by id."""

    def __init__(self, columns: Sequence[ListColumn[Row]], row_id: Callable[[Row], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._row_id = row_id
        self._all: list[Row] = []
        self._shown: list[Row] = []
        self._keep: Callable[[Row], bool] = lambda _row: True
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # The order while no column is sorted (None: as loaded, new rows last); a list loaded newest first
        # gives the key and ``natural_reverse`` so a row added later takes its place, not the bottom.
        self.natural_key: Callable[[Row], Any] | None = None
        self.natural_reverse = False

    # -- data in -----------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Replace every row; the search, filters and sort apply again."""
        self.beginResetModel()
        self._all = list(rows)
        self._order()
        self._shown = [r for r in self._all if self._keep(r)]
        self.endResetModel()

    def update_rows(self, rows: Sequence[Row]) -> None:
        """Replace the rows with these ids (or add them) and keep the order, search and filters."""
        if not rows:
            return
        fresh = {self._row_id(r): r for r in rows}
        # Known rows are replaced where they stand (an unsorted list keeps its given order); new ones go last.
        merged = [fresh.pop(self._row_id(r), r) for r in self._all]
        self._relayout(merged + list(fresh.values()))

    def remove_ids(self, ids: Collection[str]) -> None:
        """Drop the rows with these ids; unknown ids are ignored."""
        wanted = set(ids)
        if any(self._row_id(r) in wanted for r in self._all):
            self._relayout([r for r in self._all if self._row_id(r) not in wanted])

    def set_keep(self, keep: Callable[[Row], bool]) -> None:
        """Show only rows for which ``keep`` is true."""
        self.beginResetModel()
        self._keep = keep
        self._shown = [r for r in self._all if keep(r)]
        self.endResetModel()

    def _relayout(self, rows: list[Row]) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [(p, self._row_id(self._shown[p.row()]) if 0 <= p.row() < len(self._shown) else None)
                 for p in persistent]
        self._all = rows
        self._order()
        self._shown = [r for r in self._all if self._keep(r)]
        new = {self._row_id(r): i for i, r in enumerate(self._shown)}
        for index, rid in moved:
            row = new.get(rid, -1) if rid is not None else -1
            self.changePersistentIndex(index, self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.layoutChanged.emit()

    def _order(self) -> None:
        if self._sort is None:
            if self.natural_key is not None:
                self._all.sort(key=self.natural_key, reverse=self.natural_reverse)
            return
        column, order = self._sort
        spec = self.columns[column]
        key = spec.sort_key or spec.text
        self._all.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    # -- data out ----------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many rows are loaded (before search and filters)."""
        return len(self._all)

    def shown_rows(self) -> list[Row]:
        """The rows shown, in order."""
        return list(self._shown)

    def all_rows(self) -> list[Row]:
        """Every loaded row, in order."""
        return list(self._all)

    def row_at(self, row: int) -> Row | None:
        """The row shown at ``row``, or None."""
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, row_id: str) -> int:
        """Where the row with ``row_id`` is shown, or -1."""
        return next((i for i, r in enumerate(self._shown) if self._row_id(r) == row_id), -1)

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        column = self.columns[index.column()]
        row = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self._relayout(self._all)


class ListPage(QWidget, Generic[Row]):
    """Search box, filter combos and action buttons above a table of rows (or an empty state)."""

    activated = Signal(str)  # the id of the row opened (Enter or double-click)
    selectionChanged = Signal()

    def __init__(self, columns: Sequence[ListColumn[Row]], *, row_id: Callable[[Row], str],
                 haystack: Callable[[Row], str], pinyin_of: Callable[[Row], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row_id = row_id
        self._haystack = haystack
        self._pinyin_of = pinyin_of
        self._filters: list[_Filter[Row]] = []
        self._needs_selection: list[QPushButton] = []
        self.model: ListModel[Row] = ListModel(columns, row_id, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("listSearch")
        self.search.setClearButtonEnabled(True)
        # ``take_keyboard`` waiting for the table to be shown, and where the keyboard was then
        self._keyboard_waits = False
        self._keyboard_left: QWidget | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.search.setFocus)
        lead_to_results(self.search, self.go_to_results)

        self.bar = QHBoxLayout()
        self.bar.addWidget(self.search, 2)
        self._filter_at = 1  # filters go after the search box, actions after the stretch
        self.bar.addStretch(1)
        self.note = QLabel(self)
        self.note.setObjectName("listNote")
        self.note.hide()

        self.table = QTableView(self)
        self.table.setObjectName("listTable")
        self.table.setModel(self.model)
        # The rows keep the order they were given until a header is clicked (no sort indicator at first).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; the arrows move in the list
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        # Enter and a double-click both arrive as ``activated`` (a double-click also sends ``doubleClicked``:
        # listening to both opened every record twice).
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_moved())
        self._size_columns()

        self.empty = EmptyState(self, first_name="emptyFirst", second_name="emptySecond")
        self.empty.first_button.hide()
        self.empty.second_button.hide()
        self._empty_text, self._unreadable, self._has_action = "", False, False
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.bar)
        box.addWidget(self.note)
        box.addWidget(self.stack, 1)
        self._show_table_or_empty()
        self._selection_moved()

    # -- building ---------------------------------------------------------------------------------

    def add_filter(self, name: str, options: Sequence[tuple[str, Callable[[Row], bool] | None]],
                   *, current: int = 0) -> QComboBox:
        """A combo of (label, predicate) options after the search box; a None predicate keeps every row."""
        combo = QComboBox(self)
        combo.setObjectName(name)
        entry: _Filter[Row] = _Filter(combo, list(options))
        for label, _predicate in options:
            combo.addItem(label)
        combo.setCurrentIndex(current)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.bar.insertWidget(self._filter_at, combo)
        self._filter_at += 1
        self._filters.append(entry)
        self.order_tabs()
        return combo

    def filter_predicate(self, combo: QComboBox) -> Callable[[Row], bool] | None:
        """The chosen option's predicate of a filter (None: it keeps every row)."""
        return next(f for f in self._filters if f.combo is combo).predicate()

    def set_filter_options(self, combo: QComboBox,
                           options: Sequence[tuple[str, Callable[[Row], bool] | None]]) -> None:
        """Refill a filter's options, keeping the chosen label when it is still offered."""
        entry = next(f for f in self._filters if f.combo is combo)
        chosen = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        entry.options = list(options)
        for label, _predicate in options:
            combo.addItem(label)
        labels = [label for label, _p in options]
        combo.setCurrentIndex(labels.index(chosen) if chosen in labels else 0)
        combo.blockSignals(False)
        self.apply_filters()

    def add_action(self, name: str, slot: Callable[[], object], *, needs_selection: bool = False,
                   shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QPushButton:
        """A button at the right of the bar; with ``needs_selection`` it is enabled only with a selection."""
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        self.bar.addWidget(button)
        if needs_selection:
            self._needs_selection.append(button)
            button.setEnabled(bool(self.selected_ids()))
        if shortcut is not None:
            keys = QShortcut(QKeySequence(shortcut), self)
            keys.activated.connect(lambda: button.click() if button.isEnabled() else None)
        self.order_tabs()
        return button

    def order_tabs(self) -> None:
        """Tab goes through the bar as it is laid out (the search box, the filters, the buttons), then into the
        table: the filters and buttons are made after the table, which came between them otherwise. Again on
        showing, for what a page put into the bar itself."""
        items = (self.bar.itemAt(i) for i in range(self.bar.count()))
        laid_out = [item.widget() for item in items if item is not None]
        chain = [w for w in laid_out if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for first, second in zip(chain, [*chain[1:], self.table], strict=True):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        self.order_tabs()
        super().showEvent(event)

    def set_columns(self, columns: Sequence[ListColumn[Row]]) -> None:
        """Show these columns instead (a language switch, a 支部 column coming or going), each sized anew."""
        self.model.beginResetModel()
        self.model.columns = list(columns)
        self.model.endResetModel()
        self._size_columns()

    def set_empty_text(self, text: str) -> None:
        """What the page says when there is nothing at all yet (what to do first)."""
        self._empty_text = text
        if not self._unreadable:
            self.empty.set_text(text)

    def set_empty_action(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """A button under the empty-state text that starts the first record (e.g. 新建会议记录)."""
        button = self.empty.first_button
        button.setText(text)
        button.clicked.connect(lambda _checked=False: slot())
        button.setVisible(not self._unreadable)
        self._has_action = True
        return button

    def show_unreadable(self, heading: str, error: KnownError) -> None:
        """The rows could not be read (a damaged file, a pulled drive): the page says ``heading`` and why where it
        would say there is nothing yet, without the button to start the first record, and shows no rows (those of
        before may be of another year or out of date). The next rows set bring the page back."""
        self._unreadable = True
        self.empty.set_text(f"{heading}\n{error.message}")
        self.empty.first_button.hide()
        self.model.set_rows([])
        self._show_table_or_empty()

    def _readable_again(self) -> None:
        if self._unreadable:
            self._unreadable = False
            self.empty.set_text(self._empty_text)
            self.empty.first_button.setVisible(self._has_action)

    def set_search_placeholder(self, text: str) -> None:
        """The grey hint in the search box (and its tooltip: a narrow box cuts the hint short)."""
        self.search.setPlaceholderText(text)
        self.search.setToolTip(text)

    # -- rows -------------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Replace every row, keeping the selection where the same ids are still shown."""
        self._readable_again()
        chosen = self.selected_ids()
        self.model.set_rows(rows)
        self.model.set_keep(self._keep_function())
        self._reselect(chosen)
        self._show_table_or_empty()

    def update_rows(self, rows: Sequence[Row]) -> None:
        """Replace or add only these rows."""
        self.model.update_rows(rows)
        self._show_table_or_empty()
        self._selection_moved()

    def remove_ids(self, ids: Collection[str]) -> None:
        """Drop only these rows; when the selection was among them, the row that took the place of its first
        is selected (the next one, or the last), so the keyboard and the buttons carry on from there."""
        selected = self.selected_ids()
        first = min((self.model.row_of(i) for i in selected), default=-1) if set(selected) & set(ids) else -1
        self.model.remove_ids(ids)
        self._show_table_or_empty()
        shown = self.model.rowCount()
        if first >= 0 and shown and not self.selected_ids():
            self._select_row(min(first, shown - 1))
        self._selection_moved()

    def go_to_results(self) -> None:
        """Search now and move into the table, on the first row found when none is selected yet."""
        self._debounce.stop()
        self.apply_filters()
        if self.model.rowCount() == 0:
            return
        if not self.selected_ids():
            self._select_row(0)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, in their shown order."""
        selection = self.table.selectionModel()
        if selection is None:
            return []
        rows = sorted({index.row() for index in selection.selectedRows()})
        return [self._row_id(r) for r in map(self.model.row_at, rows) if r is not None]

    def selected_rows(self) -> list[Row]:
        """The selected rows themselves."""
        wanted = set(self.selected_ids())
        return [r for r in self.model.shown_rows() if self._row_id(r) in wanted]

    def select_id(self, row_id: str) -> bool:
        """Select and show the row with ``row_id``; False when it is not shown."""
        row = self.model.row_of(row_id)
        if row < 0:
            return False
        self._select_row(row)
        # To a column shown: the view does not scroll to a cell of a hidden one (a committee's 支部 column, in
        # a branch's file).
        shown = next((c for c in range(self.model.columnCount()) if not self.table.isColumnHidden(c)), 0)
        self.table.scrollTo(self.model.index(row, shown))
        return True

    def take_keyboard(self) -> None:
        """The keyboard to the list as a dialog saving a record closes, so the arrows and Enter go on from the
        record the list will show, not from the button or box that had them before the dialog. Once the dialog
        has closed (it gives the keyboard back to where it was as it goes), not once the list has the record:
        by then the person may be typing somewhere else."""
        QTimer.singleShot(0, self.table, self._keyboard_to_table)

    def _keyboard_to_table(self) -> None:
        if self.table.isVisible():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:  # an empty list shows its note: the table takes the keyboard when the record comes, if it is still
            self._keyboard_waits, self._keyboard_left = True, QApplication.focusWidget()  # as the dialog left it

    def _select_row(self, row: int) -> None:
        """Row ``row`` alone selected, and current, whatever keys are held: ``selectRow`` reads the keyboard, and
        with Ctrl down (Ctrl+S just pressed in a form) it toggled the row, so a list read again lost what it
        showed."""
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    # -- search and filters ---------------------------------------------------------------------------

    def apply_filters(self) -> None:
        """Apply the search text and every filter now (the search box calls this after its pause)."""
        self._debounce.stop()
        chosen = self.selected_ids()
        self.model.set_keep(self._keep_function())
        self._reselect(chosen)
        self._show_table_or_empty()

    def _keep_function(self) -> Callable[[Row], bool]:
        needle = self.search.text().strip().casefold().replace(" ", "")
        predicates = [p for p in (f.predicate() for f in self._filters) if p is not None]
        haystack, pinyin_of = self._haystack, self._pinyin_of

        def keep(row: Row) -> bool:
            if needle:
                text = haystack(row).casefold()
                if needle not in text and not (pinyin_of is not None and _pinyin_match(needle, pinyin_of(row))):
                    return False
            return all(p(row) for p in predicates)

        return keep

    # -- internals --------------------------------------------------------------------------------

    def _size_columns(self) -> None:
        cjk = self.fontMetrics().horizontalAdvance("汉")
        header = self.table.horizontalHeader()
        titles = header.fontMetrics()
        for number, column in enumerate(self.model.columns):
            # Never narrower than its title, with room for the sort arrow: a clipped heading reads as another word.
            header.resizeSection(number, max(cjk * column.chars, titles.horizontalAdvance(column.title) + cjk) + cjk)
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch if column.stretch
                                        else QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(not any(column.stretch for column in self.model.columns))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + cjk // 2)

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.activated.emit(self._row_id(row))

    def _reselect(self, ids: Sequence[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for rid in ids:
            row = self.model.row_of(rid)
            if row >= 0:
                selection.select(self.model.index(row, 0), flags)
        self._selection_moved()

    def _selection_moved(self) -> None:
        has = bool(self.selected_ids())
        for button in self._needs_selection:
            button.setEnabled(has)
        self.selectionChanged.emit()

    def _show_table_or_empty(self) -> None:
        nothing = self.model.total == 0
        self.stack.setCurrentWidget(self.empty if nothing else self.table)
        if not nothing and self._keyboard_waits:
            if QApplication.focusWidget() is self._keyboard_left:  # (not once the person has gone on elsewhere)
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self._keyboard_waits, self._keyboard_left = False, None
        hidden = self.model.total - self.model.rowCount()
        if not nothing and hidden and self.model.rowCount() == 0:
            self.note.setText(self.tr("Nothing matches the search or filters; {count} record(s) are hidden.")
                              .format(count=hidden))
            self.note.show()
        else:
            self.note.hide()


def _pinyin_match(needle: str, name: str) -> bool:
    """Whether ``needle`` (lower-case letters) is in the full pinyin or the initials of ``name``."""
    if not name or not needle.isascii():
        return False
    from partydesk.core.domain.pinyin import pinyin_key

    return needle in pinyin_key(name).replace(" ", "|")
