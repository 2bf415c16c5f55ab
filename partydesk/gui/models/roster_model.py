"""Table model of the member roster (花名册), fast at 100 000 rows.

The model holds the roster as a Python list of ``RosterRow`` tuples with their search haystacks
(``core.services.roster_search.RosterIndex``, built once per load). Filtering is a list comprehension
followed by a model reset, sorting is ``sorted`` with a key per column (house GUI rule: never a
``QSortFilterProxyModel`` over a big model). Cells are formatted only when the view asks for them:
codes become Chinese names through cached dicts, dates ISO text (2019-03 or 1972 when known only that far),
and ID numbers and phones are masked by the core's policy (``domain.masking``: ``**************002X``,
``138****5678``) until ``set_revealed(True)``.

Every field is a column with a stable id (``COLUMNS``); the page hides the ones the user does not want.

After a write the page passes just the changed rows: ``update_rows`` puts each where the current order
(the sort, or pinyin order from the load) wants it by binary search, ``remove_ids`` drops deleted ones;
both keep the filter, and persistent indexes (the view's selection) follow their member.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from partydesk.core.domain import codes, partial_date
from partydesk.core.domain.group_order import group_sort_key
from partydesk.core.domain.masking import Masking, shown
from partydesk.core.domain.member import STATUS_NORMAL
from partydesk.core.domain.party_age import party_age
from partydesk.core.domain.pinyin import name_order
from partydesk.core.domain.roster import MemberRecord, RosterRow
from partydesk.core.domain.strokes import stroke_count
from partydesk.core.services.branches import SINGLE, Branches, shared_with
from partydesk.core.services.roster_search import (
    NO_FACETS,
    RosterFacets,
    RosterIndex,
    SearchQuery,
    digits_haystack,
    filter_rows,
    parse_query,
    text_haystack,
)
from partydesk.gui.translate import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
# The row's member id (for opening, editing, deleting) and the whole RosterRow.
MemberIdRole = Qt.ItemDataRole.UserRole
RowRole = Qt.ItemDataRole.UserRole + 1
# Row ids and 党小组 names pulled out by C code (map + itemgetter): at 100 000 rows a Python loop over
# attributes costs several times more, and a save must show in well under 100 ms.
_ROW_ID = itemgetter(RosterRow._fields.index("id"))
_PARTY_GROUP = itemgetter(RosterRow._fields.index("party_group"))
# Up to this many ids are looked up one by one with list.index (C speed); more use one pass with a set.
_FEW_IDS = 16
# Members who left the branch or the Party, or died, are drawn grey: still listed, visibly not current.
INACTIVE_COLOUR = QColor("#6b6b6b")


@dataclass(frozen=True)
class RosterColumn:
    """One roster column: a stable id (saved in settings), an English title for tr(), a width in CJK chars."""

    id: str
    title: str
    width: int
    default_visible: bool = False


# Titles are translated in the "RosterModel" context; the order is that of the usual 花名册.
COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("name", QT_TRANSLATE_NOOP("RosterModel", "Name"), 5, True),
    RosterColumn("gender", QT_TRANSLATE_NOOP("RosterModel", "Gender"), 3, True),
    RosterColumn("ethnicity", QT_TRANSLATE_NOOP("RosterModel", "Ethnicity"), 4, True),
    RosterColumn("birth_date", QT_TRANSLATE_NOOP("RosterModel", "Date of birth"), 6, True),
    RosterColumn("age", QT_TRANSLATE_NOOP("RosterModel", "Age"), 3),
    RosterColumn("id_type", QT_TRANSLATE_NOOP("RosterModel", "ID type"), 7),
    RosterColumn("id_number", QT_TRANSLATE_NOOP("RosterModel", "ID number"), 12, True),
    RosterColumn("education", QT_TRANSLATE_NOOP("RosterModel", "Education"), 10, True),
    RosterColumn("degree", QT_TRANSLATE_NOOP("RosterModel", "Degree"), 3),
    RosterColumn("category", QT_TRANSLATE_NOOP("RosterModel", "Category"), 5, True),
    RosterColumn("joined_on", QT_TRANSLATE_NOOP("RosterModel", "Joined the Party"), 6, True),
    RosterColumn("confirmed_on", QT_TRANSLATE_NOOP("RosterModel", "Full member since"), 7),
    RosterColumn("party_age", QT_TRANSLATE_NOOP("RosterModel", "Party standing"), 3, True),
    RosterColumn("party_group", QT_TRANSLATE_NOOP("RosterModel", "Party group"), 6, True),
    RosterColumn("party_post", QT_TRANSLATE_NOOP("RosterModel", "Party post"), 5, True),
    RosterColumn("work_post", QT_TRANSLATE_NOOP("RosterModel", "Occupation"), 7),
    RosterColumn("work_unit", QT_TRANSLATE_NOOP("RosterModel", "Workplace"), 9),
    RosterColumn("work_started_on", QT_TRANSLATE_NOOP("RosterModel", "Started work"), 7),
    RosterColumn("phone", QT_TRANSLATE_NOOP("RosterModel", "Phone"), 7, True),
    RosterColumn("address", QT_TRANSLATE_NOOP("RosterModel", "Home address"), 12),
    RosterColumn("native_place", QT_TRANSLATE_NOOP("RosterModel", "Native place"), 5),
    RosterColumn("membership_status", QT_TRANSLATE_NOOP("RosterModel", "Membership status"), 5, True),
    RosterColumn("lost_contact", QT_TRANSLATE_NOOP("RosterModel", "Lost contact"), 4, True),
    RosterColumn("lost_since", QT_TRANSLATE_NOOP("RosterModel", "Lost contact since"), 7),
    RosterColumn("lost_cause", QT_TRANSLATE_NOOP("RosterModel", "Cause of lost contact"), 7),
    RosterColumn("migrant", QT_TRANSLATE_NOOP("RosterModel", "Migrant"), 4, True),
    RosterColumn("migrant_destination", QT_TRANSLATE_NOOP("RosterModel", "Gone to"), 8),
    RosterColumn("migrant_since", QT_TRANSLATE_NOOP("RosterModel", "Away since"), 7),
    RosterColumn("in_branch", QT_TRANSLATE_NOOP("RosterModel", "Roll status"), 5),
    RosterColumn("notes", QT_TRANSLATE_NOOP("RosterModel", "Notes"), 10),
    # Only in a file holding several organisations (a committee's); the page shows it there by default.
    RosterColumn("branch", QT_TRANSLATE_NOOP("RosterModel", "Branch"), 9),
)
COLUMN_IDS: tuple[str, ...] = tuple(c.id for c in COLUMNS)
DEFAULT_COLUMNS: tuple[str, ...] = tuple(c.id for c in COLUMNS if c.default_visible)

# Code columns: row field -> code table (names cached as plain dicts, looked up per painted cell).
_CODED: dict[str, codes.CodeTable] = {
    "gender": codes.GENDER, "ethnicity": codes.ETHNICITY, "id_type": codes.ID_TYPE,
    "education": codes.EDUCATION, "degree": codes.DEGREE,
    "category": codes.MEMBER_CATEGORY, "party_post": codes.PARTY_POST,
    "work_post": codes.WORK_POST, "membership_status": codes.MEMBERSHIP_STATUS,
    "lost_cause": codes.LOST_CONTACT_CAUSE,
}
_NAMES: dict[str, dict[str, str]] = {key: dict(table.items()) for key, table in _CODED.items()}
_DATES = ("birth_date", "joined_on", "confirmed_on", "work_started_on", "lost_since", "migrant_since")
_FLAGS = ("lost_contact", "migrant")
_TEXTS = ("party_group", "work_unit", "address", "native_place", "migrant_destination", "notes")


def column_index(column_id: str) -> int:
    """The model column of ``column_id``; ValueError when unknown."""
    return COLUMN_IDS.index(column_id)


# Long texts that a column may cut short get a tooltip with the whole text.
_TIP_COLUMNS = frozenset(column_index(c) for c in ("name", "education", "address", "work_unit",
                                                      "migrant_destination", "notes", "branch"))
_BRANCH = column_index("branch")
# A person on two organisations' rolls (same 公民身份号码) has the 所在支部 cell drawn in this colour.
SHARED_COLOUR = QColor("#b45309")


def age_on(birth: date | None, today: date) -> int | None:
    """Whole years between ``birth`` and ``today`` (None without a birth date), at the birth date's precision."""
    if birth is None:
        return None
    return partial_date.full_years(birth, today)


