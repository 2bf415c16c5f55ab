"""The 党籍 transition table, row by row, including the forbidden changes and their messages."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.core.domain import partial_date
from partydesk.core.domain.member import MemberData
from partydesk.core.domain.member_events import DerivedState, EventKind, MemberEvent, derive_state
from partydesk.core.domain.membership import (
    TRANSITIONS,
    Standing,
    describe_status_detail,
    offered_kinds,
    record_issues,
    refusal,
    standing_of,
)

DAY = date(2026, 11, 30)


def ev(kind: EventKind, when: date, detail: str = "", seq: int = 0) -> MemberEvent:
    return MemberEvent(f"e{seq}", "m", kind, when, detail, "", seq)


def state(**changes: object) -> DerivedState:
    base = DerivedState("1", date(2010, 7, 1), date(2011, 7, 1), "10", False, None, "", False, "", None, True)
    return DerivedState(**{**base.__dict__, **changes})  # type: ignore[arg-type]


STANDINGS: dict[Standing, DerivedState] = {
    Standing.PROBATIONARY: state(category="2", confirmed_on=None),
    Standing.FULL: state(),
    Standing.SUSPENDED: state(membership_status="20", lost_contact=True, lost_since=date(2024, 1, 1)),
    Standing.LEFT_PARTY: state(in_branch=False, left_reason="22", left_on=date(2025, 1, 1)),
    Standing.DEAD: state(in_branch=False, left_reason="1", left_on=date(2025, 1, 1)),
    Standing.TRANSFERRED: state(in_branch=False, left_reason="3", left_on=date(2025, 1, 1)),
}

# A detail that passes each kind's own guard, so only the standing decides.
GOOD_DETAIL = {EventKind.PROBATION_EXTENDED: "6", EventKind.SUSPENDED: "1", EventKind.LEFT: "23",
               EventKind.DISCIPLINE: "1"}
# Kinds whose guard needs a state beside the standing (lost, migrant, under 留党察看).
TOGGLED = {EventKind.REGAINED, EventKind.MIGRANT_BACK, EventKind.RIGHTS_RESTORED, EventKind.SUSPENDED,
           EventKind.LOST, EventKind.MIGRANT_OUT, EventKind.MIGRANT_REPORT}


def test_standing_follows_reason_then_status_then_category() -> None:
    """The standing read from a state is what the table rows are written against."""
    assert {s: standing_of(st) for s, st in STANDINGS.items()} == {s: s for s in STANDINGS}


@pytest.mark.parametrize("kind", sorted(TRANSITIONS, key=str))
@pytest.mark.parametrize("standing", list(Standing))
def test_every_row_allows_exactly_its_standings(kind: EventKind, standing: Standing) -> None:
    """Each (standing, change) pair is allowed exactly when the table says so; a refusal names its rule."""
    why = refusal(kind, STANDINGS[standing], [], on_date=DAY, detail=GOOD_DETAIL.get(kind, ""))
    if standing not in TRANSITIONS[kind].allowed:
        assert why is not None and why.startswith("不能记录") and "《" in why
    elif kind not in TOGGLED:
        assert why is None


@pytest.mark.parametrize("kind", [EventKind.RESTORED, EventKind.CONFIRMED, EventKind.TRANSFER_IN, EventKind.DEATH])
def test_nothing_restores_membership_after_removal_or_expulsion(kind: EventKind) -> None:
    """After 除名 or 开除 no change is recorded; the message says to rejoin as a new applicant."""
    for reason in ("21", "22", "23", "24", "25", "26"):
        left = state(in_branch=False, left_reason=reason, left_on=date(2025, 1, 1))
        why = refusal(kind, left, [], on_date=DAY, detail="")
        assert why is not None and "不能恢复党籍" in why and "新的入党申请人" in why


def test_restoring_membership_only_from_suspension() -> None:
    """恢复党籍 for a member whose 党籍 is 正常 is refused with the rule; from 停止党籍 it is allowed."""
    why = refusal(EventKind.RESTORED, STANDINGS[Standing.FULL], [], on_date=DAY, detail="")
    assert why is not None and "恢复党籍只适用于停止党籍的党员" in why and "党员教育管理工作条例" in why
    assert refusal(EventKind.RESTORED, STANDINGS[Standing.SUSPENDED], [], on_date=DAY, detail="") is None


def test_suspension_needs_six_months_out_of_contact() -> None:
    """停止党籍 on the ground of 失联: refused without a 失联 record and before six months, allowed on the day."""
    lost = state(lost_contact=True, lost_since=date(2026, 5, 31))
    assert "没有失联记录" in (refusal(EventKind.SUSPENDED, state(), [], on_date=DAY, detail="1") or "")
    early = refusal(EventKind.SUSPENDED, lost, [], on_date=date(2026, 11, 29), detail="1")
    assert early is not None and "须满6个月" in early and "2026年11月30日" in early
    assert refusal(EventKind.SUSPENDED, lost, [], on_date=DAY, detail="1") is None


def test_suspension_abroad_needs_the_rule_years() -> None:
    """停止党籍 for a member abroad: only once away (外出) beyond the rule's years."""
    away = state(migrant=True, migrant_destination="加拿大", migrant_since=date(2021, 12, 1))
    assert refusal(EventKind.SUSPENDED, away, [], on_date=DAY, detail="2") is not None
    assert refusal(EventKind.SUSPENDED, away, [], on_date=date(2026, 12, 1), detail="2") is None
    assert "请选择停止党籍的原因" in (refusal(EventKind.SUSPENDED, away, [], on_date=DAY, detail="") or "")


