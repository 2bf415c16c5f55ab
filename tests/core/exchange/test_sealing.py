"""The payload encrypted in place, from pieces (``crypto.Sealing.seal_into``): the very bytes the one-shot
AES-GCM gives for the joined plaintext, so a reader cannot tell how a package was sealed."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.core.changes import LOCAL_USER
from partydesk.core.exchange import container, crypto
from partydesk.core.exchange.keys import SiteKeys
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from tests.core.exchange.conftest import Sites
from tests.core.exchange.test_round_trip import COMMITTEE_CODE


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
    heard: list[tuple[bytes, bytes]] = []  # each piece with what it became, in order, then the tag
    out[:] = b"\xee" * len(out)
    sealing.seal_into(iter(given_pieces), memoryview(out)[before:], associated,
                      lambda piece, became: heard.append((bytes(piece), bytes(became))))
    assert b"".join(piece for piece, _became in heard) == plaintext
    assert b"".join(became for _piece, became in heard) == expected
    assert heard[-1] == (b"", expected[-crypto.TAG_BYTES:])
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


def test_a_file_that_cannot_be_laid_out_in_one_buffer_is_packed_by_zipfile_and_reads_the_same(
        sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    """A package too large for plain ZIP records (over 2 GB, which ``OuterLayout.of`` declines) is sealed into
    a buffer of its own and packed the ordinary way: the committee imports it as any other."""
    monkeypatch.setattr(container.OuterLayout, "of", classmethod(lambda _cls, *_sizes: None))
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    report = import_package(sites.committee, LOCAL_USER, sent.path)
    assert report.status == "applied", report.message
    assert report.counts["new"] == sum(sent.counts.values()) > 50