def roster_row_of(record: MemberRecord, pinyin: str = "") -> RosterRow:
    """A stored member as a roster row, so one formatter shows it on the roster and on its page."""
    data = record.data
    values = {name: getattr(data, name) for name in RosterRow._fields if hasattr(data, name)}
    values["org_id"] = record.org_id
    return RosterRow(id=record.id, pinyin=pinyin, in_branch=record.in_branch, **values)


SortKey = Callable[[RosterRow], Any]


def _sort_key(column_id: str) -> SortKey:
    # None marks an empty cell: empties go last in both directions.
    position = RosterRow._fields.index(column_id) if column_id in RosterRow._fields else -1
    if column_id == "name":
        return name_order_key
    if column_id == "age":
        # Older first when ascending by age means later birth dates first: sort by the negated day number.
        return lambda r: -r.birth_date.toordinal() if r.birth_date is not None else None
    if column_id == "party_age":
        # 党龄 counts from 转正: ascending is the shortest standing first; 预备党员 (no 转正 yet) go last.
        return lambda r: -r.confirmed_on.toordinal() if r.confirmed_on is not None else None
    if column_id == "party_group":  # 第二 before 第十, as the filter lists them
        return lambda r: group_sort_key(r.party_group) if r.party_group else None
    if column_id in _FLAGS or column_id == "in_branch":
        return lambda r: int(bool(r[position]))
    return lambda r: r[position] if r[position] not in ("", None) else None


