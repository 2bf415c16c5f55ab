"""Add a member's certification or qualification (技能证书): member, name, issuer, obtained, valid until; or
correct one recorded (``editing``: a mistyped date, a renewal written over the old one).

Saves through ``services.study`` on the DB lane and closes only when that succeeded; a date the field cannot
read, or the core's message, is shown in the dialog.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.study_records import CertificationData
from partydesk.core.errors import KnownError
from partydesk.gui.dialogs.study_fields import use_date_field
from partydesk.gui.forms.ui_cert_edit import Ui_CertEditDialog
from partydesk.gui.operations import study as study_ops
from partydesk.gui.widgets.busy_dialog import focus_at_fault
from partydesk.gui.widgets.discard_guard import DiscardGuard
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


class CertEditDialog(DiscardGuard, QDialog):
    """The dialog; ``roll`` lists the members to choose from."""

    def __init__(self, ctx: AppContext, roll: list[RollMember], parent: QWidget | None = None, *,
                 editing: tuple[str, str, CertificationData] | None = None) -> None:
        """``editing``: (id, holder's name, record) of the certification to correct; None adds one."""
        super().__init__(parent)
        self.ctx = ctx
        self.editing = editing
        self.ui = Ui_CertEditDialog()
        self.ui.setupUi(self)
        self.obtained = use_date_field(self.ui.obtainedEdit, "取得日期")
        self.expires = use_date_field(self.ui.expiresEdit, "有效期")
        for field in (self.obtained, self.expires):
            field.problemChanged.connect(self._show_error)
        mark_as_error_label(self.ui.errorLabel)
        for m in roll:
            self.ui.memberCombo.addItem(f"{m.name}（{m.party_group}）" if m.party_group else m.name, m.id)
        if editing is not None:
            self._fill(editing[1], editing[2])
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.resize(self.fontMetrics().horizontalAdvance("汉") * 34, self.sizeHint().height())
        self._retitle()
        self.mark_clean()

    def _fill(self, holder: str, data: CertificationData) -> None:
        position = self.ui.memberCombo.findData(data.member_id)
        if position < 0:  # no longer on the roll: still the certificate's holder
            self.ui.memberCombo.addItem(holder, data.member_id)
            position = self.ui.memberCombo.count() - 1
        self.ui.memberCombo.setCurrentIndex(position)
        self.ui.nameEdit.setText(data.name)
        self.ui.issuerEdit.setText(data.issuer)
        self.obtained.set_value(data.obtained_on)
        self.expires.set_value(data.expires_on)

    def _retitle(self) -> None:
        if self.editing is not None:
            self.setWindowTitle(self.tr("Correct a certification"))

    def save(self) -> None:
        """Check the dates, then record on the DB lane."""
        if not (self.obtained.check() and self.expires.check()):
            return
        data = CertificationData(self.ui.memberCombo.currentData() or "", self.ui.nameEdit.text().strip(),
                                 self.ui.issuerEdit.text().strip(), self.obtained.value(), self.expires.value())
        if self.editing is not None:
            data = replace(data, notes=self.editing[2].notes)  # what the form does not show is kept
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        if self.editing is None:
            study_ops.add_certification(self, self.ctx, data, on_done=lambda _c: self.accept(), on_error=self._failed)
        else:
            study_ops.update_certification(self, self.ctx, self.editing[0], data, on_done=lambda _c: self.accept(),
                                           on_error=self._failed)

    def _failed(self, error: KnownError) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self._show_error(error.message)
        focus_at_fault(error, {"member_id": self.ui.memberCombo, "name": self.ui.nameEdit,
                               "expires_on": self.expires}, self.ui.nameEdit)

    def _show_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))
        grow_to_fit(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retitle()
        super().changeEvent(event)
