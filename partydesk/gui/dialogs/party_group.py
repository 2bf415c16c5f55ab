"""Put the members selected in the roster into one 党小组 (编入党小组), or take them out of any.

A new branch's roster often comes without 党小组, or the branch divides its members anew: choosing each
member's group in the member form means one form per person. Here the secretary selects the members in the
roster (Ctrl/Shift-click, or a filter and Ctrl+A) and names the group once. The dialog says who is where
now, offers the groups the branch already has (a new name may be typed), and on a committee says which
members belong to a branch, whose change then goes down to it as a correction. It only asks: the page runs
``assign_party_group`` with ``group()``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.domain import fields
from partydesk.core.domain.group_order import group_sort_key
from partydesk.core.domain.roster import RosterRow
from partydesk.gui.widgets.error_label import grow_to_fit
from partydesk.gui.widgets.reason_dialog import question_label

NAMED_AT_MOST = 3  # up to this many members are named in the question; more are counted
GROUP_LIMIT = fields.field("party_group").max_length or 64


class PartyGroupDialog(QDialog):
    """Which 党小组 the selected members go into; OK once the choice changes someone's group."""

    def __init__(self, rows: Sequence[RosterRow], groups: Sequence[str], parent: QWidget | None = None, *,
                 branch_of: dict[str, str] | None = None) -> None:
        """``rows``: the members selected; ``groups``: the branch's 党小组 names to offer; ``branch_of``: on a
        committee, member id -> the name of the branch it belongs to, for the members whose change is a
        correction sent to that branch (absent otherwise)."""
        super().__init__(parent)
        self.rows = list(rows)
        self.branch_of = dict(branch_of or {})
        self.question = question_label(self, scale=1.1)
        self.now_label = QLabel(self)
        self.now_label.setObjectName("nowLabel")
        self.now_label.setWordWrap(True)
        self.group_label = QLabel(self)
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("groupCombo")
        self.group_combo.setEditable(True)
        self.group_edit = QLineEdit(self.group_combo)
        self.group_combo.setLineEdit(self.group_edit)
        # No completion inside the box: it took the first Enter (to accept what it had filled in), so Enter did
        # not put them in the group; the list below the arrow offers the groups.
        self.group_combo.setCompleter(None)  # type: ignore[arg-type]
        self.group_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        offered = sorted({g for g in groups if g} | {r.party_group for r in self.rows if r.party_group},
                         key=group_sort_key)
        self.offered = frozenset(offered)
        self.group_combo.addItems(offered)
        line = self.group_edit
        line.setMaxLength(GROUP_LIMIT)
        line.setClearButtonEnabled(True)
        self.group_label.setBuddy(self.group_combo)
        self.hint = QLabel(self)
        self.hint.setObjectName("hintLabel")
        self.hint.setWordWrap(True)
        self.branch_note = QLabel(self)
        self.branch_note.setObjectName("branchNote")
        self.branch_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)

        form = QFormLayout()
        form.addRow(self.group_label, self.group_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.now_label)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.branch_note)
        layout.addWidget(self.buttons)
        self.branch_note.setVisible(bool(self.branch_of))
        width = self.fontMetrics().horizontalAdvance("汉") * 28
        self.now_label.setMinimumWidth(width)
        self.group_combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 12)

        self.group_combo.currentTextChanged.connect(lambda _text: self._update())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The group most of them are not in yet is the likely choice: start on the first offered group none of
        # them is in, else the first group, with its text selected so typing a new name replaces it.
        held = {r.party_group for r in self.rows}
        start = next((i for i, g in enumerate(offered) if g not in held), 0 if offered else -1)
        self.group_combo.setCurrentIndex(start)
        if start < 0:
            self.group_combo.setEditText("")
        line.selectAll()
        self._retranslate()

    def ok_button(self) -> QPushButton:
        """The button that puts them in the group (enabled when that changes someone's group)."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def group(self) -> str:
        """The 党小组 chosen ("" for none), as it will be stored."""
        return self.group_combo.currentText().strip()

    def set_group(self, name: str) -> None:
        """Choose or type ``name`` (for tests and keyboard users)."""
        self.group_combo.setEditText(name)

    def to_move(self) -> int:
        """How many of the members the choice moves (the others are in that group already)."""
        chosen = self.group()
        return sum(1 for r in self.rows if r.party_group != chosen)

    def _update(self) -> None:
        chosen, moving = self.group(), self.to_move()
        self.ok_button().setEnabled(moving > 0)
        if moving == 0:
            if len(self.rows) == 1:
                name = self.rows[0].name
                self.hint.setText(self.tr("{name} is in “{group}” already.").format(name=name, group=chosen)
                                  if chosen else self.tr("{name} is in no party group.").format(name=name))
            else:
                self.hint.setText(self.tr("They are all in “{group}” already.").format(group=chosen) if chosen
                                  else self.tr("None of them is in a party group."))
        elif not chosen:
            self.hint.setText(self.tr("Left empty, the {count} members are taken out of their party group.").format(
                count=moving))
        elif chosen not in self.offered:
            self.hint.setText(self.tr(
                "“{group}” is a new party group: the {count} members will be its first. Check the name is written as "
                "the branch writes it.").format(group=chosen, count=moving))
        elif moving < len(self.rows):
            self.hint.setText(self.tr("{count} members move to “{group}”; the other {rest} are in it already.").format(
                count=moving, group=chosen, rest=len(self.rows) - moving))
        else:
            self.hint.setText(self.tr("Choose a group from the list, or type the name of a new one."))
        self.ok_button().setText(self.tr("Put in group") if chosen else self.tr("Take out of group"))
        if self.isVisible():
            grow_to_fit(self)  # a hint of two lines instead of one: the dialog grows, nothing is clipped

    def accept(self) -> None:
        if self.ok_button().isEnabled():
            super().accept()

    def _now_text(self) -> str:
        counts = Counter(r.party_group for r in self.rows)
        parts = [self.tr("{group}: {count}").format(group=g, count=counts[g])
                 for g in sorted((g for g in counts if g), key=group_sort_key)]
        if counts.get(""):
            parts.append(self.tr("in no group: {count}").format(count=counts[""]))
        return self.tr("Now: {parts}.").format(parts=self.tr(", ").join(parts))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Party group"))
        if len(self.rows) <= NAMED_AT_MOST:
            names = self.tr(", ").join(r.name for r in self.rows)
            self.question.setText(self.tr("Which party group should {names} be in?").format(names=names))
        else:
            self.question.setText(self.tr("Which party group should the {count} selected members be in?").format(
                count=len(self.rows)))
        self.now_label.setText(self._now_text())
        self.group_label.setText(self.tr("&Party group:"))
        self.group_edit.setPlaceholderText(self.tr("Empty: in no group"))
        if self.branch_of:
            branches = sorted(set(self.branch_of.values()))
            self.branch_note.setText(self.tr(
                "{count} of them are members of {branches}: the change is sent to the branch as the committee's "
                "correction in the next package.").format(count=len(self.branch_of), branches=self.tr(", ").join(
                    branches)))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._update()

