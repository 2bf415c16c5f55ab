"""Count a recorded meeting as study (从会议导入 / 计为学习): pick a 党课, 主题党日 or 党小组学习 of the year,
set its 学时, and the members present are credited.

The list shows the year's qualifying meetings with whether each is counted already (未计入 first, by the
filter); the hours start at what the meeting's recorded times suggest. Counting one already counted says
so and writes nothing (the database's unique link to the meeting would refuse it too). Opened from the
study page, or from the meetings page with the meeting chosen.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.domain.study import format_tenths, to_tenths
from partydesk.core.errors import KnownError
from partydesk.core.services.study_meetings import MeetingToCount
from partydesk.gui.operations import study_meetings as ops
from partydesk.gui.widgets.list_page import ListColumn, ListPage

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


class CountMeetingDialog(QDialog):
    """Pick a qualifying meeting of ``year`` and count it as study for the members present."""

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None, *,
                 meeting_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countMeetingDialog")
        self.ctx = ctx
        self.year = year
        self.chosen = meeting_id
        self.loaded = False
        self.counted = 0  # meetings counted while the dialog was open
        self.setWindowTitle(self.tr("Count a meeting as study"))
        self.intro = QLabel(self.tr(
            "Party lectures, theme party days and party-group study recorded as meetings in {year}. Counting "
            "one credits its hours to every member present; a meeting is counted only once.").format(year=year))
        self.intro.setWordWrap(True)
        yes, no = self.tr("Counted"), self.tr("Not counted")
        columns: list[ListColumn[MeetingToCount]] = [
            ListColumn("date", self.tr("Date"), lambda m: f"{m.meeting.held_on:%Y-%m-%d}", chars=6),
            ListColumn("type", self.tr("Type"), lambda m: m.type_name, chars=5),
            ListColumn("topic", self.tr("Topic"), lambda m: m.meeting.topic, chars=15,
                       tooltip=lambda m: m.meeting.topic),
            ListColumn("present", self.tr("Present"), lambda m: str(m.meeting.present),
                       sort_key=lambda m: m.meeting.present, chars=3, align_right=True),
            ListColumn("counted", self.tr("Hours counted"), lambda m: yes if m.meeting.counted else no, chars=4),
        ]
        self.list: ListPage[MeetingToCount] = ListPage(columns, row_id=lambda m: m.id, parent=self,
                                                       haystack=lambda m: f"{m.meeting.topic} {m.type_name}")
        self.list.setObjectName("meetingsToCount")
        self.list.add_filter("countedFilter", [(no, lambda m: not m.meeting.counted),
                                               (self.tr("All"), None)],
                             current=0 if meeting_id is None else 1)
        self.list.set_search_placeholder(self.tr("Search topic or type"))
        self.list.set_empty_text(self.tr(
            "No party lecture, theme party day or party-group study is recorded as a meeting in {year}. Record "
            "it on the Meetings page first.").format(year=year))
        # One meeting at a time (each has its own suggested hours); from the study page the dialog stays open
        # after each, on the next meeting still to count.
        self.list.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionChanged.connect(self._chosen_moved)
        self.list.activated.connect(lambda _id: self.count())

        self.hours_label = QLabel(self.tr("&Hours per member present:"))
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("hoursSpin")
        self.hours.setDecimals(1)
        self.hours.setRange(0.5, 2000)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(2)
        self.hours_label.setBuddy(self.hours)
        self.hours.valueChanged.connect(lambda _value: self._say())
        self.note = QLabel(self)
        self.note.setObjectName("countNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.count_button = QPushButton(self.tr("Count as study"), self)
        self.count_button.setObjectName("countButton")
        self.count_button.setDefault(True)
        self.buttons.addButton(self.count_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.count_button.clicked.connect(lambda _checked=False: self.count())
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.hours_label)
        row.addWidget(self.hours)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addWidget(self.list, 1)
        box.addLayout(row)
        box.addWidget(self.note)
        box.addWidget(self.buttons)
        cjk = self.fontMetrics().horizontalAdvance("汉")
        self.setMinimumSize(cjk * 50, cjk * 32)
        self._chosen_moved()
        ops.load_meetings_to_count(self, ctx, year, self._loaded)

    def _loaded(self, rows: list[MeetingToCount]) -> None:
        self.loaded = True
        self.list.set_rows(rows)
        if self.chosen is not None:
            self.list.select_id(self.chosen)
        self._chosen_moved()

    def selected(self) -> MeetingToCount | None:
        """The meeting chosen in the list."""
        rows = self.list.selected_rows()
        return rows[0] if rows else None

    def _chosen_moved(self) -> None:
        meeting = self.selected()
        self.count_button.setEnabled(meeting is not None)
        if meeting is not None:
            self.hours.blockSignals(True)
            self.hours.setValue(meeting.suggested_tenths / 10)
            self.hours.blockSignals(False)
        self._say()

    def _say(self) -> None:
        meeting = self.selected()
        if meeting is None:
            self.note.setText("")
        elif meeting.meeting.counted:
            self.note.setText(self.tr("This meeting is already counted as study."))
        elif meeting.meeting.present == 0:
            self.note.setText(self.tr("Nobody is recorded present at this meeting: open it on the Meetings page "
                                      "and record the attendance first."))
        else:
            self.note.setText(self.tr("{count} member(s) present will be credited {hours} hours each.").format(
                count=meeting.meeting.present, hours=format_tenths(self.tenths())))

    def tenths(self) -> int:
        """The hours set, in tenths."""
        return to_tenths(f"{self.hours.value():.1f}")

    def count(self) -> None:
        """Count the chosen meeting (one already counted is refused here, with a message)."""
        meeting = self.selected()
        if meeting is None:
            return
        if meeting.meeting.counted:
            self.note.setText(self.tr("This meeting is already counted as study; it cannot be counted twice."))
            return
        self.count_button.setEnabled(False)
        tenths = self.tenths()

        def done(result: Any) -> None:
            said = self.tr("Counted “{topic}” as study: {count} member(s) credited {hours} hours each.").format(
                topic=meeting.meeting.topic, count=result.credited, hours=format_tenths(tenths))
            self.ctx.hub.statusMessage.emit(said)
            if self.chosen is not None:  # opened for this one meeting (the meetings page): done with it
                self.accept()
                return
            self.counted += 1
            self._next_after(meeting, said)

        def failed(error: KnownError) -> None:
            self.count_button.setEnabled(True)
            self.note.setText(error.message)

        ops.count_meeting(self, self.ctx, meeting.id, tenths, on_done=done, on_error=failed)

    def _next_after(self, meeting: MeetingToCount, said: str) -> None:
        """The meeting shown as counted (gone from 未计入), the one after it chosen, what was done said."""
        shown = [row.id for row in self.list.model.shown_rows()]
        position = shown.index(meeting.id) if meeting.id in shown else 0
        counted = replace(meeting, meeting=replace(meeting.meeting, counted=True))
        self.list.update_rows([counted])
        self.list.apply_filters()
        rest = self.list.model.shown_rows()
        following = [row for row in rest if not row.meeting.counted]
        if following:
            later = [row for row in following if shown.index(row.id) > position]
            self.list.select_id((later or following)[0].id)
        else:
            self.list.table.clearSelection()
        self._chosen_moved()
        self.note.setText(said)
