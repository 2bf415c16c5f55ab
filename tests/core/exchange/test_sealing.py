"""The payload encrypted in place, from pieces (``crypto.Sealing.seal_into``): the very bytes the one-shot
AES-GCM gives for the joined plaintext, so a reader cannot tell how a package was sealed."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.core.exchange import crypto
from partydesk.core.exchange.keys import SiteKeys


@settings(max_examples=80)
@given(st.lists(st.binary(max_size=700), max_size=6), st.binary(max_size=40), st.integers(0, 40),
       st.sampled_from(["bytes", "bytearray", "memoryview"]))
def test_sealing_in_place_gives_the_one_shot_ciphertext(pieces: list[bytes], associated: bytes, before: int,
                                                        kind: str) -> None:
    sealing = crypto.Sealing.new({})
    given_pieces = [{"bytes": bytes, "bytearray": bytearray, "memoryview": memoryview}[kind](p) for p in pieces]
    plaintext = b"".join(pieces)
    size = len(plaintext) + crypto.TAG_BYTES
    out = bytearray(b"\xee" * (before + size + crypto.TAG_BYTES - 1))
    assert sealing.seal_into(given_pieces, memoryview(out)[before:], associated) == size
    assert out[:before] == b"\xee" * before  # nothing written ahead of the place given
    expected = AESGCM(sealing.data_key).encrypt(sealing.nonce, plaintext, associated)
    assert bytes(out[before:before + size]) == expected
    assert crypto.open_sealed(memoryview(out)[before:before + size], sealing.nonce, sealing.data_key,
                              associated) == plaintext


def test_each_recipient_opens_the_data_key_and_no_one_else() -> None:
    ours, theirs, stranger = (SiteKeys(f"site-{n}", Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
                              for n in range(3))
    sealing = crypto.Sealing.new({ours.key_id: ours.encryption_public, theirs.key_id: theirs.encryption_public})
    for keys in (ours, theirs):
        assert crypto.unwrap_key(sealing.wrapped[keys.key_id], keys.encryption, keys.key_id) == sealing.data_key
    with pytest.raises(ValueError):
        crypto.unwrap_key(sealing.wrapped[ours.key_id], stranger.encryption, ours.key_id)
