"""``partydesk backup --to`` and ``partydesk restore FILE.pdbak``: the USB backup from a script, its passphrase
taken from the environment (never an argument) or typed at a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.rules import set_rule
from partydesk.core.storage.database import open_database
from tests.core.test_cli import RULE, initialised, rule_values, run, run_json

__all__ = ["initialised"]  # the fixture, used here by name
PASS = "幸福社区支部2026"


pytestmark = pytest.mark.usefixtures("cheap_offsite_key")


def test_a_usb_backup_and_its_restore_from_a_script(capsys: pytest.CaptureFixture[str], initialised: Path,
                                                    tmp_path_factory: pytest.TempPathFactory,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path_factory.mktemp("U盘")
    db = open_database(initialised)
    set_rule(db, LOCAL_USER, key=RULE, value=5)
    db.close()
    monkeypatch.setenv("PARTYDESK_PASSPHRASE", PASS)
    code, payload = run_json(capsys, "backup", "--db", str(initialised), "--to", str(stick))
    assert code == 0
    written = Path(payload["backup"])
    assert written.parent == stick and written.suffix == ".pdbak"
    assert "现在可以安全拔下U盘" in payload["message"]
    db = open_database(initialised)
    set_rule(db, LOCAL_USER, key=RULE, value=9)
    db.close()

    monkeypatch.setenv("PARTYDESK_PASSPHRASE", "not the passphrase")
    code, _out, err = run(capsys, "restore", "--db", str(initialised), str(written))
    assert code == 1 and "口令不对" in err
    monkeypatch.setenv("PARTYDESK_PASSPHRASE", PASS)
    code, out, err = run(capsys, "restore", "--db", str(initialised), str(written))
    assert code == 0, err
    assert out.startswith(f"已从备份恢复：{written}")
    db = open_database(initialised)
    try:
        assert rule_values(db)[RULE] == 5
    finally:
        db.close()


def test_without_a_passphrase_and_no_terminal_it_says_how_to_give_one(
        capsys: pytest.CaptureFixture[str], initialised: Path, tmp_path_factory: pytest.TempPathFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARTYDESK_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    stick = tmp_path_factory.mktemp("U盘")
    code, _out, err = run(capsys, "backup", "--db", str(initialised), "--to", str(stick))
    assert code == 1 and "PARTYDESK_PASSPHRASE" in err
    assert list(stick.iterdir()) == []
