"""Set a to-do aside (忽略 / 暂缓): the reason, and for a snooze the day it comes back.

The dialog only asks; the workbench runs the operation with ``reason()`` and ``until()``. OK stays
disabled until a reason is typed (the core refuses an empty one too).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

SNOOZE_DAYS = 30
BEFORE_DUE_DAYS = 7


class FindingDecisionDialog(QDialog):
    """Asks why a to-do is dismissed, or until when it is snoozed and why."""

    def __init__(self, message: str, *, snooze: bool, today: date, due: date | None = None,
                 parent: QWidget | None = None) -> None:
        """``due``: the to-do's own deadline; a snooze then comes back by default a week before it (not after it,
        when nothing would remind of it any more), else in thirty days."""
        super().__init__(parent)
        self.snooze = snooze
        self.setWindowTitle(self.tr("Snooze to-do") if snooze else self.tr("Dismiss to-do"))
        self.message_label = QLabel(message, self)
        self.message_label.setWordWrap(True)
        font = self.message_label.font()
        font.setBold(True)
        self.message_label.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setText(
            self.tr("The to-do leaves the list until the day you choose, then comes back.") if snooze else
            self.tr("The to-do leaves the list. You can bring it back from \"Show set aside\"."))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("For example: reported to the committee by phone"))
        self.until_edit = QDateEdit(self)
        self.until_edit.setObjectName("untilEdit")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        first = today + timedelta(days=1)
        self.until_edit.setMinimumDate(QDate(first.year, first.month, first.day))
        later = today + timedelta(days=SNOOZE_DAYS)
        if snooze and due is not None and due >= today:
            before = due - timedelta(days=BEFORE_DUE_DAYS)
            if before < later:  # a deadline within the month: back before it, or tomorrow when that is too late
                later = max(first, before)
                said = (self.tr("Its deadline is {due}: it comes back by default a week before.") if later == before
                        else self.tr("Its deadline is {due}: it comes back by default tomorrow."))
                self.explanation.setText(self.explanation.text() + " " + said.format(due=f"{due:%Y-%m-%d}"))
        self.until_edit.setDate(QDate(later.year, later.month, later.day))
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason_edit)
        if snooze:
            form.addRow(self.tr("Show again on:"), self.until_edit)
        else:
            self.until_edit.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason_edit.text().strip()))

    def reason(self) -> str:
        """The reason typed."""
        return self.reason_edit.text().strip()

    def until(self) -> date | None:
        """The day a snoozed to-do comes back; None for a dismissal."""
        if not self.snooze:
            return None
        d = self.until_edit.date()
        return date(d.year(), d.month(), d.day())
