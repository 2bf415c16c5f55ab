"""Copies of the packages imported here, to import again after a restore (RELIABILITY ST-7: restore the newest
backup, then replay the packages received since).

A committee's records are mostly its branches' packages. When it restores a backup (or salvages a damaged
file), what those packages brought after the backup is gone, and the branches will not send it again: the
committee acknowledged the packages, and a branch only sends what was not acknowledged. So every package
applied here is also kept, as it came (signed and encrypted, no more readable than on the stick), in
``received`` in the backups folder, for a year, under a name that ends in its package id. A kept package the
database has no record of importing is one the restore took away: ``waiting`` lists them (by name alone: it
runs at every start, and a year of a committee's packages is thousands of files), and importing that folder
(``services.sync_folder``, the ordinary import with its checks and dry run) brings them back; the ones the
database still holds are no-ops.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from concurrent.futures import Future
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from partydesk.core.atomicfile import remove_quietly
from partydesk.core.exchange import container, parallel
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.manifest import Manifest, parse
from partydesk.core.services.maintenance import backup_dir
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database

log = logging.getLogger(__name__)
R = TypeVar("R")

FOLDER = "received"
SUFFIX = ".pdsync"
KEEP_FOR = timedelta(days=366)


def folder_of(db_path: Path) -> Path:
    """Where the copies of the packages imported into ``db_path`` are kept."""
    return backup_dir(db_path) / FOLDER


def kept_name(manifest: Manifest) -> str:
    """The name a package is kept under: sender, receiver, number and day as in a package's own file name, then
    the whole package id (what ``waiting`` reads back)."""
    return (f"{manifest.origin.org_code}_{manifest.destination.org_code}_{manifest.channel_seq:06d}_"
            f"{manifest.created_at:%Y%m%d}_{manifest.package_id}{SUFFIX}")


def _package_id(path: Path) -> str | None:
    """The package id a kept copy's name ends in (None for a file named otherwise)."""
    try:
        return str(uuid.UUID(path.stem.rsplit("_", 1)[-1]))
    except ValueError:
        return None


class Copy:
    """The copy of one package being imported (none for a dry run, nor for a file whose manifest does not even
    read: the import refuses it), written on a second core while the import runs (a snapshot is hundreds of
    megabytes): kept when the block ends with the package applied (``of`` its report), removed otherwise. A
    package kept already (imported again from the folder itself) is left as it is."""

    def __init__(self, db_path: Path, data: bytes, *, dry_run: bool) -> None:
        self.folder = folder_of(db_path)
        self.applied = False
        self.writing: Future[bool] | None = None
        if dry_run:
            return
        try:
            self.target = self.folder / kept_name(parse(container.read_signed_manifest(data).manifest))
        except PackageRejected:
            return
        if not self.target.exists():
            self.writing = parallel.started(self._write, data)

    def __enter__(self) -> Copy:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.done(self.applied)

    def of(self, report: R) -> R:
        """``report`` (an import's), noting whether it applied the package."""
        self.applied = getattr(report, "status", "") == "applied"
        return report

    def _write(self, data: bytes) -> bool:
        part = self.target.with_name(f".{self.target.name}.part")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(part, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(part, self.target)
            return True
        except OSError:
            log.warning("could not keep a copy of the imported package %s", self.target.name, exc_info=True)
            remove_quietly(part)
            return False

    def done(self, applied: bool) -> None:
        """Wait for the copy; keep it only for a package ``applied``, and let copies past a year go."""
        if self.writing is None or not self.writing.result():
            return
        if not applied:
            remove_quietly(self.target)
            return
        oldest = time.time() - KEEP_FOR.total_seconds()
        try:
            for old in self.folder.glob(f"*{SUFFIX}"):
                if old.stat().st_mtime < oldest:
                    remove_quietly(old)
        except OSError:
            log.warning("could not let old package copies go", exc_info=True)


def waiting(db: Database) -> list[Path]:
    """The kept packages this database holds no record of importing (a restore or salvage took them away), by
    name; read from the names alone (a file not named as ``kept_name`` names it is not listed)."""
    try:
        kept = sorted(p for p in folder_of(db.path).glob(f"*{SUFFIX}") if p.is_file())
    except OSError:
        return []
    found: list[Path] = []
    with db.read() as session:
        for path in kept:
            package_id = _package_id(path)
            if package_id is None:
                continue
            entry = sync_repo.package(session, package_id)
            if entry is None or entry.direction != "in":
                found.append(path)
    return found
