"""Enter the study hours members already had before this file began its records (补录此前学时).

A branch that starts using the program in the autumn has every member listed as behind on the year's hours:
their hours so far are on a paper ledger. Here they are typed in one table, one line per member on the roll
in that stretch, as the ledger has them: type the number and press Enter (or Tab) for the next member. A
number for everyone may be filled into the lines still empty. Save records one study record of the form
chosen over the period, crediting each member exactly their own hours (``services.study.save_earlier_hours``);
opened again from the activities list, the same dialog corrects it.

What is typed is kept as a draft beside the database (``form_drafts``, as ``earlier-<id>.json``): a ledger of forty
members typed in and lost to a power cut is an afternoon's work. A draft left from before is offered in a bar at
the top, or asked about at start-up (``offer_leftover_earlier``); saving, or closing with the typing thrown away,
removes it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.core import drafts
from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.study import STUDY_FORMS, format_tenths, to_tenths
from partydesk.core.domain.study_quota import roll_spans
from partydesk.core.domain.study_records import ActivityData, Credit
from partydesk.core.errors import KnownError
from partydesk.core.services.study import MAX_TENTHS
from partydesk.gui.dialogs.form_drafts import keep_drafts, put_widget_values, taken_up, widget_values
from partydesk.gui.operations import study as study_ops
from partydesk.gui.widgets.date_field import DateField
from partydesk.gui.widgets.discard_guard import DiscardGuard
from partydesk.gui.widgets.enter_key import enter_moves_on
from partydesk.gui.widgets.error_label import mark_as_error_label, say
from partydesk.gui.widgets.screen_room import fit_to_screen

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

NAME, GROUP, HOURS = range(3)
MEMBER_ID = Qt.ItemDataRole.UserRole
DEFAULT_FORM = "collective"
# Up to 2000 学时 with one decimal, as the record dialog takes them (services.study.MAX_TENTHS).
_NUMBER = QRegularExpression(r"\d{0,4}([.．]\d?)?")
translate = QCoreApplication.translate  # by this name, with the context spelled out, lupdate finds the texts


class _HoursDelegate(QStyledItemDelegate):
    """The hours cell is typed in a line that takes a number only."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(_NUMBER, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor


class _EnterKeys(QObject):
    """Enter where it would otherwise press Save: in the table (not typing in a cell) it goes to the next
    member's cell, in the number for everyone it fills the empty lines."""

    def __init__(self, dialog: EarlierHoursDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) \
                or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if watched is self.dialog.table:
            # Typing in a cell, the Enter comes on here as well; the cell's editor then closes (a moment later)
            # and that moves on (``_editor_closed``).
            if self.dialog.table.state() != QAbstractItemView.State.EditingState:
                self.dialog.next_member()
        elif watched is self.dialog.fill_spin:
            self.dialog.fill_empty()
        return True


def _tenths(text: str) -> int:
    """The tenths a cell's text gives (0 for empty)."""
    text = text.strip().replace("．", ".")
    return to_tenths(text) if text and text != "." else 0


