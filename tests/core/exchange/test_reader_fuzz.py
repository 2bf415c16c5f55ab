"""Fuzzing the reader: random bytes and mutated valid packages never get past the documented rejection
(``status == "rejected"`` with a reason) and never write anything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.core.storage.sync_tables import SyncPackage
from partydesk.core.storage.tables import Site
from tests.core.exchange.conftest import introduce, make_branch, make_committee


class Target:
    committee: Database
    original: bytes
    folder: Path


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "b").mkdir()
    (root / "c").mkdir()
    branch = make_branch(root / "b" / "b.db", members=4)
    committee = make_committee(root / "c" / "c.db")
    introduce(branch, committee)
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=root)
    found = Target()
    found.committee, found.original, found.folder = committee, sent.path.read_bytes(), root
    yield found
    branch.close()
    committee.close()


def written(db: Database) -> tuple[int, int]:
    """The committee's change counter and ledger size: both stay put when nothing is written."""
    with db.read() as session:
        seq = session.execute(select(Site.change_seq)).scalar_one()
        ledger = session.execute(select(func.count()).select_from(SyncPackage)).scalar_one()
    return int(seq), int(ledger)


def _check(target: Target, data: bytes) -> None:
    if data == target.original:
        return
    path = target.folder / "fuzzed.pdsync"
    path.write_bytes(data)
    before = written(target.committee)
    report = import_package(target.committee, LOCAL_USER, path)
    assert report.status == "rejected" and report.reason and report.message
    assert written(target.committee) == before


FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                        HealthCheck.too_slow])


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_rejected(target: Target, data: bytes) -> None:
    """Any random file is refused as damaged, never a crash."""
    _check(target, data)


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)),
                      min_size=1, max_size=4),
       cut=st.one_of(st.none(), st.integers(min_value=0)),
       junk=st.binary(max_size=16))
def test_mutated_packages_are_rejected(target: Target, edits: list[tuple[int, int]], cut: int | None,
                                       junk: bytes) -> None:
    """A valid package with bytes overwritten, cut short or with junk appended is refused."""
    data = bytearray(target.original)
    for offset, value in edits:
        data[offset % len(data)] = value
    if cut is not None:
        data = data[: cut % len(data)]
    _check(target, bytes(data) + junk)
