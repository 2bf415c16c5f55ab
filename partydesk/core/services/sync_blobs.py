"""Attachment files in packages (SYNC.md: ``blobs/<sha256>`` in the inner ZIP).

Three record types name a stored file by its SHA-256: a meeting's photo or scan (``meeting_attachment``),
a study material's file (``study_material``) and a notice's file (``notice_attachment``). Export puts the
bytes of every live such record beside it in the package; the reader checks every blob's hash against
its name before anything else happens (``exchange/reader.py``).

On import the order is what keeps the store and the database consistent:

1. a record whose file is neither in the package nor already in the local store is rejected (with the
   reason), so no row ever names a file that is not there;
2. the blobs the applied records need are written into the store *inside* the database transaction,
   before it commits (each through ``atomic_writer``: a power cut leaves no half file under a good name; new files are
   private, as the store's own are);
3. if the transaction fails or is rolled back, ``BlobWriter`` removes every file it created (files that
   were already there are left alone: live rows may name them). A file that survives a crash between
   the write and the rollback is an orphan nobody names: content-addressed, it is harmless, and the
   next import of the same package reuses it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from partydesk.core import attachments
from partydesk.core.atomicfile import atomic_writer, remove_quietly
from partydesk.core.errors import ValidationError
from partydesk.core.exchange import container
from partydesk.core.services import study_files

# record type -> the data field holding the file's SHA-256
BLOB_FIELDS: dict[str, str] = {"meeting_attachment": "sha256", "study_material": "file_sha",
                               "notice_attachment": "sha256"}


class StagedRecord(Protocol):
    """What the importer stages per record (``sync_import.Staged``)."""

    record: dict[str, Any]
    values: tuple[Any, ...] | None
    problem: str


def blob_path(db_path: Path, type_name: str, sha256: str) -> Path:
    """Where the store of the database at ``db_path`` keeps this record type's file with this hash."""
    if type_name == "study_material":
        return study_files.path_of(db_path, sha256)
    return attachments.path_of(attachments.store_root(db_path), sha256)


def blob_of(record: Mapping[str, Any]) -> str:
    """The hash of the file a live record names, or '' (a link, a tombstone, a type without files)."""
    field = BLOB_FIELDS.get(str(record.get("type")))
    if field is None or record.get("deleted"):
        return ""
    sha = record["data"].get(field)
    return sha if isinstance(sha, str) and len(sha) == 64 else ""


def package_blobs(db_path: Path, lines: Iterable[tuple[str, bytes]]) -> dict[str, bytes]:
    """The bytes of every file the records in ``lines`` name and this store holds, by hash.

    A file missing from the store is left out: the receiver rejects that record with the reason rather
    than hold a row naming nothing.
    """
    blobs: dict[str, bytes] = {}
    total = 0
    for type_name, line in lines:
        if type_name not in BLOB_FIELDS:
            continue
        sha = blob_of(json.loads(line))
        if not sha or sha in blobs:
            continue
        try:
            data = blob_path(db_path, type_name, sha).read_bytes()
        except FileNotFoundError:
            continue
        total += len(data)
        if total > container.MAX_PACKAGE_BYTES // 2:
            raise ValidationError("要发送的附件总量超过 1 GB，一个数据包装不下。请分几次导出，或先删去过大的附件。",
                                  code="too_many_blobs")
        blobs[sha] = data
    return blobs


def check_staged(staged: list[Any], blobs: Mapping[str, bytes], db_path: Path) -> list[Any]:
    """``staged`` with every record whose file is neither in the package nor in the store marked rejected."""
    out = staged
    for at, item in enumerate(staged):
        if item.values is None or item.record["type"] not in BLOB_FIELDS:  # most records: no file to look for
            continue
        sha = blob_of(item.record)
        if sha and sha not in blobs and not blob_path(db_path, item.record["type"], sha).exists():
            if out is staged:
                out = list(staged)
            out[at] = item._replace(values=None, problem="附件文件不在数据包中，也不在本机附件库中")
    return out


class BlobWriter:
    """Writes received files into the store and remembers which it created, to remove them on failure."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.created: list[Path] = []

    def store(self, records: Iterable[Mapping[str, Any]], blobs: Mapping[str, bytes]) -> int:
        """Write the files these (applied) records name that the store lacks; returns how many were written."""
        written = 0
        for record in records:
            sha = blob_of(record)
            if not sha or sha not in blobs:
                continue
            target = blob_path(self.db_path, str(record["type"]), sha)
            if target.exists() and target.stat().st_size == len(blobs[sha]):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            self.created.append(target)
            with atomic_writer(target) as out:
                out.write(blobs[sha])
            written += 1
        return written

    def discard(self) -> None:
        """Remove every file this writer created (the transaction that needed them did not commit)."""
        for path in self.created:
            remove_quietly(path)
        self.created.clear()


@contextmanager
def blob_writer(db_path: Path) -> Iterator[BlobWriter]:
    """A ``BlobWriter`` whose files are removed again if the block raises."""
    writer = BlobWriter(db_path)
    try:
        yield writer
    except BaseException:
        writer.discard()
        raise
