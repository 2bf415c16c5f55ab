"""Access operations: personal data shown or printed in full is audited first (RELIABILITY §3.4).

Revealing full ID and phone numbers on screen is recorded as "reveal" before the numbers appear; a
page shows them only when the record was written, so no full number is ever on screen without its
trace. Summaries name what kind of data was shown, never the data, and carry no counts (six digits in
a row would be refused as a number).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from partydesk.core.services import audit
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


EDIT_REVEAL_SUMMARY = "打开党员档案编辑（显示完整号码）"  # the audit's words for the member form, which shows them


def reveal(
    parent: QWidget, ctx: AppContext, record_ids: Sequence[str], *, summary: str,
    on_done: DoneCallback, on_error: ErrorCallback,
) -> TaskHandle:
    """Record that full numbers of these members are about to be shown; ``on_done`` then shows them."""
    db, actor, ids = ctx.db, ctx.actor, list(record_ids)
    return run(parent, ctx, lambda _progress: audit.record_access(db, actor, action="reveal", record_ids=ids,
                                                                   summary=summary),
               label="audit reveal", on_done=on_done, on_error=on_error)
