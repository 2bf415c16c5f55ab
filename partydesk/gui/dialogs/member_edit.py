"""Add or edit a member (新增党员 / 编辑党员信息): the form of ui/member_edit.ui over the core's checks.

The form only collects text; the core decides. Save runs on the DB lane: the record is checked
(``services.members.validate``) and, when it passes, saved. Every error the core reports appears under
the field it names (the core names fields by key; ``FIELD_LABELS`` gives their Chinese names) and in a
summary at the top; nothing is written. Warnings (a 转正 date outside the usual probation, a birth date
that differs from the ID number) are shown the same way in amber, and Save becomes "Save anyway": a
second click saves exactly what was checked. Any edit after that asks again.

Esc, Cancel and the close box ask "Discard the changes you have not saved?" when the form differs from
what it was opened with (Keep editing is the default answer); an untouched form just closes.

Dates are the shared ``DateField`` (put in place of the form's date boxes when the dialog is built):
"not set" is simply empty, every format ``parse_date`` knows is accepted and shown back in full, and a
date that is not one is reported beside its field and the save is refused (the core reads dates with the same parser).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from partydesk.core.domain import codes
from partydesk.core.domain.member import FIELD_LABELS, PARTIAL_DATES, STATUS_NORMAL, MemberInput
from partydesk.core.domain.roster import MemberRecord
from partydesk.core.domain.validate import Issue
from partydesk.core.errors import KnownError, ValidationError
from partydesk.core.services import members
from partydesk.gui.dialogs.member_edit_drafts import member_draft_keeper
from partydesk.gui.forms.ui_member_edit import Ui_MemberEditDialog
from partydesk.gui.operations import access as access_ops
from partydesk.gui.operations import members as member_ops
from partydesk.gui.operations.access import EDIT_REVEAL_SUMMARY
from partydesk.gui.widgets import discard_guard
from partydesk.gui.widgets.busy_dialog import BusyDialog
from partydesk.gui.widgets.date_field import DateField
from partydesk.gui.widgets.error_label import ERROR_COLOUR, WARNING_COLOUR, mark_as_error_label
from partydesk.gui.widgets.line_breaks import wrap_lines
from partydesk.gui.widgets.note_label import note_label
from partydesk.gui.widgets.screen_room import fit_to_screen, keep_on_screen

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

# Coded fields -> (code table, whether the form offers an empty choice).
COMBOS: dict[str, tuple[codes.CodeTable, bool]] = {
    "gender": (codes.GENDER, True), "ethnicity": (codes.ETHNICITY, True), "id_type": (codes.ID_TYPE, False),
    "education": (codes.EDUCATION, True), "degree": (codes.DEGREE, True), "category": (codes.MEMBER_CATEGORY, True),
    "membership_status": (codes.MEMBERSHIP_STATUS, False), "party_post": (codes.PARTY_POST, True),
    "work_post": (codes.WORK_POST, True), "lost_cause": (codes.LOST_CONTACT_CAUSE, True),
}
LINES = ("name", "id_number", "native_place", "work_unit", "phone", "address", "migrant_destination")
DATES = ("birth_date", "joined_on", "confirmed_on", "work_started_on", "lost_since", "migrant_since")
LOST_FIELDS = ("lost_since", "lost_cause")
MIGRANT_FIELDS = ("migrant_destination", "migrant_since")


def _camel(key: str) -> str:
    first, *rest = key.split("_")
    return first + "".join(part.title() for part in rest)


def _without_consequences(issues: list[Issue]) -> list[Issue]:
    """Drop "性别不能为空" while the ID number is wrong: gender comes from a valid ID, so fixing it fixes both."""
    id_wrong = any(i.field == "id_number" and i.severity == "error" for i in issues)
    if not id_wrong:
        return issues
    return [i for i in issues if not (i.field == "gender" and i.code == "required")]


class MemberEditDialog(BusyDialog):
    """The member form; ``saved(member_id)`` is emitted after a successful save, then the dialog closes."""

    saved = Signal(str)

    def __init__(
        self, ctx: AppContext, record: MemberRecord | None = None, *, party_groups: list[str] | None = None,
        correction_for: str = "", committee_own: str = "", parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.ui = Ui_MemberEditDialog()
        self.ui.setupUi(self)
        # A committee editing a branch's member: said before anything is typed, as the change is a correction
        # that goes back to the branch (SYNC.md: only the owner edits; others send corrections).
        self.correction_for = correction_for
        # A committee adding a member: it is the committee's own (no branch keeps it), said the same way.
        self.committee_own = committee_own if record is None else ""
        self.correction_note = note_label(self, "correctionNote", shown=bool(correction_for or self.committee_own))
        self.ui.mainLayout.insertWidget(0, self.correction_note)
        self._use_date_fields()
        self._busy = False
        self._confirmed: MemberInput | None = None  # the input whose warnings the user has seen
        self._wrong_dates: list[str] = []  # date fields whose text is no date, at the last Save
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        for key in FIELD_LABELS:
            name = _camel(key)
            widget = next(w for w in (getattr(self.ui, name + suffix, None) for suffix in ("Edit", "Combo", "Check"))
                          if w is not None)
            self._fields[key] = widget
            self._errors[key] = getattr(self.ui, name + "Error")
            mark_as_error_label(self._errors[key])
        mark_as_error_label(self.ui.summaryLabel)
        self._fill_combos(party_groups or [])
        self._size_fields()
        self.ui.lostContactCheck.toggled.connect(lambda on: self._enable(LOST_FIELDS, on))
        self.ui.migrantCheck.toggled.connect(lambda on: self._enable(MIGRANT_FIELDS, on))
        self._enable(LOST_FIELDS, False)
        self._enable(MIGRANT_FIELDS, False)
        if record is not None:
            self._load(record)
        self._opened_with = self.member_input()  # what "no unsaved changes" means
        # What is typed is kept as a draft beside the database (a power cut loses nothing); one left from
        # before is offered back in a bar at the top.
        self.drafts = member_draft_keeper(self)
        if self.drafts.bar is not None:
            self.ui.mainLayout.insertWidget(0, self.drafts.bar)
        self._watch_edits()
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        discard_guard.save_key(self)  # Ctrl+S, as in the other record forms
        self._retranslate()
        self._sized = False

    # -- setting up --------------------------------------------------------------------------------

    def _use_date_fields(self) -> None:
        # The form's date boxes become the shared DateField, in the same layout cell and tab position.
        for key in DATES:
            name = _camel(key) + "Edit"
            old = getattr(self.ui, name)
            field = DateField(old.parentWidget(), field_name=FIELD_LABELS[key], partial=key in PARTIAL_DATES)
            field.setObjectName(name)
            if not field.partial:  # a month-or-year field keeps its own example, which says so
                field.setPlaceholderText(old.placeholderText())
            QWidget.setTabOrder(old, field)
            layout = old.parentWidget().layout()
            item = layout.replaceWidget(old, field, Qt.FindChildOption.FindChildrenRecursively)
            assert item is not None, name  # the .ui keeps every date box in a layout
            del item
            label = self.findChild(QLabel, _camel(key) + "Label")
            if label is not None:
                label.setBuddy(field)
            old.hide()
            old.setParent(None)  # out of the dialog at once; deleted with its last reference
            old.deleteLater()
            setattr(self.ui, name, field)
            field.problemChanged.connect(lambda message, key=key: self._show_date_problem(key, message))

    def _date_field(self, key: str) -> DateField:
        widget = self._fields[key]
        assert isinstance(widget, DateField)
        return widget

    def _show_date_problem(self, key: str, message: str) -> None:
        label = self._errors[key]
        if not message:
            self._clear_message(key)
            return
        self._colour(label, ERROR_COLOUR)
        label.setMinimumHeight(0)
        label.setText(self._wrap(message, key))
        label.show()

    def _fill_combos(self, party_groups: list[str]) -> None:
        for key, (table, blank) in COMBOS.items():
            combo = self._combo(key)
            if blank:
                combo.addItem("", None)
            for code, name in table.items():
                combo.addItem(name, code)
        self.ui.membershipStatusCombo.setCurrentIndex(self.ui.membershipStatusCombo.findData(STATUS_NORMAL))
        self.ui.partyGroupCombo.addItem("")
        self.ui.partyGroupCombo.addItems(party_groups)

    def _size_fields(self) -> None:
        cjk = self.fontMetrics().horizontalAdvance("汉")
        # An 18-character ID number and a full address fit without scrolling the text.
        for widget in self._fields.values():
            if not isinstance(widget, (QCheckBox, QPlainTextEdit)):
                widget.setMinimumWidth(cjk * 14)
        for key in ("address", "work_unit", "migrant_destination"):
            self._fields[key].setMinimumWidth(cjk * 17)
        self.ui.notesEdit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        # The scroll area is for small screens only; it must not paint a grey box behind the groups.
        self.ui.scrollArea.viewport().setAutoFillBackground(False)
        self.ui.scrollContents.setAutoFillBackground(False)

    def _fit_screen(self) -> None:
        # The whole form when the screen allows, else as much as fits with the title bar and the buttons on
        # the screen (a 1366×768 screen with its taskbar leaves about 690 pixels for the dialog with its
        # title bar): the scroll area shows the rest.
        contents = self.ui.scrollContents.sizeHint()
        layout = self.layout()
        assert layout is not None  # setupUi gave the dialog its layout
        margins = layout.contentsMargins()
        scroll_bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        width = contents.width() + margins.left() + margins.right() + scroll_bar + 4
        rest = self.sizeHint().height() - self.ui.scrollArea.sizeHint().height()
        fit_to_screen(self, QSize(width, contents.height() + rest + 4))

    def showEvent(self, event: QShowEvent) -> None:
        # Only now do the hidden error lines and the scroll area report their real sizes; resizing here,
        # before QDialog centres the window, means it appears once, at its final size and place.
        first = not self._sized
        if first:
            self._sized = True
            self._fit_screen()
        super().showEvent(event)
        if first:
            keep_on_screen(self)  # centred over a window low on the screen, its buttons could be under the taskbar
            self.ui.nameEdit.setFocus()  # typing starts in 姓名 (the form's first field), not on a button or nowhere

    def _watch_edits(self) -> None:
        # Any change after warnings were shown needs a fresh check before saving; a field's own message
        # goes as soon as it is edited (it described the old value).
        for key, widget in self._fields.items():
            signals = []
            if isinstance(widget, QLineEdit):
                signals = [widget.textEdited]
            elif isinstance(widget, QComboBox):
                signals = [widget.currentIndexChanged, *([widget.editTextChanged] if widget.isEditable() else [])]
            elif isinstance(widget, QCheckBox):
                signals = [widget.toggled]
            elif isinstance(widget, QPlainTextEdit):
                signals = [widget.textChanged]
            for signal in signals:
                signal.connect(self._input_changed)
                signal.connect(lambda *_args, key=key: self._clear_message(key))

    def _clear_message(self, key: str) -> None:
        # The line's place is kept, empty, until the next check: the fields below stay where the user
        # sees them (a form that slid up by a line while the next field was being clicked took the
        # click in the field above).
        label = self._errors[key]
        if not label.isHidden() and label.text():
            _hold_place(label)
            if not any(other.text() for other in self._errors.values()):
                _hold_place(self.ui.summaryLabel)  # the summary named those fields: with them edited it is out of date

    def _combo(self, key: str) -> QComboBox:
        widget = self._fields[key]
        assert isinstance(widget, QComboBox)
        return widget

    def _enable(self, keys: tuple[str, ...], on: bool) -> None:
        for key in keys:
            self._fields[key].setEnabled(on)
            label = self.findChild(QLabel, _camel(key) + "Label")
            if label is not None:
                label.setEnabled(on)

    def _load(self, record: MemberRecord) -> None:
        data = record.data
        for key in LINES:
            widget = self._fields[key]
            assert isinstance(widget, QLineEdit)
            widget.setText(str(getattr(data, key) or ""))
        for key in DATES:
            value = getattr(data, key)
            self._date_field(key).set_value(value if isinstance(value, date) else None)
        for key in COMBOS:
            combo = self._combo(key)
            code = getattr(data, key)
            index = combo.findData(code) if code else 0
            combo.setCurrentIndex(max(index, 0))
        self.ui.partyGroupCombo.setCurrentText(data.party_group)
        self.ui.lostContactCheck.setChecked(data.lost_contact)
        self.ui.migrantCheck.setChecked(data.migrant)
        self.ui.notesEdit.setPlainText(data.notes)

    # -- what the user entered ---------------------------------------------------------------------

    def member_input(self) -> MemberInput:
        """The form as the core's input record (raw text; the core normalises and checks it)."""
        values: dict[str, Any] = {}
        for key in LINES:
            widget = self._fields[key]
            assert isinstance(widget, QLineEdit)
            values[key] = widget.text().strip() or None
        for key in DATES:
            # A date the field read goes as that date, however it was written; anything else as typed.
            field = self._date_field(key)
            parsed = field.value()
            values[key] = parsed.isoformat() if parsed is not None else (field.text().strip() or None)
        for key in COMBOS:
            values[key] = self._combo(key).currentData()
        values["party_group"] = self.ui.partyGroupCombo.currentText().strip()
        values["notes"] = self.ui.notesEdit.toPlainText().strip()
        lost, migrant = self.ui.lostContactCheck.isChecked(), self.ui.migrantCheck.isChecked()
        values["lost_contact"], values["migrant"] = lost, migrant
        # Greyed-out details belong to a situation that does not apply; they are not sent.
        for key in LOST_FIELDS if not lost else ():
            values[key] = None
        for key in MIGRANT_FIELDS if not migrant else ():
            values[key] = None
        return MemberInput(**values)

    def form_state(self) -> dict[str, Any]:
        """Everything typed, as the draft keeps it: each field's text (a date as typed), code or tick."""
        state: dict[str, Any] = {}
        for key, widget in self._fields.items():
            if isinstance(widget, QCheckBox):
                state[key] = widget.isChecked()
            elif isinstance(widget, QPlainTextEdit):
                state[key] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                state[key] = widget.currentText() if widget.isEditable() else widget.currentData()
            elif isinstance(widget, QLineEdit):
                state[key] = widget.text()
        return state

    def apply_state(self, state: dict[str, Any]) -> None:
        """Put a draft's state into the form (keys it does not know, or values of the wrong kind, are left)."""
        for key, value in state.items():
            widget = self._fields.get(key)
            if isinstance(widget, QCheckBox) and isinstance(value, bool):
                widget.setChecked(value)
            elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
                widget.setPlainText(value)
            elif isinstance(widget, QComboBox) and widget.isEditable() and isinstance(value, str):
                widget.setCurrentText(value)
            elif isinstance(widget, QComboBox) and (value is None or isinstance(value, str)):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QLineEdit) and isinstance(value, str):
                widget.setText(value)

    def save_button(self) -> QPushButton:
        """The Save (or "Save anyway") button."""
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def field_message(self, key: str) -> str:
        """The message shown under field ``key`` ("" when none): for tests and screen readers."""
        label = self._errors.get(key)
        return "" if label is None or label.isHidden() else label.text()

    def summary(self) -> str:
        """The summary line at the top ("" when hidden)."""
        return "" if self.ui.summaryLabel.isHidden() else self.ui.summaryLabel.text()

    def has_unsaved_changes(self) -> bool:
        """Whether the form differs from what it was opened with."""
        return self.member_input() != self._opened_with

    @property
    def awaiting_confirmation(self) -> bool:
        """Whether warnings are shown and the next Save saves anyway."""
        return self._confirmed is not None

    # -- saving ------------------------------------------------------------------------------------

    def accept(self) -> None:
        """Check on the DB lane, then save; the dialog closes only after a successful save."""
        if self._busy:
            return
        data = self.member_input()
        confirmed = self._confirmed == data
        self._clear_messages()
        # A date the field cannot read goes to the core as typed: the same parser refuses it there, so
        # nothing is saved and every other field's problem is reported too; the field's wording stays.
        self._wrong_dates = [key for key in DATES if self._date_field(key).isEnabled()
                             and not self._date_field(key).check()]
        self._set_busy(True)
        member_id = self.record.id if self.record is not None else None
        member_ops.save_member(self, self.ctx, member_id=member_id, data=data, confirmed=confirmed,
                               on_done=lambda result: self._checked(data, result), on_error=self._failed)

    def reject(self) -> None:
        """Esc, Cancel or the close box: close, after asking when typed data would be lost."""
        if self._busy:
            return
        if self.has_unsaved_changes() and not self._confirm_discard():
            return
        self.drafts.discard()  # thrown away on purpose (or nothing typed): no draft to offer later
        super().reject()

    def _confirm_discard(self) -> bool:
        return discard_guard.confirm_discard(self)

    def _checked(self, data: MemberInput, result: object) -> None:
        self._set_busy(False)
        if isinstance(result, members.MemberSaved):
            # The task runner has published the save's changes already; a draft offered and left is out of date.
            self.drafts.saved()
            self.saved.emit(result.member_id)
            QDialog.accept(self)
            return
        warnings: list[Issue] = list(result) if isinstance(result, list) else []
        self._show_issues(warnings)
        self._confirmed = data
        self.ui.summaryLabel.setMinimumHeight(0)
        self.ui.summaryLabel.setText(self.tr(
            "Please check the items marked in amber. If they are right, click “Save anyway”."))
        self._colour(self.ui.summaryLabel, WARNING_COLOUR)
        self.ui.summaryLabel.show()
        self._retranslate()

    def _failed(self, error: KnownError) -> None:
        self._set_busy(False)
        if isinstance(error, members.MemberInvalid):
            unplaced = self._show_issues(error.issues)
            for key in self._wrong_dates:
                self._errors[key].clear()
                self._show_date_problem(key, self._date_field(key).problem())
            names = [FIELD_LABELS[i.field] for i in _without_consequences(error.issues)
                     if i.severity == "error" and i.field in FIELD_LABELS]
            text = self.tr("Not saved. Please correct: {items}.").format(items="、".join(dict.fromkeys(names)))
            if not names:
                text = self.tr("Not saved.")
            if unplaced:
                text += "\n" + "\n".join(unplaced)
        elif isinstance(error, ValidationError) and error.field in FIELD_LABELS:
            self._show_issues([Issue(error.field, error.code, error.message, "error")])
            text = self.tr("Not saved. Please correct: {items}.").format(items=FIELD_LABELS[error.field])
        else:
            text = error.message
        self.ui.summaryLabel.setMinimumHeight(0)
        self.ui.summaryLabel.setText(text)
        self._colour(self.ui.summaryLabel, ERROR_COLOUR)
        self.ui.summaryLabel.show()

    def _show_issues(self, issues: list[Issue]) -> list[str]:
        """Put each issue under its field; returns the messages that belong to no field on the form."""
        issues = _without_consequences(issues)
        unplaced: list[str] = []
        first: QWidget | None = None
        for issue in sorted(issues, key=lambda i: i.severity != "error"):
            key = issue.field if issue.field in FIELD_LABELS else None
            if key is None:
                unplaced.append(issue.message)
                continue
            label = self._errors[key]
            prefix = "" if issue.severity == "error" else self.tr("Please check: ")
            text = self._wrap(prefix + issue.message, key)
            if not label.isHidden() and label.text():
                if text in label.text():
                    continue
                text = label.text() + "\n" + text
            else:
                self._colour(label, ERROR_COLOUR if issue.severity == "error" else WARNING_COLOUR)
            label.setMinimumHeight(0)
            label.setText(text)
            label.show()
            if first is None:
                first = self._fields[key]
        if first is not None:
            first.setFocus()
            self.ui.scrollArea.ensureWidgetVisible(first)
        return unplaced

    def _wrap(self, text: str, key: str) -> str:
        # Line breaks of our own: a word-wrapped label inside a form in a scroll area is given one line's
        # height and overlaps the next field. The lines are no wider than the field's own minimum: wrapped at
        # its current (stretched) width, the message would hold the form that wide, and the scroll bar appearing
        # beside the longer form would then leave a few pixels to scroll sideways.
        width = max(self._fields[key].minimumWidth(), self.fontMetrics().horizontalAdvance("汉") * 14)
        if key in ("lost_contact", "migrant"):
            width *= 2
        return wrap_lines(text, width, self.fontMetrics().horizontalAdvance)

    def _input_changed(self, *_args: object) -> None:
        self.drafts.touched()
        if self._confirmed is not None:
            self._confirmed = None
            self._retranslate()

    def _clear_messages(self) -> None:
        for label in (*self._errors.values(), self.ui.summaryLabel):
            label.setMinimumHeight(0)
            label.clear()
            label.hide()

    @staticmethod
    def _colour(label: QLabel, colour: QColor) -> None:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.buttonBox.setEnabled(not busy)
        self.ui.formContents.setEnabled(not busy)


    # -- text --------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        if self.record is None:
            self.setWindowTitle(self.tr("Add a member"))
        else:
            self.setWindowTitle(self.tr("Edit member: {name}").format(name=self.record.data.name))
        self.save_button().setText(self.tr("Save anyway") if self._confirmed is not None else self.tr("Save"))
        self.correction_note.setText(self.tr(
            "{branch} keeps this member's record. What you change here is saved as a correction and goes back "
            "to the branch with the next package; the branch's own later change to the same record is shown to "
            "a person to decide.").format(branch=f"“{self.correction_for}”") if self.correction_for else self.tr(
            "A member added here is on the roll of {office} itself, not of a branch. A branch's members are "
            "entered by the branch and come up with its packages.").format(office=f"“{self.committee_own}”"))
        blank = self.tr("(not filled in)")
        for key, (_table, has_blank) in COMBOS.items():
            if has_blank:
                self._combo(key).setItemText(0, blank)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)


def _hold_place(label: QLabel) -> None:
    """Empty ``label`` but keep the height it had, so nothing around it moves."""
    label.setMinimumHeight(label.height())
    label.clear()


def open_after_audit(host: QWidget, ctx: AppContext, record: MemberRecord, *, party_groups: list[str],
                     correction_for: str, opened: Callable[[MemberEditDialog], None],
                     on_error: Callable[[KnownError], None]) -> None:
    """The form on ``record``, handed to ``opened`` once the audit trail says it is shown: it shows the full ID
    and phone numbers (to be corrected), as any other showing of them is recorded, saved or not."""
    def show(_result: object) -> None:
        opened(MemberEditDialog(ctx, record, party_groups=party_groups, correction_for=correction_for, parent=host))

    access_ops.reveal(host, ctx, [record.id], summary=EDIT_REVEAL_SUMMARY, on_done=show, on_error=on_error)
