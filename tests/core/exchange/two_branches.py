"""A committee file holding two demo branches, built the way an office builds one: each branch set up with
the demo data, keys exchanged, an upward package exported and imported. One person (the same 公民身份号码)
is on both branches' rolls, as in the middle of a transfer."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from pathlib import Path

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import DEMO_ORG, demo_members, populate
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import open_database
from tests.core.exchange.conftest import introduce, make_committee

COMMITTEE_CODE = "1000"
# (code, name, seed, members): two branches of different sizes, so their counts tell them apart.
BRANCHES = (("3301060001", "第一支部委员会", 11, 12), ("3301060002", "第二支部委员会", 12, 8))
SHARED_NAME_SEED = 77


def shared_person_id_number() -> str:
    """The ID number both branches list."""
    return demo_members(random.Random(SHARED_NAME_SEED), 1)[0].id_number


def build_committee(folder: Path) -> Path:
    """Build the committee file in ``folder`` (closed again) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    committee = make_committee(folder / "committee.db", COMMITTEE_CODE)
    shared = demo_members(random.Random(SHARED_NAME_SEED), 1)
    try:
        for code, name, seed, members in BRANCHES:
            (folder / code).mkdir()
            branch = open_database(folder / code / "branch.db")
            populate(branch, seed=seed, members=members, organisation=replace(DEMO_ORG, code=code, name=name))
            insert_members(branch, LOCAL_USER, shared)
            introduce(branch, committee)
            package = export_package(branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=folder)
            import_package(committee, LOCAL_USER, package.path)
            branch.close()
    finally:
        committee.close()
    return folder / "committee.db"


def copy_committee(source: Path, folder: Path) -> Path:
    """A private copy of a built committee file (closed files: no WAL beside them)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "committee.db"
    shutil.copyfile(source, target)
    return target
