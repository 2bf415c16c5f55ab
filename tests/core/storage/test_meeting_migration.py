"""The meetings migration: down removes exactly its three tables, up brings them back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from partydesk.core.storage import migrate
from partydesk.core.storage.database import open_database
from tests.core.storage.alembic_steps import migrate_to

MEETING_TABLES = {"meeting", "meeting_attendance", "meeting_guest"}


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def _meetings_revision() -> str:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    (found,) = [r for r in scripts.walk_revisions() if Path(r.path).name.endswith("_meetings.py")]
    return found.revision


def _before_meetings() -> str:
    """The revision the meetings migration revises (found by file name, so renumbering cannot break it)."""
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    (found,) = [r for r in scripts.walk_revisions() if Path(r.path).name.endswith("_meetings.py")]
    assert isinstance(found.down_revision, str)
    return found.down_revision


def test_meeting_tables_come_and_go_with_their_migration(tmp_path: Path) -> None:
    path = tmp_path / "partydesk.db"
    open_database(path).close()
    everything = _tables(path)
    assert everything >= MEETING_TABLES
    # Later migrations' tables go first; the meetings migration then removes exactly its own.
    migrate_to(path, _meetings_revision(), up=False)
    at_meetings = _tables(path)
    migrate_to(path, _before_meetings(), up=False)
    assert _tables(path) == at_meetings - MEETING_TABLES
    migrate_to(path, "head", up=True)
    assert _tables(path) == everything


RECORD_TABLES = {"meeting_agenda_item", "meeting_motion", "meeting_attachment"}


def test_record_tables_come_and_go_with_migration_0008(tmp_path: Path) -> None:
    path = tmp_path / "partydesk.db"
    open_database(path).close()
    everything = _tables(path)
    assert everything >= RECORD_TABLES
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    revision = scripts.get_revision("0008")
    assert revision is not None and isinstance(revision.down_revision, str)
    migrate_to(path, "0008", up=False)  # later migrations' tables go first; 0008 then removes exactly its own
    at_0008 = _tables(path)
    migrate_to(path, revision.down_revision, up=False)
    assert _tables(path) == at_0008 - RECORD_TABLES
    migrate_to(path, "head", up=True)
    assert _tables(path) == everything
