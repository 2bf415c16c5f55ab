"""Table model over the rule table (house rule 7): the office's values beside the national defaults.

The model holds a plain list of ``RuleRecord`` rows and never touches the database. An edit of the
current value updates the row in place (so the view does not flicker back) and emits ``valueEdited``;
the settings page saves it through the task runner and, when the hub reports the change, reloads the
rows with ``set_rules``. Categories, labels, units, sources and notes are Chinese data from the core, not
UI text. The source column says where each default comes from (党章, 细则, 条例, a national plan, or 各地做法),
so a local number is never taken for a national one.
Values are shown and typed in the units people use (元 for stored 分, % for stored basis points); a typed
value that is refused emits ``valueRejected`` with the reason.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from partydesk.core.domain.rules import SOURCE_TITLES, format_value, parse_value, shown_unit, source_of
from partydesk.core.services.store import RuleRecord

Index = QModelIndex | QPersistentModelIndex

COL_CATEGORY, COL_LABEL, COL_VALUE, COL_UNIT, COL_DEFAULT, COL_SOURCE, COL_NOTE = range(7)
COLUMN_COUNT = 7
# The record itself, for delegates (the spin box range) and the page (which key a row is).
RuleRole = Qt.ItemDataRole.UserRole + 1


class RulesModel(QAbstractTableModel):
    """Rows of rules, grouped by category in the order the categories first appear."""

    # (rule key, new value) after the user changed a current value in the view.
    valueEdited = Signal(str, int)
    # (rule key, why) when a typed value was refused: the page shows the reason instead of a silent revert.
    valueRejected = Signal(str, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RuleRecord] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # -- data in and out ---------------------------------------------------------------------------

    def set_rules(self, rules: list[RuleRecord]) -> None:
        """Replace every row (a model reset: the list is small and reloads are rare)."""
        order: dict[str, int] = {}
        for rule in rules:
            order.setdefault(rule.category, len(order))
        self.beginResetModel()
        # sorted() is stable, so rules keep the core's order inside each category.
        self._rows = sorted(rules, key=lambda r: order[r.category])
        self.endResetModel()

    def rules(self) -> list[RuleRecord]:
        """Every rule shown, in table order."""
        return list(self._rows)

    def rule_at(self, row: int) -> RuleRecord | None:
        """The rule shown on ``row``, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        """The row showing rule ``key``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def retranslate(self) -> None:
        """Re-read the translated column headers after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    # -- QAbstractTableModel -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Category"), self.tr("Rule"), self.tr("Current value"), self.tr("Unit"),
            self.tr("Default"), self.tr("Source"), self.tr("Note"),
        )
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        rule = self.rule_at(index.row())
        # A rule whose range is a single number (the 12-month probation of the Party constitution)
        # cannot be changed, so it is not offered for editing.
        if index.column() == COL_VALUE and rule is not None and rule.minimum < rule.maximum:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rule = self.rule_at(index.row())
        if rule is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rule, index.row(), column)
        if role == Qt.ItemDataRole.EditRole:
            return self._display(rule, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(rule, column)
        if role == Qt.ItemDataRole.FontRole and not rule.is_default:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_VALUE, COL_DEFAULT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RuleRole:
            return rule
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != COL_VALUE:
            return False
        rule = self.rule_at(index.row())
        if rule is None or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        # The value is text in the shown unit (元, %, 月 …), as typed in the view or pasted.
        try:
            number = parse_value(str(value), unit=rule.unit, minimum=rule.minimum, maximum=rule.maximum,
                                 choices=rule.choices)
        except ValueError as refused:
            # Quoted: a label may hold its own colon (支部党员大会：每隔), which must not run into the reason's.
            self.valueRejected.emit(rule.key, f"“{rule.label}”：{refused}")
            return False
        if number == rule.value:
            return True
        self._rows[index.row()] = dataclasses.replace(rule, value=number)
        # The whole row: boldness (differs from default) applies to every cell.
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COLUMN_COUNT - 1))
        self.valueEdited.emit(rule.key, number)
        return True

    # -- helpers -----------------------------------------------------------------------------------

    def _display(self, rule: RuleRecord, row: int, column: int) -> str | int:
        if column == COL_CATEGORY:
            # Only the first row of a group names the category: the table reads as grouped sections.
            previous = self.rule_at(row - 1)
            return rule.category if previous is None or previous.category != rule.category else ""
        if column == COL_LABEL:
            return rule.label
        if column == COL_VALUE:
            return format_value(rule.unit, rule.value, rule.choices, rule.minimum)
        if column == COL_UNIT:
            return shown_unit(rule.unit)
        if column == COL_DEFAULT:
            return format_value(rule.unit, rule.default, rule.choices, rule.minimum)
        if column == COL_SOURCE:
            return source_of(rule.key)
        return rule.note

    def _tooltip(self, rule: RuleRecord, column: int) -> str:
        if column == COL_VALUE and rule.choices:
            return self.tr("Choose: {choices}").format(choices="、".join(rule.choices))
        if column == COL_NOTE and rule.note:
            return rule.note  # the whole of it: the column shows what fits
        if column == COL_VALUE:
            return self.tr("Allowed: {minimum} to {maximum} {unit}").format(
                minimum=format_value(rule.unit, rule.minimum), maximum=format_value(rule.unit, rule.maximum),
                unit=shown_unit(rule.unit))
        if column == COL_SOURCE:
            return SOURCE_TITLES.get(source_of(rule.key), "")
        return f"{rule.category} · {rule.label}"
