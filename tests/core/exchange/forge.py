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


def reseal(path: Path, sender: Database, change: Callable[[dict[str, bytes]], None], out: Path) -> Path:
    """A copy of the package at ``path`` whose inner ZIP entries (name → bytes) were changed by ``change``,
    then encrypted, hashed into the manifest and signed again by ``sender`` exactly as the writer does — so
    only the importer's own checks of the content can catch it."""
    from partydesk.core.exchange.reader import open_envelope
    from partydesk.core.storage import sync_repo

    envelope = open_envelope(path.read_bytes())
    manifest = envelope.manifest
    keys = site_keys(sender)
    data_key = crypto.unwrap_key(manifest.recipients[keys.key_id], keys.encryption, keys.key_id)
    plaintext = crypto.open_sealed(envelope.parts.payload, manifest.nonce, data_key,
                                   manifest.package_id.encode("ascii"))
    records, blobs = container.read_inner(plaintext)
    entries = {container.RECORDS: records, **{container.BLOBS + k: v for k, v in blobs.items()}}
    change(entries)
    inner = container._stored_zip(sorted(entries.items()))
    with sender.read() as session:
        peer_key = sync_repo.current_key(session, manifest.destination.site_id)
    assert peer_key is not None
    sealed = crypto.seal(inner, {peer_key.key_id: crypto.unb64(peer_key.encryption_public),
                                 keys.key_id: keys.encryption_public}, manifest.package_id.encode("ascii"))
    body = json.loads(envelope.parts.manifest)
    body["payload"].update(size=len(sealed.ciphertext), sha256=crypto.sha256_hex(sealed.ciphertext),
                           plaintext_sha256=crypto.sha256_hex(inner), nonce=crypto.b64(sealed.nonce),
                           recipients=[{"key_id": k, "wrapped_key": w} for k, w in sorted(sealed.wrapped.items())])
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    out.write_bytes(container.pack_outer(container.OuterParts(text, crypto.sign(keys.signing, text),
                                                              sealed.ciphertext)))
    return out
