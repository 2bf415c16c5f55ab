"""The package file: a stored (uncompressed) ZIP of ``manifest.json``, ``manifest.sig`` and ``payload.enc``,
and the inner ZIP the payload decrypts to (``records.jsonl`` and ``blobs/<sha256>``).

Reading is guarded before anything else (SYNC.md "Reader guard rails"): the file size and the number of
entries are capped, entry names may not climb out (``..``), be absolute or carry a drive letter, no name
may appear twice, and the sizes an entry claims are checked against the caps before it is read, so a zip
bomb never unpacks. Every failure is a ``PackageRejected`` naming what was wrong.

The archives are written here, byte for byte as ``zipfile`` writes them on Windows (a test holds the two
equal), in one join with one CRC pass per entry: a large package is hundreds of megabytes, and ``zipfile``
copies each entry through a growing buffer. Large entries are read as views into the file's bytes, not
copies. ``zipfile`` still parses every directory and applies the guard rails.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


Buffer = bytes | bytearray | memoryview


class Lines:
    """An entry's data as lines, each ended by a line break in the archive, joined a batch at a time whenever
    it is read (``batches``) and never whole: a snapshot's records are a quarter of a gigabyte, and a fresh
    buffer of that size costs about as much as encrypting it (the memory is touched page by page), while a
    batch's memory is used again by the next."""

    BATCH = 1024  # lines joined at once (about a megabyte of members)

    def __init__(self, lines: Sequence[bytes]) -> None:
        self.lines = lines
        self.size = sum(map(len, lines)) + len(lines)

    def __len__(self) -> int:
        return self.size

    def batches(self) -> Iterator[bytes]:
        lines, batch = self.lines, self.BATCH
        for at in range(0, len(lines), batch):
            yield b"\n".join([*lines[at:at + batch], b""])


class Crc:
    """A CRC-32 taken a piece at a time, as ``hashlib`` takes a digest (zlib lets go of the interpreter lock on
    large pieces)."""

    def __init__(self) -> None:
        self.value = 0

    def update(self, piece: Buffer) -> None:
        self.value = zlib.crc32(piece, self.value)


Chunks = Buffer | Sequence[bytes] | Lines  # an entry's data: one buffer, pieces joined in the archive, or lines
Piece = Buffer | Lines  # a piece of an archive laid out (``inner_pieces``): bytes, or lines read a batch at a time


def flat(pieces: Iterable[Piece]) -> Iterator[Buffer]:
    """The bytes the pieces join to, a buffer at a time (lines a batch at a time)."""
    for piece in pieces:
        if isinstance(piece, Lines):
            yield from piece.batches()
        else:
            yield piece


@dataclass(frozen=True)
class OuterParts:
    """The three parts of a package file (the payload read from a file is a view into its bytes)."""

    manifest: bytes
    signature: bytes
    payload: Buffer


def _damaged(what: str) -> PackageRejected:
    return PackageRejected("damaged", f"数据包文件已损坏或没有复制完整（{what}）：可能是复制时U盘被拔出，"
                           "或文件被改动过。未导入任何数据。请让对方重新导出。")


def _not_a_package() -> PackageRejected:
    return PackageRejected("not_a_package", "这不是 partydesk 数据包（.pdsync）：可能选错了文件，例如改了扩展名的"
                           "Excel 表格或别的压缩包。请选择对方导出的数据包。未导入任何数据。")


def _part(name: str) -> str:
    """A part of a package in the office's words (the file names inside it mean nothing to them)."""
    words = {MANIFEST: "包内说明", SIGNATURE: "签名", PAYLOAD: "数据内容", RECORDS: "记录"}
    return words.get(name, "附件" if name.startswith(BLOBS) else "内容")


