"""File problems on the command line end in a Chinese message and a non-zero exit, never a traceback."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from partydesk.cli import main
from partydesk.core.demo import create_demo
from partydesk.core.fs_errors import known_error_for_file
from partydesk.core.storage import migrate


def test_db_pointing_at_a_folder_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--db`` naming a folder says so and suggests a file name; it does not crash."""
    folder = tmp_path / "数据"
    folder.mkdir()
    for argv in (["--db", str(folder), "check-db"], ["check-db", "--db", str(folder)], ["backup", "--db", str(folder)]):
        assert main(argv) == 1
        out, err = capsys.readouterr()
        assert "文件夹" in err and "Traceback" not in err and out == ""


def test_unreadable_database_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A file the user may not read (EACCES, injected: tests run as root) is a permission message, exit 1."""
    target = tmp_path / "pd.db"
    create_demo(target, seed=1, members=3)

    def refuse(path: Path) -> migrate.Inspection:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(migrate, "inspect_file", refuse)
    assert main(["check-db", "--db", str(target)]) == 1
    _, err = capsys.readouterr()
    assert "没有权限" in err and str(target) in err


@pytest.mark.parametrize(("number", "code"), [(errno.ENOSPC, "disk_full"), (errno.EACCES, "no_permission"),
                                              (errno.EROFS, "read_only"), (errno.EISDIR, "is_directory")])
def test_file_errors_map_to_known_errors(number: int, code: str) -> None:
    """Each errno the user can act on has its own code and names the file."""
    known = known_error_for_file(OSError(number, "x", "/media/u/花名册.xlsx"))
    assert known is not None and known.code == code and "花名册.xlsx" in known.message


def test_other_os_errors_stay_bugs() -> None:
    """An errno with no user remedy is not dressed up as one."""
    assert known_error_for_file(OSError(errno.EBADF, "Bad file descriptor")) is None


def test_closed_pipe_is_a_quiet_exit(tmp_path: Path) -> None:
    """``partydesk roster list | head -1``: no BrokenPipeError traceback, exit 0."""
    target = tmp_path / "pd.db"
    create_demo(target, seed=3, members=1500)  # well past a 64 KiB pipe buffer
    with subprocess.Popen([sys.executable, "-m", "partydesk", "roster", "list", "--db", str(target)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8", "replace")
        code = proc.wait(timeout=60)
    assert first.decode("utf-8").startswith("共 1500 人")
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert code == 0


def test_full_disk_during_export_is_a_message_and_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """ENOSPC while the export is written: a Chinese message, exit 1, the previous export untouched."""
    from partydesk.core import atomicfile

    target = tmp_path / "pd.db"
    create_demo(target, seed=2, members=20)
    out = tmp_path / "花名册.xlsx"
    out.write_bytes(b"previous export")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomicfile.os, "fsync", full)
    assert main(["roster", "export", str(out), "--db", str(target)]) == 1
    _, err = capsys.readouterr()
    assert "磁盘空间已满" in err and "Traceback" not in err
    assert out.read_bytes() == b"previous export"
