"""``--db`` means exactly the file named, wherever it stands on the command line and whatever it holds."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partydesk.cli import build_parser, db_path_of, main
from partydesk.core.storage.database import open_database

INIT = ["--org-name", "中共示例村支部委员会", "--org-code", "2001", "--role", "branch"]

# The positional and required arguments each sub-command needs to parse; a new command must be added
# here, so the loop below covers every one.
REQUIRED: dict[str, list[str]] = {
    "init": INIT,
    "demo": [],
    "backup": [],
    "restore": ["some-backup.db"],
    "salvage": [],
    "check-db": [],
    "self-test": [],
    "shot": ["--page", "main", "--out", "x.png"],
    "roster import": ["file.xlsx"],
    "roster export": ["file.xlsx"],
    "roster list": [],
    "audit list": [],
    "audit verify": [],
    "meetings types": [],
    "meetings add": ["--type", "general", "--date", "2026-01-05", "--topic", "学习"],
    "meetings list": [],
    "meetings compliance": ["--year", "2026"],
    "meetings delete": ["some-meeting-id"],
    "study forms": [],
    "study add": ["--form", "collective", "--date", "2026-01-05", "--topic", "学习", "--hours", "2", "--members", "x"],
    "study count-meeting": ["--meeting", "x", "--hours", "4"],
    "study list": [],
    "study hours": ["--year", "2026"],
    "study cert-add": ["--member", "x", "--name", "证书"],
    "study material-add": ["--title", "资料", "--link", "https://example.org"],
    "study materials": [],
    "study report": ["--year", "2026", "--out", "x.xlsx"],
    "meetings export": ["some-id", "--out", "x.pdf"],
    "meetings register": ["--year", "2026", "--out", "x.xlsx"],
    "meetings attendance": ["--year", "2026", "--out", "x.xlsx"],
    "talks register": ["--year", "2026", "--out", "x.xlsx"],
    "talks add": ["--date", "2026-01-05", "--with", "x", "--topic", "谈心"],
    "talks list": [],
    "talks due": [],
    "check": [],
    "report annual": ["--out", "report.pdf"],
    "sync keycard": ["--out", "card.pdkey"],
    "sync register": ["card.pdkey", "--yes"],
    "sync export": ["--to", "1000", "--out", "stick"],
    "sync import": ["x.pdsync"],
    "sync status": [],
    "sync conflicts": [],
    "sync resolve": ["1", "--keep-local"],
    "sync mend-clock": [],
    "sync rotate-key": [],
    "sync revoke": ["3301060001"],
    "sync notice add": ["--title", "通知", "--all"],
    "sync notice list": [],
    "sync notice withdraw": ["00000000-0000-0000-0000-000000000000", "--reason", "发错了"],
    "sync material send": ["some-material-id", "--all"],
}


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                full = f"{prefix}{name}"
                nested = list(_commands(sub, full + " "))
                yield from nested or [full]


def test_every_command_is_listed_here() -> None:
    """The table above names every sub-command, so the loops below cover them all."""
    assert set(_commands(build_parser())) == set(REQUIRED)


@pytest.mark.parametrize("command", sorted(REQUIRED))
def test_db_before_or_after_the_command_means_the_same_file(command: str, tmp_path: Path) -> None:
    """``partydesk --db X cmd`` and ``partydesk cmd --db X`` both work on X, never on the default file."""
    target = tmp_path / "chosen.db"
    words = command.split()
    before = build_parser().parse_args(["--db", str(target), *words, *REQUIRED[command]])
    after = build_parser().parse_args([*words, *REQUIRED[command], "--db", str(target)])
    assert db_path_of(before) == target
    assert db_path_of(after) == target


@pytest.mark.parametrize("command", sorted(REQUIRED))
def test_two_different_db_paths_are_a_usage_error(command: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Naming two different files is refused with exit code 2 and a message, not resolved silently."""
    words = command.split()
    argv = ["--db", str(tmp_path / "a.db"), *words, *REQUIRED[command], "--db", str(tmp_path / "b.db")]
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "两个不同的数据库文件" in capsys.readouterr().err


def test_global_db_is_used_by_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The reproduction: a global --db before ``backup`` backed up the default database instead."""
    default_dir = tmp_path / "default"
    monkeypatch.setenv("PARTYDESK_DATA_DIR", str(default_dir))
    chosen = tmp_path / "chosen" / "pd.db"
    assert main(["init", "--db", str(chosen), *INIT]) == 0
    assert main(["--db", str(chosen), "backup"]) == 0
    assert list((chosen.parent / "backups").glob("*.db"))
    assert not default_dir.exists()
    capsys.readouterr()


@pytest.mark.parametrize("folder", ["a%41b", "a?b", "a#b", "a b", "支部 数据", "%2e%2e", "a%3Fb"])
def test_special_characters_in_the_path_open_exactly_that_file(folder: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The path is never pasted into a URL: ``a%41b/pd.db`` is not ``aAb/pd.db``, ``?`` is no query."""
    target = tmp_path / folder / "pd.db"
    assert main(["init", "--db", str(target), *INIT]) == 0, capsys.readouterr()
    assert target.is_file() and target.stat().st_size > 0
    others = [p for p in tmp_path.iterdir() if p.name != folder]
    assert others == []
    db = open_database(target)
    try:
        assert db.site is not None
    finally:
        db.close()


_PIECE = st.sampled_from([*"ab%?#&= 41党支部数据_-.", "%41", "%20", "%3F", "%2e"])
_NAME = st.lists(_PIECE, min_size=1, max_size=8).map("".join).filter(
    lambda s: s.strip(" .") == s and s not in {".", ".."})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_NAME)
def test_random_paths_touch_exactly_the_named_file(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Hypothesis: whatever the folder name, the file created is exactly the one named."""
    root = tmp_path_factory.mktemp("paths")
    target = root / name / "pd.db"
    assert main(["init", "--db", str(target), *INIT, "--json"]) == 0
    assert target.is_file() and target.stat().st_size > 0
    assert [p.name for p in root.iterdir()] == [name]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_database_and_its_wal_are_owner_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Another user on the machine cannot read the database, its -wal or -shm (they hold ID numbers)."""
    old = os.umask(0o022)  # what a normal login shell has: files would otherwise be 0644
    try:
        target = tmp_path / "data" / "pd.db"
        assert main(["init", "--db", str(target), *INIT]) == 0
        db = open_database(target)
        try:
            files = [target, Path(f"{target}-wal"), Path(f"{target}-shm")]
            for path in files:
                assert path.exists(), path
                assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, (path, oct(path.stat().st_mode))
        finally:
            db.close()
        assert stat.S_IMODE(target.parent.stat().st_mode) & 0o077 == 0
    finally:
        os.umask(old)
    capsys.readouterr()
