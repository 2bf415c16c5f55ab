"""The member form's draft: what is typed is kept beside the database while the form is open, so a power cut
or a crash does not lose it (``core.drafts``, as ``member-<member id>.json``, or ``member-new-<uuid>.json``
for a member not yet saved).

A second after the last edit the form's state is written on the file lane (only while it differs from what
the form was opened with). Saving the member, or closing the form and throwing the typing away, removes the
draft. When the form is opened on a member whose draft is still there (the program was cut off), or for a new
member while a new member's draft is left, a bar at its top offers it back: 恢复 puts the typing in, 丢弃
removes it. Nothing is offered in a modal box: the form stays usable either way.

At start-up a draft left behind is asked about (``offer_leftover_draft``, after the meeting record's): the
office may not remember which member it was typing when the power went. Yes opens the form on that member (or
an empty one for a new member) with the typing in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from partydesk.core import drafts
from partydesk.gui.operations import run
from partydesk.gui.tasks import Lane

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext
    from partydesk.gui.dialogs.member_edit import MemberEditDialog

DRAFT_DELAY_MS = 1000

translate = QCoreApplication.translate


class MemberDraftKeeper(QObject):
    """Keeps ``dialog``'s draft, and offers back one left from before."""

    def __init__(self, dialog: MemberEditDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        ctx = dialog.ctx
        self.folder = drafts.drafts_dir(ctx.db.path)
        self.record_id = dialog.record.id if dialog.record is not None else None
        self.key = self.record_id or drafts.new_key()
        self.timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.save)
        self.offered = drafts.for_meeting(self.folder, self.record_id, prefix=drafts.MEMBER)
        if self.offered is not None and self.offered.key == self.key:
            # This session's typing goes under a key of its own: neither it nor Cancel touches the draft offered
            # in the bar until the office restores or drops it (else Cancel threw it away unasked).
            self.key = drafts.new_key()
        self.bar = self._bar(dialog) if self.offered is not None else None

    def _bar(self, dialog: MemberEditDialog) -> QFrame:
        assert self.offered is not None
        bar = QFrame(dialog)
        bar.setObjectName("memberDraftBar")
        bar.setStyleSheet("#memberDraftBar { background: #e8f0fe; border: 1px solid #8ab4f8; }")
        row = QHBoxLayout(bar)
        when = self.offered.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = translate("MemberDrafts", "This form was being filled in and not saved (kept automatically at "
                                         "{when}). Restore what was typed?").format(when=when)
        self.bar_label = QLabel(text, bar)
        self.bar_label.setWordWrap(True)
        restore = QPushButton(translate("MemberDrafts", "&Restore"), bar)
        restore.setObjectName("restoreDraftButton")
        restore.setAutoDefault(False)
        restore.clicked.connect(self.restore)
        drop = QPushButton(translate("MemberDrafts", "Dis&card"), bar)
        drop.setObjectName("discardDraftButton")
        drop.setAutoDefault(False)
        drop.clicked.connect(self.drop_offered)
        row.addWidget(self.bar_label, 1)
        row.addWidget(restore)
        row.addWidget(drop)
        return bar

    def touched(self) -> None:
        """An edit: the draft is written a moment after the last one."""
        self.timer.start()

    def _lanes_open(self) -> bool:
        """Whether the file lane still takes work (not while the program is closing)."""
        return not self.dialog.ctx.runner.is_shut_down

    def save(self) -> None:
        """Write the form's state now (or remove the draft when the form is back to what it was opened with)."""
        if not self._lanes_open():
            return
        if not self.dialog.has_unsaved_changes():
            self.discard()
            return
        folder, key, record_id, state = self.folder, self.key, self.record_id, self.dialog.form_state()
        run(self.dialog, self.dialog.ctx,
            lambda _p: drafts.save(folder, key, record_id, state, prefix=drafts.MEMBER),
            label="save member draft", lane=Lane.FILE, on_error=lambda _e: None)

    def discard(self) -> None:
        """Remove the draft (the member saved, or the typing thrown away)."""
        self.timer.stop()
        if not self._lanes_open():
            return
        folder, key = self.folder, self.key
        run(None, self.dialog.ctx, lambda _p: drafts.discard(folder, key, prefix=drafts.MEMBER),
            label="discard member draft", lane=Lane.FILE)

    def restore(self) -> None:
        """Put the offered draft's typing into the form; it is kept under its own key from now on."""
        if self.offered is not None:
            if self.key != self.offered.key:
                self.discard()  # what was typed before restoring is replaced by the draft
            self.key = self.offered.key
            state: dict[str, Any] = self.offered.state
            self.dialog.apply_state(state)
        self.offered = None
        self._hide_bar()

    def drop_offered(self) -> None:
        """Throw the offered draft away."""
        if self.offered is not None and self._lanes_open():
            folder, key = self.folder, self.offered.key
            run(None, self.dialog.ctx, lambda _p: drafts.discard(folder, key, prefix=drafts.MEMBER),
                label="discard member draft", lane=Lane.FILE)
        self.offered = None
        self._hide_bar()

    def _hide_bar(self) -> None:
        if self.bar is not None:
            self.bar.hide()


def offer_leftover_draft(window: QWidget, ctx: AppContext) -> None:
    """Ask whether to finish the newest member form left unsaved; if so, open it on the members page with the
    typing in (declined, the draft stays and the form offers it when opened)."""
    from partydesk.gui.dialogs.meeting_edit_drafts import ask_to_finish
    from partydesk.gui.mainwindow import MainWindow
    from partydesk.gui.pages.members import MembersPage

    if ctx.db is None or ctx.db.needs_setup or not isinstance(window, MainWindow):
        return
    left = drafts.leftovers(drafts.drafts_dir(ctx.db.path), prefix=drafts.MEMBER)
    if not left:
        return
    newest = left[0]
    text = translate("MemberDrafts", "A member's record was being filled in and not saved (kept automatically at "
                                     "{when}). Open it now to finish it?").format(
        when=newest.saved_at.astimezone().strftime("%Y-%m-%d %H:%M"))
    if not ask_to_finish(window, translate("MemberDrafts", "Restore an unsaved member record?"), text,
                         str(newest.state.get("name") or "")):
        return
    page = window.show_page("members")
    assert isinstance(page, MembersPage)
    if newest.meeting_id is not None:  # (the draft's record id)
        page.edit_member(newest.meeting_id, restore_draft=True)
        return
    # After the page's first reads, queued before this on the same lane: the form gets the 党小组 list and, at a
    # committee, says whose member it is.
    run(page, ctx, lambda _p: None, label="open member draft", on_done=lambda _r: page.add_member(restore_draft=True))


__all__ = ["DRAFT_DELAY_MS", "MemberDraftKeeper", "offer_leftover_draft"]
