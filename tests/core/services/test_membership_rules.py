"""The 党籍 rules on every service path: 记录变动 (add_event), the member form (update_member), the roll."""

from __future__ import annotations

from datetime import date

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import EventKind
from partydesk.core.errors import ValidationError
from partydesk.core.services import members
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 30)
LI = MemberInput(name="李四", gender="男", id_number="110105194912310038", category="预备党员",
                 joined_on="2025-10-15", phone="13812345678", address="示范市文三路1号")


def _add(db: Database, data: MemberInput = LI) -> str:
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def _event(db: Database, member_id: str, kind: EventKind, on: date, detail: str = "") -> members.EventSaved:
    return members.add_event(db, LOCAL_USER, member_id=member_id, kind=kind, on_date=on, detail=detail,
                             today=TODAY)


def test_confirmation_defaults_to_the_end_of_probation_and_warns_otherwise(db: Database) -> None:
    """转正 on 预备期满之日 saves quietly; another day saves with a warning naming the right day."""
    member_id = _add(db)
    assert members.probation_ends(db, LOCAL_USER, member_id) == date(2026, 10, 15)
    saved = _event(db, member_id, EventKind.CONFIRMED, date(2026, 10, 20))
    assert saved.warnings and "2026年10月15日" in saved.warnings[0]
    other = _add(db, MemberInput(**{**LI.__dict__, "name": "王五", "id_number": "110105194912310054"}))
    assert _event(db, other, EventKind.CONFIRMED, date(2026, 10, 15)).warnings == []


def test_extension_moves_the_end_of_probation_once(db: Database) -> None:
    """延长预备期 six months moves the default 转正 day; a second extension is refused with the rule."""
    member_id = _add(db)
    _event(db, member_id, EventKind.PROBATION_EXTENDED, date(2026, 10, 10), "6")
    assert members.probation_ends(db, LOCAL_USER, member_id) == date(2027, 4, 15)
    with pytest.raises(ValidationError) as err:
        _event(db, member_id, EventKind.PROBATION_EXTENDED, date(2026, 11, 1), "6")
    assert "只能延长一次" in err.value.message and "发展党员工作细则" in err.value.message


def test_restoring_after_expulsion_is_refused_and_nothing_is_written(db: Database) -> None:
    """After 劝而不退除名 the member is off the roll; 恢复党籍 or 转入 are refused naming the rule."""
    member_id = _add(db, MemberInput(**{**LI.__dict__, "category": "正式党员", "joined_on": "2010-07-01",
                                        "confirmed_on": "2011-07-01"}))
    _event(db, member_id, EventKind.LEFT, date(2026, 6, 1), "22")
    record = members.get_member(db, LOCAL_USER, member_id)
    assert record is not None and not record.in_branch and record.left_reason == "22"
    assert members.roster(db, LOCAL_USER, include_departed=False) == []
    before = len(members.member_events(db, LOCAL_USER, member_id))
    for kind in (EventKind.RESTORED, EventKind.TRANSFER_IN):
        with pytest.raises(ValidationError) as err:
            _event(db, member_id, kind, date(2026, 7, 1))
        assert "不能恢复党籍" in err.value.message and "新的入党申请人" in err.value.message
    assert len(members.member_events(db, LOCAL_USER, member_id)) == before


def test_suspension_in_the_form_needs_six_months_of_lost_contact(db: Database) -> None:
    """The member form setting 停止党籍 without six months of 失联 is refused; with them it saves."""
    full = MemberInput(**{**LI.__dict__, "category": "正式党员", "joined_on": "2010-07-01",
                          "confirmed_on": "2011-07-01"})
    member_id = _add(db, full)
    with pytest.raises(members.MemberInvalid) as err:
        members.update_member(db, LOCAL_USER, member_id=member_id, today=TODAY,
                              data=MemberInput(**{**full.__dict__, "membership_status": "停止党籍",
                                                  "lost_contact": "是", "lost_since": "2026-08-01"}))
    assert err.value.field == "membership_status" and "须满6个月" in err.value.message
    members.update_member(db, LOCAL_USER, member_id=member_id, today=TODAY,
                          data=MemberInput(**{**full.__dict__, "membership_status": "停止党籍",
                                              "lost_contact": "是", "lost_since": "2026-03-01"}))
    record = members.get_member(db, LOCAL_USER, member_id)
    assert record is not None and record.data.membership_status == "20" and record.in_branch
    kinds = [e.kind for e in members.member_events(db, LOCAL_USER, member_id)]
    assert EventKind.SUSPENDED in kinds


def test_lost_contact_under_six_months_is_a_warning(db: Database) -> None:
    """失去联系 dated two months ago saves with a warning; a year ago saves quietly."""
    member_id = _add(db)
    saved = _event(db, member_id, EventKind.LOST, date(2026, 9, 30), "1")
    assert saved.warnings and "不满6个月" in saved.warnings[0]
    other = _add(db, MemberInput(**{**LI.__dict__, "name": "王五", "id_number": "110105194912310054"}))
    assert _event(db, other, EventKind.LOST, date(2025, 11, 1), "1").warnings == []
