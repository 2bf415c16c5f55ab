"""This installation's key pairs and the key card exchanged once with the other side (SYNC.md "Keys").

Each site has an Ed25519 signing pair and an X25519 encryption pair, made the first time they are needed
and kept as PEM files in ``keys/<site id>/`` beside the database (0600 files in a 0700 folder: the OS user's
permissions protect them, as they protect the database). A database moved to another computer without its
``keys`` folder gets new keys and must be registered again.

A key card (``*.pdkey``) is JSON: organisation code and name, site id, role, both public keys, the key id
and its fingerprint, signed by the card's own signing key so a damaged card is refused. The receiving
side shows the fingerprint; a person compares it with the one read out by phone before registering.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from partydesk.core.atomicfile import atomic_write
from partydesk.core.exchange import crypto
from partydesk.core.exchange.canonical import canonical
from partydesk.core.exchange.errors import PackageRejected

CARD_FORMAT = "partydesk-keycard"
CARD_SUFFIX = ".pdkey"
_SIGNING_FILE = "signing.pem"
_ENCRYPTION_FILE = "encryption.pem"


@dataclass(frozen=True)
class SiteKeys:
    """The private halves of this site's key pairs, with the public id they go by."""

    site_id: str
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @property
    def signing_public(self) -> bytes:
        """Raw Ed25519 public key."""
        return crypto.raw_public(self.signing.public_key())

    @property
    def encryption_public(self) -> bytes:
        """Raw X25519 public key."""
        return crypto.raw_public(self.encryption.public_key())

    @property
    def key_id(self) -> str:
        """The id of this key pair (hex)."""
        return crypto.key_id_of(self.signing_public, self.encryption_public)

    @property
    def fingerprint(self) -> str:
        """The id grouped for reading aloud."""
        return crypto.fingerprint_of(self.key_id)


def keys_dir_for(db_path: Path) -> Path:
    """Keys sit in a ``keys`` folder beside the database they belong to."""
    return db_path.resolve().parent / "keys"


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def load_or_create(keys_dir: Path, site_id: str) -> SiteKeys:
    """This site's keys, made and saved on first use."""
    folder = keys_dir / site_id
    signing_path, encryption_path = folder / _SIGNING_FILE, folder / _ENCRYPTION_FILE
    if signing_path.exists() and encryption_path.exists():
        signing = serialization.load_pem_private_key(signing_path.read_bytes(), password=None)
        encryption = serialization.load_pem_private_key(encryption_path.read_bytes(), password=None)
        if not isinstance(signing, Ed25519PrivateKey) or not isinstance(encryption, X25519PrivateKey):
            raise PackageRejected("bad_keys", f"密钥文件已损坏：{folder}。请从备份恢复该文件夹。")
        return SiteKeys(site_id, signing, encryption)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    keys = SiteKeys(site_id, Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    atomic_write(signing_path, _pem(keys.signing))
    atomic_write(encryption_path, _pem(keys.encryption))
    for path in (signing_path, encryption_path):
        os.chmod(path, 0o600)
    return keys


@dataclass(frozen=True)
class KeyCard:
    """What one site tells another about itself, once, to be registered."""

    org_code: str
    org_name: str
    site_id: str
    role: str  # branch | committee
    signing_public: bytes
    encryption_public: bytes

    @property
    def key_id(self) -> str:
        """The id of the key pair on the card."""
        return crypto.key_id_of(self.signing_public, self.encryption_public)

    @property
    def fingerprint(self) -> str:
        """The fingerprint to compare aloud."""
        return crypto.fingerprint_of(self.key_id)


def _card_body(card: KeyCard) -> dict[str, object]:
    return {
        "format": CARD_FORMAT, "format_version": 1, "org_code": card.org_code, "org_name": card.org_name,
        "site_id": card.site_id, "role": card.role, "signing_public": crypto.b64(card.signing_public),
        "encryption_public": crypto.b64(card.encryption_public), "key_id": card.key_id,
        "fingerprint": card.fingerprint,
    }


def card_bytes(card: KeyCard, keys: SiteKeys) -> bytes:
    """The card file's content, signed by the site's own signing key."""
    body = _card_body(card)
    signature = crypto.sign(keys.signing, canonical(body))
    return json.dumps({"card": body, "signature": crypto.b64(signature)}, ensure_ascii=False,
                      indent=2).encode("utf-8")


def _bad_card(what: str) -> PackageRejected:
    return PackageRejected("bad_keycard", f"不是有效的密钥卡：{what}。请向对方重新索取密钥卡文件（{CARD_SUFFIX}）。")


def read_card(data: bytes) -> KeyCard:
    """Parse and check a key card: its fields, its key id and its own signature."""
    if len(data) > 64 * 1024:
        raise _bad_card("文件过大")
    try:
        outer = json.loads(data.decode("utf-8"))
        body, signature = outer["card"], crypto.unb64(outer["signature"])
        if body.get("format") != CARD_FORMAT or body.get("format_version") != 1:
            raise _bad_card("格式不对")
        card = KeyCard(str(body["org_code"]), str(body["org_name"]), str(body["site_id"]), str(body["role"]),
                       crypto.unb64(body["signing_public"]), crypto.unb64(body["encryption_public"]))
    except PackageRejected:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise _bad_card("内容无法读取") from exc
    if len(card.signing_public) != 32 or len(card.encryption_public) != 32 or card.role not in {"branch", "committee"}:
        raise _bad_card("密钥长度或角色不对")
    if body.get("key_id") != card.key_id:
        raise _bad_card("密钥编号与密钥不符")
    if not crypto.verify(card.signing_public, signature, canonical(body)):
        raise _bad_card("签名不符，文件可能被改动过")
    return card
