"""The lines a package carries besides our own changed records, and what an import does with them (SYNC.md:
downward packages carry corrections and key updates).

Export (``package_lines``, one call from ``sync_export``): our records name the parent's correction they were
edited on top of as ``base_version``; towards a branch, every record of that branch we corrected and still
hold as our version, with the version it replaced; towards any peer, each key notice of ours it has not yet
acknowledged (a new key pair signed with the old key; an old key revoked).

Import: ``key_notices`` takes the key notices out of a package and checks each against the key that signed
the package (a notice signed by any other key rejects the whole package); ``apply_notices`` pins a new key or
revokes an old one inside the import's transaction; ``complete_rotation`` retires our old key once every peer
has acknowledged the new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from partydesk.core.changes import Actor
from partydesk.core.exchange import crypto
from partydesk.core.exchange.canonical import canonical, data_hash
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.keys import (
    NOTICE_TYPE,
    KeyNotice,
    SiteKeys,
    every_key,
    keys_dir_for,
    next_keys,
    notice_body,
    promote_next,
    read_notice,
)
from partydesk.core.exchange.manifest import Manifest
from partydesk.core.services.sync_keys import site_keys
from partydesk.core.storage import downward_repo, refusal_repo, sync_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.downward_repo import Line

# -- export ----------------------------------------------------------------------------------------


def _notice_line(own_site: str, notice: downward_repo.Notice) -> Line:
    import json

    data = json.loads(notice.body)
    record = {"type": NOTICE_TYPE, "type_version": 1, "id": f"{notice.action}:{notice.key_id}",
              "owner_site": own_site, "version": "", "base_version": None, "deleted": False,
              "updated_at": "", "updated_by": "", "data": data, "row_hash": data_hash(data)}
    return NOTICE_TYPE, canonical(record)


def package_lines(session: Session, own_site: str, peer: sync_repo.Peer, after_seq: int,
                  lines: Sequence[Line]) -> list[Line]:
    """Our changed records and those ``peer`` refused (with their bases), then the corrections, key notices and
    refusals owed to ``peer``."""
    again = refusal_repo.resend_lines(session, own_site, peer.site_id, lines)
    out = downward_repo.with_bases(session, [*lines, *again])
    if peer.relation == "child":
        out += downward_repo.correction_lines(session, own_site, peer.site_id, after_seq)
    out += [_notice_line(own_site, n) for n in downward_repo.notices(session, peer.site_id) if not n.acknowledged]
    return out + refusal_repo.refusal_lines(session, own_site, peer.site_id)


# -- import ----------------------------------------------------------------------------------------


def opening_keys(db: Database, manifest: Manifest) -> SiteKeys:
    """Our key pair the package was encrypted to (the current one, the one being introduced, or a retired one)."""
    assert db.site is not None
    held = every_key(keys_dir_for(db.path), db.site.site_id)
    return next((k for k in held if k.key_id in manifest.recipients), held[0])


def key_notices(db: Database, manifest: Manifest,
                records: list[dict[str, Any]]) -> tuple[list[KeyNotice], list[dict[str, Any]]]:
    """The package's key notices, each checked against the key that signed the package, and the other records."""
    found = [r for r in records if r.get("type") == NOTICE_TYPE]
    if not found:
        return [], records
    with db.read() as session:
        signer = sync_repo.peer_key(session, manifest.origin_key_id)
        known = {k.key_id: k for k in sync_repo.keys_of(session, manifest.origin.site_id)}
    assert signer is not None  # the package's signature was checked against it
    notices = []
    for record in found:
        notice = read_notice(record.get("data"), crypto.unb64(signer.signing_public))
        if notice.site_id != manifest.origin.site_id or notice.signed_by != signer.key_id:
            raise PackageRejected("bad_key_update", "数据包里的密钥更新不是由签署这个数据包的密钥签发的，"
                                  "未导入任何数据。请与对方联系核实。")
        if notice.action == "revoke" and (notice.key_id == signer.key_id or notice.key_id not in known):
            continue  # a key we never pinned, or the one signing this package: nothing to revoke
        notices.append(notice)
    return notices, [r for r in records if r.get("type") != NOTICE_TYPE]


def apply_notices(session: Session, peer: sync_repo.Peer, notices: Sequence[KeyNotice], by: str) -> list[str]:
    """Pin the new keys and revoke the old ones the notices name; returns what changed, in words."""
    done = []
    for notice in notices:
        if notice.action == "update":
            if sync_repo.register_peer(session, site_id=peer.site_id, org_code=peer.org_code, org_name=peer.org_name,
                                       relation=peer.relation, key_id=notice.key_id,
                                       signing_public=crypto.b64(notice.signing_public),
                                       encryption_public=crypto.b64(notice.encryption_public), by=by):
                done.append(f"“{peer.org_name}”更换了密钥，新指纹 {notice.fingerprint}，已自动登记。")
        elif sync_repo.revoke_key(session, notice.key_id):
            downward_repo.note_revocation(session, key_id=notice.key_id, site_id=peer.site_id,
                                          reason="对方声明旧密钥作废", source="notice", by=by)
            done.append(f"“{peer.org_name}”声明旧密钥 {notice.fingerprint} 作废，已吊销。")
    return done


def notices_ahead(session: Session, peer: sync_repo.Peer, notices: Sequence[KeyNotice]) -> list[str]:
    """What ``apply_notices`` would do, in words, for the import check (nothing is written): a new key that would
    be registered, an old one that would be revoked."""
    known = {k.key_id: k for k in sync_repo.keys_of(session, peer.site_id)}
    ahead = []
    for notice in notices:
        if notice.action == "update" and notice.key_id not in known:
            ahead.append(f"“{peer.org_name}”更换了密钥，新指纹 {notice.fingerprint}：导入时自动登记。")
        elif notice.action != "update" and notice.key_id in known and not known[notice.key_id].revoked:
            ahead.append(f"“{peer.org_name}”声明旧密钥 {notice.fingerprint} 作废：导入时吊销。")
    return ahead


def waiting_for(session: Session, key_id: str) -> list[str]:
    """Site ids of the offices yet to acknowledge our new key (an office whose keys we revoked cannot: it is
    not waited for; it learns our key when it registers again)."""
    return [n.peer_site for n in downward_repo.notices(session)
            if n.action == "update" and n.key_id == key_id and not n.acknowledged
            and sync_repo.current_key(session, n.peer_site) is not None]


def complete_rotation(db: Database, actor: Actor) -> bool:
    """When every peer has acknowledged our new key: it takes over, and the old one is announced revoked."""
    assert db.site is not None
    keys_dir = keys_dir_for(db.path)
    following = next_keys(keys_dir, db.site.site_id)
    if following is None:
        return False
    with db.read() as session:
        if waiting_for(session, following.key_id):
            return False
    old = site_keys(db)
    with db.write(actor, action="sync.key_retire") as session:
        downward_repo.drop_notices(session, "update", following.key_id)
        if not any(n.action == "revoke" and n.key_id == old.key_id for n in downward_repo.notices(session)):
            body = notice_body("revoke", db.site.site_id, old.key_id, following)
            downward_repo.add_notices(session, action="revoke", key_id=old.key_id, signed_by=following.key_id,
                                      body=canonical(body).decode("utf-8"))
    promote_next(keys_dir, db.site.site_id)
    return True
