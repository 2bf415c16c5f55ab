"""Absent in a row (连续缺席): runs broken by attending, by leave (请假), and ended by a member's leaving;
deleted meetings and rows left out; the same answers as the grouped-subquery query it replaced, on crafted
and on random attendance, for the whole file and for one organisation."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import demo_members
from partydesk.core.storage import meeting_repo, member_repo
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT, Attendance, MeetingData
from partydesk.core.storage.meeting_tables import Meeting
from tests.core.absence_reference import reference_runs
from tests.core.exchange.two_branches import build_committee


@pytest.fixture
def people(db: Database) -> list[str]:
    """Six members of the branch."""
    assert db.site is not None and db.site.organisation_id is not None
    with db.write(LOCAL_USER, action="test members") as session:
        return [member_repo.insert_member(session, org_id=db.site.organisation_id, data=data, pinyin="")
                for data in demo_members(random.Random(3), 6)]


def hold(db: Database, day: date, statuses: dict[str, str]) -> str:
    """A meeting on ``day`` with these attendance rows (members not named were not expected)."""
    assert db.site is not None and db.site.organisation_id is not None
    with db.write(LOCAL_USER, action="test meeting") as session:
        return meeting_repo.insert_meeting(session, db.site.organisation_id, MeetingData("theme_day", "t", day),
                                           [Attendance(m, s, True) for m, s in statuses.items()])


def runs(db: Database, end: date = date(2026, 12, 31), times: int = 3) -> dict[str, int]:
    with db.read() as session:
        found = meeting_repo.absence_runs(session, end, times)
        assert found == reference_runs(session, end, times)
        return found


def test_runs_are_broken_by_attending_and_by_leave_and_end_with_leaving(db: Database, people: list[str]) -> None:
    """Each member's statuses month by month; the run counts the absences after the last present or leave."""
    plan = {
        people[0]: [ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT],  # never there: 6
        people[1]: [ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, PRESENT],  # came back: no run
        people[2]: [ABSENT, ABSENT, LEAVE, ABSENT, ABSENT, ABSENT],  # leave breaks the run: 3
        people[3]: [PRESENT, ABSENT, ABSENT, ABSENT, None, None],  # left after month 4: 3, not extended
        people[4]: [ABSENT, ABSENT, PRESENT, ABSENT, ABSENT, LEAVE],  # 2 before the leave: none
        people[5]: [PRESENT, PRESENT, ABSENT, ABSENT, PRESENT, ABSENT],  # one at the end: below 3
    }
    for month in range(6):
        hold(db, date(2026, month + 1, 10), {m: s[month] for m, s in plan.items() if s[month] is not None})
    assert runs(db) == {people[0]: 6, people[2]: 3, people[3]: 3}
    assert runs(db, times=1) == {people[0]: 6, people[2]: 3, people[3]: 3, people[5]: 1}
    # Up to the end of March: 李's leave is the last thing seen, 0 and 1 absent three times, 4 twice.
    assert runs(db, end=date(2026, 3, 31), times=2) == {people[0]: 3, people[1]: 3, people[3]: 2}


def test_an_absence_on_the_day_of_an_attended_meeting_does_not_count(db: Database, people: list[str]) -> None:
    """Two meetings the same day, absent from one and present at the other: the run starts after that day."""
    who = people[0]
    hold(db, date(2026, 5, 1), {who: ABSENT})
    hold(db, date(2026, 5, 2), {who: ABSENT})
    hold(db, date(2026, 5, 2), {who: PRESENT})
    for day in (3, 4, 5):
        hold(db, date(2026, 5, day), {who: ABSENT})
    assert runs(db) == {who: 3}


def test_deleted_meetings_do_not_count(db: Database, people: list[str]) -> None:
    """A tombstoned meeting's rows neither extend nor break a run."""
    who = people[0]
    for day in (1, 2):
        hold(db, date(2026, 6, day), {who: ABSENT})
    present = hold(db, date(2026, 6, 3), {who: PRESENT})
    hold(db, date(2026, 6, 4), {who: ABSENT})
    assert runs(db, times=1) == {who: 1}
    with db.write(LOCAL_USER, action="test delete") as session:
        meeting_repo.tombstone_meeting(session, present)
    assert runs(db, times=1) == {who: 3}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 40), st.dictionaries(st.integers(0, 5), st.sampled_from(
    (PRESENT, LEAVE, ABSENT, ABSENT))), st.booleans()), max_size=25), st.integers(1, 4), st.integers(0, 45))
def test_random_attendance_agrees_with_the_old_query(tmp_path_factory: pytest.TempPathFactory,
                                                     meetings: list[tuple[int, dict[int, str], bool]],
                                                     times: int, cut: int) -> None:
    """Any meetings (days, rows, some deleted), any threshold and end day: the same runs as before."""
    from partydesk.core.domain.organisation import OrganisationInput
    from partydesk.core.services.setup import initialise_site

    db = open_database(tmp_path_factory.mktemp("runs") / "r.db")
    try:
        initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="支部", code="1001"), role="branch")
        assert db.site is not None and db.site.organisation_id is not None
        org = db.site.organisation_id
        with db.write(LOCAL_USER, action="test members") as session:
            ids = [member_repo.insert_member(session, org_id=org, data=data, pinyin="")
                   for data in demo_members(random.Random(4), 6)]
        start = date(2026, 1, 1)
        with db.write(LOCAL_USER, action="test meetings") as session:
            for offset, rows, deleted in meetings:
                meeting = meeting_repo.insert_meeting(session, org, MeetingData("theme_day", "t", start + timedelta(
                    offset)), [Attendance(ids[m], s, True) for m, s in rows.items()])
                if deleted:
                    meeting_repo.tombstone_meeting(session, meeting)
        end = start + timedelta(cut)
        with db.read() as session:
            assert meeting_repo.absence_runs(session, end, times) == reference_runs(session, end, times)
    finally:
        db.close()


def test_one_organisation_of_a_committee_file(tmp_path: Path) -> None:
    """Per branch of a committee file: the runs at that branch's meetings only, as the old query gives them."""
    db = open_database(build_committee(tmp_path / "c"))
    try:
        with db.read() as session:
            orgs = list(session.scalars(select(Meeting.org_id).distinct()))
            assert len(orgs) == 2
            for org in (None, *orgs):
                found = meeting_repo.absence_runs(session, date(2026, 11, 30), 1, org_id=org)
                assert found == reference_runs(session, date(2026, 11, 30), 1, org)
            both = meeting_repo.absence_runs(session, date(2026, 11, 30), 1)
            assert both and set(both) == set().union(
                *(meeting_repo.absence_runs(session, date(2026, 11, 30), 1, org_id=o) for o in orgs))
    finally:
        db.close()
