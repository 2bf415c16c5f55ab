"""The workbench's member counts read the covering index, never the wide member table."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event

from partydesk.core.services import dashboard
from partydesk.core.storage import meeting_repo
from partydesk.core.storage.database import Database


def _plans(db: Database, run: Any) -> list[str]:
    """The query plan of every SELECT that ``run`` sends to the database."""
    sent: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM member" in statement:
            sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    plans = []
    with db.engine.connect() as conn:
        for statement, parameters in sent:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            plans.append(" / ".join(str(r[-1]) for r in rows))
    return plans


def test_structure_and_missing_field_counts_use_the_covering_index(db: Database) -> None:
    """Each member count of the structure charts and of the missing-field check is a covering-index read; asking
    whether anyone can be on two organisations' rolls (to count them once) reads the org index alone."""
    from partydesk.core.checks.roster import missing_fields

    plans = _plans(db, lambda: (dashboard.structure(db, date(2026, 11, 30)), list(missing_fields(db, date.today()))))
    counts = [p for p in plans if "ix_member_org_id" not in p]
    assert len(counts) >= 3
    assert all("COVERING INDEX ix_member_structure" in p for p in counts), plans
    assert all(p == "SCAN member USING COVERING INDEX ix_member_org_id" for p in plans if p not in counts), plans


def test_names_of_no_members_ask_nothing_of_the_database(db: Database) -> None:
    """An empty id list answers {} without a query (an empty IN made SQLite scan every member)."""
    with db.read() as session:
        assert _plans(db, lambda: meeting_repo.member_names(session, [])) == []
        assert meeting_repo.member_names(session, []) == {}
