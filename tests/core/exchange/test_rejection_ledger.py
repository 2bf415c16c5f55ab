"""A refused package leaves one row in the ledger (file, sender as the manifest names it, reason, who, when) —
written after the refusal, so the records and the package ledger stay exactly as they were — and a dry run
leaves none. ``sync status`` lists the refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_rejections import record_rejection, rejections
from partydesk.core.services.sync_status import exchange_status
from partydesk.core.storage.database import Database
from partydesk.core.storage.sync_tables import SyncRejection
from tests.core.exchange.conftest import Sites
from tests.core.exchange.forge import flip_bit, resign
from tests.core.exchange.test_rejections import state

COMMITTEE = "1000"


def count(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(SyncRejection)).scalar_one())


def test_a_refused_package_is_recorded_with_sender_and_reason(sites: Sites, tmp_path: Path) -> None:
    """A bad signature: the row names the file, its size, the sender's code and site, the reason and who."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    forged = resign(sent.path, sites.committee, lambda m: None, tmp_path / "forged.pdsync")
    before = state(sites.committee)
    report = import_package(sites.committee, LOCAL_USER, forged)
    assert report.status == "rejected" and report.reason == "bad_signature"
    assert state(sites.committee) == before  # records, package ledger and conflicts untouched
    [row] = rejections(sites.committee)
    assert row.file_name == "forged.pdsync" and row.file_size == forged.stat().st_size
    assert row.org_code == own_organisation(sites.branch).code  # type: ignore[union-attr]
    assert row.site_id == sites.branch.site.site_id  # type: ignore[union-attr]
    assert (row.reason, row.message) == ("bad_signature", report.message)
    assert row.rejected_by == LOCAL_USER.user_id


def test_an_unreadable_file_is_recorded_without_a_sender(sites: Sites, tmp_path: Path) -> None:
    """A file whose manifest cannot be read is still recorded, with no sender named."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    damaged = flip_bit(sent.path, 40, tmp_path / "damaged.pdsync")
    assert import_package(sites.committee, LOCAL_USER, damaged).reason == "damaged"
    [row] = rejections(sites.committee)
    assert (row.org_code, row.site_id, row.reason) == ("", "", "damaged")
    assert row.file_size == damaged.stat().st_size


def test_the_same_file_refused_again_keeps_one_row(sites: Sites, tmp_path: Path) -> None:
    """Checked twice (or tried again after the refusal): one row, dated the last time; another file, its own."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    damaged = flip_bit(sent.path, 40, tmp_path / "damaged.pdsync")
    other = flip_bit(sent.path, 41, tmp_path / "other.pdsync")
    for path in (damaged, damaged, other):
        assert import_package(sites.committee, LOCAL_USER, path).reason == "damaged"
    first, second = rejections(sites.committee)[::-1]
    assert [first.file_name, second.file_name] == ["damaged.pdsync", "other.pdsync"] and count(sites.committee) == 2


def test_a_dry_run_records_nothing(sites: Sites, tmp_path: Path) -> None:
    """Only a real import attempt (or the wizard, for the refusal it showed) writes the ledger row."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    forged = resign(sent.path, sites.committee, lambda m: None, tmp_path / "forged.pdsync")
    dry = import_package(sites.committee, LOCAL_USER, forged, dry_run=True)
    assert dry.status == "rejected" and count(sites.committee) == 0
    assert record_rejection(sites.committee, LOCAL_USER, forged, reason=dry.reason, message=dry.message)
    assert count(sites.committee) == 1


def test_an_applied_package_records_no_rejection(sites: Sites) -> None:
    """A good package leaves the refusals alone."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "already_imported"
    assert count(sites.committee) == 0


