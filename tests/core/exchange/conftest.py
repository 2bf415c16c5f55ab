"""Two sites on real database files: a demo branch and its committee, keys exchanged and registered."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import populate
from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.services.setup import initialise_site
from partydesk.core.services.sync_keys import own_card, register_card
from partydesk.core.storage.database import Database, open_database


@dataclass
class Sites:
    """A branch and its committee, registered with each other, and a folder standing in for the stick."""

    branch: Database
    committee: Database
    stick: Path


def make_committee(path: Path, code: str = "1000") -> Database:
    db = open_database(path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="中共示范街道工作委员会", code=code,
                                                                    org_type="党委"), role="committee")
    return db


def make_branch(path: Path, *, seed: int = 2026, members: int = 12) -> Database:
    db = open_database(path)
    populate(db, seed=seed, members=members)
    return db


def introduce(branch: Database, committee: Database) -> None:
    """Each side registers the other's key card, fingerprints confirmed."""
    _card, branch_card = own_card(branch)
    _card, committee_card = own_card(committee)
    register_card(committee, LOCAL_USER, branch_card, confirmed=True)
    register_card(branch, LOCAL_USER, committee_card, confirmed=True)


@pytest.fixture
def sites(tmp_path: Path) -> Iterator[Sites]:
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    branch = make_branch(tmp_path / "b" / "branch.db")
    committee = make_committee(tmp_path / "c" / "committee.db")
    introduce(branch, committee)
    stick = tmp_path / "stick"
    stick.mkdir()
    yield Sites(branch, committee, stick)
    branch.close()
    committee.close()
