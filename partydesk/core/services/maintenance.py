"""Backups, restore and health checks of the database file, as the GUI and command line use them."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from partydesk.core.errors import BackupError, CorruptDatabaseError, KnownError, OtherOrganisationError
from partydesk.core.progress import Progress
from partydesk.core.storage import backup, backup_files, migrate
from partydesk.core.storage.backup import BackupInfo
from partydesk.core.storage.database import Database
from partydesk.core.storage.migrate import FileContents as FileContents

log = logging.getLogger(__name__)


def backup_dir(db_path: Path) -> Path:
    """Backups sit in a ``backups`` folder beside the database they protect."""
    return backup.default_backup_dir(db_path)


def backup_now(db: Database, *, reason: str = "manual", progress: Progress | None = None) -> BackupInfo:
    """A verified backup of the open database, then GFS thinning of the older ones. Refused for a database
    found damaged while open (its copy is in quarantine; a backup of it would thin out good ones)."""
    if db.damaged is not None:
        raise BackupError("数据库文件已损坏，不能用它做备份（以免挤掉完好的备份）。"
                          "请用“文件 → 从备份恢复…”恢复最近的备份。", code="damaged")
    db.checkpoint()
    info = backup.make_backup(db.path, backup_dir(db.path), reason=reason, progress=progress)
    backup_files.mirror_files(db.path, backup_dir(db.path))
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
    Never for a database found damaged while open (``backup_now`` refuses it).
    """
    return db.changed and db.damaged is None


_PEOPLE_WROTE = "SELECT max(seq) FROM audit WHERE actor_role != 'system'"  # the program's own upkeep left out


def written_since_backup(db: Database) -> bool:
    """Whether the database holds a person's write that no backup here holds: the last session ended without
    its exit backup (a power cut, a killed process), so ``Database.changed`` was lost with it. Compared by
    the audit trail's newest entry of a person, in the file and in the newest backup; a backup that cannot be
    read counts as not holding it."""
    with db.read() as session:
        ours = session.connection().exec_driver_sql(_PEOPLE_WROTE).scalar()
    if not ours:
        return False
    newest = last_backup(db.path)
    if newest is None:
        return True
    try:
        with closing(sqlite3.connect(f"{newest.path.resolve().as_uri()}?mode=ro", uri=True)) as kept:
            theirs = kept.execute(_PEOPLE_WROTE).fetchone()[0]
    except sqlite3.Error:
        return True
    return int(ours) > int(theirs or 0)


def note_unbacked_writes(db: Database) -> bool:
    """At start: when ``written_since_backup``, the next exit or periodic backup is due (``backup_due``) as if
    the writes were made in this session. Returns whether it was so. Never for a damaged file (one opened only to
    look at): it is not backed up, and its audit table may be what cannot be read."""
    if db.damaged is not None:
        return False
    if written_since_backup(db):
        db.changed = True
        return True
    return False


def backup_if_changed(db: Database, *, reason: str, progress: Progress | None = None) -> BackupInfo | None:
    """The exit and periodic backups: a verified backup when ``backup_due``, else nothing (None)."""
    if not backup_due(db):
        return None
    return backup_now(db, reason=reason, progress=progress)


def backup_file(db_path: Path, reason: str) -> BackupInfo:
    """A verified backup of a database that is not open (before a migration)."""
    info = backup.make_backup(db_path, backup_dir(db_path), reason=reason)
    backup_files.mirror_files(db_path, backup_dir(db_path))
    backup.thin_backups(backup_dir(db_path))
    return info


def last_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of this database, if any."""
    found = backup.list_backups(backup_dir(db_path))
    return found[0] if found else None


def list_backups(db_path: Path) -> list[BackupInfo]:
    """This database's backups, newest first."""
    return backup.list_backups(backup_dir(db_path))


def backup_contents(backup_path: Path) -> FileContents | None:
    """What a backup holds (organisation, member count), or None when it fails verification."""
    try:
        return migrate.read_contents(backup_path) if backup.verify_backup(backup_path) else None
    except KnownError:
        return None


