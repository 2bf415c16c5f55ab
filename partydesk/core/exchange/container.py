"""The package file: a stored (uncompressed) ZIP of ``manifest.json``, ``manifest.sig`` and ``payload.enc``,
and the inner ZIP the payload decrypts to (``records.jsonl`` and ``blobs/<sha256>``).

Reading is guarded before anything else (SYNC.md "Reader guard rails"): the file size and the number of
entries are capped, entry names may not climb out (``..``), be absolute or carry a drive letter, no name
may appear twice, and the sizes an entry claims are checked against the caps before it is read, so a zip
bomb never unpacks. Every failure is a ``PackageRejected`` naming what was wrong.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from partydesk.core.exchange.errors import PackageRejected

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD = "payload.enc"
RECORDS = "records.jsonl"
BLOBS = "blobs/"
OUTER_NAMES = frozenset({MANIFEST, SIGNATURE, PAYLOAD})
MAX_PACKAGE_BYTES = 2 * 1024**3  # 2 GiB on the stick
MAX_MANIFEST_BYTES = 256 * 1024
MAX_INNER_BYTES = 4 * 1024**3
MAX_ENTRIES = 200_000
SUFFIX = ".pdsync"


@dataclass(frozen=True)
class OuterParts:
    """The three parts of a package file, as bytes."""

    manifest: bytes
    signature: bytes
    payload: bytes


def _damaged(what: str) -> PackageRejected:
    return PackageRejected("damaged", f"数据包已损坏或不完整（{what}），未导入任何数据。请让对方重新导出。")


def _stored_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, data)
    return buffer.getvalue()


def pack_outer(parts: OuterParts) -> bytes:
    """The package file's bytes."""
    return _stored_zip([(MANIFEST, parts.manifest), (SIGNATURE, parts.signature), (PAYLOAD, parts.payload)])


def pack_inner(records_jsonl: bytes, blobs: dict[str, bytes]) -> bytes:
    """The plaintext payload: records and content-addressed blobs."""
    return _stored_zip([(RECORDS, records_jsonl), *((BLOBS + name, data) for name, data in sorted(blobs.items()))])


def _safe_name(name: str) -> bool:
    return not (name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/")
                or (len(name) > 1 and name[1] == ":") or "\x00" in name)


def _open_zip(data: bytes, *, max_entries: int, max_total: int) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        raise _damaged("不是完整的压缩包") from exc
    if len(infos) > max_entries:
        raise _damaged("条目过多")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise _damaged("有重复的条目")
    if not all(_safe_name(n) for n in names):
        raise _damaged("条目名称不安全")
    if sum(i.file_size for i in infos) > max_total or any(i.compress_type != zipfile.ZIP_STORED for i in infos):
        raise _damaged("条目大小或压缩方式不对")
    return archive


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError as exc:
        raise _damaged(f"缺少 {name}") from exc
    if info.file_size > limit:
        raise _damaged(f"{name} 过大")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:  # CRC mismatch, truncation
        raise _damaged(f"{name} 读取失败") from exc


def read_outer(data: bytes) -> OuterParts:
    """The three parts of a package, after the guard rails."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise _damaged("文件过大")
    archive = _open_zip(data, max_entries=3, max_total=MAX_PACKAGE_BYTES)
    if set(archive.namelist()) != OUTER_NAMES:
        raise _damaged("条目不对")
    parts = OuterParts(_read(archive, MANIFEST, MAX_MANIFEST_BYTES), _read(archive, SIGNATURE, 1024),
                       _read(archive, PAYLOAD, MAX_PACKAGE_BYTES))
    # The writer is deterministic, so the file must be exactly the packing of its parts: a changed byte in
    # the ZIP's own headers (which neither the CRCs nor the signature cover) is caught too.
    if pack_outer(parts) != data:
        raise _damaged("压缩包结构被改动")
    return parts


def read_signed_manifest(data: bytes) -> OuterParts:
    """Only the manifest and its signature (the payload left unread, ``b""``), under the guard rails on the entry
    list: enough to recognise a package already imported without reading its payload. Any package that is
    not gets the full ``read_outer`` checks."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise _damaged("文件过大")
    archive = _open_zip(data, max_entries=3, max_total=MAX_PACKAGE_BYTES)
    if set(archive.namelist()) != OUTER_NAMES:
        raise _damaged("条目不对")
    return OuterParts(_read(archive, MANIFEST, MAX_MANIFEST_BYTES), _read(archive, SIGNATURE, 1024), b"")


def read_inner(data: bytes) -> tuple[bytes, dict[str, bytes]]:
    """``records.jsonl`` and the blobs by name, after the guard rails."""
    archive = _open_zip(data, max_entries=MAX_ENTRIES, max_total=MAX_INNER_BYTES)
    records = _read(archive, RECORDS, MAX_INNER_BYTES)
    blobs: dict[str, bytes] = {}
    for name in archive.namelist():
        if name == RECORDS:
            continue
        if not name.startswith(BLOBS) or len(name) != len(BLOBS) + 64:
            raise _damaged("有不认识的条目")
        blobs[name[len(BLOBS):]] = _read(archive, name, MAX_INNER_BYTES)
    return records, blobs


def read_file(path: Path) -> bytes:
    """A package file's bytes, refusing one too large before reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise _damaged("文件过大")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise PackageRejected("not_found", f"找不到文件：{path.name}") from exc
    except IsADirectoryError as exc:
        raise PackageRejected("not_found", f"这是一个文件夹，不是数据包：{path.name}") from exc
