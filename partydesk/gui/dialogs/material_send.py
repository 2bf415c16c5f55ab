"""下发学习资料: a committee sends one of its own study materials to the branches it ticks (or to all).

The material goes with the next downward package to each branch (``services.notices.send_material``); at
the branch it appears in the library marked 上级下发 and cannot be changed there. A material that came from
above cannot be sent on (the service says so).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from partydesk.core.errors import KnownError
from partydesk.gui.operations import notices as ops
from partydesk.gui.widgets.all_targets import follow_all, searchable
from partydesk.gui.widgets.error_label import mark_as_error_label

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

CODE_ROLE = Qt.ItemDataRole.UserRole


class MaterialSendDialog(QDialog):
    """Tick the branches (``branches``: organisation code, name) to send the material ``material_id`` to;
    those it goes to already (``sent``) are ticked and marked, so sending again adds to them."""

    def __init__(self, ctx: AppContext, material_id: str, title: str, branches: list[tuple[str, str]],
                 parent: QWidget | None = None, *, sent: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("MaterialSendDialog")
        self.ctx = ctx
        self.material_id = material_id
        self.material_title = title
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.all_check = QCheckBox(self)
        self.all_check.setObjectName("allCheck")
        self.target_list = QListWidget(self)
        self.target_list.setObjectName("targetList")
        already = self.tr("(sent already)")
        for code, name in branches:
            item = QListWidgetItem(f"{code}  {name}" + (f"  {already}" if code in sent else ""), self.target_list)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in sent else Qt.CheckState.Unchecked)
        follow_all(self.all_check, self.target_list)
        # As a notice: every branch, unless the committee narrows it; once sent, the branches it went to.
        self.all_check.setChecked(not sent)
        self.error_label = QLabel(self)
        mark_as_error_label(self.error_label)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        for widget in (self.heading, self.all_check, self.target_list, self.error_label, self.buttons):
            box.addWidget(widget)
        self.target_search = searchable(self.target_list)
        self._retranslate()
        self.target_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        self.resize(self.fontMetrics().horizontalAdvance("汉") * 34, self.sizeHint().height())

    def ticked(self) -> list[str]:
        """The organisation codes ticked."""
        items = (self.target_list.item(i) for i in range(self.target_list.count()))
        return [i.data(CODE_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def send(self) -> None:
        """Address the material to the branches ticked (or all) on the DB lane; close when done."""
        to_all = self.all_check.isChecked()
        to = [] if to_all else self.ticked()
        if not to_all and not to:
            self._show_error(self.tr("Tick at least one branch, or 'All branches'."))
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        said = (self.tr("“%1” goes down to every branch registered here with the next package to each.") if to_all
                else self.tr("“%1” goes down to {count} branch(es) with the next package to each.").format(
                    count=len(to)))
        said = said.replace("%1", self.material_title)

        def sent(_changes: object) -> None:
            self.ctx.hub.statusMessage.emit(said)
            self.accept()

        ops.send_material(self, self.ctx, self.material_id, to=to, to_all=to_all, on_done=sent,
                          on_error=self._failed)

    def _failed(self, error: KnownError) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self._show_error(error.message)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Send study material down"))
        self.heading.setText(self.tr("Send “%1” with the next package to:").replace("%1", self.material_title))
        self.all_check.setText(self.tr("All branches registered here"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send down"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
