"""Member card operations: read the card's data on the DB lane, write its PDF on the file lane.

Every card read for printing or a PDF is audited ("card.print") in the same job, before its HTML exists.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.io.member_card import MemberCard, member_card_html, member_cards_html
from partydesk.core.services import audit, members, setup
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, Lane, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_card(parent: QWidget, ctx: AppContext, member_id: str, *, full_numbers: bool,
              on_done: DoneCallback) -> TaskHandle:
    """The card's HTML and the member's name, ``(html, name)``; None when the member no longer exists."""
    db, actor = ctx.db, ctx.actor

    def read(_progress: Any) -> tuple[str, str] | None:
        record = members.get_member(db, actor, member_id)
        if record is None:
            return None
        organisation = setup.own_organisation(db)
        audit.record_access(db, actor, action="card.print", record_ids=[member_id],
                            summary="党员信息卡（完整号码）" if full_numbers else "党员信息卡（号码已隐藏）")
        html = member_card_html(record, members.member_events(db, actor, member_id),
                                organisation=organisation.name if organisation is not None else "",
                                filled_on=date.today(), full_numbers=full_numbers)
        return html, record.data.name

    return run(parent, ctx, read, label="member card", on_done=on_done)


def load_cards(parent: QWidget, ctx: AppContext, member_ids: list[str] | None, *, full_numbers: bool,
               on_done: DoneCallback) -> TaskHandle:
    """The cards of ``member_ids`` (every member in the branch when None) in one HTML document, one per page.

    ``on_done`` gets ``(html, count)``, or None when none of the members exists any more.
    """
    db, actor = ctx.db, ctx.actor

    def read(_progress: Any) -> tuple[str, int] | None:
        ids = member_ids if member_ids is not None else [
            row.id for row in members.roster(db, actor, include_departed=False)]
        cards = []
        for member_id in ids:
            record = members.get_member(db, actor, member_id)
            if record is not None:
                cards.append(MemberCard(record, members.member_events(db, actor, member_id)))
        if not cards:
            return None
        organisation = setup.own_organisation(db)
        how = "完整号码" if full_numbers else "号码已隐藏"
        audit.record_access(db, actor, action="card.print", record_ids=[c.record.id for c in cards],
                            summary=f"党员信息卡 {len(cards):,} 张（{how}）")
        html = member_cards_html(cards, organisation=organisation.name if organisation is not None else "",
                                 filled_on=date.today(), full_numbers=full_numbers)
        return html, len(cards)

    return run(parent, ctx, read, label="member cards", on_done=on_done)


def write_card_pdf(parent: QWidget, ctx: AppContext, write: Callable[[], Path], *,
                   on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Run ``write`` (lays out the card and writes the PDF; returns its path) on the file lane."""
    return run(parent, ctx, lambda _progress: write(), label="member card PDF", on_done=on_done,
               on_error=on_error, lane=Lane.FILE)
