"""A bulk write gets a larger SQLite page cache for its duration only: writing a large package into indexed
tables then stops re-reading the same index pages, and the memory goes back when the import ends."""

from __future__ import annotations

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
    seen: list[int] = []
    apply = sync_repo.apply_batches

    def watching(session: Any, *args: Any, **kwargs: Any) -> None:
        seen.append(int(session.connection().exec_driver_sql("PRAGMA cache_size").scalar()))
        apply(session, *args, **kwargs)

    monkeypatch.setattr(sync_import.sync_repo, "apply_batches", watching)
    before = cache_size(sites.committee)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick, snapshot=True)
    assert sync_import.import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    assert seen and set(seen) == {-BULK_CACHE_MIB * 1024}
    assert cache_size(sites.committee) == before