def check_restorable(db_path: Path, backup_path: Path, *, other_organisation: bool = False) -> FileContents:
    """Everything ``restore`` checks before touching anything; returns what the backup holds.

    The backup must be a partydesk file (its mark), of a schema this program knows (older ones are
    upgraded when opened), pass ``integrity_check``, and belong to the same organisation as the current
    database unless ``other_organisation`` confirms otherwise. Each failure is a KnownError naming it.
    """
    damaged = "所选备份文件已损坏或不完整，已拒绝恢复；当前数据库没有改动。"
    try:
        found = migrate.inspect_file(backup_path)  # NotPartydeskDatabaseError, SchemaTooNewError
    except CorruptDatabaseError as exc:
        raise BackupError(damaged) from exc
    if found.state in (migrate.FileState.NEW, migrate.FileState.EMPTY):
        raise BackupError(f"“{backup_path.name}”是空文件，不是备份；没有恢复，当前数据库没有改动。")
    problems = backup.file_problems(backup_path)
    if problems:
        raise BackupError(f"所选备份文件未通过检查（{problems[0]}），已拒绝恢复；当前数据库没有改动。")
    theirs = migrate.read_contents(backup_path)
    if other_organisation or not db_path.exists() or db_path.stat().st_size == 0:
        return theirs
    try:
        mine = migrate.read_contents(db_path)
    except KnownError:
        return theirs  # the current file is damaged: restoring is the remedy, its organisation unknown
    if mine.organisation_code and theirs.organisation_code != mine.organisation_code:
        raise OtherOrganisationError(
            f"这个备份属于“{theirs.organisation_name}”（组织代码 {theirs.organisation_code}），"
            f"不是当前的“{mine.organisation_name}”（{mine.organisation_code}）。恢复后本机将变成那个组织的数据。"
            "当前数据库没有改动。"
        )
    return theirs


RESTORED = "restored"  # the reason of the backup made of a database restored from elsewhere


def restore(db_path: Path, backup_path: Path, *, other_organisation: bool = False) -> BackupInfo | None:
    """Replace the (closed) database with a checked backup (``check_restorable``); the current file is saved first.

    The attachments the restored rows name come back from the backup folder's mirror of the store. A backup
    from elsewhere is then backed up here too (``keep_here``).
    """
    check_restorable(db_path, backup_path, other_organisation=other_organisation)
    ours = backup_dir(db_path)
    # A file never set up (a new computer's, restored from the old one's backup) holds nothing to save: no
    # "before restore" copy of it, which would list as a backup with no organisation and no members.
    save_current = not db_path.exists() or db_path.stat().st_size == 0 or migrate.is_set_up(db_path)
    safety = backup.restore_backup(backup_path, db_path, safety_backup_dir=ours, save_current=save_current)
    for folder in dict.fromkeys((backup_path.parent, ours)):  # a chosen folder, then our own
        backup_files.restore_files(db_path, folder)
    keep_here(db_path)
    return safety


def keep_here(db_path: Path, *, reason: str = RESTORED) -> None:
    """After a restore (or a salvage): a backup of the records now in use, so that the newest backup here holds
    them and not the copy of what was replaced (the state the office chose to leave, or the empty file of a new
    computer), which recovery from a damaged file would otherwise take. The restore is done either way."""
    ours = backup_dir(db_path)
    try:
        backup.make_backup(db_path, ours, reason=reason)
        backup_files.mirror_files(db_path, ours)
    except (KnownError, OSError, sqlite3.Error):
        log.warning("could not back up the restored database", exc_info=True)


@dataclass(frozen=True)
class HealthReport:
    """What ``check_database`` found."""

    ok: bool
    problems: tuple[str, ...]
    sqlite_version: str


def check_database(db: Database) -> HealthReport:
    """``integrity_check`` and ``foreign_key_check`` on the open database."""
    problems = db.integrity_problems()
    return HealthReport(not problems, tuple(problems), sqlite3.sqlite_version)
