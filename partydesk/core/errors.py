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


class DamagedInSessionError(CorruptDatabaseError):
    """The open database was found damaged while in use: the program keeps it read-only for the rest of the
    session (RELIABILITY ST-7), every write refused with this error, nothing written."""

    code = "damaged_read_only"


class EmptyDatabaseError(CorruptDatabaseError):
    """The database file is empty (zero bytes) where a database was; it is never rebuilt silently."""

    code = "empty_database"


class OtherOrganisationError(KnownError):
    """A backup belongs to another organisation; restoring it needs an explicit confirmation."""

    code = "other_organisation"


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


class MigrationFailedError(KnownError):
    """A schema upgrade failed and was rolled back; ``backup_path`` is the verified pre-upgrade backup."""

    code = "migration_failed"

    def __init__(self, message: str, *, backup_path: str, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.backup_path = backup_path


# SQLite primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def sqlite_primary_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a sqlite3 / SQLAlchemy error, or None when it has none."""
    import sqlite3  # here, not at the top: the window's start-up imports this module

    orig = getattr(exc, "orig", None)
    err = orig if isinstance(orig, sqlite3.Error) else exc
    if not isinstance(err, sqlite3.Error):
        return None
    code = getattr(err, "sqlite_errorcode", None)  # Python >= 3.11; None for errors raised by the module
    return code & 0xFF if isinstance(code, int) else None


def known_error_from_db(exc: BaseException) -> KnownError | None:
    """Map a sqlite3 / SQLAlchemy database error to a KnownError by its SQLite error code, or None (a bug).

    Classified by ``sqlite_errorcode & 0xff``, never by words in the message (qutebrowser's rule): a
    bug whose text happens to say "malformed" or "locked" must reach the crash dialog, not pose as a
    damaged or busy file. SQLAlchemy wraps the DB-API error in ``.orig``; both shapes are accepted.
    """
    if isinstance(exc, KnownError):
        return exc
    code = sqlite_primary_code(exc)
    if code == SQLITE_FULL:
        return DiskFullError("磁盘空间已满，本次修改没有保存。请清理磁盘空间后重试。")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLockedError("数据库文件正被其他程序占用，请关闭其他程序后重试。")
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return ReadOnlyError("数据库文件或所在文件夹是只读的，无法保存。请检查磁盘是否写保护或权限设置。")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return CorruptDatabaseError("数据库文件已损坏。请不要继续写入，从最近的备份恢复。")
    if code == SQLITE_IOERR:
        return ReadOnlyError("读写数据库文件时出错（磁盘或 U 盘可能已拔出或损坏）。本次修改没有保存。")
    if code == SQLITE_CANTOPEN:
        return ReadOnlyError("无法打开数据库文件，请检查文件位置和权限。")
    return None
