"""Record a collective study (记录学习活动): form, topic, dates, length in the rule table's units, participants.

The length is typed as offices reckon it — so many hours of branch study, half days or full days — and
converted by the rule table (``domain.study.convert``); the 学时 it gives is shown beside it. The
participant list offers the members on the roll some day of the activity (``study_quota.roll_spans``)
and follows the dates; all are ticked at first, since most of a branch attends, and the secretary
unticks who was away. Save writes through ``services.study.add_activity`` on the DB lane and closes only
when that succeeded; the core's message is shown in the dialog otherwise.

Opened on a recorded activity (``editing``), the dialog shows it as recorded, with its participants ticked,
and Save corrects it (``services.study.update_activity``).

What is typed and ticked is kept as a draft beside the database (``form_drafts``, as ``study-<id>.json``): a
power cut loses nothing, and a draft left from before is offered in a bar at the top, or asked about at start-up
(``offer_leftover_study``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QStyle, QWidget

from partydesk.core import drafts
from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.member_events import derive_state
from partydesk.core.domain.study import STUDY_FORMS, UNIT_NAMES, UNIT_RULES, Unit, convert, format_tenths
from partydesk.core.domain.study_quota import roll_spans
from partydesk.core.domain.study_records import ActivityData, Credit
from partydesk.core.errors import KnownError
from partydesk.gui.dialogs.form_drafts import keep_drafts, put_widget_values, taken_up, widget_values
from partydesk.gui.dialogs.study_fields import use_date_field
from partydesk.gui.forms.ui_study_edit import Ui_StudyEditDialog
from partydesk.gui.operations import study as study_ops
from partydesk.gui.own_roll import committee_empty_roll
from partydesk.gui.widgets.busy_dialog import focus_at_fault
from partydesk.gui.widgets.click_toggles import click_toggles
from partydesk.gui.widgets.discard_guard import DiscardGuard
from partydesk.gui.widgets.error_label import mark_as_error_label, say
from partydesk.gui.widgets.screen_room import fit_to_screen

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

MEMBER_ID = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate


LOST_ROLE = Qt.ItemDataRole.UserRole + 1  # the member was out of contact (失联) on the activity's first day
LOST_COLOUR = "#8a5a00"  # as the other warnings: said, not an error


def lost_on(member: RollMember, day: date) -> bool:
    """Whether ``member`` was out of contact (失联) on ``day``, by the changes recorded up to it."""
    return derive_state([e for e in member.events if e.on_date is None or e.on_date <= day]).lost_contact


class StudyEditDialog(DiscardGuard, QDialog):
    """The dialog; ``roll`` and ``rules`` are read by the caller (``operations.study.load_roll``)."""

    def __init__(self, ctx: AppContext, roll: list[RollMember], rules: dict[str, int], *, day: date | None = None,
                 parent: QWidget | None = None, editing: tuple[str, ActivityData, list[Credit]] | None = None,
                 committee: bool = False, draft: drafts.Draft | None = None) -> None:
        """``draft``: a draft left unsaved, typed in at once (the roll is read before the dialog is made)."""
        super().__init__(parent)
        self.ctx = ctx
        self.committee = committee  # a committee's file: an empty roll is its own, the branches' are theirs
        self.roll = roll
        self.rules = rules
        self.editing = editing
        self.ui = Ui_StudyEditDialog()
        self.ui.setupUi(self)
        self.start = use_date_field(self.ui.startEdit, "开始日期", required=True)
        self.end = use_date_field(self.ui.endEdit, "结束日期")
        for field in (self.start, self.end):
            field.problemChanged.connect(self._show_date_problem)
        mark_as_error_label(self.ui.dateProblemLabel)
        mark_as_error_label(self.ui.errorLabel)
        for form in STUDY_FORMS:
            if form.collective:
                self.ui.formCombo.addItem(form.name, form.code)
        for unit in (Unit.HOUR, Unit.HALF_DAY, Unit.FULL_DAY):
            self.ui.unitCombo.addItem(UNIT_NAMES[unit], unit.value)
        self.start.set_value(day or date.today())
        self.ui.amountSpin.valueChanged.connect(lambda _v: self._show_hours())
        self.ui.unitCombo.currentIndexChanged.connect(lambda _i: self._show_hours())
        self.start.editingFinished.connect(self._fill_participants)
        self.end.editingFinished.connect(self._fill_participants)
        self.start.editingFinished.connect(self._show_hours)
        self.end.editingFinished.connect(self._show_hours)
        self.ui.allButton.clicked.connect(lambda: self._tick_all(True))
        self.ui.noneButton.clicked.connect(lambda: self._tick_all(False))
        self.ui.participantList.itemChanged.connect(lambda _item: self._show_count())
        self.ui.participantList.itemChanged.connect(lambda item: self._defaulted.discard(item.data(MEMBER_ID)))
        click_toggles(self.ui.participantList)  # a click on a name ticks it
        # A message from Save named the form as it was; any edit puts it out of date (Save checks again).
        for edited in (self.ui.topicEdit.textEdited, self.ui.organiserEdit.textEdited,
                       self.ui.materialsEdit.textEdited, self.ui.participantList.itemChanged,
                       self.ui.amountSpin.valueChanged, self.ui.unitCombo.currentIndexChanged,
                       self.ui.formCombo.currentIndexChanged, self.start.textEdited, self.end.textEdited):
            edited.connect(lambda *_args: self.ui.errorLabel.hide())
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.saved_id: str | None = None
        self._ticks: dict[str, bool] = {}  # every member's tick so far, kept while the dates change
        # Members whose tick is still the one a new record starts with (ticked unless out of contact on the first
        # day): it follows the dates until the secretary ticks or unticks them.
        self._defaulted: set[str] = set()
        cjk = self.fontMetrics().horizontalAdvance("汉")
        self._fit_grid([])
        self.ui.participantList.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        fit_to_screen(self, QSize(cjk * 44, self.sizeHint().height()))
        self._partial: dict[str, int] = {}  # members credited less than the whole (left early), when editing
        if editing is not None:
            self._show_recorded(editing[1], editing[2])
        self._fill_participants()
        self._show_hours()
        self.mark_clean()
        self.drafts = keep_drafts(self, self.ui.mainLayout, prefix=drafts.STUDY,
                                  record_id=editing[0] if editing is not None else None, state=self.draft_state,
                                  apply=self.apply_draft, given=draft, bar_text=self.tr(
                                      "This study record was being written and not saved (kept automatically at "
                                      "{when}). Restore what was typed?"))
        self.ui.topicEdit.setFocus()  # typing starts in 学习内容 (on the 学习形式 list, a space opened it)

    def discarded(self) -> None:
        """Closed with the typing thrown away (or none typed): no draft to offer later."""
        self.drafts.discard()

    # -- drafts -------------------------------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        """What is typed and ticked, as the draft keeps it."""
        return {"fields": widget_values(self)}

    def apply_draft(self, state: dict[str, Any]) -> None:
        """Put a draft's typing in, then the list for its dates with its ticks (a member not ticked then, or not on
        the list for those dates, comes in unticked)."""
        fields = state.get("fields")
        if not isinstance(fields, dict):
            return
        put_widget_values(self, fields)  # (the ticks of the members listed now, for the dates before)
        ticked = fields.get("participantList")
        if isinstance(ticked, list):  # and of everyone else, for the list of the draft's dates
            self._ticks = {m.id: m.id in ticked for m in self.roll}
            self._defaulted.clear()
        self._fill_participants()
        self._show_hours()

    def _show_recorded(self, data: ActivityData, credits: list[Credit]) -> None:
        """The form as the activity was recorded: its fields, its length as typed then, its participants."""
        self._edit_texts()
        self.ui.formCombo.setCurrentIndex(max(0, self.ui.formCombo.findData(data.form_code)))
        self.ui.topicEdit.setText(data.topic)
        self.start.set_value(data.start_on)
        self.end.set_value(data.end_on if data.end_on != data.start_on else None)
        self.ui.organiserEdit.setText(data.organiser)
        self.ui.materialsEdit.setText(data.materials)
        name, _sep, amount = data.basis.partition("×")
        unit = next((u for u, n in UNIT_NAMES.items() if n == name), None)
        try:
            typed = float(amount) if unit is not None else 0.0
        except ValueError:
            typed = 0.0
        if unit is None or typed <= 0:  # not typed in this dialog: the hours themselves
            unit, typed = Unit.HOUR, data.hours_tenths / 10 / max(1, self.rules.get(UNIT_RULES[Unit.HOUR], 1))
        self.ui.unitCombo.setCurrentIndex(max(0, self.ui.unitCombo.findData(unit.value)))
        self.ui.amountSpin.setValue(typed)
        totals: dict[str, int] = {}
        for credit in credits:
            totals[credit.member_id] = totals.get(credit.member_id, 0) + credit.tenths
        self._ticks = dict.fromkeys(totals, True)  # the others come in unticked
        self._defaulted.clear()
        self._partial = {m: t for m, t in totals.items() if t != data.hours_tenths}

    def _edit_texts(self) -> None:
        self.setWindowTitle(self.tr("Correct a study record"))
        self.ui.introLabel.setText(self.tr(
            "Correct this study record: its participants are ticked as recorded. Saving changes each one's hours "
            "in the ledger."))

    # -- state ----------------------------------------------------------------------------------

    def span(self) -> tuple[date, date] | None:
        """The activity's first and last day as typed (None while the start is missing or unreadable)."""
        start = self.start.value()
        if start is None:
            return None
        return start, self.end.value() or start

    def tenths(self) -> int:
        """The 学时 (tenths) of the length typed, by the rule table."""
        unit = Unit(self.ui.unitCombo.currentData())
        return convert(unit, Decimal(str(round(self.ui.amountSpin.value(), 1))), self.rules)

    def chosen_ids(self) -> list[str]:
        """The ids of the ticked members."""
        items = (self.ui.participantList.item(i) for i in range(self.ui.participantList.count()))
        return [item.data(MEMBER_ID) for item in items if item.checkState() == Qt.CheckState.Checked]

    def _fill_participants(self) -> None:
        span = self.span()
        if span is None:  # a date being typed or mistyped: the list and its ticks stay as they are
            return
        first = not self._ticks
        for i in range(self.ui.participantList.count()):
            item = self.ui.participantList.item(i)
            self._ticks[item.data(MEMBER_ID)] = item.checkState() == Qt.CheckState.Checked
        self.ui.participantList.blockSignals(True)
        self.ui.participantList.clear()
        for m in self.roll:
            if not roll_spans(m, span[0], max(span)):
                continue
            lost = lost_on(m, span[0])
            item = QListWidgetItem(m.name)  # (the grid has room for a name; 失联 is said by colour and tooltip)
            item.setData(MEMBER_ID, m.id)
            item.setData(LOST_ROLE, lost)
            item.setToolTip(m.name + "\n" + (self.tr("{group}; out of contact on these dates").format(
                group=m.party_group) if lost else m.party_group))
            if lost:
                item.setForeground(QColor(LOST_COLOUR))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # Ticked at first, but for a member out of contact (who cannot have studied with the branch), and so
            # again for other dates until ticked or unticked by hand; a tick given by hand is kept (one who was
            # not on the list for the dates before comes in unticked).
            if m.id in self._defaulted or (first and m.id not in self._ticks):
                on = not lost
                self._defaulted.add(m.id)
            else:
                on = self._ticks.get(m.id, False)
            self._ticks[m.id] = on
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.ui.participantList.addItem(item)
        self.ui.participantList.blockSignals(False)
        self._fit_grid([m.name for m in self.roll])
        self._show_count()

    def _fit_grid(self, names: list[str]) -> None:
        """Cells as wide as the tick and the longest name need (a minority name such as 阿卜杜热合曼·买买提 was cut
        to fit six characters), six characters at least and fourteen at most (a longer name is whole in its tooltip)."""
        metrics = self.fontMetrics()
        cjk = metrics.horizontalAdvance("汉")
        tick = self.ui.participantList.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + cjk * 2
        longest = max(map(metrics.horizontalAdvance, names), default=0)
        width = min(max(cjk * 6, longest + tick), cjk * 14)
        self.ui.participantList.setGridSize(QSize(width, metrics.lineSpacing() * 3 // 2))

    def _tick_all(self, on: bool) -> None:
        """全选 ticks every member but those out of contact (as the meeting roll's 全部出席: credited study would
        tell the lost-contact to-do they were in touch), who are ticked one by one; 全不选 unticks all."""
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.ui.participantList.count()):
            item = self.ui.participantList.item(i)
            if not (on and item.data(LOST_ROLE)):
                item.setCheckState(state)

    def _show_count(self) -> None:
        if self.ui.participantList.count() == 0:  # nobody to tick: say why, and what to do first
            if self.roll:
                self.ui.countLabel.setText(self.tr("No member was on the roll on these dates."))
            elif self.committee:
                self.ui.countLabel.setText(committee_empty_roll())
            else:
                self.ui.countLabel.setText(self.tr("The roster has no members yet: add or import them on the Members "
                                                   "page first."))
            return
        text = self.tr("{chosen} of {total} ticked").format(chosen=len(self.chosen_ids()),
                                                            total=self.ui.participantList.count())
        items = (self.ui.participantList.item(i) for i in range(self.ui.participantList.count()))
        lost = [i.text() for i in items if i.data(LOST_ROLE) and i.checkState() != Qt.CheckState.Checked]
        if lost:  # why they are not ticked, where the count is read (names while they are few)
            said = self.tr("Out of contact, not ticked: {names}").format(names="、".join(lost)) if len(lost) <= 3 \
                else self.tr("{count} out of contact, not ticked").format(count=len(lost))
            text += "\n" + said
        self.ui.countLabel.setText(text)

    def _show_hours(self) -> None:
        text = self.tr("= {hours} study hours").format(hours=format_tenths(self.tenths()))
        if self.longer_than_its_days():
            text += self.tr(" (longer than the {days} day(s) the dates give: please check)").format(
                days=self._days())
        self.ui.hoursLabel.setText(text)

    def _days(self) -> int:
        span = self.span()
        return (span[1] - span[0]).days + 1 if span is not None and span[1] >= span[0] else 0

    def longer_than_its_days(self) -> bool:
        """Whether the length typed cannot fit the dates (2.5 全天 on one day, 20 小时 of one day's study):
        said beside the hours, not refused (the office may mean it; most often it is a slip)."""
        days = self._days()
        if not days:
            return False
        amount = Decimal(str(round(self.ui.amountSpin.value(), 1)))
        most = {Unit.FULL_DAY: days, Unit.HALF_DAY: 2 * days, Unit.HOUR: 12 * days}
        return amount > most[Unit(self.ui.unitCombo.currentData())]

    def _show_date_problem(self, message: str) -> None:
        say(self.ui.dateProblemLabel, message)

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> None:
        """Check what the form can, then record the activity on the DB lane."""
        if not (self.start.check() and self.end.check()):
            return
        span = self.span()
        assert span is not None
        unit = Unit(self.ui.unitCombo.currentData())
        data = ActivityData(form_code=self.ui.formCombo.currentData(), topic=self.ui.topicEdit.text().strip(),
                            start_on=span[0], end_on=span[1], hours_tenths=self.tenths(),
                            organiser=self.ui.organiserEdit.text().strip(),
                            basis=f"{UNIT_NAMES[unit]}×{round(self.ui.amountSpin.value(), 1):g}",
                            materials=self.ui.materialsEdit.text().strip())
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        if self.editing is None:
            study_ops.add_activity(self, self.ctx, data, dict.fromkeys(self.chosen_ids()),
                                   on_done=self._saved, on_error=self._failed)
            return
        activity_id, recorded, _credits = self.editing
        # A member credited less than the whole keeps that, unless the activity's hours were changed.
        same = data.hours_tenths == recorded.hours_tenths
        chosen = {m: (self._partial.get(m) if same else None) for m in self.chosen_ids()}
        study_ops.update_activity(self, self.ctx, activity_id, data, chosen, on_done=self._corrected,
                                  on_error=self._failed)

    def saved_on(self) -> date | None:
        """The activity's first day, as saved (the page shows its year)."""
        span = self.span()
        return span[0] if span is not None else None

    def _saved(self, result: object) -> None:
        self.saved_id = getattr(result, "activity_id", None)
        self.drafts.saved()
        self.accept()

    def _corrected(self, _changes: object) -> None:
        self.drafts.saved()
        self.accept()

    def _failed(self, error: KnownError) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        say(self.ui.errorLabel, error.message)
        ui = self.ui
        focus_at_fault(error, {"form_code": ui.formCombo, "topic": ui.topicEdit, "start_on": self.start,
                               "end_on": self.end, "hours": ui.amountSpin, "participants": ui.participantList},
                       ui.topicEdit)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            if self.editing is not None:
                self._edit_texts()
            self._show_count()
            self._show_hours()
        super().changeEvent(event)


def offer_leftover_study(window: QWidget, ctx: AppContext) -> bool:
    """Ask whether to finish the newest study record left unsaved; if so, open it on the study page with the typing
    in (declined, the draft stays and the dialog offers it when that record, or a new one, is opened)."""
    found = taken_up(window, ctx, drafts.STUDY, "study",
                     translate("StudyEditDialog", "Restore an unsaved study record?"),
                     translate("StudyEditDialog", "A study record was being written and not saved (kept "
                                                  "automatically at {when}). Open it now to finish it?"), "topicEdit")
    if found is None:
        return False
    newest, page = found
    page.open_draft(newest)  # type: ignore[attr-defined]
    return True
