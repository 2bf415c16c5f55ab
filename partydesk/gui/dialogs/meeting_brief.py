"""制作活动简报: turn a meeting into an activity brief — title, date, summary, chosen photos, names if ticked.

The dialog starts from the meeting (``BriefSource``: its topic, date, record as plain text and the names
of those present); the user edits the text, adds photos and decides whether names are shown. 生成 checks
the brief (no ID- or phone-shaped numbers, photos that exist), asks where to save, and writes the .docx
and/or the 900 px picture on the file lane (``operations.meeting_docs.write_brief``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QSize, QStandardPaths, Qt
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QListWidgetItem, QPushButton, QWidget

from partydesk.core.errors import KnownError, ValidationError
from partydesk.core.io.brief_data import PHOTO_SUFFIXES, BriefData, brief_file_name, check_brief
from partydesk.core.services.meeting_docs import BriefSource
from partydesk.gui.folders import DOCUMENTS, PHOTOS, remember_folder, start_folder
from partydesk.gui.forms.ui_meeting_brief import Ui_MeetingBriefDialog
from partydesk.gui.operations import meeting_docs as doc_ops
from partydesk.gui.operations.meeting_docs import BriefWritten
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

THUMB = 64
PathChooser = Callable[[Path], Path | None]


def thumbnail(path: Path, side: int) -> QIcon:
    """A small picture of the photo, decoded at that size (fast even for a large camera JPEG)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() > 0 and size.height() > 0:
        reader.setScaledSize(size.scaled(QSize(side * 2, side * 2), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()


class MeetingBriefDialog(QDialog):
    """The brief's fields, photos and outputs; ``written`` holds the last ``BriefWritten`` for callers."""

    def __init__(self, ctx: AppContext, source: BriefSource, parent: QWidget | None = None, *,
                 choose_path: PathChooser | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source = source
        self.ui = Ui_MeetingBriefDialog()
        self.ui.setupUi(self)
        self.choose_path = choose_path or self._ask_path
        self.written: BriefWritten | None = None
        mark_as_error_label(self.ui.errorLabel)
        self.create_button = QPushButton(self)
        self.create_button.setDefault(True)
        self.ui.buttonBox.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.clicked.connect(self.make_brief)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.addPhotoButton.clicked.connect(self._pick_photos)
        self.ui.removePhotoButton.clicked.connect(self._remove_photos)
        self.ui.photoList.setIconSize(QSize(THUMB, THUMB))
        self.ui.namesCheck.toggled.connect(self._show_names)
        self.ui.titleEdit.setText(source.title)
        self.ui.dateEdit.setDate(QDate(source.held_on.year, source.held_on.month, source.held_on.day))
        self.ui.summaryEdit.setPlainText(source.summary)
        self.ui.namesCheck.setEnabled(bool(source.names))
        self._show_names(False)
        self._retranslate()
        line = self.fontMetrics().height()
        self.ui.photoList.setMinimumHeight(int(THUMB * 1.6))
        self.ui.summaryEdit.setMinimumHeight(line * 7)
        self.resize(self.fontMetrics().averageCharWidth() * 90, line * 36)

    # -- the brief ---------------------------------------------------------------------------------

    def photos(self) -> list[Path]:
        """The chosen photos, in the order shown."""
        items = self.ui.photoList
        return [Path(items.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(items.count())]

    def add_photos(self, paths: list[Path]) -> None:
        """Add photos (each once) to the list, with a thumbnail."""
        have = set(self.photos())
        for path in paths:
            if path in have or path.suffix.lower() not in PHOTO_SUFFIXES:
                continue
            item = QListWidgetItem(thumbnail(path, THUMB), path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.ui.photoList.addItem(item)
            have.add(path)

    def brief(self) -> BriefData:
        """The brief as the fields now say; names only when the box is ticked."""
        chosen = self.ui.dateEdit.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        names = self.source.names if self.ui.namesCheck.isChecked() else ()
        return BriefData(self.ui.titleEdit.text().strip(), day, self.source.organisation,
                         self.ui.summaryEdit.toPlainText(), tuple(self.photos()), tuple(names))

    def make_brief(self) -> None:
        """Check the brief, ask where to save it and write the chosen files on the file lane."""
        self._error("")
        data = self.brief()
        want_docx, want_png = self.ui.docxCheck.isChecked(), self.ui.pngCheck.isChecked()
        if not (want_docx or want_png):
            self._error(self.tr("Choose at least one thing to create: the Word document or the picture."))
            return
        try:
            check_brief(data)
        except ValidationError as exc:
            self._error(exc.message)
            return
        chosen = self.choose_path(self._default_path(data, ".docx" if want_docx else ".png"))
        if chosen is None:
            return
        docx = chosen.with_suffix(".docx") if want_docx else None
        png = chosen.with_suffix(".png") if want_png else None
        self.create_button.setEnabled(False)
        self.ui.statusLabel.setText(self.tr("Creating the brief…"))
        doc_ops.write_brief(self, self.ctx, data, docx=docx, png=png, on_done=self._done, on_error=self._failed)

    # -- internals ---------------------------------------------------------------------------------

    def _done(self, written: BriefWritten) -> None:
        self.written = written
        self.create_button.setEnabled(True)
        files = [str(p) for p in (written.docx, written.png) if p is not None]
        self.ui.statusLabel.setText(self.tr("Brief saved: {files}").format(files="\n".join(files)))
        self.ctx.hub.statusMessage.emit(self.tr("Brief saved: {files}").format(files="、".join(files)))

    def _failed(self, error: KnownError) -> None:
        self.create_button.setEnabled(True)
        self.ui.statusLabel.clear()
        self._error(error.message)

    def _error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))
        if text:
            grow_to_fit(self)

    def _show_names(self, shown: bool) -> None:
        names = "、".join(self.source.names)
        if not self.source.names:
            self.ui.namesLabel.setText(self.tr("No one was recorded as present."))
        elif shown:
            self.ui.namesLabel.setText(names)
        else:
            self.ui.namesLabel.setText(self.tr("Names are left out of the brief."))

    def _pick_photos(self) -> None:
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        folder = start_folder(self.ctx.settings, PHOTOS, Path(pictures) if pictures and Path(pictures).is_dir()
                              else None)
        pattern = " ".join(f"*{s}" for s in PHOTO_SUFFIXES)
        chosen, _filter = QFileDialog.getOpenFileNames(self, self.tr("Choose photos"), str(folder),
                                                       self.tr("Pictures ({pattern})").format(pattern=pattern))
        if chosen:
            remember_folder(self.ctx.settings, PHOTOS, chosen[0])
        self.add_photos([Path(p) for p in chosen])

    def _remove_photos(self) -> None:
        for item in self.ui.photoList.selectedItems():
            self.ui.photoList.takeItem(self.ui.photoList.row(item))

    def _default_path(self, data: BriefData, suffix: str) -> Path:
        return start_folder(self.ctx.settings, DOCUMENTS) / brief_file_name(data, suffix)

    def _ask_path(self, suggested: Path) -> Path | None:
        title = QCoreApplication.translate("MeetingBriefDialog", "Save the brief as")
        chosen, _filter = QFileDialog.getSaveFileName(self, title, str(suggested))
        if chosen:
            remember_folder(self.ctx.settings, DOCUMENTS, chosen)
        return Path(chosen) if chosen else None

    def _retranslate(self) -> None:
        self.create_button.setText(self.tr("&Create brief…"))
        self._show_names(self.ui.namesCheck.isChecked())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)
