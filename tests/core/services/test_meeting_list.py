"""Meeting report reads for the page: lines with and without counts, by id, per organisation; group order."""

from __future__ import annotations

import random
from datetime import date

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.group_order import group_sort_key
from partydesk.core.domain.member import MemberInput
from partydesk.core.services import meeting_records, meeting_reports, meetings, members
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_list_repo import Tally
from partydesk.core.storage.meeting_repo import PRESENT, MeetingData

TODAY = date(2026, 11, 30)


def add_member(db: Database, name: str, seed: int, group: str) -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, seed), True)
    data = MemberInput(name=name, gender="男", id_number=number, category="正式党员", joined_on="2000-07-01",
                       confirmed_on="2001-07-01", party_group=group)
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def test_party_groups_sort_in_their_numbered_order() -> None:
    """第二 before 第三 before 第十 before 第十一; written digits sort by value too."""
    names = ["第十一党小组", "第三党小组", "第十党小组", "第二党小组", "第一党小组"]
    assert sorted(names, key=group_sort_key) == ["第一党小组", "第二党小组", "第三党小组", "第十党小组", "第十一党小组"]
    assert sorted(["第12组", "第3组"], key=group_sort_key) == ["第3组", "第12组"]


def test_lines_come_with_counts_or_without_and_by_id(db: Database) -> None:
    """Uncounted lines carry no tally; counted ones 应到/实到; by id leaves out unknown ids."""
    a, b = add_member(db, "王一", 1, "第三党小组"), add_member(db, "李二", 2, "第二党小组")
    held = meetings.add_meeting(db, LOCAL_USER, MeetingData("theme_day", "重温入党誓词", date(2026, 3, 15)),
                                statuses={a: PRESENT}).meeting_id
    meetings.add_meeting(db, LOCAL_USER, MeetingData("theme_day", "去年", date(2025, 3, 15)), statuses={a: PRESENT})
    (bare,) = meeting_reports.meeting_lines(db, 2026, counted=False)
    assert (bare.id, bare.type_name, bare.tally, bare.quorum_met) == (held, "主题党日", None, None)
    (counted,) = meeting_reports.meeting_lines(db, 2026)
    assert counted.tally == Tally(expected=2, present=1, voting_expected=2, voting_present=1)
    assert meeting_reports.meeting_lines_by_ids(db, [held, "no-such-id"]) == [counted]
    groups = [r.party_group for r in meeting_reports.compliance(db, 2026, as_of=TODAY) if r.type_code == "group"]
    assert list(dict.fromkeys(groups)) == ["第二党小组", "第三党小组"]
    assert b


def test_compliance_of_one_organisation_counts_only_its_meetings(db: Database) -> None:
    """An org id with no meetings sees every period unheld; the whole file sees the one held."""
    one = add_member(db, "王一", 1, "第一党小组")
    meetings.add_meeting(db, LOCAL_USER, MeetingData("general", "一季度党员大会", date(2026, 2, 1)),
                         statuses={one: PRESENT})
    assert db.site is not None and db.site.organisation_id is not None
    own = meeting_reports.compliance(db, 2026, as_of=TODAY, org_id=db.site.organisation_id)
    other = meeting_reports.compliance(db, 2026, as_of=TODAY, org_id="another-branch")
    whole = meeting_reports.compliance(db, 2026, as_of=TODAY)
    q1 = [next(r.held for r in rows if r.type_code == "general") for rows in (own, other, whole)]
    assert q1 == [1, 0, 1]
    assert not [r for r in other if r.type_code == "group"], "another branch has no groups of its own"


def test_the_group_box_and_a_days_group_meetings_follow_the_numbered_order(db: Database) -> None:
    """Members entered 第一, 第四, 第二, 第三 (as pinyin order of names puts them) and one meeting per group the same
    day entered 第一, 第三, 第二, 第四: the form's group box and the list both read 第一, 第二, 第三, 第四."""
    order = ["第一党小组", "第二党小组", "第三党小组", "第四党小组"]
    ids = {group: add_member(db, name, seed, group) for seed, (name, group) in enumerate(
        [("艾一", order[0]), ("白四", order[3]), ("蔡二", order[1]), ("丁三", order[2])], start=1)}
    assert meeting_records.party_groups(db) == order
    for group in (order[0], order[2], order[1], order[3]):
        meetings.add_meeting(db, LOCAL_USER, MeetingData("group", f"{group}学习", date(2026, 4, 8), party_group=group),
                             statuses={ids[group]: PRESENT})
    meetings.add_meeting(db, LOCAL_USER, MeetingData("theme_day", "主题党日", date(2026, 4, 1)),
                         statuses=dict.fromkeys(ids.values(), PRESENT))
    lines = meeting_reports.meeting_lines(db, 2026, counted=False)
    assert [line.party_group for line in lines] == ["", *order]
