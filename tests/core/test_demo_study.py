"""The demo year of study: activities of every collective form, 党课 counted once, someone behind, certificates."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest

from partydesk.core.checks import study as study_checks  # noqa: F401  (registers the checks)
from partydesk.core.checks.findings import run_checks
from partydesk.core.demo import DEMO_TODAY, create_demo
from partydesk.core.services import study, study_reports
from partydesk.core.storage.database import open_database


def test_the_demo_has_a_year_of_study_with_someone_behind(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    create_demo(path)
    db = open_database(path)
    try:
        activities = study.activities_of_year(db, 2026)
        forms = {a.data.form_code for a in activities}
        assert {"collective", "lecture", "class", "remote", "online"} <= forms
        lectures = [a for a in activities if a.data.form_code == "lecture"]
        assert lectures and all(a.data.meeting_id for a in lectures)
        assert len({a.data.meeting_id for a in lectures}) == len(lectures)
        rows = study_reports.ledger(db, 2026, as_of=DEMO_TODAY)
        assert any(r.done for r in rows) and any(not r.done for r in rows)
        assert {r.leader for r in rows} == {True, False}
        split = [a for a in study.activities_of_year(db, 2025) if a.data.end_on.year == 2026]
        assert split, "the new-year class is in both years"
        codes = {f.code for f in run_checks(db, date(2026, 11, 2), ["study.behind", "study.cert_expiry"])}
        assert codes == {"study.behind", "study.cert_expiring", "study.cert_expired"}
        assert len(study.certifications(db)) == 5 and len(study.search_materials(db)) == 4
    finally:
        db.close()


def _credited(path: Path) -> list[tuple[str, int]]:
    """Each demo member's 学时 this year, by name."""
    db = open_database(path)
    try:
        return sorted((r.name, r.credited) for r in study_reports.ledger(db, 2026, as_of=DEMO_TODAY))
    finally:
        db.close()


def test_the_same_seed_gives_the_same_study_year_whatever_the_ids(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Ids are random: who took part in each study is drawn in the roll's order, not the ids', so one seed gives
    one branch (the same members behind, the same to-dos). The second demo is made with its ids in the reverse
    order of the first's."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    create_demo(tmp_path / "a" / "a.db")
    counter = iter(range(10**9, 0, -1))  # each id smaller than the one before
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(counter)))
    create_demo(tmp_path / "b" / "b.db")
    monkeypatch.undo()
    assert _credited(tmp_path / "a" / "a.db") == _credited(tmp_path / "b" / "b.db")
