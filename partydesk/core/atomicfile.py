"""Crash-safe writing of every non-database file: exports, sync files, settings (ST-9).

A reader of ``path`` sees either the complete old file or the complete new one, never a torn mix:
the bytes go to a temp file in the same folder, are flushed and fsynced, and only then renamed over
``path``. The rename is retried briefly because on Windows a virus scanner or the search indexer may
hold the target open for a moment. Afterwards the file is read back under its final name and its
SHA-256 compared, so a flaky USB stick is caught before the program says the file is safe.

OS errors the user can act on (disk full, read-only stick, no permission, stick pulled) become
``KnownError`` subclasses with Chinese messages; the helpers here are shared with the backup code.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from partydesk.core import leftovers
from partydesk.core.errors import DiskFullError, KnownError, ReadOnlyError

__all__ = [
    "atomic_write",
    "atomic_writer",
    "fsync_directory",
    "fsync_file",
    "known_error_from_os",
    "remove_quietly",
    "replace_file",
    "sha256_of_file",
]

log = logging.getLogger(__name__)

# Windows: a scanner or indexer briefly holding the target makes os.replace fail with
# PermissionError (sharing violation). Half a second in total rides that out without making a
# genuinely read-only target feel slow.
_REPLACE_ATTEMPTS = 6
_REPLACE_DELAY_S = 0.1

_CHUNK = 1024 * 1024

_DISK_FULL_ERRNOS = {errno.ENOSPC} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def known_error_from_os(exc: OSError) -> KnownError | None:
    """Map an OSError to a KnownError with a Chinese message, or None when it looks like a bug."""
    if exc.errno in _DISK_FULL_ERRNOS:
        return DiskFullError("磁盘空间已满，文件没有保存，原有文件保持不变。请清理磁盘空间后重试。")
    if exc.errno in _READ_ONLY_ERRNOS or isinstance(exc, PermissionError):
        return ReadOnlyError(
            "目标位置是只读的或没有写入权限，文件没有保存。请检查磁盘或 U 盘是否写保护，或换一个文件夹。"
        )
    if exc.errno == errno.EIO:
        # Same wording family as known_error_from_db's SQLITE_IOERR: usually a pulled or failing stick.
        return ReadOnlyError("读写文件时出错（磁盘或 U 盘可能已拔出或损坏），文件没有保存。")
    return None


def _raise_known(exc: OSError) -> None:
    known = known_error_from_os(exc)
    if known is not None:
        raise known from exc


def remove_quietly(path: str | os.PathLike[str]) -> None:
    """Delete a leftover temp file; failing to clean up must not hide the original error."""
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    except OSError:
        log.warning("could not remove a temp file", exc_info=True)


def fsync_file(path: str | os.PathLike[str]) -> None:
    """Force a closed file's contents to stable storage (SQLite closes its files without fsync)."""
    # Windows only allows FlushFileBuffers on a handle opened for writing.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_directory(path: str | os.PathLike[str]) -> None:
    """Make a rename durable by syncing its folder; a no-op where the OS cannot do that."""
    if os.name == "nt":
        # Windows cannot open a directory as a file; NTFS journals the rename itself.
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems (vfat on a stick, network shares) reject fsync on a directory;
        # the data itself is already synced, so this is not worth failing the write for.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def replace_file(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """``os.replace`` with a short retry on PermissionError, which Windows raises transiently."""
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == _REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(_REPLACE_DELAY_S)


def sha256_of_file(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file's current contents, read in chunks to keep memory flat."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _verify_failed() -> KnownError:
    return KnownError(
        "文件写入后读回校验不一致（磁盘或 U 盘可能有故障），请换一个位置重新保存。",
        code="write_verify_failed",
    )


def _copy_mode(target: Path, temp: str) -> None:
    # mkstemp creates 0600; keep an existing file's permissions so replacing a config or export
    # does not silently change who may read it. New files stay private (they hold personal data).
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file; on a clean exit it atomically becomes ``path``, verified by read-back.

    If the body raises, or any step fails, the temp file is removed and whatever was at ``path``
    before is left exactly as it was. The yielded file may be seeked (zip writers do that).
    """
    target = Path(path)
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        _raise_known(exc)
        raise
    leftovers.track(temp)
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            _copy_mode(target, temp)
            # The reference hash is what actually reached the temp file, because a seeking
            # writer (openpyxl, zipfile) makes a running hash of write() calls meaningless.
            expected = sha256_of_file(temp)
            _commit(temp, target, expected)
        except OSError as exc:
            _raise_known(exc)
            raise
    finally:
        # After a successful replace the temp name no longer exists; this only cleans up failures.
        remove_quietly(temp)
        leftovers.untrack(temp)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and verify it by reading it back (ST-9)."""
    target = Path(path)
    expected = hashlib.sha256(data).hexdigest()
    try:
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        _raise_known(exc)
        raise
    leftovers.track(temp)
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            _copy_mode(target, temp)
            # Checking the temp file before the rename means a bad write never replaces a good file.
            if sha256_of_file(temp) != expected:
                raise _verify_failed()
            _commit(temp, target, expected)
        except OSError as exc:
            _raise_known(exc)
            raise
    finally:
        remove_quietly(temp)
        leftovers.untrack(temp)


def _commit(temp: str, target: Path, expected: str) -> None:
    replace_file(temp, target)
    fsync_directory(target.parent)
    if sha256_of_file(target) != expected:
        raise _verify_failed()