@pytest.mark.parametrize(("months", "ok"), [("5", False), ("6", True), ("12", True), ("13", False), ("", False)])
def test_extension_is_six_to_twelve_months(months: str, ok: bool) -> None:
    """延长预备期 records its length: at least six months, at most a year."""
    why = refusal(EventKind.PROBATION_EXTENDED, STANDINGS[Standing.PROBATIONARY], [], on_date=DAY, detail=months)
    assert (why is None) is ok


def test_extension_only_once() -> None:
    """A second 延长预备期 is refused."""
    once = [ev(EventKind.PROBATION_EXTENDED, date(2026, 7, 1), "6", 1)]
    why = refusal(EventKind.PROBATION_EXTENDED, STANDINGS[Standing.PROBATIONARY], once, on_date=DAY, detail="6")
    assert why is not None and "只能延长一次" in why


def test_discipline_codes_and_observation_period() -> None:
    """留党察看 is one or two years; a 预备党员 gets no 党纪处分; 恢复党员权利 needs an open 留党察看."""
    full = STANDINGS[Standing.FULL]
    assert refusal(EventKind.DISCIPLINE, full, [], on_date=DAY, detail="4:12") is None
    assert refusal(EventKind.DISCIPLINE, full, [], on_date=DAY, detail="4:18") is not None
    assert refusal(EventKind.DISCIPLINE, full, [], on_date=DAY, detail="9") is not None
    assert refusal(EventKind.DISCIPLINE, STANDINGS[Standing.PROBATIONARY], [], on_date=DAY, detail="1") is not None
    assert refusal(EventKind.RIGHTS_RESTORED, full, [], on_date=DAY, detail="") is not None
    under = [ev(EventKind.DISCIPLINE, date(2025, 11, 1), "4:12", 1)]
    assert refusal(EventKind.RIGHTS_RESTORED, full, under, on_date=DAY, detail="") is None
    early = refusal(EventKind.RIGHTS_RESTORED, full, under, on_date=date(2026, 10, 31), detail="")
    assert early is not None and "2026年11月1日" in early


def test_expulsion_and_leaving_take_the_member_off_the_roll() -> None:
    """开除党籍 (a 处分) and 出党 set the reason; 党籍状态 stays 正常/停止党籍, the roll excludes them."""
    expelled = derive_state([ev(EventKind.DISCIPLINE, date(2026, 3, 1), "5", 1)], base_category="1")
    assert (expelled.in_branch, expelled.left_reason, expelled.membership_status) == (False, "25", "10")
    removed = derive_state([ev(EventKind.SUSPENDED, date(2024, 1, 1), "1", 1),
                            ev(EventKind.LEFT, date(2026, 1, 1), "23", 2)], base_category="1")
    assert (removed.in_branch, removed.left_reason, removed.membership_status) == (False, "23", "20")
    assert standing_of(removed) is Standing.LEFT_PARTY


def test_old_flat_status_events_read_as_reasons() -> None:
    """An old 党籍状态 event of 开除党籍 (33) or 死亡 (50) is read as the reason for leaving."""
    old = derive_state([ev(EventKind.STATUS, date(2020, 1, 1), "33", 1)], base_category="1")
    assert (old.left_reason, old.left_on, old.in_branch) == ("25", date(2020, 1, 1), False)


