"""Verified, rotating backups of the SQLite database file, restore, and quarantine (ST-4, ST-7).

A backup is copied with SQLite's online backup API from a fresh read-only connection, so it works
while the app's own WAL connection is open and never writes to the source file. The copy goes to a
hidden temp file, is switched to a single self-contained file (journal_mode=DELETE), must pass
``PRAGMA integrity_check``, is fsynced, and only then renamed to its final name
``partydesk-YYYYMMDD-HHMMSS[-n]-<reason>.db``. Anything carrying that name has therefore been
verified once; a failed or cancelled backup leaves no file behind.

Old backups are thinned by day, ISO week and month (Anki's 12/10/9 tiers), but the newest backup
that still verifies is never deleted. This module talks to ``sqlite3`` directly on purpose: the
backup API and file-level recovery are SQLite-specific and sit below SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import filecmp
import glob
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from partydesk.core.atomicfile import (
    fsync_directory,
    fsync_file,
    known_error_from_os,
    remove_quietly,
    replace_file,
)
from partydesk.core.errors import BackupError, CorruptDatabaseError, KnownError, known_error_from_db
from partydesk.core.progress import Progress
from partydesk.core.storage import rowhash

__all__ = [
    "PRE_UPGRADE",
    "SOURCE_CORRUPT",
    "BackupInfo",
    "choose_keep",
    "default_backup_dir",
    "list_backups",
    "make_backup",
    "quarantine",
    "restore_backup",
    "thin_backups",
    "verify_backup",
]

log = logging.getLogger(__name__)

#: ``BackupError.code`` when the database being backed up is itself damaged (callers switch to
#: recovery instead of retrying).
SOURCE_CORRUPT = "backup_source_corrupt"

_PREFIX = "partydesk-"
_STAMP = "%Y%m%d-%H%M%S"
# The reason must start with a letter so that "-2-exit" cannot be read two ways.
_REASON_RE = re.compile(r"[a-z][a-z0-9-]{0,39}")
_NAME_RE = re.compile(r"partydesk-(\d{8}-\d{6})(?:-(\d+))?-([a-z][a-z0-9-]{0,39})\.db")
# ~4 MB per step with 4 KiB pages: fine-grained enough for progress and cancel, coarse enough
# that the per-step overhead does not show.
_PAGES_PER_STEP = 1024
_SIDECARS = ("-wal", "-shm", "-journal")
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Reason prefix of the backup made before a schema upgrade ("pre-upgrade-0002-to-0003"); thinning
#: never deletes these: they are the way back if an upgrade turns out wrong weeks later.
PRE_UPGRADE = "pre-upgrade"


def default_backup_dir(db_path: Path) -> Path:
    """Backups sit in a ``backups`` folder beside the database they protect."""
    return db_path.resolve().parent / "backups"


@dataclass(frozen=True)
class BackupInfo:
    """One verified backup file: where it is, when it was made (naive local time), why, how big."""

    path: Path
    created: datetime
    reason: str
    size: int


# --------------------------------------------------------------------------------------------
# low-level helpers


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """Open a private connection; read-only ones go through a URI so they can never write."""
    if readonly:
        # as_uri() percent-encodes Chinese folder names, '?' and '#', and gives file:///C:/... on Windows.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    # Backups may come from a USB stick: never run schema-embedded functions from them.
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


def _header_ok(path: Path) -> bool:
    """Cheap structural check that integrity_check cannot do: magic bytes and file length.

    An empty or cut-off file still opens in SQLite (an empty file is a valid empty database), so
    without this a truncated backup could pass as 'ok'.
    """
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return False
    pages = int.from_bytes(header[28:32], "big")
    # The in-header page count is only trustworthy when its "version-valid-for" matches the
    # change counter ("in-header database size" in the SQLite file-format doc); our copies always match.
    valid_for = header[92:96] == header[24:28]
    if valid_for and pages > 0:
        return size == pages * page_size
    return size > 0 and size % page_size == 0


def file_problems(path: Path) -> list[str]:
    """What is wrong with a database file: its header, ``integrity_check``, then each row's content hash.

    Empty when the file is sound. Opened read-only; nothing is written.
    """
    if not _header_ok(path):
        return ["文件不完整（大小与文件头不符）"]
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.Error:
        return ["文件无法打开"]
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if rows != [("ok",)]:
            return [str(r[0]) for r in rows[:20]]
        return rowhash.problems(conn)
    except sqlite3.Error:
        # A badly damaged file raises ("malformed") instead of returning error rows.
        return ["文件已损坏，无法读取"]
    finally:
        conn.close()


def _integrity_ok(path: Path) -> bool:
    return not file_problems(path)


def _remove_db_files(path: Path) -> None:
    remove_quietly(path)
    for suffix in _SIDECARS:
        remove_quietly(f"{path}{suffix}")


def _copy_database(source: Path, target: Path, progress: Progress | None) -> None:
    """Copy ``source`` page by page into the (empty) file ``target`` as a DELETE-mode database."""
    src = _connect(source, readonly=True)
    try:
        dst = _connect(target, readonly=False)
        try:
            # Holding one read transaction across all steps pins a WAL snapshot: other
            # connections can keep committing, and the chunked copy neither restarts (which it
            # would on every foreign write, possibly forever) nor mixes two database states.
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchall()

            def report(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress.step(total - remaining, total, "正在备份数据库")

            src.backup(dst, pages=_PAGES_PER_STEP, progress=report, sleep=0.05)
            src.execute("COMMIT")
            # The copied header still says WAL; a backup must be one self-contained file.
            mode = dst.execute("PRAGMA journal_mode=DELETE").fetchone()
            if mode is None or str(mode[0]).lower() != "delete":
                raise BackupError("无法把备份文件转换为独立文件，备份没有保存。")
        finally:
            dst.close()
    finally:
        src.close()


def _map_error(exc: BaseException, *, corrupt_message: str) -> KnownError | None:
    """Turn an OS/SQLite failure into a KnownError (None for a bug); corruption -> BackupError."""
    if isinstance(exc, sqlite3.Error):
        known = known_error_from_db(exc)
        if isinstance(known, CorruptDatabaseError):
            # The caller needs to know it is the *source* that is damaged, not the backup folder.
            return BackupError(corrupt_message, code=SOURCE_CORRUPT)
        return known
    if isinstance(exc, OSError):
        return known_error_from_os(exc)
    return None


@contextlib.contextmanager
def _known_errors(corrupt_message: str) -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        known = _map_error(exc, corrupt_message=corrupt_message)
        if known is None:
            raise
        raise known from exc


def _temp_db(directory: Path, prefix: str) -> Path:
    # A leading dot keeps the temp name outside _NAME_RE, so list/thin never see half a backup.
    fd, name = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
    os.close(fd)
    return Path(name)


# --------------------------------------------------------------------------------------------
# naming


def _parse_name(path: Path) -> tuple[datetime, int, str] | None:
    match = _NAME_RE.fullmatch(path.name)
    if match is None:
        return None
    try:
        created = datetime.strptime(match.group(1), _STAMP)
    except ValueError:
        return None
    return created, int(match.group(2) or 1), match.group(3)


def _free_name(backup_dir: Path, created: datetime, reason: str) -> Path:
    """First unused name for this second; ``-n`` orders backups taken within the same second."""
    stamp = created.strftime(_STAMP)
    taken = 0
    with contextlib.suppress(FileNotFoundError):
        for entry in backup_dir.iterdir():
            parsed = _parse_name(entry)
            if parsed is not None and parsed[0] == created:
                taken = max(taken, parsed[1])
    if taken == 0:
        return backup_dir / f"{_PREFIX}{stamp}-{reason}.db"
    return backup_dir / f"{_PREFIX}{stamp}-{taken + 1}-{reason}.db"


# --------------------------------------------------------------------------------------------
# public API


def make_backup(
    db_path: str | os.PathLike[str],
    backup_dir: str | os.PathLike[str],
    *,
    reason: str,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> BackupInfo:
    """Copy the database into ``backup_dir`` as a verified backup and return its details.

    Safe while the app's own connection is open (WAL). Raises DiskFullError / ReadOnlyError when
    the backup folder cannot take the copy, BackupError (code SOURCE_CORRUPT) when the database is
    damaged, and Cancelled when ``progress`` is cancelled; in every failure no file is left behind
    and existing backups are untouched.
    """
    if not _REASON_RE.fullmatch(reason):
        raise ValueError(f"backup reason must be a lowercase ascii slug, got {reason!r}")
    source = Path(db_path)
    folder = Path(backup_dir)
    created = (now or datetime.now()).replace(microsecond=0, tzinfo=None)
    if not source.is_file():
        raise BackupError("找不到要备份的数据库文件，备份没有进行。")
    corrupt = "数据库文件已损坏，无法生成有效备份。请不要继续写入，从最近的备份恢复。"
    with _known_errors(corrupt):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as exc:  # a file where the backup folder (or one above) should be
            raise BackupError(f"无法备份：“{folder}”处有一个同名的文件，不是文件夹。请把这个文件移走或改名后重试。"
                              "这次操作没有进行，数据没有改动。") from exc
        temp = _temp_db(folder, ".partydesk-backup-")
    try:
        with _known_errors(corrupt):
            _copy_database(source, temp, progress)
            problems = file_problems(temp)
            if problems:
                raise BackupError(f"{corrupt}（{problems[0]}）", code=SOURCE_CORRUPT)
            fsync_file(temp)
            final = _free_name(folder, created, reason)
            replace_file(temp, final)
            fsync_directory(folder)
            size = final.stat().st_size
    finally:
        # Only reached with files present when something failed: the rename consumed the temp.
        _remove_db_files(temp)
    log.info("backup written: %s (%d bytes, reason %s)", final.name, size, reason)
    return BackupInfo(path=final, created=created, reason=reason, size=size)


def list_backups(backup_dir: str | os.PathLike[str]) -> list[BackupInfo]:
    """Backups in ``backup_dir`` newest first, by the time in their names; other files ignored."""
    found: list[tuple[datetime, int, BackupInfo]] = []
    try:
        entries = list(Path(backup_dir).iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        parsed = _parse_name(entry)
        if parsed is None:
            continue
        try:
            if not entry.is_file():
                continue
            size = entry.stat().st_size
        except OSError:
            continue
        created, seq, reason = parsed
        found.append((created, seq, BackupInfo(path=entry, created=created, reason=reason, size=size)))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [item[2] for item in found]


def verify_backup(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a complete SQLite file that passes integrity_check (opened read-only)."""
    return _integrity_ok(Path(path))


