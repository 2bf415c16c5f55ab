"""Record a dated change for a member (记录变动): 转正, 延长预备期, 停止/恢复党籍, 处分, 失联, 流动, 转出, 去世.

The dialog asks for the kind, the date (typed as offices write it: ``widgets.date_field``)
and, where the kind has one, its detail: the ground of 停止党籍, the way of 出党, the 处分 (with the
period of 留党察看), the months of an extension, the cause of losing contact, where a migrant member went,
where a transfer went to or came from. Only the kinds the transition table allows are offered
(``membership.offered_kinds``), and none is chosen beforehand: Save waits until the user picks one, so
a stray Enter cannot record a change nobody meant. 转正 starts on the day probation ends and a warning
shows when another date is typed. It saves through ``services.members.add_event`` on the DB lane and
closes only when that succeeded; the core's refusal (naming the rule) appears beside the field it names
otherwise. Warnings the core returns with a saved change are shown in a message box afterwards.

What is chosen and typed is kept as a draft beside the database (``form_drafts``, as ``event-<member id>.json``):
after a power cut it is asked about at start-up and opened on the member's page (``offer_leftover_event``), and
a draft left from before is offered in a bar when a change is recorded for that member again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.core import drafts
from partydesk.core.domain import codes, partial_date
from partydesk.core.domain.member_events import EVENT_LABELS, LEAVING_REASON, SUSPENSION_GROUND, WAYS_OUT, EventKind
from partydesk.core.domain.probation import DISCIPLINE, OBSERVATION, discipline_detail
from partydesk.core.errors import KnownError, ValidationError
from partydesk.gui.dialogs.form_drafts import (
    keep_drafts,
    newest_leftover,
    offer_at_start,
    put_widget_values,
    widget_values,
)
from partydesk.gui.operations import members as member_ops
from partydesk.gui.widgets.busy_dialog import BusyDialog
from partydesk.gui.widgets.date_field import DateField
from partydesk.gui.widgets.discard_guard import DiscardGuard
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

translate = QCoreApplication.translate

# 入党 is the record's own 入党日期 (set in the member form), and the old flat 党籍状态 event is only read,
# so neither is offered as a later change.
KINDS = [kind for kind in EventKind if kind not in (EventKind.JOINED, EventKind.STATUS)]
# Pages of the detail stack.
NO_DETAIL, CAUSE_DETAIL, TEXT_DETAIL, GROUND_DETAIL, WAY_DETAIL, DISCIPLINE_DETAIL, MONTHS_DETAIL = range(7)
TEXT_KINDS = (EventKind.MIGRANT_OUT, EventKind.TRANSFER_OUT, EventKind.TRANSFER_IN)


class MemberEventDialog(DiscardGuard, BusyDialog):
    """Kind, date, detail and note of one event; ``recorded`` is emitted after it was saved."""

    recorded = Signal()

    def __init__(self, ctx: AppContext, member_id: str, member_name: str, parent: QWidget | None = None,
                 *, kinds: Sequence[EventKind] | None = None, today: date | None = None,
                 probation_ends: date | None = None, draft: drafts.Draft | None = None) -> None:
        """``kinds``: the changes to offer, in order (``applicable_kinds`` of the member's state);
        ``probation_ends``: 预备期满之日, the default 转正 date; ``draft``: one left unsaved, put in at once."""
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.member_name = member_name
        self._today = today or date.today()
        self._probation_ends = probation_ends
        self._early_confirmed = False
        self._busy = False
        self.warnings: list[str] = []

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        for kind in (KINDS if kinds is None else [k for k in kinds if k in KINDS]):
            self.kind_combo.addItem(EVENT_LABELS[kind], kind.value)
        self.kind_combo.setCurrentIndex(-1)  # nothing chosen: the placeholder asks for a choice
        self.kind_label.setBuddy(self.kind_combo)
        self.kind_error = QLabel(self)

        self.date_label = QLabel(self)
        # Typed as offices write dates; the core's parser reads it, and a wrong date is never saved.
        self.date_edit = DateField(self, field_name="日期", required=True)
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.latest = self._today
        self.date_edit.set_value(self._today)
        self.date_label.setBuddy(self.date_edit)
        self.date_error = QLabel(self)
        self.date_warning = QLabel(self)
        self.date_warning.setObjectName("dateWarning")
        self.date_warning.setWordWrap(True)
        self.date_warning.setStyleSheet("color: #8a5a00;")
        self.date_warning.hide()

        self.detail_label = QLabel(self)
        self.detail_stack = QStackedWidget(self)
        self.cause_combo = QComboBox(self)
        self.cause_combo.setObjectName("causeCombo")
        self.cause_combo.addItem("", "")
        for code, name in codes.LOST_CONTACT_CAUSE.items():
            self.cause_combo.addItem(name, code)
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("detailEdit")
        self.text_edit.setMaxLength(200)
        self.ground_combo = self._code_combo("groundCombo", SUSPENSION_GROUND.items())
        self.way_combo = self._code_combo("wayCombo", [(c, LEAVING_REASON.name(c)) for c in WAYS_OUT])
        self.discipline_page = QWidget(self)
        self.discipline_combo = self._code_combo("disciplineCombo", DISCIPLINE.items(), self.discipline_page)
        self.period_combo = QComboBox(self.discipline_page)
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.addItem("", 12)
        self.period_combo.addItem("", 24)
        row = QHBoxLayout(self.discipline_page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.discipline_combo, 1)
        row.addWidget(self.period_combo)
        self.months_spin = QSpinBox(self)
        self.months_spin.setObjectName("monthsSpin")
        self.months_spin.setRange(6, 12)
        self.months_spin.setValue(6)
        for widget in (QWidget(self), self.cause_combo, self.text_edit, self.ground_combo, self.way_combo,
                       self.discipline_page, self.months_spin):
            self.detail_stack.addWidget(widget)
        # A stack gives every page its own full height; fixed, a combo keeps a combo's height.
        self.detail_stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.detail_error = QLabel(self)

        self.note_label = QLabel(self)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.note_label.setBuddy(self.note_edit)
        self.general_error = QLabel(self)
        for label in self._error_labels():
            label.setWordWrap(True)
            mark_as_error_label(label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)

        form = QFormLayout()
        form.addRow(self.kind_label, self._with_error(self.kind_combo, self.kind_error))
        date_box = self._with_error(self.date_edit, self.date_error)
        date_box.addWidget(self.date_warning)
        form.addRow(self.date_label, date_box)
        form.addRow(self.detail_label, self._with_error(self.detail_stack, self.detail_error))
        form.addRow(self.note_label, self.note_edit)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 30)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.discipline_combo.currentIndexChanged.connect(self._discipline_changed)
        # A refusal about the detail goes once the detail is changed (it was left up until the next save).
        for combo in (self.cause_combo, self.ground_combo, self.way_combo, self.discipline_combo, self.period_combo):
            combo.currentIndexChanged.connect(lambda _index: self.detail_error.hide())
        self.text_edit.textChanged.connect(lambda _text: self.detail_error.hide())
        self.months_spin.valueChanged.connect(lambda _value: self.detail_error.hide())
        self.date_edit.textChanged.connect(lambda _text: self._check_date())
        self.date_edit.show_problems_in(self.date_error)
        self.date_edit.problemChanged.connect(lambda _message: grow_to_fit(self))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._retranslate()
        self._update_save()
        self.mark_clean()
        self.drafts = keep_drafts(self, layout, prefix=drafts.EVENT, record_id=member_id, state=self.draft_state,
                                  apply=self.apply_draft, given=draft, bar_text=self.tr(
                                      "A change for this member was being recorded and not saved (kept automatically "
                                      "at {when}). Restore what was chosen and typed?"))

    def discarded(self) -> None:
        """Closed with the typing thrown away (or none typed): no draft to offer later."""
        self.drafts.discard()

    def draft_state(self) -> dict[str, Any]:
        """What is chosen and typed, and whose change it is (named when it is asked about at start-up)."""
        return {"fields": widget_values(self), "name": self.member_name}

    def apply_draft(self, state: dict[str, Any]) -> None:
        """Put a draft's choices and typing in. A kind no longer offered for the member (his state changed since:
        a 转正 recorded meanwhile) stays unchosen, and the line under the kind says which it was and why."""
        fields = state.get("fields")
        if isinstance(fields, dict):
            put_widget_values(self, fields)  # (the kind before the date: choosing 转正 puts in a date of its own)
            wanted = fields.get("kindCombo")
            if isinstance(wanted, str) and wanted in {k.value for k in EventKind} and self.kind() is None:
                self.kind_error.setText(self.tr(
                    "The draft's change “{kind}” can no longer be chosen for this member: his record has changed "
                    "since. Choose the change again.").format(kind=EVENT_LABELS.get(EventKind(wanted), wanted)))
                self.kind_error.show()

    def _code_combo(self, name: str, items: object, parent: QWidget | None = None) -> QComboBox:
        combo = QComboBox(parent or self)
        combo.setObjectName(name)
        for code, text in items:  # type: ignore[attr-defined]
            combo.addItem(text, code)
        combo.setCurrentIndex(-1)
        return combo

    @staticmethod
    def _with_error(field: QWidget, error: QLabel) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(field)
        box.addWidget(error)
        return box

    # -- values ------------------------------------------------------------------------------------

    def kind(self) -> EventKind | None:
        """The chosen kind of event (None until the user chose one)."""
        value = self.kind_combo.currentData()
        return EventKind(value) if isinstance(value, str) else None

    def offered_kinds(self) -> list[EventKind]:
        """The kinds the combo offers, in order."""
        return [EventKind(self.kind_combo.itemData(i)) for i in range(self.kind_combo.count())]

    def set_kind(self, kind: EventKind) -> None:
        """Choose ``kind`` (for tests and for buttons that open the dialog on a kind); ignored if not offered."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def on_date(self) -> date | None:
        """The date typed or picked; None while the field holds no date."""
        return self.date_edit.value()

    def detail(self) -> str:
        """The detail for the chosen kind: a status or cause code, or text; "" when the kind has none."""
        page = self.detail_stack.currentIndex()
        if page in (GROUND_DETAIL, WAY_DETAIL):
            combo = self.ground_combo if page == GROUND_DETAIL else self.way_combo
            return str(combo.currentData() or "")
        if page == DISCIPLINE_DETAIL:
            code = str(self.discipline_combo.currentData() or "")
            return discipline_detail(code, int(self.period_combo.currentData()) if code == OBSERVATION else None)
        if page == MONTHS_DETAIL:
            return str(self.months_spin.value())
        if page == CAUSE_DETAIL:
            return str(self.cause_combo.currentData() or "")
        if page == TEXT_DETAIL:
            return self.text_edit.text().strip()
        return ""

    def save_button(self) -> QPushButton:
        """The Save button."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def error_text(self) -> str:
        """Every error message shown, joined ("" when none)."""
        return "\n".join(label.text() for label in self._error_labels() if not label.isHidden())

    def _error_labels(self) -> tuple[QLabel, ...]:
        return (self.kind_error, self.date_error, self.detail_error, self.general_error)

    # -- saving ------------------------------------------------------------------------------------

    def accept(self) -> None:
        """Save the event on the DB lane; close only when it was saved."""
        kind = self.kind()
        if self._busy or kind is None:
            return
        for label in self._error_labels():
            label.clear()
            label.hide()
        on_date = self.on_date()
        if not self.date_edit.check() or on_date is None:  # a wrong or missing date: nothing is saved
            self.date_error.setText(self.date_edit.problem())
            self.date_error.show()
            grow_to_fit(self)
            self.date_edit.setFocus()
            return
        if kind is EventKind.CONFIRMED and self._probation_ends is not None and \
                partial_date.before(on_date, self._probation_ends):
            self._ask_early_confirmation(on_date, self._probation_ends)
            return
        self._save(kind, on_date)

    def _ask_early_confirmation(self, on_date: date, ends: date) -> None:
        """A 转正 dated before probation ends is asked about before anything is saved ("Change the date" the
        default): probation must be served in full, so such a date is most often a typing slip."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Before probation ends"), self.tr(
            "Probation ends on {ends}; the 转正 date {date} is earlier. A probationary member becomes a full "
            "member only once probation is over. Record it with this date all the same?").format(
            ends=partial_date.text(ends), date=partial_date.text(on_date)), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("earlyConfirmationBox")
        record = box.addButton(self.tr("Record all the same"), QMessageBox.ButtonRole.AcceptRole)
        change = box.addButton(self.tr("Change the date"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(change)
        box.setEscapeButton(change)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            if button is record:
                self._early_confirmed = True
                self._save(EventKind.CONFIRMED, on_date)
            else:
                self.date_edit.setFocus()

        box.buttonClicked.connect(answered)
        box.open()

    def _save(self, kind: EventKind, on_date: date) -> None:
        self._set_busy(True)
        member_ops.add_event(self, self.ctx, member_id=self.member_id, kind=kind, on_date=on_date,
                             detail=self.detail(), note=self.note_edit.toPlainText(), on_done=self._saved,
                             on_error=self._failed)

    def _saved(self, result: object) -> None:
        self._set_busy(False)
        self.warnings = list(getattr(result, "warnings", []))
        if self._early_confirmed:  # the early 转正 was asked about before saving: not said twice
            self.warnings = [w for w in self.warnings if not w.startswith("转正日期一般为预备期满之日")]
        self.drafts.saved()
        self.recorded.emit()
        if self.warnings:  # saved; what the office should check is said once, after the dialog
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Recorded, please check"),
                              "\n".join(self.warnings), QMessageBox.StandardButton.Ok, self.parentWidget())
            box.setObjectName("eventWarnings")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        QDialog.accept(self)

    def _failed(self, error: KnownError) -> None:
        self._set_busy(False)
        field = error.field if isinstance(error, ValidationError) else ""
        label = {"kind": self.kind_error, "on_date": self.date_error,
                 "detail": self.detail_error}.get(field, self.general_error)
        label.setText(error.message)
        label.show()
        grow_to_fit(self)  # the message adds lines; the fields keep their height

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)
        self._update_save()

    def _update_save(self) -> None:
        self.save_button().setEnabled(self.kind() is not None)

    # -- text --------------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind()
        if kind is EventKind.CONFIRMED and self._probation_ends is not None and self._probation_ends <= self._today:
            self.date_edit.set_value(self._probation_ends)  # 转正 takes effect on the day probation ends
        if kind is EventKind.SUSPENDED:
            page, label = GROUND_DETAIL, self.tr("Ground:")
        elif kind is EventKind.LEFT:
            page, label = WAY_DETAIL, self.tr("How:")
        elif kind is EventKind.DISCIPLINE:
            page, label = DISCIPLINE_DETAIL, self.tr("Penalty:")
        elif kind is EventKind.PROBATION_EXTENDED:
            page, label = MONTHS_DETAIL, self.tr("Extended by:")
        elif kind is EventKind.LOST:
            page, label = CAUSE_DETAIL, self.tr("Cause:")
        elif kind is EventKind.MIGRANT_OUT:
            page, label = TEXT_DETAIL, self.tr("Gone to:")
            self.text_edit.setPlaceholderText(self.tr("Province, city and workplace, e.g. 广东省深圳市"))
        elif kind is EventKind.TRANSFER_OUT:
            page, label = TEXT_DETAIL, self.tr("Transferred to:")
            self.text_edit.setPlaceholderText(self.tr("The receiving Party organisation (optional)"))
        elif kind is EventKind.TRANSFER_IN:
            page, label = TEXT_DETAIL, self.tr("Transferred from:")
            self.text_edit.setPlaceholderText(self.tr("The previous Party organisation (optional)"))
        else:
            page, label = NO_DETAIL, ""
        self.detail_stack.setCurrentIndex(page)
        self.detail_label.setText(label)
        self._form.setRowVisible(2, page != NO_DETAIL)
        self.detail_error.hide()
        self.kind_error.hide()
        self._discipline_changed()
        self._check_date()
        self._update_save()
        if page != NO_DETAIL:
            grow_to_fit(self)  # the detail row appeared

    def _discipline_changed(self) -> None:
        self.period_combo.setVisible(self.discipline_combo.currentData() == OBSERVATION)

    def _check_date(self) -> None:
        """A warning (saving stays possible) when 转正 is not on the day probation ends. (失联 under six months
        is warned by the core after saving: it counts from the last 组织生活, which only the core knows.)"""
        kind, on_date, text = self.kind(), self.on_date(), ""
        if kind is EventKind.CONFIRMED and on_date and self._probation_ends and \
                partial_date.compare(on_date, self._probation_ends) != 0:
            text = self.tr("转正 normally takes effect on the day probation ends ({date}).").format(
                date=partial_date.text(self._probation_ends))
        self.date_warning.setText(text)
        self.date_warning.setVisible(bool(text))
        if text:
            grow_to_fit(self)

    def date_warning_text(self) -> str:
        """The warning shown under the date ("" when none)."""
        return self.date_warning.text() if not self.date_warning.isHidden() else ""

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Record a change"))
        self.intro.setText(self.tr("Record a dated change for {name}. The member's status is updated from it.")
                           .format(name=self.member_name))
        self.kind_label.setText(self.tr("Change:"))
        self.kind_combo.setPlaceholderText(self.tr("Choose the kind of change"))
        self.date_label.setText(self.tr("Date:"))
        self.note_label.setText(self.tr("Note:"))
        self.note_edit.setPlaceholderText(self.tr("Optional: meeting that decided it, document number, …"))
        self.cause_combo.setItemText(0, self.tr("(not known)"))
        self.months_spin.setSuffix(self.tr(" months"))
        self.period_combo.setItemText(0, self.tr("one year"))
        self.period_combo.setItemText(1, self.tr("two years"))
        for combo in (self.ground_combo, self.way_combo, self.discipline_combo):
            combo.setPlaceholderText(self.tr("Choose…"))
        self._kind_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def offer_leftover_event(window: QWidget, ctx: AppContext) -> bool:
    """Ask whether to finish the newest change left unrecorded; if so, open the member's page and the change on it
    with what was chosen and typed (declined, the draft stays and is offered when a change is recorded for that
    member again)."""
    from partydesk.gui.mainwindow import MainWindow
    from partydesk.gui.pages.members import MembersPage

    newest = newest_leftover(ctx, drafts.EVENT)
    if newest is None or not isinstance(newest.meeting_id, str) or not isinstance(window, MainWindow) \
            or "members" not in window.page_ids():
        return False
    if not offer_at_start(window, newest, translate("MemberEventDialog", "Restore an unsaved change?"),
                          translate("MemberEventDialog", "A member's change was being recorded and not saved (kept "
                                                         "automatically at {when}). Open it now to finish it?"),
                          str(newest.state.get("name") or "")):
        return False
    page = window.show_page("members")
    assert isinstance(page, MembersPage)
    page.open_member(newest.meeting_id)  # (the draft's key: the member's id)
    page.detail_page().record_event_when_shown(newest)
    return True