_DOS_TIME, _DOS_DATE = 0, (2020 - 1980) << 9 | 1 << 5 | 1  # every entry is dated 2020-01-01 00:00:00
_VERSION = 20  # "version needed to extract" and "made by": 2.0, as zipfile writes for stored entries
WINDOWS, UNIX = 0, 3  # the system "made by", which zipfile takes from the platform it runs on
# The ZIP records (APPNOTE 4.3.7, 4.3.12, 4.3.16) as zipfile packs them.
_LOCAL, _LOCAL_SIGNATURE = struct.Struct("<4s2B4HL2L2H"), b"PK\x03\x04"
_CENTRAL, _CENTRAL_SIGNATURE = struct.Struct("<4s4B4HL2L5H2L"), b"PK\x01\x02"
_END, _END_SIGNATURE = struct.Struct("<4s4H2LH"), b"PK\x05\x06"
_MAX_ENTRIES_PLAIN = 0xFFFF
_PERMISSIONS = 0o600 << 16  # the external attributes zipfile gives an entry written from bytes: rw-------
_ZIP64_LIMIT = (1 << 31) - 1  # entries or offsets beyond need ZIP64 records: left to zipfile


def _pieces(data: Chunks) -> Iterable[Buffer]:
    if isinstance(data, Lines):
        return data.batches()
    return [data] if isinstance(data, (bytes, bytearray, memoryview)) else data


def _whole(data: Chunks) -> Piece:
    """An entry's data as one buffer, or as its lines (many small pieces are joined: one CRC pass over a
    buffer costs a fraction of a call per piece, and the copy is a single memcpy)."""
    return data if isinstance(data, (bytes, bytearray, memoryview, Lines)) else b"".join(data)


def _crc_and_size(data: Chunks) -> tuple[int, int]:
    crc, size = 0, 0
    for piece in _pieces(data):
        crc = zlib.crc32(piece, crc)
        size += len(piece)
    return crc, size


