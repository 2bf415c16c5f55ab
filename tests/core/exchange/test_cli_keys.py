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


def test_registering_a_new_card_of_a_registered_office_says_its_old_key_retires(
        offices: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The branch replaced its key at once: the committee is told before (unconfirmed) and after registering
    that the old key stops, and which one."""
    east, committee = offices["east"], offices["committee"]
    _code, card = run(capsys, "sync", "keycard", "--db", str(east), "--out", str(tmp_path / "old.pdkey"))
    run(capsys, "sync", "register", card["path"], "--db", str(committee), "--yes")
    code, _rotated = run(capsys, "sync", "rotate-key", "--now", "--db", str(east))
    assert code == 0
    _code, new = run(capsys, "sync", "keycard", "--db", str(east), "--out", str(tmp_path / "new.pdkey"))
    code, asked = run(capsys, "sync", "register", new["path"], "--db", str(committee))
    assert code == 1 and "旧密钥停用" in asked["message"] and card["fingerprint"] in asked["message"]
    code, done = run(capsys, "sync", "register", new["path"], "--db", str(committee), "--yes")
    assert code == 0 and done["retired"] == [card["fingerprint"]] and "已停用" in done["message"]
