"""The `partydesk talks` commands: add, list and due, their JSON shapes and their errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import create_demo
from partydesk.core.services.members import roster
from partydesk.core.storage.database import open_database


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A demo database with 12 members and a year of talks."""
    path = tmp_path / "demo.db"
    create_demo(path, seed=3, members=12)
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    payload: dict[str, Any] = json.loads(lines[0])
    return code, payload


def people(path: Path) -> list[tuple[str, str, str]]:
    """(id, ID number, name) of the demo members."""
    db = open_database(path)
    try:
        return [(r.id, r.id_number, r.name) for r in roster(db, LOCAL_USER)]
    finally:
        db.close()


def test_add_by_id_and_id_number_then_list(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    """Two members talked with, the talker named by ID number; list shows it with names and form."""
    p = people(demo)
    code, payload = run_json(capsys, "talks", "add", "--db", str(demo), "--date", "2026-11-03",
                             "--with", f"{p[1][0]}，{p[2][1]}", "--by", p[0][1], "--form", "visit",
                             "--topic", "了解生活困难", "--follow-up", "联系社区", "--follow-up-date", "2027-03-01")
    assert code == 0
    assert payload["by"] == p[0][2] and payload["by_member_id"] == p[0][0]
    assert set(payload["with"]) == {p[1][0], p[2][0]} and set(payload["with_names"]) == {p[1][2], p[2][2]}
    assert payload["form"] == "visit" and payload["form_name"] == "上门走访"
    assert payload["follow_up_on"] == "2027-03-01" and payload["follow_up_done"] is False
    code, listed = run_json(capsys, "talks", "list", "--db", str(demo), "--year", "2026")
    assert code == 0 and listed["year"] == 2026
    [shown] = [t for t in listed["talks"] if t["id"] == payload["id"]]
    assert shown["topic"] == "了解生活困难"


def test_a_talker_off_the_roster_is_kept_by_name(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    """--by text that is no member: the name is the talker."""
    p = people(demo)
    code, payload = run_json(capsys, "talks", "add", "--db", str(demo), "--date", "2026-11-05", "--with", p[3][0],
                             "--by", "街道党工委刘书记", "--topic", "谈心")
    assert code == 0 and payload["by"] == "街道党工委刘书记" and payload["by_member_id"] is None


def test_due_lists_the_members_left_out_and_a_talk_clears_one(capsys: pytest.CaptureFixture[str],
                                                               demo: Path) -> None:
    """The demo leaves members out: they are overdue; after a talk with one, that one is gone."""
    code, payload = run_json(capsys, "talks", "due", "--db", str(demo), "--on", "2026-11-01")
    assert code == 0 and payload["months"] == 12 and payload["on"] == "2026-11-01"
    overdue = [m for m in payload["members"] if m["status"] == "overdue"]
    assert overdue and all(set(m) == {"member_id", "name", "party_group", "last_talk", "due", "status"}
                           for m in payload["members"])
    first = overdue[0]["member_id"]
    _code, added = run_json(capsys, "talks", "add", "--db", str(demo), "--date", "2026-11-01", "--with", first,
                            "--topic", "谈心")
    assert added["by"] == "王建国" and added["by_member_id"]  # no --by: the 书记 of the set-up, on the roster
    _code, after = run_json(capsys, "talks", "due", "--db", str(demo), "--on", "2026-11-01")
    assert first not in {m["member_id"] for m in after["members"]}
    _code, everyone = run_json(capsys, "talks", "due", "--db", str(demo), "--on", "2026-11-01", "--all")
    assert first in {m["member_id"] for m in everyone["members"]}
    assert len(everyone["members"]) > len(after["members"])


def test_unknown_member_and_bad_date_fail_with_a_message(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    """Exit 1 and a JSON error naming what is wrong; nothing is written."""
    code, payload = run_json(capsys, "talks", "add", "--db", str(demo), "--date", "2026-11-05", "--with", "nobody",
                             "--topic", "谈心")
    assert code == 1 and payload["error"] == "unknown_member" and "nobody" in payload["message"]
    code, payload = run_json(capsys, "talks", "add", "--db", str(demo), "--date", "2099-01-05",
                             "--with", people(demo)[3][0], "--topic", "谈心")
    assert code == 1 and payload["error"] == "future" and "2099-01-05 还没到" in payload["message"]
    code, payload = run_json(capsys, "talks", "add", "--db", str(demo), "--date", "2027-13-05", "--with", "x",
                             "--topic", "谈心")
    assert code == 1 and payload["error"] == "bad_date"
    _code, listed = run_json(capsys, "talks", "list", "--db", str(demo), "--year", "2026")
    assert "谈心" not in {t["topic"] for t in listed["talks"]}
    _code, listed = run_json(capsys, "talks", "list", "--db", str(demo), "--year", "2099")
    assert listed["talks"] == []
