"""Closing the database lets SQLite gather the query statistics its planner uses (``PRAGMA optimize``): the
to-do checks' indexes (migration 0018) are then chosen well on a large file. Only counts are stored."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from partydesk.core.services import dashboard
from partydesk.core.storage.database import open_database
from tests.core.exchange.conftest import make_branch


def test_closing_after_the_workbench_leaves_statistics_for_the_roll_tables(tmp_path: Path) -> None:
    make_branch(tmp_path / "b.db", members=30).close()
    with sqlite3.connect(tmp_path / "b.db") as raw:
        raw.execute("DROP TABLE IF EXISTS sqlite_stat1")
    db = open_database(tmp_path / "b.db")
    dashboard.snapshot(db, date(2026, 11, 30))
    db.close()
    with sqlite3.connect(tmp_path / "b.db") as raw:
        indexes = {row[0] for row in raw.execute(
            "SELECT idx FROM sqlite_stat1 WHERE tbl IN ('member', 'member_event')")}
        names = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_member_roll", "ix_member_event_kind"} <= names
    assert indexes & {"ix_member_roll", "ix_member_event_kind", "ix_member_structure"}


def test_an_upgraded_file_with_statistics_has_them_for_the_new_member_indexes_at_once(tmp_path: Path) -> None:
    """Migration 0019 adds member indexes; a file that had statistics gets theirs in the upgrade itself, so
    the first session after it reads them (not only the sessions after its close)."""
    from alembic import command

    from partydesk.core.storage import migrate
    from partydesk.core.storage.engine import make_engine

    make_branch(tmp_path / "b.db", members=30).close()
    engine = make_engine(tmp_path / "b.db")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:  # back to 0018, as a file written by the previous release
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0018")
    engine.dispose()
    with sqlite3.connect(tmp_path / "b.db") as raw:
        assert raw.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0
        assert not raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_member_key'").fetchone()
    db = open_database(tmp_path / "b.db")  # upgrades to head
    try:
        with sqlite3.connect(tmp_path / "b.db") as raw:
            analysed = {row[0] for row in raw.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'member'")}
    finally:
        db.close()
    assert {"ix_member_key", "ix_member_roll"} <= analysed
