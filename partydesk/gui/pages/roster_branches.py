"""The roster in a committee file (各支部花名册): the 所在支部 column, the branch filter, 重复人员 and the count line.

The members page owns one ``RosterBranches``. On every full load it reads the file's organisations
(``services.branches``) on the DB lane and hands them to the model. With one organisation (a branch's own
file) nothing shows: the filters stay hidden and the 所在支部 column is neither shown nor offered in the
column menu. With several the column is shown unless the user hid it there (remembered apart from the
other columns, so a choice made before the first import does not hide it), and the count line says how
many branches the roll spans, or how many the chosen branch has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from partydesk.core.services.branches import Branches
from partydesk.gui.models.roster_model import column_index
from partydesk.gui.operations import branches as branch_ops
from partydesk.gui.widgets.branch_filter import BranchFilter

if TYPE_CHECKING:
    from partydesk.gui.pages.members import MembersPage

BRANCH_HIDDEN_KEY = "members/branchColumnHidden"
_BRANCH = column_index("branch")


class RosterBranches(QObject):
    """The committee's additions to the members page."""

    def __init__(self, page: MembersPage) -> None:
        super().__init__(page)
        self.page = page
        panel = page.roster_panel
        self.filter = BranchFilter(panel)
        self.filter.setObjectName("rosterBranchFilter")
        self.filter.branchChanged.connect(lambda _org: self._branch_chosen())
        # 重复人员: everyone, or only the people whose ID number is on another branch's roll too.
        self.shared_box = QWidget(panel)
        self.shared_label = QLabel(self.shared_box)
        self.shared_combo = QComboBox(self.shared_box)
        self.shared_combo.setObjectName("sharedCombo")
        self.shared_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.shared_label.setBuddy(self.shared_combo)
        row = QHBoxLayout(self.shared_box)
        row.setContentsMargins(0, 0, page.fontMetrics().averageCharWidth(), 0)
        row.addWidget(self.shared_label)
        row.addWidget(self.shared_combo)
        self.shared_combo.currentIndexChanged.connect(lambda _i: self._shared_chosen())
        self.shared_box.setVisible(False)
        self.retranslate()

    @property
    def multi(self) -> bool:
        """Whether the file holds several organisations."""
        return self.page.model.branches.multi

    def widgets(self) -> list[QWidget]:
        """What goes into the page's filter row (they hide themselves in a single-branch file)."""
        return [self.filter, self.shared_box]

    def load(self) -> None:
        """Read the file's organisations again (with each full roster load)."""
        branch_ops.load_branches(self.page, self.page.ctx, self._loaded)

    def _loaded(self, branches: Branches) -> None:
        page = self.page
        if branches == page.model.branches:
            return
        was_multi = page.model.branches.multi
        page.model.set_branches(branches)
        # A vanished branch falls back to 全部支部 and filters again.
        self.filter.set_branches(branches, skip=self._empty_own())
        self.shared_box.setVisible(branches.multi)
        entry = page.columns_menu.entries["branch"]
        entry.setVisible(branches.multi)
        header = page.view.horizontalHeader()
        if branches.multi and header.visualIndex(_BRANCH) != 1:
            header.moveSection(header.visualIndex(_BRANCH), 1)  # beside the name, not off to the right
        hidden = not branches.multi or _truthy(page.ctx.settings.value(BRANCH_HIDDEN_KEY, False))
        page.view.setColumnHidden(_BRANCH, hidden)
        entry.blockSignals(True)
        entry.setChecked(not hidden)
        entry.blockSignals(False)
        if branches.multi or was_multi:
            page.apply_filter()

    def _empty_own(self) -> str | None:
        """A committee's own organisation while nobody is on its roll: not offered as a branch to filter by
        (a 党委 keeps its branches' members, not its own)."""
        branches = self.page.model.branches
        own = branches.own
        if not branches.committee or own is None or self.page.model.branch_counts().get(own.org_id):
            return None
        return own.org_id

    def rows_changed(self) -> None:
        """The roster was read again: the committee's own organisation offered only once it has members."""
        if self.multi:
            self.filter.set_branches(self.page.model.branches, skip=self._empty_own())

    def _branch_chosen(self) -> None:
        """Another branch (or all): the 党小组 filter offers that branch's groups, then the roster filters."""
        self.page.fill_group_combo()
        self.page.apply_filter()

    def column_toggled(self, on: bool) -> None:
        """The user showed or hid 所在支部 from the column menu: remember it apart from the other columns."""
        if self.multi:
            self.page.ctx.settings.setValue(BRANCH_HIDDEN_KEY, not on)

    def defaults_restored(self) -> None:
        """"Default columns" in a committee file brings 所在支部 back too."""
        if self.multi:
            self.page.ctx.settings.setValue(BRANCH_HIDDEN_KEY, False)
            self.page.view.setColumnHidden(_BRANCH, False)
            entry = self.page.columns_menu.entries["branch"]
            entry.blockSignals(True)
            entry.setChecked(True)
            entry.blockSignals(False)

    def org_id(self) -> str | None:
        """The chosen branch, or None for every branch."""
        return self.filter.current() if self.multi else None

    def clear(self) -> None:
        """Back to 全部支部 and everyone (the page's Clear filters)."""
        for combo in (self.filter.combo, self.shared_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.page.model.shared_only = False

    def _shared_chosen(self) -> None:
        self.page.model.shared_only = self.shared_combo.currentIndex() == 1
        self.page.apply_filter()

    def count_text(self, total: int, shown: int) -> str | None:
        """The count line in a committee file (None in a single-branch file: the page's own wording)."""
        if not self.multi:
            return None
        counts = self.page.model.branch_counts()
        org = self.filter.current()
        if org is None:
            own = self.page.model.branches.own  # the committee's own members are in the total, not a branch
            spanned = sum(1 for org_id, n in counts.items() if n and (own is None or org_id != own.org_id))
            twice = self.second_entries()
            # The repeat count is of the whole roll: said beside the total, not after what the filter shows.
            again = self.tr(" ({count} of them a person counted again on another branch's roll)").format(
                count=twice) if twice else ""
            return self.tr("{total} members on the roll{again} in {branches} branches, {shown} shown").format(
                total=total, again=again, branches=spanned, shown=shown)
        return self.tr("{branch}: {count} members on the roll, {shown} shown").format(
            branch=self.page.model.branches.name_of(org), count=counts.get(org, 0), shown=shown)

    def chosen_total(self) -> tuple[str, int] | None:
        """(branch name, members on its roll) when a committee file shows one branch; None otherwise."""
        org = self.filter.current() if self.multi else None
        if org is None:
            return None
        return self.page.model.branches.name_of(org), self.page.model.branch_counts().get(org, 0)

    def second_entries(self) -> int:
        """Entries on the roll that are a person already counted on another branch's roll (the same ID number)."""
        rows = [r for r in self.page.model.all_rows() if r.id in self.page.model.shared and r.in_branch]
        return len(rows) - len({r.id_number for r in rows})

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.shared_label.setText(self.tr("Duplicates:"))
        texts = (self.tr("All"), self.tr("On two branches' rolls"))
        if self.shared_combo.count() == 0:
            self.shared_combo.blockSignals(True)
            for text in texts:
                self.shared_combo.addItem(text)
            self.shared_combo.blockSignals(False)
        else:
            for index, text in enumerate(texts):
                self.shared_combo.setItemText(index, text)
        self.shared_combo.setToolTip(self.tr("People whose ID number is on the roll of another branch too "
                                             "(in the middle of a transfer, or entered twice)"))


def _truthy(value: object) -> bool:
    # QSettings in ini files gives "true"/"false" strings back.
    return value is True or str(value).lower() in ("true", "1")
