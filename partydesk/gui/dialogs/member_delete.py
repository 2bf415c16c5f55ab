"""Confirm deleting a member (删除党员): names the member, requires a reason, deletes nothing on cancel. On a
committee, a branch's member is named as that branch's: the deletion travels down to it as a correction.

Deleting is for records that should never have existed (a typing mistake, a duplicate). A member who
transferred out, died or left the Party keeps the record and gets a dated event instead, so the dialog
says so before anything else. The dialog only asks: the page runs ``delete_member`` with ``reason()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from partydesk.gui.translate import QT_TRANSLATE_NOOP
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label
from partydesk.gui.widgets.reason_dialog import destructive_buttons, question_label

REASONS = (
    QT_TRANSLATE_NOOP("MemberDeleteDialog", "Entered by mistake"),
    QT_TRANSLATE_NOOP("MemberDeleteDialog", "Entered twice (duplicate)"),
    QT_TRANSLATE_NOOP("MemberDeleteDialog", "Not a member of this branch"),
    QT_TRANSLATE_NOOP("MemberDeleteDialog", "Other (please explain)"),
)
OTHER = len(REASONS) - 1


class MemberDeleteDialog(QDialog):
    """Asks "delete <name>?" with a reason; OK only once a reason is given."""

    def __init__(self, name: str, parent: QWidget | None = None, *, branch: str = "") -> None:
        super().__init__(parent)
        self.member_name = name
        self.branch = branch  # on a committee: the branch whose member this is (the delete goes to it)
        self.question = question_label(self, scale=1.15)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.reason_label = QLabel(self)
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("reasonCombo")
        for _ in REASONS:
            self.reason_combo.addItem("")
        self.reason_combo.setCurrentIndex(-1)
        self.reason_label.setBuddy(self.reason_combo)
        self.detail_label = QLabel(self)
        self.detail_edit = QLineEdit(self)
        self.detail_edit.setObjectName("detailEdit")
        self.detail_edit.setMaxLength(200)
        self.detail_label.setBuddy(self.detail_edit)
        self.hint = QLabel(self)
        mark_as_error_label(self.hint)
        self.buttons = destructive_buttons(self)  # Enter cancels: deleting needs the button itself

        form = QFormLayout()
        form.addRow(self.reason_label, self.reason_combo)
        form.addRow(self.detail_label, self.detail_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self.reason_combo.currentIndexChanged.connect(self._update)
        self.detail_edit.textChanged.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        width = self.fontMetrics().horizontalAdvance("汉") * 30
        self.explanation.setMinimumWidth(width)
        self._retranslate()
        self._update()

    def ok_button(self) -> QPushButton:
        """The delete button (enabled once a reason is given)."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def reason(self) -> str:
        """The reason as it will be stored: the chosen reason, plus the explanation when given."""
        index = self.reason_combo.currentIndex()
        detail = self.detail_edit.text().strip()
        if index < 0:
            return detail
        if index == OTHER:
            return detail
        chosen = self.reason_combo.itemText(index)
        return f"{chosen}：{detail}" if detail else chosen

    def set_reason(self, index: int, detail: str = "") -> None:
        """Choose reason ``index`` (of REASONS) and type ``detail`` (for tests and keyboard users)."""
        self.reason_combo.setCurrentIndex(index)
        self.detail_edit.setText(detail)

    def _update(self) -> None:
        index = self.reason_combo.currentIndex()
        needs_detail = index == OTHER
        ok = index >= 0 and (not needs_detail or bool(self.detail_edit.text().strip()))
        self.ok_button().setEnabled(ok)
        if needs_detail and not self.detail_edit.text().strip():
            self.hint.setText(self.tr("Please explain the reason."))
            if self.hint.isHidden():
                self.hint.show()
                grow_to_fit(self)  # one more line: the explanation above must not be clipped
        else:
            self.hint.hide()

    def accept(self) -> None:
        if self.ok_button().isEnabled():
            super().accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Delete member"))
        self.question.setText(self.tr("Delete the member “{name}”?").format(name=self.member_name))
        self.explanation.setText(self.tr(
            "Deleting removes this person's details for good; it cannot be undone. Use it only for a record "
            "entered by mistake. If the member transferred out, died or left the Party, keep the record and "
            "use “Record a change” on the member's page instead. Backups made before today still hold the "
            "record until they age out (within about ten months).")
            + ("\n\n" + self.tr(
                "This is a member of {branch}: the deletion is sent to the branch as the committee's correction "
                "in the next package, and removes the member from its roll too.").format(branch=self.branch)
               if self.branch else ""))
        self.reason_label.setText(self.tr("Reason:"))
        self.detail_label.setText(self.tr("Explanation:"))
        self.detail_edit.setPlaceholderText(self.tr("Required for “Other”, optional otherwise"))
        for row, text in enumerate(REASONS):
            self.reason_combo.setItemText(row, QCoreApplication.translate("MemberDeleteDialog", text))
        self.reason_combo.setPlaceholderText(self.tr("Choose a reason"))
        self.ok_button().setText(self.tr("Delete"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
