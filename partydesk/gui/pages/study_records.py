"""The study page opening its record dialogs: a new collective study, one left unsaved (a draft), a recorded one to
correct (or, for a member's own course or a meeting counted as study, why it cannot be changed here), and the
table of the hours members already had. Each reads what its dialog needs on the DB lane first. The texts keep the
study page's translation context."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from partydesk.core.services.study import is_earlier_hours
from partydesk.gui.dialogs.crash import show_known_error
from partydesk.gui.operations import study as study_ops

if TYPE_CHECKING:
    from partydesk.core import drafts
    from partydesk.core.errors import KnownError
    from partydesk.gui.pages.study import StudyPage

translate = QCoreApplication.translate  # by this name, with the context spelled out, lupdate finds the texts


def record_new(page: StudyPage) -> None:
    """Read the roll, then open the record dialog on it, dated today (or the last day of an earlier year shown)."""
    from partydesk.gui.dialogs.study_edit import StudyEditDialog

    day = page.today if page.year == page.today.year else date(page.year, 12, 31)
    committee = page.data is not None and page.data.committee

    def show(loaded: tuple[Any, dict[str, int]]) -> None:
        roll, rules = loaded
        page._show_dialog(StudyEditDialog(page.ctx, roll, rules, day=day, parent=page.window(), committee=committee))

    study_ops.load_roll(page, page.ctx, show)


def record_draft(page: StudyPage, draft: drafts.Draft) -> None:
    """Open the record dialog with a draft left unsaved: on the activity it corrected while that is still recorded,
    else as a new record (and the status bar says why)."""
    from partydesk.gui.dialogs.study_edit import StudyEditDialog

    committee = page.data is not None and page.data.committee

    def as_new(error: KnownError | None = None) -> None:
        if error is not None:
            page.ctx.hub.statusMessage.emit(translate(
                "StudyPage", "This study record no longer exists (deleted since?): what was typed is in the dialog "
                             "for a new record, to save or to discard."))
        study_ops.load_roll(page, page.ctx, lambda loaded: page._show_dialog(StudyEditDialog(
            page.ctx, loaded[0], loaded[1], parent=page.window(), committee=committee, draft=draft)))

    if draft.meeting_id is None:
        as_new()
        return
    study_ops.load_activity(page, page.ctx, draft.meeting_id, lambda loaded: page._show_dialog(StudyEditDialog(
        page.ctx, loaded[0], loaded[1], parent=page.window(), editing=loaded[2], draft=draft)), on_error=as_new)


def correct(page: StudyPage, activity_id: str) -> None:
    """Read a recorded activity, then open it in the dialog that took it to correct it (a collective study, or the
    hours members already had); a member's own course or a meeting counted as study is deleted and recorded again
    instead, which a message says (with the course's proof to open)."""
    from partydesk.gui.dialogs.study_edit import StudyEditDialog

    def show(loaded: tuple[Any, dict[str, int], Any]) -> None:
        roll, rules, editing = loaded
        data = editing[1]
        if is_earlier_hours(data):  # each member's own number: corrected in the dialog that took them
            from partydesk.gui.dialogs.study_earlier import EarlierHoursDialog

            page._show_dialog(EarlierHoursDialog(page.ctx, roll, (data.start_on, data.end_on), parent=page.window(),
                                                 editing=editing))
            return
        if data.individual or data.meeting_id is not None:
            what = (translate("StudyPage", "a member's own course") if data.individual
                    else translate("StudyPage", "a meeting counted as study"))
            box = QMessageBox(QMessageBox.Icon.Information, translate("StudyPage", "Study records"), translate(
                "StudyPage", "This record is {what}: it cannot be changed here. If it is wrong, delete it and record "
                             "it again.").format(what=what), QMessageBox.StandardButton.Ok, page)
            proof = None
            if data.evidence_sha:  # the certificate or proof kept with a member's own course
                proof = box.addButton(translate("StudyPage", "Open the proof"), QMessageBox.ButtonRole.ActionRole)
            box.exec()
            if proof is not None and box.clickedButton() is proof:
                study_ops.open_copy(page, page.ctx, sha=data.evidence_sha, name=data.evidence_name or "证明材料",
                                    on_done=page._open_copy, on_error=page._cannot_open)
            return
        page._show_dialog(StudyEditDialog(page.ctx, roll, rules, parent=page.window(), editing=editing))

    study_ops.load_activity(page, page.ctx, activity_id, show)


def earlier_draft(page: StudyPage, draft: drafts.Draft) -> None:
    """Open the table of earlier hours with a draft left unsaved: on the record it corrected while that is still
    there, else as new; when the earlier hours were saved meanwhile, on that record (a second one would count
    them twice)."""
    from partydesk.gui.dialogs.study_earlier import EarlierHoursDialog

    def on_record(activity_id: str, *, else_new: bool) -> None:
        def show(loaded: tuple[Any, dict[str, int], Any]) -> None:
            roll, _rules, editing = loaded
            data = editing[1]
            page._show_dialog(EarlierHoursDialog(page.ctx, roll, (data.start_on, data.end_on), parent=page.window(),
                                                 editing=editing, draft=draft))

        def failed(error: KnownError) -> None:
            if else_new:  # the record it corrected is gone (deleted since): as a new table
                as_new()
            else:  # the saved record found just now does not read: said, and nothing more tried
                show_known_error(error, page)

        study_ops.load_activity(page, page.ctx, activity_id, show, on_error=failed)

    def as_new() -> None:
        def show(loaded: tuple[Any, tuple[date, date], str | None]) -> None:
            roll, span, done = loaded
            if done is not None:
                on_record(done, else_new=False)
                return
            page._show_dialog(EarlierHoursDialog(page.ctx, roll, span, parent=page.window(), draft=draft))

        study_ops.load_earlier(page, page.ctx, page.today, show)

    if draft.meeting_id is None:
        as_new()
    else:
        on_record(draft.meeting_id, else_new=True)


def earlier_hours(page: StudyPage) -> None:
    """Read the roll and the stretch before the records began, then open the table for the hours members already
    had (补录此前学时); entered once already, that record is opened to be corrected instead."""
    from partydesk.gui.dialogs.study_earlier import EarlierHoursDialog

    def show(loaded: tuple[Any, tuple[date, date], str | None]) -> None:
        roll, span, done = loaded
        if done is not None:  # a second record of them would count them twice
            page.ctx.hub.statusMessage.emit(translate(
                "StudyPage", "The earlier hours of {year} were entered already: they are opened to be corrected."
            ).format(year=span[0].year))
            correct(page, done)
            return
        page._show_dialog(EarlierHoursDialog(page.ctx, roll, span, parent=page.window()))

    study_ops.load_earlier(page, page.ctx, page.today, show)
