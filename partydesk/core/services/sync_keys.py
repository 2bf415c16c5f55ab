"""Keys and registration (SYNC.md "Keys"): this site's key card, and registering the other side's.

A committee registers each branch from the branch's card (relation ``child``); a branch pins its committee
from the committee's card (``parent``). Registration needs the fingerprint the other side read out: either
typed (``fingerprint``, compared ignoring spaces and case) or explicitly confirmed (``confirmed=True``, after a
person compared it on screen). A card for a site already registered with another key is that site's new key
(made at once after a theft, or after its keys were lost): registering it retires the keys pinned before,
so a stolen key signs nothing accepted here any more, and the office is told which. It never replaces the
organisation code silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.errors import ValidationError
from partydesk.core.exchange import crypto
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.keys import KeyCard, SiteKeys, card_bytes, keys_dir_for, load_or_create, read_card
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage import downward_repo, sync_repo
from partydesk.core.storage.database import Database

RETIRED_BY_CARD = "对方交来了新的密钥卡，旧密钥停用"  # the reason kept for a key a new card replaced


@dataclass(frozen=True)
class Registered:
    """The outcome of registering a key card."""

    card: KeyCard
    relation: str
    new: bool
    changes: Changes
    retired: list[str] = field(default_factory=list)  # fingerprints of the site's earlier keys, now revoked


def site_keys(db: Database) -> SiteKeys:
    """This site's keys (made on first use), in the ``keys`` folder beside the database."""
    if db.site is None:
        raise ValidationError("请先完成初始设置（党组织名称和代码），再使用数据交换。", code="not_set_up")
    return load_or_create(keys_dir_for(db.path), db.site.site_id)


def own_card(db: Database) -> tuple[KeyCard, bytes]:
    """This site's key card and the file content to hand over."""
    keys = site_keys(db)
    org = own_organisation(db)
    assert db.site is not None and org is not None
    card = KeyCard(org.code, org.name, db.site.site_id, db.site.role, keys.signing_public, keys.encryption_public)
    return card, card_bytes(card, keys)


def _same(typed: str, card: KeyCard) -> bool:
    """Whether the typed fingerprint is the card's: its letters and digits, whatever separates the groups
    (spaces, dashes, colons) and in either case."""
    return re.sub(r"[^0-9A-Za-z]", "", typed).lower() == card.key_id.lower()


def examine_card(db: Database, data: bytes) -> KeyCard:
    """A key card read and checked for what needs no fingerprint: not our own, one we exchange with (before the
    user is asked to compare the fingerprint of a card that would be refused anyway)."""
    card = read_card(data)
    if db.site is None:
        raise ValidationError("请先完成初始设置，再登记对方的密钥卡。", code="not_set_up")
    if card.site_id == db.site.site_id:
        raise ValidationError("这是本单位自己的密钥卡，不需要登记。请登记对方单位交来的密钥卡。", code="own_card")
    _relation(db.site.role, card.role)
    return card


def same_code_elsewhere(db: Database, card: KeyCard) -> str | None:
    """The name under which another installation with the card's organisation code is registered here, or
    None. A branch that set the program up again without restoring its backup has a new site: registered
    beside the old one, its records come as a second set (everyone on two rolls)."""
    if db.site is None or _relation(db.site.role, card.role) != "child":
        return None  # (a committee set up again is re-registered by its branches: their rolls stay single)
    with db.read() as session:
        for peer in sync_repo.peers(session):
            if peer.relation == "child" and peer.org_code == card.org_code and peer.site_id != card.site_id:
                return peer.org_name
    return None


def registered_as_is(db: Database, card: KeyCard) -> bool:
    """Whether ``card`` is registered here already, key, code and name as they are on it: registering it again
    would change nothing (the office picked a card it registered before)."""
    with db.read() as session:
        pinned = sync_repo.peer_key(session, card.key_id)
        known = sync_repo.peer(session, card.site_id)
    return (pinned is not None and not pinned.revoked and pinned.site_id == card.site_id and known is not None
            and (known.org_code, known.org_name) == (card.org_code, card.org_name))


def _superseded(session: Session, card: KeyCard) -> list[sync_repo.PeerKey]:
    """The keys registering ``card`` retires: the site's live keys, when the card's key is new to us."""
    if sync_repo.peer_key(session, card.key_id) is not None:
        return []
    return [key for key in sync_repo.keys_of(session, card.site_id) if not key.revoked]


