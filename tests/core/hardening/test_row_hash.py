"""A flipped byte in a member's address, invisible to SQLite's checks, is found by the row content hash."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member import input_from_data
from partydesk.core.domain.member_events import EventKind
from partydesk.core.errors import BackupError
from partydesk.core.services import maintenance, members
from partydesk.core.services.roster_import import apply_import
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.tables import Organisation
from tests.core.io.test_roster_import import ID1, ID2, member, person, plan, save_xlsx, seed

ADDRESS = "示范市建设路42号"


def _flip(path: Path, old: bytes, new: bytes) -> None:
    """Change bytes in place, as a failing disk would: same length, file otherwise untouched."""
    data = path.read_bytes()
    assert data.count(old) == 1 and len(old) == len(new)
    path.write_bytes(data.replace(old, new))


def _stored_member(db: Database) -> str:
    seed(db, member(address=ADDRESS), member("李梅", ID2))
    (row,) = [r for r in members.roster(db, LOCAL_USER) if r.address == ADDRESS]
    db.checkpoint()
    return row.id


def test_sqlite_checks_miss_the_flipped_byte_and_check_db_finds_it(db: Database,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """integrity_check passes on the damaged file; check-db fails naming the member table and record."""
    member_id = _stored_member(db)
    path = db.path
    db.close()
    _flip(path, "42号".encode(), "43号".encode())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert main(["check-db", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "member" in err and member_id in err


def test_backup_of_a_damaged_row_is_refused(db: Database) -> None:
    """A backup must not pass verification while a row does not match its hash."""
    member_id = _stored_member(db)
    path = db.path
    db.close()
    _flip(path, "42号".encode(), "43号".encode())
    damaged = open_database(path)
    try:
        with pytest.raises(BackupError) as info:
            maintenance.backup_now(damaged, reason="manual")
        assert member_id in info.value.message
    finally:
        damaged.close()


def test_restoring_a_damaged_backup_is_refused(db: Database, tmp_path: Path) -> None:
    """A backup whose row was altered after it was written is refused before the database is touched."""
    _stored_member(db)
    made = maintenance.backup_now(db, reason="manual")
    path = db.path
    db.close()
    _flip(made.path, "42号".encode(), "43号".encode())
    before = path.read_bytes()
    with pytest.raises(BackupError) as info:
        maintenance.restore(path, made.path)
    assert "member" in info.value.message
    assert path.read_bytes() == before


def test_every_write_path_leaves_matching_hashes(db: Database, tmp_path: Path) -> None:
    """Forms (add, edit, event, delete), the bulk importer and remote apply all write hashes that verify."""
    today = date(2026, 6, 1)
    seed(db, member())  # bulk insert (Core) of a member and its events
    saved = members.add_member(db, LOCAL_USER, data=input_from_data(member("李梅", ID2)), today=today)
    members.update_member(db, LOCAL_USER, member_id=saved.member_id,
                          data=input_from_data(member("李梅", ID2, phone="13900139000")), today=today)
    members.add_event(db, LOCAL_USER, member_id=saved.member_id, kind=EventKind.LOST, on_date=date(2026, 5, 1),
                      today=today)
    apply_import(db, LOCAL_USER, plan(db, save_xlsx(tmp_path / "r.xlsx", [person(党小组="第二党小组")])))
    target = next(r for r in members.roster(db, LOCAL_USER) if r.id_number == ID1)
    members.delete_member(db, LOCAL_USER, member_id=target.id, reason="测试")
    assert db.integrity_problems() == []


def test_remote_apply_keeps_received_values_and_a_matching_hash(db: Database) -> None:
    """A record applied from another site keeps its version and still verifies."""
    version = "001796011031426-000000-other-site"
    with db.write(LOCAL_USER, action="sync.apply", remote=True) as session:
        session.add(Organisation(code="3001", name="中共另一支部委员会", org_type="党支部", owner_site="other-site",
                                 version=version, updated_by="remote", updated_at=datetime(2026, 11, 1, 8, 0)))
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("SELECT version FROM organisation WHERE code = '3001'").fetchone() == (version,)
    assert db.integrity_problems() == []


def test_deleting_a_member_leaves_no_copy_in_the_wal_or_the_file(db: Database) -> None:
    """Right after the deletion, without waiting for exit, neither the file nor its WAL holds the name or ID."""
    seed(db, member("欧阳丽华", ID2, address=ADDRESS))
    db.checkpoint()
    target = next(r for r in members.roster(db, LOCAL_USER) if r.id_number == ID2)
    members.delete_member(db, LOCAL_USER, member_id=target.id, reason="录入错误")
    wal = Path(f"{db.path}-wal")
    contents = db.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    for secret in ("欧阳丽华", ID2, ADDRESS):
        assert secret.encode() not in contents, secret
