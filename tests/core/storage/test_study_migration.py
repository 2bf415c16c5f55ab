"""The study migration: down removes exactly its four tables, up brings them back."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory

from partydesk.core.storage import migrate
from partydesk.core.storage.database import open_database
from tests.core.storage.alembic_steps import migrate_to
from tests.core.storage.test_meeting_migration import _tables

STUDY_TABLES = {"study_activity", "study_credit", "certification", "study_material"}


def _study_revisions() -> tuple[str, str]:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    (found,) = [r for r in scripts.walk_revisions() if Path(r.path).name.endswith("_study.py")]
    assert isinstance(found.down_revision, str)
    return found.revision, found.down_revision


def test_study_tables_come_and_go_with_their_migration(tmp_path: Path) -> None:
    path = tmp_path / "partydesk.db"
    open_database(path).close()
    everything = _tables(path)
    assert everything >= STUDY_TABLES
    revision, before = _study_revisions()
    migrate_to(path, revision, up=False)
    at_study = _tables(path)
    migrate_to(path, before, up=False)
    assert _tables(path) == at_study - STUDY_TABLES
    migrate_to(path, "head", up=True)
    assert _tables(path) == everything
