"""A bulk write gets a larger SQLite page cache for its duration only: writing a large package into indexed
tables then stops re-reading the same index pages, and the memory goes back when the import ends."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import sync_import
from partydesk.core.services.sync_export import export_package
from partydesk.core.storage import sync_repo
from partydesk.core.storage.database import BULK_CACHE_MIB, open_database
from tests.core.exchange.conftest import Sites


def cache_size(db: Any) -> int:
    return int(db._pragma("PRAGMA cache_size")[0])


def pragma_at_the_writes(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """The value of ``PRAGMA name`` on the import's connection as it writes its records, for each import."""
    seen: list[int] = []
    apply = sync_repo.apply_batches

    def watching(session: Any, *args: Any, **kwargs: Any) -> None:
        seen.append(int(session.connection().exec_driver_sql(f"PRAGMA {name}").scalar()))
        apply(session, *args, **kwargs)

    monkeypatch.setattr(sync_import.sync_repo, "apply_batches", watching)
    return seen


def test_the_cache_is_raised_for_the_block_and_set_back_after(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db")
    before = cache_size(db)
    with db.large_cache():
        assert cache_size(db) == -BULK_CACHE_MIB * 1024
    assert cache_size(db) == before
    with pytest.raises(RuntimeError), db.large_cache(8):
        assert cache_size(db) == -8 * 1024
        raise RuntimeError("stop")
    assert cache_size(db) == before
    db.close()


def test_an_import_writes_with_the_large_cache_and_gives_it_back(sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = pragma_at_the_writes(monkeypatch, "cache_size")
    before = cache_size(sites.committee)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick, snapshot=True)
    assert sync_import.import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    assert seen and set(seen) == {-BULK_CACHE_MIB * 1024}
    assert cache_size(sites.committee) == before


def autocheckpoint(db: Any) -> int:
    return int(db._pragma("PRAGMA wal_autocheckpoint")[0])


@pytest.mark.parametrize("large", [True, False])
def test_a_large_import_leaves_its_wal_to_be_folded_on_a_thread_of_its_own(
        sites: Sites, monkeypatch: pytest.MonkeyPatch, large: bool) -> None:
    """A large package commits without folding its WAL into the file (the automatic checkpoint is off for its
    write, and on again after); a thread of its own folds it after, which closing the file waits for. A small
    one leaves the automatic checkpoint as it is."""
    monkeypatch.setattr(sync_import, "MANY_RECORDS", 1 if large else 10**9)
    seen = pragma_at_the_writes(monkeypatch, "wal_autocheckpoint")
    folds: list[int] = []
    fold = sites.committee._fold_in_background

    def counting() -> None:
        folds.append(1)
        fold()

    monkeypatch.setattr(sites.committee, "_fold_in_background", counting)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick, snapshot=True)
    report = sync_import.import_package(sites.committee, LOCAL_USER, sent.path)
    assert report.status == "applied"
    assert seen == [0 if large else 1000] and autocheckpoint(sites.committee) == 1000
    assert folds == ([1] if large else [])
    if large:
        sites.committee.wait_for_fold()
        # the package is in the file itself now, read without the WAL
        with closing(sqlite3.connect(f"{sites.committee.path.as_uri()}?immutable=1", uri=True)) as plain:
            assert plain.execute("SELECT count(*) FROM sync_package WHERE package_id = ?",
                                 (report.package_id,)).fetchone() == (1,)
    path = sites.committee.path
    sites.committee.close()
    reopened = open_database(path)
    with reopened.read() as session:
        assert sync_repo.package(session, report.package_id) is not None
    reopened.close()
