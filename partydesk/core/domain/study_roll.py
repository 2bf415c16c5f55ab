"""The days each member spent on the roll in a year (在册天数), for the 学时 ledger at any scale.

``study_quota.roll_spans`` replays a member's events at every date they could move the roll; run over
every member of a committee file (100 000 and more) that replay is most of the ledger's time. Yet most
members have no event that can take them off the roll or put them back: nothing but their 入党 date
(and events that leave the roll alone: 转正, 延长预备期, 外出流动, 失联, 恢复党员权利). For them the roll
of a year is one span, from the later of 1 January and the admission day to 31 December, found from
one grouped query (``meeting_repo.roll_outline``). Only the few with a *moving* event — 转入/转出,
死亡, 出党, 停止党籍/恢复党籍, a 党纪处分, 取消预备党员资格, an old flat status — are replayed in full.

The admission day is what ``meeting_roll.on_roll`` reads: the last 入党 event in (date, entry) order,
which is the latest dated one (an undated event sorts first), or the record's date when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from partydesk.core.domain.member_events import EventKind

# Event kinds after which a member's place on the roll can differ from "admitted, so on the roll".
MOVING_KINDS: frozenset[str] = frozenset({
    EventKind.PROBATION_CANCELLED, EventKind.STATUS, EventKind.SUSPENDED, EventKind.RESTORED, EventKind.LEFT,
    EventKind.DISCIPLINE, EventKind.DEATH, EventKind.TRANSFER_IN, EventKind.TRANSFER_OUT,
})


@dataclass(frozen=True)
class RollOutline:
    """A member as the ledger needs it: the record's fields, the admission day the roll counts from,
    and whether any moving event exists (then the events are replayed)."""

    id: str
    name: str
    party_group: str
    party_post: str
    org_id: str
    admitted_on: date | None  # None: admitted before anything we know, on the roll throughout
    moves: bool
    id_number: str = ""  # the same person on two branches' rolls at a committee shares it


def admitted_on(record_joined: date | None, join_events: int, last_join_event: date | None) -> date | None:
    """The day the roll counts a member from: the latest dated 入党 event; with 入党 events none of which
    is dated, unknown (so always on the roll); with none at all, the record's 入党 date."""
    return last_join_event if join_events else record_joined


def plain_spans(admitted: date | None, year: int) -> list[tuple[date, date]]:
    """The year's span on the roll of a member with no moving event."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if admitted is None or admitted <= start:
        return [(start, end)]
    return [(admitted, end)] if admitted <= end else []
