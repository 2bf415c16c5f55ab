"""The package manifest (SYNC.md "Container"): built from plain values, read back under a strict schema.

The manifest holds no personal data. Its exact bytes are what the signature covers, and it binds the hashes
of the payload (ciphertext and plaintext), so verifying the signature covers the whole package.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from partydesk.core.exchange import crypto
from partydesk.core.exchange.errors import PackageRejected

FORMAT = "partydesk-sync"
FORMAT_VERSION = 1
KINDS = frozenset({"upward", "downward", "snapshot", "receipt"})


@dataclass(frozen=True)
class Endpoint:
    """One end of a channel: organisation code and site id."""

    org_code: str
    site_id: str


@dataclass(frozen=True)
class Manifest:
    """What a package says about itself."""

    package_id: str
    kind: str
    created_at: datetime  # UTC, naive
    app_version: str
    schema_version: str
    origin: Endpoint
    origin_key_id: str
    destination: Endpoint
    channel_seq: int
    prerequisite_seq: int  # channel_seq of the package before (0: none)
    prerequisite_id: str
    covers_from: int
    covers_to: int
    acks: tuple[str, ...]
    counts: dict[str, int]
    payload_size: int
    payload_sha256: str  # of the ciphertext
    plaintext_sha256: str
    nonce: bytes
    recipients: dict[str, str]  # key id -> wrapped data key
    # The sender's audit trail as it stood (the newest entry's number and chained hash): a copy kept by the
    # receiver, so a trail later cut short at the sender can be shown to be (audit.first_break cannot).
    audit_seq: int = 0
    audit_hash: str = ""

    def to_json(self) -> dict[str, Any]:
        """The manifest as its JSON object."""
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "package_id": self.package_id, "kind": self.kind,
            "created_at": self.created_at.isoformat(timespec="seconds") + "Z", "app_version": self.app_version,
            "schema_version": self.schema_version,
            "origin": {"org_code": self.origin.org_code, "site_id": self.origin.site_id,
                       "key_id": self.origin_key_id},
            "destination": {"org_code": self.destination.org_code, "site_id": self.destination.site_id},
            "channel_seq": self.channel_seq,
            "prerequisite": {"channel_seq": self.prerequisite_seq, "package_id": self.prerequisite_id},
            "covers": {"change_seq_from": self.covers_from, "change_seq_to": self.covers_to},
            "acks": list(self.acks), "counts": dict(sorted(self.counts.items())),
            "payload": {"name": "payload.enc", "size": self.payload_size, "sha256": self.payload_sha256,
                        "plaintext_sha256": self.plaintext_sha256, "aead": crypto.AEAD,
                        "key_wrap": crypto.KEY_WRAP, "nonce": crypto.b64(self.nonce),
                        "recipients": [{"key_id": k, "wrapped_key": w} for k, w in sorted(self.recipients.items())]},
            "signature": crypto.SIGNATURE,
            **({"audit_chain_head": {"seq": self.audit_seq, "hash": self.audit_hash}} if self.audit_seq else {}),
        }

    def to_bytes(self) -> bytes:
        """The exact bytes written and signed."""
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def _bad(what: str) -> PackageRejected:
    return PackageRejected("bad_manifest", f"数据包说明（manifest）不合格式：{what}。未导入任何数据。")


# The strict schema: the keys of each object, exactly (``audit_chain_head`` may be absent: packages written
# before the trail's head was sent).
_TOP = frozenset({"format", "format_version", "package_id", "kind", "created_at", "app_version", "schema_version",
                  "origin", "destination", "channel_seq", "prerequisite", "covers", "acks", "counts", "payload",
                  "signature"})
_OPTIONAL = frozenset({"audit_chain_head"})
_KEYS = {"origin": {"org_code", "site_id", "key_id"}, "destination": {"org_code", "site_id"},
         "prerequisite": {"channel_seq", "package_id"}, "covers": {"change_seq_from", "change_seq_to"},
         "payload": {"name", "size", "sha256", "plaintext_sha256", "aead", "key_wrap", "nonce", "recipients"},
         "recipient": {"key_id", "wrapped_key"}, "audit_chain_head": {"seq", "hash"}}
_MAX_INT = 2**63 - 1  # SQLite's largest integer: every number of the manifest is stored or compared as one
_SHA256 = re.compile(r"[0-9a-f]{64}")
_REVISION = re.compile(r"[0-9]{4}")


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a key given twice")
    return found


def _object(obj: Any, key: str, keys: frozenset[str] | set[str], optional: frozenset[str] = frozenset()) -> Any:
    """``obj[key]``, an object holding exactly ``keys`` (and any of ``optional``)."""
    value = _get(obj, key, dict) if key else obj
    if not isinstance(value, dict) or not keys <= set(value) or not set(value) <= keys | optional:
        raise _bad(f"{key or '说明'} 的字段不对")
    return value


def _get(obj: Any, key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise _bad(f"缺少 {key}")
    value = obj[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _bad(f"{key} 类型不对")
    if kind is int and isinstance(value, int) and not 0 <= value <= _MAX_INT:
        raise _bad(f"{key} 超出范围")
    return value


def _uuid(text: str, key: str) -> str:
    try:
        return str(uuid.UUID(text))
    except ValueError as exc:
        raise _bad(f"{key} 不是编号") from exc


def _utc(text: str) -> datetime:
    """A time as naive UTC: ``…Z`` as written, or with any offset (converted)."""
    found = datetime.fromisoformat(text.removesuffix("Z"))
    return found if found.tzinfo is None else found.astimezone(UTC).replace(tzinfo=None)


def parse(data: bytes) -> Manifest:
    """Read a manifest strictly: exactly the fields of the format, each with its type and within range (no
    field twice, none unknown); a newer format is refused. Anything else raises ``PackageRejected``."""
    try:
        obj = json.loads(data.decode("utf-8"), object_pairs_hook=_no_repeats)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # RecursionError: nested thousands deep
        raise _bad("不是 JSON") from exc
    if _get(obj, "format", str) != FORMAT:
        raise _bad("不是 partydesk 数据包")
    version = _get(obj, "format_version", int)
    if version != FORMAT_VERSION:
        raise PackageRejected("format_version", f"数据包格式版本 {version} 本程序不认识，请升级 partydesk。")
    _object(obj, "", _TOP, _OPTIONAL)
    kind = _get(obj, "kind", str)
    if kind not in KINDS:
        raise _bad("kind 不对")
    origin, destination = _object(obj, "origin", _KEYS["origin"]), _object(obj, "destination", _KEYS["destination"])
    prerequisite, covers = _object(obj, "prerequisite", _KEYS["prerequisite"]), _object(obj, "covers", _KEYS["covers"])
    payload = _object(obj, "payload", _KEYS["payload"])
    if _get(payload, "aead", str) != crypto.AEAD or _get(payload, "key_wrap", str) != crypto.KEY_WRAP:
        raise PackageRejected("algorithm", "数据包使用了本程序不支持的加密算法。")
    if _get(obj, "signature", str) != crypto.SIGNATURE:
        raise PackageRejected("algorithm", "数据包使用了本程序不支持的签名算法。")
    try:
        created_at = _utc(_get(obj, "created_at", str))
        nonce = crypto.unb64(_get(payload, "nonce", str))
    except ValueError as exc:
        raise _bad("时间或随机数格式不对") from exc
    schema_version = _get(obj, "schema_version", str)
    if not _REVISION.fullmatch(schema_version):
        raise _bad("schema_version 不对")
    counts = _get(obj, "counts", dict)
    if not all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= _MAX_INT
               for k, v in counts.items()):
        raise _bad("counts 不对")
    acks = _get(obj, "acks", list)
    if not all(isinstance(a, str) for a in acks):
        raise _bad("acks 不对")
    recipients: dict[str, str] = {}
    for entry in _get(payload, "recipients", list):
        _object(entry, "", _KEYS["recipient"])
        recipients[_get(entry, "key_id", str)] = _get(entry, "wrapped_key", str)
    hashes = [_get(payload, "sha256", str), _get(payload, "plaintext_sha256", str)]
    audit_seq, audit_hash = 0, ""
    if "audit_chain_head" in obj:
        head = _object(obj, "audit_chain_head", _KEYS["audit_chain_head"])
        audit_seq, audit_hash = _get(head, "seq", int), _get(head, "hash", str)
        hashes.append(audit_hash)
    if not all(map(_SHA256.fullmatch, hashes)):
        raise _bad("摘要格式不对")
    return Manifest(
        package_id=_uuid(_get(obj, "package_id", str), "package_id"), kind=kind, created_at=created_at,
        app_version=_get(obj, "app_version", str), schema_version=schema_version,
        origin=Endpoint(_get(origin, "org_code", str), _uuid(_get(origin, "site_id", str), "origin")),
        origin_key_id=_get(origin, "key_id", str),
        destination=Endpoint(_get(destination, "org_code", str),
                             _uuid(_get(destination, "site_id", str), "destination")),
        channel_seq=_get(obj, "channel_seq", int), prerequisite_seq=_get(prerequisite, "channel_seq", int),
        prerequisite_id=_get(prerequisite, "package_id", str), covers_from=_get(covers, "change_seq_from", int),
        covers_to=_get(covers, "change_seq_to", int), acks=tuple(acks), counts=counts,
        payload_size=_get(payload, "size", int), payload_sha256=hashes[0], plaintext_sha256=hashes[1],
        nonce=nonce, recipients=recipients, audit_seq=audit_seq, audit_hash=audit_hash,
    )


def file_name(origin_code: str, destination_code: str, seq: int, created: datetime, package_id: str) -> str:
    """``<origin>_<dest>_<seq:06d>_<yyyymmdd>_<pkgid8>.pdsync`` — no personal data."""
    def safe(code: str) -> str:
        return "".join(c for c in code if c.isalnum()) or "org"

    return f"{safe(origin_code)}_{safe(destination_code)}_{seq:06d}_{created:%Y%m%d}_{package_id[:8]}.pdsync"
