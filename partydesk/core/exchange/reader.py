"""Opening a package in SYNC.md's order, one step per function, so the importer can consult the database
between them: the envelope (guard rails and manifest), the signature, then the payload (decrypt, hashes,
records). Nothing here touches the database; every failure is a ``PackageRejected``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import orjson

from partydesk.core.exchange import container, crypto
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


def open_envelope(data: bytes) -> Envelope:
    """Step 1: guard rails, then the manifest under its strict schema."""
    parts = container.read_outer(data)
    return Envelope(parse(parts.manifest), parts)


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
    manifest, ciphertext = envelope.manifest, envelope.parts.payload
    if len(ciphertext) != manifest.payload_size or crypto.sha256_hex(ciphertext) != manifest.payload_sha256:
        raise _tampered("密文摘要")
    wrapped = manifest.recipients.get(keys.key_id)
    if wrapped is None:
        raise PackageRejected("not_for_us", "这个数据包不是发给本单位当前密钥的，无法解密。"
                              "请确认对方登记的是本单位最新的密钥卡。")
    try:
        data_key = crypto.unwrap_key(wrapped, keys.encryption, keys.key_id)
        plaintext = crypto.open_sealed(ciphertext, manifest.nonce, data_key, manifest.package_id.encode("ascii"))
    except ValueError as exc:
        raise _tampered("解密失败") from exc
    if crypto.sha256_hex(plaintext) != manifest.plaintext_sha256:
        raise _tampered("明文摘要")
    if not parse:
        return Payload([], {})
    records_jsonl, blobs = container.read_inner(plaintext)
    for name, blob in blobs.items():
        if crypto.sha256_hex(blob) != name:
            raise _tampered("附件摘要")
    return Payload(parse_records(records_jsonl), blobs)


_DATA_OPEN = b'{"data":'
_REST_OPEN = b',"base_version":'  # the first field after the data in our writer's layout (the others are sorted)


def _split_line(line: bytes) -> tuple[dict[str, Any], bytes] | None:
    """A line as our writer lays it out (``{"data":{…},"base_version":…``): the record and the exact bytes of
    its data; None for any other layout (which takes the general path).

    The data ends where the last ``,"base_version":`` begins: outside the data, no text value can hold that
    pattern (its quotes would be escaped) and no other field is named so. The split stands only when both
    sides parse on their own (the data as one JSON value with nothing around it, the rest as an object
    without a second ``data``), so the record is exactly what a parser reading the whole line would give.
    """
    if not line.startswith(_DATA_OPEN):
        return None
    cut = line.rfind(_REST_OPEN)
    if cut <= len(_DATA_OPEN) or line[cut - 1:cut] != b"}" or line[len(_DATA_OPEN):len(_DATA_OPEN) + 1] != b"{":
        return None
    data_bytes = line[len(_DATA_OPEN):cut]
    try:
        data = _loads(data_bytes)
        rest = _loads(b"{" + line[cut + 1:])
    except ValueError:
        return None
    if not isinstance(rest, dict) or "data" in rest:
        return None
    rest["data"] = data
    return rest, data_bytes


def parse_records(jsonl: bytes) -> list[dict[str, Any]]:
    """The records of a ``records.jsonl``, each line parsed and its row hash checked; ``PackageRejected`` naming
    the first line that is not JSON, not a record, does not match its hash or repeats another."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[object, object]] = set()
    sha256 = hashlib.sha256
    for number, line in enumerate(jsonl.split(b"\n"), start=1):
        if not line:
            continue
        if len(line) > MAX_RECORD_BYTES:
            raise _tampered(f"第 {number} 条记录过大")
        split = _split_line(line)
        try:
            record = _loads(line) if split is None else split[0]
        except ValueError as exc:  # orjson's error is a ValueError, bad UTF-8 included
            raise _tampered(f"第 {number} 条记录不是 JSON") from exc
        if not isinstance(record, dict) or set(record) != RECORD_FIELDS or not isinstance(record["data"], dict):
            raise _tampered(f"第 {number} 条记录字段不对")
        # The row hash binds the data: over the very text the data was parsed from when the line has our
        # layout (the sender hashed the same canonical text, so no second encoding is needed), else over
        # the canonical form of the parsed data.
        found = (sha256(split[1]).hexdigest() if split is not None
                 else data_hash(record["data"]))
        if record["row_hash"] != found:
            raise _tampered(f"第 {number} 条记录摘要")
        key = (record["type"], record["id"])
        if key in seen:
            raise _tampered(f"第 {number} 条记录重复")
        seen.add(key)
        out.append(record)
    return out
