"""Committee mode of the study lists: a 支部 column and a branch filter (全部支部 / each branch).

A committee's file holds the records of every branch that sent it a package. When the study page's data
names more than one organisation, the activities and the ledger show which branch each row belongs to
and can be narrowed to one branch; a branch's own file (one organisation) shows neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from partydesk.core.domain.pinyin import pinyin_key
from partydesk.gui.translate import QT_TRANSLATE_NOOP
from partydesk.gui.widgets.list_page import ListColumn, ListPage

_MARKED = (QT_TRANSLATE_NOOP("StudyPage", "Branch"), QT_TRANSLATE_NOOP("StudyPage", "All branches"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("StudyPage", text)


@dataclass
class _Attached:
    page: ListPage[Any]
    combo: QComboBox
    org_of: Callable[[Any], str]


class Branches:
    """The organisation names the page's data holds, and the lists that show them."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self._lists: list[_Attached] = []

    @property
    def committee(self) -> bool:
        """True when the data holds more than one organisation's records."""
        return len(self.names) > 1

    def column(self, org_of: Callable[[Any], str]) -> ListColumn[Any]:
        """The 支部 column (hidden until the data holds several branches)."""
        return ListColumn("branch", _tr("Branch"), lambda row: self.names.get(org_of(row), ""), chars=8)

    def attach(self, page: ListPage[Any], org_of: Callable[[Any], str]) -> QComboBox:
        """Give ``page`` (whose first column is ``column``) the branch filter; both stay hidden for now."""
        combo = page.add_filter("branchFilter", [(_tr("All branches"), None)])
        combo.setVisible(False)
        page.table.setColumnHidden(0, True)
        self._lists.append(_Attached(page, combo, org_of))
        return combo

    def set_names(self, names: dict[str, str]) -> None:
        """The organisations of the data just read: show or hide the column and the filter, refill it."""
        self.names = dict(names)
        ordered = sorted(self.names.items(), key=lambda item: pinyin_key(item[1]))
        for entry in self._lists:
            options: list[tuple[str, Callable[[Any], bool] | None]] = [(_tr("All branches"), None)]
            options += [(name, _org_is(entry.org_of, org_id)) for org_id, name in ordered]
            entry.page.set_filter_options(entry.combo, options)
            entry.combo.setVisible(self.committee)
            entry.page.table.setColumnHidden(0, not self.committee)


def _org_is(org_of: Callable[[Any], str], org_id: str) -> Callable[[Any], bool]:
    return lambda row: org_of(row) == org_id
