"""This installation's key pairs and the key card exchanged once with the other side (SYNC.md "Keys").

Each site has an Ed25519 signing pair and an X25519 encryption pair, made the first time they are needed
and kept as PEM files in ``keys/<site id>/`` beside the database (0600 files in a 0700 folder: the OS user's
permissions protect them, as they protect the database). A database moved to another computer without its
``keys`` folder gets new keys and must be registered again.

A key card (``*.pdkey``) is JSON: organisation code and name, site id, role, both public keys, the key id
and its fingerprint, signed by the card's own signing key so a damaged card is refused. The receiving
side shows the fingerprint; a person compares it with the one read out by phone before registering.

Rotation: a new pair waits in ``keys/<site id>/next/`` while the old pair still signs; once every peer has
acknowledged the key update, the old pair moves to ``retired/<key id>/`` (kept only to open late packages
still encrypted to it) and the new one takes its place. A key notice (``site_key`` record) carries a new
public key pair (``update``) or names a key of ours no longer to be trusted (``revoke``), signed by the key
that signs the package it travels in.
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
_NEXT = "next"
_RETIRED = "retired"
NOTICE_TYPE = "site_key"  # the record type of a key notice inside a package
NOTICE_ACTIONS = frozenset({"update", "revoke"})


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
    return _load_or_create(keys_dir / site_id, site_id)


def _load_or_create(folder: Path, site_id: str) -> SiteKeys:
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
    if data.startswith(b"PK"):  # a ZIP: a data package (or an office file) picked instead of the card
        raise PackageRejected("bad_keycard", f"这不是密钥卡，而是数据包或压缩文件。数据包请用“导入数据包…”导入；"
                              f"登记对方时请选择对方的密钥卡文件（{CARD_SUFFIX}）。")
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
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, RecursionError) as exc:
        raise _bad_card("内容无法读取") from exc  # RecursionError: JSON nested thousands deep
    if len(card.signing_public) != 32 or len(card.encryption_public) != 32 or card.role not in {"branch", "committee"}:
        raise _bad_card("密钥长度或角色不对")
    if body.get("key_id") != card.key_id:
        raise _bad_card("密钥编号与密钥不符")
    if not crypto.verify(card.signing_public, signature, canonical(body)):
        raise _bad_card("签名不符，文件可能被改动过")
    return card


# -- rotation --------------------------------------------------------------------------------------


def next_keys(keys_dir: Path, site_id: str) -> SiteKeys | None:
    """The new pair of a rotation not yet completed, or None."""
    folder = keys_dir / site_id / _NEXT
    if not (folder / _SIGNING_FILE).exists():
        return None
    return _load_or_create(folder, site_id)


def make_next(keys_dir: Path, site_id: str) -> SiteKeys:
    """Make (or return the already made) new pair of a rotation."""
    return _load_or_create(keys_dir / site_id / _NEXT, site_id)


def promote_next(keys_dir: Path, site_id: str) -> SiteKeys:
    """The new pair becomes this site's keys; the old pair is kept under ``retired/<key id>/``."""
    folder = keys_dir / site_id
    new = next_keys(keys_dir, site_id)
    if new is None:
        return load_or_create(keys_dir, site_id)
    old = load_or_create(keys_dir, site_id)
    if old.key_id != new.key_id:
        keep = folder / _RETIRED / old.key_id
        keep.mkdir(parents=True, exist_ok=True, mode=0o700)
        for name in (_SIGNING_FILE, _ENCRYPTION_FILE):
            atomic_write(keep / name, (folder / name).read_bytes())
            os.chmod(keep / name, 0o600)
        for name in (_SIGNING_FILE, _ENCRYPTION_FILE):
            atomic_write(folder / name, (folder / _NEXT / name).read_bytes())
            os.chmod(folder / name, 0o600)
    for name in (_SIGNING_FILE, _ENCRYPTION_FILE):
        (folder / _NEXT / name).unlink(missing_ok=True)
    (folder / _NEXT).rmdir()
    return load_or_create(keys_dir, site_id)


def every_key(keys_dir: Path, site_id: str) -> list[SiteKeys]:
    """Every private pair this site still holds (current, next, retired): any of them may open a package."""
    out = [load_or_create(keys_dir, site_id)]
    following = next_keys(keys_dir, site_id)
    if following is not None:
        out.append(following)
    retired = keys_dir / site_id / _RETIRED
    if retired.is_dir():
        out += [_load_or_create(sub, site_id) for sub in sorted(retired.iterdir()) if (sub / _SIGNING_FILE).exists()]
    return out


# -- key notices -----------------------------------------------------------------------------------


def notice_body(action: str, site_id: str, key_id: str, signer: SiteKeys, *, signing_public: bytes = b"",
                encryption_public: bytes = b"") -> dict[str, str]:
    """A key notice signed by ``signer``: a new pair (``update``) or a key no longer trusted (``revoke``)."""
    body = {"action": action, "site_id": site_id, "key_id": key_id,
            "signing_public": crypto.b64(signing_public) if signing_public else "",
            "encryption_public": crypto.b64(encryption_public) if encryption_public else "",
            "fingerprint": crypto.fingerprint_of(key_id), "signed_by": signer.key_id}
    return {**body, "signature": crypto.b64(crypto.sign(signer.signing, canonical(body)))}


@dataclass(frozen=True)
class KeyNotice:
    """A key notice read from a package, its signature checked."""

    action: str
    site_id: str
    key_id: str
    signing_public: bytes
    encryption_public: bytes
    signed_by: str

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the key the notice is about."""
        return crypto.fingerprint_of(self.key_id)


def _bad_notice(what: str) -> PackageRejected:
    return PackageRejected("bad_key_update", f"数据包里的密钥更新无效（{what}），未导入任何数据。请与对方联系核实。")


def read_notice(data: object, signer_public: bytes) -> KeyNotice:
    """Check a key notice's form and its signature by the package's signing key."""
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise _bad_notice("格式不对")
    expected = {"action", "site_id", "key_id", "signing_public", "encryption_public", "fingerprint", "signed_by",
                "signature"}
    if set(data) != expected or data["action"] not in NOTICE_ACTIONS:
        raise _bad_notice("字段不对")
    body = {k: v for k, v in data.items() if k != "signature"}
    try:
        signature = crypto.unb64(data["signature"])
        signing = crypto.unb64(data["signing_public"]) if data["signing_public"] else b""
        encryption = crypto.unb64(data["encryption_public"]) if data["encryption_public"] else b""
    except ValueError as exc:
        raise _bad_notice("内容无法读取") from exc
    if not crypto.verify(signer_public, signature, canonical(body)):
        raise _bad_notice("签名不是对方已登记的密钥")
    if data["action"] == "update" and (len(signing) != 32 or len(encryption) != 32
                                       or crypto.key_id_of(signing, encryption) != data["key_id"]):
        raise _bad_notice("新密钥与其编号不符")
    return KeyNotice(data["action"], data["site_id"], data["key_id"], signing, encryption, data["signed_by"])
