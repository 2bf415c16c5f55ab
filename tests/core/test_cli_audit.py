"""``partydesk audit list|verify``: the trail is listed without personal data, and tampering is found."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from partydesk.cli import main
from partydesk.core.demo import create_demo


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A demo database: its set-up and member writes have left several audit rows."""
    path = tmp_path / "demo.db"
    create_demo(path, members=8)
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out, _err = _run(capsys, *argv, "--json")
    return code, json.loads(out)


def _tamper(path: Path, sql: str, trigger: str) -> None:
    """What an attacker with plain sqlite3 would do: drop the guarding trigger, then edit."""
    conn = sqlite3.connect(path)
    conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_list_shows_newest_first_with_actor_action_and_summary(demo_db: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """--json --limit N gives N entries, newest first, each with who, when, what and record ids."""
    code, payload = _json(capsys, "audit", "list", "--db", str(demo_db), "--limit", "2")
    assert code == 0 and payload["count"] == 2
    seqs = [e["seq"] for e in payload["entries"]]
    assert seqs == sorted(seqs, reverse=True)
    newest, before = payload["entries"]
    # The demo's last write dates its records back (on its organisation's record); before it, its last records.
    assert newest["actor_id"] == "local" and newest["action"] == "site.records_began"
    assert before["action"].endswith(".add")
    code, payload = _json(capsys, "audit", "list", "--db", str(demo_db), "--limit", "1000")
    added = next(e for e in payload["entries"] if e["action"] == "member.add")
    assert "member: 8 new" in added["summary"] and len(added["record_ids"]) >= 8
    code, out, _ = _run(capsys, "audit", "list", "--db", str(demo_db), "--limit", "1000")
    assert code == 0 and "审计记录" in out and "setup.organisation" in out


def test_verify_passes_on_an_untouched_trail(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An untouched chain verifies; exit code 0."""
    code, out, _ = _run(capsys, "audit", "verify", "--db", str(demo_db))
    assert code == 0 and "哈希链校验通过" in out


def test_editing_a_row_by_hand_is_found_and_named(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Drop the trigger, change row 2's summary with sqlite3: verify fails naming seq 2 and its time."""
    conn = sqlite3.connect(demo_db)
    (at,) = conn.execute("SELECT at FROM audit WHERE seq = 2").fetchone()
    conn.close()
    _tamper(demo_db, "UPDATE audit SET summary = 'organisation: 0 new' WHERE seq = 2", "audit_no_update")
    code, payload = _json(capsys, "audit", "verify", "--db", str(demo_db))
    assert code == 1 and payload["ok"] is False
    assert payload["broken_seq"] == 2 and payload["broken_at"] == at
    code, out, _ = _run(capsys, "audit", "verify", "--db", str(demo_db))
    assert code == 1 and "第 2 条" in out and at[:10] in out


def test_deleting_a_row_from_the_middle_is_found(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A row removed from the middle breaks the chain at the row after it."""
    _tamper(demo_db, "DELETE FROM audit WHERE seq = 2", "audit_no_delete")
    code, payload = _json(capsys, "audit", "verify", "--db", str(demo_db))
    assert code == 1 and payload["broken_seq"] == 3


def test_audit_rows_cannot_be_changed_or_deleted_while_the_triggers_stand(demo_db: Path) -> None:
    """The table is append-only in the file itself: UPDATE and DELETE abort."""
    conn = sqlite3.connect(demo_db)
    try:
        for sql in ("UPDATE audit SET summary = '' WHERE seq = 1", "DELETE FROM audit WHERE seq = 1"):
            with pytest.raises(sqlite3.IntegrityError, match="audit rows cannot be"):
                conn.execute(sql)
    finally:
        conn.close()
