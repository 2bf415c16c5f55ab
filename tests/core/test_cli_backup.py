"""``partydesk backup --to`` and ``partydesk restore FILE.pdbak``: the USB backup from a script, its passphrase
taken from the environment (never an argument) or typed at a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.rules import rule_values, set_rule
from partydesk.core.storage.database import open_database
from tests.core.test_cli import RULE, initialised, run, run_json

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


def test_a_damaged_database_names_the_backup_and_the_command_that_restores_it(
        capsys: pytest.CaptureFixture[str], initialised: Path) -> None:
    """Any command on a damaged file says which verified backup is newest and the restore command to type; the
    command given then brings the records back."""
    code, _out, err = run(capsys, "backup", "--db", str(initialised))
    assert code == 0, err
    data = bytearray(initialised.read_bytes())
    data[4096:4096 + 12] = b"\x00" * 12  # page 2 loses its b-tree header
    initialised.write_bytes(bytes(data))
    code, _out, err = run(capsys, "roster", "list", "--db", str(initialised))
    assert code == 1 and "损坏" in err and "最近一次经过校验的备份是" in err
    command = err.split("恢复它：")[1].split("（")[0]
    assert command.startswith("partydesk restore ")
    argv = [part.strip('"') for part in command.removeprefix("partydesk ").split(" ")]
    code, _out, err = run(capsys, *argv)
    assert code == 0, err
    code, _out, err = run(capsys, "roster", "list", "--db", str(initialised))
    assert code == 0, err


def test_the_salvage_command_named_for_a_damaged_file_keeps_the_later_change(
        capsys: pytest.CaptureFixture[str], initialised: Path) -> None:
    """The message on a damaged file names ``partydesk salvage`` too; typed, it keeps a change made after the
    newest backup (which a restore would lose), and says so in JSON. A sound file is not salvaged."""
    code, _out, err = run(capsys, "backup", "--db", str(initialised))
    assert code == 0, err
    db = open_database(initialised)
    set_rule(db, LOCAL_USER, key=RULE, value=7)  # after the backup
    db.close()
    code, payload = run_json(capsys, "salvage", "--db", str(initialised))
    assert code == 1 and payload["error"] == "not_damaged"
    data = bytearray(initialised.read_bytes())
    data[4096:4096 + 12] = b"\x00" * 12  # page 2 loses its b-tree header
    initialised.write_bytes(bytes(data))
    code, _out, err = run(capsys, "roster", "list", "--db", str(initialised))
    command = err.split("可改为抢救损坏文件中还能读出的记录：")[1].rstrip().rstrip("。")
    argv = [part.strip('"') for part in command.removeprefix("partydesk ").split(" ")]
    code, payload = run_json(capsys, *argv)
    assert code == 0, payload
    assert payload["tables"]["site"]["from_backup"] == 1 and not payload["whole"]
    assert Path(payload["quarantine"]).is_dir() and "已抢救" in payload["message"]
    db = open_database(initialised)
    try:
        assert rule_values(db)[RULE] == 7
    finally:
        db.close()
