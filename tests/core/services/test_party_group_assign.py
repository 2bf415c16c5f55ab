"""Putting many members in one 党小组 at once (编入党小组): one write, only real changes, checked like the form."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace

import pytest
from sqlalchemy import select

from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.demo import demo_members
from partydesk.core.errors import ValidationError
from partydesk.core.services import audit, bulk, members
from partydesk.core.storage import rowhash
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member


def _four(db: Database) -> dict[str, str]:
    """Four members: 甲 in no group, 乙 in 第一党小组, 丙 in 第二党小组, 丁 deleted; name -> id."""
    wanted = [("甲", ""), ("乙", "第一党小组"), ("丙", "第二党小组"), ("丁", "")]
    people = [replace(person, name=f"王{name}", party_group=group)
              for person, (name, group) in zip(demo_members(random.Random(7), 4), wanted, strict=True)]
    bulk.insert_members(db, LOCAL_USER, people)
    ids = {row.name[1]: row.id for row in members.roster(db, LOCAL_USER)}
    members.delete_member(db, LOCAL_USER, member_id=ids["丁"], reason="录入错误")
    return ids


def _state(db: Database) -> dict[str, tuple[str, int]]:
    """member id -> (党小组, change_seq), deleted members included."""
    with db.read() as session:
        return {r.id: (r.party_group, r.change_seq)
                for r in session.execute(select(Member.id, Member.party_group, Member.change_seq))}


def test_members_are_put_in_the_group_and_only_those_that_moved_are_written(db: Database) -> None:
    ids = _four(db)
    before = _state(db)
    done = members.assign_party_group(db, LOCAL_USER, member_ids=[ids[n] for n in "甲乙丙丁"],
                                      party_group="  第一党小组 ")
    assert (done.moved, done.already, done.gone) == (2, 1, 1)
    assert done.changes.ids_of(ChangeKind.MEMBER) == {ids["甲"], ids["丙"]}
    after = _state(db)
    assert after[ids["甲"]][0] == after[ids["丙"]][0] == "第一党小组"  # trimmed, as the form stores it
    # A new version (and change_seq, which the next package selects by) for those that moved only.
    assert after[ids["甲"]][1] > before[ids["甲"]][1] and after[ids["丙"]][1] > before[ids["丙"]][1]
    assert after[ids["乙"]] == before[ids["乙"]] and after[ids["丁"]] == before[ids["丁"]]
    entry = audit.list_entries(db, LOCAL_USER, limit=1)[0]
    assert entry.action == "member.party_group" and set(entry.record_ids) == {ids["甲"], ids["丙"]}
    conn = sqlite3.connect(db.path)
    try:
        assert rowhash.problems(conn) == []  # the row hashes were written with the change
    finally:
        conn.close()


def test_an_empty_group_takes_members_out_and_nothing_to_do_writes_nothing(db: Database) -> None:
    ids = _four(db)
    done = members.assign_party_group(db, LOCAL_USER, member_ids=[ids["乙"], ids["丙"]], party_group="")
    assert done.moved == 2
    assert {_state(db)[ids[n]][0] for n in "乙丙"} == {""}
    before = _state(db)
    again = members.assign_party_group(db, LOCAL_USER, member_ids=[ids["乙"], ids["丙"]], party_group=" ")
    assert (again.moved, again.already) == (0, 2) and not again.changes
    assert _state(db) == before


@pytest.mark.parametrize(("group", "code"), [("第" * 65, "too_long"), ("第一\x07党小组", "control_chars")])
def test_a_group_name_the_form_would_refuse_is_refused_and_nothing_is_written(db: Database, group: str,
                                                                             code: str) -> None:
    ids = _four(db)
    before = _state(db)
    with pytest.raises(ValidationError) as err:
        members.assign_party_group(db, LOCAL_USER, member_ids=[ids["甲"]], party_group=group)
    assert err.value.code == code and "党小组" in err.value.message
    assert _state(db) == before


def test_no_member_chosen_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        members.assign_party_group(db, LOCAL_USER, member_ids=[], party_group="第一党小组")
    assert err.value.code == "none_selected"
