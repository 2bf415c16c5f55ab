"""The meeting record dialog (会议记录): basics, attendance, agenda, minutes, votes, decisions, attachments.

Opened by the meetings page as ``MeetingDialog(ctx, parent, meeting_id=..., type_code=..., held_on=...,
party_group=...)``: with a ``meeting_id`` it loads that record, without one it starts a new record of
the given type from its template (``core.domain.meeting_templates``). The 应到 roll comes from the core
for the type, date and group, and is taken again when one of them changes (choices already made are
kept for members still expected); the 应到/实到 line and the quorum verdict follow every click.

Nothing typed is lost: a second after the last change the whole form is saved as a draft
(``core.drafts``, on the file lane); saving the record removes it. A draft left from before is offered
in a bar at the top ("恢复未保存的会议记录？"); the start-up offer opens the dialog with ``draft`` given.
Saving stores new attachment files first (file lane) and then writes the record (DB lane); the
runner publishes its ``Changes`` (``ChangeKind.MEETING``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QLineEdit, QListWidgetItem, QWidget

from partydesk.core import drafts
from partydesk.core.domain.meeting_templates import template_for
from partydesk.core.domain.meetings import MEETING_TYPES, Expected, meeting_type
from partydesk.core.domain.motions import Motion, MotionRules
from partydesk.core.errors import KnownError, ValidationError
from partydesk.core.services.meetings import MeetingData, normal_time
from partydesk.gui.dialogs import meeting_motion_words as motion_words
from partydesk.gui.dialogs.meeting_edit_drafts import FormState
from partydesk.gui.dialogs.meeting_notes import correction_note
from partydesk.gui.dialogs.study_fields import use_date_field
from partydesk.gui.folders import ATTACHMENTS, ask_open_files, open_with_system
from partydesk.gui.forms.ui_meeting_edit import Ui_MeetingDialog
from partydesk.gui.operations import meetings as ops
from partydesk.gui.operations import run
from partydesk.gui.own_roll import committee_empty_roll
from partydesk.gui.tasks import Lane
from partydesk.gui.widgets import discard_guard
from partydesk.gui.widgets.attendance import AttendancePanel
from partydesk.gui.widgets.attendance_lists import COMPUTED, NUMBER, Column, RowsModel
from partydesk.gui.widgets.busy_dialog import BusyDialog
from partydesk.gui.widgets.enter_key import enter_in_tables
from partydesk.gui.widgets.error_label import mark_as_error_label
from partydesk.gui.widgets.note_label import note_label
from partydesk.gui.widgets.plain_after_heading import PlainAfterHeading
from partydesk.gui.widgets.screen_room import fit_to_screen

if TYPE_CHECKING:
    from collections.abc import Callable

    from partydesk.core.drafts import Draft
    from partydesk.gui.context import AppContext

DRAFT_DELAY_MS = 1000
ROLL_DELAY_MS = 300
TAB_OF_FIELD = {"topic": 0, "party_group": 0, "start_time": 0, "end_time": 0, "held_on": 0, "type_code": 0,
                "attendance": 1, "status": 1, "motions": 4}


class MeetingDialog(BusyDialog):
    """One meeting's record; ``saved(meeting_id)`` is emitted after a successful save, then it closes."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, meeting_id: str | None = None,
                 type_code: str | None = None, held_on: date | None = None, party_group: str = "",
                 draft: Draft | None = None, committee: bool = False,
                 corrected_from: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.committee = committee  # a committee's file: an empty roll is its own, the branches' are theirs
        self.ui = Ui_MeetingDialog()
        self.ui.setupUi(self)
        # A branch's meeting at its committee (``corrected_from``: who keeps an organisation's records), said so.
        self._corrected_from = corrected_from
        self.correction_note = note_label(self, "correctionNote", shown=False)
        self.ui.mainLayout.insertWidget(0, self.correction_note)
        self._loading = True
        self._busy = False
        self._dirty = False
        self._template_code: str | None = None  # the type whose template the agenda and body still are
        self._motion_rules = MotionRules()
        self._folder = drafts.drafts_dir(ctx.db.path)
        self._draft_key = meeting_id or drafts.new_key()
        self._offered: Draft | None = None
        self._pending: tuple[dict[str, str], dict[str, str]] = ({}, {})  # choices waiting for the roll
        # Every mark and reason made since, by member: another 党小组 (or type, or date) chosen and then the first
        # one again brings them back, instead of an empty roll (each member is marked only once).
        self._marked: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._build()
        if meeting_id is not None:
            self.ui.templateLabel.hide()
            self.ui.tabs.setEnabled(False)
            ops.load_record(self, ctx, meeting_id, lambda record: self._loaded(record, draft))
        else:
            self._apply(FormState(type_code=type_code or "general", party_group=party_group),
                        held_on or date.today())
            self._use_template(self._type_code(), force=True)
            self._start(draft)
            self.ui.topicEdit.setFocus()  # typing starts in 会议主题, not on 保存 (where Enter would save)

    # -- building -------------------------------------------------------------------------------------

    def _build(self) -> None:
        ui = self.ui
        self.setWindowTitle(self.tr("Meeting record"))
        for kind in MEETING_TYPES:
            ui.typeCombo.addItem(kind.name, kind.code)
        # In the plain field's place, and in its place in the Tab order (a new widget would go last).
        self.heldOnEdit = use_date_field(ui.heldOnEdit, "会议日期", required=True)
        ui.heldOnLabel.setBuddy(self.heldOnEdit)
        self._pass_rule_text = ""
        self.attendance = AttendancePanel(ui.attendanceTab)
        ui.attendanceLayout.addWidget(self.attendance)
        self.agenda = RowsModel([Column(self.tr("Agenda item"))], self)
        ui.agendaView.setModel(self.agenda)
        self.motions = RowsModel([Column(self.tr("Motion")), Column(self.tr("For"), NUMBER),
                                  Column(self.tr("Against"), NUMBER), Column(self.tr("Abstaining"), NUMBER),
                                  Column(self.tr("Result"), COMPUTED, self._motion_result)], self)
        ui.motionsView.setModel(self.motions)
        for view in (ui.agendaView, ui.motionsView, self.attendance.view, self.attendance.guestView):
            view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        enter_in_tables(ui.agendaView, ui.motionsView, self.attendance.view, self.attendance.guestView)
        for view in (ui.agendaView, ui.motionsView):
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        mark_as_error_label(ui.errorLabel)
        ui.errorLabel.hide()
        ui.draftBar.hide()
        metrics = self.fontMetrics()
        for edit in (ui.startTimeEdit, ui.endTimeEdit):
            edit.setMaxLength(5)
            edit.setFixedWidth(metrics.horizontalAdvance("00:000") + 16)
            # 14：30 as a Chinese input method types it, 1430, 9点半: shown as 14:30 on leaving the box.
            edit.editingFinished.connect(lambda edit=edit: _write_time_plainly(edit))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        # Room for attendance and minutes from the font; cut down to a small screen (1366×768 at 150 %), scrolling.
        fit_to_screen(self, QSize(metrics.height() * 56, metrics.height() * 38))
        ui.buttonBox.accepted.connect(self._save)
        ui.buttonBox.rejected.connect(self.reject)
        self._wire()
        discard_guard.save_key(self)  # Ctrl+S, as in the other record forms

    def _wire(self) -> None:
        ui = self.ui
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self._roll_timer = QTimer(self, singleShot=True, interval=ROLL_DELAY_MS)
        self._roll_timer.timeout.connect(self._reload_roll)
        for edit in (ui.topicEdit, ui.startTimeEdit, ui.endTimeEdit, ui.placeEdit, ui.chairEdit, ui.recorderEdit,
                     ui.lecturerEdit):
            edit.textChanged.connect(self._touched)
        self.heldOnEdit.textChanged.connect(self._touched)
        self.heldOnEdit.editingFinished.connect(self._roll_timer.start)
        ui.typeCombo.currentIndexChanged.connect(self._type_changed)
        ui.partyGroupCombo.currentTextChanged.connect(self._touched)
        ui.partyGroupCombo.currentTextChanged.connect(lambda _t: self._roll_timer.start())
        ui.bodyEdit.textChanged.connect(self._touched)
        ui.decisionsEdit.textChanged.connect(self._touched)
        self.attendance.changed.connect(self._touched)
        for edit in (ui.chairEdit, ui.recorderEdit):
            edit.textChanged.connect(
                lambda _t: self.attendance.set_officers(ui.chairEdit.text(), ui.recorderEdit.text()))
        self.attendance.changed.connect(self.motions.refresh_computed)
        self.agenda.changed.connect(self._touched)
        self.motions.changed.connect(self._touched)
        self.motions.changed.connect(self._show_motion_notes)
        self.attendance.changed.connect(self._show_motion_notes)
        ui.addAgendaButton.clicked.connect(lambda: self._add_row(ui.agendaView, self.agenda))
        ui.removeAgendaButton.clicked.connect(lambda: self.agenda.remove_row(ui.agendaView.currentIndex().row()))
        ui.agendaUpButton.clicked.connect(lambda: self._move_agenda(-1))
        ui.agendaDownButton.clicked.connect(lambda: self._move_agenda(1))
        ui.addMotionButton.clicked.connect(lambda: self._add_row(ui.motionsView, self.motions))
        ui.removeMotionButton.clicked.connect(lambda: self.motions.remove_row(ui.motionsView.currentIndex().row()))
        self._plain_after_heading = PlainAfterHeading(ui.bodyEdit)  # lines typed under 委员发言要点 start plain
        ui.boldButton.setShortcut(QKeySequence.StandardKey.Bold)
        ui.boldButton.toggled.connect(self._bold)
        ui.listButton.toggled.connect(self._bullets)
        ui.bodyEdit.currentCharFormatChanged.connect(
            lambda fmt: ui.boldButton.setChecked(fmt.fontWeight() >= QFont.Weight.Bold))
        ui.bodyEdit.cursorPositionChanged.connect(
            lambda: ui.listButton.setChecked(ui.bodyEdit.textCursor().currentList() is not None))
        ui.addAttachmentButton.clicked.connect(self._add_files)
        ui.removeAttachmentButton.clicked.connect(self._remove_file)
        ui.openAttachmentButton.clicked.connect(self._open_file)
        ui.attachmentList.itemSelectionChanged.connect(self._attachment_buttons)
        self._attachment_buttons()
        ui.restoreDraftButton.clicked.connect(self._restore_offered)
        ui.discardDraftButton.clicked.connect(self._discard_offered)

    # -- loading --------------------------------------------------------------------------------------

    def _loaded(self, record: ops.MeetingRecord | None, draft: Draft | None) -> None:
        if record is None and draft is not None:
            # The meeting was deleted after the draft was kept: what was typed becomes a new record.
            self.meeting_id = None
            self._tabs_usable()
            self._start(draft)
            return
        if record is None:
            self._show_error(self.tr("This meeting no longer exists; it may have been deleted."))
            self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            return
        branch = self._corrected_from(record.org_id) if self._corrected_from is not None else ""
        self.correction_note.setText(correction_note(record, branch))  # whose it is, or who corrected it
        self.correction_note.setVisible(bool(self.correction_note.text()))
        d = record.data
        state = FormState(type_code=d.type_code, topic=d.topic, start_time=d.start_time, end_time=d.end_time,
                          place=d.place, chair=d.chair, recorder=d.recorder, lecturer=d.lecturer,
                          party_group=d.party_group, body=d.body, decisions=d.decisions,
                          statuses={a.member_id: a.status for a in record.attendance},
                          reasons={a.member_id: a.reason for a in record.attendance if a.reason},
                          guests=[list(g) for g in record.guests], agenda=list(record.agenda),
                          motions=[[m.title, m.votes_for, m.votes_against, m.votes_abstaining] for m in record.motions],
                          kept_attachments=[dict(vars(a)) for a in record.attachments])
        self._apply(state, d.held_on)
        self._tabs_usable()
        self._start(draft)

    def _tabs_usable(self) -> None:
        """The record is in: the tabs are enabled again and the cursor goes to 会议主题 (while they were disabled
        it fell on 保存, where Enter would save), unless the office has already put it somewhere in the form."""
        self.ui.tabs.setEnabled(True)
        shown = self.focusWidget()
        if shown is None or not self.ui.tabs.isAncestorOf(shown):
            self.ui.topicEdit.setFocus()

    def _start(self, draft: Draft | None) -> None:
        """After the first fill: the roll, then a draft given or one left over."""
        self._loading = False
        self._dirty = False
        if draft is not None:
            self._draft_key = draft.key
            self._apply(FormState.from_json(draft.state))
            self._dirty = True
        else:
            self._offered = drafts.for_meeting(self._folder, self.meeting_id)
            if self._offered is not None:
                saved_at = self._offered.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
                self.ui.draftLabel.setText(
                    self.tr("Restore unsaved meeting record? Changes kept automatically at %1 were not saved.")
                    .replace("%1", saved_at))
                self.ui.draftBar.show()
        self._reload_roll()

    def _apply(self, state: FormState, held_on: date | None = None) -> None:
        """Fill the form from ``state`` (the roll keeps its choices until the next reload applies them)."""
        was, self._loading = self._loading, True
        ui = self.ui
        ui.typeCombo.setCurrentIndex(max(0, ui.typeCombo.findData(state.type_code)))
        ui.topicEdit.setText(state.topic)
        if held_on is not None:
            self.heldOnEdit.set_value(held_on)
        elif state.held_on:
            self.heldOnEdit.setText(state.held_on)
            self.heldOnEdit.check()
        for edit, text in ((ui.startTimeEdit, state.start_time), (ui.endTimeEdit, state.end_time),
                           (ui.placeEdit, state.place), (ui.chairEdit, state.chair),
                           (ui.recorderEdit, state.recorder), (ui.lecturerEdit, state.lecturer)):
            edit.setText(text)
        ui.partyGroupCombo.setCurrentText(state.party_group)
        ui.bodyEdit.setHtml(state.body)
        ui.decisionsEdit.setPlainText(state.decisions)
        roll = [(r.member_id, r.name, r.voting) for r in self.attendance.model.rows()]
        self._pending = (dict(state.statuses), dict(state.reasons))
        self._marked = ({}, {})
        self.attendance.model.set_roll(roll, *self._pending)
        self.attendance.guests.set_rows(state.guests)
        self.agenda.set_rows([[a] for a in state.agenda])
        self.motions.set_rows(state.motions)
        ui.attachmentList.clear()
        for info in state.kept_attachments:
            self._add_attachment_item(str(info["name"]), info)
        for path in state.new_files:
            self._add_attachment_item(Path(path).name, path)
        self._show_rows_for_type()
        self._loading = was

    def _type_code(self) -> str:
        return str(self.ui.typeCombo.currentData() or "general")

    def _show_rows_for_type(self) -> None:
        code = self._type_code()
        kind = next(t for t in MEETING_TYPES if t.code == code)
        self.ui.basicsForm.setRowVisible(self.ui.lecturerEdit, code == "lecture")
        self.ui.basicsForm.setRowVisible(self.ui.partyGroupCombo, kind.expected is Expected.GROUP)

    def _use_template(self, code: str, *, force: bool = False) -> None:
        """Start the agenda and minutes from the type's template, unless the person already wrote their own."""
        if self.meeting_id is not None:
            return
        untouched = force or (self._template_code is not None
                              and self.agenda.rows() == [[a] for a in template_for(self._template_code).agenda])
        if not untouched:
            return
        template = template_for(code)
        was, self._loading = self._loading, True
        self.agenda.set_rows([[a] for a in template.agenda])
        self.ui.bodyEdit.setHtml(template.body)
        self._loading = was
        self._template_code = code

    # -- the roll -------------------------------------------------------------------------------------

    def _type_changed(self) -> None:
        self._show_rows_for_type()
        if not self._loading:
            self._use_template(self._type_code())
            self._touched()
            self._roll_timer.start()

    def _reload_roll(self) -> None:
        held_on = self.heldOnEdit.value()
        if held_on is None:
            return
        code, group = self._type_code(), self.ui.partyGroupCombo.currentText().strip()
        ops.load_roll(self, self.ctx, type_code=code, held_on=held_on, party_group=group, meeting_id=self.meeting_id,
                      on_done=lambda view: self._roll_loaded(code, view))
        ops.party_groups(self, self.ctx, self.meeting_id, self._groups_loaded)

    def _roll_loaded(self, code: str, view: ops.RollView) -> None:
        model = self.attendance.model
        if model.rowCount():
            self._marked[0].update(model.statuses())
            self._marked[1].update(model.reasons())
        statuses = {**self._pending[0], **self._marked[0]}
        reasons = {**self._pending[1], **self._marked[1]}
        was, self._loading = self._loading, True
        model.set_roll([(e.member_id, e.name, e.voting) for e in view.entries], statuses, reasons)
        model.set_away({e.member_id: e.away for e in view.entries if e.away})
        self._loading = was
        self._motion_rules = view.motion_rules
        self._explain_pass_rule()
        self.attendance.set_empty_hint(self._empty_roll_hint(code) if not view.entries else "")
        self.attendance.set_meeting(code, view.rules)
        self.motions.refresh_computed()

    def _empty_roll_hint(self, code: str) -> str:
        """What to do when nobody is due at the meeting: a 党小组 no member's record names yet, or no roll."""
        group = self.ui.partyGroupCombo.currentText().strip()
        if meeting_type(code).expected is not Expected.GROUP:
            if self.committee:
                return committee_empty_roll()
            return self.tr("Nobody is on the roll yet: add or import the members on the Members page first.")
        if not group:
            return self.tr("Choose the party group on the first tab: its members are listed here.")
        return self.tr("No member's record names the party group “{group}” yet: fill in 党小组 in the members' "
                       "records on the Members page (or check the group is written the same way there).").format(
            group=group)

    def _explain_pass_rule(self) -> None:
        self._pass_rule_text = motion_words.pass_rule(self._motion_rules)
        self._show_motion_notes()

    def _show_motion_notes(self) -> None:
        self.ui.motionsTabIntro.setText(motion_words.motion_notes(self._pass_rule_text, self.attendance.tally(),
                                                                  self.motions.rows()))

    def _groups_loaded(self, groups: list[str]) -> None:
        combo = self.ui.partyGroupCombo
        current = combo.currentText()
        was, self._loading = self._loading, True
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(groups)
        combo.setCurrentText(current)
        combo.blockSignals(False)
        self._loading = was

    def _motion_result(self, row: list[Any]) -> str:
        return motion_words.motion_result(row, self.attendance.tally(), self._motion_rules)

    # -- editing helpers ------------------------------------------------------------------------------

    def _add_row(self, view: Any, model: RowsModel) -> None:
        row = model.add_row()
        view.setFocus()
        view.setCurrentIndex(model.index(row, 0))
        view.edit(model.index(row, 0))

    def _move_agenda(self, by: int) -> None:
        view = self.ui.agendaView
        row = self.agenda.move_row(view.currentIndex().row(), by)
        view.setCurrentIndex(self.agenda.index(row, 0))

    def _bold(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self.ui.bodyEdit.mergeCurrentCharFormat(fmt)

    def _bullets(self, on: bool) -> None:
        cursor = self.ui.bodyEdit.textCursor()
        current = cursor.currentList()
        if on and current is None:
            cursor.createList(QTextListFormat.Style.ListDisc)
        elif not on and current is not None:
            current.remove(cursor.block())
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)

    def _add_attachment_item(self, name: str, payload: object) -> None:
        item = QListWidgetItem(name, self.ui.attachmentList)
        item.setData(256, payload)  # Qt.UserRole: a kept attachment's info dict, or a new file's path

    def _add_files(self) -> None:
        paths = ask_open_files(self, self.ctx.settings, ATTACHMENTS, self.tr("Add attachments"),
                               self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;All files (*)"))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Attach files (stored when the record is saved)."""
        for path in paths:
            self._add_attachment_item(path.name, str(path))
        if paths:
            self._touched()

    def _attachment_buttons(self) -> None:
        """打开 and 移除 act on the chosen file: offered only while one is chosen."""
        chosen = bool(self.ui.attachmentList.selectedItems())
        self.ui.openAttachmentButton.setEnabled(chosen)
        self.ui.removeAttachmentButton.setEnabled(chosen)

    def _remove_file(self) -> None:
        row = self.ui.attachmentList.currentRow()
        if row >= 0:
            self.ui.attachmentList.takeItem(row)
            self._touched()

    def _open_file(self) -> None:
        item = self.ui.attachmentList.currentItem()
        if item is None:
            return
        payload = item.data(256)
        if isinstance(payload, str):
            open_with_system(self, Path(payload))
            return
        ops.open_copy(self, self.ctx, sha256=payload["sha256"], name=payload["name"],
                      on_done=lambda path: self._open_url(QUrl.fromLocalFile(str(path))),
                      on_error=lambda error: self._show_error(error.message))

    def _open_url(self, url: QUrl) -> None:
        open_with_system(self, url)

    # -- state, drafts --------------------------------------------------------------------------------

    def state(self) -> FormState:
        """The whole form as a ``FormState``."""
        ui = self.ui
        kept: list[dict[str, Any]] = []
        new: list[str] = []
        for i in range(ui.attachmentList.count()):
            payload = ui.attachmentList.item(i).data(256)
            (new if isinstance(payload, str) else kept).append(payload)
        model = self.attendance.model
        return FormState(
            type_code=self._type_code(), topic=ui.topicEdit.text().strip(), held_on=self.heldOnEdit.text().strip(),
            start_time=normal_time(ui.startTimeEdit.text()), end_time=normal_time(ui.endTimeEdit.text()),
            place=ui.placeEdit.text().strip(), chair=ui.chairEdit.text().strip(),
            recorder=ui.recorderEdit.text().strip(), lecturer=ui.lecturerEdit.text().strip(),
            party_group=ui.partyGroupCombo.currentText().strip(), body=ui.bodyEdit.toHtml(),
            decisions=ui.decisionsEdit.toPlainText().strip(),
            statuses=model.statuses() if model.rowCount() else dict(self._pending[0]),
            reasons=model.reasons() if model.rowCount() else dict(self._pending[1]),
            guests=[[str(n), str(r)] for n, r in self.attendance.guests.rows()],
            agenda=[str(r[0]) for r in self.agenda.rows()], motions=self.motions.rows(),
            kept_attachments=kept, new_files=new)

    def _touched(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._draft_timer.start()
        self.ui.errorLabel.hide()  # it named what Save found; the next Save checks the form as it now is

    def _save_draft(self) -> None:
        folder, key, meeting_id, state = self._folder, self._draft_key, self.meeting_id, self.state().to_json()
        run(self, self.ctx, lambda _p: drafts.save(folder, key, meeting_id, state), label="save meeting draft",
            lane=Lane.FILE, on_error=lambda _e: None)

    def _discard_draft(self) -> None:
        self._draft_timer.stop()
        folder, key = self._folder, self._draft_key
        run(None, self.ctx, lambda _p: drafts.discard(folder, key), label="discard meeting draft", lane=Lane.FILE)

    def _restore_offered(self) -> None:
        if self._offered is not None:
            self._draft_key = self._offered.key
            self._apply(FormState.from_json(self._offered.state))
            self._dirty = True
            self._reload_roll()
        self._offered = None
        self.ui.draftBar.hide()

    def _discard_offered(self) -> None:
        if self._offered is not None:
            drafts.discard(self._folder, self._offered.key)
        self._offered = None
        self.ui.draftBar.hide()

    # -- saving ---------------------------------------------------------------------------------------

    def record_input(self) -> ops.RecordInput | None:
        """What Save would write, or None after showing why the form cannot be saved yet."""
        if not self.heldOnEdit.check():
            self._show_error(self.heldOnEdit.problem(), field="held_on")
            return None
        held_on = self.heldOnEdit.value()
        assert held_on is not None  # required, and check() passed
        s = self.state()
        data = MeetingData(type_code=s.type_code, topic=s.topic, held_on=held_on, start_time=s.start_time,
                           end_time=s.end_time, place=s.place, chair=s.chair, recorder=s.recorder,
                           lecturer=s.lecturer if s.type_code == "lecture" else "", party_group=s.party_group,
                           body=s.body, decisions=s.decisions)
        motions = [Motion(str(m[0]), int(m[1] or 0), int(m[2] or 0), int(m[3] or 0)) for m in s.motions]
        return ops.RecordInput(data, s.statuses, s.reasons, [(g[0], g[1]) for g in s.guests if g[0]], s.agenda,
                               motions, [str(k["id"]) for k in s.kept_attachments], [Path(p) for p in s.new_files])

    def _save(self) -> None:
        if self._busy:
            return
        record = self.record_input()
        if record is None:
            return
        self._busy = True
        self.ui.buttonBox.setEnabled(False)
        self.ui.errorLabel.hide()
        ops.save_record(self, self.ctx, meeting_id=self.meeting_id, record=record, on_done=self._saved,
                        on_error=self._failed)

    def _saved(self, result: Any) -> None:
        self._busy = False
        self._discard_draft()
        self._dirty = False
        self.meeting_id = result.meeting_id
        self.saved.emit(result.meeting_id)
        self.accept()

    def _failed(self, error: KnownError) -> None:
        self._busy = False
        self.ui.buttonBox.setEnabled(True)
        self._show_error(error.message, field=error.field if isinstance(error, ValidationError) else None)

    def _show_error(self, message: str, field: str | None = None) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.show()
        if field in TAB_OF_FIELD:
            self.ui.tabs.setCurrentIndex(TAB_OF_FIELD[field])
        widget = self._field_widget(field)
        if widget is not None:  # the cursor goes where the message says what to fix
            widget.setFocus()

    def _field_widget(self, field: str | None) -> QWidget | None:
        ui = self.ui
        widgets: dict[str, QWidget] = {
            "topic": ui.topicEdit, "held_on": self.heldOnEdit, "start_time": ui.startTimeEdit,
            "end_time": ui.endTimeEdit, "party_group": ui.partyGroupCombo, "type_code": ui.typeCombo}
        return widgets.get(field or "")

    # -- closing --------------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._busy:
            return
        if self._dirty:
            if not discard_guard.confirm_discard(self):
                return
            self._discard_draft()
        super().reject()

    def done(self, result: int) -> None:
        # No draft is written after the dialog has ended (accepted: saved; rejected: discarded).
        self._draft_timer.stop()
        self._roll_timer.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        self.reject()
        event.ignore() if self.isVisible() else event.accept()


def _write_time_plainly(edit: QLineEdit) -> None:
    plain = normal_time(edit.text())
    if plain != edit.text():
        edit.setText(plain)
