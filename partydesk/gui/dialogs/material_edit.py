"""Add to the materials library (学习资料): title, tags, date, and a file or a link.

A chosen file is copied into the attachments folder by its content hash on the file lane, then the item is
recorded on the DB lane (``operations.study.add_material``); the dialog closes only when both succeeded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from partydesk.core.domain.study_records import MaterialData
from partydesk.core.errors import KnownError
from partydesk.gui.dialogs.study_fields import use_date_field
from partydesk.gui.folders import ATTACHMENTS, ask_open_file
from partydesk.gui.forms.ui_material_edit import Ui_MaterialEditDialog
from partydesk.gui.operations import study as study_ops
from partydesk.gui.widgets.discard_guard import DiscardGuard
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


class MaterialEditDialog(DiscardGuard, QDialog):
    """The dialog."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MaterialEditDialog()
        self.ui.setupUi(self)
        self.dated = use_date_field(self.ui.datedEdit, "日期")
        self.dated.problemChanged.connect(self._show_error)
        mark_as_error_label(self.ui.errorLabel)
        self.ui.browseButton.clicked.connect(self.choose_file)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.resize(self.fontMetrics().horizontalAdvance("汉") * 40, self.sizeHint().height())
        self.mark_clean()

    def choose_file(self) -> None:
        """Pick the document; its name becomes the title when none is typed yet."""
        name = ask_open_file(self, self.ctx.settings, ATTACHMENTS, self.tr("Choose the document"),
                             self.tr("Documents (*.pdf *.docx *.doc *.wps *.txt *.xlsx *.pptx);;All files (*)"))
        if name:
            self.ui.fileEdit.setText(name)
            if not self.ui.titleEdit.text().strip():
                self.ui.titleEdit.setText(Path(name).stem)

    def save(self) -> None:
        """Store the file (if any) and record the item."""
        if not self.dated.check():
            return
        file_text = self.ui.fileEdit.text().strip()
        source = Path(file_text) if file_text else None
        data = MaterialData(self.ui.titleEdit.text().strip(), " ".join(self.ui.tagsEdit.text().split()),
                            self.dated.value(), link=self.ui.linkEdit.text().strip())
        if source is not None and data.link:
            self._show_error(self.tr("Give a file or a link, not both."))
            return
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        study_ops.add_material(self, self.ctx, data, source, on_done=lambda _c: self.accept(), on_error=self._failed)

    def _failed(self, error: KnownError) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self._show_error(error.message)

    def _show_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))
        grow_to_fit(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)
