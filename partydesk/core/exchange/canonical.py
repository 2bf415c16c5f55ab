"""Canonical JSON (sorted keys, no spaces, UTF-8): the exact bytes every exchange hash and signature covers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

# One encoder for every call: ``json.dumps`` with options builds a new one each time.
_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), check_circular=False).encode


def canonical_text(obj: object) -> str:
    """Canonical JSON text of ``obj``."""
    return _encode(obj)


def canonical(obj: object) -> bytes:
    """Canonical JSON bytes of ``obj``."""
    return _encode(obj).encode("utf-8")


def data_hash(data: Mapping[str, object]) -> str:
    """A record's ``row_hash``: SHA-256 of its canonical data."""
    return hashlib.sha256(_encode(data).encode("utf-8")).hexdigest()
