"""Branch operations: which organisations the open file holds (a committee's branches), read on the DB lane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from partydesk.core.services import branches as branch_service
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def load_branches(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """``services.branches.Branches`` of the open file, this site's own first."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: branch_service.branches(db), label="load branches", on_done=on_done)
