"""Talk dates: the due day is the same day N months on (clamped to short months), counted from the last
talk or from coming onto the roll."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.member_events import EventKind, MemberEvent
from partydesk.core.domain.talks import FORMS_BY_CODE, form_name, on_roll_since, same_day_months_later, talk_due


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2025, 11, 30), 12, date(2026, 11, 30)),
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2027, 12, 31), 2, date(2028, 2, 29)),
    (date(2026, 8, 15), 6, date(2027, 2, 15)),
])
def test_same_day_months_later_clamps_to_the_month_end(day: date, months: int, expected: date) -> None:
    """31 January + 1 month is the last day of February."""
    assert same_day_months_later(day, months) == expected


def test_due_counts_from_the_last_talk_else_from_the_roll() -> None:
    """A talk wins over the roll date; neither known gives None (due at once)."""
    assert talk_due(date(2026, 3, 1), date(2001, 1, 1), 12) == date(2027, 3, 1)
    assert talk_due(None, date(2026, 5, 20), 12) == date(2027, 5, 20)
    assert talk_due(None, None, 12) is None


def test_on_roll_since_is_the_latest_arrival_up_to_the_day() -> None:
    """A 转入 after joining moves the start; one after the day asked about does not."""
    def ev(kind: EventKind, day: date) -> MemberEvent:
        return MemberEvent(f"{kind}{day}", "m", kind, day)

    member = RollMember("m", "张甲", "1", date(2001, 7, 1), date(2002, 7, 1), "", "",
                        (ev(EventKind.JOINED, date(2001, 7, 1)), ev(EventKind.TRANSFER_IN, date(2026, 4, 2))))
    assert on_roll_since(member, date(2026, 11, 30)) == date(2026, 4, 2)
    assert on_roll_since(member, date(2026, 1, 1)) == date(2001, 7, 1)
    bare = RollMember("n", "赵乙", "1", date(2010, 1, 5), None, "", "")
    assert on_roll_since(bare, date(2026, 1, 1)) == date(2010, 1, 5)


def test_forms_have_chinese_names_and_unknown_codes_show_as_given() -> None:
    """个别谈心 … 上门走访 are there; a code from a newer program is shown as it is."""
    assert form_name("individual") == "个别谈心" and form_name("visit") == "上门走访"
    assert {"individual", "group", "reminder", "visit"} <= set(FORMS_BY_CODE)
    assert form_name("future") == "future"