DEFAULT_GRACE = timedelta(hours=48)


def choose_keep(
    created_times: Sequence[datetime],
    now: datetime,
    daily: int,
    weekly: int,
    monthly: int,
    *,
    grace: timedelta = timedelta(0),
) -> set[int]:
    """Indices of ``created_times`` to keep under grandfather-father-son thinning.

    Walking from newest to oldest: the newest backup of each of the most recent ``daily`` days
    that have backups; then the newest of each of the next ``weekly`` ISO (Monday-based) weeks;
    then the newest of each of the next ``monthly`` calendar months. A tier continues from the
    period of the last kept backup, so a week already covered by a daily backup is not kept again
    (Anki's rule). Backups dated after ``now`` were made under a wrong clock (or the clock is
    wrong now); they are always kept and use no slot, so a clock reset can never make thinning
    throw away the newest real backups. Everything made within ``grace`` before ``now`` is kept as
    well, outside the tiers: a "before import" backup made this morning must survive the exit backup
    taken after a bad import.
    """
    if min(daily, weekly, monthly) < 0:
        raise ValueError("tier sizes must not be negative")
    keep = {i for i, created in enumerate(created_times) if created > now or (grace and created >= now - grace)}
    # sorted() is stable and reverse=True keeps equal times in input order, so the caller's
    # tie-break (list_backups' -n sequence) survives.
    order = sorted(
        (i for i in range(len(created_times)) if i not in keep),
        key=lambda i: created_times[i],
        reverse=True,
    )
    left = {"day": daily, "week": weekly, "month": monthly}
    last: dict[str, int] | None = None
    for i in order:
        created = created_times[i]
        day = created.date().toordinal()
        # Ordinal 1 (0001-01-01) is a Monday, so this numbers Monday-to-Sunday weeks.
        periods = {"day": day, "week": (day - 1) // 7, "month": created.year * 12 + created.month - 1}
        tier = next((name for name in ("day", "week", "month") if left[name] > 0), None)
        if tier is None:
            break
        if last is None or periods[tier] < last[tier]:
            keep.add(i)
            left[tier] -= 1
            last = periods
    return keep


def thin_backups(
    backup_dir: str | os.PathLike[str],
    *,
    now: datetime | None = None,
    daily: int = 12,
    weekly: int = 10,
    monthly: int = 9,
    grace: timedelta = DEFAULT_GRACE,
) -> list[Path]:
    """Delete backups that fall outside the day/week/month tiers; return the deleted paths.

    Backups from the last ``grace`` (48 hours by default) and pre-upgrade backups are always kept.

    The newest backup that passes verify_backup is always kept, even if the tiers would drop it
    (because newer ones are corrupt). If no backup verifies at all, nothing is deleted: that
    situation needs a person, and damaged copies may still be salvageable.
    """
    backups = list_backups(backup_dir)
    if not backups:
        return []
    moment = (now or datetime.now()).replace(tzinfo=None)
    keep = choose_keep([b.created for b in backups], moment, daily, weekly, monthly, grace=grace)
    newest_good = next((i for i, b in enumerate(backups) if verify_backup(b.path)), None)
    if newest_good is None:
        log.warning("no backup in %s verifies; thinning skipped", backup_dir)
        return []
    keep.add(newest_good)
    keep.update(i for i, b in enumerate(backups) if b.reason.startswith(PRE_UPGRADE))
    deleted: list[Path] = []
    for i, info in enumerate(backups):
        if i in keep:
            continue
        try:
            info.path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            # A file held open (Windows) is retried on the next thinning; not worth failing for.
            log.warning("could not delete old backup %s", info.path.name, exc_info=True)
            continue
        deleted.append(info.path)
    return deleted


def _kept_already(source: Path, folder: Path) -> Path | None:
    """The newest quarantine copy of ``source`` when the file and its WAL (and journal) are byte for byte what
    it holds, so a damaged file opened again and again (looked at read-only each morning) is not copied anew
    each time; None otherwise. The -shm, only an index into the WAL, is not compared."""
    try:
        copies = [p for p in folder.glob(f"{glob.escape(source.stem)}-*") if p.is_dir() and not p.name.startswith(".")]
        if not copies:
            return None
        newest = max(copies, key=lambda p: p.stat().st_mtime)
        for suffix in ("", "-wal", "-journal"):
            mine, theirs = Path(f"{source}{suffix}"), newest / f"{source.name}{suffix}"
            if mine.is_file() != theirs.is_file():
                return None
            if mine.is_file() and not filecmp.cmp(mine, theirs, shallow=False):
                return None
        return newest
    except OSError:
        return None


def quarantine(db_path: str | os.PathLike[str], dest_dir: str | os.PathLike[str]) -> Path:
    """Copy the database with its -wal/-shm (and -journal) into a new timestamped folder (ST-7).

    The three files only make sense together: a WAL holds committed data the main file lacks. The
    copy is assembled in a hidden folder and renamed, so a quarantine folder is always complete.
    The source is only read.
    """
    source = Path(db_path)
    folder = Path(dest_dir)
    if not source.is_file():
        raise BackupError("找不到要隔离保存的数据库文件。")
    kept = _kept_already(source, folder)
    if kept is not None:
        log.warning("damaged database unchanged since its copy in %s", kept)
        return kept
    stamp = datetime.now().strftime(_STAMP)
    message = "无法把损坏的数据库复制到隔离文件夹。"
    with _known_errors(message):
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder, prefix=".quarantine-"))
    try:
        with _known_errors(message):
            for suffix in ("", *_SIDECARS):
                part = Path(f"{source}{suffix}")
                if part.is_file():
                    copied = staging / f"{source.name}{suffix}"
                    shutil.copyfile(part, copied)
                    fsync_file(copied)
            n = 1
            while True:
                name = f"{source.stem}-{stamp}" + (f"-{n}" if n > 1 else "")
                final = folder / name
                if not final.exists():
                    break
                n += 1
            os.rename(staging, final)
            fsync_directory(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log.warning("database quarantined to %s", final)
    return final


def restore_backup(
    backup_path: str | os.PathLike[str],
    db_path: str | os.PathLike[str],
    *,
    safety_backup_dir: str | os.PathLike[str],
    save_current: bool = True,
) -> BackupInfo | None:
    """Replace the database with a verified backup; return the safety backup of the old file.

    ``save_current=False`` skips that copy, for a file the caller knows holds nothing (never set up).

    The backup is verified first (BackupError, nothing touched, if it fails). An existing database
    is first saved: as a normal "before-restore" backup, or, if that fails (typically because the
    file is damaged), copied raw with its -wal/-shm into ``safety_backup_dir/quarantine`` (then
    None is returned). If neither copy can be made, the restore stops with the database untouched.
    The caller guarantees that no connection to ``db_path`` is open.
    """
    backup = Path(backup_path)
    target = Path(db_path)
    safety_dir = Path(safety_backup_dir)
    if not verify_backup(backup):
        raise BackupError("所选备份文件已损坏或不完整，已拒绝恢复；当前数据库没有改动。")
    safety: BackupInfo | None = None
    if target.exists() and save_current:
        if not os.access(target, os.R_OK):
            # Replacing a file we could not copy first would destroy it: refuse instead.
            raise BackupError("当前数据库文件无法读取，无法先做安全备份，因此没有恢复。请检查文件权限。")
        try:
            safety = make_backup(target, safety_dir, reason="before-restore")
        except KnownError as exc:
            # Usually the file is too damaged for the backup API. Whatever the reason, the old
            # file must be saved somehow before it is replaced; if even a raw copy fails, that
            # error aborts the restore with the database untouched.
            log.warning("safety backup failed (%s); quarantining the raw files instead", exc.code)
            quarantine(target, safety_dir / "quarantine")
    corrupt = "所选备份文件在复制时读取失败，已停止恢复；当前数据库没有改动。"
    with _known_errors(corrupt):
        temp = _temp_db(target.parent, f".{target.name}.restore-")
    try:
        with _known_errors(corrupt):
            _copy_database(backup, temp, None)
            if not _integrity_ok(temp):
                raise BackupError(corrupt)
            fsync_file(temp)
            # Stale sidecars must go before the swap: an old -wal would be replayed onto the
            # restored file, and an old hot -journal would be rolled back into it.
            for suffix in _SIDECARS:
                sidecar = Path(f"{target}{suffix}")
                with contextlib.suppress(FileNotFoundError):
                    sidecar.unlink()
            replace_file(temp, target)
            fsync_directory(target.parent)
    finally:
        _remove_db_files(temp)
    log.warning("database restored from %s", backup.name)
    return safety
