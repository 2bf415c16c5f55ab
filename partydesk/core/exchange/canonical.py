"""Canonical JSON (sorted keys, no spaces, UTF-8): the exact bytes every exchange hash and signature covers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping


def canonical(obj: object) -> bytes:
    """Canonical JSON bytes of ``obj``."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def data_hash(data: Mapping[str, object]) -> str:
    """A record's ``row_hash``: SHA-256 of its canonical data."""
    return hashlib.sha256(canonical(data)).hexdigest()
