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
