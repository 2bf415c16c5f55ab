"""Who is due a talk (应谈话党员): every member on the roll with the last talk and the day the next is due.

Built on the shared list page. By default it shows the members whose talk is overdue or due within
``SOON_DAYS``; a filter shows the whole roll. Selecting members and pressing 记录谈话 (or Enter, or a
double-click) starts a talk with them ticked (``talkRequested``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from partydesk.core.domain.group_order import group_sort_key
from partydesk.core.domain.talks import SOON_DAYS
from partydesk.core.services.talks import TalkDue
from partydesk.gui.widgets.list_page import ListColumn, ListPage

OVERDUE, SOON, LATER = "overdue", "soon", "later"


def due_status(due: TalkDue, today: date) -> str:
    """overdue (past the due day, or never due-dated), soon (within SOON_DAYS) or later."""
    if due.due is None or due.due < today:
        return OVERDUE
    return SOON if (due.due - today).days <= SOON_DAYS else LATER


def _day(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value is not None else ""


def _of_branch(name: str) -> Callable[[TalkDue], bool]:
    return lambda row: row.branch_name == name


class TalksDueView(QWidget):
    """The list of members and when each is due a talk; ``talkRequested(ids)`` for 记录谈话."""

    talkRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.months = 12
        self._words = {OVERDUE: self.tr("Overdue"), SOON: self.tr("Due soon"), LATER: self.tr("Not yet due")}
        self._several = False  # a file of several branches (a committee's): a 支部 column after the name
        self.list: ListPage[TalkDue] = ListPage(self._columns(), row_id=lambda r: r.member_id,
                                                haystack=lambda r: f"{r.name} {r.party_group} {r.branch_name}",
                                                pinyin_of=lambda r: r.name, parent=self)
        self.list.setObjectName("talksDueList")
        self.scope = self.list.add_filter("dueScope", [
            (self.tr("Due now or soon"), lambda r: due_status(r, self.today) != LATER),
            (self.tr("Everyone on the roll"), None),
        ])
        # A committee's file: a filter by branch beside the scope (shown once the rows name branches).
        self.branch_filter = self.list.add_filter("dueBranch", [("", None)])
        self.branch_filter.setVisible(False)
        self.branch_names: list[str] = []  # every organisation of the file (``TalksPanel``), else those rows name
        self.talk_button = self.list.add_action("talkWithSelected", self._talk, needs_selection=True)
        # Enter or a double-click: a talk with those selected (or the one row the keyboard is on, none selected).
        self.list.activated.connect(lambda member_id: self.talkRequested.emit(self.list.selected_ids() or [member_id]))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self._retranslate()

    def _columns(self) -> list[ListColumn[TalkDue]]:
        words = self._words
        columns = [
            ListColumn[TalkDue]("name", self.tr("Name"), lambda r: r.name, chars=6),
            ListColumn[TalkDue]("group", self.tr("Party group"), lambda r: r.party_group, chars=7,
                                sort_key=lambda r: group_sort_key(r.party_group)),
            ListColumn[TalkDue]("last", self.tr("Last talk"), lambda r: _day(r.last_talk) or self.tr("None yet"),
                                sort_key=lambda r: r.last_talk or date.min, chars=7),
            ListColumn[TalkDue]("due", self.tr("Due by"), self._due_text,
                                sort_key=lambda r: r.due or date.min, chars=7,
                                tooltip=lambda _r: self.tr("At least once every {months} months (rule table)")
                                .format(months=self.months)),
            ListColumn[TalkDue]("status", self.tr("Status"), lambda r: self._status_text(r, words),
                                sort_key=lambda r: (r.due or date.min), chars=8),
        ]
        if self._several:
            columns.insert(1, ListColumn[TalkDue]("branch", self.tr("Branch"), lambda r: r.branch, chars=8,
                                                  tooltip=lambda r: r.branch_name))
        return columns

    def _due_text(self, row: TalkDue) -> str:
        # The day the board names too (never before a few months after the file began its records, so a
        # member never talked with shows when the talk fell due here, not a day worked out from 2001);
        # 尽快 only where no day is known at all.
        return self.tr("Now") if row.due is None else _day(row.due)

    def _status_text(self, row: TalkDue, words: dict[str, str]) -> str:
        """How far past due or how near (逾期 40 天, 10 天后到期), or that nobody has talked with the member yet."""
        status = due_status(row, self.today)
        if status == OVERDUE and (row.due is None or row.last_talk is None):
            return self.tr("No talk recorded yet")
        if row.due is None or status == LATER:
            return words[status]
        days = abs((row.due - self.today).days)
        if status == OVERDUE:
            return self.tr("Overdue by {days} days").format(days=days)
        return self.tr("Due today") if not days else self.tr("Due in {days} days").format(days=days)

    def set_due(self, months: int, rows: list[TalkDue], today: date) -> None:
        """Show ``rows`` as of ``today`` under a rule of ``months``."""
        self.today, self.months = today, months
        several = any(r.branch for r in rows)
        if several != self._several:
            self._several = several
            self.list.set_columns(self._columns())
        self.list.set_rows(rows)
        self._fill_branches(rows)
        self._retranslate()

    def _fill_branches(self, rows: list[TalkDue]) -> None:
        """The branch filter's choices: all of them, then every organisation of the file (one with nobody due
        too: chosen on the talks list, it shows its empty list here), else each one the rows name."""
        self.branch_filter.setVisible(self._several)
        names = list(dict.fromkeys([*self.branch_names, *(r.branch_name for r in rows if r.branch_name)]))
        every = QCoreApplication.translate("BranchFilter", "All branches")
        options: list[tuple[str, Callable[[TalkDue], bool] | None]] = [(every, None)]
        options += [(name, _of_branch(name)) for name in names]
        self.list.set_filter_options(self.branch_filter, options)

    def set_branch_names(self, names: list[str]) -> None:
        """Offer these organisations in the branch filter (the file's, by the names the rows use)."""
        self.branch_names = names
        if self._several:
            self._fill_branches(self.list.model.all_rows())

    def overdue_count(self) -> int:
        """How many members are past due (of the branch chosen, in a committee's file)."""
        chosen = self.list.filter_predicate(self.branch_filter)
        return sum(due_status(r, self.today) == OVERDUE and (chosen is None or chosen(r))
                   for r in self.list.model.all_rows())

    def _talk(self) -> None:
        ids = self.list.selected_ids()
        if ids:
            self.talkRequested.emit(ids)

    def _retranslate(self) -> None:
        self.talk_button.setText(self.tr("Record a talk with them"))
        self.list.set_search_placeholder(self.tr("Search by name, pinyin or party group"))
        self.list.set_empty_text(self.tr("No member is on the roll yet."))
        self.setToolTip(self.tr("Each member should be talked with at least once every {months} months "
                                "(rule table).").format(months=self.months))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._words = {OVERDUE: self.tr("Overdue"), SOON: self.tr("Due soon"), LATER: self.tr("Not yet due")}
            self.list.set_columns(self._columns())
            self._retranslate()
        super().changeEvent(event)