def test_offered_kinds_follow_the_table() -> None:
    """记录变动 offers 恢复党籍 only to a suspended member, nothing after 出党, 转入 only after 转出."""
    assert EventKind.RESTORED in offered_kinds(STANDINGS[Standing.SUSPENDED])
    assert EventKind.RESTORED not in offered_kinds(STANDINGS[Standing.FULL])
    assert offered_kinds(STANDINGS[Standing.LEFT_PARTY]) == []
    assert offered_kinds(STANDINGS[Standing.TRANSFERRED]) == [EventKind.TRANSFER_IN]
    assert EventKind.CONFIRMED in offered_kinds(STANDINGS[Standing.PROBATIONARY])


def test_restoring_rights_is_offered_only_during_an_undecided_observation() -> None:
    """恢复党员权利 (留党察看期满) is offered to a member under 留党察看, and not to one never under it or restored."""
    full = STANDINGS[Standing.FULL]
    observed = [ev(EventKind.DISCIPLINE, date(2024, 3, 1), "4:12", 1)]
    assert EventKind.RIGHTS_RESTORED not in offered_kinds(full, [])
    assert EventKind.RIGHTS_RESTORED in offered_kinds(full, observed)
    restored = [*observed, ev(EventKind.RIGHTS_RESTORED, date(2025, 3, 1), "", 2)]
    assert EventKind.RIGHTS_RESTORED not in offered_kinds(full, restored)


def _data(**changes: object) -> MemberData:
    base = MemberData(name="张三", gender="1", id_type="1", id_number="x", category="1", joined_on=date(2024, 7, 1),
                      confirmed_on=date(2025, 7, 1))
    return MemberData(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_form_or_import_row_goes_through_the_table() -> None:
    """A record set to 停止党籍 without its grounds is an error; a 转正 date off the end of probation and
    失联 under six months are warnings."""
    issues = record_issues(_data(membership_status="20"), state(), [], today=DAY)
    assert [(i.field, i.severity) for i in issues] == [("membership_status", "error")]
    issues = record_issues(_data(confirmed_on=date(2025, 8, 1)), None, [], today=DAY)
    assert [(i.field, i.code) for i in issues] == [("confirmed_on", "not_probation_end")]
    assert "2025年07月01日" in issues[0].message
    issues = record_issues(_data(lost_contact=True, lost_since=date(2026, 9, 1)), None, [], today=DAY)
    assert [(i.field, i.severity) for i in issues] == [("lost_since", "warning")]
    lost_long = _data(lost_contact=True, lost_since=date(2026, 1, 1), membership_status="20")
    assert record_issues(lost_long, state(), [], today=DAY) == []


def test_event_details_read_in_words() -> None:
    """The timeline and the card show 延长6个月, the way of 出党 and the 处分 in words, not codes."""
    assert describe_status_detail(EventKind.PROBATION_EXTENDED, "6") == "延长6个月"
    assert describe_status_detail(EventKind.LEFT, "23") == "方式：自行脱党除名"
    assert describe_status_detail(EventKind.DISCIPLINE, "4:24") == "处分：留党察看二年"
    assert describe_status_detail(EventKind.SUSPENDED, "1").startswith("原因：失去联系满六个月")


def test_a_month_only_confirmation_in_the_month_probation_ends_is_not_questioned() -> None:
    """入党 2008.7 and 转正 2009.7 (a roster's year-month dates): probation ends in 2009年07月, which the
    转正 meets, whether it is known to the month or the day; 2009.10 is questioned, in months."""
    month = partial_date.parse_text
    joined = month("2008.7")
    for confirmed in (month("2009.7"), date(2009, 7, 1), date(2009, 7, 20)):
        assert record_issues(_data(joined_on=joined, confirmed_on=confirmed), None, [], today=DAY) == [], confirmed
    issues = record_issues(_data(joined_on=joined, confirmed_on=month("2009.10")), None, [], today=DAY)
    assert [(i.code, i.message[:40]) for i in issues] == [
        ("not_probation_end", "转正日期一般为预备期满之日（2009年07月），填写的是2009年10月，请核对")]
    issues = record_issues(_data(joined_on=date(2008, 7, 15), confirmed_on=month("2009.7")), None, [], today=DAY)
    assert issues == []  # a 转正 known to the month only cannot be said to miss the 15th
