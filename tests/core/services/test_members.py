"""Member services: one transaction each, nothing written on bad input, duplicates refused."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import EventKind
from partydesk.core.errors import ValidationError
from partydesk.core.services import members
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 28)
ZHANG = MemberInput(name="张三", gender="男", id_number="110105194912310038", category="正式党员",
                    joined_on="1975-07-01", confirmed_on="1976-07-01", phone="13812345678",
                    address="示范市文三路1号")


def test_added_member_appears_in_the_roster_with_pinyin(db: Database) -> None:
    """A saved member is listed, with the search key for pinyin search."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    rows = members.roster(db, LOCAL_USER)
    assert [r.name for r in rows] == ["张三"]
    assert rows[0].pinyin == "zhangsan zs"
    assert saved.changes.touches(ChangeKind.MEMBER)


def test_bad_member_is_refused_and_nothing_is_written(db: Database) -> None:
    """A wrong check digit raises MemberInvalid naming the field; the roster stays empty."""
    with pytest.raises(members.MemberInvalid) as err:
        members.add_member(db, LOCAL_USER, data=MemberInput(**{**ZHANG.__dict__, "id_number": "110105194912310032"}),
                           today=TODAY)
    assert err.value.field == "id_number" and "校验位" in err.value.message
    assert members.roster(db, LOCAL_USER) == []


def test_duplicate_id_number_is_refused_not_merged(db: Database) -> None:
    """A second person with the same ID number is refused with the existing member's name."""
    members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    with pytest.raises(members.MemberInvalid) as err:
        members.add_member(db, LOCAL_USER, data=MemberInput(**{**ZHANG.__dict__, "name": "张叁"}), today=TODAY)
    assert err.value.code == "duplicate_id" and "张三" in err.value.message
    assert len(members.roster(db, LOCAL_USER)) == 1


def test_edit_of_lost_contact_records_events_on_the_timeline(db: Database) -> None:
    """Marking a member 失联 in the form adds a dated 失去联系 event; clearing it adds 恢复联系."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    lost = MemberInput(**{**ZHANG.__dict__, "lost_contact": "是", "lost_since": "2026-03-01", "lost_cause": "1"})
    members.update_member(db, LOCAL_USER, member_id=saved.member_id, data=lost, today=TODAY)
    members.update_member(db, LOCAL_USER, member_id=saved.member_id, data=ZHANG, today=TODAY)
    kinds = [e.kind for e in members.member_events(db, LOCAL_USER, saved.member_id)]
    assert kinds == [EventKind.JOINED, EventKind.CONFIRMED, EventKind.LOST, EventKind.REGAINED]
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and not record.data.lost_contact


def test_recorded_event_changes_the_derived_state(db: Database) -> None:
    """Recording 组织关系转出 takes the member off the branch roll with reason 转出; 去世 likewise with 死亡,
    leaving the 党籍状态 alone."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    members.add_event(db, LOCAL_USER, member_id=saved.member_id, kind=EventKind.TRANSFER_OUT,
                      on_date=date(2026, 5, 1), detail="转往市直机关党委", today=TODAY)
    assert members.roster(db, LOCAL_USER, include_departed=False) == []
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and (record.left_reason, record.left_on) == ("3", date(2026, 5, 1))
    members.add_event(db, LOCAL_USER, member_id=saved.member_id, kind=EventKind.TRANSFER_IN,
                      on_date=date(2026, 5, 20), today=TODAY)
    members.add_event(db, LOCAL_USER, member_id=saved.member_id, kind=EventKind.DEATH, on_date=date(2026, 6, 1),
                      today=TODAY)
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and record.data.membership_status == "10" and not record.in_branch
    assert (record.left_reason, record.left_on) == ("1", date(2026, 6, 1))
    assert members.roster(db, LOCAL_USER, include_departed=False) == []


def test_event_in_the_future_is_refused(db: Database) -> None:
    """An impossible date gets a clear error and nothing is written."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    with pytest.raises(ValidationError) as err:
        members.add_event(db, LOCAL_USER, member_id=saved.member_id, kind=EventKind.LOST,
                          on_date=date(2027, 1, 1), today=TODAY)
    assert err.value.code == "date_future" and err.value.message == "变动日期不能晚于今天。"
    assert len(members.member_events(db, LOCAL_USER, saved.member_id)) == 2


def test_delete_needs_a_reason_and_leaves_a_tombstone_without_personal_data(db: Database) -> None:
    """Deletion keeps the row (sync) but wipes name, ID, phone and address; it needs a reason."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    with pytest.raises(ValidationError):
        members.delete_member(db, LOCAL_USER, member_id=saved.member_id, reason="  ")
    members.delete_member(db, LOCAL_USER, member_id=saved.member_id, reason="重复录入")
    assert members.roster(db, LOCAL_USER) == []
    db.checkpoint()
    conn = sqlite3.connect(db.path)
    row = conn.execute("SELECT name, id_number, phone, address, deleted, deleted_reason FROM member").fetchone()
    conn.close()
    assert row == ("", "", "", "", 1, "重复录入")