def test_status_lists_the_refusals(sites: Sites, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``sync status --json`` carries the refused packages with their reasons; the text names the last one."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    forged = resign(sent.path, sites.branch, lambda m: m.update(schema_version="9999"), tmp_path / "new.pdsync")
    assert import_package(sites.committee, LOCAL_USER, forged).reason == "schema_newer"
    status = exchange_status(sites.committee)
    assert "new.pdsync" in status.text()
    path = sites.committee.path
    sites.committee.close()
    assert main(["sync", "status", "--db", str(path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    [row] = shown["rejected_packages"]
    assert row["file_name"] == "new.pdsync" and row["reason"] == "schema_newer" and row["message"]


def test_a_key_card_or_a_missing_file_is_named_and_not_recorded(sites: Sites, tmp_path: Path) -> None:
    """A key card chosen where a package was meant is called a key card; a file gone (the stick pulled out)
    says so. Neither is a suspect package: the ledger of refusals hears of neither."""
    from partydesk.core.services.sync_keys import own_card

    card = tmp_path / "branch.pdkey"
    card.write_bytes(own_card(sites.branch)[1])
    report = import_package(sites.committee, LOCAL_USER, card)
    assert (report.status, report.reason) == ("rejected", "key_card")
    branch_name = own_organisation(sites.branch).name  # type: ignore[union-attr]
    assert report.message.startswith(f"这是“{branch_name}”的密钥卡，不是数据包") and "登记对方密钥卡" in report.message
    own = tmp_path / "own.pdkey"
    own.write_bytes(own_card(sites.committee)[1])
    assert import_package(sites.committee, LOCAL_USER, own).message.startswith("这是本单位自己的密钥卡")
    gone = import_package(sites.committee, LOCAL_USER, tmp_path / "pulled.pdsync")
    assert (gone.status, gone.reason) == ("rejected", "not_found") and "U盘可能已拔出" in gone.message
    assert count(sites.committee) == 0
    text = tmp_path / "readme.pdsync"
    text.write_text("not a package", encoding="utf-8")
    assert import_package(sites.committee, LOCAL_USER, text).reason == "not_a_package"  # unlike these, recorded
    assert count(sites.committee) == 1


@pytest.mark.parametrize("content", [b"[" * 60_000, b"{" * 60_000, b'{"card":' * 7_000],
                         ids=["brackets", "braces", "card-like"])
def test_deeply_nested_json_is_refused_as_damaged(sites: Sites, tmp_path: Path, content: bytes) -> None:
    """JSON nested tens of thousands deep (no card, no package) is refused as no package and recorded like any
    file refused; the key-card check must not crash on it."""
    path = tmp_path / "deep.pdsync"
    path.write_bytes(content)
    report = import_package(sites.committee, LOCAL_USER, path)
    assert (report.status, report.reason) == ("rejected", "not_a_package")
    assert count(sites.committee) == 1


def test_a_damaged_payload_is_recorded_with_the_sender_its_manifest_names(sites: Sites, tmp_path: Path) -> None:
    """A bit flipped in the encrypted payload: refused as damaged, and recorded with the sender the intact
    manifest names (as the import wizard said it), not as a bare file name."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    size = sent.path.stat().st_size
    damaged = flip_bit(sent.path, size // 2, tmp_path / "damaged.pdsync")
    assert import_package(sites.committee, LOCAL_USER, damaged).reason == "damaged"
    [row] = rejections(sites.committee)
    assert row.reason == "damaged" and row.site_id == sites.branch.site.site_id  # type: ignore[union-attr]
    assert row.org_code


def test_a_refused_file_imported_since_says_so_in_the_ledger(sites: Sites) -> None:
    """Refused at first (the sender's card not yet registered, say), the same file imported later: its refused row
    stays, as a record of what happened, and its note says it was imported since; other refusals are unchanged."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    assert record_rejection(sites.committee, LOCAL_USER, sent.path, reason="unknown_sender",
                            message="发送方的密钥未登记。")
    assert record_rejection(sites.committee, LOCAL_USER, sites.stick / "other.pdsync", reason="damaged",
                            message="文件已损坏。")
    notes = {e.file_name: e.gap for e in exchange_status(sites.committee).ledger() if e.state == "rejected"}
    assert notes == {sent.path.name: "发送方的密钥未登记。", "other.pdsync": "文件已损坏。"}
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    notes = {e.file_name: e.gap for e in exchange_status(sites.committee).ledger() if e.state == "rejected"}
    refused = notes[sent.path.name]
    assert refused.startswith("发送方的密钥未登记。（此后已于 ") and refused.endswith(" 导入）")
    assert notes["other.pdsync"] == "文件已损坏。"
