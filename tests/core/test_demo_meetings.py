"""The demo year of meetings: deterministic, realistic, with the gaps it promises."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from partydesk.core.demo import DEMO_TODAY, create_demo
from partydesk.core.services.meeting_reports import absent_in_a_row, compliance
from partydesk.core.services.meetings import meetings_of_year
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.meeting_repo import away_of as away_in


def away_of(db: Database, ids: list[str]) -> dict[str, str]:
    with db.read() as session:
        return away_in(session, ids)


def meetings_in(path: Path) -> list[tuple[str, date, str, int, int]]:
    db = open_database(path)
    try:
        return [(m.type_code, m.held_on, m.topic, m.expected, m.present)
                for year in (DEMO_TODAY.year - 1, DEMO_TODAY.year) for m in meetings_of_year(db, year)]
    finally:
        db.close()


def test_the_same_seed_gives_the_same_meetings(tmp_path: Path) -> None:
    create_demo(tmp_path / "a" / "a.db", seed=7)
    create_demo(tmp_path / "b" / "b.db", seed=7)
    create_demo(tmp_path / "c" / "c.db", seed=8)
    a = meetings_in(tmp_path / "a" / "a.db")
    assert a == meetings_in(tmp_path / "b" / "b.db")
    assert a != meetings_in(tmp_path / "c" / "c.db")
    assert min(m[1] for m in a) >= date(DEMO_TODAY.year - 1, DEMO_TODAY.month, 1)
    assert max(m[1] for m in a) < DEMO_TODAY
    assert all(0 < present <= expected for _t, _d, _topic, expected, present in a)


def test_the_demo_has_its_gaps_and_a_member_who_stopped_coming(tmp_path: Path) -> None:
    create_demo(tmp_path / "d.db")
    db = open_database(tmp_path / "d.db")
    try:
        rows = compliance(db, 2026, as_of=DEMO_TODAY)
        gaps = [(r.type_code, r.party_group, r.period.label) for r in rows if not r.met and not r.open]
        assert gaps == [("committee", "", "2026年2月"), ("group", "第三党小组", "2026年8月"),
                        ("lecture", "", "2026年第二季度")]
        assert {(r.type_code, r.period.label) for r in rows if r.open} >= {("committee", "2026年11月")}
        runs = absent_in_a_row(db)
        assert len([run for run in runs if run[2] < 12]) == 1, runs  # the one who stopped coming
        assert all(away == "lost" for away in away_of(db, [run[0] for run in runs if run[2] >= 12]).values())
    finally:
        db.close()


def test_scale_runs_get_no_meetings(tmp_path: Path) -> None:
    create_demo(tmp_path / "big.db", members=501)
    assert meetings_in(tmp_path / "big.db") == []


def test_the_demo_s_chair_and_recorder_are_at_the_meetings_they_sign(tmp_path: Path) -> None:
    """The 书记 chairs and the 组织委员 records every demo meeting: neither is marked 请假 or 缺席 at one (the
    minutes would name the chair among those on leave), whatever the dice said, in any seed's branch."""
    from partydesk.core import checks
    from partydesk.core.checks.findings import run_checks

    checks.load_all()
    for seed in (2026, 1, 2, 77):
        path = tmp_path / str(seed) / "demo.db"
        path.parent.mkdir()
        create_demo(path, seed=seed)
        db = open_database(path)
        try:
            assert run_checks(db, DEMO_TODAY, ["meeting.signer_away"]) == [], seed
        finally:
            db.close()
