"""Reading a few roster rows by id, so a page can refresh just the members a change names."""

from __future__ import annotations

from collections.abc import Collection

from partydesk.core.changes import Actor
from partydesk.core.domain.roster import RosterRow
from partydesk.core.handle import DbHandle
from partydesk.core.storage import member_repo


def roster_rows_by_ids(db: DbHandle, actor: Actor, ids: Collection[str]) -> list[RosterRow]:
    """The live members among ``ids`` as roster rows; ids of deleted or unknown members are left out.

    ``actor`` is who reads the personal data (the audit and permission checks hang on it).
    """
    del actor  # every role may read the roster today; the parameter keeps the read path uniform
    with db.read() as session:
        return member_repo.roster_rows_by_ids(session, frozenset(ids))
