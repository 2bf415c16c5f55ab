"""One process per data directory (house rule 5): an OS-level lock on a file in the data dir.

The lock is held by the operating system for as long as the process lives, so a crash or power cut
never leaves a stale lock behind. A second launch gets AlreadyRunningError with a Chinese message.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from partydesk.core import leftovers
from partydesk.core.errors import AlreadyRunningError, ReadOnlyError

LOCK_NAME = "partydesk.lock"


class InstanceLock:
    """Hold ``partydesk.lock`` in ``folder`` exclusively; use as a context manager or acquire/release."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fh: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock or raise AlreadyRunningError."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(self.path, "a+b")  # noqa: SIM115  (held open for the life of the process)
        except OSError as exc:
            raise ReadOnlyError(f"无法在数据文件夹中创建锁文件：{self.path.parent}。请检查权限。") from exc
        try:
            _lock(fh)
        except OSError as exc:
            fh.close()
            raise AlreadyRunningError(
                "党支部工作台已经在运行（同一个数据文件夹只能打开一个程序窗口）。"
                "请切换到已打开的窗口；如果看不到，请在任务栏中查找或稍后再试。"
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self._fh = fh
        # Now the only process in this folder: clear what a killed backup, restore or export left.
        leftovers.clean(self.path.parent)
        leftovers.use_journal(self.path.parent)

    def release(self) -> None:
        """Let go of the lock (also happens automatically when the process ends)."""
        if self._fh is not None:
            try:
                _unlock(self._fh)
            finally:
                self._fh.close()
                self._fh = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
