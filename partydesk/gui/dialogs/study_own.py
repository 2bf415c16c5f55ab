"""Record a member's own study (个人学习): an online course, external training or self-study, with optional proof.

The hours are typed as 学时 (a course's certificate usually states them). A proof file is optional — the
program never demands screenshots (DOMAIN.md on 过度留痕) — and is stored by its content beside the
database. Saves through ``operations.study.add_own_course``; the dialog closes only when that succeeded.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.study import STUDY_FORMS, to_tenths
from partydesk.core.domain.study_records import ActivityData
from partydesk.core.errors import KnownError
from partydesk.gui.dialogs.study_fields import use_date_field
from partydesk.gui.folders import ATTACHMENTS, ask_open_file
from partydesk.gui.forms.ui_study_own import Ui_StudyOwnDialog
from partydesk.gui.operations import study as study_ops
from partydesk.gui.widgets.discard_guard import DiscardGuard
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label
from partydesk.gui.widgets.look_again import ask_first
from partydesk.gui.widgets.name_search import SEARCH_ROLE, chosen, search_names, searchable_text

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

OWN_FORMS = ("online", "self", "class", "remote")  # own courses first; external classes too


class StudyOwnDialog(DiscardGuard, QDialog):
    """The dialog; ``roll`` lists the members to choose from."""

    def __init__(self, ctx: AppContext, roll: list[RollMember], rules: Mapping[str, int] | None = None, *,
                 day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        rules = rules or {}
        # More than a whole year's requirement in one entry is most often a digit too many (500 for 50): asked.
        self.year_most = max(rules.get("study.member.hours", 32), rules.get("study.leader.hours", 56))
        self.ui = Ui_StudyOwnDialog()
        self.ui.setupUi(self)
        self.date = use_date_field(self.ui.dateEdit, "日期", required=True)
        self.date.problemChanged.connect(self._show_error)
        self.date.set_value(day or date.today())
        mark_as_error_label(self.ui.errorLabel)
        # No member chosen until the office picks one (the first of the list was taken silently): typed as a
        # name or its pinyin, as on the roster, or picked from the list.
        members = self.ui.memberCombo
        search_names(members)
        for m in roll:
            members.addItem(f"{m.name}（{m.party_group}）" if m.party_group else m.name, m.id)
            members.setItemData(members.count() - 1, searchable_text(m.name), SEARCH_ROLE)
        members.setCurrentIndex(-1)
        self._name_hint()
        names = {f.code: f.name for f in STUDY_FORMS}
        for code in OWN_FORMS:
            self.ui.formCombo.addItem(names[code], code)
        self.ui.browseButton.clicked.connect(self.choose_file)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.resize(self.fontMetrics().horizontalAdvance("汉") * 38, self.sizeHint().height())
        self.mark_clean()

    def choose_file(self) -> None:
        """Pick the certificate or proof."""
        name = ask_open_file(self, self.ctx.settings, ATTACHMENTS, self.tr("Choose the proof"), self.tr(
            "Documents and pictures (*.pdf *.jpg *.jpeg *.png *.docx *.doc);;All files (*)"))
        if name:
            self.ui.evidenceEdit.setText(name)

    def save(self) -> None:
        """Store the proof (if any) and record the course."""
        day = self.date.value() if self.date.check() else None
        if day is None:
            return
        member_id = chosen(self.ui.memberCombo)
        if member_id is None:
            self._show_error(self.tr("Choose the member whose study this is: type the name or its pinyin initials "
                                     "and pick it from the list."))
            self.ui.memberCombo.setFocus()
            return
        hours = self.ui.hoursSpin.value()
        if hours > self.year_most and not self._many_hours_meant(hours):
            self.ui.hoursSpin.setFocus()
            return
        evidence_text = self.ui.evidenceEdit.text().strip()
        data = ActivityData(form_code=self.ui.formCombo.currentData(), topic=self.ui.topicEdit.text().strip(),
                            start_on=day, end_on=day, hours_tenths=to_tenths(f"{self.ui.hoursSpin.value():.1f}"),
                            organiser=self.ui.organiserEdit.text().strip(), basis="个人学习")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        study_ops.add_own_course(self, self.ctx, str(member_id), data,
                                 Path(evidence_text) if evidence_text else None,
                                 on_done=lambda _r: self.accept(), on_error=self._failed)

    def _many_hours_meant(self, hours: float) -> bool:
        """Ask before one course is credited more than a year's study; the default answer goes back."""
        return ask_first(self, self.tr(
            "{hours} study hours in one entry is more than a whole year's requirement ({most} hours). Was a digit "
            "typed too many? Record it only if the certificate says so.").format(hours=f"{hours:g}",
                                                                                  most=self.year_most),
            self.tr("Record"), "recordManyButton")

    def saved_on(self) -> date | None:
        """The course's day, as saved (the page shows its year)."""
        return self.date.value()

    def _failed(self, error: KnownError) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self._show_error(error.message)

    def _show_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))
        grow_to_fit(self)

    def _name_hint(self) -> None:
        line = self.ui.memberCombo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Name or pinyin initials, or pick from the list"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._name_hint()
        super().changeEvent(event)
