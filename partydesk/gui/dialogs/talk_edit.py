"""The talk dialog (谈心谈话): record a new talk or change one — when, in what form, who talked with whom,
about what, and the follow-up it left.

Who talked is typed or picked: a member (searchable by name or pinyin, "wjg" finds 王建国) or any other
name, for a leader from outside the roster. Who was talked with is ticked in a list filtered as one types.
Dates are the shared ``DateField``. The core checks the rest (a topic, at least one member, a follow-up
date only with a follow-up); its message is shown in the dialog and nothing is saved. The dialog closes
only when the talk is stored; the runner publishes the change, so the panel refreshes itself.

What is typed is kept as a draft beside the database (``form_drafts``, as ``talk-<id>.json``): a power cut loses
nothing, and a draft left from before is offered in a bar at the top, or asked about at start-up
(``offer_leftover_talk``).
"""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from partydesk.core import drafts
from partydesk.core.domain.roster import RosterRow
from partydesk.core.domain.talks import TALK_FORMS
from partydesk.core.errors import KnownError
from partydesk.core.services.talks import UNDATED_FOLLOW_UP_DAYS, TalkAdded, TalkData, TalkRecord
from partydesk.gui.dialogs.form_drafts import keep_drafts, put_widget_values, taken_up, widget_values
from partydesk.gui.forms.ui_talk_edit import Ui_TalkEditDialog
from partydesk.gui.models.talk_choice_model import TalkChoiceModel
from partydesk.gui.operations import talks as talk_ops
from partydesk.gui.widgets.busy_dialog import BusyDialog, focus_at_fault
from partydesk.gui.widgets.discard_guard import DiscardGuard, filter_only
from partydesk.gui.widgets.enter_key import enter_calls
from partydesk.gui.widgets.error_label import WARNING_COLOUR, grow_to_fit, mark_as_error_label
from partydesk.gui.widgets.keys import lead_to_results
from partydesk.gui.widgets.name_search import SEARCH_ROLE, search_names
from partydesk.gui.widgets.note_label import note_label
from partydesk.gui.widgets.screen_room import fit_to_screen

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

translate = QCoreApplication.translate


