"""The attachment store: photos and scanned sign-in sheets kept once each, named by their SHA-256.

Files live beside the database in ``attachments/ab/cdef…`` (the first two hex digits as a folder, the
rest as the name), written with ``atomicfile`` so a power cut never leaves half a photo under a good
name; the same photo attached twice is one file. Database rows (``meeting_attachment``) hold the hash,
the original name, the type and the size. A file no live row names is removed when its last meeting is
deleted. New files are private (0600): photos of a branch's members are personal data.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from partydesk.core.atomicfile import atomic_writer, known_error_from_os, remove_quietly
from partydesk.core.errors import KnownError

FOLDER = "attachments"
MAX_BYTES = 200 * 1024 * 1024  # larger than any photo or scan; stops a video filling the disk by mistake
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    """A file now in the store: its hash, the name it was added under, its type and size."""

    sha256: str
    name: str
    mime: str
    size: int


def store_root(db_path: Path) -> Path:
    """The attachment folder of the database at ``db_path``."""
    return db_path.resolve().parent / FOLDER


def path_of(root: Path, sha256: str) -> Path:
    """Where the file with this hash is kept."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a SHA-256: {sha256!r}")
    return root / sha256[:2] / sha256[2:]


def _digest(source: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(source, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def put(root: Path, source: Path) -> StoredFile:
    """Store ``source`` (once: a file already stored under its hash is not written again)."""
    try:
        if source.stat().st_size > MAX_BYTES:
            raise KnownError(f"“{source.name}”太大（超过 {MAX_BYTES // 1024 // 1024} MB），不能作为附件。",
                             code="attachment_too_big")
        sha, size = _digest(source)
        target = path_of(root, sha)
        if not (target.exists() and target.stat().st_size == size):
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_writer(target) as out, open(source, "rb") as inp:
                shutil.copyfileobj(inp, out, _CHUNK)
    except OSError as exc:
        known = known_error_from_os(exc)
        if known is not None:
            raise known from exc
        if isinstance(exc, FileNotFoundError):
            raise KnownError(f"找不到文件“{source.name}”，可能已被移走。", code="attachment_missing") from exc
        raise
    mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    return StoredFile(sha, source.name, mime, size)


def copy_out(root: Path, sha256: str, name: str, folder: Path) -> Path:
    """A copy of a stored file under its original name in ``folder`` (to open it with its program)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (Path(name).name or sha256)
    try:
        shutil.copyfile(path_of(root, sha256), target)
    except FileNotFoundError as exc:
        raise KnownError(f"附件“{name}”的文件已不在附件文件夹中。", code="attachment_missing") from exc
    return target


def save_as(root: Path, sha256: str, name: str, target: Path) -> Path:
    """Save a stored file as ``target`` (另存为: to the desktop, a USB stick), written whole or not at all."""
    try:
        with path_of(root, sha256).open("rb") as source, atomic_writer(target) as out:
            shutil.copyfileobj(source, out, 1024 * 1024)
    except FileNotFoundError as exc:
        if not path_of(root, sha256).exists():
            raise KnownError(f"附件“{name}”的文件已不在附件文件夹中。", code="attachment_missing") from exc
        raise KnownError(f"无法保存到 {target}：文件夹不存在。", code="folder_missing") from exc
    except OSError as exc:
        known = known_error_from_os(exc)
        raise known or KnownError(f"无法保存到 {target}：{exc.strerror or exc}", code="save_failed") from exc
    return target


def remove(root: Path, sha256: str) -> None:
    """Remove a stored file (the caller has checked no live row names it)."""
    target = path_of(root, sha256)
    remove_quietly(target)
    with contextlib.suppress(OSError):  # the folder still holds other files
        os.rmdir(target.parent)
