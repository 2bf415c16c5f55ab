"""A database found damaged while the program has it open (RELIABILITY ST-7): it is copied aside at once, with
its WAL, and is read-only for the rest of the session — every write refused before it starts, no backup made
of it, nothing written to it on close — while what can still be read is read."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import demo_members
from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.errors import BackupError, CorruptDatabaseError, DamagedInSessionError
from partydesk.core.services import maintenance
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.setup import initialise_site, own_organisation, update_organisation
from partydesk.core.services.store import open_store, quarantine_folder
from partydesk.core.storage.database import Database


@pytest.fixture
def damaged(tmp_path: Path) -> Iterator[Database]:
    """An open branch database of 300 members whose member table's root page then goes bad on disk (a bad
    sector), with a later write still in its WAL; the connection is renewed so the next read meets the page."""
    path = tmp_path / "办公室" / "partydesk.db"
    path.parent.mkdir()
    db = open_store(path)
    initialise_site(db, LOCAL_USER, role="branch", organisation=ORGANISATION)
    insert_members(db, LOCAL_USER, demo_members(random.Random(7), 300))
    db.checkpoint()
    with db.read() as session:
        root = session.connection().exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'member'").scalar_one()
        page_size = session.connection().exec_driver_sql("PRAGMA page_size").scalar_one()
    maintenance.backup_now(db, reason="manual")  # a good backup from before, which must survive
    _phone(db, "010-12345678")  # a later write, in the WAL
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)
    # Another connection stays open while ours is renewed, so closing ours does not fold the WAL in.
    with closing(sqlite3.connect(path)) as other:
        other.execute("SELECT count(*) FROM site").fetchone()
        db.engine.dispose()
        yield db
        db.close()


ORGANISATION = OrganisationInput(name="中共示例社区第一支部委员会", code="1001", org_type="党支部")


def _phone(db: Database, phone: str) -> None:
    org = own_organisation(db)
    assert org is not None
    update_organisation(db, LOCAL_USER, org_id=org.id, data=replace(ORGANISATION, phone=phone))


def _phone_read(db: Database) -> str:
    org = own_organisation(db)
    assert org is not None
    return org.phone


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def _files(db: Database) -> dict[str, str]:
    return {suffix: _digest(Path(f"{db.path}{suffix}")) for suffix in ("", "-wal")}


def _members(db: Database) -> int:
    with db.read() as session:
        # Over a column no index holds, so the table itself is read (a count alone may read an index).
        return int(session.connection().exec_driver_sql("SELECT count(row_hash) FROM member").scalar_one())


def test_the_first_read_that_meets_the_damage_turns_the_database_read_only_and_copies_it_aside(
        damaged: Database) -> None:
    before = _files(damaged)
    assert before["-wal"], "the later write is still in the WAL"
    with pytest.raises(DamagedInSessionError) as caught:
        _members(damaged)
    assert isinstance(caught.value, CorruptDatabaseError)
    assert "只读模式" in caught.value.message and "从备份恢复" in caught.value.message
    assert damaged.damaged is not None
    copies = [p for p in quarantine_folder(damaged.path).iterdir() if not p.name.startswith(".")]
    assert len(copies) == 1 and str(copies[0]) in caught.value.message
    kept = {suffix: _digest(copies[0] / f"partydesk.db{suffix}") for suffix in ("", "-wal")}
    assert kept == before  # the file and its WAL together, as they were
    # What can still be read is read: the organisation, with the write that was only in the WAL.
    assert _phone_read(damaged) == "010-12345678"
    with pytest.raises(DamagedInSessionError) as again:  # the damage again: the part that cannot be read, no copy
        _members(damaged)
    assert again.value.message == "这部分内容在数据库文件损坏的地方，读不出来。" + caught.value.message
    assert len([p for p in quarantine_folder(damaged.path).iterdir() if not p.name.startswith(".")]) == 1


def test_a_damaged_database_is_never_written_again(damaged: Database) -> None:
    with pytest.raises(CorruptDatabaseError):
        _members(damaged)
    before = _files(damaged)
    backups = maintenance.list_backups(damaged.path)
    with pytest.raises(DamagedInSessionError), damaged.write(LOCAL_USER, action="test.write") as session:
        session.execute(text("UPDATE organisation SET phone = '1'"))
        pytest.fail("the write must be refused before it begins")
    with pytest.raises(DamagedInSessionError):
        _phone(damaged, "010-87654321")
    damaged.changed = True
    assert maintenance.backup_if_changed(damaged, reason="exit") is None  # the exit backup: none
    with pytest.raises(BackupError) as refused:
        maintenance.backup_now(damaged, reason="manual")
    assert refused.value.code == "damaged"
    assert maintenance.list_backups(damaged.path) == backups  # the good backup is still there, alone
    damaged.close()  # neither optimise nor checkpoint
    assert _files(damaged) == before


def test_a_write_that_meets_the_damage_is_rolled_back_and_says_so(damaged: Database) -> None:
    before = _files(damaged)
    with pytest.raises(DamagedInSessionError) as caught, damaged.write(LOCAL_USER, action="test.write") as session:
        session.execute(text("UPDATE member SET phone = '1'"))
    assert "修改也不会保存" in caught.value.message
    assert damaged.damaged is not None
    assert _phone_read(damaged) == "010-12345678"
    assert _files(damaged)[""] == before[""]


def test_a_read_through_the_driver_itself_turns_it_read_only_too(damaged: Database) -> None:
    """The exchange reads large tables through the driver's own cursor, whose errors SQLAlchemy never sees."""
    with pytest.raises(sqlite3.DatabaseError), damaged.read() as session:
        cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("SELECT row_hash FROM member").fetchall()
    assert damaged.damaged is not None
    with pytest.raises(DamagedInSessionError):
        _phone(damaged, "010-87654321")


def test_another_file_found_damaged_during_a_read_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    """A backup or a stick's file found damaged while a session is open says so about that file; the open database
    is not taken for damaged."""
    db = open_store(tmp_path / "partydesk.db")
    initialise_site(db, LOCAL_USER, role="branch", organisation=ORGANISATION)
    try:
        with pytest.raises(CorruptDatabaseError), db.read():
            raise CorruptDatabaseError("所选备份文件已损坏或不完整。")
        assert db.damaged is None
        _phone(db, "010-87654321")
        assert _phone_read(db) == "010-87654321"
    finally:
        db.close()