def test_deleted_members_personal_data_is_gone_from_the_file(db: Database) -> None:
    """After delete + checkpoint (secure_delete=ON) the name and ID are not in the database file (X-9)."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    members.delete_member(db, LOCAL_USER, member_id=saved.member_id, reason="录入错误")
    db.checkpoint()
    raw = db.path.read_bytes()
    assert b"110105194912310038" not in raw
    assert "示范市文三路1号".encode() not in raw


def test_an_event_that_does_not_fit_the_member_is_refused(db: Database) -> None:
    """转正 for a member already 正式, or 恢复联系 for one never lost, is refused and nothing is written."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    for kind in (EventKind.CONFIRMED, EventKind.REGAINED, EventKind.MIGRANT_BACK, EventKind.PROBATION_EXTENDED):
        with pytest.raises(ValidationError) as err:
            members.add_event(db, LOCAL_USER, member_id=saved.member_id, kind=kind, on_date=date(2026, 1, 1),
                              today=TODAY)
        assert err.value.code == "event_not_applicable"
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and record.data.confirmed_on == date(1976, 7, 1)
    assert len(members.member_events(db, LOCAL_USER, saved.member_id)) == 2


def test_withdrawing_a_mistaken_event_restores_the_state(db: Database) -> None:
    """A 失去联系 recorded by mistake is withdrawn: the member is in contact again and the timeline shrinks."""
    saved = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY)
    members.add_event(db, LOCAL_USER, member_id=saved.member_id, kind=EventKind.LOST, on_date=date(2026, 2, 1),
                      detail="1", today=TODAY)
    lost = [e for e in members.member_events(db, LOCAL_USER, saved.member_id) if e.kind is EventKind.LOST]
    members.withdraw_event(db, LOCAL_USER, event_id=lost[0].id, reason="录错了人")
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and not record.data.lost_contact and record.data.lost_since is None
    kinds = [e.kind for e in members.member_events(db, LOCAL_USER, saved.member_id)]
    assert kinds == [EventKind.JOINED, EventKind.CONFIRMED]


def test_withdrawing_a_confirmation_makes_the_member_probationary_again(db: Database) -> None:
    """Taking back a mistaken 转正 leaves a 预备党员 without a 转正 date; 入党 itself cannot be withdrawn."""
    probationary = MemberInput(**{**ZHANG.__dict__, "category": "预备党员", "joined_on": "2025-12-01",
                                  "confirmed_on": None})
    saved = members.add_member(db, LOCAL_USER, data=probationary, today=TODAY)
    members.add_event(db, LOCAL_USER, member_id=saved.member_id, kind=EventKind.CONFIRMED,
                      on_date=date(2026, 11, 1), today=TODAY)
    events = members.member_events(db, LOCAL_USER, saved.member_id)
    confirmed = next(e for e in events if e.kind is EventKind.CONFIRMED)
    members.withdraw_event(db, LOCAL_USER, event_id=confirmed.id, reason="日期未到")
    record = members.get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and record.data.category == "2" and record.data.confirmed_on is None
    joined = next(e for e in events if e.kind is EventKind.JOINED)
    with pytest.raises(ValidationError):
        members.withdraw_event(db, LOCAL_USER, event_id=joined.id, reason="x")


def test_roster_is_ordered_by_full_pinyin_with_surname_readings(db: Database) -> None:
    """杜 before 董 is wrong: names sort by full pinyin (dong < du), and 曾 reads zeng, not ceng."""
    people = [("杜涛", "110105194912310038"), ("董晓", "110105195001010012"), ("曾强", "110105195102020017"),
              ("陈平", "110105195203030011")]
    for name, number in people:
        members.add_member(db, LOCAL_USER, data=MemberInput(**{**ZHANG.__dict__, "name": name, "id_number": number}),
                           today=TODAY)
    assert [r.name for r in members.roster(db, LOCAL_USER)] == ["陈平", "董晓", "杜涛", "曾强"]


def test_roster_orders_reading_by_reading(db: Database) -> None:
    """李 (li) before 林 (lin) and 詹 (zhan) before 张 (zhang), as a Chinese list has them; the stored pinyin run
    together ("linlanqiang" < "lixiaomei") would put them the other way round."""
    people = [("张三", "110105194912310038"), ("林兰强", "110105195001010012"), ("詹伟", "110105195102020017"),
              ("李晓梅", "110105195203030011")]
    for name, number in people:
        members.add_member(db, LOCAL_USER, data=MemberInput(**{**ZHANG.__dict__, "name": name, "id_number": number}),
                           today=TODAY)
    assert [r.name for r in members.roster(db, LOCAL_USER)] == ["李晓梅", "林兰强", "詹伟", "张三"]
