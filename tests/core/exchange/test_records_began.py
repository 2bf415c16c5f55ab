"""The day a branch's file began its records travels with its organisation record, and its committee reckons the
branch's meetings from it as the branch does: a branch that began in December is not reported upward as eleven
months of meetings missed. A record from an office whose program predates the field is still taken, the day
unknown; a file older than the field puts it on its record when it next sends a package."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import engine
from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.services import meeting_reports
from partydesk.core.services.meetings import add_meeting
from partydesk.core.services.setup import initialise_site
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_stage import Origin, stage_all, stage_one
from partydesk.core.storage import rowhash, settings_repo
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.meeting_repo import MeetingData
from partydesk.core.storage.tables import Organisation
from tests.conftest import set_up_on
from tests.core.exchange.conftest import introduce, make_committee
from tests.core.storage.alembic_steps import migrate_to

TODAY = date(2026, 12, 4)
BEGAN = date(2026, 12, 1)


def new_branch(path: Path) -> Database:
    """A village branch that began its records on 1 December and held its 支部党员大会 on the 2nd."""
    path.parent.mkdir(parents=True)
    db = open_database(path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="中共青山村支部委员会", code="2001"),
                    role="branch")
    set_up_on(db, BEGAN)
    add_meeting(db, LOCAL_USER, MeetingData(type_code="general", topic="传达学习会议精神", held_on=date(2026, 12, 2)),
                statuses={})
    return db


def owed(db: Database, org_id: str) -> list[str]:
    """The periods of 2026 the file counts as missed for ``org_id``, by type and start."""
    return sorted(f"{r.type_code} {r.period.start}" for r in meeting_reports.compliance(
        db, 2026, as_of=TODAY, org_id=org_id) if not (r.open or r.met or r.before_records))


def test_the_committee_reckons_a_new_branch_from_the_day_it_began(tmp_path: Path) -> None:
    """The branch owes nothing before December in its own file; after its package the committee holds the same
    day on the branch's organisation record, owes it nothing either and lists no 未召开 for it."""
    branch = new_branch(tmp_path / "b" / "b.db")
    hub = make_committee(tmp_path / "c" / "c.db")
    try:
        introduce(branch, hub)
        org_id = branch.site.organisation_id if branch.site else ""
        assert owed(branch, org_id) == []
        import_package(hub, LOCAL_USER, export_package(branch, LOCAL_USER, to_org_code="1000",
                                                       out_dir=tmp_path / "stick").path)
        with hub.read() as session:
            assert settings_repo.organisation_began(session, org_id) == BEGAN
        assert owed(hub, org_id) == owed(branch, org_id) == []
        periods = meeting_reports.compliance(hub, 2026, as_of=TODAY, org_id=org_id)
        assert any(r.before_records for r in periods) and not any(
            r.before_records for r in periods if r.period.end >= BEGAN)
        assert not [f for f in engine.open_findings(hub, TODAY) if f.code == "meeting.missing"]
    finally:
        branch.close()
        hub.close()


def test_a_branch_whose_day_is_not_known_is_judged_over_the_whole_year(tmp_path: Path) -> None:
    """Until its record says when it began (a branch on an older program), the committee owes it every period."""
    branch = new_branch(tmp_path / "b" / "b.db")
    hub = make_committee(tmp_path / "c" / "c.db")
    try:
        introduce(branch, hub)
        org_id = branch.site.organisation_id if branch.site else ""
        import_package(hub, LOCAL_USER, export_package(branch, LOCAL_USER, to_org_code="1000",
                                                       out_dir=tmp_path / "stick").path)
        with hub.write(LOCAL_USER, action="test") as session:
            session.get(Organisation, org_id).records_began = None  # type: ignore[union-attr]
        assert "general 2026-01-01" in owed(hub, org_id)
    finally:
        branch.close()
        hub.close()


