"""Meeting services: adding with attendance, the year's list, compliance, rates and repeated absence."""

from __future__ import annotations

import random
import sqlite3
from datetime import date

import pytest

from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import EventKind
from partydesk.core.errors import ValidationError
from partydesk.core.services import meeting_reports, meetings, members
from partydesk.core.services.rules import set_rule
from partydesk.core.storage import rowhash
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import LEAVE, PRESENT, MeetingData

TODAY = date(2026, 11, 30)


def add(db: Database, name: str, *, seed: int, category: str = "正式党员", joined: str = "2000-07-01",
        post: str = "", group: str = "第一党小组") -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, 1 + seed), True)
    data = MemberInput(name=name, gender="男", id_number=number, category=category, joined_on=joined,
                       confirmed_on=None if category == "预备党员" else "2001-07-01", party_post=post,
                       party_group=group)
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


@pytest.fixture
def branch(db: Database) -> dict[str, str]:
    ids = {"书记": add(db, "王书记", seed=1, post="书记"), "委员": add(db, "李委员", seed=2, post="组织委员"),
           "甲": add(db, "张甲", seed=3), "乙": add(db, "赵乙", seed=4, group="第二党小组"),
           "预备": add(db, "钱预备", seed=5, category="预备党员", joined="2026-03-01")}
    return ids


def meeting(code: str, day: date, group: str = "") -> MeetingData:
    return MeetingData(type_code=code, topic="学习贯彻会议精神", held_on=day, party_group=group)


def all_present(db: Database, code: str, day: date, group: str = "") -> dict[str, str]:
    """Every member due at such a meeting marked present (a meeting with nobody present is refused)."""
    from partydesk.core.services.meeting_records import expected_roll

    return {e.member_id: PRESENT for e in expected_roll(db, code, day, group)[0]}


def test_add_meeting_counts_expected_and_present_and_records_the_absent(db: Database, branch: dict[str, str]) -> None:
    added = meetings.add_meeting(db, LOCAL_USER, meeting("general", date(2026, 6, 1)),
                                 statuses={branch["书记"]: PRESENT, branch["甲"]: PRESENT, branch["预备"]: PRESENT,
                                           branch["乙"]: LEAVE})
    assert added.changes.ids_of(ChangeKind.MEETING) == {added.meeting_id}
    c = added.count
    assert (c.expected, c.present, c.voting_expected, c.voting_present, c.quorum_met) == (5, 3, 4, 2, False)
    assert meetings.meeting_count(db, added.meeting_id) == c
    (listed,) = meetings.meetings_of_year(db, 2026)
    assert (listed.expected, listed.present, listed.type_code) == (5, 3, "general")
    assert meetings.meetings_of_year(db, 2025) == []


def test_the_roll_is_taken_on_the_meeting_date(db: Database, branch: dict[str, str]) -> None:
    """The 预备党员 admitted on 1 March is not expected in February; a member who died in May is not in June."""
    members.add_event(db, LOCAL_USER, member_id=branch["乙"], kind=EventKind.DEATH, on_date=date(2026, 5, 1),
                      today=TODAY)
    feb = meetings.add_meeting(db, LOCAL_USER, meeting("lecture", date(2026, 2, 1)), statuses={branch["书记"]: PRESENT})
    jun = meetings.add_meeting(db, LOCAL_USER, meeting("lecture", date(2026, 6, 1)), statuses={branch["书记"]: PRESENT})
    assert (feb.count.expected, jun.count.expected) == (4, 4)
    with pytest.raises(ValidationError) as err:
        meetings.add_meeting(db, LOCAL_USER, meeting("lecture", date(2026, 2, 1)), statuses={branch["预备"]: PRESENT})
    assert err.value.code == "not_expected" and "钱预备" in err.value.message


def test_committee_quorum_and_group_meetings(db: Database, branch: dict[str, str]) -> None:
    committee = meetings.add_meeting(db, LOCAL_USER, meeting("committee", date(2026, 6, 2)),
                                     statuses={branch["书记"]: PRESENT, branch["委员"]: PRESENT})
    assert (committee.count.expected, committee.count.quorum_met) == (2, True)
    group = meetings.add_meeting(db, LOCAL_USER, meeting("group", date(2026, 6, 3), "第二党小组"),
                                 statuses={branch["乙"]: PRESENT})
    assert group.count.expected == 1 and group.count.quorum_met is None
    with pytest.raises(ValidationError) as err:
        meetings.add_meeting(db, LOCAL_USER, meeting("group", date(2026, 6, 3)), statuses={})
    assert err.value.code == "no_group"


