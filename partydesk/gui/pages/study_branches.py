"""Committee mode of the study lists: a 支部 column and the shared branch filter (全部支部 / each branch).

A committee's file holds the records of every branch that sent it a package. When the file holds more
than one organisation (``services.branches``), the activities and the ledger show which branch each row
belongs to, and the page's ``widgets.branch_filter.BranchFilter`` narrows both lists to one branch; a
branch's own file shows neither. Each list carries a hidden filter combo that follows the page's one
filter, so search, the other filters and refreshes by id work as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from partydesk.core.services.branches import SINGLE, Branches
from partydesk.gui.translate import QT_TRANSLATE_NOOP
from partydesk.gui.widgets.branch_filter import BranchFilter
from partydesk.gui.widgets.list_page import ListColumn, ListPage

_MARKED = (QT_TRANSLATE_NOOP("StudyPage", "Branch"),)


def _tr(text: str) -> str:
    return QCoreApplication.translate("StudyPage", text)


@dataclass
class _Attached:
    page: ListPage[Any]
    combo: QComboBox  # hidden: follows the page's branch filter
    org_of: Callable[[Any], str]
    org_ids: list[str | None]


class StudyBranches:
    """The organisations of the open file, the lists that show them and the filter that narrows them."""

    def __init__(self, widget: BranchFilter) -> None:
        self.widget = widget
        self.branches: Branches = SINGLE
        self._lists: list[_Attached] = []
        widget.branchChanged.connect(self._follow)

    def column(self, org_of: Callable[[Any], str]) -> ListColumn[Any]:
        """The 支部 column (hidden until the file holds several branches)."""
        def name(row: Any) -> str:
            return self.branches.name_of(org_of(row))

        def short(row: Any) -> str:
            return self.branches.short_of(org_of(row))

        return ListColumn("branch", _tr("Branch"), short, chars=10, tooltip=name)

    def attach(self, page: ListPage[Any], org_of: Callable[[Any], str]) -> None:
        """Let ``page`` (whose first column is ``column``) follow the branch filter."""
        combo = page.add_filter("branchFilter", [("", None)])
        combo.setVisible(False)
        page.table.setColumnHidden(0, True)
        self._lists.append(_Attached(page, combo, org_of, [None]))

    def set_branches(self, branches: Branches, *, skip: str | None = None) -> None:
        """The organisations just read: show or hide the column and the filter, refill the filters (the filter
        offers every organisation but ``skip``)."""
        self.branches = branches
        for entry in self._lists:
            entry.org_ids = [None, *(b.org_id for b in branches.items)]
            options: list[tuple[str, Callable[[Any], bool] | None]] = [("", None)]
            options += [(b.org_id, _org_is(entry.org_of, b.org_id)) for b in branches.items]
            entry.page.set_filter_options(entry.combo, options)
            entry.page.table.setColumnHidden(0, not branches.multi)
        self.widget.set_branches(branches, skip=skip)
        self._follow(self.widget.current() if branches.multi else None)

    def keeps(self, org_id: str) -> bool:
        """Whether a row of ``org_id`` passes the branch filter."""
        chosen = self.widget.current() if self.branches.multi else None
        return chosen is None or chosen == org_id

    def _follow(self, org_id: object) -> None:
        for entry in self._lists:
            at = entry.org_ids.index(org_id) if org_id in entry.org_ids else 0
            if entry.combo.currentIndex() != at:
                entry.combo.setCurrentIndex(at)


def _org_is(org_of: Callable[[Any], str], org_id: str) -> Callable[[Any], bool]:
    return lambda row: org_of(row) == org_id
