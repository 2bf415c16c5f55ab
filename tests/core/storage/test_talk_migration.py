"""The talks migration: down removes exactly its two tables, up brings them back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from partydesk.core.storage import migrate
from partydesk.core.storage.database import open_database
from tests.core.storage.alembic_steps import migrate_to

TALK_TABLES = {"talk", "talk_member"}


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def _before_talks() -> tuple[str, str]:
    """The revision the talks migration revises, and its own (found by file name: renumbering-proof)."""
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    (found,) = [r for r in scripts.walk_revisions() if Path(r.path).name.endswith("_talks.py")]
    assert isinstance(found.down_revision, str)
    return found.down_revision, found.revision


def test_talk_tables_come_and_go_with_their_migration(tmp_path: Path) -> None:
    path = tmp_path / "partydesk.db"
    open_database(path).close()
    everything = _tables(path)
    assert everything >= TALK_TABLES
    before, own = _before_talks()
    migrate_to(path, own, up=False)  # later migrations' tables go first, so only this one's are compared below
    with_own = _tables(path)
    migrate_to(path, before, up=False)
    assert _tables(path) == with_own - TALK_TABLES
    migrate_to(path, "head", up=True)
    assert _tables(path) == everything
