"""Temp files a killed backup, restore or export left behind, removed at the next start.

A half-written temp file holds a full copy of the roster. Backups and restores write theirs in the
database folder under names only they use; exports go wherever the user chose, so the atomic writer
notes each temp file in a small journal in the data folder before writing and crosses it out after.
When the next process takes the instance lock (and so is the only one there), ``clean`` removes what
the journal still lists and what the two folders hold under the backup and restore names.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

log = logging.getLogger(__name__)

JOURNAL_NAME = "pending-temp-files.txt"
# Backup temps (.partydesk-backup-XXXX.tmp) and restore temps (.pd.db.restore-XXXX.tmp), with the
# -wal/-shm/-journal files SQLite may have made beside them.
_DB_TEMP = re.compile(r"^\.(partydesk-backup-.*|.+\.restore-.*)\.tmp(-wal|-shm|-journal)?$")
# What the atomic writer names its temp files: ".<target name>.<random>.tmp".
_WRITER_TEMP = re.compile(r"^\..+\.tmp$")
# The folder a USB backup is opened into before a restore (``services.offsite``): a whole decrypted copy.
_OPENED_TEMP = re.compile(r"^\.offsite-restore-.*\.tmp$")

_journal: Path | None = None


def use_journal(folder: Path) -> None:
    """Note temp files in ``folder``'s journal from now on (the data folder this process has locked)."""
    global _journal
    _journal = folder / JOURNAL_NAME


def _note(line: str) -> None:
    if _journal is None:
        return
    try:
        fd = os.open(_journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, (line + "\n").encode("utf-8", "surrogateescape"))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        # The journal only helps clean up after a crash; it must never stop a save.
        log.warning("could not note a temp file in the journal", exc_info=True)


def track(temp: str | os.PathLike[str]) -> None:
    """Record that ``temp`` exists until ``untrack`` says it is gone."""
    _note("+" + os.fspath(Path(temp).absolute()))


def untrack(temp: str | os.PathLike[str]) -> None:
    """Record that ``temp`` was renamed into place or removed."""
    _note("-" + os.fspath(Path(temp).absolute()))


def _journal_leftovers(journal: Path) -> set[Path]:
    pending: set[Path] = set()
    try:
        lines = journal.read_text("utf-8", "surrogateescape").splitlines()
    except FileNotFoundError:
        return pending
    for line in lines:
        if line[:1] == "+":
            pending.add(Path(line[1:]))
        elif line[:1] == "-":
            pending.discard(Path(line[1:]))
    return {p for p in pending if _WRITER_TEMP.match(p.name)}


def _scan(folder: Path) -> set[Path]:
    try:
        return {p for p in folder.iterdir() if _DB_TEMP.match(p.name) and p.is_file()}
    except OSError:
        return set()


def _opened(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if _OPENED_TEMP.match(p.name) and p.is_dir())
    except OSError:
        return []


def clean(folder: Path) -> list[Path]:
    """Remove the leftovers of killed writes in data folder ``folder``; returns what was removed.

    Call only while holding the instance lock for ``folder``: another live process's temp files
    would otherwise be taken from under it.
    """
    journal = folder / JOURNAL_NAME
    found = _journal_leftovers(journal) | _scan(folder) | _scan(folder / "backups")
    removed = []
    for path in sorted(found):
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
        except OSError:
            log.warning("could not remove a leftover temp file", exc_info=True)
    try:
        journal.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        log.warning("could not reset the temp-file journal", exc_info=True)
    for opened in _opened(folder):
        shutil.rmtree(opened, ignore_errors=True)
        if not opened.exists():
            removed.append(opened)
    if removed:
        log.info("removed %d temp file(s) left by an interrupted backup, restore or export", len(removed))
    return removed
