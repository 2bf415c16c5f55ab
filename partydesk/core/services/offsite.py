"""备份到U盘 (RELIABILITY ST-5): an encrypted backup written to a stick the office keeps away from the computer,
read back before it is called safe, and restored from on this computer or on the one that replaces it.

``write`` makes a verified backup (as 文件 → 立即备份 does), zips it with the stored files on this computer's
disk, encrypts that under the office's passphrase (``storage.offsite``) straight into the chosen folder
through the atomic writer (temp, fsync, rename, read back), decrypts what is now on the stick once more
(every pass a chunk at a time: memory stays flat however large the files), and only then records it
and removes the office's older copies there beyond the newest ``KEEP_ON_STICK``. The workbench asks for
one every ``DUE_DAYS`` (``checks.backup``).

``opened`` decrypts a ``.pdbak`` into a temp folder beside the database, as a backup folder holds a
backup (database file and its mirror of stored files), so ``maintenance.check_restorable`` and
``maintenance.restore`` treat it like any other backup; the folder is removed afterwards, and at the next
start (``leftovers``) if the program was killed meanwhile.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from partydesk.core.atomicfile import atomic_write, atomic_writer, known_error_from_os
from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.errors import BackupError, KnownError
from partydesk.core.progress import Cancelled, Progress
from partydesk.core.services import maintenance
from partydesk.core.storage import backup_files, migrate, offsite
from partydesk.core.storage.backup import BackupInfo
from partydesk.core.storage.database import Database
from partydesk.core.storage.offsite import (
    MIN_PASSPHRASE,
    SUFFIX,
    OffsiteHeader,
    WrongPassphraseError,
    passphrase_problem,
)

__all__ = ["DUE_DAYS", "KEEP_ON_STICK", "MIN_PASSPHRASE", "SUFFIX", "OffsiteHeader", "Written",
           "WrongPassphraseError", "header", "last_folder", "last_written", "opened", "passphrase_problem",
           "restore", "write"]

log = logging.getLogger(__name__)

DUE_DAYS = 7  # ST-5: a weekly copy off the machine
KEEP_ON_STICK = 5  # the office's newest copies a stick keeps; older ones are removed after a verified write
JOURNAL = "offsite.json"  # in the backup folder: when and where each copy went


@dataclass(frozen=True)
class Written:
    """A backup now on the stick, read back and opened again."""

    path: Path
    size: int
    members: int
    files: int
    removed: tuple[Path, ...]  # the office's older copies taken off the stick to make room
    changes: Changes = field(default_factory=lambda: Changes.of(ChangeKind.FINDING))  # the weekly to-do is met


def _journal(db_path: Path) -> Path:
    return maintenance.backup_dir(db_path) / JOURNAL


def _entries(db_path: Path) -> list[dict[str, Any]]:
    """The journal's record of each USB backup (oldest first); none when it is missing or unreadable."""
    try:
        entries = json.loads(_journal(db_path).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _newest(db_path: Path) -> tuple[datetime, Path] | None:
    found = []
    for entry in _entries(db_path):
        try:
            found.append((datetime.fromisoformat(str(entry["at"])), Path(str(entry["folder"]))))
        except (KeyError, ValueError):
            continue
    return max(found, default=None)


def last_written(db_path: Path) -> datetime | None:
    """When the newest USB backup of this database was written (local time), or None."""
    newest = _newest(db_path)
    return newest[0] if newest else None


def last_folder(db_path: Path) -> Path | None:
    """The folder the newest USB backup went to, while it is there (the stick is in), else None."""
    newest = _newest(db_path)
    return newest[1] if newest and newest[1].is_dir() else None


def _note(db_path: Path, at: datetime, path: Path, size: int) -> None:
    entries = [*_entries(db_path), {"at": at.isoformat(), "file": path.name, "folder": str(path.parent), "size": size}]
    atomic_write(_journal(db_path), json.dumps(entries[-50:], ensure_ascii=False, indent=1).encode("utf-8"))


def _check_folder(db_path: Path, folder: Path) -> None:
    if not folder.is_dir():
        raise BackupError(f"找不到文件夹“{folder}”。请插好U盘后重新选择。", code="no_folder")
    home = db_path.resolve().parent
    if folder.resolve() == home or home in folder.resolve().parents:
        raise BackupError("所选文件夹就在数据库所在的文件夹里，电脑坏了会一起丢失。请选U盘或另一台电脑上的文件夹。",
                          code="not_offsite")


def write(db: Database, folder: Path, passphrase: str, *, progress: Progress | None = None,
          now: datetime | None = None) -> Written:
    """Back up the open database to ``folder`` (a USB stick) under ``passphrase``; see the module text.

    Every failure is a KnownError and leaves the stick as it was (the atomic writer's temp file is removed).
    """
    progress = progress or Progress()
    problem = passphrase_problem(passphrase)
    if problem:
        raise BackupError(problem + "。", code="weak_passphrase")
    _check_folder(db.path, folder)
    created = (now or datetime.now()).replace(microsecond=0)
    progress.step(0, 4, "正在备份数据库")
    info = maintenance.backup_now(db, reason="offsite", progress=progress.nested())
    contents = migrate.read_contents(info.path)
    files = backup_files.store_files(db.path)
    target = _free(folder, offsite.file_name(contents.organisation_code, created))
    progress.step(1, 4, "正在打包")
    # The atomic writer: temp, fsync, rename, read back and compare.
    with offsite.bundled(info.path, files, scratch=info.path.parent, check=progress.check) as bundle, \
            atomic_writer(target) as out:
        size = offsite.seal(bundle, passphrase, out, created=created, organisation_code=contents.organisation_code,
                            organisation_name=contents.organisation_name, members=contents.members,
                            files=len(files), on_chunk=_in_megabytes(progress, 2, "正在加密并写入U盘"))
    try:
        offsite.decrypt(target, passphrase, on_chunk=_in_megabytes(progress, 3, "正在核对U盘上的备份"))
    except (OSError, KnownError, Cancelled) as exc:  # an unchecked copy is not left on the stick
        with contextlib.suppress(OSError):
            target.unlink()
        if isinstance(exc, Cancelled):
            raise
        raise BackupError("写到U盘上的备份读回来核对不对，已删除。请换一个U盘再试。", code="verify_failed") from exc
    _note(db.path, created, target, size)
    removed = _thin(folder, keep=target)
    progress.step(4, 4, "")
    log.info("offsite backup written (%d bytes, %d files)", size, len(files))
    return Written(target, size, contents.members, len(files), removed)


_MB = 1024 * 1024


def _in_megabytes(progress: Progress, at: int, text: str) -> offsite.Chunked:
    """Step ``at`` of 4 told in megabytes, every 16 MB (a cancel is heard there too), the bar moving on
    through the step (in thousandths of a step)."""
    def told(done: int, total: int) -> None:
        if done == total or done % (16 * _MB) < offsite.CHUNK:
            progress.step(at * 1000 + 1000 * done // max(1, total), 4000,
                          f"{text}……（{-(-done // _MB)} / {max(1, -(-total // _MB))} MB）")  # rounded up
    return told


def _free(folder: Path, name: str) -> Path:
    target, number = folder / name, 1
    while target.exists():
        number += 1
        target = folder / name.replace(offsite.SUFFIX, f"-{number}{offsite.SUFFIX}")
    return target


def _thin(folder: Path, *, keep: Path) -> tuple[Path, ...]:
    """Remove this organisation's copies in ``folder`` beyond the newest ``KEEP_ON_STICK`` (never ``keep``)."""
    wanted = offsite.parse_name(keep)
    ours = sorted(((found[1], path) for path in folder.glob(f"*{offsite.SUFFIX}")
                   if (found := offsite.parse_name(path)) is not None and wanted and found[0] == wanted[0]),
                  reverse=True)
    removed = []
    for _when, path in ours[KEEP_ON_STICK:]:
        if path == keep:
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            log.warning("could not remove an old offsite backup", exc_info=True)
    return tuple(removed)


def header(path: Path) -> OffsiteHeader:
    """What a ``.pdbak`` says it holds (to show before the passphrase is asked)."""
    return offsite.read_header(path)


@contextlib.contextmanager
def opened(db_path: Path, path: Path, passphrase: str) -> Iterator[Path]:
    """``path`` decrypted beside the database: yields the database file inside (a backup folder's layout)."""
    try:
        folder = Path(tempfile.mkdtemp(dir=db_path.resolve().parent, prefix=".offsite-restore-", suffix=".tmp"))
    except OSError as exc:
        raise known_error_from_os(exc) or BackupError("无法在数据库旁边建立临时文件夹。", code="unwritable") from exc
    try:
        try:
            found = offsite.unpack(path, passphrase, folder)
        except OSError as exc:
            raise known_error_from_os(exc) or BackupError(
                f"无法读取“{path.name}”，或无法在数据库旁边写入临时文件：{exc.strerror or exc}",
                code="unreadable") from exc
        yield found
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def check(db_path: Path, path: Path, passphrase: str, *, other_organisation: bool = False) -> migrate.FileContents:
    """Everything a restore from ``path`` checks, touching nothing (``maintenance.check_restorable``)."""
    with opened(db_path, path, passphrase) as found:
        return maintenance.check_restorable(db_path, found, other_organisation=other_organisation)


def restore(db_path: Path, path: Path, passphrase: str, *, other_organisation: bool = False) -> BackupInfo | None:
    """Replace the (closed) database with the backup in ``path``; the current file is saved first.

    The backup restored from is still on the stick, so it counts as the newest USB backup: a new computer
    set up from it is not told at once that it has none.
    """
    with opened(db_path, path, passphrase) as found:
        safety = maintenance.restore(db_path, found, other_organisation=other_organisation)
    try:
        made, newest = offsite.read_header(path), last_written(db_path)
        if newest is None or made.created > newest:
            _note(db_path, made.created, path, made.size)
    except (KnownError, OSError):  # the restore is done; only the reminder's date is not
        log.warning("could not note the USB backup restored from", exc_info=True)
    return safety
