"""The demo year of talks: deterministic, inside the year before the demo's today, everyone on the roll
talked with but the few members it leaves out, and follow-ups done, overdue and still to come."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from partydesk.core import checks
from partydesk.core.checks.findings import Severity, run_checks
from partydesk.core.demo import DEMO_TODAY, create_demo
from partydesk.core.demo_talks import LEFT_OUT
from partydesk.core.services.talks import talks_due, talks_of_year
from partydesk.core.storage.database import open_database


def talks_in(path: Path) -> list[tuple[date, str, tuple[str, ...], str]]:
    db = open_database(path)
    try:
        return [(t.data.held_on, t.data.by_name, t.with_names, t.data.topic)
                for year in (DEMO_TODAY.year - 1, DEMO_TODAY.year) for t in talks_of_year(db, year)]
    finally:
        db.close()


def test_the_same_seed_gives_the_same_talks_within_the_year(tmp_path: Path) -> None:
    create_demo(tmp_path / "a" / "a.db", seed=7, members=20)
    create_demo(tmp_path / "b" / "b.db", seed=7, members=20)
    create_demo(tmp_path / "c" / "c.db", seed=8, members=20)
    a = talks_in(tmp_path / "a" / "a.db")
    assert a == talks_in(tmp_path / "b" / "b.db")
    assert a != talks_in(tmp_path / "c" / "c.db")
    assert min(t[0] for t in a) >= DEMO_TODAY - timedelta(days=365)
    assert max(t[0] for t in a) < DEMO_TODAY


def test_the_demo_leaves_a_few_members_out_and_the_checks_find_them(tmp_path: Path) -> None:
    """On the demo's today exactly the members left out are overdue; one follow-up is overdue, one done;
    one pair of committee members has not talked."""
    create_demo(tmp_path / "d.db")
    db = open_database(tmp_path / "d.db")
    try:
        overdue = [d for d in talks_due(db, DEMO_TODAY) if d.due is None or d.due < DEMO_TODAY]
        checks.load_all()
        found = run_checks(db, DEMO_TODAY, ["talk.none", "talk.follow_up", "talk.committee"])
        everyone = talks_of_year(db, DEMO_TODAY.year) + talks_of_year(db, DEMO_TODAY.year - 1)
    finally:
        db.close()
    assert len(overdue) == LEFT_OUT and all(d.last_talk is None for d in overdue)
    assert {f.subject for f in found if f.code == "talk.none"} == {d.member_id for d in overdue}
    late = [f for f in found if f.code == "talk.follow_up"]
    assert len(late) == 1 and late[0].severity is Severity.OVERDUE
    assert any(t.data.follow_up_done for t in everyone)
    assert len([f for f in found if f.code == "talk.committee"]) == 1  # one committee pair left out
    assert any(t.data.form == "group" and len(t.data.with_ids) > 1 for t in everyone)
    assert any(t.data.by_member_id is None and t.data.by_name for t in everyone)


def test_a_tiny_demo_branch_still_gets_its_talks(tmp_path: Path) -> None:
    """Six members, five of them 支委: fewer ordinary members than the demo leaves out, no error."""
    create_demo(tmp_path / "t.db", seed=5, members=6)
    assert talks_in(tmp_path / "t.db")
