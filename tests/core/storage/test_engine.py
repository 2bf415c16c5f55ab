"""The engine applies and verifies its PRAGMAs; database errors map to KnownErrors."""

from __future__ import annotations

import sqlite3
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
    """The pool holds one connection and never overflows (one writer: house rule 5)."""
    assert db.engine.pool.size() == 1
    assert db.engine.pool._max_overflow == 0  # type: ignore[attr-defined]


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
