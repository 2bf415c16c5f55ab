"""A committee's file holding two imported branches, for the workbench's tests (core and GUI)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import demo_members
from partydesk.core.domain.member_events import EventKind
from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.services import dashboard, dashboard_scope, members
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.meetings import add_meeting
from partydesk.core.services.setup import initialise_site
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.meeting_repo import PRESENT, MeetingData
from tests.conftest import set_up_on
from tests.core.exchange.conftest import introduce, make_committee

TODAY = date(2026, 11, 30)
SIZES = {"1001": 5, "1002": 3}


def two_branch_committee(tmp_path: Path) -> tuple[Database, dict[str, str]]:
    """A committee holding branch 1001 (five members, one a migrant, a 支部党员大会 in March) and branch 1002
    (three women in 第二党小组, no meetings); returns the open committee database and the ids: "1001",
    "1002" (org ids), "migrant"."""
    (tmp_path / "c").mkdir()
    hub = make_committee(tmp_path / "c" / "c.db")
    migrant = ""
    for seed, (code, size) in enumerate(SIZES.items()):
        (tmp_path / code).mkdir()
        db = open_database(tmp_path / code / "b.db")
        initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name=f"第{code}支部委员会", code=code),
                        role="branch")
        set_up_on(db, date(2000, 1, 1))  # records from before any day judged here, told to the committee
        people = demo_members(random.Random(seed + 11), size)
        if code == "1002":
            people = [replace(p, gender="2", party_group="第二党小组") for p in people]
        insert_members(db, LOCAL_USER, people, today=TODAY)
        if code == "1001":
            migrant = dashboard.member_ids(db, "all:", TODAY)[0]
            members.add_event(db, LOCAL_USER, member_id=migrant, kind=EventKind.MIGRANT_OUT,
                              on_date=date(2025, 2, 1), detail="广东省深圳市", today=TODAY)
            everyone = dashboard.member_ids(db, "all:", TODAY)
            add_meeting(db, LOCAL_USER, MeetingData(type_code="general", topic="学习党章", held_on=date(2026, 3, 10)),
                        statuses=dict.fromkeys(everyone, PRESENT))
        introduce(db, hub)
        import_package(hub, LOCAL_USER, export_package(db, LOCAL_USER, to_org_code="1000", out_dir=tmp_path).path)
        db.close()
    orgs = {b.code: b.org_id for b in dashboard_scope.branches(hub)}
    return hub, {**orgs, "migrant": migrant}


@pytest.fixture
def committee(tmp_path: Path) -> Iterator[tuple[Database, dict[str, str]]]:
    """``two_branch_committee``, open for the test and closed after it."""
    hub, ids = two_branch_committee(tmp_path)
    try:
        yield hub, ids
    finally:
        hub.close()