def test_a_meeting_with_nobody_present_is_refused_and_says_to_tick_attendance(db: Database,
                                                                              branch: dict[str, str]) -> None:
    """Nobody present (nobody ticked, or only leave) is refused naming 出席情况, and nothing is written; a
    roll with nobody on it (a group without members that day) writes no absences and is still recorded."""
    for statuses in ({}, {branch["甲"]: LEAVE}):
        with pytest.raises(ValidationError) as err:
            meetings.add_meeting(db, LOCAL_USER, meeting("theme_day", date(2026, 6, 15)), statuses=statuses)
        assert (err.value.code, err.value.field) == ("nobody_present", "attendance")
        assert "应到 5 人，实到 0 人" in err.value.message and "请在“出席情况”中勾选" in err.value.message
    assert meetings.meetings_of_year(db, 2026) == []
    empty = meetings.add_meeting(db, LOCAL_USER, meeting("group", date(2026, 6, 3), "第三党小组"), statuses={})
    assert (empty.count.expected, empty.count.present) == (0, 0)


def test_migrants_leave_the_roll_when_the_rule_says_so(db: Database, branch: dict[str, str]) -> None:
    members.add_event(db, LOCAL_USER, member_id=branch["甲"], kind=EventKind.MIGRANT_OUT, on_date=date(2026, 1, 5),
                      detail="深圳", today=TODAY)
    june, chair = meeting("lecture", date(2026, 6, 1)), {branch["书记"]: PRESENT}
    assert meetings.add_meeting(db, LOCAL_USER, june, statuses=chair).count.expected == 5
    set_rule(db, LOCAL_USER, key="meeting.expect.migrant", value=0)
    assert meetings.add_meeting(db, LOCAL_USER, june, statuses=chair).count.expected == 4


def test_bad_input_is_refused_before_anything_is_written(db: Database, branch: dict[str, str]) -> None:
    for data, code in ((meeting("nope", date(2026, 1, 1)), "unknown_meeting_type"),
                       (MeetingData("general", "  ", date(2026, 1, 1)), "no_topic")):
        with pytest.raises(ValidationError) as err:
            meetings.add_meeting(db, LOCAL_USER, data, statuses={})
        assert err.value.code == code
    with pytest.raises(ValidationError):
        meetings.add_meeting(db, LOCAL_USER, meeting("general", date(2026, 1, 1)), statuses={branch["甲"]: "late"})
    with pytest.raises(ValidationError) as err:
        meetings.resolve_members(db, [branch["甲"], "nobody"])
    assert "nobody" in err.value.message
    assert meetings.meetings_of_year(db, 2026) == []


def test_members_resolve_by_id_or_id_number(db: Database, branch: dict[str, str]) -> None:
    number = members.get_member(db, LOCAL_USER, branch["甲"]).data.id_number
    assert meetings.resolve_members(db, [branch["乙"], number.lower()]) == {branch["乙"]: branch["乙"],
                                                                              number.lower(): branch["甲"]}


def test_compliance_counts_held_meetings_per_period(db: Database, branch: dict[str, str]) -> None:
    for day in (date(2026, 2, 1), date(2026, 3, 31), date(2026, 7, 1), date(2025, 12, 31)):
        meetings.add_meeting(db, LOCAL_USER, meeting("general", day), statuses={branch["书记"]: PRESENT})
    meetings.add_meeting(db, LOCAL_USER, meeting("group", date(2026, 1, 9), "第一党小组"),
                         statuses={branch["书记"]: PRESENT})
    rows = meeting_reports.compliance(db, 2026)
    general = [(r.period.label, r.held, r.met) for r in rows if r.type_code == "general"]
    assert general == [("2026年第一季度", 2, True), ("2026年第二季度", 0, False), ("2026年第三季度", 1, True),
                       ("2026年第四季度", 0, False)]
    groups = {(r.party_group, r.period.index): r.held for r in rows if r.type_code == "group"}
    assert groups[("第一党小组", 0)] == 1 and groups[("第二党小组", 0)] == 0
    assert len(groups) == 24
    assert not any(r.type_code == "other" for r in rows)
    set_rule(db, LOCAL_USER, key="meeting.general.months", value=6)
    general = [(r.period.label, r.held) for r in meeting_reports.compliance(db, 2026) if r.type_code == "general"]
    assert general == [("2026年上半年", 2), ("2026年下半年", 1)]


