"""`partydesk meetings add`: a member under 留党察看 is expected at a 党员大会 but has no vote (党章 Art. 40)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import create_demo
from partydesk.core.domain.member_events import EventKind
from partydesk.core.services import members
from partydesk.core.storage.database import open_database


def _add_general(capsys: pytest.CaptureFixture[str], path: Path, day: str, present: list[str]) -> dict[str, object]:
    code = main(["meetings", "add", "--db", str(path), "--type", "general", "--date", day, "--topic", "党员大会",
                 "--present", ",".join(present), "--json"])
    out, _err = capsys.readouterr()
    assert code == 0, out
    payload: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return payload


def test_member_under_observation_counts_without_a_vote(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Before the 处分 the member votes; during 留党察看 the member is expected but outside the quorum base,
    and present does not add a voting member."""
    path = tmp_path / "demo.db"
    create_demo(path, seed=3, members=12)
    db = open_database(path)
    try:
        full = [r.id for r in members.roster(db, LOCAL_USER, include_departed=False) if r.category == "1"]
        members.add_event(db, LOCAL_USER, member_id=full[0], kind=EventKind.DISCIPLINE, on_date=date(2026, 6, 1),
                          detail="4:12", today=date(2026, 11, 30))
    finally:
        db.close()
    before = _add_general(capsys, path, "2026-05-20", full[:3])
    during = _add_general(capsys, path, "2026-11-20", full[:3])
    assert before["expected"] == during["expected"]
    assert during["voting_expected"] == before["voting_expected"] - 1  # type: ignore[operator]
    assert (before["voting_present"], during["voting_present"]) == (3, 2)
