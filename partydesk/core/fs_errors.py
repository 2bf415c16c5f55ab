"""Operating-system file errors (no permission, a folder where a file should be, disk full) as KnownErrors.

The command line shows these as Chinese messages naming the file instead of tracebacks, whatever the
command was doing with it. Writes through ``atomicfile`` already raise KnownErrors with wording about
the file not being saved; this covers everything else (opening, reading, a folder given as a file).
"""

from __future__ import annotations

import errno

from partydesk.core.errors import DiskFullError, KnownError, ReadOnlyError

_MESSAGES: dict[int, tuple[type[KnownError], str, str]] = {
    # errno -> (error class, code, message with {name})
    errno.ENOSPC: (DiskFullError, "disk_full", "磁盘空间已满，“{name}”没有写完。请清理磁盘空间后重试。"),
    errno.EDQUOT: (DiskFullError, "disk_full", "磁盘配额已满，“{name}”没有写完。请清理磁盘空间后重试。"),
    errno.EACCES: (ReadOnlyError, "no_permission", "没有权限读写“{name}”。请检查文件权限，或换一个位置。"),
    errno.EPERM: (ReadOnlyError, "no_permission", "没有权限读写“{name}”。请检查文件权限，或换一个位置。"),
    errno.EROFS: (ReadOnlyError, "read_only", "“{name}”所在的磁盘是只读的（可能是写保护的 U 盘或光盘）。"),
    errno.EISDIR: (KnownError, "is_directory", "“{name}”是文件夹，不是文件。请指定文件。"),
    errno.ENOTDIR: (KnownError, "not_directory", "“{name}”的路径中有一部分不是文件夹。请检查路径。"),
    errno.ENOENT: (KnownError, "not_found", "找不到“{name}”。请检查路径。"),
    errno.EIO: (ReadOnlyError, "io_error", "读写“{name}”时出错（磁盘或 U 盘可能已拔出或损坏）。"),
}


def known_error_for_file(exc: OSError) -> KnownError | None:
    """The KnownError for a file error the user can act on, or None for anything else (a bug)."""
    entry = _MESSAGES.get(exc.errno or -1)
    if entry is None:
        return None
    cls, code, message = entry
    name = str(exc.filename) if exc.filename is not None else "文件"
    return cls(message.format(name=name), code=code)
