"""The headless command line: each sub-command's result, exit codes, Chinese messages and the JSON shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from partydesk import __version__
from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.rules import rule_values, set_rule
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage.backup import list_backups, verify_backup
from partydesk.core.storage.database import open_database
from partydesk.paths import default_db_path

ROOT = Path(__file__).resolve().parents[2]
RULE = "meeting.general.months"
INIT = ["--org-name", "中共示例村支部委员会", "--org-code", "2001", "--role", "branch"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``partydesk argv`` in-process; returns (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    """Run with ``--json``; stdout must be exactly one JSON object."""
    code, out, err = run(capsys, *argv, "--json")
    assert err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    payload: dict[str, Any] = json.loads(lines[0])
    return code, payload


def usage_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run a command that argparse itself ends; returns (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as info:
        main(list(argv))
    out, err = capsys.readouterr()
    assert isinstance(info.value.code, int)
    return info.value.code, out, err


@pytest.fixture
def initialised(capsys: pytest.CaptureFixture[str], db_path: Path) -> Path:
    """A database made by ``partydesk init``."""
    code, _out, err = run(capsys, "init", "--db", str(db_path), *INIT)
    assert code == 0, err
    return db_path


# ---------------------------------------------------------------- init


def test_init_creates_a_database_and_says_so_in_chinese(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    """init creates and sets up the file; the message names it."""
    code, out, err = run(capsys, "init", "--db", str(db_path), *INIT)
    assert code == 0, err
    assert err == ""
    assert out.strip() == f"已创建数据库：{db_path}"
    db = open_database(db_path)
    try:
        assert db.site is not None and db.site.role == "branch"
        assert own_organisation(db).org_type == "党支部"  # type: ignore[union-attr]
    finally:
        db.close()


def test_init_json_reports_the_site(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    """init --json gives message, db, site_id and role."""
    code, payload = run_json(capsys, "init", "--db", str(db_path), *INIT[:-1], "committee")
    assert code == 0
    assert set(payload) == {"message", "db", "site_id", "role"}
    assert payload["db"] == str(db_path)
    assert payload["role"] == "committee"
    assert len(payload["site_id"]) == 36
    db = open_database(db_path)
    try:  # without --org-type, a committee is a 党委 (a branch a 党支部, as the first test's file)
        assert own_organisation(db).org_type == "党委"  # type: ignore[union-attr]
    finally:
        db.close()


def test_init_without_db_uses_the_data_folder(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --db the database goes to the per-user data folder (PARTYDESK_DATA_DIR in tests)."""
    code, payload = run_json(capsys, "init", *INIT)
    assert code == 0
    assert Path(payload["db"]) == default_db_path()
    assert default_db_path().is_file()
    assert Path(os.environ["PARTYDESK_DATA_DIR"]) in default_db_path().parents


def test_init_refuses_an_existing_file(capsys: pytest.CaptureFixture[str], initialised: Path) -> None:
    """A second init on the same file exits 1 and leaves the file alone."""
    before = initialised.read_bytes()
    code, out, err = run(capsys, "init", "--db", str(initialised), *INIT)
    assert code == 1
    assert out == ""
    assert err.startswith("错误：") and "文件已存在" in err
    assert initialised.read_bytes() == before


