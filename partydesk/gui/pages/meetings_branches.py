"""The meetings page in a committee file (各支部会议): a 支部 column and filter on 会议记录, the year calendar of
one chosen branch, and attendance per branch.

The page owns one ``MeetingBranches``; it reads the file's organisations (``services.branches``) when the
page opens and when organisations change. With one organisation (a branch's own file) nothing shows and
every tab reads the whole file as before. With several:

- 会议记录 gains a 支部 column after the date and a branch filter (全部支部 or one);
- 年度日历 has no 全部: a committee has no single calendar, so it shows one branch at a time (each reads
  that branch's periods and groups), starting with the first; a committee's own organisation, a 党委, owes
  none of the branch meetings and is not offered;
- 出勤统计 counts the meetings of the chosen branch (全部支部: every meeting in the file).

The two combos sit at the front of the calendar's and the attendance view's own top rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QBoxLayout, QWidget

from partydesk.core.services.branches import SINGLE, Branches
from partydesk.core.services.meeting_reports import MeetingLine
from partydesk.gui.models.meeting_list_model import meeting_columns
from partydesk.gui.operations import branches as branch_ops
from partydesk.gui.widgets.branch_filter import BranchFilter
from partydesk.gui.widgets.list_page import ListColumn

if TYPE_CHECKING:
    from partydesk.gui.pages.meetings import MeetingsPage


def _prepend_to_top_row(panel: QWidget, widget: QWidget) -> None:
    """Put ``widget`` first in ``panel``'s top row (its layout's first item: the year row)."""
    layout = panel.layout()
    first = layout.itemAt(0) if layout is not None and layout.count() else None
    top = first.layout() if first is not None else None
    if isinstance(top, QBoxLayout):
        top.insertWidget(0, widget)
        top.insertSpacing(1, panel.fontMetrics().horizontalAdvance("汉"))


class MeetingBranches(QObject):
    """The committee's additions to the meetings page."""

    def __init__(self, page: MeetingsPage) -> None:
        super().__init__(page)
        self.page = page
        self.branches: Branches = SINGLE
        panel = page.list_panel
        self.list_filter = panel.add_filter("branchFilter", [("", None)])
        self.list_filter.setVisible(False)
        self.calendar_filter = BranchFilter(page.calendar, include_all=False)
        self.calendar_filter.setObjectName("calendarBranchFilter")
        _prepend_to_top_row(page.calendar, self.calendar_filter)
        self.calendar_filter.branchChanged.connect(lambda _org: page.read_when_shown("calendar"))
        self.attendance_filter = BranchFilter(page.attendance)
        self.attendance_filter.setObjectName("attendanceBranchFilter")
        _prepend_to_top_row(page.attendance, self.attendance_filter)
        self.attendance_filter.branchChanged.connect(lambda _org: page.read_when_shown("attendance"))

    @property
    def multi(self) -> bool:
        """Whether the file holds several organisations."""
        return self.branches.multi

    def load(self) -> None:
        """Read the file's organisations (on opening, and when organisations change)."""
        branch_ops.load_branches(self.page, self.page.ctx, self._loaded)

    def _loaded(self, branches: Branches) -> None:
        was = self.branches
        self.branches = branches
        own = branches.own.org_id if branches.own is not None else None
        if branches.committee:  # a 党委 owes no branch meetings: a branch is shown
            self.calendar_filter.set_branches(branches, skip=own)
        else:
            self.calendar_filter.set_branches(branches, prefer=own)
        self.attendance_filter.set_branches(branches)
        self.list_filter.setVisible(branches.multi)
        self.refill_list_filter()
        self.set_list_columns()
        if branches.multi != was.multi:  # the calendar and attendance read the whole file or one branch
            self.page.reload_shown()

    def calendar_org(self) -> str | None:
        """The organisation the calendar shows (None: the whole file, in a single-branch file)."""
        return self.calendar_filter.current() if self.multi else None

    def calendar_other_branch(self) -> str:
        """The name of the branch the calendar shows when it is not this office's own organisation (a
        committee looking at one of its branches), else "": a branch's meetings are recorded by the branch."""
        org = self.calendar_org()
        own = self.branches.own
        if org is None or (own is not None and org == own.org_id):
            return ""
        return self.branches.name_of(org) or org

    def attendance_org(self) -> str | None:
        """The organisation the attendance counts (None: every one)."""
        return self.attendance_filter.current() if self.multi else None

    def refill_list_filter(self) -> None:
        """全部支部 and one option per branch (names in the current language's 全部)."""
        everyone = QCoreApplication.translate("BranchFilter", "All branches")
        options: list[tuple[str, Any]] = [(everyone, None)]
        # Short names, as the 支部 column shows them: the full ones made the box crowd out the search field.
        options += [(self.branches.short_of(b.org_id) or b.name or b.code, lambda r, org=b.org_id: r.org_id == org)
                    for b in self.branches.items]
        self.page.list_panel.set_filter_options(self.list_filter, options)

    def columns(self) -> list[ListColumn[MeetingLine]]:
        """The list's columns: the usual ones, with 支部 after the date in a committee file."""
        columns = meeting_columns()
        if self.multi:
            name, short = self.branches.name_of, self.branches.short_of
            # As wide as the longest short name (宏达机械公司党支部 was cut to 宏达机械公司党…), within reason.
            chars = min(16, max([8, *(len(short(b.org_id)) + 1 for b in self.branches.items)]))
            columns.insert(1, ListColumn("branch", QCoreApplication.translate("MeetingList", "Branch"),
                                         lambda r: short(r.org_id), chars=chars, tooltip=lambda r: name(r.org_id)))
        return columns

    def set_list_columns(self) -> None:
        """Give the list its columns (after a language switch or a change of organisations)."""
        self.page.list_panel.set_columns(self.columns())
