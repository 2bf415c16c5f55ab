"""Restore accepts only our own, sound, known-schema backups; an empty file is never rebuilt silently."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from partydesk.cli import main
from partydesk.core.demo import create_demo
from partydesk.core.errors import (
    BackupError,
    CorruptDatabaseError,
    NotPartydeskDatabaseError,
    OtherOrganisationError,
    SchemaTooNewError,
)
from partydesk.core.services import maintenance
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage.database import open_database

INIT = ["--org-name", "中共示例村支部委员会", "--org-code", "2001", "--role", "branch"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def ours(tmp_path: Path) -> Path:
    """Our database with a verified backup beside it."""
    path = tmp_path / "data" / "pd.db"
    create_demo(path, seed=1, members=12)
    db = open_database(path)
    try:
        maintenance.backup_now(db, reason="manual")
    finally:
        db.close()
    return path


def _other_org_backup(tmp_path: Path) -> Path:
    other = tmp_path / "other" / "pd.db"
    assert main(["init", "--db", str(other), "--org-name", "中共另一个支部委员会", "--org-code", "9009",
                 "--role", "branch"]) == 0
    return other


def test_foreign_sqlite_file_is_refused_and_nothing_changes(ours: Path, tmp_path: Path) -> None:
    """Any other program's SQLite file is refused before anything is touched."""
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE member (id TEXT, name TEXT)")
    before = _digest(ours)
    with pytest.raises(NotPartydeskDatabaseError):
        maintenance.restore(ours, foreign)
    assert _digest(ours) == before


def test_newer_schema_is_refused_and_nothing_changes(ours: Path, tmp_path: Path) -> None:
    """A backup from a newer program would leave a database this one refuses: refused up front."""
    newer = tmp_path / "newer.db"
    newer.write_bytes(ours.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 999")
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    before = _digest(ours)
    with pytest.raises(SchemaTooNewError):
        maintenance.restore(ours, newer)
    assert _digest(ours) == before


def test_another_organisations_backup_needs_confirmation(ours: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Restoring another branch's file over ours is refused unless confirmed, naming both organisations."""
    other = _other_org_backup(tmp_path)
    before = _digest(ours)
    with pytest.raises(OtherOrganisationError) as info:
        maintenance.restore(ours, other)
    assert "中共另一个支部委员会" in info.value.message
    assert _digest(ours) == before
    assert main(["restore", str(other), "--db", str(ours)]) == 1
    assert "--other-organisation" in capsys.readouterr().err
    assert _digest(ours) == before
    assert main(["restore", str(other), "--db", str(ours), "--other-organisation"]) == 0
    db = open_database(ours)
    try:
        org = own_organisation(db)
        assert org is not None and org.code == "9009"
    finally:
        db.close()


def test_damaged_backup_is_refused(ours: Path, tmp_path: Path) -> None:
    """A backup failing integrity_check is refused; the database is untouched."""
    bad = tmp_path / "bad.db"
    data = bytearray(ours.read_bytes())
    page = 4096
    data[page * 3: page * 3 + 200] = b"\xff" * 200
    bad.write_bytes(bytes(data))
    before = _digest(ours)
    with pytest.raises((BackupError, CorruptDatabaseError)):
        maintenance.restore(ours, bad)
    assert _digest(ours) == before


def test_empty_backup_file_is_refused(ours: Path, tmp_path: Path) -> None:
    """A zero-byte "backup" is not a backup."""
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(BackupError):
        maintenance.restore(ours, empty)


def test_zero_byte_database_is_an_error_pointing_to_the_newest_backup(ours: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The reproduction: a zero-byte database with backups beside it was rebuilt empty and passed check-db."""
    newest = maintenance.last_backup(ours)
    assert newest is not None
    ours.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{ours}{suffix}").unlink(missing_ok=True)
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(ours)
    assert newest.path.name in info.value.message
    assert ours.stat().st_size == 0
    assert main(["check-db", "--db", str(ours)]) == 1
    assert newest.path.name in capsys.readouterr().err
    assert ours.stat().st_size == 0


def test_zero_byte_file_without_backups_is_refused_by_commands_but_init_may_create(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only init (or first-run set-up) creates a database; other commands refuse an empty file."""
    path = tmp_path / "pd.db"
    path.write_bytes(b"")
    assert main(["check-db", "--db", str(path)]) == 1
    assert "空" in capsys.readouterr().err
    assert path.stat().st_size == 0
    assert main(["init", "--db", str(path), *INIT]) == 0
    assert path.stat().st_size > 0
