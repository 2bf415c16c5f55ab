"""Test helpers that build the bad packages SYNC.md says must be refused (re-signed with the sender's key)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from partydesk.core.exchange import container, crypto
from partydesk.core.services.sync_keys import site_keys
from partydesk.core.storage.database import Database


def resign(path: Path, sender: Database, change: Callable[[dict[str, Any]], None], out: Path) -> Path:
    """A copy of the package at ``path`` with its manifest changed by ``change`` and signed again by ``sender``."""
    parts = container.read_outer(path.read_bytes())
    manifest = json.loads(parts.manifest)
    change(manifest)
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    keys = site_keys(sender)
    out.write_bytes(container.pack_outer(container.OuterParts(body, crypto.sign(keys.signing, body), parts.payload)))
    return out


def flip_bit(path: Path, offset: int, out: Path) -> Path:
    """A copy with one bit flipped at ``offset``."""
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    out.write_bytes(bytes(data))
    return out