def test_attendance_rates_and_three_absences_in_a_row(db: Database, branch: dict[str, str]) -> None:
    everyone = [branch["书记"], branch["委员"], branch["甲"], branch["乙"], branch["预备"]]
    plans = [{b: PRESENT for b in everyone if b != branch["甲"]},
             {b: PRESENT for b in everyone if b not in (branch["甲"], branch["乙"])} | {branch["乙"]: LEAVE},
             {branch["书记"]: PRESENT},
             {branch["书记"]: PRESENT, branch["乙"]: PRESENT}]
    for month, statuses in enumerate(plans, start=4):
        meetings.add_meeting(db, LOCAL_USER, meeting("theme_day", date(2026, month, 10)), statuses=statuses)
    listed = meeting_reports.attendance_rates(db, 2026)
    assert [r.name for r in listed] == ["李委员", "钱预备", "王书记", "张甲", "赵乙"], "by pinyin, as the roster"
    rates = {r.member_id: r for r in listed}
    assert (rates[branch["书记"]].present, rates[branch["书记"]].rate) == (4, 1.0)
    assert (rates[branch["乙"]].present, rates[branch["乙"]].leave, rates[branch["乙"]].absent) == (2, 1, 1)
    assert rates[branch["甲"]].rate == 0.0
    streaks = {name: n for _mid, name, n in meeting_reports.absent_in_a_row(db)}
    assert streaks == {"张甲": 4}  # 李委员 and 钱预备 missed only the last two
    assert {name for _m, name, _n in meeting_reports.absent_in_a_row(db, times=2)} == {"张甲", "李委员", "钱预备"}
    assert meeting_reports.absent_in_a_row(db, until=date(2026, 5, 31)) == []


def test_meeting_rows_carry_valid_row_hashes_and_the_audit_names_the_action(
        db: Database, branch: dict[str, str], db_path: object) -> None:
    meetings.add_meeting(db, LOCAL_USER, meeting("general", date(2026, 6, 1)), statuses={branch["甲"]: PRESENT},
                         guests=[("刘某", "街道党工委组织委员")])
    from partydesk.core.services.audit import list_entries

    assert list_entries(db, LOCAL_USER, limit=1)[0].action == "meeting.add"
    conn = sqlite3.connect(str(db_path))
    try:
        assert {"meeting", "meeting_attendance", "meeting_guest"} <= set(rowhash.hashed_tables(conn))
        assert conn.execute("SELECT count(*) FROM meeting_attendance WHERE row_hash IS NULL").fetchone()[0] == 0
        assert rowhash.problems(conn) == []
        assert conn.execute("SELECT name, role FROM meeting_guest").fetchall() == [("刘某", "街道党工委组织委员")]
        assert db.site is not None
        assert conn.execute("SELECT org_id FROM meeting").fetchall() == [(db.site.organisation_id,)]
        conn.execute("UPDATE meeting_attendance SET status = 'present' WHERE status = 'absent'")
        assert any("meeting_attendance" in p for p in rowhash.problems(conn))
    finally:
        conn.close()


def test_leave_is_excused_and_ends_a_run_of_absences(db: Database, branch: dict[str, str]) -> None:
    """Absent, absent, on leave, absent: the latest run is one meeting, not four."""
    plans = [{}, {}, {branch["甲"]: LEAVE}, {}]
    for month, statuses in enumerate(plans, start=4):
        meetings.add_meeting(db, LOCAL_USER, meeting("theme_day", date(2026, month, 10)),
                             statuses={branch["书记"]: PRESENT, **statuses})
    streaks = {name: n for _mid, name, n in meeting_reports.absent_in_a_row(db, times=1)}
    assert streaks["张甲"] == 1 and streaks["赵乙"] == 4


def test_a_meeting_still_to_come_cannot_be_recorded_as_held(db: Database, branch: dict[str, str]) -> None:
    """A date after today is refused, named, at the date field (it would count as held already); today is fine."""
    from datetime import timedelta

    ahead = date.today() + timedelta(days=19)
    with pytest.raises(ValidationError) as refused:
        meetings.add_meeting(db, LOCAL_USER, meeting("general", ahead), statuses={branch["书记"]: PRESENT})
    assert refused.value.field == "held_on" and f"{ahead:%Y-%m-%d} 还没到" in refused.value.message
    assert meetings.meetings_of_year(db, ahead.year) == []
    meetings.add_meeting(db, LOCAL_USER, meeting("general", date.today()), statuses={branch["书记"]: PRESENT})
    assert len(meetings.meetings_of_year(db, date.today().year)) == 1
