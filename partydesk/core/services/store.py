"""Opening the database file and recovering a damaged one, for callers that must not import storage.

The GUI and the command line open the store here and get back an opaque ``DbHandle``; the records the
GUI shows (backups, rules, the organisation) are re-exported so no caller reaches into ``core/storage``.
"""

from __future__ import annotations

from pathlib import Path

from partydesk.core.handle import DbHandle
from partydesk.core.services import maintenance
from partydesk.core.storage.backup import BackupInfo as BackupInfo
from partydesk.core.storage.backup import quarantine, verify_backup
from partydesk.core.storage.database import open_database, open_for_viewing
from partydesk.core.storage.settings_repo import OrganisationRecord as OrganisationRecord
from partydesk.core.storage.settings_repo import RuleRecord as RuleRecord

__all__ = [
    "BackupInfo",
    "OrganisationRecord",
    "RuleRecord",
    "newest_verified_backup",
    "open_store",
    "quarantine_damaged",
    "view_damaged",
]


def open_store(path: Path, *, backups: bool = True) -> DbHandle:
    """Open (creating or upgrading) the database at ``path``; upgrades back the file up first. Found damaged
    while open, the file is copied into the backups' quarantine folder (``quarantine_damaged``)."""
    return open_database(path, backup=maintenance.backup_file if backups else None,
                         quarantine_dir=quarantine_folder(path))


def view_damaged(path: Path) -> DbHandle:
    """The damaged database at ``path`` opened only to look at (``storage.database.open_for_viewing``): every
    write refused, nothing written to the file; KnownError when it cannot be read even so."""
    return open_for_viewing(path)


def quarantine_damaged(db_path: Path) -> Path:
    """Move a damaged database (with its WAL) aside into the backups' quarantine folder; returns where."""
    return quarantine(db_path, quarantine_folder(db_path))


def quarantine_folder(db_path: Path) -> Path:
    """Where copies of a damaged database are kept."""
    return maintenance.backup_dir(db_path) / "quarantine"


def newest_verified_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of ``db_path`` that passes verification, or None."""
    return next((b for b in maintenance.list_backups(db_path) if verify_backup(b.path)), None)
