"""The study page (学习): a year chooser above four tabs — activities, the 学时 ledger, certifications, materials.

The year's data is read in one job on the DB lane (``operations.study.load_year``). 记录集体学习 opens the
record dialog (``dialogs.study_edit``) with the roll read first; 从会议导入 counts a recorded 党课 or 主题党日
(``dialogs.study_meeting``). The runner publishes each write's Changes; a change naming activities and
members reads only those activities and the ledger rows of the members concerned and updates them by id
(``operations.study_refresh``); rules, the organisation, or a change that names no ids read the year again.
In a committee's file (several branches) the activities and the ledger get a 支部 column and a branch
filter (``pages.study_branches`` over the shared ``widgets.branch_filter``). A to-do about a member's hours
opens here (``open_target``): that year's ledger, the member's line selected.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from partydesk.core import drafts
from partydesk.core.changes import Changes
from partydesk.core.domain.study import format_tenths
from partydesk.core.errors import KnownError
from partydesk.core.services.branches import registered_short_names
from partydesk.core.services.study import is_earlier_hours
from partydesk.core.services.study_reports import counted_again
from partydesk.gui.dialogs.crash import show_known_error
from partydesk.gui.folders import DOCUMENTS, ask_save_file, open_with_system
from partydesk.gui.operations import study as study_ops
from partydesk.gui.operations import study_refresh as refresh_ops
from partydesk.gui.operations.study_refresh import StudyDelta
from partydesk.gui.pages import study_records, study_tabs
from partydesk.gui.pages.study_branches import StudyBranches
from partydesk.gui.widgets.ask_delete import ask_to_delete
from partydesk.gui.widgets.branch_filter import BranchFilter
from partydesk.gui.widgets.keys import shortcut
from partydesk.gui.widgets.saved_box import show_saved

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext
    from partydesk.gui.operations.study import StudyYear
    from partydesk.gui.widgets.list_page import ListPage

YEARS_BACK = 5
LEDGER_TAB = 1  # after 学习活动
CERT_TAB = 2  # 技能证书


class StudyPage(QWidget):
    """学习: activities, ledger, certifications and materials of one year."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.data: StudyYear | None = None
        self.dialog: QDialog | None = None

        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("yearCombo")
        newest = self.today.year + (1 if self.today.month == 12 else 0)  # December: next January's may be planned
        for year in range(newest, self.today.year - YEARS_BACK, -1):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(self.today.year))  # this year first
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.summary = QLabel(self)
        self.summary.setObjectName("studySummary")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("studyTabs")

        self.branch_filter = BranchFilter(self)
        self.branches = StudyBranches(self.branch_filter)
        self.branch_filter.branchChanged.connect(lambda _org: self._show_summary())
        self.activities = study_tabs.activities_list(self, self.branches)
        self.record_button = self.activities.add_action("recordStudy", self.open_record_dialog,
                                                        shortcut=QKeySequence.StandardKey.New)
        self.from_meeting_button = self.activities.add_action("studyFromMeeting", self.open_count_dialog)
        self.own_button = self.activities.add_action("recordOwnStudy", self.open_own_dialog)
        self.open_button = self.activities.add_action("openStudy", self.open_selected_activity, needs_selection=True)
        self.activities.activated.connect(self.open_activity)
        self.delete_button = self.activities.add_action("deleteStudy", self.delete_selected, needs_selection=True)
        shortcut(QKeySequence.StandardKey.Delete, self.activities.table, self.delete_selected)  # as on the other pages
        self.activities.set_empty_action(self.tr("Record a collective study"), self.open_record_dialog)
        self.ledger = study_tabs.ledger_list(self, self.branches)
        self._pending: tuple[ListPage[Any], str] | None = None  # a to-do's line to select once it is read
        self.export_button = self.ledger.add_action("exportStudy", self.export_report)
        self.earlier_button = self.ledger.add_action("enterEarlierStudy", self.open_earlier_dialog)
        self.ledger_note = QLabel(self)
        self.ledger_note.setWordWrap(True)
        self.certifications = study_tabs.certifications_list(self, self.today, self._notice_days)
        self.skills = QLabel(self)
        self.skills.setObjectName("skillsSummary")
        self.skills.setWordWrap(True)
        self.add_cert_button = self.certifications.add_action("addCertification", self.open_cert_dialog,
                                                              shortcut=QKeySequence.StandardKey.New)
        self.edit_cert_button = self.certifications.add_action("editCertification", self.edit_selected_cert,
                                                               needs_selection=True)
        self.delete_cert_button = self.certifications.add_action("deleteCertification", self.delete_selected_cert,
                                                                 needs_selection=True)
        self.certifications.activated.connect(self.edit_cert)
        shortcut(QKeySequence.StandardKey.Delete, self.certifications.table, self.delete_selected_cert)
        self.materials = study_tabs.materials_list(self, self.material_source)
        self.add_material_button = self.materials.add_action("addMaterial", self.open_material_dialog,
                                                              shortcut=QKeySequence.StandardKey.New)
        self.open_material_button = self.materials.add_action("openMaterial", self.open_selected_material,
                                                              needs_selection=True)
        self.materials.activated.connect(self.open_material)
        self.send_material_button = self.materials.add_action("sendMaterial", self.send_selected_material,
                                                              needs_selection=True)
        self.send_material_button.hide()  # a committee's, once the year's read says so
        self.delete_material_button = self.materials.add_action("deleteMaterial", self.delete_selected_material,
                                                                needs_selection=True)
        shortcut(QKeySequence.StandardKey.Delete, self.materials.table, self.delete_selected_material)

        self.tabs.addTab(self.activities, "")
        self.tabs.addTab(self._with_note(self.ledger, self.ledger_note), "")
        self.tabs.addTab(self._with_note(self.certifications, self.skills), "")
        self.tabs.addTab(self.materials, "")

        bar = QHBoxLayout()
        bar.addWidget(self.year_label)
        bar.addWidget(self.year_combo)
        bar.addWidget(self.branch_filter)
        bar.addWidget(self.summary, 1)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.tabs, 1)
        self._retranslate()
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _notice_days(self) -> int:
        return self.data.rules.get("study.cert_expiry.days", 60) if self.data is not None else 60

    def _with_note(self, page: QWidget, note: QLabel) -> QWidget:
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(page, 1)
        box.addWidget(note)
        return holder

    # -- data ---------------------------------------------------------------------------------------

    @property
    def year(self) -> int:
        """The year shown."""
        return int(self.year_combo.currentData())

    def reload(self) -> None:
        """Read the shown year again."""
        study_ops.load_year(self, self.ctx, self.year, self._show, self._year_failed)

    def _year_failed(self, error: KnownError) -> None:
        """The year's study could not be read (a damaged file): each list says so, not that it is empty."""
        self.summary.setText(self.tr("The study records could not be read."))
        for panel in (self.activities, self.ledger, self.certifications, self.materials):
            panel.show_unreadable(self.summary.text(), error)
        show_known_error(error, self)

    def _show(self, data: StudyYear) -> None:
        if data.year != self.year:
            return  # an older read for a year no longer chosen
        self.data = data
        # A committee's own organisation with nothing of its own in the lists is no branch to filter by (the
        # roster's filter leaves it out the same way while nobody is on its roll).
        own = data.branches.own if data.committee else None
        empty = own is not None and not any(r.org_id == own.org_id for r in data.ledger) \
            and not any(a.org_id == own.org_id for a in data.activities)
        self.branches.set_branches(data.branches, skip=own.org_id if own is not None and empty else None)
        self.activities.set_rows(data.activities)
        self.ledger.set_rows(data.ledger)
        self.certifications.set_rows(data.certifications)
        if data.committee != ("sent" in {c.key for c in self.materials.model.columns}):
            sent = (lambda i: study_tabs.material_sent(self.data, i),
                    lambda i: study_tabs.material_sent_tip(self.data, i))
            self.materials.set_columns(study_tabs.material_columns(self.material_source,
                                                                   sent if data.committee else None))
        self.materials.set_rows(data.materials)
        self.send_material_button.setVisible(data.committee)
        self.earlier_button.setVisible(not data.committee)  # a branch enters its own members' earlier hours
        self.skills.setText(study_tabs.skills_summary(data.certifications, self.today))
        self._show_summary()
        self._select_pending()

    def _show_summary(self) -> None:
        data = self.data
        if data is None:
            return
        self.ledger_note.setText(self.tr(
            "Members owe {member} hours a year and committee members {leader} (rule table); members who joined "
            "or left during the year owe them pro rata to their days on the roll. \"Due by today\" is the share "
            "of the year so far. This list is a record for the branch, not a ranking.").format(
            member=data.rules.get("study.member.hours", 32), leader=data.rules.get("study.leader.hours", 56)))
        ledger = [r for r in data.ledger if self.branches.keeps(r.org_id)]  # (the branch chosen, if any)
        # (Earlier hours entered from the old ledger are hours, not an activity held.)
        activities = [a for a in data.activities if self.branches.keeps(a.org_id) and not is_earlier_hours(a.data)]
        done = sum(r.done for r in ledger)
        text = self.tr("{year}: {activities} activities; {done} of {members} members have "
                       "completed the year's hours ({hours} hours credited in all).").format(
            year=data.year, activities=len(activities), done=done, members=len(ledger),
            hours=format_tenths(sum(r.credited for r in ledger)))
        twice = counted_again(ledger)
        if twice:  # a committee's file: a person on two branches' rolls (a transfer under way) is two rows
            text += self.tr(" The members include {count} entries of a person counted again on another "
                            "branch's roll.").format(count=twice)
        self.summary.setText(text)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*refresh_ops.SHOWN):
            return
        plan = refresh_ops.refresh_plan(changes)
        if plan is None or self.data is None:
            self.reload()
        else:
            refresh_ops.load_changed(self, self.ctx, self.year, plan, self._patch)

    def _patch(self, delta: StudyDelta) -> None:
        """Put the records read again in place by id; the rest of the lists stay as they are."""
        if self.data is None or delta.year != self.year:
            return
        self.activities.update_rows(delta.activities)
        self.activities.remove_ids(delta.plan.activity_ids - {a.id for a in delta.activities})
        self.ledger.update_rows(delta.ledger)
        self.ledger.remove_ids(delta.member_ids - {r.member_id for r in delta.ledger})
        data = replace(self.data, activities=self.activities.model.all_rows(), ledger=self.ledger.model.all_rows())
        if delta.certifications is not None:
            data = replace(data, certifications=delta.certifications)
            self.certifications.set_rows(delta.certifications)
            self.skills.setText(study_tabs.skills_summary(delta.certifications, self.today))
        if delta.materials is not None:
            data = replace(data, materials=delta.materials, sent_to=delta.sent_to or {})
            self.data = data  # the list's 下发至 reads it
            self.materials.set_rows(delta.materials)
        self.data = data
        self._show_summary()
        self._select_pending()

    # -- opening a to-do -----------------------------------------------------------------------------

    def open_target(self, kind: str, key: str) -> None:
        """Go where a to-do points (the main window routes here): a member's line of a year's 学时台账
        (``Target("ledger", "<member id>|<year>")``) or a certificate coming due in 技能证书 (``Target("cert",
        "<member id>|<id>")``, where its renewal is recorded), selected once read."""
        if kind == "ledger":
            member_id, _, year = key.partition("|")
            self.tabs.setCurrentIndex(LEDGER_TAB)
            self.ledger.take_keyboard()  # (asked for from the workbench: its line, when read, is where to go on)
            self._pending = (self.ledger, member_id)
            position = self.year_combo.findData(int(year)) if year.isdigit() else -1
            if position >= 0 and position != self.year_combo.currentIndex():
                self.year_combo.setCurrentIndex(position)  # reads that year; the member is selected when it is in
                return
        elif kind == "cert":
            self.tabs.setCurrentIndex(CERT_TAB)
            self.certifications.take_keyboard()
            self._pending = (self.certifications, key.rpartition("|")[2])
        else:
            return
        if self.data is not None and self.data.year == self.year:
            self._select_pending()

    def _select_pending(self) -> None:
        """Select the line a to-do asked for; a search, filter or branch that hides it is cleared."""
        if self._pending is None:
            return
        page, row_id = self._pending
        self._pending = None
        if page.select_id(row_id):
            return
        page.search.clear()
        for combo in page.findChildren(QComboBox, "ledgerFilter"):
            combo.setCurrentIndex(0)  # 全部
        if page is self.ledger:
            self.branch_filter.set_current(None)
        page.apply_filters()
        page.select_id(row_id)

    # -- actions -------------------------------------------------------------------------------------

    def open_record_dialog(self) -> None:
        """Read the roll, then open the record dialog on it (``study_records``)."""
        study_records.record_new(self)

    def open_draft(self, draft: drafts.Draft) -> None:
        """Open the record dialog with a draft left unsaved (``study_records``)."""
        study_records.record_draft(self, draft)

    def open_selected_activity(self) -> None:
        """Open the first selected activity to correct it."""
        chosen = self.activities.selected_ids()
        if chosen:
            self.open_activity(chosen[0])

    def open_activity(self, activity_id: str) -> None:
        """Open a recorded activity to correct it (``study_records``)."""
        study_records.correct(self, activity_id)

    def open_earlier_draft(self, draft: drafts.Draft) -> None:
        """Open the table of earlier hours with a draft left unsaved (``study_records``)."""
        study_records.earlier_draft(self, draft)

    def open_earlier_dialog(self) -> None:
        """Open the table for the hours members already had, 补录此前学时 (``study_records``)."""
        study_records.earlier_hours(self)

    def open_count_dialog(self) -> None:
        """Pick a 党课, 主题党日 or 党小组学习 of the year recorded as a meeting and count it as study."""
        from partydesk.gui.dialogs.study_meeting import CountMeetingDialog

        self._show_dialog(CountMeetingDialog(self.ctx, self.year, self.window()))

    def open_own_dialog(self) -> None:
        """Read the roll, then open the dialog for a member's own course."""
        from partydesk.gui.dialogs.study_own import StudyOwnDialog

        day = self.today if self.year == self.today.year else date(self.year, 12, 31)

        def show(loaded: tuple[Any, dict[str, int]]) -> None:
            self._show_dialog(StudyOwnDialog(self.ctx, *loaded, day=day, parent=self.window()))

        study_ops.load_roll(self, self.ctx, show)

    def open_cert_dialog(self) -> None:
        """Read the roll, then open the certification dialog on it."""
        from partydesk.gui.dialogs.cert_edit import CertEditDialog

        def show(loaded: tuple[Any, dict[str, int]]) -> None:
            self._show_dialog(CertEditDialog(self.ctx, loaded[0], parent=self.window()))

        study_ops.load_roll(self, self.ctx, show)

    def material_source(self, material_id: str) -> str:
        """Where a material came from, in words: 本单位 for this office's own, 上级下发 or the branch's name."""
        if self.data is None:
            return ""
        if material_id not in self.data.sources:
            return self.tr("This office")
        relation, office = self.data.sources[material_id]
        if relation == "child" and office:  # a branch's, named as the other lists name it
            shorts = registered_short_names(self.data.branches, self.data.registered)
            return next((shorts[code] for code, name in self.data.registered if name == office), office)
        return self.tr("Sent down")

    def edit_selected_cert(self) -> None:
        """Open the selected certification to correct it (or write a renewal over it)."""
        chosen = self.certifications.selected_ids()
        if chosen:
            self.edit_cert(chosen[0])

    def edit_cert(self, cert_id: str) -> None:
        """Read the roll, then open the certification dialog on the record with this id."""
        from partydesk.gui.dialogs.cert_edit import CertEditDialog

        found = next((row for row in self.data.certifications if row[0] == cert_id), None) if self.data else None
        if found is None:
            return
        study_ops.load_roll(self, self.ctx, lambda loaded: self._show_dialog(
            CertEditDialog(self.ctx, loaded[0], parent=self.window(), editing=found)))

    def delete_selected_cert(self) -> None:
        """Delete the selected certification after asking (a wrong entry, one no longer held)."""
        rows = self.certifications.selected_rows()
        if not rows:
            return
        cert_id, holder, data = rows[0]
        if ask_to_delete(self, self.tr("Delete a certification"), self.tr(
                "Delete {name}'s “{cert}”? A renewed certificate is better recorded with its new dates: this one "
                "then drops out of the reminders by itself.").format(name=holder, cert=data.name)):
            study_ops.delete_certification(self, self.ctx, cert_id, on_done=lambda _c: None, on_error=self._failed)

    def delete_selected_material(self) -> None:
        """Delete the selected material of this office's own library, after asking (default 否); one that came
        from another office is that office's to delete (said on the status line)."""
        chosen = self.materials.selected_ids()
        found = next((m for i, m in self.data.materials if chosen and i == chosen[0]), None) if self.data else None
        if found is None or self.data is None:
            return
        if chosen[0] in self.data.sources:
            self.ctx.hub.statusMessage.emit(self.tr(
                "“{title}” is {office}'s: only the office that added it can delete it.").format(
                title=found.title, office=self.material_source(chosen[0])))
            return
        question = self.tr("Delete “{title}” from the library?").format(title=found.title)
        if self.data.sent_to.get(chosen[0]):
            question += "\n" + self.tr("It was sent down to {branches}: it goes from there too, with the next "
                                        "package to each.").format(
                branches=study_tabs.material_sent(self.data, chosen[0]))
        if ask_to_delete(self, self.tr("Delete study material"), question):
            study_ops.delete_material(self, self.ctx, chosen[0], on_done=lambda _c: None, on_error=self._failed)

    def open_material_dialog(self) -> None:
        """Open the dialog that adds a file or a link to the library."""
        from partydesk.gui.dialogs.material_edit import MaterialEditDialog

        self._show_dialog(MaterialEditDialog(self.ctx, parent=self.window()))

    def _show_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        if hasattr(dialog, "saved_on"):
            # Said on the status line (the dialog just closes), then the year it went to when not the one shown.
            dialog.accepted.connect(lambda: self.ctx.hub.statusMessage.emit(self.tr("Study record saved.")))
            dialog.accepted.connect(lambda: self._show_year_of(dialog.saved_on(), getattr(dialog, "saved_id", None)))
            dialog.accepted.connect(lambda: self._select_saved(dialog.saved_on(), getattr(dialog, "saved_id", None)))
        dialog.open()

    def _select_saved(self, day: date | None, record_id: str | None) -> None:
        """A record saved for the year shown is chosen in the list, scrolled into view, once it is listed."""
        if day is None or day.year != self.year or not record_id:
            return
        self.activities.take_keyboard()
        if not self.activities.select_id(record_id):
            self._pending = (self.activities, record_id)

    def _show_year_of(self, day: date | None, record_id: str | None) -> None:
        """A record saved for another year than the one shown (a date typed for last year, next January):
        that year is shown, the record selected once read, and the status line says where it went."""
        if day is None or day.year == self.year:
            return
        position = self.year_combo.findData(day.year)
        self.ctx.hub.statusMessage.emit(self.tr("Saved in {year}.").format(year=day.year))
        if position < 0:
            return
        if record_id:
            self._pending = (self.activities, record_id)
        self.tabs.setCurrentIndex(0)
        self.year_combo.setCurrentIndex(position)  # reads that year

    def open_selected_material(self) -> None:
        """Open the first selected material."""
        chosen = self.materials.selected_ids()
        if chosen:
            self.open_material(chosen[0])

    def send_selected_material(self) -> None:
        """A committee sends the selected material of its own down to the branches it ticks."""
        from partydesk.gui.dialogs.material_send import MaterialSendDialog
        from partydesk.gui.operations import notices as notice_ops

        chosen = self.materials.selected_ids()
        found = next((m for i, m in self.data.materials if chosen and i == chosen[0]), None) if self.data else None
        if found is None:
            return
        if self.data is not None and chosen[0] in self.data.sources:
            relation, office = self.data.sources[chosen[0]]
            self.ctx.hub.statusMessage.emit(
                self.tr("This material is {office}'s: only the committee's own materials are sent down.").format(
                    office=office) if relation == "child" and office else
                self.tr("This material came from above and cannot be sent on."))
            return

        def show(branches: list[tuple[str, str]]) -> None:
            if not branches:
                self.ctx.hub.statusMessage.emit(self.tr(
                    "No branch is registered yet: register a branch's key card on the exchange page first."))
                return
            sent = self.data.sent_to.get(chosen[0], []) if self.data is not None else []
            self._show_dialog(MaterialSendDialog(self.ctx, chosen[0], found.title, branches, parent=self.window(),
                                                 sent=sent))

        notice_ops.load_branches(self, self.ctx, show)

    def open_material(self, material_id: str) -> None:
        """Open a stored file with its program, or a link in the browser."""
        found = next((m for i, m in self.data.materials if i == material_id), None) if self.data else None
        if found is None:
            return
        if found.file_sha:  # opened as a copy under its own name: the system picks the program by its extension
            study_ops.open_copy(self, self.ctx, sha=found.file_sha, name=found.file_name or found.title,
                                on_done=self._open_copy, on_error=self._cannot_open)
        elif found.link:
            open_with_system(self, QUrl(found.link))

    def _open_copy(self, path: Path) -> None:
        open_with_system(self, path)

    def _cannot_open(self, error: KnownError) -> None:
        QMessageBox.warning(self, self.tr("Cannot open the file"), error.message)

    def export_report(self) -> None:
        """Ask where, then write the year's workbook (培训情况, 学时台账, each member's sheet)."""
        name = ask_save_file(self, self.ctx.settings, DOCUMENTS, self.tr("Export the study report"),
                             self.tr("Study hours {year}.xlsx").format(year=self.year),
                             self.tr("Excel workbook (*.xlsx)"))
        if not name:
            return
        out = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        self.export_button.setEnabled(False)
        # The report is the whole year's, every member: said so when the ledger shows only some of them.
        narrowed = len(self.ledger.model.shown_rows()) < self.ledger.model.total

        def done(_result: object) -> None:
            self.export_button.setEnabled(True)
            if narrowed:
                self.ctx.hub.statusMessage.emit(self.tr(
                    "Study report written to {path}: every member's hours for the year, not only those the "
                    "search and filters show").format(path=out))
            else:
                self.ctx.hub.statusMessage.emit(self.tr("Study report written to {path}").format(path=out))
            show_saved(self, self.tr("Study report"), self.tr("The study report of {year} is saved:").format(
                year=self.year), out)

        def failed(error: KnownError) -> None:
            self.export_button.setEnabled(True)
            self._failed(error)

        study_ops.export_report(self, self.ctx, self.year, out, on_done=done, on_error=failed)

    def delete_selected(self) -> None:
        """Delete the selected activities after asking."""
        chosen = self.activities.selected_rows()
        if not chosen:
            return
        names = "、".join(a.data.topic for a in chosen[:3]) + ("…" if len(chosen) > 3 else "")
        if not ask_to_delete(self, self.tr("Delete study records"), self.tr(  # a stray Enter deletes nothing
                "Delete {count} record(s) ({names})? The hours they credited are taken off the ledger.").format(
                count=len(chosen), names=names)):
            return
        for activity in chosen:
            study_ops.delete_activity(self, self.ctx, activity.id, on_done=lambda _c: None, on_error=self._failed)

    def _failed(self, error: KnownError) -> None:
        self.ctx.hub.statusMessage.emit(error.message)

    # -- text ----------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.year_label.setText(self.tr("Year"))
        self.record_button.setText(self.tr("Record collective study"))
        self.record_button.setToolTip(self.tr("Record a collective study (Ctrl+N)"))
        self.from_meeting_button.setText(self.tr("From meetings…"))
        self.from_meeting_button.setToolTip(self.tr(
            "Count a party lecture, theme party day or party-group study recorded on the Meetings page"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the selected study record to correct it (Enter or double-click)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete a study record made by mistake (Del)"))
        self.own_button.setText(self.tr("Record own study"))
        self.own_button.setToolTip(self.tr("A member's online course, external training or self-study"))
        self.add_cert_button.setText(self.tr("Add certification"))
        self.add_cert_button.setToolTip(self.tr("Add a member's certification (Ctrl+N)"))
        self.edit_cert_button.setText(self.tr("Correct…"))
        self.delete_cert_button.setText(self.tr("Delete"))
        self.export_button.setText(self.tr("Export report…"))
        self.earlier_button.setText(self.tr("Enter earlier hours…"))
        self.earlier_button.setToolTip(self.tr(
            "The hours members had this year before the program was used, typed from the old ledger in one table"))
        self.export_button.setToolTip(self.tr(
            "The year's training summary, the ledger of every member (whatever the search and filters show) and "
            "each member's hours sheet, as an Excel workbook"))
        self.add_material_button.setText(self.tr("Add material"))
        self.add_material_button.setToolTip(self.tr("Add a document or link to the library (Ctrl+N)"))
        self.open_material_button.setText(self.tr("Open"))
        self.send_material_button.setText(self.tr("Send down…"))
        self.delete_material_button.setText(self.tr("Delete"))
        self.activities.set_empty_text(self.tr("No study recorded for this year yet."))
        self.activities.set_search_placeholder(self.tr("Search topic, organiser or materials"))
        self.ledger.set_search_placeholder(self.tr("Search name or party group"))
        self.certifications.set_search_placeholder(self.tr("Search name, certification or issuer"))
        self.materials.set_search_placeholder(self.tr("Search title, tags or file name"))
        self.ledger.set_empty_text(self.tr("No members on the roll in this year."))
        self.certifications.set_empty_text(self.tr("No certifications recorded yet."))
        self.materials.set_empty_text(self.tr("The materials library is empty."))
        for index, title in enumerate((self.tr("Activities"), self.tr("Hours ledger"), self.tr("Certifications"),
                                       self.tr("Materials"))):
            self.tabs.setTabText(index, title)
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
