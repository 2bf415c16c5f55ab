"""What the roster does with its members: open the member form on a new or a chosen member (with a leftover
draft typed in when asked), delete one (with a reason), put several in one 党小组 (分配党小组), print their
cards. Each asks in a dialog over the roster, then runs its operation; what it did is said in the status bar.
The texts keep the members page's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from partydesk.core import drafts
from partydesk.gui.operations import members as member_ops
from partydesk.gui.operations import run
from partydesk.gui.tasks import Lane

if TYPE_CHECKING:
    from partydesk.core.domain.roster import MemberRecord
    from partydesk.core.services.members import GroupAssigned
    from partydesk.gui.dialogs.member_edit import MemberEditDialog
    from partydesk.gui.pages.members import MembersPage
    from partydesk.gui.widgets.card_print_button import CardAction

translate = QCoreApplication.translate  # by this name, with the context spelled out, lupdate finds the texts


def add_member(page: MembersPage, *, restore_draft: bool = False) -> None:
    """The empty member form over the roster; ``restore_draft``: with a new member's leftover draft typed in."""
    _open_form(page, _new_form(page), restore_draft)


def _new_form(page: MembersPage) -> MemberEditDialog:
    from partydesk.gui.dialogs.member_edit import MemberEditDialog

    branches = page.model.branches
    # A committee adding someone: the member is the committee's own, not a branch's (said in the form).
    committee_own = branches.own.name if branches.committee and branches.own is not None else ""
    return MemberEditDialog(page.ctx, None, party_groups=page.model.party_groups(), committee_own=committee_own,
                            parent=page)


def edit_member(page: MembersPage, member_id: str, *, restore_draft: bool = False) -> None:
    """The member form on ``member_id``, read fresh, once the audit trail says it is shown."""
    from partydesk.gui.dialogs.member_edit import open_after_audit

    def loaded(record: MemberRecord | None) -> None:
        if record is None and restore_draft:
            _draft_as_new(page, member_id)
            return
        if record is None:
            page.ctx.hub.statusMessage.emit(translate(
                "MembersPage", "This member no longer exists; it may have been deleted."))
            return
        open_after_audit(page, page.ctx, record, party_groups=page.model.party_groups(),
                         correction_for=page.model.branches.corrected_from(record.org_id),
                         opened=lambda dialog: _open_form(page, dialog, restore_draft),
                         on_error=lambda error: page.ctx.hub.statusMessage.emit(error.message))

    member_ops.load_member(page, page.ctx, member_id, loaded)


def _draft_as_new(page: MembersPage, member_id: str) -> None:
    """The draft of a member no longer here (deleted since it was typed): the typing goes into the form for a new
    member, to be saved as one or thrown away, and the old draft is let go (else it was asked about at every
    start, and no form could ever take it)."""
    folder = drafts.drafts_dir(page.ctx.db.path)
    left = drafts.for_meeting(folder, member_id, prefix=drafts.MEMBER)
    dialog = _new_form(page)
    if left is not None:
        dialog.apply_state(left.state)
        dialog.drafts.touched()  # kept under the new form's own key from now on
        run(None, page.ctx, lambda _p: drafts.discard(folder, left.key, prefix=drafts.MEMBER),
            label="discard member draft", lane=Lane.FILE)
    page.ctx.hub.statusMessage.emit(translate(
        "MembersPage", "This member no longer exists (deleted since?): what was typed is in the form for a new "
                       "member, to save or to discard."))
    _open_form(page, dialog, False)


def _open_form(page: MembersPage, dialog: MemberEditDialog, restore_draft: bool) -> None:
    dialog.saved.connect(page.member_saved)
    if restore_draft:
        dialog.drafts.restore()
    page.open_on_roster(dialog)


def delete_selected(page: MembersPage) -> None:
    """Ask for confirmation and a reason, then delete the selected member."""
    row = page.selected_row()
    if row is None:
        return
    from partydesk.gui.dialogs.member_delete import MemberDeleteDialog

    dialog = MemberDeleteDialog(row.name, page, branch=page.model.branches.corrected_from(row.org_id))

    def delete() -> None:
        said = translate("MembersPage", "Member deleted: {name}. Older backups keep the record until they age out.")
        member_ops.delete_member(page, page.ctx, member_id=row.id, reason=dialog.reason(),
                                 on_done=lambda _changes: page.ctx.hub.statusMessage.emit(said.format(name=row.name)))

    dialog.accepted.connect(delete)
    page.open_dialog(dialog)


def group_selected(page: MembersPage) -> None:
    """Ask which 党小组 the selected members go into, then put them there in one write."""
    rows = page.selected_rows()
    if not rows:
        return
    from partydesk.gui.dialogs.party_group import PartyGroupDialog

    orgs = {row.org_id for row in rows}
    groups = page.model.party_groups(next(iter(orgs))) if len(orgs) == 1 else page.model.party_groups()
    corrected = {org: page.model.branches.corrected_from(org) for org in orgs}  # a committee's: a branch's members
    dialog = PartyGroupDialog(rows, groups, page, branch_of={r.id: corrected[r.org_id] for r in rows
                                                              if corrected[r.org_id]})
    dialog.accepted.connect(lambda: _assign_group(page, [row.id for row in rows], dialog.group()))
    page.open_on_roster(dialog)


def _assign_group(page: MembersPage, member_ids: list[str], group: str) -> None:
    def done(result: GroupAssigned) -> None:
        text = (translate("MembersPage", "{count} members put in “{group}”.").format(count=result.moved, group=group)
                if group else translate("MembersPage", "{count} members taken out of their party group.").format(
                    count=result.moved))
        if result.gone:
            text += translate("MembersPage", " {count} of those selected were no longer on the roster.").format(
                count=result.gone)
        page.ctx.hub.statusMessage.emit(text)

    member_ops.assign_party_group(page, page.ctx, member_ids=member_ids, party_group=group, on_done=done,
                                  on_error=lambda error: page.ctx.hub.statusMessage.emit(error.message))


def print_selected(page: MembersPage, action: CardAction) -> None:
    """Save the selected members' cards as PDF (one per page) or print them."""
    from partydesk.gui.widgets import card_printer  # printing support only once it is used

    card_printer.request_for_selection(page.ctx, page, [row.id for row in page.selected_rows()], action=action,
                                       full_numbers=page.reveal_check.isChecked())


def print_all_cards(page: MembersPage) -> None:
    """Every member's card in one PDF, one card per page."""
    from partydesk.gui.widgets import card_printer

    card_printer.request_cards(page.ctx, page, None, full_numbers=page.reveal_check.isChecked())