def test_init_with_bad_input_writes_nothing(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    """An organisation code with punctuation is refused with the field's rule (house rule 6)."""
    code, payload = run_json(capsys, "init", "--db", str(db_path), "--org-name", "支部", "--org-code", "20-01",
                             "--role", "branch")
    assert code == 1
    assert payload["error"] == "org_code"
    assert "组织代码" in payload["message"]


# ---------------------------------------------------------------- demo, check-db, backup, restore


def test_demo_then_check_db(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    """demo builds a populated database that check-db passes; a second demo on it is refused."""
    code, payload = run_json(capsys, "demo", "--db", str(db_path), "--seed", "7")
    assert code == 0
    assert payload["seed"] == 7 and payload["members"] > 0
    code, out, err = run(capsys, "check-db", "--db", str(db_path))
    assert code == 0, err
    assert out.strip() == f"数据库检查通过：{db_path}"
    code, payload = run_json(capsys, "demo", "--db", str(db_path))
    assert code == 1
    assert payload["error"] == "exists"


def test_check_db_json(capsys: pytest.CaptureFixture[str], initialised: Path) -> None:
    """check-db --json reports ok and the SQLite version."""
    code, payload = run_json(capsys, "check-db", "--db", str(initialised))
    assert code == 0
    assert payload["ok"] is True
    assert payload["sqlite_version"].count(".") == 2


def test_backup_writes_a_verified_file_beside_the_database(
    capsys: pytest.CaptureFixture[str], initialised: Path,
) -> None:
    """backup puts a verified copy in backups/ next to the database and names it."""
    code, payload = run_json(capsys, "backup", "--db", str(initialised))
    assert code == 0
    backup = Path(payload["backup"])
    assert backup.parent == initialised.parent / "backups"
    assert backup.is_file() and payload["size"] == backup.stat().st_size
    assert verify_backup(backup)
    assert [b.path for b in list_backups(backup.parent)] == [backup]
    assert payload["message"] == f"备份完成并已校验：{backup}"


def test_restore_round_trip(capsys: pytest.CaptureFixture[str], initialised: Path) -> None:
    """A rule changed after a backup is back to its backed-up value after restore; the old file is kept."""
    db = open_database(initialised)
    set_rule(db, LOCAL_USER, key=RULE, value=5)
    db.close()
    code, payload = run_json(capsys, "backup", "--db", str(initialised))
    assert code == 0
    backup = Path(payload["backup"])
    db = open_database(initialised)
    set_rule(db, LOCAL_USER, key=RULE, value=9)
    db.close()

    code, out, err = run(capsys, "restore", "--db", str(initialised), str(backup))
    assert code == 0, err
    assert out.startswith(f"已从备份恢复：{backup}")
    db = open_database(initialised)
    try:
        assert rule_values(db)[RULE] == 5
    finally:
        db.close()
    # The file that was replaced was saved first, and holds the newer value.
    safety = [b for b in list_backups(initialised.parent / "backups") if b.reason == "before-restore"]
    assert len(safety) == 1 and str(safety[0].path) in out
    saved = open_database(safety[0].path)
    try:
        assert rule_values(saved)[RULE] == 9
    finally:
        saved.close()


def test_restore_of_a_missing_file_is_refused(capsys: pytest.CaptureFixture[str], initialised: Path) -> None:
    """restore names the missing backup file and exits 1; the database is untouched."""
    before = initialised.read_bytes()
    missing = initialised.parent / "没有这个备份.db"
    code, out, err = run(capsys, "restore", "--db", str(initialised), str(missing))
    assert code == 1
    assert out == ""
    assert err.strip() == f"错误：找不到备份文件：{missing}"
    assert initialised.read_bytes() == before


def test_restore_of_a_damaged_backup_is_refused(capsys: pytest.CaptureFixture[str], initialised: Path) -> None:
    """A file that is not a sound SQLite database is refused before anything is replaced."""
    before = initialised.read_bytes()
    bogus = initialised.parent / "bogus.db"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    code, payload = run_json(capsys, "restore", "--db", str(initialised), str(bogus))
    assert code == 1
    assert payload["error"] == "backup_failed"
    assert initialised.read_bytes() == before


# ---------------------------------------------------------------- self-test, version, usage, errors


def test_self_test_passes(capsys: pytest.CaptureFixture[str]) -> None:
    """self-test migrates a temp database and renders a chart."""
    code, payload = run_json(capsys, "self-test")
    assert code == 0
    assert payload["ok"] is True
    assert payload["chart_bytes"] > 1000
    assert payload["message"].startswith("自检通过")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the program version and exits 0."""
    code, out, _err = usage_exit(capsys, "--version")
    assert code == 0
    assert out.strip() == f"partydesk {__version__}"


@pytest.mark.parametrize("argv", [["frobnicate"], ["init", "--db", "x.db"], ["backup", "--no-such-option"]])
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """An unknown sub-command, a missing required option or an unknown option is a usage error: exit 2, said in
    Chinese like the rest of the command line."""
    code, out, err = usage_exit(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("用法：partydesk") and "：错误：" in err
    assert not {"usage", "error", "required", "unrecognized", "invalid choice"} & set(err.replace(":", " ").split())


def test_help_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """--help: argparse's own headings and the help option's line are Chinese too."""
    code, out, _err = usage_exit(capsys, "--help")
    assert code == 0 and out.startswith("用法：partydesk")
    assert "选项" in out and "显示本帮助并退出" in out and "显示程序版本并退出" in out
    assert "options" not in out and "show this help" not in out


def test_errors_in_json_mode_have_the_error_shape(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """With --json a failure prints exactly {"error", "message"} on stdout, nothing on stderr, exit 1; a missing
    database leaves nothing behind (not even a folder for the lock)."""
    missing = tmp_path / "nowhere" / "partydesk.db"
    for command in (["backup"], ["check-db"], ["check"], ["sync", "status"]):
        code, payload = run_json(capsys, *command, "--db", str(missing))
        assert code == 1
        assert set(payload) == {"error", "message"}
        assert payload["error"] == "no_db"
        assert str(missing) in payload["message"] and "partydesk init" in payload["message"]
    assert not missing.parent.exists()


def test_errors_without_json_go_to_stderr_in_chinese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Without --json the message goes to stderr prefixed 错误：, and stdout stays empty."""
    code, out, err = run(capsys, "check-db", "--db", str(tmp_path / "partydesk.db"))
    assert code == 1
    assert out == ""
    assert err.startswith("错误：找不到数据库文件")


def test_module_entry_point_runs_self_test() -> None:
    """`python -m partydesk self-test` works as a real process, without Qt or matplotlib settings."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    for var in ("MPLBACKEND", "QT_QPA_PLATFORM", "PYTHONIOENCODING"):
        env.pop(var, None)
    result = subprocess.run(
        [sys.executable, "-m", "partydesk", "self-test"], cwd=ROOT, env=env, capture_output=True,
        timeout=300, check=False,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, stderr
    assert result.stdout.decode("utf-8").startswith("自检通过"), stderr
