"""The cryptography of a package: Ed25519 signatures, AES-256-GCM payloads, data keys wrapped per recipient.

The payload is encrypted once with a random 256-bit data key. For each recipient (the destination and the
sender itself, so it can read its own outbox) the data key is wrapped: an ephemeral X25519 key agreement
with the recipient's public key, HKDF-SHA256 to a key-encryption key, AES-GCM over the data key with the
recipient's key id as associated data. A wrapped key is ``ephemeral public (32) | nonce (12) | sealed (48)``,
base64. Algorithm names go into the manifest so others (SM2/SM3/SM4) can be added beside these.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

AEAD = "AES-256-GCM"
SIGNATURE = "Ed25519"
KEY_WRAP = "X25519-HKDF-SHA256-AES-256-GCM"
_WRAP_INFO = b"partydesk-sync-v1 data key"
NONCE_BYTES = 12
TAG_BYTES = 16  # AES-GCM's tag, after the ciphertext
SIGNATURE_BYTES = 64  # an Ed25519 signature


def b64(data: bytes) -> str:
    """Standard base64 text."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Decode base64 strictly; ValueError on anything else."""
    return base64.b64decode(text.encode("ascii"), validate=True)


def sha256_hex(data: bytes | bytearray | memoryview) -> str:
    """SHA-256 of ``data`` as lower-case hex."""
    return hashlib.sha256(data).hexdigest()


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    """The 32 raw bytes of a public key."""
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id_of(signing_public: bytes, encryption_public: bytes) -> str:
    """A key pair's id: the first 32 hex digits of SHA-256 over both public keys."""
    return sha256_hex(b"partydesk-key-v1" + signing_public + encryption_public)[:32]


def fingerprint_of(key_id: str) -> str:
    """The id in groups of four, upper case, for reading aloud over the phone: ``3F2A 9C01 …``."""
    text = key_id.upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def sign(private: Ed25519PrivateKey, data: bytes) -> bytes:
    """An Ed25519 signature over exactly these bytes."""
    return private.sign(data)


def verify(public_raw: bytes, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` is the signature over ``data`` by the key with these raw public bytes."""
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Sealed:
    """An encrypted payload and its data key wrapped for each recipient (key id → wrapped key)."""

    nonce: bytes
    ciphertext: bytes
    wrapped: dict[str, str]


def _kek(shared: bytes, key_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=_WRAP_INFO + key_id.encode("ascii")).derive(shared)


def wrap_key(data_key: bytes, recipient_public: bytes, key_id: str) -> str:
    """Wrap ``data_key`` for one recipient's X25519 public key."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(_kek(shared, key_id)).encrypt(nonce, data_key, key_id.encode("ascii"))
    return b64(raw_public(ephemeral.public_key()) + nonce + sealed)


def unwrap_key(wrapped: str, private: X25519PrivateKey, key_id: str) -> bytes:
    """The data key, or ValueError when the wrapped key is not for this private key or was altered."""
    raw = unb64(wrapped)
    if len(raw) != 32 + NONCE_BYTES + 48:
        raise ValueError("wrapped key has the wrong length")
    shared = private.exchange(X25519PublicKey.from_public_bytes(raw[:32]))
    try:
        return AESGCM(_kek(shared, key_id)).decrypt(raw[32:32 + NONCE_BYTES], raw[32 + NONCE_BYTES:],
                                                   key_id.encode("ascii"))
    except InvalidTag as exc:
        raise ValueError("wrapped key does not open") from exc


@dataclass(frozen=True)
class Sealing:
    """A payload's fresh data key and nonce, and the data key wrapped for each recipient, before the payload
    is encrypted (``seal_into`` writes the ciphertext where the caller wants it)."""

    data_key: bytes
    nonce: bytes
    wrapped: dict[str, str]

    @classmethod
    def new(cls, recipients: dict[str, bytes]) -> Sealing:
        """A fresh data key wrapped for each (key id → X25519 public) recipient."""
        data_key = AESGCM.generate_key(bit_length=256)
        return cls(data_key, os.urandom(NONCE_BYTES),
                   {key_id: wrap_key(data_key, public, key_id) for key_id, public in recipients.items()})

    def seal_into(self, pieces: Iterable[bytes | bytearray | memoryview], out: memoryview, associated: bytes,
                  each: Callable[[bytes | bytearray | memoryview, memoryview], object] | None = None) -> int:
        """Encrypt the bytes the pieces join to into ``out``, then the tag: the very bytes ``AESGCM.encrypt``
        returns (a test holds them equal), written in place. ``out`` needs ``TAG_BYTES - 1`` more bytes than
        the ciphertext and tag (the cipher's own margin), which it may overwrite. ``each`` hears every piece
        with the bytes it became, in order, and last nothing with the tag. Returns the bytes written."""
        encryptor = Cipher(algorithms.AES(self.data_key), modes.GCM(self.nonce)).encryptor()
        encryptor.authenticate_additional_data(associated)
        at = 0
        for piece in pieces:
            written = encryptor.update_into(piece, out[at:])
            if each is not None:
                each(piece, out[at:at + written])
            at += written
        tail = encryptor.finalize()  # (nothing for GCM, which gives every byte as it goes)
        out[at:at + len(tail) + TAG_BYTES] = tail + encryptor.tag
        if each is not None:
            each(b"", out[at:at + len(tail) + TAG_BYTES])
        return at + len(tail) + TAG_BYTES


def seal(plaintext: bytes, recipients: dict[str, bytes], associated: bytes) -> Sealed:
    """Encrypt ``plaintext`` with a fresh data key wrapped for each (key id → X25519 public) recipient."""
    sealing = Sealing.new(recipients)
    return Sealed(sealing.nonce, AESGCM(sealing.data_key).encrypt(sealing.nonce, plaintext, associated),
                  sealing.wrapped)


def open_sealed(ciphertext: bytes | bytearray | memoryview, nonce: bytes, data_key: bytes, associated: bytes) -> bytes:
    """Decrypt; ValueError when any bit of the ciphertext, nonce or associated data changed."""
    try:
        return AESGCM(data_key).decrypt(nonce, ciphertext, associated)
    except InvalidTag as exc:
        raise ValueError("payload does not decrypt") from exc
