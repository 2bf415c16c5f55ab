"""The demo branch has migrants away since last year: one reported this summer, one did not (a to-do)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from partydesk.core import checks
from partydesk.core.checks.findings import run_checks
from partydesk.core.demo import create_demo
from partydesk.core.storage import workbench_repo
from partydesk.core.storage.database import open_database


def test_one_migrant_reported_and_one_did_not(tmp_path: Path) -> None:
    """Of the migrants away since 2025, the reported one is not a to-do on 30 November; the other is."""
    create_demo(tmp_path / "demo.db")
    db = open_database(tmp_path / "demo.db")
    try:
        with db.read() as session:
            rows = workbench_repo.migrant_reports(session)
        away = [(m, reports) for m, _n, since, reports, _org in rows if since is not None and since.year == 2025]
        reported = [m for m, reports in away if reports]
        silent = [m for m, reports in away if not reports]
        assert len(reported) == 1 and len(silent) >= 1
        checks.load_all()
        named = {f.target.key for f in run_checks(db, date(2026, 11, 30), ["roster.migrant_no_report"]) if f.target}
    finally:
        db.close()
    assert named == set(silent)
