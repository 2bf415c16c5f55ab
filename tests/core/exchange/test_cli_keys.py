"""`partydesk sync rotate-key` and `partydesk sync revoke ORG_CODE --reason R`: the new fingerprint and the
offices still to confirm it; a revoked branch's package exits 1 with ``revoked_key``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.exchange.test_cli_sync import offices, run

__all__ = ["offices"]  # the fixture, used by name


def test_rotate_and_revoke_from_the_command_line(offices: dict[str, Path], tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    east, committee = offices["east"], offices["committee"]
    stick = tmp_path / "stick"
    stick.mkdir()
    _code, card = run(capsys, "sync", "keycard", "--db", str(east), "--out", str(stick))
    _code, ccard = run(capsys, "sync", "keycard", "--db", str(committee), "--out", str(tmp_path / "c.pdkey"))
    run(capsys, "sync", "register", card["path"], "--db", str(committee), "--yes")
    run(capsys, "sync", "register", ccard["path"], "--db", str(east), "--yes")

    code, rotated = run(capsys, "sync", "rotate-key", "--db", str(committee))
    assert code == 0 and rotated["fingerprint"] == ccard["fingerprint"]
    assert rotated["next_fingerprint"] and len(rotated["waiting"]) == 1 and "新指纹" in rotated["message"]
    code, twice = run(capsys, "sync", "rotate-key", "--db", str(committee))
    assert code == 1 and twice["error"] == "rotation_pending"

    code, sent = run(capsys, "sync", "export", "--db", str(east), "--to", "1000", "--out", str(stick))
    code, revoked = run(capsys, "sync", "revoke", card["org_code"], "--reason", "电脑被盗", "--db", str(committee))
    assert code == 0 and revoked["revoked"] == [card["fingerprint"]]
    code, report = run(capsys, "sync", "import", sent["path"], "--db", str(committee))
    assert code == 1 and report["status"] == "rejected" and report["reason"] == "revoked_key"
    code, again = run(capsys, "sync", "revoke", card["org_code"], "--db", str(committee))
    assert code == 1 and again["error"] == "already_revoked"
