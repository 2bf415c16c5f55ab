"""Backups, restore and health checks of the database file, as the GUI and command line use them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from partydesk.core.progress import Progress
from partydesk.core.storage import backup
from partydesk.core.storage.backup import BackupInfo
from partydesk.core.storage.database import Database


def backup_dir(db_path: Path) -> Path:
    """Backups sit in a ``backups`` folder beside the database they protect."""
    return backup.default_backup_dir(db_path)


def backup_now(db: Database, *, reason: str = "manual", progress: Progress | None = None) -> BackupInfo:
    """A verified backup of the open database, then GFS thinning of the older ones."""
    db.checkpoint()
    info = backup.make_backup(db.path, backup_dir(db.path), reason=reason, progress=progress)
    db.changed = False
    backup.thin_backups(backup_dir(db.path))
    return info


#: The window's automatic backup while it stays open (DESIGN.md Storage: "on exit if changed", and
#: every four hours if changed, so a crash after a long day of work loses at most four hours).
PERIODIC_BACKUP = timedelta(hours=4)


def backup_due(db: Database) -> bool:
    """Whether an automatic (exit or periodic) backup is due: only when a person wrote since the last one.

    ``Database.changed`` is set by writes of a real actor (not the program's own upkeep at start-up)
    and cleared by every backup, so an office that only looked at the roster gets no new backup files.
    """
    return db.changed


def backup_if_changed(db: Database, *, reason: str, progress: Progress | None = None) -> BackupInfo | None:
    """The exit and periodic backups: a verified backup when ``backup_due``, else nothing (None)."""
    if not backup_due(db):
        return None
    return backup_now(db, reason=reason, progress=progress)


def backup_file(db_path: Path, reason: str) -> BackupInfo:
    """A verified backup of a database that is not open (before a migration)."""
    info = backup.make_backup(db_path, backup_dir(db_path), reason=reason)
    backup.thin_backups(backup_dir(db_path))
    return info


def last_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of this database, if any."""
    found = backup.list_backups(backup_dir(db_path))
    return found[0] if found else None


def list_backups(db_path: Path) -> list[BackupInfo]:
    """This database's backups, newest first."""
    return backup.list_backups(backup_dir(db_path))


def restore(db_path: Path, backup_path: Path) -> BackupInfo | None:
    """Replace the (closed) database with a verified backup; the current file is saved first."""
    return backup.restore_backup(backup_path, db_path, safety_backup_dir=backup_dir(db_path))


@dataclass(frozen=True)
class HealthReport:
    """What ``check_database`` found."""

    ok: bool
    problems: tuple[str, ...]
    sqlite_version: str


def check_database(db: Database) -> HealthReport:
    """``integrity_check`` and ``foreign_key_check`` on the open database."""
    import sqlite3

    problems = db.integrity_problems()
    return HealthReport(not problems, tuple(problems), sqlite3.sqlite_version)