class TalkEditDialog(DiscardGuard, BusyDialog):
    """New talk (``record`` None) or edit one; ``saved(talk_id)`` after the core stored it."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, record: TalkRecord | None = None, parent: QWidget | None = None, *,
                 with_ids: tuple[str, ...] = (), by_id: str = "", today: date | None = None,
                 correction_for: str = "", draft: drafts.Draft | None = None) -> None:
        """``with_ids``: members to tick at the start (a talk begun from the list of who is due); ``by_id``: the
        member talking (two committee members due to talk), else the secretary. ``correction_for``: the branch
        that keeps the talk, when a committee edits it (the edit goes back to it as a correction). ``draft``: a
        draft left unsaved, typed in once the members are read."""
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self._preset = with_ids if record is None else ()  # ticked from the due list: checked against the roll
        self._by_id = (record.data.by_member_id or "") if record is not None else by_id
        self._busy = False
        self._loaded = False
        self.ui = Ui_TalkEditDialog()
        self.ui.setupUi(self)
        # A committee editing a branch's talk: said before anything is typed, as in the member dialog.
        self.correction_for = correction_for
        self.correction_note = note_label(self, "correctionNote", shown=bool(correction_for))
        self.ui.mainLayout.insertWidget(0, self.correction_note)
        self.choices = TalkChoiceModel(self)
        self.ui.withList.setModel(self.choices)
        self.ui.heldOnEdit.field_name, self.ui.heldOnEdit.required = "谈话日期", True
        self.ui.followUpOnEdit.field_name = "跟进日期"
        for field in (self.ui.heldOnEdit, self.ui.followUpOnEdit):
            field.show_problems_in(self.ui.errorLabel)
        mark_as_error_label(self.ui.errorLabel)
        for form in TALK_FORMS:
            self.ui.formCombo.addItem(form.name, form.code)
        search_names(self.ui.byCombo)
        em = self.fontMetrics().horizontalAdvance("汉")
        self.ui.withList.setMinimumSize(em * 14, em * 16)
        self.ui.topicEdit.setMinimumWidth(em * 22)
        self.ui.contentEdit.setMinimumHeight(em * 7)
        self.ui.followUpEdit.setMaximumHeight(em * 4)
        self._fill(record, with_ids, today or date.today())
        self.ui.withSearchEdit.textChanged.connect(self.choices.set_filter)
        filter_only(self.ui.withSearchEdit)  # (text left in the search is nothing to discard)
        # ↓ or Enter in the search goes to the names found (Enter pressed 保存 before), Esc clears it.
        lead_to_results(self.ui.withSearchEdit, self._into_found)
        enter_calls(self.ui.withSearchEdit, self._into_found)
        # A new talk whose form was not picked by hand becomes a 集体谈心 once a second member is ticked.
        self._form_picked = record is not None
        self.ui.formCombo.activated.connect(self._pick_form)
        self.ui.formCombo.currentIndexChanged.connect(self._show_checked)
        self.choices.checkedChanged.connect(self._ticks_changed)
        self.ui.withSummaryLabel.setTextFormat(Qt.TextFormat.RichText)  # names are escaped, the hint is coloured
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._clean_ticks: tuple[str, ...] = ()
        self._people: list[RosterRow] = []
        self._pending: dict[str, Any] | None = None  # a draft's state, put in once the members are read
        self.drafts = keep_drafts(self, self.ui.mainLayout, prefix=drafts.TALK, record_id=record.id if record else None,
                                  state=self.draft_state, apply=self.apply_draft, given=draft, bar_text=self.tr(
                                      "This talk record was being written and not saved (kept automatically at "
                                      "{when}). Restore what was typed?"))
        self.choices.checkedChanged.connect(self.drafts.touched)
        self._retranslate()
        self._show_checked()
        fit_to_screen(self, self.sizeHint())
        talk_ops.load_people(self, ctx, self._people_loaded, record.org_id if record is not None else None)

    def _into_found(self) -> None:
        """The keyboard on the first name the search found (Space ticks it), when it found any."""
        view = self.ui.withList
        if self.choices.rowCount() == 0:
            return
        if not view.currentIndex().isValid():
            view.setCurrentIndex(self.choices.index(0, 0))
        view.setFocus()

    # -- filling -----------------------------------------------------------------------------------

    def _fill(self, record: TalkRecord | None, with_ids: tuple[str, ...], today: date) -> None:
        if record is None:
            self.ui.heldOnEdit.set_value(today)
            self.choices.set_checked((i, "") for i in with_ids)
            if len(with_ids) > 1:  # several members chosen from the due list: a 集体谈心
                self.ui.formCombo.setCurrentIndex(self.ui.formCombo.findData("group"))
            return
        d = record.data
        self.ui.heldOnEdit.set_value(d.held_on)
        self.ui.formCombo.setCurrentIndex(max(0, self.ui.formCombo.findData(d.form)))
        self.ui.byCombo.setEditText(d.by_name)
        self.ui.topicEdit.setText(d.topic)
        self.ui.contentEdit.setPlainText(d.content)
        self.ui.followUpEdit.setPlainText(d.follow_up)
        self.ui.followUpOnEdit.set_value(d.follow_up_on)
        self.ui.followUpDoneCheck.setChecked(d.follow_up_done)
        self.choices.set_checked(zip(d.with_ids, record.with_names, strict=False))

    def _people_loaded(self, result: tuple[list[RosterRow], str]) -> None:
        rows, secretary = result
        typed = self.ui.byCombo.currentText()
        self.ui.byCombo.clear()
        for row in rows:
            self.ui.byCombo.addItem(row.name, row.id)
            self.ui.byCombo.setItemData(self.ui.byCombo.count() - 1, f"{row.name} {row.pinyin}", SEARCH_ROLE)
        by_id = self._by_id
        position = self.ui.byCombo.findData(by_id) if by_id else -1
        if position >= 0:
            self.ui.byCombo.setCurrentIndex(position)
        else:
            self.ui.byCombo.setEditText(typed or (secretary if self.record is None else ""))
        self._people = rows
        self._ticked_first()
        # Ticks given by id only (from the due list) get their names now.
        self.choices.set_checked((i, self.choices.name_of(i) or n)
                                 for i, n in zip(self.choices.checked_ids(), self.choices.checked_names(), strict=True))
        self._loaded = True
        pending, self._pending = self._pending, None
        if any(i not in {r.id for r in rows} for i in self._preset):  # a branch's member, at its committee
            self.ui.errorLabel.setText(self.tr(
                "Who was chosen is not on this office's own roll: a branch records the talks with its members, "
                "and they arrive with its packages."))
            self.ui.errorLabel.show()
        self._update()
        self.mark_clean()  # what the load filled in is not typed data
        if pending is not None:
            self.apply_draft(pending)

    def _ticked_first(self) -> None:
        """The members ticked come first in the list, so an opened talk (or a draft put back) shows whom it was
        with."""
        ticked = set(self.choices.checked_ids())
        self.choices.set_people(sorted(self._people, key=lambda r: r.id not in ticked))

    def mark_clean(self) -> None:
        """The form as it stands, the ticks too, is what "nothing typed" means."""
        super().mark_clean()
        self._clean_ticks = self.choices.checked_ids()

    def has_unsaved_changes(self) -> bool:
        """Whether anything was typed or ticked since the form was filled in."""
        return super().has_unsaved_changes() or (self._loaded and self.choices.checked_ids() != self._clean_ticks)

    def discarded(self) -> None:
        """Closed with the typing thrown away (or none typed): no draft to offer later."""
        self.drafts.discard()

    # -- drafts -------------------------------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        """What is typed and ticked, as the draft keeps it."""
        return {"fields": widget_values(self), "with": [[i, n] for i, n in zip(
            self.choices.checked_ids(), self.choices.checked_names(), strict=True)], "by_id": self.talker()[0]}

    def apply_draft(self, state: dict[str, Any]) -> None:
        """Put a draft's typing and ticks in (once the members are read: they replace what the load fills in)."""
        if not self._loaded:
            self._pending = state
            return
        fields = state.get("fields")
        if isinstance(fields, dict):
            put_widget_values(self, fields)
            self._form_picked = True  # the form as it was chosen then
        ticked = state.get("with")
        if isinstance(ticked, list):
            self.choices.set_checked((str(p[0]), str(p[1])) for p in ticked if isinstance(p, list) and len(p) == 2)
            self._ticked_first()
        by_id = state.get("by_id")
        position = self.ui.byCombo.findData(by_id) if isinstance(by_id, str) else -1
        if position >= 0 and self.ui.byCombo.itemText(position) == self.ui.byCombo.currentText():
            self.ui.byCombo.setCurrentIndex(position)  # (of two members of one name, the one picked)
        self._show_checked()

    def _pick_form(self) -> None:
        self._form_picked = True

    def _ticks_changed(self) -> None:
        # Only a tick switches the form: Qt reports a pick by hand (currentIndexChanged) before it says it was
        # one (activated), so switching on an index change would undo the user's own choice of 个别谈心.
        several = len(self.choices.checked_ids()) > 1
        if several and not self._form_picked and self.ui.formCombo.currentData() == "individual":
            self.ui.formCombo.setCurrentIndex(self.ui.formCombo.findData("group"))
        self._show_checked()

    def _show_checked(self) -> None:
        names = [n for n in self.choices.checked_names() if n]
        several = len(self.choices.checked_ids()) > 1
        individual = self.ui.formCombo.currentData() == "individual"
        text = html.escape(self.tr("Ticked: {names}").format(names="、".join(names)) if names
                           else self.tr("No one ticked yet"))
        if several and individual:
            hint = self.tr("An individual talk is with one member; for several at once choose “group talk”.")
            text += f"<br><span style='color:{WARNING_COLOUR.name()}'>{html.escape(hint)}</span>"
        self.ui.withSummaryLabel.setText(text)
        self._update()

    # -- saving ------------------------------------------------------------------------------------

    def talker(self) -> tuple[str | None, str]:
        """(member id or None, name) of who talked, as typed or picked."""
        combo = self.ui.byCombo
        text = combo.currentText().strip()
        if text and combo.currentIndex() >= 0 and combo.itemText(combo.currentIndex()) == text:
            return str(combo.itemData(combo.currentIndex())), text
        same = [i for i in range(combo.count()) if combo.itemText(i) == text]
        # A name two members share, typed rather than picked, is kept as a name: which one is unknown.
        return (str(combo.itemData(same[0])), text) if len(same) == 1 else (None, text)

    def talk_data(self) -> TalkData:
        """The talk as filled in (the core checks it)."""
        by_id, by_name = self.talker()
        held_on = self.ui.heldOnEdit.value()
        return TalkData(held_on=held_on or date.today(), with_ids=self.choices.checked_ids(), by_member_id=by_id,
                        by_name=by_name, form=str(self.ui.formCombo.currentData()), topic=self.ui.topicEdit.text(),
                        content=self.ui.contentEdit.toPlainText().strip(),
                        follow_up=self.ui.followUpEdit.toPlainText().strip(),
                        follow_up_on=self.ui.followUpOnEdit.value(),
                        follow_up_done=self.ui.followUpDoneCheck.isChecked())

    def save_button(self) -> QPushButton:
        """The Save button."""
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def error_text(self) -> str:
        """The message shown ("" when none)."""
        return "" if self.ui.errorLabel.isHidden() else self.ui.errorLabel.text()

    def accept(self) -> None:
        """Check the dates, then save on the DB lane; close only when it is stored."""
        if self._busy or not self._loaded:
            return
        if not (self.ui.heldOnEdit.check() and self.ui.followUpOnEdit.check()):
            grow_to_fit(self)
            return
        self.ui.errorLabel.hide()
        self._set_busy(True)
        talk_ops.save_talk(self, self.ctx, talk_id=self.record.id if self.record else None, data=self.talk_data(),
                           on_done=self._done, on_error=self._failed)

    def _done(self, result: object) -> None:
        self._set_busy(False)
        talk_id = result.talk_id if isinstance(result, TalkAdded) else (self.record.id if self.record else "")
        self.drafts.saved()
        self.saved.emit(talk_id)
        BusyDialog.accept(self)

    def _failed(self, error: KnownError) -> None:
        self._set_busy(False)
        self.ui.errorLabel.setText(error.message)
        self.ui.errorLabel.show()
        grow_to_fit(self)
        focus_at_fault(error, {"held_on": self.ui.heldOnEdit, "form": self.ui.formCombo, "by": self.ui.byCombo,
                               "with_ids": self.ui.withSearchEdit, "topic": self.ui.topicEdit,
                               "content": self.ui.contentEdit, "follow_up": self.ui.followUpEdit,
                               "follow_up_on": self.ui.followUpOnEdit}, self.ui.topicEdit)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.ui.heldOnEdit, self.ui.formCombo, self.ui.byCombo, self.ui.withSearchEdit,
                       self.ui.withList, self.ui.topicEdit, self.ui.contentEdit, self.ui.followUpEdit,
                       self.ui.followUpOnEdit, self.ui.followUpDoneCheck):
            widget.setEnabled(not busy)
        self._update()

    def _update(self) -> None:
        self.save_button().setEnabled(self._loaded and not self._busy)

    def _retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.setWindowTitle(self.tr("New talk") if self.record is None else self.tr("Edit talk"))
        self.ui.withSearchEdit.setPlaceholderText(self.tr("Search by name or pinyin, e.g. zs"))
        line = self.ui.byCombo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("A member, or the name of a leader"))
        self.ui.topicEdit.setPlaceholderText(self.tr("Required, e.g. work and family situation"))
        self.ui.followUpEdit.setPlaceholderText(self.tr("What was promised or needs checking (optional)"))
        self.correction_note.setText(self.tr(
            "{branch} keeps this talk's record. What you change here is saved as a correction and goes back to "
            "the branch with the next package.").format(branch=f"“{self.correction_for}”"))
        # An undated follow-up falls due a month after the talk (services.talks.follow_up_due): said where the
        # date is left out, so the date the talks list shows for it is no surprise.
        self.ui.followUpOnEdit.setPlaceholderText(self.tr("Blank: {days} days after").format(
            days=UNDATED_FOLLOW_UP_DAYS))
        self.ui.followUpOnEdit.setToolTip(self.tr(
            "Left blank, the follow-up is due {days} days after the talk and comes up on the workbench then."
        ).format(days=UNDATED_FOLLOW_UP_DAYS))
        self._show_checked()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def offer_leftover_talk(window: QWidget, ctx: AppContext) -> bool:
    """Ask whether to finish the newest talk record left unsaved; if so, open it among the talks with the typing in,
    and say so (declined, the draft stays and the dialog offers it when that talk, or a new one, is opened)."""
    found = taken_up(window, ctx, drafts.TALK, "meetings",
                     translate("TalkEditDialog", "Restore an unsaved talk record?"),
                     translate("TalkEditDialog", "A talk record was being written and not saved (kept automatically "
                                                 "at {when}). Open it now to finish it?"), "topicEdit")
    if found is None:
        return False
    newest, page = found
    page.show_tab("talks")  # type: ignore[attr-defined]
    page.talks.open_draft(newest)  # type: ignore[attr-defined]
    return True
