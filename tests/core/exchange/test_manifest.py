"""The manifest under its strict schema (SYNC.md "Container", guard rails): whatever a file's manifest holds,
the import ends in a report (a refusal naming the manifest), never an exception; and the sender's audit
trail head travels in it, signed, and is kept in the receiver's ledger."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.exchange import container
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.manifest import parse
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_status import exchange_status
from partydesk.core.storage import audit, sync_repo
from tests.core.exchange.conftest import Sites
from tests.core.exchange.forge import resign


def _ledger_size(sites: Sites) -> int:
    with sites.committee.read() as session:
        return len(sync_repo.packages(session))


def _manifest(sites: Sites) -> tuple[Path, dict[str, Any]]:
    sent = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    return sent.path, json.loads(container.read_outer(sent.path.read_bytes()).manifest)


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_manifest_nested_thousands_deep_is_refused_not_a_crash(sites: Sites, dry_run: bool) -> None:
    """A 10 KB file whose manifest is one array inside another, thousands deep (the JSON reader's recursion
    limit), unsigned: refused as a bad manifest, with nothing imported."""
    deep = b"[" * 5000 + b"]" * 5000
    bad = sites.stick / "deep.pdsync"
    bad.write_bytes(container.pack_outer(container.OuterParts(deep, b"\0" * 64, b"")))
    report = import_package(sites.committee, LOCAL_USER, bad, dry_run=dry_run)
    assert (report.status, report.reason) == ("rejected", "bad_manifest")
    assert "manifest" in report.message
    assert _ledger_size(sites) == 0


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(manifest: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = manifest
        for key in parents:
            target = target[key]
        target[last] = value
    return change


@pytest.mark.parametrize(("change", "why"), [
    (_set("channel_seq", 2**70), "beyond SQLite's integers"),
    (_set("channel_seq", -1), "negative"),
    (_set("covers.change_seq_to", 2**63), "one past the largest"),
    (_set("counts.member", -5), "a negative count"),
    (_set("schema_version", "abc"), "not a revision"),
    (_set("payload.sha256", "xyz"), "not a SHA-256"),
    (_set("surprise", 1), "an unknown field"),
    (_set("origin.extra", "x"), "an unknown field inside"),
    (_set("audit_chain_head", {"seq": 3}), "a head without its hash"),
    (_set("audit_chain_head.hash", "0" * 63), "a head hash one digit short"),
])
def test_a_signed_manifest_outside_the_schema_is_refused(sites: Sites, tmp_path: Path,
                                                         change: Callable[[dict[str, Any]], None], why: str) -> None:
    """Fields a buggy or newer writer could sign (re-signed here with the branch's real key) are refused by the
    manifest check, before anything is stored or compared, with nothing imported."""
    path, _manifest_json = _manifest(sites)
    forged = resign(path, sites.branch, change, tmp_path / "forged.pdsync")
    report = import_package(sites.committee, LOCAL_USER, forged)
    assert (report.status, report.reason) == ("rejected", "bad_manifest"), why
    assert _ledger_size(sites) == 0


def test_a_field_given_twice_is_refused(sites: Sites) -> None:
    """Two values for one field: which one counts would depend on the reader, so neither does."""
    _path, manifest = _manifest(sites)
    text = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1)
    twice = text.replace('"kind": "upward"', '"kind": "upward",\n "kind": "receipt"')
    assert twice != text
    parse(text.encode("utf-8"))
    with pytest.raises(PackageRejected) as caught:
        parse(twice.encode("utf-8"))
    assert caught.value.reason == "bad_manifest"


def test_a_creation_time_with_an_offset_is_read_as_utc(sites: Sites, tmp_path: Path) -> None:
    """``created_at`` with an offset instead of Z (another writer's way of saying the same moment) is the same
    UTC time, compared with our clock like any other (before, a TypeError escaped the import)."""
    path, manifest = _manifest(sites)
    utc = manifest["created_at"]
    assert utc.endswith("Z")
    local = datetime.fromisoformat(utc[:-1]).replace(tzinfo=UTC).astimezone(timezone(timedelta(hours=8)))
    assert local.isoformat().endswith("+08:00")
    forged = resign(path, sites.branch, _set("created_at", local.isoformat()), tmp_path / "offset.pdsync")
    assert parse(container.read_outer(forged.read_bytes()).manifest).created_at.isoformat() == utc[:-1]
    report = import_package(sites.committee, LOCAL_USER, forged)
    assert report.status == "applied", report.message


def test_the_senders_audit_head_travels_signed_and_the_receiver_keeps_it(sites: Sites) -> None:
    """The manifest names the branch's audit trail head as it stood at export; the committee's ledger keeps
    it (and ``sync status --json`` shows it), and the branch's trail still holds that entry."""
    with sites.branch.read() as session:
        seq, digest = audit.head(session)
    assert seq > 0
    path, manifest = _manifest(sites)
    assert manifest["audit_chain_head"] == {"seq": seq, "hash": digest}
    assert import_package(sites.committee, LOCAL_USER, path).status == "applied"
    status = exchange_status(sites.committee).to_json()
    assert [p["audit_head"] for p in status["packages"] if p["direction"] == "in"] == [f"{seq}:{digest}"]
    with sites.branch.read() as session:
        kept = {(entry.seq, entry.hash) for entry in audit.latest(session, 1000)}
    assert (seq, digest) in kept


def test_a_manifest_without_an_audit_head_is_still_read(sites: Sites, tmp_path: Path) -> None:
    """Packages written before the head was sent carry none: read as naming none, and imported."""
    path, _manifest_json = _manifest(sites)
    older = resign(path, sites.branch, lambda m: m.pop("audit_chain_head"), tmp_path / "older.pdsync")
    read = parse(container.read_outer(older.read_bytes()).manifest)
    assert (read.audit_seq, read.audit_hash) == (0, "")
    assert import_package(sites.committee, LOCAL_USER, older).status == "applied"
    with sites.committee.read() as session:
        assert [e.audit_head for e in sync_repo.packages(session)] == [""]