def keys_replaced(db: Database, card: KeyCard) -> list[str]:
    """Fingerprints of the keys registering ``card`` would retire (said before the office confirms)."""
    with db.read() as session:
        return [crypto.fingerprint_of(key.key_id) for key in _superseded(session, card)]


def register_card(db: Database, actor: Actor, data: bytes, *, fingerprint: str | None = None,
                  confirmed: bool = False) -> Registered:
    """Register the site on a key card after its fingerprint was checked."""
    card = examine_card(db, data)
    assert db.site is not None
    if fingerprint is not None and not _same(fingerprint, card):
        raise ValidationError(f"指纹不符：密钥卡上的指纹是 {card.fingerprint}，与输入的不一致。请与对方核对后再登记。",
                              field="fingerprint", code="fingerprint")
    if fingerprint is None and not confirmed:
        raise ValidationError(f"请先与对方核对指纹 {card.fingerprint}，再确认登记。", field="fingerprint",
                              code="unconfirmed")
    relation = _relation(db.site.role, card.role)
    with db.write(actor, action="sync.register") as session:
        known = sync_repo.peer(session, card.site_id)
        pinned = sync_repo.peer_key(session, card.key_id)
        if pinned is not None and pinned.revoked:
            raise ValidationError(f"这张密钥卡上的密钥（指纹 {card.fingerprint}）已被吊销，不能再登记。"
                                  "请对方更换密钥后重新写出密钥卡。", code="revoked")
        if known is not None and known.org_code != card.org_code:
            raise ValidationError(f"这个站点已登记为“{known.org_code}”，密钥卡上却是“{card.org_code}”，未登记。",
                                  code="code_changed")
        retired = _superseded(session, card)
        for key in retired:
            sync_repo.revoke_key(session, key.key_id)
            downward_repo.note_revocation(session, key_id=key.key_id, site_id=card.site_id, reason=RETIRED_BY_CARD,
                                          source="card", by=actor.user_id)
        new = sync_repo.register_peer(
            session, site_id=card.site_id, org_code=card.org_code, org_name=card.org_name, relation=relation,
            key_id=card.key_id, signing_public=crypto.b64(card.signing_public),
            encryption_public=crypto.b64(card.encryption_public), by=actor.user_id)
    return Registered(card, relation, new, Changes.of(ChangeKind.SYNC, card.site_id),
                      [crypto.fingerprint_of(key.key_id) for key in retired])


def _relation(own_role: str, other_role: str) -> str:
    if own_role == "committee" and other_role == "branch":
        return "child"
    if own_role == "branch" and other_role == "committee":
        return "parent"
    if own_role == "committee" and other_role == "committee":
        return "parent"  # a committee reports upward the same way
    raise ValidationError("党支部之间不交换数据：请登记上级党委的密钥卡。", code="relation")


def write_card(db: Database, out: Path, *, replace_any: bool = True) -> tuple[KeyCard, Path]:
    """Write this site's key card to ``out`` (a file, or a folder to put ``<code>.pdkey`` in).

    ``replace_any=False`` (the command line, where nobody was asked): a file already there is replaced only
    when it is this office's own card; another office's card, or any other file, is left alone.
    """
    from partydesk.core.atomicfile import atomic_write
    from partydesk.core.exchange.keys import CARD_SUFFIX

    card, data = own_card(db)
    target = out / f"{''.join(c for c in card.org_code if c.isalnum()) or 'site'}{CARD_SUFFIX}" if out.is_dir() else out
    if not replace_any:
        _refuse_overwriting(db, target)
    atomic_write(target, data)
    return card, target


def _refuse_overwriting(db: Database, target: Path) -> None:
    """ValidationError ``exists`` when ``target`` is a file other than this office's own card."""
    if not target.exists():
        return
    try:
        found = read_card(target.read_bytes())
    except (PackageRejected, OSError):
        found = None
    assert db.site is not None
    if found is not None and found.site_id == db.site.site_id:
        return
    whose = f"是“{found.org_name}”的密钥卡" if found is not None else "不是本单位的密钥卡"
    raise ValidationError(f"文件 {target} 已存在，{whose}，未覆盖。请换一个文件名或文件夹。", field="out",
                          code="exists")
