"""The hashes of a package are taken on a second core beside the next step, and a package is still refused
for the first check that fails, in SYNC.md's order: a changed ciphertext for its hash, not because it no
longer decrypts; a plaintext that does not match its hash for that, not for the records it then holds. An
export whose own package does not check out is refused as before, and keeps nothing."""

from __future__ import annotations

import json
import threading
import weakref
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.exchange import container, parallel
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.services import sync_export
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_keys import site_keys
from partydesk.core.storage import sync_repo
from tests.core.exchange.conftest import Sites
from tests.core.exchange.forge import reseal, resign
from tests.core.exchange.test_rejections import state
from tests.core.exchange.test_round_trip import dump


def test_a_pass_gives_its_value_or_its_exception_and_may_start_passes_of_its_own() -> None:
    assert parallel.started(sum, [1, 2, 3]).result(timeout=10) == 6
    with pytest.raises(ZeroDivisionError):
        parallel.started(divmod, 1, 0).result(timeout=10)
    assert parallel.started(lambda: threading.current_thread() is not threading.main_thread()).result(timeout=10)
    nested = [parallel.started(lambda n=n: parallel.started(abs, -n).result(timeout=10)) for n in range(8)]
    assert [f.result(timeout=10) for f in nested] == list(range(8))


def test_pieces_fed_are_taken_in_order_and_a_failure_is_raised_once_all_are_handed_over() -> None:
    taken: list[int] = []
    with parallel.Fed(taken.append, backlog=2) as fed:
        for n in range(50):
            fed.feed(n)
    assert taken == list(range(50))

    def take(n: int) -> None:
        if n == 3:
            raise ValueError("piece 3")
        taken.append(n)

    def feed_all() -> None:
        with parallel.Fed(take, backlog=1) as fed:
            for n in range(20):  # the pieces after the failure are still taken off: feeding never waits for ever
                fed.feed(n)

    taken.clear()
    with pytest.raises(ValueError, match="piece 3"):
        parallel.started(feed_all).result(timeout=20)
    assert taken == [0, 1, 2]
    with pytest.raises(KeyError), parallel.Fed(take, backlog=1) as fed:  # the block's own failure goes on
        fed.feed(3)
        raise KeyError("block")


def test_lists_let_go_are_emptied_and_what_they_alone_held_is_freed_on_another_thread() -> None:
    class Held:
        pass

    freed_on: list[str] = []
    first, second = [Held() for _n in range(10_000)], [Held() for _n in range(3)]
    kept = second[1]  # held here too: not freed
    for item in (*first, *second):
        weakref.finalize(item, lambda: freed_on.append(threading.current_thread().name))
    del item
    parallel.let_go(first, second, first).result(timeout=20)
    assert first == second == []
    assert len(freed_on) == 10_002
    assert set(freed_on) == {"exchange-pass"}
    del kept
    assert len(freed_on) == 10_003


def test_a_changed_ciphertext_is_refused_for_its_hash(sites: Sites, tmp_path: Path) -> None:
    sent = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    parts = container.read_outer(sent.path.read_bytes())
    payload = bytearray(parts.payload)
    payload[len(payload) // 2] ^= 0x01  # no longer decrypts either; its hash is checked first
    changed = tmp_path / "changed.pdsync"
    changed.write_bytes(container.pack_outer(container.OuterParts(parts.manifest, parts.signature, bytes(payload))))
    before = state(sites.committee)
    report = import_package(sites.committee, LOCAL_USER, changed)
    assert (report.status, report.reason) == ("rejected", "damaged") and "密文摘要" in report.message
    assert state(sites.committee) == before


def test_a_plaintext_not_matching_its_hash_is_refused_for_that(sites: Sites, tmp_path: Path) -> None:
    """The sender's plaintext hash stays as first signed while the records are replaced by a line that is not
    JSON (sealed and signed again): the hash is what fails, not the line."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    first = json.loads(container.read_outer(sent.path.read_bytes()).manifest)["payload"]["plaintext_sha256"]

    def break_records(entries: dict[str, bytes]) -> None:
        entries[container.RECORDS] = b"{not json\n"

    broken = reseal(sent.path, sites.branch, break_records, tmp_path / "broken.pdsync")
    assert "不是 JSON" in import_package(sites.committee, LOCAL_USER, broken).message  # its hash matches
    old_hash = resign(broken, sites.branch, lambda m: m["payload"].update(plaintext_sha256=first),
                      tmp_path / "old-hash.pdsync")
    before = state(sites.committee)
    report = import_package(sites.committee, LOCAL_USER, old_hash)
    assert (report.status, report.reason) == ("rejected", "damaged") and "明文摘要" in report.message
    assert state(sites.committee) == before


def test_an_export_whose_package_does_not_check_out_keeps_nothing(
        sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check of the bytes meant runs beside the writing; when it fails (here: checked against another
    site's keys, so the signature is not ours), the export fails with it, leaves no file, records no package
    and uses no channel number."""
    real = sync_export.verify_meant
    monkeypatch.setattr(sync_export, "verify_meant", lambda data, _keys: real(data, site_keys(sites.committee)))
    with pytest.raises(PackageRejected) as refused:
        export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    assert refused.value.reason == "bad_signature"
    assert list(sites.stick.iterdir()) == []
    with sites.branch.read() as session:
        assert sync_repo.packages(session) == []
    monkeypatch.undo()
    assert export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).channel_seq == 1


def test_the_next_types_rows_are_made_beside_an_index_rebuild_and_a_failure_there_keeps_nothing(
        sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    """With every table's indexes set aside (the threshold lowered to this small branch), the first type's
    rows are made on the importing thread and the others beside the rebuild before them; one failing there
    fails the import, which keeps nothing and can be made again."""
    from partydesk.core.storage import sync_fast

    monkeypatch.setattr(sync_fast, "REBUILD_MIN_ROWS", 1)
    real = sync_repo._rows
    on_main: list[bool] = []

    def watched(*args: object) -> object:
        on_main.append(threading.current_thread() is threading.main_thread())
        if len(on_main) == 3:
            raise RuntimeError("the third type's rows fail")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_repo, "_rows", watched)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick, snapshot=True)
    before = state(sites.committee)
    with pytest.raises(RuntimeError, match="third type"):
        import_package(sites.committee, LOCAL_USER, sent.path)
    assert on_main == [True, False, False]
    assert state(sites.committee) == before
    monkeypatch.setattr(sync_repo, "_rows", real)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    site = sites.branch.site.site_id  # type: ignore[union-attr]
    assert dump(sites.committee, site) == dump(sites.branch, site)
