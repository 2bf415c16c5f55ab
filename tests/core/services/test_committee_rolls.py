"""The rolls of a committee's file, which holds every branch's members: a meeting, a study activity or a talk
is of one organisation, so the people it lists and may record are that organisation's members only (the
committee's own for a new record, the branch's for a branch's record it corrects). A branch's members' hours
and talks are the branch's to record: a committee's record of them would never reach the branch, and would
count twice at the committee once the branch's own came up."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.errors import ValidationError
from partydesk.core.services import dashboard, meeting_records, meetings
from partydesk.core.storage import meeting_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import PRESENT, MeetingData
from tests.core.services import committee_two_branches
from tests.core.services.committee_two_branches import TODAY

committee = committee_two_branches.committee  # branch 1001 (five members, one a migrant), 1002 (three women)


def members_of(hub: Database, org_id: str) -> set[str]:
    return set(dashboard.member_ids(hub, "all:", TODAY, org_id=org_id))


def test_a_new_meeting_at_the_committee_lists_none_of_the_branches_members(
        committee: tuple[Database, dict[str, str]]) -> None:
    """The committee has no members of its own here: nobody is expected, no branch's group is offered, and
    marking a branch's member present is refused by name, writing nothing (before, every member of every
    branch was on the roll, and a committee meeting ticked 全部出席 broke a branch's absence streaks)."""
    hub, ids = committee
    roll, _rules = meeting_records.expected_roll(hub, "committee", date(2026, 11, 20))
    assert roll == []
    assert meeting_records.party_groups(hub) == []
    stranger = sorted(members_of(hub, ids["1002"]))[0]
    with pytest.raises(ValidationError) as refused:
        meetings.add_meeting(hub, LOCAL_USER, MeetingData(type_code="committee", topic="党委会",
                                                          held_on=date(2026, 11, 20)), statuses={stranger: PRESENT})
    assert refused.value.code == "not_expected"
    assert [m.topic for m in meetings.meetings_of_year(hub, 2026)] == ["学习党章"]  # the branch's own only


def test_a_branch_meeting_corrected_at_the_committee_keeps_that_branch_roll(
        committee: tuple[Database, dict[str, str]]) -> None:
    """Opening branch 1001's 支部党员大会 at the committee: its roll is 1001's members (the migrant among them,
    as the branch has it), never 1002's; rewriting it with a 1002 member present is refused."""
    hub, ids = committee
    (meeting,) = meetings.meetings_of_year(hub, 2026)
    roll, _rules = meeting_records.expected_roll(hub, "general", date(2026, 3, 10), meeting_id=meeting.id)
    assert {e.member_id for e in roll} == members_of(hub, ids["1001"])
    with hub.read() as session:  # the groups of 1001's members, read by their ids
        groups = {m.party_group for m in meeting_repo.roll_members(session, ids=members_of(hub, ids["1001"]))}
    assert set(meeting_records.party_groups(hub, meeting.id)) == groups - {""}
    record = meeting_records.get_record(hub, meeting.id)
    assert record is not None
    statuses = {a.member_id: a.status for a in record.attendance}
    stranger = sorted(members_of(hub, ids["1002"]))[0]
    with pytest.raises(ValidationError) as refused:
        meeting_records.update_meeting(hub, LOCAL_USER, meeting.id, record.data,
                                       statuses={**statuses, stranger: PRESENT})
    assert refused.value.code == "not_expected"
    meeting_records.update_meeting(hub, LOCAL_USER, meeting.id, record.data, statuses=statuses)
    after = meeting_records.get_record(hub, meeting.id)
    assert after is not None and {a.member_id for a in after.attendance} == members_of(hub, ids["1001"])


def test_a_committee_s_study_and_talks_list_none_of_the_branches_members(
        committee: tuple[Database, dict[str, str]]) -> None:
    """A new collective study or talk at the committee offers no branch member, and recording one with a
    branch's member is refused by name, writing nothing."""
    from partydesk.core.domain.study_records import ActivityData
    from partydesk.core.services import study, talks
    from partydesk.core.storage.talk_repo import TalkData

    hub, ids = committee
    assert study.roll(hub) == [] and talks.people(hub, LOCAL_USER) == []
    assert {r.id for r in talks.people(hub, LOCAL_USER, ids["1002"])} == members_of(hub, ids["1002"])
    member = sorted(members_of(hub, ids["1001"]))[0]
    with pytest.raises(ValidationError) as credited:
        study.add_activity(hub, LOCAL_USER, ActivityData("collective", "党委集中学习", date(2026, 11, 20),
                                                         date(2026, 11, 20), 20), participants={member: None})
    assert credited.value.code == "not_on_roll"
    with pytest.raises(ValidationError) as talked:
        talks.add_talk(hub, LOCAL_USER, TalkData(date(2026, 11, 20), (member,), by_name="党委书记", topic="谈心"))
    assert talked.value.code == "other_branch" and "由该支部记录" in talked.value.message
    assert study.activities_of_year(hub, 2026) == [] and talks.talks_of_year(hub, 2026) == []


def test_a_committee_s_talk_to_dos_about_branch_members_open_their_records(
        committee: tuple[Database, dict[str, str]]) -> None:
    """应谈话 to-dos about a branch's members, at its committee, open the member's record: a new talk with them
    is the branch's to record (a new-talk target led to an empty dialog)."""
    from partydesk.core.checks import engine

    hub, _ids = committee
    named = [f for f in engine.open_findings(hub, TODAY) if f.code in ("talk.none", "talk.committee")
             and f.target is not None and f.target.kind != "roster"]
    assert named and {f.target.kind for f in named if f.target is not None} == {"member"}


def test_who_is_due_a_talk_at_the_committee_says_each_member_s_branch(
        committee: tuple[Database, dict[str, str]]) -> None:
    """应谈话党员 in a file of several branches: each member with the branch (short and full name) that records
    the talk; in a branch's own file, no branch."""
    from partydesk.core.services import talks

    hub, ids = committee
    due = talks.talks_due(hub, TODAY)
    by_member = {d.member_id: (d.branch, d.branch_name) for d in due}
    assert {by_member[m] for m in members_of(hub, ids["1001"])} == {("第1001支部", "第1001支部委员会")}
    assert {by_member[m] for m in members_of(hub, ids["1002"])} == {("第1002支部", "第1002支部委员会")}
