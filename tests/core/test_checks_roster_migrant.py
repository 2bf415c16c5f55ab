"""流动党员 with no report this year, on the rule's boundary days; the report is a 记录变动 event."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.core import checks
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks.findings import Finding, Severity, Target, run_checks
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import DerivedState, EventKind
from partydesk.core.domain.membership import offered_kinds
from partydesk.core.errors import ValidationError
from partydesk.core.services import members
from partydesk.core.storage.database import Database

CODE = "roster.migrant_no_report"
TODAY = date(2026, 11, 30)
FULL = MemberInput(name="钱七", gender="男", id_number="110105194912310038", category="正式党员",
                   joined_on="2010-07-01", confirmed_on="2011-07-01")


def _id_number(n: int) -> str:
    body = f"11010519800101{n:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def _migrant(db: Database, away_since: date, n: int = 1) -> str:
    data = MemberInput(**{**FULL.__dict__, "id_number": _id_number(n)})
    member_id = members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id
    members.add_event(db, LOCAL_USER, member_id=member_id, kind=EventKind.MIGRANT_OUT, on_date=away_since,
                      detail="广东省深圳市", today=TODAY)
    return member_id


def _report(db: Database, member_id: str, on: date) -> None:
    members.add_event(db, LOCAL_USER, member_id=member_id, kind=EventKind.MIGRANT_REPORT, on_date=on,
                      today=TODAY)


def _found(db: Database, day: date) -> list[Finding]:
    checks.load_all()
    return run_checks(db, day, [CODE])


def test_a_migrant_without_a_report_is_named_with_rule_due_and_target(db: Database) -> None:
    """Away since 2025 with no report in 2026: a warning due 31 December, aimed at the member."""
    member_id = _migrant(db, date(2025, 3, 1))
    [finding] = _found(db, TODAY)
    assert (finding.severity, finding.due, finding.target, finding.subject) == (
        Severity.WARNING, date(2026, 12, 31), Target("member", member_id), f"{member_id}|2026")
    assert "钱七" in finding.message and "汇报" in finding.message and "每年至少" in finding.rule


def test_a_report_on_the_first_day_of_the_year_counts_and_one_on_the_last_day_before_does_not(
        db: Database) -> None:
    """A report dated 31 December 2025 leaves 2026 owed; one dated 1 January 2026 settles it."""
    member_id = _migrant(db, date(2024, 5, 1))
    _report(db, member_id, date(2025, 12, 31))
    assert len(_found(db, TODAY)) == 1
    _report(db, member_id, date(2026, 1, 1))
    assert _found(db, TODAY) == []


def test_a_note_until_30_september_and_a_warning_from_1_october(db: Database) -> None:
    """提示 on 30 September, 注意 on 1 October (a quarter before the year's end)."""
    _migrant(db, date(2025, 3, 1))
    assert [f.severity for f in _found(db, date(2026, 9, 30))] == [Severity.INFO]
    assert [f.severity for f in _found(db, date(2026, 10, 1))] == [Severity.WARNING]


def test_a_member_who_left_this_year_owes_nothing_yet(db: Database) -> None:
    """Away since 1 January 2026 (reported on leaving): nothing; away since 31 December 2025: owed."""
    _migrant(db, date(2026, 1, 1))
    assert _found(db, TODAY) == []
    _migrant(db, date(2025, 12, 31), n=2)
    assert len(_found(db, TODAY)) == 1


def test_in_january_last_years_missing_report_is_overdue(db: Database) -> None:
    """On 31 January 2027 a migrant with no 2026 report is overdue, due 31 December 2026; on 1 February the
    past year is no longer listed, only this year's note."""
    member_id = _migrant(db, date(2025, 3, 1))
    [finding] = _found(db, date(2027, 1, 31))
    assert (finding.severity, finding.due, finding.subject) == (Severity.OVERDUE, date(2026, 12, 31),
                                                                f"{member_id}|2026")
    assert [(f.severity, f.subject) for f in _found(db, date(2027, 2, 1))] == [(Severity.INFO, f"{member_id}|2027")]


def test_a_member_back_home_is_no_longer_asked(db: Database) -> None:
    """After 流动返回 the member is not a migrant: no finding, and no report can be recorded."""
    member_id = _migrant(db, date(2025, 3, 1))
    members.add_event(db, LOCAL_USER, member_id=member_id, kind=EventKind.MIGRANT_BACK, on_date=date(2026, 6, 1),
                      today=TODAY)
    assert _found(db, TODAY) == []
    with pytest.raises(ValidationError, match="没有登记为外出流动"):
        _report(db, member_id, date(2026, 7, 1))


def test_the_record_change_form_offers_the_report_only_to_migrants() -> None:
    """记录变动 lists 流动党员汇报 for a migrant, not for a member at home."""
    home = DerivedState("1", None, None, "10", False, None, "", False, "", None, True)
    away = DerivedState("1", None, None, "10", False, None, "", True, "深圳", date(2025, 3, 1), True)
    assert EventKind.MIGRANT_REPORT in offered_kinds(away)
    assert EventKind.MIGRANT_REPORT not in offered_kinds(home)
