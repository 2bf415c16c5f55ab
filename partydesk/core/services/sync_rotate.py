"""Changing this site's keys and revoking a peer's (SYNC.md "Keys": rotation and revocation travel in signed
packages).

``rotate_keys`` makes a new key pair. Until every registered peer has acknowledged a package carrying it,
the old key keeps signing and each package carries the new public keys signed with the old one; then the new
key takes over and the next packages announce the old one revoked (``sync_downward``). With ``now`` (the
computer or its key was stolen) the new key takes over at once and the other side must register our new key
card — a key update signed by a stolen key proves nothing.

``revoke_peer`` (at a committee: a branch's computer was stolen) revokes every key of that office: its
packages are refused with ``revoked_key`` until it hands over a new key card. Other branches hear nothing of
it: a branch never sees its fellow branches' keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.errors import ValidationError
from partydesk.core.exchange import crypto
from partydesk.core.exchange.canonical import canonical
from partydesk.core.exchange.keys import keys_dir_for, make_next, next_keys, notice_body, promote_next
from partydesk.core.services.sync_downward import complete_rotation, waiting_for
from partydesk.core.services.sync_keys import site_keys
from partydesk.core.storage import downward_repo, sync_repo
from partydesk.core.storage.database import Database


@dataclass(frozen=True)
class KeyState:
    """This site's keys: the one signing now and, during a rotation, the new one and who has yet to take it."""

    fingerprint: str
    next_fingerprint: str
    waiting: list[str]  # names of the offices that have not acknowledged the new key yet
    changes: Changes = field(default_factory=Changes)

    def text(self) -> str:
        """In words, for the exchange page and the command line."""
        if not self.next_fingerprint:
            return f"本单位当前密钥指纹：{self.fingerprint}"
        return (f"正在更换密钥：新指纹 {self.next_fingerprint}。"
                f"还需 {len(self.waiting)} 个单位确认（{'、'.join(self.waiting)}）："
                "给它们各导出一次数据包，待回执回来后新密钥自动启用，旧密钥随即作废。")


def key_state(db: Database) -> KeyState:
    """The current fingerprint and any rotation under way."""
    keys = site_keys(db)
    assert db.site is not None
    following = next_keys(keys_dir_for(db.path), db.site.site_id)
    if following is None:
        return KeyState(keys.fingerprint, "", [])
    with db.read() as session:
        names = {p.site_id: p.org_name for p in sync_repo.peers(session)}
        waiting = [names.get(site, site[:8]) for site in waiting_for(session, following.key_id)]
    return KeyState(keys.fingerprint, following.fingerprint, waiting)


def rotate_keys(db: Database, actor: Actor, *, now: bool = False) -> KeyState:
    """Start a key rotation (or, with ``now``, replace the key at once after a theft)."""
    old = site_keys(db)
    assert db.site is not None
    keys_dir = keys_dir_for(db.path)
    pending = next_keys(keys_dir, db.site.site_id)
    if pending is not None and not now:
        raise ValidationError(f"上次更换的密钥（新指纹 {pending.fingerprint}）还没有被所有单位确认，"
                              "请先给它们导出数据包并导入回执。", code="rotation_pending")
    new = make_next(keys_dir, db.site.site_id)
    with db.write(actor, action="sync.rotate_key") as session:
        for notice in downward_repo.notices(session):
            if notice.action == "update":
                downward_repo.drop_notices(session, "update", notice.key_id)
        if not now:
            body = notice_body("update", db.site.site_id, new.key_id, old, signing_public=new.signing_public,
                               encryption_public=new.encryption_public)
            downward_repo.add_notices(session, action="update", key_id=new.key_id, signed_by=old.key_id,
                                      body=canonical(body).decode("utf-8"))
    if now:
        promote_next(keys_dir, db.site.site_id)
    else:
        complete_rotation(db, actor)  # no peer registered yet: nothing to wait for
    state = key_state(db)
    return KeyState(state.fingerprint, state.next_fingerprint, state.waiting, Changes.of(ChangeKind.SYNC))


@dataclass(frozen=True)
class Revoked:
    """What revoking an office's keys did."""

    org_name: str
    fingerprints: list[str]
    changes: Changes


def revoke_peer(db: Database, actor: Actor, org_code: str, *, reason: str = "") -> Revoked:
    """Revoke every key of the registered office with ``org_code``."""
    reason = reason.strip() or "未说明原因"
    with db.write(actor, action="sync.revoke") as session:  # a rotation of ours waits for it no longer
        found = sync_repo.peer_by_code(session, org_code)
        if not found:
            raise ValidationError(f"没有登记组织代码为“{org_code}”的单位。", field="org_code", code="unknown_peer")
        peer = found[0]
        revoked = []
        for key in sync_repo.keys_of(session, peer.site_id):
            if sync_repo.revoke_key(session, key.key_id):
                downward_repo.note_revocation(session, key_id=key.key_id, site_id=peer.site_id, reason=reason,
                                              source="here", by=actor.user_id)
                revoked.append(crypto.fingerprint_of(key.key_id))
        if not revoked:
            raise ValidationError(f"“{peer.org_name}”的密钥都已吊销，无需再吊销。", code="already_revoked")
    complete_rotation(db, actor)
    return Revoked(peer.org_name, revoked, Changes.of(ChangeKind.SYNC, peer.site_id))


@dataclass(frozen=True)
class PeerKeys:
    """An office's key situation as the exchange page shows it."""

    org_code: str
    org_name: str
    relation: str
    fingerprint: str  # of the key packages are encrypted to ("" when every key is revoked)
    revoked: bool
    reason: str
    revoked_at: datetime | None


def peer_keys(db: Database) -> list[PeerKeys]:
    """Every registered office with its current fingerprint, or why its keys were revoked."""
    out = []
    with db.read() as session:
        reasons = downward_repo.revocation_reasons(session)
        for peer in sync_repo.peers(session):
            current = sync_repo.current_key(session, peer.site_id)
            last = [reasons[k.key_id] for k in sync_repo.keys_of(session, peer.site_id) if k.key_id in reasons]
            latest = max(last, key=lambda r: r[2]) if last else None
            out.append(PeerKeys(peer.org_code, peer.org_name, peer.relation,
                                crypto.fingerprint_of(current.key_id) if current else "", current is None,
                                latest[0] if latest and current is None else "",
                                latest[2] if latest and current is None else None))
    return out
