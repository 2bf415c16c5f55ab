"""A member's state is derived from dated events, and state edits become the right events."""

from __future__ import annotations

from datetime import date

from partydesk.core.domain.member_events import (
    DerivedState,
    EventKind,
    MemberEvent,
    derive_state,
    plan_events,
)

TODAY = date(2026, 11, 28)


def ev(kind: EventKind, when: date, detail: str = "", seq: int = 0) -> MemberEvent:
    return MemberEvent(f"e{seq}", "m", kind, when, detail, "", seq)


def test_latest_event_of_each_kind_decides_the_state() -> None:
    """Lost then regained means in contact; migrant out then back means not migrant."""
    events = [
        ev(EventKind.JOINED, date(2010, 7, 1), seq=1),
        ev(EventKind.CONFIRMED, date(2011, 7, 1), seq=2),
        ev(EventKind.LOST, date(2020, 1, 1), "1", seq=3),
        ev(EventKind.REGAINED, date(2021, 1, 1), seq=4),
        ev(EventKind.MIGRANT_OUT, date(2022, 3, 1), "广东深圳", seq=5),
    ]
    state = derive_state(events)
    assert (state.category, state.joined_on, state.confirmed_on) == ("1", date(2010, 7, 1), date(2011, 7, 1))
    assert not state.lost_contact and state.lost_since is None
    assert state.migrant and state.migrant_destination == "广东深圳"
    assert state.in_branch


def test_events_are_replayed_in_date_order_not_entry_order() -> None:
    """An event entered late but dated earlier does not override a later one."""
    events = [ev(EventKind.REGAINED, date(2021, 1, 1), seq=1), ev(EventKind.LOST, date(2020, 1, 1), seq=2)]
    assert not derive_state(events).lost_contact


def test_transfer_out_and_death_change_membership() -> None:
    """转出 takes the member off this branch's roll; 去世 is a reason for leaving it, not a 党籍状态."""
    state = derive_state([ev(EventKind.TRANSFER_OUT, date(2024, 1, 1), seq=1),
                          ev(EventKind.DEATH, date(2025, 1, 1), seq=2)])
    assert not state.in_branch and state.membership_status == "10"
    assert (state.left_reason, state.left_on) == ("1", date(2025, 1, 1))


def _target(**changes: object) -> DerivedState:
    base = DerivedState("1", date(2010, 7, 1), date(2011, 7, 1), "10", False, None, "", False, "", None, True)
    return DerivedState(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_corrected_joining_date_redates_the_event_instead_of_adding_one() -> None:
    """Fixing a typo in 入党日期 must not leave two 入党 events."""
    current = [ev(EventKind.JOINED, date(2010, 7, 2), seq=1), ev(EventKind.CONFIRMED, date(2011, 7, 1), seq=2)]
    plan = plan_events(current, _target(), today=TODAY)
    assert [(p.kind, p.on_date, p.replaces) for p in plan] == [(EventKind.JOINED, date(2010, 7, 1), "e1")]


def test_setting_lost_contact_adds_a_lost_event_and_clearing_it_adds_regained() -> None:
    """Toggling 失联 in a form records the change as dated events."""
    current = [ev(EventKind.JOINED, date(2010, 7, 1), seq=1), ev(EventKind.CONFIRMED, date(2011, 7, 1), seq=2)]
    plan = plan_events(current, _target(lost_contact=True, lost_since=date(2026, 1, 5), lost_cause="2"),
                       today=TODAY)
    assert [(p.kind, p.on_date, p.detail) for p in plan] == [(EventKind.LOST, date(2026, 1, 5), "2")]
    current.append(ev(EventKind.LOST, date(2026, 1, 5), "2", seq=3))
    plan = plan_events(current, _target(), today=TODAY)
    assert [(p.kind, p.on_date) for p in plan] == [(EventKind.REGAINED, TODAY)]


def test_replaying_the_planned_events_reaches_the_target() -> None:
    """plan_events followed by derive_state gives exactly the requested state."""
    target = _target(migrant=True, migrant_destination="上海", migrant_since=date(2025, 5, 1),
                     membership_status="20")
    plan = plan_events([], target, today=TODAY)
    events = [ev(p.kind, p.on_date, p.detail, seq=i) for i, p in enumerate(plan)]
    assert derive_state(events, base_category="1") == target
