"""`partydesk check`: the open findings, most urgent first, as text or JSON; dismissed ones left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import engine
from partydesk.core.demo import create_demo
from partydesk.core.storage.database import open_database


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The demo branch with its year of meetings."""
    path = tmp_path / "demo.db"
    create_demo(path, seed=2026)
    return path


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main([*argv, "--json"]) == 0
    payload: dict[str, object] = json.loads(capsys.readouterr().out.strip())
    return payload


def test_check_json_lists_each_finding_with_its_five_keys(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every finding has code, severity, subject, message, due; overdue ones come first."""
    payload = _json(capsys, "check", "--db", str(demo), "--date", "2026-11-30")
    found = payload["findings"]
    assert isinstance(found, list) and found
    assert all(set(f) == {"code", "severity", "subject", "message", "due"} for f in found)
    assert "2026年第二季度未召开党课" in [f["message"] for f in found]
    order = [f["severity"] for f in found]
    assert order == sorted(order, key=["overdue", "warning", "info"].index)


def test_a_dismissed_finding_is_left_out_unless_all(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Dismissed in the program, the finding no longer shows; --all shows it again."""
    first = _json(capsys, "check", "--db", str(demo), "--date", "2026-11-30")["findings"]
    assert isinstance(first, list)
    db = open_database(demo)
    try:
        engine.dismiss(db, LOCAL_USER, (first[0]["code"], first[0]["subject"]), reason="已补开")
    finally:
        db.close()
    after = _json(capsys, "check", "--db", str(demo), "--date", "2026-11-30")["findings"]
    assert isinstance(after, list) and first[0] not in after and len(after) == len(first) - 1
    everything = _json(capsys, "check", "--db", str(demo), "--date", "2026-11-30", "--all")["findings"]
    assert isinstance(everything, list) and first[0] in everything


def test_check_text_names_the_count_and_the_messages(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Plain output says how many to-dos there are, each with its severity word."""
    assert main(["check", "--db", str(demo), "--date", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "项待办" in out and "[逾期] 2026年第二季度未召开党课" in out


def test_a_bad_date_is_refused(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--date 2026-13-01 exits 1 with a message naming what is wrong with it; 2026.11.30 is read as offices
    write it."""
    assert main(["check", "--db", str(demo), "--date", "2026-13-01"]) == 1
    assert "没有 13 月" in capsys.readouterr().err
    assert main(["check", "--db", str(demo), "--date", "2026.11.30"]) == 0
