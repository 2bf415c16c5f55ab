"""Opening a package in SYNC.md's order, one step per function, so the importer can consult the database
between them: the envelope (guard rails and manifest), the signature, then the payload (decrypt, hashes,
records). Nothing here touches the database; every failure is a ``PackageRejected``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import orjson

from partydesk.core.exchange import container, crypto, parallel
from partydesk.core.exchange.canonical import data_hash
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.keys import SiteKeys
from partydesk.core.exchange.manifest import Manifest, parse

RECORD_FIELDS = frozenset({"type", "type_version", "id", "owner_site", "version", "base_version", "deleted",
                           "updated_at", "updated_by", "data", "row_hash"})
MAX_RECORD_BYTES = 1024 * 1024
_loads = orjson.loads  # twice as fast as json.loads on a large package's lines; the same values


@dataclass(frozen=True)
class Envelope:
    """A package whose container and manifest passed the guard rails (nothing verified yet)."""

    manifest: Manifest
    parts: container.OuterParts


@dataclass(frozen=True)
class Payload:
    """The decrypted, hash-checked content."""

    records: list[dict[str, Any]]
    blobs: dict[str, bytes]


def open_envelope(data: bytes | bytearray) -> Envelope:
    """Step 1: guard rails, then the manifest under its strict schema."""
    parts = container.read_outer(data)
    return Envelope(parse(parts.manifest), parts)


def claimed_by(data: bytes) -> tuple[str, str]:
    """(package id, sender's organisation code) as a file's manifest states them, when it can be read ("" each
    otherwise): said with a refusal, not trusted for anything."""
    try:
        manifest = parse(container.read_signed_manifest(data).manifest)
    except PackageRejected:
        return "", ""
    return manifest.package_id, manifest.origin.org_code


def check_signature(envelope: Envelope, signing_public: bytes) -> None:
    """Step 2: the manifest bytes are signed by this key (and so every hash they bind)."""
    if not crypto.verify(signing_public, envelope.parts.signature, envelope.parts.manifest):
        raise PackageRejected("bad_signature", "数据包签名不符：文件在途中被改动过，或不是对方导出的。未导入任何数据。")


def _tampered(what: str) -> PackageRejected:
    return PackageRejected("damaged", f"数据包内容与签名不符（{what}）：文件已损坏或被改动。未导入任何数据。")


def decrypt(envelope: Envelope, keys: SiteKeys, *, parse: bool = True) -> Payload:
    """Step 6: decrypt with our wrapped key, check the payload, record and blob hashes.

    ``parse=False`` stops after the plaintext hash (reading back a package we just wrote ourselves).
    """
    opened = open_payload(envelope, keys)
    if not parse:
        _hash_of(opened.plain_hash, opened.expected, "明文摘要")
        return Payload([], {})
    return read_payload(opened)


def _hash_of(found: Future[str], expected: str, what: str) -> None:
    if found.result() != expected:
        raise _tampered(what)


@dataclass
class Opened:
    """A decrypted payload whose plaintext hash is still being taken (``open_payload``)."""

    plaintext: bytes
    plain_hash: Future[str]
    expected: str  # the plaintext hash the manifest states


def open_payload(envelope: Envelope, keys: SiteKeys) -> Opened:
    """The first half of ``decrypt``: the ciphertext's hash and the decryption. The envelope (and the package's
    bytes) may be let go after it, before ``read_payload`` parses the records."""
    manifest, ciphertext = envelope.manifest, envelope.parts.payload
    if len(ciphertext) != manifest.payload_size:
        raise _tampered("密文摘要")
    # Each hash is taken on a second core beside the next step (parallel.py); a failure of that step is
    # reported only once the hash before it matched, so the reason is the first check that fails.
    cipher_hash = parallel.started(crypto.sha256_hex, ciphertext)
    wrapped = manifest.recipients.get(keys.key_id)
    if wrapped is None:
        _hash_of(cipher_hash, manifest.payload_sha256, "密文摘要")
        raise PackageRejected("not_for_us", "这个数据包不是发给本单位当前密钥的，无法解密。"
                              "请确认对方登记的是本单位最新的密钥卡。")
    try:
        data_key = crypto.unwrap_key(wrapped, keys.encryption, keys.key_id)
        plaintext = crypto.open_sealed(ciphertext, manifest.nonce, data_key, manifest.package_id.encode("ascii"))
    except ValueError as exc:
        _hash_of(cipher_hash, manifest.payload_sha256, "密文摘要")
        raise _tampered("解密失败") from exc
    _hash_of(cipher_hash, manifest.payload_sha256, "密文摘要")
    return Opened(plaintext, parallel.started(crypto.sha256_hex, plaintext), manifest.plaintext_sha256)


def read_payload(opened: Opened, typed: Callable[[memoryview], list[Any] | None] | None = None) -> Payload:
    """The second half of ``decrypt``: the blobs and records of the plaintext, every hash checked. ``opened``
    is spent: its plaintext is let go here, not held while the records are written.

    ``typed`` may read the records first (``sync_typed.read``: typed records, every check made while
    parsing); when it gives None they are parsed here, which accepts or refuses exactly as always."""
    plaintext, opened.plaintext = opened.plaintext, b""
    try:
        records_jsonl, blobs = container.read_inner_view(plaintext)
        for name, blob in blobs.items():
            if crypto.sha256_hex(blob) != name:
                raise _tampered("附件摘要")
        found = typed(records_jsonl) if typed is not None else None
        records = found if found is not None else parse_records(records_jsonl)
    except PackageRejected:
        _hash_of(opened.plain_hash, opened.expected, "明文摘要")
        raise
    _hash_of(opened.plain_hash, opened.expected, "明文摘要")
    return Payload(records, blobs)


_get_data, _get_hash, _get_id = itemgetter("data"), itemgetter("row_hash"), itemgetter("id")


def _all_sound(lines: list[bytes]) -> list[dict[str, Any]] | None:
    """The records of these (non-empty) lines when every one is sound, each check made once over all of
    them in C where it can be; None as soon as any is not (``_line_by_line`` then names the first).

    The checks are ``_line_by_line``'s, so both accept exactly the same lines; only the duplicate check is
    stricter (any two records with one id, whatever their types, send the file down the other path).
    """
    records = _sound_block(lines)
    return None if records is None or not _ids_unique(records) else records


def _ids_unique(records: list[dict[str, Any]]) -> bool:
    try:
        return len(set(map(_get_id, records))) == len(records)
    except TypeError:  # an id that is not a plain value
        return False


def _sound_block(lines: list[bytes]) -> list[dict[str, Any]] | None:
    """``_all_sound`` but for the duplicate check (made once over all blocks)."""
    if max(map(len, lines), default=0) > MAX_RECORD_BYTES:
        return None
    try:
        records = list(map(_loads, lines))
    except ValueError:
        return None
    if not {dict}.issuperset(map(type, records)) or not {RECORD_FIELDS}.issuperset(map(frozenset, records)):
        return None
    datas = list(map(_get_data, records))
    if not {dict}.issuperset(map(type, datas)) or list(map(data_hash, datas)) != list(map(_get_hash, records)):
        return None
    return records


_BLOCK = 4 * MAX_RECORD_BYTES  # a block always holds a whole line unless that line is too large anyway


def _blocks(jsonl: bytes | memoryview) -> Iterator[list[bytes]]:
    """The non-empty lines of ``jsonl``, a few megabytes of them at a time: only one block is copied out of the
    payload at once (a 100 000-member snapshot's lines would otherwise be held beside it, a quarter of a
    gigabyte more). A block ends at its last line break; one without any holds a line over the limit."""
    view = memoryview(jsonl)
    at, size = 0, len(view)
    while at < size:
        block = bytes(view[at:at + _BLOCK])
        at += len(block)
        if at < size:
            cut = block.rfind(b"\n")
            if cut >= 0:
                at -= len(block) - cut - 1
                block = block[:cut]
        lines = block.split(b"\n")
        yield [line for line in lines if line] if b"" in lines else lines


def _line_by_line(jsonl: bytes) -> list[dict[str, Any]]:
    """``parse_records`` one line at a time, raising on the first line that is not sound."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[object, object]] = set()
    for number, line in enumerate(jsonl.split(b"\n"), start=1):
        if not line:
            continue
        if len(line) > MAX_RECORD_BYTES:
            raise _tampered(f"第 {number} 条记录过大")
        try:
            record = _loads(line)
        except ValueError as exc:  # orjson's error is a ValueError, bad UTF-8 included
            raise _tampered(f"第 {number} 条记录不是 JSON") from exc
        if not isinstance(record, dict) or set(record) != RECORD_FIELDS or not isinstance(record["data"], dict):
            raise _tampered(f"第 {number} 条记录字段不对")
        if record["row_hash"] != data_hash(record["data"]):
            raise _tampered(f"第 {number} 条记录摘要")
        key = (record["type"], record["id"])
        if key in seen:
            raise _tampered(f"第 {number} 条记录重复")
        seen.add(key)
        out.append(record)
    return out


def parse_records(jsonl: bytes | memoryview) -> list[dict[str, Any]]:
    """The records of a ``records.jsonl``, each line parsed and its row hash checked; ``PackageRejected`` naming
    the first line that is not JSON, not a record, does not match its hash or repeats another.

    A package as senders write it passes every check a block of lines at a time (``_sound_block``, then the
    duplicate check over all of them); one that does not is read again line by line, to name the line at fault.
    """
    found: list[dict[str, Any]] = []
    for lines in _blocks(jsonl):
        block = _sound_block(lines)
        if block is None:
            return _line_by_line(bytes(jsonl))
        found += block
    return found if _ids_unique(found) else _line_by_line(bytes(jsonl))
