"""The files beside the database in its backups: meeting photos, scanned sign-in sheets, study evidence.

A backup of the SQLite file alone would bring back rows that name attachments which are gone (a meeting
deleted after the backup takes its photos with it). Stored files never change — each is named by the
SHA-256 of its content — so the backup folder keeps one mirror of them, ``backups/files/attachments/…``
under the same relative paths, and each backup copies in only the files the mirror lacks. A restore copies
back every mirrored file the store lacks. The mirror is never thinned: an old backup may need any of it.

Only files whose content matches their name are mirrored or brought back (a damaged file is logged and
skipped, never spread). Copies are written through ``atomicfile`` (temp, fsync, rename, read back), so a
power cut leaves no half file under a good name. Both layouts of the store are understood:
``ab/<the other 62 hex>`` (meetings) and ``ab/<all 64 hex>`` (study).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from partydesk.core.atomicfile import atomic_writer, sha256_of_file

log = logging.getLogger(__name__)

FOLDER = "attachments"
MIRROR = "files"
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class FilesCopied:
    """What one pass copied, and what it skipped because the content no longer matched its name."""

    copied: int
    damaged: tuple[str, ...]


def mirror_root(backup_dir: Path) -> Path:
    """Where a backup folder keeps its copy of the attachment store."""
    return backup_dir / MIRROR / FOLDER


def _stored_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every stored file under ``root`` with the hash its place names (other files are ignored)."""
    if not root.is_dir():
        return
    for folder in sorted(root.iterdir()):
        if not (folder.is_dir() and len(folder.name) == 2 and set(folder.name) <= _HEX):
            continue
        for entry in sorted(folder.iterdir()):
            name = entry.name
            if not set(name) <= _HEX or not entry.is_file():
                continue
            if len(name) == 64 and name.startswith(folder.name):
                yield entry, name
            elif len(name) == 62:
                yield entry, folder.name + name


def _sound(root: Path, found: list[tuple[Path, str]]) -> Iterator[tuple[Path, str]]:
    """The files of ``found`` (under ``root``) whose content still matches their name; a damaged one is logged
    and left out, never spread."""
    for path, sha in found:
        if sha256_of_file(path) != sha:
            log.warning("stored file %s does not match its name; not copied", path.relative_to(root))
            continue
        yield path, sha


def store_files(db_path: Path) -> list[tuple[str, Path]]:
    """The sound files in the store beside ``db_path``, each with its place in a backup folder
    (``files/attachments/ab/…``)."""
    root = db_path.resolve().parent / FOLDER
    return [(f"{MIRROR}/{FOLDER}/{path.relative_to(root).as_posix()}", path)
            for path, _sha in _sound(root, list(_stored_files(root)))]


def _copy_missing(source_root: Path, target_root: Path) -> FilesCopied:
    wanted = [(path, sha) for path, sha in _stored_files(source_root)
              if not (target_root / path.relative_to(source_root)).is_file()]
    sound = list(_sound(source_root, wanted))
    kept = set(sound)
    damaged = [sha for path, sha in wanted if (path, sha) not in kept]
    copied = 0
    for path, _sha in sound:
        target = target_root / path.relative_to(source_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_writer(target) as out, open(path, "rb") as inp:
            shutil.copyfileobj(inp, out, 1024 * 1024)
        if os.name == "posix":
            os.chmod(target, 0o600)  # photos of members are personal data
        copied += 1
    return FilesCopied(copied, tuple(damaged))


def mirror_files(db_path: Path, backup_dir: Path) -> FilesCopied:
    """Copy the stored files the backup folder's mirror lacks (after the database itself was backed up)."""
    return _copy_missing(db_path.resolve().parent / FOLDER, mirror_root(backup_dir))


def restore_files(db_path: Path, backup_dir: Path) -> FilesCopied:
    """Copy back every mirrored file the store beside ``db_path`` lacks (after a restore)."""
    return _copy_missing(mirror_root(backup_dir), db_path.resolve().parent / FOLDER)