def name_order_key(row: RosterRow) -> tuple[str, str]:
    """姓名 order: syllable by syllable in full pinyin (李 li before 林 lin, 陈 chen before 程 cheng; 蔡 cai,
    曹 cao, 程 cheng apart, where the initials "cb" of 蔡斌, 曹斌, 程斌 would tie), surname readings as in the
    stored key: ``name_order``, which the roster is read in too.

    The characters' readings are cached, so a 100 000-row sort costs a dictionary lookup per character.
    """
    return name_order(row.name), row.name


def surname_strokes_key(row: RosterRow) -> tuple[int, tuple[str, str]]:
    """按姓氏笔画: by the stroke count of the surname (unknown characters last), then in pinyin order."""
    count = stroke_count(row.name[:1])
    return (count if count is not None else 999, name_order_key(row))


def _positions(rows: list[RosterRow], wanted: list[RosterRow]) -> dict[str, int]:
    """Where each of the ``wanted`` row objects sits in ``rows``, by id (rows not there are left out).

    A few are found with ``list.index``, which compares in C and stops at the very object (identity
    first); many at once take one Python pass instead.
    """
    if len(wanted) > _FEW_IDS:
        ids = {r.id for r in wanted}
        return {r.id: i for i, r in enumerate(rows) if r.id in ids}
    found = {}
    for row in wanted:
        with suppress(ValueError):  # filtered out: not shown
            found[row.id] = rows.index(row)
    return found


_load_order_key = name_order_key  # the roster is read in this order (member_repo.roster_rows)


def _insertion_point(rows: list[RosterRow], wanted: Any, key: SortKey, descending: bool) -> int:
    """Where a row with key ``wanted`` goes among ``rows`` ordered by ``key``: after its equals, empties last.

    Binary search probing about 17 keys at 100 000 rows, instead of sorting them all again.
    """
    low, high = 0, len(rows)
    while low < high:  # first empty-keyed row: empties sit at the end in either direction
        middle = (low + high) // 2
        if key(rows[middle]) is None:
            high = middle
        else:
            low = middle + 1
    if wanted is None:
        return len(rows)
    low, high = 0, low
    while low < high:
        middle = (low + high) // 2
        probe = key(rows[middle])
        after = probe < wanted if descending else wanted < probe
        if after:
            high = middle
        else:
            low = middle + 1
    return low


