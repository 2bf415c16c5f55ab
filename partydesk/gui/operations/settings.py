"""Settings operations: first-run set-up, the organisation, the rule table, the window title."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.changes import Changes
from partydesk.core.services import rules, setup
from partydesk.core.services.setup import OrganisationInput
from partydesk.core.services.store import OrganisationRecord
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


def initialise_site(
    parent: QWidget, ctx: AppContext, *, organisation: OrganisationInput, role: str,
    on_done: DoneCallback, on_error: ErrorCallback,
) -> TaskHandle:
    """First-run set-up: create this site and its organisation."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: setup.initialise_site(db, actor, organisation=organisation, role=role),
               label="initialise_site", on_done=on_done, on_error=on_error)


def load_organisation(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """This site's organisation and role: ``(OrganisationRecord | None, role | None)``."""
    db = ctx.db

    def read(_progress: Any) -> tuple[OrganisationRecord | None, str | None]:
        return setup.own_organisation(db), setup.site_role(db)

    return run(parent, ctx, read, label="load organisation", on_done=on_done)


def load_organisation_name(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """(this site's organisation or None before set-up, its role: "branch", "committee" or None), for the
    window title."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: (setup.own_organisation(db), setup.site_role(db)),
               label="window title", on_done=on_done)


def update_organisation(
    parent: QWidget, ctx: AppContext, *, org_id: str, data: OrganisationInput,
    on_done: DoneCallback, on_error: ErrorCallback,
) -> TaskHandle:
    """Save the organisation's details."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: setup.update_organisation(db, actor, org_id=org_id, data=data),
               label="save organisation", on_done=on_done, on_error=on_error)


def load_rules(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """The rule table."""
    db = ctx.db
    return run(parent, ctx, lambda _progress: rules.list_rules(db), label="load rules", on_done=on_done)


def set_rule(parent: QWidget, ctx: AppContext, *, key: str, value: int, on_error: ErrorCallback,
             on_done: DoneCallback | None = None) -> TaskHandle:
    """Change one rule's value."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: rules.set_rule(db, actor, key=key, value=value), label="save rule",
               on_done=on_done, on_error=on_error)


def restore_rules(parent: QWidget, ctx: AppContext, keys: Sequence[str], on_error: ErrorCallback) -> TaskHandle:
    """Put these rules back to their national defaults, in one job."""
    db, actor, wanted = ctx.db, ctx.actor, list(keys)

    def restore(_progress: Any) -> Changes:
        changes = Changes()
        for key in wanted:
            changes = changes.merge(rules.restore_default(db, actor, key=key))
        return changes

    return run(parent, ctx, restore, label="restore rules", on_error=on_error)
