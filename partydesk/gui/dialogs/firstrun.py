"""First-run set-up (初始设置): which organisation this computer keeps records for, and in which role.

Shown once, before the main window, while the database has no site row. OK stays disabled until the
required fields hold something; the real checks are the core's (``validate_organisation`` inside
``initialise_site``), run on the DB lane, and their Chinese message appears next to the field it names.
Cancel writes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QStyle, QWidget

from partydesk.core.domain.organisation import ORG_TYPES, ROLE_BRANCH, ROLE_COMMITTEE
from partydesk.core.errors import KnownError, ValidationError
from partydesk.core.services.setup import OrganisationInput
from partydesk.gui.dialogs.restore_file import FileRestore
from partydesk.gui.forms.ui_firstrun import Ui_FirstRunDialog
from partydesk.gui.operations import settings as settings_ops
from partydesk.gui.widgets.busy_dialog import BusyDialog
from partydesk.gui.widgets.error_label import WARNING_COLOUR, grow_to_fit, mark_as_error_label

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

# The organisation types that are a branch, and those that usually gather branches under them (党组 is
# neither: it leads an organ of state and keeps no branch records of its own here).
BRANCH_TYPES = frozenset({"党支部", "联合党支部", "临时党支部"})
GATHERING_TYPES = frozenset({"党委", "党总支"})

class FirstRunDialog(BusyDialog):
    """Collects the organisation and role, then creates the site through the task runner."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self._busy = False
        self.restored_text = ""  # said once the main window shows, after a set-up from a backup
        self.ui.typeCombo.addItems(list(ORG_TYPES))
        self._errors = {
            "name": self.ui.nameError, "code": self.ui.codeError, "org_type": self.ui.typeError,
            "role": self.ui.roleError, "": self.ui.generalError,
        }
        for label in self._errors.values():
            mark_as_error_label(label)
        title = self.ui.titleLabel.font()
        title.setBold(True)
        title.setPointSizeF(title.pointSizeF() * 1.4)
        self.ui.titleLabel.setFont(title)
        # The explanation sits under its radio button's text, not under the indicator.
        indent = (self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
                  + self.style().pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing))
        for help_label in (self.ui.branchHelp, self.ui.committeeHelp):
            help_label.setIndent(indent)
        for help_label in (self.ui.branchHelp, self.ui.committeeHelp, self.ui.codeHelp):
            palette = help_label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
            help_label.setPalette(palette)
        # A full organisation name is long (中共某某社区第一支部委员会); make room for it from the font.
        self.ui.nameEdit.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 22)
        # A computer that replaces one that broke: take over from its USB backup instead of starting afresh.
        self.restore_button = self.ui.buttonBox.addButton("", QDialogButtonBox.ButtonRole.ResetRole)
        self.restore_button.setObjectName("firstRunRestoreButton")
        self.restore_button.clicked.connect(self.restore_from_file)
        self.file_restore: FileRestore | None = None
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.nameEdit.textChanged.connect(self._update_ok)
        self.ui.codeEdit.textChanged.connect(self._update_ok)
        # An error line goes as soon as its field is changed: it described the old value.
        self.ui.nameEdit.textChanged.connect(lambda: self._clear_error("name"))
        self.ui.codeEdit.textChanged.connect(lambda: self._clear_error("code"))
        self.ui.typeCombo.currentIndexChanged.connect(lambda: self._clear_error("org_type"))
        self.ui.committeeRadio.toggled.connect(lambda: self._clear_error("role"))
        # 组织类别 and 本机使用单位 say related things: each picked by hand sets the other while that one is
        # still as it came, and a pair that does not go together is pointed out (not refused: a 党总支 may
        # keep its own records, a 党支部 may gather the groups of a large enterprise).
        self._type_picked = self._role_picked = False
        self.ui.typeCombo.activated.connect(self._type_chosen)
        self.ui.branchRadio.clicked.connect(self._role_chosen)
        self.ui.committeeRadio.clicked.connect(self._role_chosen)
        self.ui.typeCombo.currentIndexChanged.connect(self._show_mismatch)
        self.ui.committeeRadio.toggled.connect(self._show_mismatch)
        palette = self.ui.mismatchNote.palette()
        palette.setColor(QPalette.ColorRole.WindowText, WARNING_COLOUR)
        self.ui.mismatchNote.setPalette(palette)
        self.ui.mismatchNote.hide()
        self._hints()

    # -- what the user entered ---------------------------------------------------------------------

    def ok_button(self) -> QPushButton:
        """The OK button (enabled once the required fields are filled)."""
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def organisation_input(self) -> OrganisationInput:
        """The form as the core's input record (the core strips and checks it)."""
        return OrganisationInput(
            name=self.ui.nameEdit.text(), code=self.ui.codeEdit.text(), org_type=self.ui.typeCombo.currentText(),
            secretary=self.ui.secretaryEdit.text(),
        )

    def role(self) -> str:
        """"branch" or "committee", from the radio buttons."""
        return ROLE_COMMITTEE if self.ui.committeeRadio.isChecked() else ROLE_BRANCH

    def error_text(self, field: str) -> str:
        """The message shown beside ``field`` ("" for the general one), or "" when none is shown."""
        label = self._errors.get(field, self.ui.generalError)
        return "" if label.isHidden() else label.text()

    # -- accepting ---------------------------------------------------------------------------------

    def accept(self) -> None:
        """Create the site on the DB lane; the dialog closes only when that succeeded."""
        if self._busy or not self.ok_button().isEnabled():
            return
        self._clear_errors()
        self._set_busy(True)
        organisation, role = self.organisation_input(), self.role()
        settings_ops.initialise_site(self, self.ctx, organisation=organisation, role=role, on_done=self._created,
                                     on_error=self._failed)


    def restore_from_file(self) -> FileRestore:
        """Set this computer up from a USB backup (or a backup file) instead; closes once it is open."""
        flow = FileRestore(self.ctx, self, replacing=False)
        flow.restored.connect(lambda _result: self._restored(flow))
        flow.stopped.connect(lambda: self._set_busy(False))
        self.file_restore = flow
        self._set_busy(True)
        flow.start()
        return flow

    def _restored(self, flow: FileRestore) -> None:
        contents = flow.contents
        if contents is not None:
            self.restored_text = self.tr(
                "Restored: this computer now keeps the records of {name} ({members} members), as they were "
                "when the backup was made.").format(name=contents.organisation_name, members=contents.members)
        QDialog.accept(self)

    def _created(self, _changes: object) -> None:
        self._set_busy(False)
        QDialog.accept(self)

    def _failed(self, error: KnownError) -> None:
        self._set_busy(False)
        field = error.field if isinstance(error, ValidationError) else ""
        label = self._errors.get(field, self.ui.generalError)
        label.setText(error.message)
        label.show()
        grow_to_fit(self)  # the message adds a line; the fields above keep their height
        widget = {"name": self.ui.nameEdit, "code": self.ui.codeEdit, "org_type": self.ui.typeCombo}.get(field)
        if widget is not None:
            widget.setFocus()

    # -- 组织类别 and 本机使用单位 together -----------------------------------------------------------

    def _type_chosen(self) -> None:
        self._type_picked = True
        org_type = self.ui.typeCombo.currentText()
        if not self._role_picked and org_type in BRANCH_TYPES | GATHERING_TYPES:
            (self.ui.committeeRadio if org_type in GATHERING_TYPES else self.ui.branchRadio).setChecked(True)

    def _role_chosen(self) -> None:
        self._role_picked = True
        if self._type_picked:
            return
        committee = self.ui.committeeRadio.isChecked()
        org_type = self.ui.typeCombo.currentText()
        if committee and org_type in BRANCH_TYPES:
            self.ui.typeCombo.setCurrentText("党委")
        elif not committee and org_type in GATHERING_TYPES:
            self.ui.typeCombo.setCurrentText("党支部")

    def mismatch_text(self) -> str:
        """The note under the role when the type and the role do not go together ("" when they do)."""
        org_type = self.ui.typeCombo.currentText()
        if self.ui.committeeRadio.isChecked() and org_type in BRANCH_TYPES:
            return self.tr("The organisation type is {type}, but this computer is to be a committee's: a committee's "
                           "copy gathers the sync files of the branches under it. Please check the choice.").format(
                type=org_type)
        if self.ui.branchRadio.isChecked() and org_type == "党委":
            text = self.tr("The organisation type is {type}, but this computer is to be a branch's: a committee "
                           "that gathers its branches' records should choose the committee. Please check the choice.")
            return text.format(type=org_type)
        return ""

    def _show_mismatch(self) -> None:
        text = self.mismatch_text()
        note = self.ui.mismatchNote
        if bool(text) == note.isHidden():
            if text:
                note.setText(text)
                note.show()
                grow_to_fit(self)
            else:  # the room it took is given back: a gap stayed under the choice, and the buttons had moved down
                layout = self.layout()
                taken = note.height() + max(0, layout.spacing() if layout is not None else 0)
                note.hide()
                if layout is not None and self.isVisible():
                    layout.activate()
                    self.resize(self.width(), max(self.minimumSizeHint().height(), self.height() - taken))
        note.setText(text)

    # -- state -------------------------------------------------------------------------------------

    def _clear_error(self, field: str) -> None:
        for key in (field, ""):  # the general line too: it was about the form as it was
            label = self._errors[key]
            if not label.isHidden():
                label.clear()
                label.hide()

    def _clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.ui.organisationGroup, self.ui.roleGroup, self.ui.buttonBox):
            widget.setEnabled(not busy)
        if not busy:
            self._update_ok()

    def _update_ok(self) -> None:
        filled = bool(self.ui.nameEdit.text().strip()) and bool(self.ui.codeEdit.text().strip())
        self.ok_button().setEnabled(filled)
        # A greyed 确定 says why (a tooltip shows on a disabled button too).
        self.ok_button().setToolTip("" if filled else self.tr(
            "Fill in the organisation's name and its code first."))

    def _hints(self) -> None:
        self.restore_button.setText(self.tr("Restore from a backup…"))
        self.restore_button.setToolTip(self.tr(
            "On a new computer: bring back the records from a USB backup made on the old one."))
        self.ui.nameEdit.setPlaceholderText(self.tr("For example: 中共示范社区第一支部委员会"))
        self._update_ok()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._hints()
            self._show_mismatch()
        super().changeEvent(event)