class EarlierHoursDialog(DiscardGuard, QDialog):
    """The form, the members' table and Save; ``roll`` and ``span`` are read by the caller
    (``operations.study.load_earlier``), ``editing`` is ``(id, data, credits)`` of a record to correct."""

    def __init__(self, ctx: AppContext, roll: list[RollMember], span: tuple[date, date], *,
                 parent: QWidget | None = None, editing: tuple[str, ActivityData, list[Credit]] | None = None,
                 draft: drafts.Draft | None = None) -> None:
        """``draft``: a draft left unsaved, typed in at once."""
        super().__init__(parent)
        self.ctx = ctx
        self.roll = roll
        self.editing = editing
        self.saved = False
        self._hours: dict[str, int] = {}  # every member's tenths so far, kept while the dates change
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form_combo = QComboBox(self)
        self.form_combo.setObjectName("formCombo")
        for form in STUDY_FORMS:
            self.form_combo.addItem(form.name, form.code)
        self.form_combo.setCurrentIndex(self.form_combo.findData(DEFAULT_FORM))
        self.start = DateField(self, field_name="开始日期", required=True)
        self.start.setObjectName("startEdit")
        self.end = DateField(self, field_name="结束日期", required=True)
        self.end.setObjectName("endEdit")
        self.end.latest = date.today()
        self.to_label = QLabel(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("hoursTable")
        self.table.setItemDelegateForColumn(HOURS, _HoursDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        # (Not a click on the current cell: that opens its editor only after the double-click time, and a number
        # typed meanwhile was lost when it did.)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (Enter goes down it)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        cjk = self.fontMetrics().horizontalAdvance("汉")
        self.table.setColumnWidth(GROUP, cjk * 8)
        self.table.setColumnWidth(HOURS, cjk * 7)
        self.table.itemDelegateForColumn(HOURS).closeEditor.connect(self._editor_closed)
        self.table.itemChanged.connect(self._cell_changed)
        self.fill_label = QLabel(self)
        self.fill_spin = QDoubleSpinBox(self)
        self.fill_spin.setObjectName("fillSpin")
        self.fill_spin.setDecimals(1)
        self.fill_spin.setRange(0, 2000)
        self.fill_label.setBuddy(self.fill_spin)
        self.fill_button = QPushButton(self)
        self.fill_button.setObjectName("fillButton")
        self.fill_button.clicked.connect(self.fill_empty)
        self.fill_button.setAutoDefault(False)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("totalLabel")
        self.total_label.setWordWrap(True)
        self.date_problem = QLabel(self)
        mark_as_error_label(self.date_problem)
        self.error_label = QLabel(self)
        mark_as_error_label(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        dates = QHBoxLayout()
        dates.addWidget(self.start, 1)
        dates.addWidget(self.to_label)
        dates.addWidget(self.end, 1)
        self.form_label, self.dates_label = QLabel(self), QLabel(self)
        self.form_label.setBuddy(self.form_combo)
        self.dates_label.setBuddy(self.start)
        fields = QFormLayout()
        fields.addRow(self.form_label, self.form_combo)
        fields.addRow(self.dates_label, dates)
        fill = QHBoxLayout()
        fill.addWidget(self.fill_label)
        fill.addWidget(self.fill_spin)
        fill.addWidget(self.fill_button)
        fill.addStretch(1)
        layout = QVBoxLayout(self)
        self.main_layout = layout
        layout.addWidget(self.intro)
        layout.addLayout(fields)
        layout.addWidget(self.date_problem)
        layout.addWidget(self.table, 1)
        layout.addLayout(fill)
        layout.addWidget(self.total_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for date_field in (self.start, self.end):
            date_field.problemChanged.connect(self._show_date_problem)
            date_field.editingFinished.connect(self._fill_table)
            date_field.textEdited.connect(lambda _text: self.error_label.hide())
        self.form_combo.currentIndexChanged.connect(lambda _index: self.error_label.hide())
        keys = _EnterKeys(self)
        self.table.installEventFilter(keys)
        self.fill_spin.installEventFilter(keys)
        enter_moves_on(self.start, self.end)
        self.intro.setMinimumWidth(cjk * 36)
        line = self.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(int(line * 1.6))  # a ledger's lines, not a form's
        self.table.setMinimumHeight(line * 12)

        self.start.set_value(span[0])
        self.end.set_value(span[1])
        if editing is not None:
            _activity_id, data, credits = editing
            self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(data.form_code)))
            self.start.set_value(data.start_on)
            self.end.set_value(data.end_on)
            for credit in credits:
                self._hours[credit.member_id] = self._hours.get(credit.member_id, 0) + credit.tenths
        self._retranslate()
        self._fill_table()
        fit_to_screen(self, QSize(cjk * 40, line * 40))  # as many members as the screen has room for
        self.mark_clean()
        # A new table's draft opened on the record saved since (``study_records.earlier_draft``): its numbers go in
        # beside the record's, not instead of them.
        self._beside = editing is not None and draft is not None and draft.meeting_id is None
        self.drafts = keep_drafts(self, layout, prefix=drafts.EARLIER, record_id=editing[0] if editing else None,
                                  state=self.draft_state, apply=self.apply_draft, given=draft, bar_text=self.tr(
                                      "These earlier hours were being typed and not saved (kept automatically at "
                                      "{when}). Restore what was typed?"))
        self.table.itemChanged.connect(self.drafts.touched)  # (the table is no input widget the keeper watches)
        self.table.setFocus()  # the first member's hours cell: type the number at once

    def discarded(self) -> None:
        """Closed with the typing thrown away (or none typed): no draft to offer later."""
        self.drafts.discard()

    # -- drafts -------------------------------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        """The form, dates and number for everyone, every member's hours typed (by id), and what they come to, in
        words (asked about at start-up)."""
        given = self.hours()
        summary = self.tr("{count} members, {hours} study hours").format(
            count=len(given), hours=format_tenths(sum(given.values())))
        return {"fields": {**widget_values(self), "summary": summary},
                "hours": {member: tenths for member, tenths in self._hours.items() if tenths > 0}}

    def apply_draft(self, state: dict[str, Any]) -> None:
        """Put a draft's form, dates and hours in; a member no longer on the roll for its dates is left out."""
        fields, hours = state.get("fields"), state.get("hours")
        if isinstance(fields, dict):
            put_widget_values(self, fields)
        if isinstance(hours, dict):
            typed = {str(member): tenths for member, tenths in hours.items()
                     if isinstance(tenths, int) and not isinstance(tenths, bool) and tenths > 0}
            self._hours = {**self._hours, **typed} if self._beside else typed
        self._fill_table()
        filled = [row for row in range(self.table.rowCount()) if self._cell(row, HOURS).text()]
        if filled:  # the keyboard where the typing stopped: the line after the last one filled
            self.table.setCurrentCell(min(filled[-1] + 1, self.table.rowCount() - 1), HOURS)

    # -- the table -----------------------------------------------------------------------------------

    def span(self) -> tuple[date, date] | None:
        """The period typed, when both dates are dates."""
        start, end = self.start.value(), self.end.value()
        return (start, end) if start is not None and end is not None else None

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None, (row, column)
        return item

    def members_shown(self) -> list[str]:
        """The ids of the members listed, top to bottom."""
        return [self._cell(row, NAME).data(MEMBER_ID) for row in range(self.table.rowCount())]

    def hours(self) -> dict[str, int]:
        """member id -> tenths typed, for the members listed with a number above nothing."""
        shown = set(self.members_shown())
        return {m: t for m, t in self._hours.items() if m in shown and t > 0}

    def set_hours(self, member_id: str, text: str) -> None:
        """Type ``text`` into the member's hours cell (for tests and keyboard users)."""
        row = self.members_shown().index(member_id)
        self._cell(row, HOURS).setText(text)

    def _fill_table(self) -> None:
        span = self.span()
        if span is None:  # a date being typed or mistyped: the table and its numbers stay as they are
            return
        listed = [m for m in self.roll if roll_spans(m, span[0], max(span))]
        self.table.blockSignals(True)
        self.table.setRowCount(len(listed))
        for row, member in enumerate(listed):
            name = QTableWidgetItem(member.name)
            name.setData(MEMBER_ID, member.id)
            group = QTableWidgetItem(member.party_group)
            tenths = self._hours.get(member.id, 0)
            hours = QTableWidgetItem(format_tenths(tenths) if tenths else "")
            hours.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for item in (name, group):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, NAME, name)
            self.table.setItem(row, GROUP, group)
            self.table.setItem(row, HOURS, hours)
        self.table.blockSignals(False)
        if listed and not self.table.currentIndex().isValid():
            self.table.setCurrentCell(0, HOURS)
        self._show_total()

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != HOURS:
            return
        member_id = self._cell(item.row(), NAME).data(MEMBER_ID)
        try:
            tenths = _tenths(item.text())
        except ValueError:
            tenths = 0
        self._hours[member_id] = tenths
        shown = format_tenths(tenths) if tenths else ""
        if item.text() != shown:  # 12.0 → 12, "." → empty: the cell says what will be saved
            self.table.blockSignals(True)
            item.setText(shown)
            self.table.blockSignals(False)
        self.error_label.hide()
        self._show_total()

    def _editor_closed(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter after a number goes on to the next member's cell, as down a paper ledger."""
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.next_member()

    def next_member(self) -> None:
        """The keyboard to the next member's hours cell (it stays on the last)."""
        row = self.table.currentRow()
        if 0 <= row < self.table.rowCount() - 1:
            self.table.setCurrentCell(row + 1, HOURS)

    def fill_empty(self) -> None:
        """Put the number beside the button into every line still empty."""
        tenths = to_tenths(str(round(self.fill_spin.value(), 1)))
        if tenths <= 0:
            return
        for row in range(self.table.rowCount()):
            item = self._cell(row, HOURS)
            if not item.text().strip():
                item.setText(format_tenths(tenths))

    def _show_total(self) -> None:
        if self.table.rowCount() == 0:
            self.total_label.setText(self.tr("The roster has no members yet: add or import them on the Members "
                                             "page first.") if not self.roll else
                                     self.tr("No member was on the roll in this period."))
            return
        given = self.hours()
        self.total_label.setText(self.tr(
            "{given} of {total} members have hours, {hours} study hours in all. Members left empty get none.").format(
            given=len(given), total=self.table.rowCount(), hours=format_tenths(sum(given.values()))))

    # -- saving --------------------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return super().has_unsaved_changes() or self.hours() != self._clean_hours

    def mark_clean(self) -> None:
        super().mark_clean()
        self._clean_hours = self.hours()

    def _show_date_problem(self, message: str) -> None:
        say(self.date_problem, message)

    def save(self) -> None:
        """Check the dates, then record the hours on the DB lane; the dialog closes once they are saved."""
        if not (self.start.check() and self.end.check()):
            return
        span = self.span()
        assert span is not None
        if not self.hours():
            say(self.error_label, self.tr("Type the hours of at least one member."))
            return
        too_many = [row for row in range(self.table.rowCount())
                    if self._hours.get(self._cell(row, NAME).data(MEMBER_ID), 0) > MAX_TENTHS]
        if too_many:  # a typing slip (320 for 32): named, and the cell chosen to type it again
            say(self.error_label, self.tr("{name}'s {hours} hours are more than {limit}: please check.").format(
                name=self._cell(too_many[0], NAME).text(), hours=self._cell(too_many[0], HOURS).text(),
                limit=format_tenths(MAX_TENTHS)))
            self.table.setCurrentCell(too_many[0], HOURS)
            self.table.setFocus()
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        study_ops.save_earlier_hours(self, self.ctx, form_code=self.form_combo.currentData(), span=span,
                                     hours=self.hours(), activity_id=self.editing[0] if self.editing else None,
                                     on_done=self._saved, on_error=self._failed)

    def saved_on(self) -> date | None:
        """The first day of the period saved (the page shows that year)."""
        span = self.span()
        return span[0] if span is not None else None

    def _saved(self, _result: object) -> None:
        self.saved = True
        self.drafts.saved()
        given = self.hours()
        text = self.tr("Earlier hours saved: {count} members, {hours} study hours in all.")
        self.ctx.hub.statusMessage.emit(text.format(count=len(given), hours=format_tenths(sum(given.values()))))
        self.accept()

    def _failed(self, error: KnownError) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        say(self.error_label, error.message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Correct the earlier study hours") if self.editing
                            else self.tr("Enter earlier study hours"))
        self.intro.setText(self.tr(
            "The hours entered from the old ledger, member by member: change a number, or empty it to take the "
            "member off, and save.") if self.editing else self.tr(
            "The hours members already had this year before the program was used, as the old ledger has them: "
            "type each member's number and press Enter for the next. They are saved as one study record of the "
            "form chosen, listed with the year's activities; open it there to correct it."))
        self.form_label.setText(self.tr("&Form:"))
        self.dates_label.setText(self.tr("&Period:"))
        self.to_label.setText(self.tr("to"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Party group"), self.tr("Earlier hours")])
        self.fill_label.setText(self.tr("&Same for everyone:"))
        self.fill_spin.setSuffix(self.tr(" hours"))
        self.fill_button.setText(self.tr("Fill the empty lines"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._show_total()


def offer_leftover_earlier(window: QWidget, ctx: AppContext) -> bool:
    """Ask whether to finish the earlier hours left unsaved; if so, open them on the study page with the typing in
    (declined, the draft stays and the table offers it when it is next opened)."""
    found = taken_up(window, ctx, drafts.EARLIER, "study",
                     translate("EarlierHoursDialog", "Restore unsaved earlier study hours?"),
                     translate("EarlierHoursDialog", "The study hours members already had were being typed and not "
                                                     "saved (kept automatically at {when}). Open them now to finish?"),
                     "summary")
    if found is None:
        return False
    newest, page = found
    page.open_earlier_draft(newest)  # type: ignore[attr-defined]
    return True
