"""Content-addressed files of study records: evidence of a member's course and the materials library.

A file is stored once under ``attachments/<first two hex>/<sha256>`` beside the database (as backups and
logs are), whatever its name, so the same PDF attached twice takes the space once and a record names it
by hash. Writing goes through a temporary file and a rename, so a power cut never leaves a half file
under a real hash. This is file work: the GUI runs it on the file lane before the database write.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from partydesk.core.errors import KnownError, ValidationError

ATTACHMENTS = "attachments"
MAX_BYTES = 200 * 1024 * 1024  # a scanned certificate or a course handout, never a video archive
CHUNK = 1024 * 1024


def attachments_dir(db_path: Path) -> Path:
    """The ``attachments`` folder beside the database file."""
    return db_path.resolve().parent / ATTACHMENTS


def copy_out(db_path: Path, sha: str, name: str, folder: Path) -> Path:
    """A copy of a stored file under its own name in ``folder``: the system picks the program to open it by
    the name's extension, which the stored file (named by its hash) has not."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (Path(name).name or sha)
    try:
        shutil.copyfile(path_of(db_path, sha), target)
    except FileNotFoundError as exc:
        raise KnownError(f"文件“{name}”已不在附件文件夹中。", code="attachment_missing") from exc
    return target


def path_of(db_path: Path, sha: str) -> Path:
    """Where the file with this SHA-256 is (or would be) stored."""
    if len(sha) != 64 or any(ch not in "0123456789abcdef" for ch in sha):
        raise ValueError(f"not a sha256 hex digest: {sha!r}")
    return attachments_dir(db_path) / sha[:2] / sha


def store_file(db_path: Path, source: Path) -> str:
    """Copy ``source`` into the store (unless it is there already); returns its SHA-256."""
    try:
        size = source.stat().st_size
    except FileNotFoundError:
        raise ValidationError(f"找不到文件：{source}", field="file", code="no_file") from None
    if size > MAX_BYTES:
        raise ValidationError(f"文件太大（{size // (1024 * 1024)} MB），附件不能超过 200 MB。", field="file",
                              code="file_too_big")
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    sha = digest.hexdigest()
    target = path_of(db_path, sha)
    if target.exists():
        return sha
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{sha}.part")
    with source.open("rb") as src, temp.open("wb") as dst:
        while chunk := src.read(CHUNK):
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(temp, target)
    return sha
