"""The 会议文档 button: a menu of 导出PDF / 打印 / 导出Word / 制作活动简报… for the meeting in view.

The meetings page and the record dialog place it with ``MeetingDocsButton(ctx, meeting_id_getter)``; the
getter answers which meeting is meant (None: none chosen yet). The minutes are read on the DB lane
(audited), files are written on the file lane, and the printer is chosen in ``QPrintDialog``.
``request_register`` writes the year's 会议台账 the same way, for a page that offers it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from partydesk.core.errors import KnownError
from partydesk.core.io.meeting_register import register_file_name
from partydesk.core.io.minutes_data import MinutesData, minutes_file_name
from partydesk.core.io.minutes_html import minutes_html
from partydesk.core.services.meeting_docs import BriefSource
from partydesk.gui.dialogs.meeting_brief import MeetingBriefDialog
from partydesk.gui.folders import DOCUMENTS, remember_folder, start_folder
from partydesk.gui.operations import meeting_docs as doc_ops
from partydesk.gui.operations.meeting_docs import MinutesFormat
from partydesk.gui.pdf import print_html
from partydesk.gui.widgets.saved_box import show_saved

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

# (suggested path, file-type filter) -> the path chosen, or None when the user cancelled
PathChooser = Callable[[Path, str], Path | None]


def ask_save_path(parent: QWidget | None, title: str, settings: QSettings | None = None) -> PathChooser:
    """A chooser that asks with ``QFileDialog`` and keeps the suggested suffix when the user typed none; the
    folder chosen is where the next document is offered (``folders.remember_folder``)."""

    def choose(suggested: Path, file_filter: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
        if not chosen:
            return None
        remember_folder(settings, DOCUMENTS, chosen)
        path = Path(chosen)
        return path if path.suffix.lower() == suggested.suffix.lower() else path.with_name(path.name + suggested.suffix)

    return choose


class MeetingDocsButton(QPushButton):
    """会议文档 ▾: the minutes as PDF, on paper or as Word, and an activity brief of the meeting."""

    def __init__(self, ctx: AppContext, meeting_id_getter: Callable[[], str | None], parent: QWidget | None = None,
                 *, choose_path: PathChooser | None = None, year_getter: Callable[[], int] | None = None) -> None:
        """``year_getter``: the year the page shows, for the whole year's 会议台账 (offered only with one)."""
        super().__init__(parent)
        self.setObjectName("meetingDocsButton")
        self.ctx = ctx
        self.meeting_id_getter = meeting_id_getter
        self.year_getter = year_getter
        self.choose_path = choose_path
        self.brief_dialog: MeetingBriefDialog | None = None
        self.pdf_action = QAction(self)
        self.pdf_action.triggered.connect(lambda: self.request("pdf"))
        self.print_action = QAction(self)
        self.print_action.triggered.connect(lambda: self.request("print"))
        self.docx_action = QAction(self)
        self.docx_action.triggered.connect(lambda: self.request("docx"))
        self.brief_action = QAction(self)
        self.brief_action.triggered.connect(self.request_brief)
        self.register_action = QAction(self)
        self.register_action.setObjectName("registerAction")
        self.register_action.triggered.connect(self.request_year_register)
        menu = QMenu(self)
        for action in (self.pdf_action, self.print_action, self.docx_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.brief_action)
        if year_getter is not None:
            menu.addSeparator()
            menu.addAction(self.register_action)
            menu.aboutToShow.connect(self._name_register)  # the year the page shows now
        self.setMenu(menu)
        self._retranslate()

    def request(self, kind: MinutesFormat) -> None:
        """Read the chosen meeting's minutes, then save them as ``kind`` (pdf/docx) or print them."""
        meeting_id = self._meeting_id()
        if meeting_id is not None:
            doc_ops.load_minutes(self, self.ctx, meeting_id, purpose=kind, on_error=self._failed,
                                 on_done=lambda minutes: self._minutes_ready(kind, minutes))

    def request_brief(self) -> None:
        """Open the brief dialog for the chosen meeting."""
        meeting_id = self._meeting_id()
        if meeting_id is not None:
            doc_ops.load_brief_source(self, self.ctx, meeting_id, on_done=self._open_brief, on_error=self._failed)

    def request_year_register(self) -> None:
        """Save the shown year's 会议台账 (every meeting of the year, one workbook); no meeting need be chosen."""
        if self.year_getter is not None:
            request_register(self.ctx, self, self.year_getter(), choose_path=self.choose_path)

    def _meeting_id(self) -> str | None:
        meeting_id = self.meeting_id_getter()
        if not meeting_id:
            self.ctx.hub.statusMessage.emit(self.tr("Choose a meeting first."))
            return None
        return meeting_id

    def _minutes_ready(self, kind: MinutesFormat, minutes: MinutesData) -> None:
        if kind == "print":
            print_html(self.window(), minutes_html(minutes), title=minutes.title,
                       running=minutes.running_head)
            return
        suffix = ".pdf" if kind == "pdf" else ".docx"
        file_filter = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("Word documents (*.docx)")
        chooser = self.choose_path or ask_save_path(self.window(), self.tr("Save the minutes as"), self.ctx.settings)
        path = chooser(start_folder(self.ctx.settings, DOCUMENTS) / minutes_file_name(minutes, suffix), file_filter)
        if path is not None:
            doc_ops.write_minutes(self, self.ctx, minutes, path, on_done=self._saved, on_error=self._failed)

    def _open_brief(self, source: BriefSource) -> None:
        self.brief_dialog = MeetingBriefDialog(self.ctx, source, self.window())
        self.brief_dialog.setModal(True)
        self.brief_dialog.show()

    def _saved(self, path: Path) -> None:
        self.ctx.hub.statusMessage.emit(self.tr("Minutes saved: {path}").format(path=str(path)))
        show_saved(self, self.tr("Meeting documents"), self.tr("The minutes are saved:"), path)

    def _failed(self, error: KnownError) -> None:
        QMessageBox.warning(self.window(), self.tr("Meeting documents"), error.message)

    def _retranslate(self) -> None:
        self.setText(self.tr("Documents"))
        self.setToolTip(self.tr("The minutes of this meeting as PDF, on paper or as Word, and an activity brief"))
        self.pdf_action.setText(self.tr("Export PDF…"))
        self.print_action.setText(self.tr("Print…"))
        self.docx_action.setText(self.tr("Export Word…"))
        self.brief_action.setText(self.tr("Make activity brief…"))
        self._name_register()

    def _name_register(self) -> None:
        year = self.year_getter() if self.year_getter is not None else 0
        self.register_action.setText(self.tr("Meeting register of {year} (Excel)…").format(year=year))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def request_register(ctx: AppContext, parent: QWidget, year: int, *, choose_path: PathChooser | None = None,
                     on_saved: Callable[[Path, int], None] | None = None) -> None:
    """Ask where to save ``year``'s 会议台账 (.xlsx), then read and write it off the GUI thread."""
    translate = QCoreApplication.translate
    chooser = choose_path or ask_save_path(parent.window(), translate("MeetingDocs", "Save the meeting register as"),
                                           ctx.settings)
    path = chooser(start_folder(ctx.settings, DOCUMENTS) / register_file_name(year),
                   translate("MeetingDocs", "Excel workbooks (*.xlsx)"))
    if path is None:
        return

    def saved(result: tuple[Path, int]) -> None:
        written, count = result
        ctx.hub.statusMessage.emit(translate("MeetingDocs", "Meeting register saved ({count} meetings): {path}")
                                   .format(count=count, path=str(written)))
        said = translate("MeetingDocs", "The meeting register of {year} ({count} meetings) is saved:")
        show_saved(parent, translate("MeetingDocs", "Meeting register"), said.format(year=year, count=count), written)
        if on_saved is not None:
            on_saved(written, count)

    def failed(error: KnownError) -> None:
        QMessageBox.warning(parent.window(), translate("MeetingDocs", "Meeting register"), error.message)

    doc_ops.export_register(parent, ctx, year, path, on_done=saved, on_error=failed)