def _headers(entries: Sequence[tuple[str, int, int]], system: int) -> tuple[list[bytes], bytes] | None:
    """The local header of each (name, CRC, size) entry and the closing central directory with its end
    record, as ``zipfile`` lays out stored entries; None when the archive would need ZIP64 records."""
    local, central, offset = [], [], 0
    for name, crc, size in entries:
        encoded = name.encode("ascii")
        if size * 1.05 > _ZIP64_LIMIT or offset > _ZIP64_LIMIT:  # zipfile's own margin for a ZIP64 header
            return None
        local.append(_LOCAL.pack(_LOCAL_SIGNATURE, _VERSION, 0, 0, zipfile.ZIP_STORED, _DOS_TIME, _DOS_DATE,
                                 crc, size, size, len(encoded), 0) + encoded)
        central.append(_CENTRAL.pack(_CENTRAL_SIGNATURE, _VERSION, system, _VERSION, 0, 0, zipfile.ZIP_STORED,
                                     _DOS_TIME, _DOS_DATE, crc, size, size, len(encoded), 0, 0, 0, 0, _PERMISSIONS,
                                     offset)
                       + encoded)
        offset += len(local[-1]) + size
    directory = b"".join(central)
    if offset > _ZIP64_LIMIT or len(entries) > _MAX_ENTRIES_PLAIN:
        return None
    end = _END.pack(_END_SIGNATURE, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return local, directory + end


def _joined(data: Chunks) -> Buffer:
    whole = _whole(data)
    return b"".join(whole.batches()) if isinstance(whole, Lines) else whole


def _stored_pieces(entries: Iterable[tuple[str, Chunks]]) -> list[Piece] | None:
    """The pieces an uncompressed ZIP of these entries joins from, in this order (each entry's data as it is
    given, not copied: lines stay lines); None where ``zipfile``'s own records are needed (names beyond
    ASCII, ZIP64 sizes)."""
    listed = [(name, _whole(data)) for name, data in entries]
    if not all(name.isascii() for name, _data in listed):
        return None
    laid = _headers([(name, *_crc_and_size(data)) for name, data in listed], WINDOWS)
    if laid is None:
        return None
    local, directory = laid
    return [part for header, (_name, data) in zip(local, listed, strict=True) for part in (header, data)] + [directory]


def _stored_zip(entries: Iterable[tuple[str, Chunks]]) -> bytes:
    """An uncompressed ZIP of these entries, in this order."""
    listed = [(name, _joined(data)) for name, data in entries]
    pieces = _stored_pieces(listed)
    if pieces is not None:
        return b"".join(flat(pieces))
    buffer = io.BytesIO()  # names beyond ASCII, or sizes needing ZIP64: zipfile's own records
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in listed:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = WINDOWS
            archive.writestr(info, data)
    return buffer.getvalue()


def pack_outer(parts: OuterParts) -> bytes:
    """The package file's bytes."""
    return _stored_zip([(MANIFEST, parts.manifest), (SIGNATURE, parts.signature), (PAYLOAD, parts.payload)])


def pack_inner(records_jsonl: Chunks, blobs: dict[str, bytes]) -> bytes:
    """The plaintext payload: records (their bytes, or the pieces that join to them) and content-addressed
    blobs."""
    return _stored_zip(_inner_entries(records_jsonl, blobs))


def inner_pieces(records_jsonl: Chunks, blobs: dict[str, bytes]) -> list[Piece]:
    """``pack_inner``'s bytes as the pieces that join to them (``flat``): the records (their bytes, or their
    ``Lines``) and blobs themselves between their headers, not copied (or the packing in one piece, where
    ``zipfile`` writes it)."""
    entries = _inner_entries(records_jsonl, blobs)
    pieces = _stored_pieces(entries)
    return pieces if pieces is not None else [_stored_zip(entries)]


def _inner_entries(records_jsonl: Chunks, blobs: dict[str, bytes]) -> list[tuple[str, Chunks]]:
    return [(RECORDS, records_jsonl), *((BLOBS + name, data) for name, data in sorted(blobs.items()))]


class OuterLayout:
    """A package file laid out before its payload is written: one buffer the size of the file, with the
    payload's place in it, so the payload is encrypted straight into the file's bytes.

    A large package is a quarter of a gigabyte, and every fresh buffer of that size costs about as much as
    the encryption itself (the memory is touched page by page), so the payload is not written once and
    then copied into the file. ``finish`` fills in the rest exactly as ``pack_outer`` lays it out (a test
    holds the two equal).
    """

    def __init__(self, manifest_size: int, signature_size: int, payload_size: int, local: list[bytes],
                 directory: bytes) -> None:
        self.sizes = (manifest_size, signature_size, payload_size)
        self.payload_at = sum(map(len, local)) + manifest_size + signature_size
        self.buffer = bytearray(self.payload_at + payload_size + len(directory))

    @classmethod
    def of(cls, manifest_size: int, signature_size: int, payload_size: int) -> OuterLayout | None:
        """The layout for parts of these sizes; None when the file would need ZIP64 records (then
        ``pack_outer``, which leaves them to ``zipfile``)."""
        laid = _headers([(MANIFEST, 0, manifest_size), (SIGNATURE, 0, signature_size), (PAYLOAD, 0, payload_size)],
                        WINDOWS)
        return None if laid is None else cls(manifest_size, signature_size, payload_size, *laid)

    def payload(self) -> memoryview:
        """Where the payload goes, with the rest of the buffer after it (written over by ``finish``)."""
        return memoryview(self.buffer)[self.payload_at:]

    def finish(self, manifest: bytes, signature: bytes, payload_crc: int | None = None) -> bytearray:
        """The file's bytes, once the payload is in place: the manifest and signature, each entry's header
        with its CRC (the payload's as given, when it was taken as the payload was written), the directory.
        ValueError when the parts are not of the sizes laid out."""
        manifest_size, signature_size, payload_size = self.sizes
        if (len(manifest), len(signature)) != (manifest_size, signature_size):
            raise ValueError("the manifest or signature is not of the size laid out")
        if payload_crc is None:
            payload_crc = zlib.crc32(memoryview(self.buffer)[self.payload_at:self.payload_at + payload_size])
        laid = _headers([(MANIFEST, zlib.crc32(manifest), manifest_size), (SIGNATURE, zlib.crc32(signature),
                         signature_size), (PAYLOAD, payload_crc, payload_size)], WINDOWS)
        assert laid is not None  # (the sizes were laid out without ZIP64 records)
        (manifest_header, signature_header, payload_header), directory = laid
        front = manifest_header + manifest + signature_header + signature + payload_header
        end = self.payload_at + payload_size
        if len(front) != self.payload_at or len(self.buffer) - end != len(directory):
            raise ValueError("the headers are not of the size laid out")
        self.buffer[:self.payload_at] = front
        self.buffer[end:] = directory
        return self.buffer


def _safe_name(name: str) -> bool:
    return not (name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/")
                or (len(name) > 1 and name[1] == ":") or "\x00" in name)


class _ViewFile(io.RawIOBase):
    """A read-only, seekable file over a buffer, without copying it (``io.BytesIO`` copies anything but
    ``bytes``): ``zipfile`` reads a package just written, a quarter of a gigabyte, through it."""

    def __init__(self, data: bytes | bytearray | memoryview) -> None:
        super().__init__()
        self._view = memoryview(data).cast("B")
        self._at = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        piece = self._view[self._at:self._at + len(buffer)]
        memoryview(buffer).cast("B")[:len(piece)] = piece
        self._at += len(piece)
        return len(piece)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        start = {io.SEEK_SET: 0, io.SEEK_CUR: self._at, io.SEEK_END: len(self._view)}[whence]
        if start + offset < 0:
            raise ValueError("negative seek position")
        self._at = start + offset
        return self._at

    def tell(self) -> int:
        return self._at


def _file_over(data: bytes | bytearray) -> io.IOBase:
    return io.BytesIO(data) if isinstance(data, bytes) else _ViewFile(data)


def _open_zip(data: bytes | bytearray, *, max_entries: int, max_total: int, outer: bool = False) -> zipfile.ZipFile:
    """The archive under the guard rails. ``outer``: a package file, which is told apart from a file that is
    no package at all (not a ZIP from its first bytes, or a ZIP holding none of a package's parts: another
    program's file picked by mistake) and from a package that was damaged (cut short, a changed byte)."""
    if outer and len(data) >= 4 and not data.startswith(b"PK"):
        raise _not_a_package()
    try:
        archive = zipfile.ZipFile(_file_over(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        raise _damaged("不是完整的压缩包") from exc
    names = [i.filename for i in infos]
    if outer and not OUTER_NAMES.intersection(names):  # a changed byte alters one name at most
        raise _not_a_package()
    if len(infos) > max_entries:
        raise _damaged("条目过多")
    if len(set(names)) != len(names):
        raise _damaged("有重复的条目")
    if not all(_safe_name(n) for n in names):
        raise _damaged("条目名称不安全")
    if sum(i.file_size for i in infos) > max_total or any(i.compress_type != zipfile.ZIP_STORED for i in infos):
        raise _damaged("条目大小或压缩方式不对")
    return archive


def _entry(archive: zipfile.ZipFile, name: str, limit: int) -> zipfile.ZipInfo:
    try:
        info = archive.getinfo(name)
    except KeyError as exc:
        raise _damaged(f"缺少{_part(name)}") from exc
    if info.file_size > limit:
        raise _damaged(f"{_part(name)}过大")
    return info


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    info = _entry(archive, name, limit)
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, RuntimeError) as exc:
        # a CRC mismatch, truncation, an entry marked encrypted (RuntimeError) or of an unknown method
        raise _damaged(f"{_part(name)}读取失败") from exc


def _view(data: bytes | bytearray, archive: zipfile.ZipFile, name: str, limit: int) -> tuple[memoryview, int, int]:
    """A stored entry's bytes as a view into ``data`` (not a copy), with where they start and their CRC,
    after the checks ``archive.read`` makes: the local header is there and the CRC matches."""
    info = _entry(archive, name, limit)
    start = info.header_offset + _LOCAL.size
    header = data[info.header_offset:start]
    if len(header) != _LOCAL.size or header[:4] != _LOCAL_SIGNATURE:
        raise _damaged(f"{_part(name)}读取失败")
    _sig, *_fields, name_length, extra_length = _LOCAL.unpack(header)
    start += name_length + extra_length
    view = memoryview(data)[start:start + info.compress_size]
    crc = zlib.crc32(view)
    if info.compress_size != info.file_size or len(view) != info.file_size or crc != info.CRC:
        raise _damaged(f"{_part(name)}读取失败")
    return view, start, crc


def read_outer(data: bytes | bytearray) -> OuterParts:
    """The three parts of a package, after the guard rails."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise _damaged("文件过大")
    archive = _open_zip(data, max_entries=3, max_total=MAX_PACKAGE_BYTES, outer=True)
    if set(archive.namelist()) != OUTER_NAMES:
        raise _damaged("条目不对")
    manifest, signature = _read(archive, MANIFEST, MAX_MANIFEST_BYTES), _read(archive, SIGNATURE, 1024)
    payload, payload_at, payload_crc = _view(data, archive, PAYLOAD, MAX_PACKAGE_BYTES)
    parts = OuterParts(manifest, signature, payload)
    # The writer is deterministic, so the file must be exactly the packing of its parts: a changed byte in
    # the ZIP's own headers (which neither the CRCs nor the signature cover) is caught too. Packages written
    # on Windows and elsewhere differ in one byte of each directory entry: either is the packing.
    entries = [(MANIFEST, zlib.crc32(manifest), len(manifest)), (SIGNATURE, zlib.crc32(signature), len(signature)),
               (PAYLOAD, payload_crc, len(payload))]
    if not any(_is_packing(data, _headers(entries, system), (manifest, signature), payload_at, len(payload))
               for system in (WINDOWS, UNIX)):
        raise _damaged("压缩包结构被改动")
    return parts


def _is_packing(data: bytes | bytearray, laid: tuple[list[bytes], bytes] | None, small: tuple[bytes, bytes],
                payload_at: int, payload_size: int) -> bool:
    """Whether ``data`` is byte for byte the manifest and the signature, each after its header, the
    payload's header, the payload (read from ``payload_at``) and the directory: exactly what ``pack_outer``
    writes, compared without copying the payload."""
    if laid is None:  # a payload so large that zipfile adds ZIP64 records: compare with its packing
        return data == pack_outer(OuterParts(small[0], small[1], data[payload_at:payload_at + payload_size]))
    (*headers, payload_header), directory = laid
    front = b"".join(header + body for header, body in zip(headers, small, strict=True)) + payload_header
    return (payload_at == len(front) and data[:len(front)] == front
            and len(data) == payload_at + payload_size + len(directory)
            and data[payload_at + payload_size:] == directory)


def read_signed_manifest(data: bytes) -> OuterParts:
    """Only the manifest and its signature (the payload left unread, ``b""``), under the guard rails on the entry
    list: enough to recognise a package already imported without reading its payload. Any package that is
    not gets the full ``read_outer`` checks."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise _damaged("文件过大")
    archive = _open_zip(data, max_entries=3, max_total=MAX_PACKAGE_BYTES, outer=True)
    if set(archive.namelist()) != OUTER_NAMES:
        raise _damaged("条目不对")
    return OuterParts(_read(archive, MANIFEST, MAX_MANIFEST_BYTES), _read(archive, SIGNATURE, 1024), b"")


def read_inner(data: bytes) -> tuple[bytes, dict[str, bytes]]:
    """``records.jsonl`` and the blobs by name, after the guard rails."""
    records, blobs = read_inner_view(data)
    return bytes(records), blobs


def read_inner_view(data: bytes) -> tuple[memoryview, dict[str, bytes]]:
    """``read_inner`` with ``records.jsonl`` as a view into ``data``: a large package's records are not held
    twice while they are parsed."""
    archive = _open_zip(data, max_entries=MAX_ENTRIES, max_total=MAX_INNER_BYTES)
    records = _view(data, archive, RECORDS, MAX_INNER_BYTES)[0]
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
        raise PackageRejected("not_found", f"找不到文件 {path.name}：U盘可能已拔出，或文件已被移走。"
                              "插好U盘后再导入即可。") from exc
    except IsADirectoryError as exc:
        raise PackageRejected("not_found", f"这是一个文件夹，不是数据包：{path.name}") from exc
    except OSError as exc:  # a stick pulled while it was read, a drive that fails
        raise PackageRejected("unreadable", f"读不出文件 {path.name}（{exc.strerror or exc}）：U盘可能已拔出或"
                              "接触不良。插好U盘后再导入即可。") from exc