class RosterFormatter:
    """Cell text of a roster row per column: code names, ISO dates, 是/否, masked or full numbers.

    Shared by the roster model and the member page so both show a member the same way.
    """

    def __init__(self, today: date | None = None) -> None:
        self.revealed = False
        self.today = today or date.today()
        self.branch_names: dict[str, str] = {}  # org id -> short name (``Branches.short_of``), in a committee file
        self.retranslate()
        # One function per model column, looked up by position when a cell is painted.
        self.functions: list[Callable[[RosterRow], str]] = [self._formatter(c.id) for c in COLUMNS]

    def retranslate(self) -> None:
        """Re-read the translated words."""
        self._yes = QCoreApplication.translate("RosterModel", "Yes")
        self._no = QCoreApplication.translate("RosterModel", "No")
        self._on_roll = QCoreApplication.translate("RosterModel", "On the roll")
        self._left = QCoreApplication.translate("RosterModel", "Left the roll")

    @property
    def masking(self) -> Masking:
        """The core's masking policy for what the screen shows now."""
        return Masking.FULL if self.revealed else Masking.MASKED

    def text(self, row: RosterRow, column_id: str) -> str:
        """What the cell of ``column_id`` shows for ``row``."""
        return self.functions[column_index(column_id)](row)

    def _formatter(self, column_id: str) -> Callable[[RosterRow], str]:
        if column_id in _NAMES:
            names, position = _NAMES[column_id], RosterRow._fields.index(column_id)
            return lambda r: names.get(str(r[position]), str(r[position]))
        if column_id in _DATES:
            position = RosterRow._fields.index(column_id)
            return lambda r: value.isoformat() if isinstance(value := r[position], date) else ""
        if column_id in _FLAGS:
            position = RosterRow._fields.index(column_id)
            return lambda r: self._yes if r[position] else self._no
        if column_id in _TEXTS or column_id == "name":
            position = RosterRow._fields.index(column_id)
            return lambda r: str(r[position])
        if column_id == "id_number":
            return lambda r: shown("id_number", r.id_number, self.masking)
        if column_id == "phone":
            return lambda r: shown("phone", r.phone, self.masking)
        if column_id == "age":
            return lambda r: str(age) if (age := age_on(r.birth_date, self.today)) is not None else ""
        if column_id == "party_age":
            return lambda r: str(years) if (years := party_age(r.confirmed_on, self.today)) is not None else ""
        if column_id == "in_branch":
            return lambda r: self._on_roll if r.in_branch else self._left
        if column_id == "branch":
            return lambda r: self.branch_names.get(r.org_id, "")
        raise ValueError(f"no formatter for column {column_id!r}")


