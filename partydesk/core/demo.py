"""Deterministic demo data: the same seed always gives the same branch, for newcomers, shots and benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from partydesk.core.services.changes import LOCAL_USER
from partydesk.core.services.setup import OrganisationInput, initialise_site
from partydesk.core.storage.database import Database, open_database

DEMO_ORG = OrganisationInput(
    name="中共示范街道幸福社区第一支部委员会",
    code="3301060012",
    org_type="党支部",
    secretary="王建国",
    contact="李晓梅",
    phone="0571-86001234",
)


@dataclass(frozen=True)
class DemoSummary:
    """What the generator created."""

    path: Path
    seed: int
    members: int


def create_demo(path: Path, *, seed: int = 2026, members: int | None = None) -> DemoSummary:
    """Create a new demo database at ``path`` (which must not exist yet)."""
    if path.exists():
        from partydesk.core.errors import ValidationError

        raise ValidationError(f"文件已存在：{path}。演示数据只能写入新的数据库文件。", code="exists")
    db = open_database(path)
    try:
        populate(db, seed=seed, members=members)
        count = member_count(db)
    finally:
        db.close()
    return DemoSummary(path, seed, count)


def populate(db: Database, *, seed: int = 2026, members: int | None = None) -> None:
    """Fill a fresh database with the demo branch."""
    rng = random.Random(seed)
    initialise_site(db, LOCAL_USER, organisation=DEMO_ORG, role="branch")
    _populate_members(db, rng, members)


def _populate_members(db: Database, rng: random.Random, members: int | None) -> None:
    # The roster lands with the member module; until then the demo branch has its organisation only.
    del db, rng, members


def member_count(db: Database) -> int:
    """How many members the demo holds (0 until the roster exists)."""
    del db
    return 0
