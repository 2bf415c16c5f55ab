"""Write a notice (通知) at a committee: title, issuing office, optional deadline, text, files, and the
branches it goes to (all registered ones, or those ticked).

The files are copied into the attachment store on the file lane, then the notice is recorded and
addressed on the DB lane (``operations.notices.publish``); the dialog closes only when both succeeded.

What is typed is kept as a draft beside the database (``form_drafts``, as ``notice-new-<uuid>.json``): a power
cut loses nothing, and a draft left from before is offered in a bar at the top, or asked about at start-up
(``offer_leftover_notice``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QMessageBox, QWidget

from partydesk.core import drafts
from partydesk.core.domain.notices import NoticeData
from partydesk.core.errors import KnownError
from partydesk.gui.dialogs.form_drafts import keep_drafts, put_widget_values, taken_up, widget_values
from partydesk.gui.dialogs.study_fields import use_date_field
from partydesk.gui.folders import ATTACHMENTS, ask_open_files
from partydesk.gui.forms.ui_notice_edit import Ui_NoticeEditDialog
from partydesk.gui.operations import notices as ops
from partydesk.gui.operations import run
from partydesk.gui.widgets.all_targets import follow_all, searchable
from partydesk.gui.widgets.discard_guard import DiscardGuard
from partydesk.gui.widgets.enter_key import enter_moves_on
from partydesk.gui.widgets.error_label import grow_to_fit, mark_as_error_label
from partydesk.gui.widgets.screen_room import fit_to_screen

if TYPE_CHECKING:
    from partydesk.core.services.notices import NoticeAdded
    from partydesk.gui.context import AppContext

CODE_ROLE = Qt.ItemDataRole.UserRole

translate = QCoreApplication.translate


class NoticeEditDialog(DiscardGuard, QDialog):
    """The dialog; ``branches`` are (organisation code, name) of the registered child sites."""

    published = Signal(str)  # the new notice's id, once it is written

    def __init__(self, ctx: AppContext, branches: list[tuple[str, str]], *, issuer: str = "",
                 today: date | None = None, parent: QWidget | None = None, draft: drafts.Draft | None = None) -> None:
        """``draft``: a notice left unsaved, typed in."""
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.ui = Ui_NoticeEditDialog()
        self.ui.setupUi(self)
        self.deadline = use_date_field(self.ui.deadlineEdit, "截止日期")
        self.deadline.problemChanged.connect(self._show_error)
        mark_as_error_label(self.ui.errorLabel)
        self._grown_by = 0  # how much taller the dialog became for the message line
        self.ui.issuerEdit.setText(issuer)
        for code, name in branches:
            item = QListWidgetItem(f"{code}  {name}", self.ui.targetList)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        follow_all(self.ui.allCheck, self.ui.targetList)
        self._error_field = ""  # what the message shown is about: it goes once that is changed
        self.ui.targetList.itemChanged.connect(lambda _item: self._changed("to"))
        self.ui.allCheck.toggled.connect(lambda _on: self._changed("to"))
        self.ui.titleEdit.textChanged.connect(lambda _text: self._changed("title"))
        self.ui.addFileButton.clicked.connect(self.choose_files)
        self.ui.removeFileButton.clicked.connect(self.remove_file)
        # 移除 acts on the chosen file: offered only while one is chosen.
        self.ui.filesList.itemSelectionChanged.connect(
            lambda: self.ui.removeFileButton.setEnabled(bool(self.ui.filesList.selectedItems())))
        self.ui.removeFileButton.setEnabled(False)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        # A published notice goes to the branches as it is: Enter after the title moves on, and 发布 asks first.
        enter_moves_on(self.ui.titleEdit, self.ui.issuerEdit, self.deadline)
        self._branch_names = dict(branches)
        self._retranslate()
        rows = self.fontMetrics().lineSpacing()
        self.ui.bodyEdit.setMinimumHeight(rows * 8)
        self.ui.filesList.setMaximumHeight(rows * 4)
        self.ui.targetList.setMaximumHeight(rows * 6)
        self.target_search = searchable(self.ui.targetList)  # (taller, with many branches)
        self.mark_clean()
        self.drafts = keep_drafts(self, self.ui.mainLayout, prefix=drafts.NOTICE, record_id=None,
                                  state=self.draft_state, apply=self.apply_draft, given=draft, bar_text=self.tr(
                                      "A notice was being written and not saved (kept automatically at {when}). "
                                      "Restore what was typed?"))
        fit_to_screen(self, QSize(self.fontMetrics().horizontalAdvance("汉") * 46, self.sizeHint().height()))

    def choose_files(self) -> None:
        """Choose files to send with the notice."""
        names = ask_open_files(self, self.ctx.settings, ATTACHMENTS, self.tr("Choose files"), self.tr(
            "Documents (*.pdf *.docx *.doc *.wps *.txt *.xlsx *.xls *.pptx);;All files (*)"))
        self.add_files(names)

    def add_files(self, names: list[str]) -> None:
        """List these files (once each) to go with the notice."""
        have = set(self.sources())
        for name in names:
            if Path(name) not in have:
                have.add(Path(name))
                item = QListWidgetItem(Path(name).name, self.ui.filesList)
                item.setData(CODE_ROLE, name)
                item.setToolTip(name)
        if names:
            self.drafts.touched()

    def remove_file(self) -> None:
        """Drop the chosen file from the list."""
        row = self.ui.filesList.currentRow()
        if row >= 0:
            self.ui.filesList.takeItem(row)
            self.drafts.touched()

    def sources(self) -> list[Path]:
        """The files listed."""
        return [Path(self.ui.filesList.item(i).data(CODE_ROLE)) for i in range(self.ui.filesList.count())]

    def ticked(self) -> list[str]:
        """The organisation codes ticked."""
        items = (self.ui.targetList.item(i) for i in range(self.ui.targetList.count()))
        return [i.data(CODE_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        """Store the files and publish the notice."""
        if not self.deadline.check():
            return
        data = NoticeData(self.ui.titleEdit.text().strip(), self.ui.bodyEdit.toPlainText().strip(), self.today,
                          self.ui.issuerEdit.text().strip(), self.deadline.value())
        to_all = self.ui.allCheck.isChecked()
        if data.title and (to_all or self.ticked()) and not self.confirm_publish(*self.publish_question(data)):
            return  # (no title, no branch: the core's refusal says what is missing, without a question first)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        ops.publish(self, self.ctx, data, self.sources(), to=[] if to_all else self.ticked(), to_all=to_all,
                    on_done=self._published, on_error=self._failed)

    def discarded(self) -> None:
        """Closed with the typing thrown away (or none typed): no draft to offer later."""
        self.drafts.discard()

    def draft_state(self) -> dict[str, Any]:
        """What is typed, ticked and attached, as the draft keeps it."""
        return {"fields": widget_values(self), "files": [str(p) for p in self.sources()]}

    def apply_draft(self, state: dict[str, Any]) -> None:
        """Put a draft's typing, ticks and files in (a file no longer where it was is left out)."""
        fields = state.get("fields")
        if isinstance(fields, dict):
            put_widget_values(self, fields)
        files = state.get("files")
        if isinstance(files, list):
            self.add_files([f for f in files if isinstance(f, str) and Path(f).is_file()])

    def _published(self, done: NoticeAdded) -> None:
        self.drafts.saved()
        self.accept()
        self.published.emit(done.notice_id)

    def publish_question(self, data: NoticeData) -> tuple[str, str, bool]:
        """The question before publishing: what goes to whom, what then happens, and whether the notice looks
        unfinished (no text and no file), which makes 返回修改 the default answer."""
        if self.ui.allCheck.isChecked():
            whom = self.tr("all {count} registered organisations below").format(count=len(self._branch_names))
        else:
            whom = "、".join(self._branch_names.get(code, code) for code in self.ticked())
        text = self.tr("Publish the notice “{title}” to {whom}?").format(title=data.title, whom=whom)
        detail = self.tr("It goes with the next package exported to each of them. Once published it cannot be "
                         "changed, only withdrawn.")
        bare = not data.body and not self.sources()
        if bare:
            detail = self.tr("The notice has no text and no file.") + "\n\n" + detail
        return text, detail, bare

    def confirm_publish(self, text: str, detail: str, bare: bool) -> bool:
        """Ask before publishing; the default answer is 发布, or 返回修改 for a notice with nothing in it."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Publish a notice"), text, parent=self)
        box.setInformativeText(detail)
        publish = box.addButton(self.tr("Publish"), QMessageBox.ButtonRole.AcceptRole)
        publish.setObjectName("publishButton")
        back = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("keepEditingButton")
        box.setDefaultButton(back if bare else publish)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is publish

    def _failed(self, error: KnownError) -> None:
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(True)
        self._show_error(error.message)
        self._error_field = getattr(error, "field", "") or ""
        # Back to what the message is about (the title, the branches), not to 取消, where focus went while 发布
        # was disabled: Enter there would close the dialog and lose what was typed.
        fields = {"title": self.ui.titleEdit, "to": self.ui.targetList, "deadline": self.deadline}
        (fields.get(getattr(error, "field", "")) or save).setFocus()

    def _changed(self, field: str) -> None:
        """The field the message is about was changed: the message is no longer true."""
        if field == self._error_field:
            self._error_field = ""
            self._show_error("")

    def _show_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        if message:
            before = self.height()
            self.ui.errorLabel.show()
            grow_to_fit(self)
            self._grown_by += self.height() - before
        elif not self.ui.errorLabel.isHidden():
            self.ui.errorLabel.hide()
            # Give back the height the message took: left to the stretching text box, it would push the files
            # and the branches down under the pointer (a click meant for a branch lands beside it).
            if self._grown_by:
                self.resize(self.width(), self.height() - self._grown_by)
                self._grown_by = 0

    def _retranslate(self) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Publish"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)


def offer_leftover_notice(window: QWidget, ctx: AppContext) -> bool:
    """Ask whether to finish the newest notice left unpublished; if so, open it among the notices with the typing
    in, and say so (declined, the draft stays and the dialog offers it when a notice is next written)."""
    found = taken_up(window, ctx, drafts.NOTICE, "exchange",
                     translate("NoticeEditDialog", "Restore an unpublished notice?"),
                     translate("NoticeEditDialog", "A notice was being written and not published (kept automatically "
                                                   "at {when}). Open it now to finish it?"), "titleEdit")
    if found is None:
        return False
    newest, page = found
    page.show_tab("notices")  # type: ignore[attr-defined]
    panel = page.notices  # type: ignore[attr-defined]
    # After the panel's first read, queued before this on the same lane: the dialog lists the branches to tick.
    run(panel, ctx, lambda _p: None, label="open notice draft", on_done=lambda _r: panel.write_notice(draft=newest))
    return True
