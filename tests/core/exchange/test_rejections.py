"""Every package SYNC.md says to refuse is refused before any write: flipped bits, truncation, a swapped
payload, unknown / wrong / revoked keys, a forked sender, bad clocks, a newer schema, another destination."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.exchange import container
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_keys import own_card, register_card
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import Database
from tests.core.exchange.conftest import Sites, introduce, make_branch, make_committee
from tests.core.exchange.forge import flip_bit, resign

COMMITTEE = "1000"


def state(db: Database) -> str:
    """A fingerprint of everything an import could write: the records and the ledger."""
    with db.read() as session:
        from partydesk.core.storage.sync_records import owned_records

        records = sorted(str(r) for site in {p.site_id for p in sync_repo.peers(session)}
                         for r in owned_records(session, site, 0))
        ledger = sorted(str(p) for p in sync_repo.packages(session))
        conflicts = sync_repo.open_conflicts(session)
    return hashlib.sha256(repr((records, ledger, conflicts)).encode()).hexdigest()


def refused(db: Database, path: Path, reason: str | None = None) -> str:
    before = state(db)
    report = import_package(db, LOCAL_USER, path)
    assert report.status == "rejected", (report.status, report.counts)
    assert report.message
    if reason is not None:
        assert report.reason == reason, report.message
    assert state(db) == before
    return report.reason


def test_any_flipped_bit_is_refused(sites: Sites, tmp_path: Path) -> None:
    """A bit flipped in the ZIP headers, the manifest, the signature or the payload: refused, nothing written."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    size = sent.path.stat().st_size
    offsets = sorted({*range(0, 120), *range(0, size, max(1, size // 150)), size - 1, size - 30})
    for offset in offsets:
        refused(sites.committee, flip_bit(sent.path, offset, tmp_path / "flipped.pdsync"))
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"


def test_truncated_file_is_refused(sites: Sites, tmp_path: Path) -> None:
    """A package cut short (the stick pulled out) is refused as damaged."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    data = sent.path.read_bytes()
    for keep in (0, 10, len(data) // 2, len(data) - 1):
        cut = tmp_path / "cut.pdsync"
        cut.write_bytes(data[:keep])
        assert refused(sites.committee, cut) == "damaged"


def test_payload_swapped_from_another_package_is_refused(sites: Sites, tmp_path: Path) -> None:
    """The manifest of one package with the payload of another: the signed hashes do not match."""
    one = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    two = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    a, b = (container.read_outer(p.path.read_bytes()) for p in (one, two))
    swapped = tmp_path / "swapped.pdsync"
    swapped.write_bytes(container.pack_outer(container.OuterParts(a.manifest, a.signature, b.payload)))
    assert refused(sites.committee, swapped) == "damaged"


def test_package_from_an_unregistered_site_is_refused(tmp_path: Path) -> None:
    """A branch the committee never registered: unknown key."""
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    (tmp_path / "o").mkdir()
    stranger = make_branch(tmp_path / "b" / "s.db")
    committee = make_committee(tmp_path / "c" / "c.db")
    introduce(stranger, committee)
    other = make_committee(tmp_path / "o" / "other.db")  # same code, another installation
    try:
        sent = export_package(stranger, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tmp_path)
        # Addressed to the registered committee: the other one does not know the sender's key.
        assert refused(other, sent.path) == "unknown_key"
        report = import_package(other, LOCAL_USER, sent.path)
        assert "密钥未登记" in report.message and "已经登记" not in report.message
    finally:
        for db in (stranger, committee, other):
            db.close()


def test_signature_by_a_different_key_is_refused(sites: Sites, tmp_path: Path) -> None:
    """A manifest re-signed by someone else (here: the committee's own key) fails the signature check."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    forged = resign(sent.path, sites.committee, lambda m: None, tmp_path / "forged.pdsync")
    assert refused(sites.committee, forged) == "bad_signature"


def test_revoked_key_is_refused(sites: Sites) -> None:
    """After the branch's key is revoked at the committee, its packages are refused."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    with sites.committee.write(LOCAL_USER, action="sync.revoke") as session:
        key_id = sync_repo.current_key(session, sites.branch.site.site_id).key_id  # type: ignore[union-attr]
        assert sync_repo.revoke_key(session, key_id)
    assert refused(sites.committee, sent.path) == "revoked_key"
    message = import_package(sites.committee, LOCAL_USER, sent.path).message
    assert "已被吊销" in message and "更换密钥" in message and "重新登记" in message, "it says what to do next"


def test_a_package_chosen_as_a_key_card_is_called_a_package(sites: Sites) -> None:
    """Picking a .pdsync where the key card was asked for: said so, not 文件过大 (a package is large)."""
    from partydesk.core.exchange.errors import PackageRejected
    from partydesk.core.exchange.keys import read_card

    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    with pytest.raises(PackageRejected) as caught:
        read_card(sent.path.read_bytes())
    assert caught.value.reason == "bad_keycard"
    assert caught.value.message.startswith("这不是密钥卡，而是数据包") and "导入数据包" in caught.value.message


def test_forked_sender_is_refused(sites: Sites, tmp_path: Path) -> None:
    """Two different packages with the same channel number (a branch restored from backup): alarm."""
    first = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    second = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    fork = resign(second.path, sites.branch, lambda m: m.update(channel_seq=first.channel_seq),
                  tmp_path / "fork.pdsync")
    assert import_package(sites.committee, LOCAL_USER, first.path).status == "applied"
    assert refused(sites.committee, fork) == "forked"


@pytest.mark.parametrize("created_at", ["2000-01-01T08:00:00Z", "2099-06-01T08:00:00Z"])
def test_a_sender_clock_at_2000_or_2099_is_caught(sites: Sites, tmp_path: Path, created_at: str) -> None:
    """A package dated 2000 or 2099 is refused with the reason 'clock'."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    skewed = resign(sent.path, sites.branch, lambda m: m.update(created_at=created_at), tmp_path / "clock.pdsync")
    assert refused(sites.committee, skewed) == "clock"


def test_newer_schema_is_refused(sites: Sites, tmp_path: Path) -> None:
    """A package from a newer program: 'please upgrade', nothing applied."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    newer = resign(sent.path, sites.branch, lambda m: m.update(schema_version="9999"), tmp_path / "new.pdsync")
    assert refused(sites.committee, newer) == "schema_newer"


def test_package_for_another_site_is_refused(sites: Sites, tmp_path: Path) -> None:
    """A package the committee wrote for the branch, imported at the committee itself: refused as its own
    (not "the sender's key is not registered"); the branch's package imported at another branch that never
    met it: refused as addressed to another office. Neither is listed as a refused package: they are simply
    not this office's to import, as a folder import leaves them alone."""
    from dataclasses import replace

    from partydesk.core.demo import DEMO_ORG, populate
    from partydesk.core.services.sync_rejections import rejections
    from partydesk.core.storage.database import open_database

    export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    first = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    import_package(sites.committee, LOCAL_USER, first.path)
    receipt = export_package(sites.committee, LOCAL_USER, to_org_code="3301060012", out_dir=sites.stick)
    assert refused(sites.committee, receipt.path) == "own_package"
    report = import_package(sites.committee, LOCAL_USER, receipt.path)
    assert "本单位自己导出的数据包（发往组织代码 3301060012）" in report.message
    neighbour = open_database(tmp_path / "n.db")
    try:
        populate(neighbour, seed=7, members=3, organisation=replace(DEMO_ORG, code="3301060099"))
        assert refused(neighbour, first.path) == "wrong_destination"
        said = import_package(neighbour, LOCAL_USER, first.path).message
        assert f"组织代码 {COMMITTEE} 的单位" in said and "请把它交给对方导入" in said
        assert rejections(neighbour) == []
    finally:
        neighbour.close()
    assert rejections(sites.committee) == []


def test_a_package_from_a_reinstalled_branch_names_the_registered_office(sites: Sites, tmp_path: Path) -> None:
    """The same organisation code from a new installation (new keys): refused as an unknown key, but saying the
    office is registered and what to check, not asking to register a card the office sees listed already."""
    (tmp_path / "again").mkdir()
    again = make_branch(tmp_path / "again" / "again.db")  # the same demo branch code, set up anew
    try:
        _card, committee_card = own_card(sites.committee)
        register_card(again, LOCAL_USER, committee_card, confirmed=True)
        with sites.committee.read() as session:
            registered = sync_repo.peer_by_code(session, own_organisation(again).code)  # type: ignore[union-attr]
        assert registered, "the demo branches share one code"
        sent = export_package(again, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
        report = import_package(sites.committee, LOCAL_USER, sent.path)
        assert (report.status, report.reason) == ("rejected", "unknown_key")
        assert registered[0].org_name in report.message and "已经登记" in report.message
        assert "另一台电脑或重新安装" in report.message
        # The other way: the committee writes to the code it registered (the old installation); the new one
        # is told the package is for this office's other installation, and what to do.
        down = export_package(sites.committee, LOCAL_USER, to_org_code=own_organisation(again).code,  # type: ignore[union-attr]
                              out_dir=sites.stick, snapshot=True)
        back = import_package(again, LOCAL_USER, down.path)
        assert (back.status, back.reason) == ("rejected", "wrong_destination")
        assert "发给本单位" in back.message and "重装前" in back.message and "密钥卡交给发送方" in back.message
    finally:
        again.close()


def test_a_file_that_is_no_package_is_named_as_such(sites: Sites, tmp_path: Path) -> None:
    """An Excel workbook renamed .pdsync (a ZIP of many entries, none a package's) and a PDF: refused as not a
    package, saying a wrong file may have been chosen (before: "damaged, too many entries"), and listed among
    the refused files as such; a package with a changed byte is still called damaged."""
    import zipfile

    from partydesk.core.services.sync_rejections import rejections

    workbook = tmp_path / "花名册.pdsync"
    with zipfile.ZipFile(workbook, "w") as archive:
        for name in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
                     "docProps/app.xml"):
            archive.writestr(name, "<x/>")
    pdf = tmp_path / "通知.pdsync"
    pdf.write_bytes(b"%PDF-1.7\n" + b"0" * 2000)
    for path in (workbook, pdf):
        report = import_package(sites.committee, LOCAL_USER, path)
        assert (report.status, report.reason) == ("rejected", "not_a_package")
        assert "不是 partydesk 数据包" in report.message and "选错了文件" in report.message
    assert [r.reason for r in rejections(sites.committee)] == ["not_a_package"] * 2
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    for offset in (40, 200):
        assert refused(sites.committee, flip_bit(sent.path, offset, tmp_path / "flipped.pdsync")) == "damaged"


def test_a_refusal_names_the_package_and_sender_its_file_claims(sites: Sites, tmp_path: Path) -> None:
    """Refused after its manifest was read (here: signed by another key), the report still gives the package id
    and the sender's code the file states (the command line's JSON had them empty); a file whose manifest
    cannot be read gives neither."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    forged = resign(sent.path, sites.committee, lambda m: None, tmp_path / "forged.pdsync")
    report = import_package(sites.committee, LOCAL_USER, forged)
    assert report.reason == "bad_signature"
    branch_code = own_organisation(sites.branch).code  # type: ignore[union-attr]
    assert (report.package_id, report.origin) == (sent.package_id, branch_code)
    assert report.to_json()["package_id"] == sent.package_id
    cut = tmp_path / "cut.pdsync"
    cut.write_bytes(sent.path.read_bytes()[:100])
    assert (import_package(sites.committee, LOCAL_USER, cut).package_id,) == ("",)


def test_a_refused_clock_is_said_in_this_office_s_time(sites: Sites, tmp_path: Path) -> None:
    """Written 2099-06-01 20:00 UTC, read in Beijing: the refusal names 2099-06-02 04:00, the time the office's own
    clock would have shown, not the UTC one."""
    from tests.conftest import time_zone

    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    skewed = resign(sent.path, sites.branch, lambda m: m.update(created_at="2099-06-01T20:00:00Z"),
                    tmp_path / "clock.pdsync")
    with time_zone("Asia/Shanghai"):
        report = import_package(sites.committee, LOCAL_USER, skewed)
    assert report.reason == "clock" and "数据包的导出时间 2099-06-02 04:00 不可信" in report.message, report.message
