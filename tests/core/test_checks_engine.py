"""The checks engine: every module's findings, minus those dismissed or still snoozed; decisions audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.checks import engine
from partydesk.core.checks.findings import CHECKS, Finding, Severity
from partydesk.core.errors import ValidationError
from partydesk.core.services.audit import list_entries
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 30)


@pytest.fixture
def crafted() -> Iterator[None]:
    """Two findings of a check registered for the test only (removed afterwards)."""

    def two(db: Database, today: date) -> list[Finding]:
        return [Finding("test.a", Severity.WARNING, "x", "甲", None, "r"),
                Finding("test.a", Severity.OVERDUE, "y", "乙", date(2026, 1, 1), "r")]

    CHECKS["test.a"] = two
    yield
    del CHECKS["test.a"]


def _subjects(db: Database, today: date = TODAY) -> set[str]:
    return {f.subject for f in engine.open_findings(db, today) if f.code == "test.a"}


def test_dismissed_finding_leaves_the_board_and_restore_brings_it_back(db: Database, crafted: None) -> None:
    """A dismissal is kept per (code, subject); restoring shows the finding again."""
    assert _subjects(db) == {"x", "y"}
    changes = engine.dismiss(db, LOCAL_USER, ("test.a", "x"), reason="已口头提醒")
    assert changes.touches(ChangeKind.FINDING)
    assert _subjects(db) == {"y"}
    hidden = engine.board(db, TODAY).set_aside
    assert [(f.subject, d.reason) for f, d in hidden] == [("x", "已口头提醒")]
    engine.restore(db, LOCAL_USER, ("test.a", "x"))
    assert _subjects(db) == {"x", "y"}


def test_snooze_hides_until_the_day_before_and_shows_on_the_day(db: Database, crafted: None) -> None:
    """Snoozed until 12-10: hidden on 12-09, back on 12-10."""
    engine.snooze(db, LOCAL_USER, ("test.a", "y"), until=date(2026, 12, 10), today=TODAY, reason="等上级通知")
    assert _subjects(db, date(2026, 12, 9)) == {"x"}
    assert _subjects(db, date(2026, 12, 10)) == {"x", "y"}


def test_snooze_must_be_to_a_later_day_and_needs_a_reason(db: Database, crafted: None) -> None:
    """Snoozing to today, or without a reason, is refused and writes nothing."""
    with pytest.raises(ValidationError):
        engine.snooze(db, LOCAL_USER, ("test.a", "y"), until=TODAY, today=TODAY, reason="理由")
    with pytest.raises(ValidationError):
        engine.dismiss(db, LOCAL_USER, ("test.a", "y"), reason="  ")
    assert _subjects(db) == {"x", "y"}


def test_every_decision_is_in_the_audit_trail(db: Database, crafted: None) -> None:
    """Dismiss, snooze and restore each append an audit row with their action."""
    engine.dismiss(db, LOCAL_USER, ("test.a", "x"), reason="原因")
    engine.snooze(db, LOCAL_USER, ("test.a", "x"), until=date(2027, 1, 1), today=TODAY, reason="原因")
    engine.restore(db, LOCAL_USER, ("test.a", "x"))
    actions = [e.action for e in list_entries(db, LOCAL_USER, limit=3)]
    assert sorted(actions) == ["finding.dismiss", "finding.restore", "finding.snooze"]


def test_findings_are_ordered_most_urgent_first(db: Database, crafted: None) -> None:
    """Overdue before warning, whatever order the check gave them in."""
    mine = [f for f in engine.run_all(db, TODAY) if f.code == "test.a"]
    assert [f.subject for f in mine] == ["y", "x"]


def test_a_failing_check_becomes_a_finding_and_the_others_still_run(db: Database, crafted: None) -> None:
    """One module's bug does not blank the board."""

    def broken(db: Database, today: date) -> list[Finding]:
        raise RuntimeError("bug")

    CHECKS["test.broken"] = broken
    try:
        found = engine.run_all(db, TODAY)
    finally:
        del CHECKS["test.broken"]
    assert any(f.code == "check.failed" and f.subject == "test.broken" for f in found)
    assert {f.subject for f in found if f.code == "test.a"} == {"x", "y"}