def test_an_organisation_record_of_the_first_format_is_taken_without_the_day() -> None:
    """type_version 1 (no records_began) is staged with the day unknown; version 2 must carry it, and version 1
    must not."""
    data = {"code": "2001", "contact": "", "name": "中共青山村支部委员会", "org_type": "党支部", "parent_id": None,
            "phone": "", "secretary": "", "term_end": None, "term_start": None}
    record = {"type": "organisation", "type_version": 1, "id": "o1", "owner_site": "s", "version":
              "001796424856949-000000-s", "base_version": None, "deleted": False, "data": data,
              "updated_at": "2026-12-01T08:00:00", "updated_by": "local"}
    origin = Origin("s", "own", "", datetime(2026, 12, 5))
    old = stage_one(record, origin)
    assert old.values is not None and not old.problem
    assert dict(zip(sorted([*data, "records_began"]), old.values, strict=True))["records_began"] is None
    assert "records_began" in stage_one({**record, "type_version": 2}, origin).problem
    both = {**record, "data": {**data, "records_began": "2026-12-01"}}
    assert stage_one(both, origin).problem and stage_one({**both, "type_version": 2}, origin).values is not None
    # The group path (a package's records checked together) says the same of each.
    staged = stage_all([{**both, "id": "o2"}, {**both, "id": "o3", "type_version": 2}], origin)
    assert [s.problem != "" for s in staged] == [True, False]


def test_a_file_older_than_the_field_sends_its_day_with_its_next_package(tmp_path: Path) -> None:
    """A file set up before the field (taken down to the migration before it and up again: the column comes
    back empty) puts its day on its organisation record at its next export, as a change the package carries."""
    branch = new_branch(tmp_path / "b" / "b.db")
    hub = make_committee(tmp_path / "c" / "c.db")
    path = branch.path
    introduce(branch, hub)
    branch.close()
    migrate_to(path, "0022", up=False)
    migrate_to(path, "head", up=True)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT records_began FROM organisation").fetchall() == [(None,)]
        assert rowhash.problems(conn) == []  # the rows hashed again with their new column
    branch = open_database(path)
    try:
        sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=tmp_path / "stick")
        assert sent.counts.get("organisation") == 1
        import_package(hub, LOCAL_USER, sent.path)
        org_id = branch.site.organisation_id if branch.site else ""
        with hub.read() as session:
            assert settings_repo.organisation_began(session, org_id) == BEGAN
    finally:
        branch.close()
        hub.close()


def test_the_committee_gives_a_new_branch_s_members_the_branch_s_months_for_their_talks(tmp_path: Path) -> None:
    """Members never talked with, of a branch begun on 1 December: neither the branch nor its committee (whose
    own records go back to 2000) owes their talks before March, one by one or counted per branch."""
    from partydesk.core.checks import grouping
    from partydesk.core.demo import demo_members
    from partydesk.core.services.bulk import insert_members

    branch = new_branch(tmp_path / "b" / "b.db")
    hub = make_committee(tmp_path / "c" / "c.db")
    set_up_on(hub, date(2000, 1, 1))
    try:
        import random

        insert_members(branch, LOCAL_USER, demo_members(random.Random(5), 3))
        introduce(branch, hub)
        import_package(hub, LOCAL_USER, export_package(branch, LOCAL_USER, to_org_code="1000",
                                                       out_dir=tmp_path / "stick").path)
        for named in (10, 1):
            grouping.NAMED_AT_MOST, before = named, grouping.NAMED_AT_MOST
            try:
                for db in (branch, hub):
                    assert not [f for f in engine.open_findings(db, TODAY) if f.code == "talk.none"]
                    late = [f for f in engine.open_findings(db, date(2027, 3, 2)) if f.code == "talk.none"]
                    assert late and all(f.due == date(2027, 3, 1) for f in late)
            finally:
                grouping.NAMED_AT_MOST = before
    finally:
        branch.close()
        hub.close()
