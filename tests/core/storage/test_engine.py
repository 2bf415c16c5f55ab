"""The engine applies and verifies its PRAGMAs; database errors map to KnownErrors."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from partydesk.core.changes import LOCAL_USER
from partydesk.core.errors import DiskFullError, KnownError
from partydesk.core.storage.database import Database
from partydesk.core.storage.engine import PRAGMAS, apply_pragmas, make_engine
from partydesk.core.storage.tables import Organisation


def test_pragmas_are_in_force_on_every_connection(db: Database) -> None:
    """Each PRAGMA of DESIGN.md reads back with the value we set (ST-1)."""
    with db.engine.connect() as conn:
        for name, _value, expected in PRAGMAS:
            got = conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            assert (got.lower() if isinstance(got, str) else got) == expected, name


def test_only_one_connection_is_ever_opened(db: Database) -> None:
    """A second concurrent user waits for the one connection and then gets that same connection (house rule 5)."""
    first = db.engine.raw_connection()
    held = first.driver_connection
    got: list[object] = []
    done = threading.Event()

    def second_user() -> None:
        conn = db.engine.raw_connection()  # blocks while the first holds the only connection
        got.append(conn.driver_connection)
        conn.close()
        done.set()

    worker = threading.Thread(target=second_user, daemon=True)
    worker.start()
    try:
        assert not done.wait(0.5), "a second connection was opened while the first was in use"
    finally:
        first.close()
    assert done.wait(10)
    worker.join(10)
    assert got == [held]


def test_no_second_writer_can_start_while_a_write_is_open(db: Database) -> None:
    """While Database.write holds the write lock, a separate connection cannot begin a write."""
    with db.write(LOCAL_USER, action="test.write") as session:
        session.add(Organisation(code="W1", name="甲", org_type="党支部"))
        session.flush()
        other = sqlite3.connect(db.path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError) as err:
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
    assert err.value.sqlite_errorcode & 0xFF == 5  # SQLITE_BUSY


def test_journal_mode_that_will_not_take_wal_is_refused() -> None:
    """An in-memory database cannot be WAL; the connect hook refuses it with a KnownError."""
    conn = sqlite3.connect(":memory:")
    with pytest.raises(KnownError) as err:
        apply_pragmas(conn)
    assert err.value.code == "no_wal"


def test_disk_full_is_a_known_error_and_nothing_is_written(db: Database) -> None:
    """SQLITE_FULL (forced with max_page_count) becomes DiskFullError; the transaction is rolled back."""
    with db.read() as session:
        before = session.query(Organisation).count()
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 2}")
        conn.rollback()
    with pytest.raises(DiskFullError) as err, db.write(LOCAL_USER, action="test.write") as session:
        for i in range(200):
            session.add(Organisation(code=f"X{i}", name="长" * 200, org_type="党支部", owner_site="s"))
        session.flush()
    assert "磁盘空间已满" in err.value.message
    with db.read() as session:
        assert session.query(Organisation).count() == before


def test_failed_write_leaves_the_database_as_it_was(db: Database) -> None:
    """An exception inside write() rolls the whole transaction back."""
    with pytest.raises(RuntimeError), db.write(LOCAL_USER, action="test.write") as session:
        session.add(Organisation(code="T1", name="甲", org_type="党支部", owner_site="s"))
        session.flush()
        raise RuntimeError("boom")
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM organisation WHERE code='T1'")).scalar() == 0


def test_make_engine_creates_the_file_lazily(tmp_path: Path) -> None:
    """Creating an engine does not touch the disk until the first connection."""
    engine = make_engine(tmp_path / "lazy.db")
    assert not (tmp_path / "lazy.db").exists()
    engine.dispose()


def test_a_read_only_engine_reads_the_very_file_named_and_can_write_nothing(tmp_path: Path) -> None:
    """The file of a path that a URL would misread (``%41``, ``?``, ``#``, Chinese) is the one opened; its
    PRAGMAs hold, it reads, and any write is refused by SQLite itself, leaving the file as it was."""
    folder = tmp_path / "党支部 %41?#"
    folder.mkdir()
    path = folder / "数据 %41.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES ('甲')")
    conn.close()
    before = path.read_bytes()
    engine = make_engine(path, read_only=True)
    try:
        with engine.begin() as conn:
            assert conn.exec_driver_sql("SELECT x FROM t").scalar_one() == "甲"
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        with pytest.raises(Exception, match="readonly"), engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO t VALUES ('乙')")
    finally:
        engine.dispose()
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("数据 %41.db")) == []
