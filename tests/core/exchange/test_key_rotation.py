"""Key rotation and revocation (SYNC.md "Keys"): a new key travels signed with the old one until the other side
acknowledges it, then takes over and the old key is announced revoked; a key update signed by any key but the
package's is refused; a revoked office's packages are refused until it hands over a new key card."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from partydesk.core.changes import LOCAL_USER
from partydesk.core.errors import ValidationError
from partydesk.core.exchange import container
from partydesk.core.exchange.keys import NOTICE_TYPE, SiteKeys, notice_body
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.sync_export import Exported, export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_keys import own_card, register_card, site_keys
from partydesk.core.services.sync_rotate import key_state, peer_keys, revoke_peer, rotate_keys
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member
from tests.core.exchange.conftest import Sites
from tests.core.exchange.test_corrections import reseal


def branch_code(sites: Sites) -> str:
    return own_organisation(sites.branch).code  # type: ignore[union-attr]


def touch(db: Database) -> None:
    """A local change, so the branch has something to send."""
    with db.write(LOCAL_USER, action="test.edit") as session:
        member = session.query(Member).filter(Member.deleted.is_(False)).order_by(Member.id).first()
        assert member is not None
        member.address = (member.address or "") + "甲"


def up(sites: Sites) -> Exported:
    return export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)


def down(sites: Sites) -> Exported:
    return export_package(sites.committee, LOCAL_USER, to_org_code=branch_code(sites), out_dir=sites.stick)


def pinned(db: Database, site_id: str) -> list[tuple[str, bool]]:
    with db.read() as session:
        return [(k.key_id, k.revoked) for k in sync_repo.keys_of(session, site_id)]


def test_a_branch_key_rotation_is_pinned_then_takes_over_and_the_old_key_is_revoked(sites: Sites) -> None:
    branch_site = sites.branch.site.site_id  # type: ignore[union-attr]
    old = site_keys(sites.branch)
    up(sites)  # first contact before the rotation
    state = rotate_keys(sites.branch, LOCAL_USER)
    assert state.next_fingerprint and state.fingerprint == old.fingerprint and len(state.waiting) == 1
    with pytest.raises(ValidationError) as again:
        rotate_keys(sites.branch, LOCAL_USER)
    assert again.value.code == "rotation_pending"
    first = up(sites)  # nothing changed but the key: the notice alone makes a package
    checked = import_package(sites.committee, LOCAL_USER, first.path, dry_run=True)  # seen before it is taken
    assert [line for line in checked.keys if state.next_fingerprint in line and "导入时自动登记" in line]
    assert [k for k, _revoked in pinned(sites.committee, branch_site)][-1] == old.key_id  # nothing written
    report = import_package(sites.committee, LOCAL_USER, first.path)
    assert report.status == "applied" and report.keys and state.next_fingerprint in report.keys[0]
    assert [k for k, _revoked in pinned(sites.committee, branch_site)][-1] != old.key_id
    assert site_keys(sites.branch).key_id == old.key_id  # the old key signs until the receipt comes back
    assert import_package(sites.branch, LOCAL_USER, down(sites).path).acknowledged >= 1
    new = site_keys(sites.branch)
    assert new.key_id != old.key_id and new.fingerprint == state.next_fingerprint
    assert key_state(sites.branch).next_fingerprint == ""
    touch(sites.branch)
    revoking = up(sites).path  # signed by the new key
    checked = import_package(sites.committee, LOCAL_USER, revoking, dry_run=True)
    assert [line for line in checked.keys if old.fingerprint in line and "导入时吊销" in line]
    report = import_package(sites.committee, LOCAL_USER, revoking)
    assert report.status == "applied" and any("作废" in line for line in report.keys)
    assert pinned(sites.committee, branch_site) == [(old.key_id, True), (new.key_id, False)]


def test_a_committee_rotation_reaches_the_branch_in_a_downward_package(sites: Sites) -> None:
    committee_site = sites.committee.site.site_id  # type: ignore[union-attr]
    old = site_keys(sites.committee)
    import_package(sites.committee, LOCAL_USER, up(sites).path)
    state = rotate_keys(sites.committee, LOCAL_USER)
    report = import_package(sites.branch, LOCAL_USER, down(sites).path)
    assert report.status == "applied" and len(pinned(sites.branch, committee_site)) == 2
    # The branch now encrypts to the new key, which the committee can open before it signs with it.
    touch(sites.branch)
    back = import_package(sites.committee, LOCAL_USER, up(sites).path)
    assert back.status == "applied" and back.acknowledged >= 1
    assert site_keys(sites.committee).fingerprint == state.next_fingerprint != old.fingerprint
    assert import_package(sites.branch, LOCAL_USER, down(sites).path).status == "applied"
    assert pinned(sites.branch, committee_site)[0] == (old.key_id, True)


def stranger() -> SiteKeys:
    return SiteKeys("x", Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def test_a_key_update_signed_by_an_unknown_key_is_refused_and_nothing_is_written(sites: Sites,
                                                                                 tmp_path: Path) -> None:
    branch_site = sites.branch.site.site_id  # type: ignore[union-attr]
    rogue, signer = stranger(), stranger()
    done = up(sites)

    def smuggle(records: list[dict[str, Any]]) -> None:
        rogue_id = SiteKeys(branch_site, rogue.signing, rogue.encryption).key_id
        data = notice_body("update", branch_site, rogue_id, signer, signing_public=rogue.signing_public,
                           encryption_public=rogue.encryption_public)
        data["signed_by"] = site_keys(sites.branch).key_id  # claims the branch's key; the signature says otherwise
        records.append({"type": NOTICE_TYPE, "type_version": 1, "id": f"update:{rogue_id}",
                        "owner_site": branch_site, "version": "", "base_version": None, "deleted": False,
                        "updated_at": "", "updated_by": "", "data": data, "row_hash": ""})

    before = pinned(sites.committee, branch_site)
    report = import_package(sites.committee, LOCAL_USER, reseal(done.path, sites.branch, smuggle,
                                                                tmp_path / "rogue.pdsync"))
    assert report.status == "rejected" and report.reason == "bad_key_update"
    assert pinned(sites.committee, branch_site) == before
    with sites.committee.read() as session:
        assert sync_repo.package(session, done.package_id) is None
    assert import_package(sites.committee, LOCAL_USER, done.path).status == "applied"


def test_a_revoked_branch_is_refused_until_it_brings_a_new_key_card(sites: Sites, tmp_path: Path) -> None:
    code = branch_code(sites)
    written = up(sites)
    revoked = revoke_peer(sites.committee, LOCAL_USER, code, reason="电脑被盗")
    assert revoked.fingerprints == [site_keys(sites.branch).fingerprint]
    [office] = peer_keys(sites.committee)
    assert office.revoked and office.reason == "电脑被盗" and office.fingerprint == ""
    report = import_package(sites.committee, LOCAL_USER, written.path)
    assert report.status == "rejected" and report.reason == "revoked_key"
    with pytest.raises(ValidationError) as no_key:
        down(sites)
    assert no_key.value.code == "no_key"
    _card, stolen_card = own_card(sites.branch)
    with pytest.raises(ValidationError) as stale:
        register_card(sites.committee, LOCAL_USER, stolen_card, confirmed=True)
    assert stale.value.code == "revoked"
    state = rotate_keys(sites.branch, LOCAL_USER, now=True)
    assert state.next_fingerprint == "" and state.fingerprint != revoked.fingerprints[0]
    card, fresh = own_card(sites.branch)
    register_card(sites.committee, LOCAL_USER, fresh, confirmed=True)
    assert not peer_keys(sites.committee)[0].revoked
    touch(sites.branch)
    assert import_package(sites.committee, LOCAL_USER, up(sites).path).status == "applied"
    assert json.loads(container.read_outer(written.path.read_bytes()).manifest)["origin"]["key_id"] != card.key_id


def test_a_rotation_does_not_wait_for_an_office_whose_key_was_revoked(sites: Sites) -> None:
    state = rotate_keys(sites.committee, LOCAL_USER)
    assert key_state(sites.committee).waiting
    revoke_peer(sites.committee, LOCAL_USER, branch_code(sites), reason="电脑被盗")
    assert key_state(sites.committee).next_fingerprint == ""
    assert site_keys(sites.committee).fingerprint == state.next_fingerprint


def test_a_new_key_card_for_a_registered_office_retires_its_old_key(sites: Sites) -> None:
    """The branch replaced its key at once (its computer was stolen) and the committee registers the new card
    without revoking anything first: the old key is retired by the registration, named beforehand and after,
    and a package the thief signs with it is refused. The card registered again changes nothing."""
    from partydesk.core.services.sync_keys import keys_replaced

    old = site_keys(sites.branch)
    touch(sites.branch)
    stolen = up(sites)  # written with the old key before the theft was noticed
    rotate_keys(sites.branch, LOCAL_USER, now=True)
    card, fresh = own_card(sites.branch)
    assert keys_replaced(sites.committee, card) == [old.fingerprint]
    done = register_card(sites.committee, LOCAL_USER, fresh, confirmed=True)
    assert done.retired == [old.fingerprint] and done.new
    assert pinned(sites.committee, card.site_id) == [(old.key_id, True), (card.key_id, False)]
    refused = import_package(sites.committee, LOCAL_USER, stolen.path)
    assert refused.status == "rejected" and refused.reason == "revoked_key"
    assert "用旧密钥写出" in refused.message and "新的密钥卡" in refused.message  # not "revoked" as after a theft
    touch(sites.branch)
    assert import_package(sites.committee, LOCAL_USER, up(sites).path).status == "applied"
    assert keys_replaced(sites.committee, card) == []
    again = register_card(sites.committee, LOCAL_USER, fresh, confirmed=True)
    assert again.retired == [] and not again.new
