"""The member form's draft: what is typed is kept beside the database while the form is open, so a power cut
or a crash does not lose it (``form_drafts.DraftKeeper``, as ``member-<member id>.json``, or
``member-new-<uuid>.json`` for a member not yet saved). A draft left from before is offered back in a bar at the
form's top.

At start-up a draft left behind is asked about (``offer_leftover_draft``, after the meeting record's): the
office may not remember which member it was typing when the power went. Yes opens the form on that member (or
an empty one for a new member) with the typing in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from partydesk.core import drafts
from partydesk.gui.dialogs.form_drafts import DRAFT_DELAY_MS, DraftKeeper, newest_leftover, offer_at_start
from partydesk.gui.operations import run

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext
    from partydesk.gui.dialogs.member_edit import MemberEditDialog

translate = QCoreApplication.translate


def member_draft_keeper(dialog: MemberEditDialog) -> DraftKeeper:
    """The keeper of the member form's draft."""
    return DraftKeeper(dialog, prefix=drafts.MEMBER, record_id=dialog.record.id if dialog.record is not None else None,
                       state=dialog.form_state, apply=dialog.apply_state, bar_text=translate(
                           "MemberDrafts", "This form was being filled in and not saved (kept automatically at "
                                           "{when}). Restore what was typed?"))


def offer_leftover_draft(window: QWidget, ctx: AppContext) -> bool:
    """Ask whether to finish the newest member form left unsaved; if so, open it on the members page with the
    typing in, and say so (declined, the draft stays and the form offers it when opened)."""
    from partydesk.gui.mainwindow import MainWindow
    from partydesk.gui.pages.members import MembersPage

    newest = newest_leftover(ctx, drafts.MEMBER)
    if newest is None or not isinstance(window, MainWindow) or not offer_at_start(
            window, newest, translate("MemberDrafts", "Restore an unsaved member record?"),
            translate("MemberDrafts", "A member's record was being filled in and not saved (kept automatically at "
                                      "{when}). Open it now to finish it?"), str(newest.state.get("name") or "")):
        return False
    page = window.show_page("members")
    assert isinstance(page, MembersPage)
    if newest.meeting_id is not None:  # (the draft's record id)
        page.edit_member(newest.meeting_id, restore_draft=True)
        return True
    # After the page's first reads, queued before this on the same lane: the form gets the 党小组 list and, at a
    # committee, says whose member it is.
    run(page, ctx, lambda _p: None, label="open member draft", on_done=lambda _r: page.add_member(restore_draft=True))
    return True


__all__ = ["DRAFT_DELAY_MS", "member_draft_keeper", "offer_leftover_draft"]
