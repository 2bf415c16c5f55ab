"""Who is due a talk, from the roll outline: identical to replaying every member's events on the day."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.core.domain.meeting_roll import RollRules, on_roll
from partydesk.core.domain.member_events import EventKind
from partydesk.core.domain.pinyin import name_order
from partydesk.core.domain.talks import on_roll_since, talk_due
from partydesk.core.services import talks
from partydesk.core.storage import meeting_repo, talk_repo
from partydesk.core.storage.database import Database
from tests.core.services.test_study_roll import add, crafted, event

__all__ = ["crafted"]  # the fixture, used by name


def replayed(db: Database, today: date) -> list[talks.TalkDue]:
    """``talks_due`` as it was reckoned before: every member read with its events and replayed."""
    months = talks.talk_months(db)
    with db.read() as session:
        people = meeting_repo.roll_members(session)
        last = talk_repo.last_talk_by_member(session, today)
    rules = RollRules(count_migrants=True)
    out = [talks.TalkDue(m.id, m.name, m.party_group, last.get(m.id),
                         talk_due(last.get(m.id), on_roll_since(m, today), months))
           for m in people if on_roll(m, today, rules) is not None]
    return sorted(out, key=lambda d: (d.due or date.min, name_order(d.name), d.name))


@pytest.mark.parametrize("today", [date(2025, 12, 31), date(2026, 3, 1), date(2026, 7, 20), date(2026, 11, 30)])
def test_due_talks_equal_the_replay(db: Database, crafted: dict[str, str], today: date) -> None:
    migrant = add(db, "何流动", 11)
    event(db, migrant, EventKind.MIGRANT_OUT, date(2026, 2, 1), "广东省深圳市")
    add(db, "林后来", 12, joined="2026-06-15")
    due = talks.talks_due(db, today)
    assert due == replayed(db, today)
    names = {d.name for d in due}
    assert "何流动" in names, "a migrant stays on the roll for talks"
    assert ("林后来" in names) == (today >= date(2026, 6, 15))
    assert ("周故" in names) == (today < date(2026, 2, 14))


def test_committee_pairs_come_from_the_roll_of_the_day(db: Database, crafted: dict[str, str]) -> None:
    add(db, "赵副书记", 13, post="副书记")
    gone = add(db, "钱委员", 14, post="组织委员")
    event(db, gone, EventKind.TRANSFER_OUT, date(2026, 5, 1), "外市某支部")
    pairs = talks.committee_pairs_due(db, date(2026, 11, 30))
    assert {(p.first_name, p.second_name) for p in pairs} == {("王书记", "赵副书记")}
