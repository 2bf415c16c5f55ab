"""Tests for the atomic file writer (ST-9): all-or-nothing replacement, error mapping, read-back."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

import pytest

from partydesk.core import atomicfile
from partydesk.core.atomicfile import atomic_write, atomic_writer
from partydesk.core.errors import DiskFullError, KnownError, ReadOnlyError


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_atomic_write_creates_file_with_exact_bytes(tmp_path: Path) -> None:
    """A new file holds exactly the given bytes and no temp file remains."""
    target = tmp_path / "export.xlsx"
    atomic_write(target, b"\x00\x01data")
    assert target.read_bytes() == b"\x00\x01data"
    assert _leftovers(tmp_path) == []


def test_atomic_write_replaces_existing_file(tmp_path: Path) -> None:
    """An existing file is replaced as a whole."""
    target = tmp_path / "settings.json"
    target.write_bytes(b"old contents that are longer")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"


def test_atomic_write_keeps_old_file_when_disk_fills_midway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC while syncing the temp file -> DiskFullError, old file intact, temp removed."""
    target = tmp_path / "roster.xlsx"
    target.write_bytes(b"previous export")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DiskFullError) as caught:
        atomic_write(target, b"x" * 100_000)
    assert "磁盘空间已满" in caught.value.message
    assert target.read_bytes() == b"previous export"
    assert _leftovers(tmp_path) == []


def test_atomic_writer_keeps_old_file_when_body_fails_midway(tmp_path: Path) -> None:
    """An exception inside the with-block leaves the old file untouched and no temp file."""
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"old minutes")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new ")
        raise RuntimeError("renderer crashed")
    assert target.read_bytes() == b"old minutes"
    assert _leftovers(tmp_path) == []


def test_atomic_writer_supports_seeking_writers(tmp_path: Path) -> None:
    """Writers that seek back (zip, xlsx) end up with the final bytes, verified by read-back."""
    target = tmp_path / "package.pdsync"
    with atomic_writer(target) as handle:
        handle.write(b"HEADER??body")
        handle.seek(6)
        handle.write(b"OK")
    assert target.read_bytes() == b"HEADEROKbody"
    assert _leftovers(tmp_path) == []


def test_read_only_folder_maps_to_read_only_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """EROFS when creating the temp file -> ReadOnlyError with a Chinese message."""

    def read_only(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(ReadOnlyError) as caught:
        atomic_write(tmp_path / "a.txt", b"x")
    assert "只读" in caught.value.message


def test_access_denied_maps_to_read_only_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """EACCES anywhere in the write -> ReadOnlyError, and the old file stays."""
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def denied(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(ReadOnlyError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"


def test_replace_is_retried_on_transient_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A target briefly held by a scanner (Windows PermissionError) is retried, then written."""
    real_replace = os.replace
    calls: list[int] = []

    def flaky(src: str, dst: str) -> None:
        calls.append(1)
        if len(calls) < 3:
            raise PermissionError(errno.EACCES, "sharing violation")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    monkeypatch.setattr(time, "sleep", lambda _s: None)
    atomic_write(tmp_path / "a.txt", b"data")
    assert (tmp_path / "a.txt").read_bytes() == b"data"
    assert len(calls) == 3


def test_persistent_permission_error_gives_up_and_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A target that stays locked -> ReadOnlyError after a few tries; old file and no temp left."""
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def locked(_src: str, _dst: str) -> None:
        raise PermissionError(errno.EACCES, "sharing violation")

    monkeypatch.setattr(os, "replace", locked)
    monkeypatch.setattr(time, "sleep", lambda _s: None)
    with pytest.raises(ReadOnlyError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_read_back_mismatch_is_reported_and_old_file_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the temp file does not read back as written, nothing is replaced and a KnownError says so."""
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomicfile, "sha256_of_file", lambda _p: "0" * 64)
    with pytest.raises(KnownError) as caught:
        atomic_write(target, b"new")
    assert caught.value.code == "write_verify_failed"
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_replacing_keeps_the_existing_permissions(tmp_path: Path) -> None:
    """Replacing a file keeps its permission bits instead of the temp file's private 0600."""
    target = tmp_path / "shared.txt"
    target.write_bytes(b"old")
    target.chmod(0o644)
    atomic_write(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_unknown_os_error_is_not_disguised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An OSError that is not a user condition propagates unchanged (it is a bug to report)."""

    def weird(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENAMETOOLONG, "File name too long")

    monkeypatch.setattr(tempfile, "mkstemp", weird)
    with pytest.raises(OSError) as caught:
        atomic_write(tmp_path / "a.txt", b"x")
    assert not isinstance(caught.value, KnownError)
