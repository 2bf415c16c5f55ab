"""Meeting records: update and delete with Changes, motions and the pass rule, attachments stored once."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from partydesk.core import attachments
from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.domain.motions import Motion
from partydesk.core.errors import ValidationError
from partydesk.core.services import meeting_records, meetings
from partydesk.core.services.rules import set_rule
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT, MeetingData
from tests.core.services.test_meetings import add


@pytest.fixture
def branch(db: Database) -> dict[str, str]:
    return {"书记": add(db, "王书记", seed=1, post="书记"), "甲": add(db, "张甲", seed=3),
            "乙": add(db, "赵乙", seed=4, group="第二党小组"), "丙": add(db, "孙丙", seed=6),
            "预备": add(db, "钱预备", seed=5, category="预备党员", joined="2026-03-01")}


def general(day: date = date(2026, 6, 1), **more: str) -> MeetingData:
    return MeetingData(type_code="general", topic="讨论发展党员", held_on=day, **more)


def photo(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_update_rewrites_fields_attendance_and_lists(db: Database, branch: dict[str, str]) -> None:
    added = meetings.add_meeting(db, LOCAL_USER, general(), statuses={branch["甲"]: PRESENT},
                                 agenda=["传达文件", "讨论"], guests=[("周列席", "街道干部")])
    saved = meeting_records.update_meeting(
        db, LOCAL_USER, added.meeting_id, general(place="党员活动室", start_time="14:30", end_time="16:00"),
        statuses={branch["甲"]: PRESENT, branch["书记"]: PRESENT, branch["乙"]: LEAVE},
        reasons={branch["乙"]: "出差", branch["甲"]: "ignored while present"},
        agenda=["传达文件"], guests=[], motions=[Motion("接收钱预备为预备党员", 3, 0, 0)])
    assert saved.changes.ids_of(ChangeKind.MEETING) == {added.meeting_id}
    record = meeting_records.get_record(db, added.meeting_id)
    assert record is not None
    assert (record.data.place, record.data.start_time, record.agenda, record.guests) == (
        "党员活动室", "14:30", ("传达文件",), ())
    status = {a.member_id: (a.status, a.reason) for a in record.attendance}
    assert status[branch["乙"]] == (LEAVE, "出差") and status[branch["甲"]] == (PRESENT, "")
    assert status[branch["丙"]] == (ABSENT, "")
    assert record.motions == (Motion("接收钱预备为预备党员", 3, 0, 0),)
    assert (saved.count.present, saved.count.voting_present) == (2, 2)


def test_update_takes_the_roll_again_for_a_new_date(db: Database, branch: dict[str, str]) -> None:
    """Moved to February, the 预备党员 admitted in March is no longer on the roll: the row is tombstoned."""
    chair = {branch["书记"]: PRESENT}
    added = meetings.add_meeting(db, LOCAL_USER, general(), statuses=chair)
    assert added.count.expected == 5
    saved = meeting_records.update_meeting(db, LOCAL_USER, added.meeting_id, general(date(2026, 2, 1)), statuses=chair)
    assert saved.count.expected == 4
    conn = sqlite3.connect(db.path)
    rows = conn.execute("SELECT deleted FROM meeting_attendance WHERE member_id = ?", (branch["预备"],)).fetchall()
    conn.close()
    assert rows == [(1,)]


def test_update_to_nobody_present_is_refused_and_the_record_kept(db: Database, branch: dict[str, str]) -> None:
    """Unticking the last member present is refused as adding is; the stored attendance stays."""
    added = meetings.add_meeting(db, LOCAL_USER, general(), statuses={branch["甲"]: PRESENT})
    with pytest.raises(ValidationError) as err:
        meeting_records.update_meeting(db, LOCAL_USER, added.meeting_id, general(), statuses={branch["甲"]: ABSENT})
    assert (err.value.code, err.value.field) == ("nobody_present", "attendance")
    record = meeting_records.get_record(db, added.meeting_id)
    assert record is not None and {a.member_id for a in record.attendance if a.status == PRESENT} == {branch["甲"]}


def test_deleting_a_meeting_counted_as_study_deletes_its_study_record(db: Database, branch: dict[str, str]) -> None:
    """The activity counting the meeting as study and its hours go in the same write (tombstones, audited);
    the Changes name both, and nothing is left that credits hours from a meeting gone."""
    from partydesk.core.services import study, study_meetings, study_reports
    from partydesk.core.services.audit import list_entries

    added = meetings.add_meeting(db, LOCAL_USER, MeetingData("theme_day", "重温入党誓词", date(2026, 5, 15)),
                                 statuses={branch["书记"]: PRESENT, branch["甲"]: PRESENT})
    counted = study.count_meeting(db, LOCAL_USER, added.meeting_id, hours_tenths=25)
    linked = study_meetings.study_of_meeting(db, added.meeting_id)
    assert linked is not None and (linked.id, linked.data.hours_tenths, linked.participants) == (
        counted.activity_id, 25, 2)
    changes = meeting_records.delete_meeting(db, LOCAL_USER, added.meeting_id)
    assert changes.ids_of(ChangeKind.MEETING) == {added.meeting_id}
    assert changes.ids_of(ChangeKind.STUDY) == {counted.activity_id}
    assert study.activities_of_year(db, 2026) == []
    assert study_meetings.study_of_meeting(db, added.meeting_id) is None
    assert {r.credited for r in study_reports.ledger(db, 2026, as_of=date(2026, 11, 30))} == {0}
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT deleted, meeting_id FROM study_activity").fetchall() == [(1, None)]
    assert set(conn.execute("SELECT deleted FROM study_credit").fetchall()) == {(1,)}
    conn.close()
    entry = list_entries(db, LOCAL_USER, limit=1)[0]
    assert entry.action == "meeting.delete"
    assert {added.meeting_id, counted.activity_id} <= set(entry.record_ids)


def test_delete_leaves_a_wiped_tombstone(db: Database, branch: dict[str, str], tmp_path: Path) -> None:
    root = attachments.store_root(db.path)
    stored = attachments.put(root, photo(tmp_path, "合影.jpg", b"photo-bytes"))
    added = meetings.add_meeting(db, LOCAL_USER, general(place="会议室", chair="王书记"),
                                 statuses={branch["书记"]: PRESENT, branch["乙"]: LEAVE},
                                 reasons={branch["乙"]: "住院"},
                                 agenda=["学习"], motions=[Motion("决议", 4)], attachments=[stored])
    changes = meeting_records.delete_meeting(db, LOCAL_USER, added.meeting_id)
    assert changes.ids_of(ChangeKind.MEETING) == {added.meeting_id}
    assert meeting_records.get_record(db, added.meeting_id) is None
    assert meetings.meetings_of_year(db, 2026) == []
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT deleted, topic, place, chair FROM meeting").fetchall() == [(1, "", "", "")]
    for table, column in (("meeting_attendance", "reason"), ("meeting_agenda_item", "text"),
                          ("meeting_motion", "title"), ("meeting_attachment", "name")):
        assert set(conn.execute(f"SELECT deleted, {column} FROM {table}").fetchall()) == {(1, "")}, table
    conn.close()
    assert not attachments.path_of(root, stored.sha256).exists()
    with pytest.raises(ValidationError):
        meeting_records.delete_meeting(db, LOCAL_USER, added.meeting_id)


def test_the_same_photo_twice_is_one_file(db: Database, branch: dict[str, str], tmp_path: Path) -> None:
    root = attachments.store_root(db.path)
    first = attachments.put(root, photo(tmp_path, "a.jpg", b"same photo"))
    second = attachments.put(root, photo(tmp_path, "b.jpg", b"same photo"))
    assert first.sha256 == second.sha256 and (first.name, second.name, first.mime) == ("a.jpg", "b.jpg", "image/jpeg")
    stored = attachments.path_of(root, first.sha256)
    assert stored.parent.name == first.sha256[:2] and stored.name == first.sha256[2:]
    assert [p for p in root.rglob("*") if p.is_file()] == [stored]
    assert stored.read_bytes() == b"same photo"
    if os.name == "posix":
        assert stored.stat().st_mode & 0o077 == 0
    one = meetings.add_meeting(db, LOCAL_USER, general(), statuses={branch["书记"]: PRESENT}, attachments=[first])
    two = meetings.add_meeting(db, LOCAL_USER, general(date(2026, 7, 1)), statuses={branch["书记"]: PRESENT},
                               attachments=[second])
    meeting_records.delete_meeting(db, LOCAL_USER, one.meeting_id)
    assert stored.exists(), "still attached to the other meeting"
    record = meeting_records.get_record(db, two.meeting_id)
    assert record is not None
    meeting_records.update_meeting(db, LOCAL_USER, two.meeting_id, general(date(2026, 7, 1)),
                                   statuses={branch["书记"]: PRESENT},
                                   keep_attachments=[])
    assert not stored.exists(), "no live meeting names it any more"


def test_attachments_are_kept_by_id_and_added(db: Database, branch: dict[str, str], tmp_path: Path) -> None:
    root = attachments.store_root(db.path)
    a = attachments.put(root, photo(tmp_path, "签到表.png", b"scan"))
    b = attachments.put(root, photo(tmp_path, "现场.jpg", b"photo"))
    added = meetings.add_meeting(db, LOCAL_USER, general(), statuses={branch["书记"]: PRESENT}, attachments=[a])
    record = meeting_records.get_record(db, added.meeting_id)
    assert record is not None
    (info,) = record.attachments
    meeting_records.update_meeting(db, LOCAL_USER, added.meeting_id, general(), statuses={branch["书记"]: PRESENT},
                                   keep_attachments=[info.id], add_attachments=[b])
    again = meeting_records.get_record(db, added.meeting_id)
    assert again is not None
    assert [(x.name, x.size) for x in again.attachments] == [("签到表.png", 4), ("现场.jpg", 5)]
    assert again.attachments[0].id == info.id


def test_motions_with_impossible_votes_are_refused(db: Database, branch: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as err:
        meetings.add_meeting(db, LOCAL_USER, general(), statuses={branch["书记"]: PRESENT},
                             motions=[Motion("接收预备党员", 5, 1, 0)])
    assert err.value.code == "bad_motion" and "超过" in err.value.message
    with pytest.raises(ValidationError):
        meetings.add_meeting(db, LOCAL_USER, general(), statuses={branch["书记"]: PRESENT}, motions=[Motion(" ", 1)])
    assert meetings.meetings_of_year(db, 2026) == []


def test_motion_pass_rule_follows_the_rule_table(db: Database, branch: dict[str, str]) -> None:
    """4 voting members due; 2 present. 2 for is not more than half of 4, but is of the 2 present."""
    from partydesk.core.domain.motions import passes

    added = meetings.add_meeting(db, LOCAL_USER, general(), statuses={branch["甲"]: PRESENT, branch["丙"]: PRESENT})
    motion = Motion("决议", 2, 0, 0)
    assert not passes(motion, added.count, meeting_records.motion_rules(db))
    set_rule(db, LOCAL_USER, key="meeting.motion.base", value=0)
    assert passes(motion, added.count, meeting_records.motion_rules(db))
    assert not passes(Motion("决议", 1, 1, 0), added.count, meeting_records.motion_rules(db))


@pytest.mark.parametrize(("typed", "plain", "valid"), [
    ("14：30", "14:30", True), ("１４：３０", "14:30", True), ("1430", "14:30", True), ("930", "09:30", True),
    ("9:30", "09:30", True), ("14点30", "14:30", True), ("14时30分", "14:30", True), ("9点半", "09:30", True),
    ("14点", "14:00", True), (" 08:05 ", "08:05", True), ("", "", True), ("25:00", "25:00", False),
    ("14:3", "14:3", False), ("12345", "12345", False), ("下午", "下午", False), ("14:30:00", "14:30:00", False)])
def test_times_are_written_plainly_where_they_plainly_are_times(typed: str, plain: str, valid: bool) -> None:
    assert meetings.normal_time(typed) == plain
    assert meetings.valid_time(plain) is valid


def test_bad_times_are_refused(db: Database, branch: dict[str, str]) -> None:
    for start, end, code in (("2pm", "", "bad_time"), ("14:30", "24:00", "bad_time"), ("15:00", "14:00",
                                                                                         "end_before_start")):
        with pytest.raises(ValidationError) as err:
            meetings.add_meeting(db, LOCAL_USER, general(start_time=start, end_time=end), statuses={})
        assert err.value.code == code


def test_expected_roll_names_members_and_votes(db: Database, branch: dict[str, str]) -> None:
    roll, _rules = meeting_records.expected_roll(db, "general", date(2026, 6, 1))
    by_name = {r.name: r.voting for r in roll}
    assert by_name == {"王书记": True, "张甲": True, "赵乙": True, "孙丙": True, "钱预备": False}
    group, _rules = meeting_records.expected_roll(db, "group", date(2026, 6, 1), "第二党小组")
    assert [r.name for r in group] == ["赵乙"]