class RosterModel(QAbstractTableModel):
    """The roster rows that match the current search and facets, in the current sort order."""

    def __init__(self, parent: Any = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._index = RosterIndex([])
        self._shown: list[RosterRow] = []
        # Each loaded row by member id, and how many members each 党小组 has: kept up to date by
        # update_rows/remove_ids, so a refresh never walks all 100 000 rows in Python.
        self._by_id: dict[str, RosterRow] = {}
        self._groups: Counter[str] = Counter()
        self._query: SearchQuery = parse_query("")
        self._facets: RosterFacets = NO_FACETS
        self.only: frozenset[str] | None = None  # just these members (a workbench bar or to-do)
        # A committee file: the organisations, the people on two of their rolls (by member id, with the
        # other organisations' names), and whether to show only those.
        self.branches: Branches = SINGLE
        self.shared: dict[str, str] = {}
        self.shared_only = False
        self._counts: Counter[str] | None = None  # members on the roll per organisation, when asked
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._grey = QBrush(INACTIVE_COLOUR)
        self._shared_brush = QBrush(SHARED_COLOUR)
        self.formatter = RosterFormatter(today)
        self._display = self.formatter.functions
        self._sort_keys: list[SortKey] = [_sort_key(c.id) for c in COLUMNS]
        self.name_by_strokes = False

    # -- data in -----------------------------------------------------------------------------------

    def set_rows(self, rows: list[RosterRow], *, today: date | None = None) -> None:
        """Replace the roster: haystacks are built once here, then the sort and filter are applied again."""
        if today is not None:
            self.formatter.today = today
        self.beginResetModel()
        self._index = RosterIndex(rows)
        self._by_id = dict(zip(map(_ROW_ID, self._index.rows), self._index.rows, strict=True))
        self._groups = Counter(map(_PARTY_GROUP, self._index.rows))
        self._find_shared()
        if self._sort is not None:
            self._reorder(*self._sort)
        self._shown = self._filter(self._facets)
        self.endResetModel()

    def update_rows(self, rows: Sequence[RosterRow]) -> None:
        """Replace or add these rows, each at its place in the current order; filter and sort stay."""
        if not rows:
            return
        index = self._index
        key, descending = self._order_key()
        # A row whose place in the order is unchanged stays where it is: placed again "after its equals", an
        # edited 王建国 would swap with the other 王建国 on every save.
        same = [(old, row) for row in rows
                if (old := self._by_id.get(row.id)) is not None and key(old) == key(row)]
        if same:
            where = _positions(index.rows, [old for old, _row in same])
            for old, row in same:
                at = where[old.id]
                index.rows[at], index.text[at], index.digits[at] = row, text_haystack(row), digits_haystack(row)
                self._by_id[row.id] = row
            self._groups.subtract(map(_PARTY_GROUP, [old for old, _row in same]))
            self._groups.update(map(_PARTY_GROUP, [row for _old, row in same]))
            kept = {row.id for _old, row in same}
            rows = [row for row in rows if row.id not in kept]
        self._drop({r.id for r in rows})
        for row in rows:
            at = _insertion_point(index.rows, key(row), key, descending)
            index.rows.insert(at, row)
            index.text.insert(at, text_haystack(row))
            index.digits.insert(at, digits_haystack(row))
            self._by_id[row.id] = row
        self._groups.update(map(_PARTY_GROUP, rows))
        self._find_shared()
        self._relayout()

    def remove_ids(self, ids: Collection[str]) -> None:
        """Drop the rows of these members (deleted); unknown ids are ignored."""
        if ids and self._drop(set(ids)):
            self._find_shared()
            self._relayout()

    def set_filter(self, text: str, facets: RosterFacets = NO_FACETS) -> None:
        """Show only the rows matching ``text`` (name, pinyin, number ending) and ``facets``."""
        self._query = parse_query(text)
        self._facets = facets
        self.beginResetModel()
        self._shown = self._filter(facets)
        self.endResetModel()

    def _filter(self, facets: RosterFacets) -> list[RosterRow]:
        shown = filter_rows(self._index, self._query, facets)
        if self.shared_only:
            shown = [r for r in shown if r.id in self.shared]
        return shown if self.only is None else [r for r in shown if r.id in self.only]

    def set_branches(self, branches: Branches) -> None:
        """The organisations of the file: names for 所在支部 (sorted own first, then by code) and, with
        several, the people on two rolls found again."""
        self.branches = branches
        self.formatter.branch_names = {b.org_id: branches.short_of(b.org_id) for b in branches.items}
        order = {b.org_id: n for n, b in enumerate(branches.items)}
        self._sort_keys[_BRANCH] = lambda r: order.get(r.org_id)
        self._find_shared()
        if self._sort is not None and self._sort[0] == _BRANCH:
            self.sort(*self._sort)
        elif self._shown:
            self.dataChanged.emit(self.index(0, _BRANCH), self.index(len(self._shown) - 1, _BRANCH))

    def branch_counts(self) -> Counter[str]:
        """Members on the roll per organisation id (the count line of a committee file); counted once per
        change of the rows, not per keystroke."""
        if self._counts is None:
            self._counts = Counter(r.org_id for r in self._index.rows if r.in_branch)
        return self._counts

    def _find_shared(self) -> None:
        """Who is on two organisations' rolls, with the other organisations' names (a committee file only)."""
        self._counts = None  # the rows changed
        self.shared = shared_with(self._index.rows, self.branches) if self.branches.multi else {}

    def set_revealed(self, revealed: bool) -> None:
        """Show full ID numbers and phones (True) or masked ones (False, the default)."""
        if revealed == self.formatter.revealed:
            return
        self.formatter.revealed = revealed
        if self._shown:
            for column_id in ("id_number", "phone"):
                column = column_index(column_id)
                self.dataChanged.emit(self.index(0, column), self.index(len(self._shown) - 1, column),
                                      [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def retranslate(self) -> None:
        """Re-read translated words (headers, 是/否) after a language switch."""
        self.formatter.retranslate()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._shown) - 1, len(COLUMNS) - 1))

    # -- data out ----------------------------------------------------------------------------------

    @property
    def revealed(self) -> bool:
        """Whether full numbers are shown."""
        return self.formatter.revealed

    @property
    def count(self) -> int:
        """How many rows are shown."""
        return len(self._shown)

    @property
    def total(self) -> int:
        """How many members were loaded."""
        return len(self._index)

    def all_rows(self) -> list[RosterRow]:
        """Every loaded row, in the current sort order."""
        return self._index.rows

    def shown_rows(self) -> list[RosterRow]:
        """The rows shown now (filtered), in their order."""
        return list(self._shown)

    def row_at(self, row: int) -> RosterRow | None:
        """The roster row shown at ``row``, or None."""
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_of(self, member_id: str) -> int:
        """The row showing ``member_id``, or -1."""
        return next((i for i, r in enumerate(self._shown) if r.id == member_id), -1)

    def party_groups(self, org_id: str | None = None) -> list[str]:
        """The distinct 党小组 names in the data (of one organisation's rows when ``org_id`` is given: a
        committee's branches each have their own 第一党小组), in their numbered order, for the facet filter."""
        if org_id is None:
            found = {group for group, members in self._groups.items() if group and members > 0}
        else:
            found = {r.party_group for r in self._index.rows if r.org_id == org_id and r.party_group}
        return sorted(found, key=group_sort_key)

    def display_text(self, row: RosterRow, column_id: str) -> str:
        """What the cell of ``column_id`` shows for ``row`` (masking included)."""
        return self.formatter.text(row, column_id)

    # -- QAbstractTableModel -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RosterModel", COLUMNS[section].title)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row_number, column = index.row(), index.column()
        if not (0 <= row_number < len(self._shown) and 0 <= column < len(COLUMNS)):
            return None
        row = self._shown[row_number]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == _BRANCH and row.id in self.shared:
                # The mark first: a long branch name is cut at the column's end.
                return QCoreApplication.translate("RosterModel", "(duplicate) ") + self._display[column](row)
            return self._display[column](row)
        if role == MemberIdRole:
            return row.id
        if role == RowRole:
            return row
        if column == _BRANCH and row.id in self.shared:
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._shared_brush
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "RosterModel", "The same ID number is also on the roll of: {branches}").format(
                    branches=self.shared[row.id])
        if role == Qt.ItemDataRole.ForegroundRole and (
                not row.in_branch or row.membership_status not in ("", STATUS_NORMAL)):
            return self._grey
        if role == Qt.ItemDataRole.ToolTipRole and column == _BRANCH:  # the name in full
            return self.branches.name_of(row.org_id) or None
        if role == Qt.ItemDataRole.ToolTipRole and column in _TIP_COLUMNS:
            text = self._display[column](row)
            return text or None
        return None

    def set_name_by_strokes(self, on: bool) -> None:
        """Order 姓名 by surname strokes (按姓氏笔画) instead of pinyin; a name sort in effect is redone."""
        name = column_index("name")
        self.name_by_strokes = on
        self._sort_keys[name] = surname_strokes_key if on else name_order_key
        if self._sort is not None and self._sort[0] == name:
            self.sort(*self._sort)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every loaded row by ``column`` (empty cells last either way) and keep the filter."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self._reorder(column, order)
        self._relayout()

    # -- helpers -----------------------------------------------------------------------------------

    def _relayout(self) -> None:
        """Filter the index again and move persistent indexes (the selection) along with their member."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        tracked = [(p, self._shown[p.row()].id) for p in persistent if 0 <= p.row() < len(self._shown)]
        self._shown = self._filter(self._facets)
        if tracked:
            # The view keeps several persistent indexes per selected row (one per cell of its range).
            now = [row for i in {i for _, i in tracked} if (row := self._by_id.get(i)) is not None]
            where = _positions(self._shown, now)
            self.changePersistentIndexList(
                [p for p, _ in tracked],
                [self.index(where[i], p.column()) if i in where else QModelIndex() for p, i in tracked],
            )
        self.layoutChanged.emit()

    def _drop(self, ids: set[str]) -> bool:
        index = self._index
        old = [row for i in ids if (row := self._by_id.pop(i, None)) is not None]
        self._groups.subtract(map(_PARTY_GROUP, old))
        positions = sorted(_positions(index.rows, old).values())
        for i in reversed(positions):
            del index.rows[i], index.text[i], index.digits[i]
        return bool(positions)

    def _order_key(self) -> tuple[SortKey, bool]:
        """The key the index is ordered by now, and whether descending (empty keys always last)."""
        if self._sort is None:
            return _load_order_key, False  # the roster arrives in name order
        column, order = self._sort
        return self._sort_keys[column], order == Qt.SortOrder.DescendingOrder

    def _reorder(self, column: int, order: Qt.SortOrder) -> None:
        key = self._sort_keys[column]
        keys = [key(r) for r in self._index.rows]
        present = [i for i, k in enumerate(keys) if k is not None]
        empty = [i for i, k in enumerate(keys) if k is None]
        # sorted() is stable in both directions, so equal keys keep the previous order (pinyin at load).
        present.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._index.reorder(present + empty)
