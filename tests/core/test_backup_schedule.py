"""The window's automatic backups (on exit and every four hours) happen exactly when a person wrote something."""

from __future__ import annotations

from pathlib import Path

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import maintenance
from partydesk.core.services.rules import set_rule
from partydesk.core.services.setup import OrganisationInput, initialise_site
from partydesk.core.storage.backup import verify_backup
from partydesk.core.storage.database import Database, open_database

RULE = "meeting.general.months"


def _setup(path: Path) -> None:
    db = open_database(path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="备份测试支部", code="B1"), role="branch")
    db.close()


def test_no_backup_is_due_after_opening_and_reading_only(db_path: Path) -> None:
    """Start-up upkeep (rule defaults) and reads do not make an exit or periodic backup due."""
    _setup(db_path)
    db = open_database(db_path)
    try:
        assert not maintenance.backup_due(db)
        assert maintenance.backup_if_changed(db, reason="exit") is None
        assert maintenance.list_backups(db_path) == []
    finally:
        db.close()


def test_exit_backup_is_made_and_verified_after_a_write(db: Database) -> None:
    """A real write makes the exit backup due; it is written, verifies, and clears the flag."""
    set_rule(db, LOCAL_USER, key=RULE, value=7)
    assert maintenance.backup_due(db)
    info = maintenance.backup_if_changed(db, reason="exit")
    assert info is not None and info.reason == "exit" and verify_backup(info.path)
    assert [b.path for b in maintenance.list_backups(db.path)] == [info.path]
    assert not maintenance.backup_due(db)


def test_periodic_backup_runs_only_when_something_changed_since_the_last(db: Database) -> None:
    """Each four-hourly tick backs up only the periods with writes: write, tick, tick, write, tick → 2 files."""
    made = []
    set_rule(db, LOCAL_USER, key=RULE, value=7)
    for step in ("tick", "tick", "write", "tick"):
        if step == "write":
            set_rule(db, LOCAL_USER, key=RULE, value=8)
        else:
            made.append(maintenance.backup_if_changed(db, reason="periodic"))
    assert [m is not None for m in made] == [True, False, True]
    assert len(maintenance.list_backups(db.path)) == 2
    assert maintenance.PERIODIC_BACKUP.total_seconds() == 4 * 3600


def test_a_write_that_changed_nothing_does_not_make_a_backup_due(db: Database) -> None:
    """Saving a rule at its current value writes nothing, so no backup is due."""
    set_rule(db, LOCAL_USER, key=RULE, value=7)
    maintenance.backup_now(db)
    set_rule(db, LOCAL_USER, key=RULE, value=7)
    assert not maintenance.backup_due(db)


def test_writes_of_a_session_that_ended_without_its_exit_backup_are_backed_up_next_time(db_path: Path) -> None:
    """A write, then the power goes (no exit backup): the next session, which only reads, still backs up on
    exit; once backed up, a session after that owes nothing. Start-up upkeep alone never counts."""
    _setup(db_path)
    first = open_database(db_path)
    maintenance.backup_now(first, reason="manual")
    set_rule(first, LOCAL_USER, key=RULE, value=7)
    first.close()  # as a killed process: ``changed`` is not kept anywhere
    second = open_database(db_path)
    try:
        assert not maintenance.backup_due(second)
        assert maintenance.written_since_backup(second)
        assert maintenance.note_unbacked_writes(second) and maintenance.backup_due(second)
        info = maintenance.backup_if_changed(second, reason="exit")
        assert info is not None and verify_backup(info.path)
    finally:
        second.close()
    third = open_database(db_path)
    try:
        assert not maintenance.note_unbacked_writes(third) and not maintenance.backup_due(third)
    finally:
        third.close()


def test_a_set_up_file_with_upkeep_only_owes_no_backup(db_path: Path) -> None:
    """No person's write besides the set-up that the first backup holds: nothing owed after reopening."""
    _setup(db_path)
    db = open_database(db_path)
    try:
        maintenance.backup_now(db, reason="manual")
    finally:
        db.close()
    again = open_database(db_path)
    try:
        assert not maintenance.written_since_backup(again)
    finally:
        again.close()


def test_after_a_restore_the_newest_backup_holds_what_was_restored(db: Database, tmp_path: Path) -> None:
    """Restoring an older backup keeps the replaced file as 恢复前, then backs up the restored records, so the
    newest backup (the one recovery from a damaged file takes) is what the office chose, not what it left."""
    set_rule(db, LOCAL_USER, key=RULE, value=7)
    older = maintenance.backup_now(db, reason="manual")
    set_rule(db, LOCAL_USER, key=RULE, value=9)
    path = db.path
    db.close()
    maintenance.restore(path, older.path)
    newest = maintenance.last_backup(path)
    assert newest is not None and newest.reason == maintenance.RESTORED
    reopened = open_database(path)
    try:
        assert not maintenance.written_since_backup(reopened)
    finally:
        reopened.close()
