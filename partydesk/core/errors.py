"""Error types: KnownError is what a user can act on (shown as a message); anything else is a bug.

Every KnownError carries a stable ``code`` (for logs, JSON output and tests) and a Chinese ``message``
that names the problem and, where possible, what to do next. Messages never contain personal data.
"""

from __future__ import annotations


class PartydeskError(Exception):
    """Base class of every error the program raises on purpose."""


class KnownError(PartydeskError):
    """A condition the user can understand and act on; shown as a message, never as a crash."""

    code: str = "known_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class DiskFullError(KnownError):
    """The disk (or the database's page limit) is full; the write was rolled back."""

    code = "disk_full"


class DatabaseLockedError(KnownError):
    """Another program holds the database file."""

    code = "locked"


class ReadOnlyError(KnownError):
    """The database or its folder cannot be written (read-only media or permissions)."""

    code = "read_only"


class CorruptDatabaseError(KnownError):
    """The database failed an integrity check or could not be read as SQLite."""

    code = "corrupt"


class NotPartydeskDatabaseError(KnownError):
    """The file exists but is not a partydesk database; it is left untouched."""

    code = "not_partydesk"


class SchemaTooNewError(KnownError):
    """The database was written by a newer program version; it is left untouched."""

    code = "schema_too_new"


class AlreadyRunningError(KnownError):
    """Another partydesk process already uses this data directory."""

    code = "already_running"


class ValidationError(KnownError):
    """Bad input: names the field and the rule that was broken. Nothing was written."""

    code = "invalid"

    def __init__(self, message: str, *, field: str = "", code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.field = field


class BackupError(KnownError):
    """A backup could not be written or failed its verification."""

    code = "backup_failed"


def known_error_from_db(exc: BaseException) -> KnownError | None:
    """Map a sqlite3 / SQLAlchemy database error to a KnownError, or None when it is a bug.

    SQLAlchemy wraps the DB-API error in ``.orig``; both shapes are accepted.
    """
    import sqlite3  # here, not at the top: the window's start-up imports this module

    if isinstance(exc, KnownError):
        return exc
    orig = getattr(exc, "orig", None)
    err = orig if isinstance(orig, sqlite3.Error) else exc
    if not isinstance(err, sqlite3.Error):
        return None
    name = getattr(err, "sqlite_errorname", "") or ""
    text = str(err).lower()
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return DiskFullError("磁盘空间已满，本次修改没有保存。请清理磁盘空间后重试。")
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED") or "database is locked" in text:
        return DatabaseLockedError("数据库文件正被其他程序占用，请关闭其他程序后重试。")
    if name.startswith("SQLITE_READONLY") or "readonly database" in text or "read-only" in text:
        return ReadOnlyError("数据库文件或所在文件夹是只读的，无法保存。请检查磁盘是否写保护或权限设置。")
    if name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB" or "malformed" in text:
        return CorruptDatabaseError("数据库文件已损坏。请不要继续写入，从最近的备份恢复。")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return ReadOnlyError("读写数据库文件时出错（磁盘或 U 盘可能已拔出或损坏）。本次修改没有保存。")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        return ReadOnlyError("无法打开数据库文件，请检查文件位置和权限。")
    return None
