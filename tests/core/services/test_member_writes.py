"""Services write through the repositories: only real changes are written, bookkeeping stays out of reach."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import EventKind
from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.errors import ValidationError
from partydesk.core.services import bulk, members, setup
from partydesk.core.storage import member_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member

TODAY = date(2026, 11, 28)
ZHANG = MemberInput(name="张三", gender="男", id_number="110105194912310038", category="正式党员",
                    joined_on="1975-07-01", confirmed_on="1976-07-01", phone="13812345678")


def _version(db: Database, member_id: str) -> tuple[str, int]:
    with db.read() as session:
        row = session.execute(select(Member.version, Member.change_seq).where(Member.id == member_id)).one()
        return row.version, row.change_seq


def test_saving_an_unchanged_member_writes_no_new_version(db: Database) -> None:
    """Only fields that differ are written, so an untouched save does not make the record look changed."""
    member_id = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY).member_id
    before = _version(db, member_id)
    members.update_member(db, LOCAL_USER, member_id=member_id, data=ZHANG, today=TODAY)
    assert _version(db, member_id) == before
    members.update_member(db, LOCAL_USER, member_id=member_id, data=replace(ZHANG, phone="13900001111"), today=TODAY)
    assert _version(db, member_id)[1] > before[1]
    record = members.get_member(db, LOCAL_USER, member_id)
    assert record is not None and record.data.phone == "13900001111"


def test_repository_refuses_bookkeeping_columns_and_nothing_is_written(db: Database) -> None:
    """set_fields takes member data only: the tombstone flag and sync columns cannot be set through it."""
    member_id = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY).member_id
    before = _version(db, member_id)
    for column in ("deleted", "version", "owner_site", "org_id"):
        with pytest.raises(KeyError), db.write(LOCAL_USER, action="member.update") as session:
            member_repo.set_fields(session, member_id, {"phone": "13900001111", column: "x"})
    assert _version(db, member_id) == before
    assert len(members.roster(db, LOCAL_USER)) == 1


def test_a_deleted_member_can_be_neither_edited_nor_given_events(db: Database) -> None:
    """After deletion the repository no longer finds the member, so every write says not_found."""
    member_id = members.add_member(db, LOCAL_USER, data=ZHANG, today=TODAY).member_id
    members.delete_member(db, LOCAL_USER, member_id=member_id, reason="录入错误")
    with pytest.raises(ValidationError) as err:
        members.update_member(db, LOCAL_USER, member_id=member_id, data=ZHANG, today=TODAY)
    assert err.value.code == "not_found"
    with pytest.raises(ValidationError) as err:
        members.add_event(db, LOCAL_USER, member_id=member_id, kind=EventKind.LOST, on_date=TODAY, today=TODAY)
    assert err.value.code == "not_found"
    with pytest.raises(ValidationError):
        members.delete_member(db, LOCAL_USER, member_id=member_id, reason="再删一次")


def test_bulk_inserted_members_carry_the_events_their_state_needs(db: Database) -> None:
    """insert_members plans the initial events: a 正式党员 with a 转正 date gets 入党 and 转正 on the timeline."""
    clean, _warnings = members.validate(db, ZHANG, today=TODAY)
    bulk.insert_members(db, LOCAL_USER, [clean], today=TODAY)
    (row,) = members.roster(db, LOCAL_USER)
    assert row.pinyin.startswith("zhang")
    kinds = [e.kind for e in members.member_events(db, LOCAL_USER, row.id)]
    assert kinds == [EventKind.JOINED, EventKind.CONFIRMED]


def test_organisation_edits_go_through_the_repository(db: Database) -> None:
    """Editing the own organisation stores the checked values; an unknown organisation is not_found."""
    own = setup.own_organisation(db)
    assert own is not None and setup.site_role(db) == "branch"
    setup.update_organisation(db, LOCAL_USER, org_id=own.id,
                              data=OrganisationInput(name="  第二支部 ", code="B2", phone="010 1234 5678"))
    after = setup.own_organisation(db)
    assert after is not None and (after.name, after.code, after.phone) == ("第二支部", "B2", "010-12345678")
    with pytest.raises(ValidationError) as err:
        setup.update_organisation(db, LOCAL_USER, org_id="no-such-id", data=OrganisationInput(name="x", code="X"))
    assert err.value.code == "not_found"
