"""What the roster does with the members selected in it: delete one (with a reason), put several in one 党小组
(分配党小组), print their cards. Each asks in a dialog over the roster, then runs its operation; what it did is
said in the status bar. The texts keep the members page's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from partydesk.gui.operations import members as member_ops

if TYPE_CHECKING:
    from partydesk.core.services.members import GroupAssigned
    from partydesk.gui.pages.members import MembersPage
    from partydesk.gui.widgets.card_print_button import CardAction

translate = QCoreApplication.translate  # by this name, with the context spelled out, lupdate finds the texts


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
