"""Database errors are classified by SQLite's result code, never by words in the message (house rule 6)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError as SAOperationalError

from partydesk.core.errors import (
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    KnownError,
    ReadOnlyError,
    known_error_from_db,
    sqlite_primary_code,
)
from partydesk.core.storage.database import Database


def _raised(action: Callable[[], object]) -> sqlite3.Error:
    try:
        action()
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("no sqlite3 error was raised")


def _small_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("长" * 300,) for _ in range(200)])
    conn.commit()
    conn.close()
    return path


def test_a_second_writer_gets_busy_which_is_locked(tmp_path: Path) -> None:
    """SQLITE_BUSY from a real second writer becomes DatabaseLockedError."""
    path = _small_db(tmp_path / "b.db")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        exc = _raised(lambda: other.execute("BEGIN IMMEDIATE"))
    finally:
        other.close()
        holder.execute("ROLLBACK")
        holder.close()
    assert isinstance(known_error_from_db(exc), DatabaseLockedError)


def test_writing_through_a_read_only_connection_is_read_only(tmp_path: Path) -> None:
    """SQLITE_READONLY becomes ReadOnlyError."""
    path = _small_db(tmp_path / "r.db")
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    exc = _raised(lambda: conn.execute("INSERT INTO t VALUES ('x')"))
    conn.close()
    mapped = known_error_from_db(exc)
    assert isinstance(mapped, ReadOnlyError) and mapped.code == "read_only"


def test_a_file_in_a_missing_folder_cannot_be_opened(tmp_path: Path) -> None:
    """SQLITE_CANTOPEN becomes ReadOnlyError with the 'cannot open' message."""
    exc = _raised(lambda: sqlite3.connect(tmp_path / "missing" / "x.db").execute("SELECT 1"))
    mapped = known_error_from_db(exc)
    assert isinstance(mapped, ReadOnlyError) and "无法打开" in mapped.message


def test_a_file_that_is_not_a_database_is_corrupt(tmp_path: Path) -> None:
    """SQLITE_NOTADB becomes CorruptDatabaseError."""
    path = tmp_path / "n.db"
    path.write_bytes(b"not a database at all" * 300)
    exc = _raised(lambda: sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall())
    assert isinstance(known_error_from_db(exc), CorruptDatabaseError)


def test_a_damaged_page_is_corrupt(tmp_path: Path) -> None:
    """SQLITE_CORRUPT from a real damaged b-tree page becomes CorruptDatabaseError."""
    path = _small_db(tmp_path / "c.db")
    data = bytearray(path.read_bytes())
    data[4096:4096 + 8] = b"\xff" * 8  # the table's root page loses its b-tree header
    path.write_bytes(bytes(data))
    exc = _raised(lambda: sqlite3.connect(path).execute("SELECT count(*) FROM t WHERE x > ''").fetchall())
    assert sqlite_primary_code(exc) in (11, 26)
    assert isinstance(known_error_from_db(exc), CorruptDatabaseError)


def test_disk_full_through_sqlalchemy_is_disk_full(db: Database) -> None:
    """SQLITE_FULL (forced with max_page_count) arrives wrapped by SQLAlchemy and still maps."""
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(SAOperationalError) as err:
            conn.execute(text("CREATE TABLE filler (x TEXT)"))
            conn.execute(text("INSERT INTO filler VALUES (:x)"), [{"x": "长" * 2000} for _ in range(50)])
        conn.rollback()
    assert isinstance(known_error_from_db(err.value), DiskFullError)


def test_extended_io_error_codes_map_by_their_low_byte() -> None:
    """SQLITE_IOERR_WRITE (778 = 10 | 3 << 8) is an I/O error: the primary code is the low byte."""
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode = 778  # what the sqlite3 module sets from sqlite3_extended_errcode
    assert sqlite_primary_code(exc) == 10
    mapped = known_error_from_db(exc)
    assert isinstance(mapped, ReadOnlyError) and "读写数据库文件时出错" in mapped.message


def test_a_bug_whose_message_says_malformed_is_not_a_known_error() -> None:
    """A real SQLITE_ERROR reading "malformed JSON" is a bug for the crash dialog, not a damaged file."""
    conn = sqlite3.connect(":memory:")
    exc = _raised(lambda: conn.execute("SELECT json('{')"))
    conn.close()
    assert "malformed" in str(exc)
    assert known_error_from_db(exc) is None


@pytest.mark.parametrize("message", ["database is locked", "database disk image is malformed",
                                     "attempt to write a readonly database", "database or disk is full"])
def test_words_alone_never_make_a_known_error(message: str) -> None:
    """An error carrying no SQLite code (raised by the module itself) is a bug whatever it says."""
    assert known_error_from_db(sqlite3.OperationalError(message)) is None


def test_known_errors_pass_through_and_other_exceptions_are_bugs() -> None:
    """A KnownError is returned as is; anything that is not a database error is not mapped."""
    err = KnownError("已知问题")
    assert known_error_from_db(err) is err
    assert known_error_from_db(ValueError("malformed")) is None
