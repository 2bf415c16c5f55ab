"""The attendance part of a meeting record: every expected member present, on leave (请假) or absent.

``AttendanceModel`` lists the 应到 roll the core computed for the meeting's type, date and group; the
出席 / 请假 / 缺席 columns act as one choice per member (clicking one picks it), the reason is typed
for those not present. ``AttendancePanel`` adds "All present", the 列席 guests and a live line with
应到/实到 and the quorum verdict, counted by the core's own ``meeting_roll.count``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.domain.meeting_roll import Count, Expectation, RollRules, count
from partydesk.core.domain.meetings import meeting_type
from partydesk.gui.widgets.attendance_lists import Column, RowsModel
from partydesk.gui.widgets.error_label import WARNING_COLOUR

PRESENT, LEAVE, ABSENT = "present", "leave", "absent"
STATUS_COLUMNS = {2: PRESENT, 3: LEAVE, 4: ABSENT}
COL_NAME, COL_VOTE, COL_REASON = 0, 1, 5
Index = QModelIndex | QPersistentModelIndex


@dataclass
class AttendanceRow:
    """One expected member as the table holds it."""

    member_id: str
    name: str
    voting: bool
    status: str = ABSENT
    reason: str = ""


class AttendanceModel(QAbstractTableModel):
    """The roll of one meeting; ``changed`` fires on every change of status or reason."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendanceRow] = []
        self.away: dict[str, str] = {}  # member id -> "lost" (失联) or "migrant" (流动), from the record

    def set_away(self, away: Mapping[str, str]) -> None:
        """Which members of the roll their record marks 失联 or 流动 (pointed out when marked present)."""
        self.away = dict(away)
        self.changed.emit()

    def set_roll(self, roll: Sequence[tuple[str, str, bool]], statuses: Mapping[str, str],
                 reasons: Mapping[str, str]) -> None:
        """Show ``roll`` (member id, name, has a vote), keeping the given statuses and reasons."""
        self.beginResetModel()
        self._rows = [AttendanceRow(i, name, voting, statuses.get(i, ABSENT), reasons.get(i, ""))
                      for i, name, voting in roll]
        self.endResetModel()
        self.changed.emit()

    def rows(self) -> list[AttendanceRow]:
        """The rows as they stand."""
        return list(self._rows)

    def statuses(self) -> dict[str, str]:
        """member id -> present / leave / absent."""
        return {r.member_id: r.status for r in self._rows}

    def reasons(self) -> dict[str, str]:
        """member id -> reason, for members not present who have one."""
        return {r.member_id: r.reason for r in self._rows if r.reason and r.status != PRESENT}

    def set_status(self, row: int, status: str) -> None:
        """Mark one member present, on leave or absent."""
        if self._rows[row].status != status:
            self._rows[row].status = status
            self.dataChanged.emit(self.index(row, 2), self.index(row, COL_REASON))
            self.changed.emit()

    def all_present(self) -> None:
        """Mark every member present but those marked 请假 here (with their reasons: the office marked the leaves
        first, then the rest) and those marked 失联 on their record (they are ticked one by one, if they did come:
        one who came is no longer lost, and the record says so to the office)."""
        for row in range(len(self._rows)):
            if self._rows[row].status != LEAVE and self.away.get(self._rows[row].member_id) != "lost":
                self.set_status(row, PRESENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Name"), self.tr("Vote"), self.tr("Present"), self.tr("On leave"), self.tr("Absent"),
                  self.tr("Reason"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if col in STATUS_COLUMNS:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.status == STATUS_COLUMNS[col] else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_NAME:
                return row.name
            if col == COL_VOTE:
                return self.tr("Yes") if row.voting else self.tr("No vote")
            if col == COL_REASON:  # a present member's reason is not saved: not shown (kept for a change back)
                return row.reason if row.status != PRESENT else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_VOTE and not row.voting:
            return self.tr("Probationary members and members under probation within the Party have no vote; "
                           "they attend but are not counted for the quorum.")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in STATUS_COLUMNS:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == COL_REASON and self._rows[index.row()].status != PRESENT:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        col = index.column()
        if col in STATUS_COLUMNS and role == Qt.ItemDataRole.CheckStateRole:
            if Qt.CheckState(value) == Qt.CheckState.Checked:
                self.set_status(index.row(), STATUS_COLUMNS[col])
            return True  # unticking the chosen one leaves it chosen: one of the three always is
        if col == COL_REASON and role == Qt.ItemDataRole.EditRole and self._rows[index.row()].status != PRESENT:
            self._rows[index.row()].reason = str(value).strip()
            self.dataChanged.emit(index, index)
            self.changed.emit()
            return True
        return False


class AttendancePanel(QWidget):
    """The attendance tab: the roll, "All present", the 列席 guests and the live 应到/实到 line."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AttendanceModel(self)
        self.guests = RowsModel([Column(self.tr("Name")), Column(self.tr("Work unit or role"))], self)
        self._type_code = "general"
        self._rules = RollRules()
        self._chair = self._recorder = ""
        self._empty_hint = ""  # said under an empty list (``set_empty_hint``)
        self.view = QTableView(self)
        self.view.setObjectName("attendanceView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("countLabel")
        self.countLabel.setWordWrap(True)
        self.allPresentButton = QPushButton(self.tr("All present"), self)
        self.allPresentButton.setObjectName("allPresentButton")
        self.allPresentButton.setToolTip(self.tr(
            "Everyone present but members marked on leave here and members marked as lost contact"))
        self.allPresentButton.clicked.connect(self.model.all_present)
        self.guestView = QTableView(self)
        self.guestView.setObjectName("guestView")
        self.guestView.setModel(self.guests)
        self.guestView.verticalHeader().hide()
        self.guestView.horizontalHeader().setStretchLastSection(True)
        self.addGuestButton = QPushButton(self.tr("Add guest"), self)
        self.addGuestButton.setObjectName("addGuestButton")
        self.removeGuestButton = QPushButton(self.tr("Remove guest"), self)
        self.removeGuestButton.setObjectName("removeGuestButton")
        self.addGuestButton.clicked.connect(self._add_guest)
        self.removeGuestButton.clicked.connect(lambda: self.guests.remove_row(self.guestView.currentIndex().row()))
        # What to check (the chair marked absent, a 失联 member marked present) goes under the list: coming
        # and going there, it never moves the rows being clicked.
        self.noteLabel = QLabel(self)
        self.noteLabel.setObjectName("attendanceNote")
        self.noteLabel.setWordWrap(True)
        palette = self.noteLabel.palette()
        palette.setColor(QPalette.ColorRole.WindowText, WARNING_COLOUR)
        self.noteLabel.setPalette(palette)
        self.noteLabel.hide()
        top = QHBoxLayout()
        top.addWidget(self.countLabel, 1)
        top.addWidget(self.allPresentButton)
        guest_buttons = QHBoxLayout()
        guest_buttons.addWidget(QLabel(self.tr("Non-member attendees:"), self))
        guest_buttons.addStretch(1)
        guest_buttons.addWidget(self.addGuestButton)
        guest_buttons.addWidget(self.removeGuestButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.noteLabel)
        layout.addLayout(guest_buttons)
        layout.addWidget(self.guestView, 1)
        self.model.changed.connect(self._recount)
        self.model.changed.connect(self.changed)
        self.guests.changed.connect(self.changed)
        self._recount()

    def _add_guest(self) -> None:
        row = self.guests.add_row()
        self.guestView.setFocus()
        self.guestView.edit(self.guests.index(row, 0))

    def set_meeting(self, type_code: str, rules: RollRules) -> None:
        """The type and roll rules the count and quorum verdict follow."""
        self._type_code, self._rules = type_code, rules
        self._recount()

    def set_empty_hint(self, text: str) -> None:
        """What the note under the list says while nobody is due ("" for nothing)."""
        self._empty_hint = text
        self._recount()

    def set_officers(self, chair: str, recorder: str) -> None:
        """The names typed as 主持人 and 记录人: one marked absent or on leave below is pointed out."""
        self._chair, self._recorder = chair.strip(), recorder.strip()
        self._recount()

    def _not_there(self, name: str) -> str:
        """The status word of ``name`` when every member of that name is marked absent or on leave ('' else)."""
        found = [r for r in self.model.rows() if r.name == name]
        if not name or not found or any(r.status == PRESENT for r in found):
            return ""
        return self.tr("On leave") if all(r.status == LEAVE for r in found) else self.tr("Absent")

    def officer_notes(self) -> list[str]:
        """What the list says against the chair and recorder typed on the first tab."""
        notes = []
        status = self._not_there(self._chair)
        if status:
            notes.append(self.tr("The chair, {name}, is marked “{status}” in the list: please check.").format(
                name=self._chair, status=status))
        status = self._not_there(self._recorder) if self._recorder != self._chair else ""
        if status:
            notes.append(self.tr("The recorder, {name}, is marked “{status}” in the list: please check.").format(
                name=self._recorder, status=status))
        away = self.model.away
        present = [r for r in self.model.rows() if r.status == PRESENT and r.member_id in away]
        lost = "、".join(r.name for r in present if away[r.member_id] == "lost")
        moved = "、".join(r.name for r in present if away[r.member_id] == "migrant")
        if lost:
            notes.append(self.tr("{names} lost contact with the branch by their record, yet are marked present: "
                                 "did they really attend?").format(names=lost))
        if moved:
            notes.append(self.tr("{names} are migrant members away from here, yet are marked present: did they "
                                 "really attend?").format(names=moved))
        return notes

    def tally(self) -> Count:
        """应到/实到 and the quorum as the table stands, counted by the core."""
        roll = [Expectation(r.member_id, r.voting) for r in self.model.rows()]
        present = {r.member_id for r in self.model.rows() if r.status == PRESENT}
        return count(meeting_type(self._type_code), roll, present, self._rules)

    def _recount(self) -> None:
        c = self.tally()
        text = self.tr("Expected %1, present %2 (with a vote: %3 of %4).").replace("%1", str(c.expected)) \
            .replace("%2", str(c.present)).replace("%3", str(c.voting_present)).replace("%4", str(c.voting_expected))
        if c.quorum_met is True:
            text += " " + self.tr("Quorum met.")
        elif c.quorum_met is False:
            text += " " + self.tr("Quorum NOT met: more than half must attend.")
        text = text.replace("。 ", "。")  # sentences run on without a space in Chinese
        notes = self.officer_notes()
        if not self.model.rowCount() and self._empty_hint:
            notes.insert(0, self._empty_hint)
        self.noteLabel.setText("\n".join(notes))
        self.noteLabel.setVisible(bool(notes))
        self.countLabel.setText(text)
        self.countLabel.setProperty("quorumMissing", c.quorum_met is False)
