"""Talk services: add, change and delete (a tombstone with its words wiped), the year's list and the last
talk per member, and the bad input each refuses with a message naming the field."""

from __future__ import annotations

import random
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER, ChangeKind
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.errors import ValidationError
from partydesk.core.services import members, talks
from partydesk.core.services.talks import TalkData
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 30)


def add(db: Database, name: str, *, seed: int, joined: str = "2000-07-01", post: str = "") -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, 1 + seed), True)
    data = MemberInput(name=name, gender="男", id_number=number, category="正式党员", joined_on=joined,
                       confirmed_on="2001-07-01", party_post=post, party_group="第一党小组")
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


@pytest.fixture
def people(db: Database) -> dict[str, str]:
    return {"书记": add(db, "王书记", seed=1, post="书记"), "甲": add(db, "张甲", seed=3),
            "乙": add(db, "赵乙", seed=4), "丙": add(db, "钱丙", seed=5)}


def talk(with_ids: tuple[str, ...], day: date = date(2026, 3, 5), **more: object) -> TalkData:
    return TalkData(held_on=day, with_ids=with_ids, topic="思想动态和工作困难", **more)  # type: ignore[arg-type]


def test_add_round_trips_with_the_talkers_name_and_names_the_change(db: Database, people: dict[str, str]) -> None:
    """What was recorded comes back from the year's list; the talker's name is taken from the roster."""
    added = talks.add_talk(db, LOCAL_USER, talk((people["甲"], people["乙"]), by_member_id=people["书记"],
                                                 form="group", content="谈了工作", follow_up="帮助解决子女入学",
                                                 follow_up_on=date(2026, 4, 1)))
    assert added.changes.ids_of(ChangeKind.TALK) == {added.talk_id}
    (record,) = talks.talks_of_year(db, 2026)
    assert record.id == added.talk_id
    assert record.data.by_name == "王书记" and record.data.form == "group"
    assert set(record.data.with_ids) == {people["甲"], people["乙"]}
    assert set(record.with_names) == {"张甲", "赵乙"}
    assert record.data.follow_up == "帮助解决子女入学" and record.data.follow_up_on == date(2026, 4, 1)
    assert talks.talks_of_year(db, 2025) == []


def test_a_leader_from_outside_the_roster_is_recorded_by_name(db: Database, people: dict[str, str]) -> None:
    """No member id: the free-text name is the talker."""
    added = talks.add_talk(db, LOCAL_USER, talk((people["甲"],), by_name=" 街道党工委刘书记 "))
    record = talks.get_talk(db, added.talk_id)
    assert record is not None and record.data.by_member_id is None and record.data.by_name == "街道党工委刘书记"


def test_update_changes_fields_and_who_was_talked_with(db: Database, people: dict[str, str]) -> None:
    """Dropping a member and adding another leaves exactly the new set; the last-talk dates follow."""
    added = talks.add_talk(db, LOCAL_USER, talk((people["甲"], people["乙"]), by_member_id=people["书记"]))
    changes = talks.update_talk(db, LOCAL_USER, added.talk_id,
                                talk((people["乙"], people["丙"]), day=date(2026, 6, 1), by_member_id=people["书记"],
                                     follow_up="回访", follow_up_on=date(2026, 7, 1), follow_up_done=True))
    assert changes.ids_of(ChangeKind.TALK) == {added.talk_id}
    record = talks.get_talk(db, added.talk_id)
    assert record is not None and set(record.data.with_ids) == {people["乙"], people["丙"]}
    assert record.data.held_on == date(2026, 6, 1) and record.data.follow_up_done
    # (The talker, a member, took part in the talk too.)
    assert talks.last_talk_by_member(db) == {people["乙"]: date(2026, 6, 1), people["丙"]: date(2026, 6, 1),
                                             people["书记"]: date(2026, 6, 1)}


def test_delete_leaves_a_tombstone_without_the_words(db: Database, db_path: Path, people: dict[str, str]) -> None:
    """The talk is gone from lists and last talks, but its row stays, flagged deleted, topic and notes wiped."""
    added = talks.add_talk(db, LOCAL_USER, talk((people["甲"],), by_name="刘书记", content="家中困难",
                                                 follow_up="申请困难党员慰问", follow_up_on=date(2026, 4, 1)))
    changes = talks.delete_talk(db, LOCAL_USER, added.talk_id)
    assert changes.ids_of(ChangeKind.TALK) == {added.talk_id}
    assert talks.talks_of_year(db, 2026) == [] and talks.get_talk(db, added.talk_id) is None
    assert talks.last_talk_by_member(db) == {} and talks.open_follow_ups(db) == []
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute("SELECT deleted, topic, content, follow_up, by_name FROM talk WHERE id = ?",
                           (added.talk_id,)).fetchone()
        links = conn.execute("SELECT deleted FROM talk_member WHERE talk_id = ?", (added.talk_id,)).fetchall()
    finally:
        conn.close()
    assert row == (1, "", "", "", "")
    assert links == [(1,)]
    with pytest.raises(ValidationError) as err:
        talks.delete_talk(db, LOCAL_USER, added.talk_id)
    assert err.value.code == "no_talk"


def test_last_talk_by_member_is_the_latest_live_talk(db: Database, people: dict[str, str]) -> None:
    """Several talks with one member: the latest counts; ``until`` leaves later ones out."""
    for day in (date(2026, 1, 10), date(2026, 9, 1), date(2026, 5, 2)):
        talks.add_talk(db, LOCAL_USER, talk((people["甲"],), day=day, by_member_id=people["书记"]))
    assert talks.last_talk_by_member(db)[people["甲"]] == date(2026, 9, 1)
    assert talks.last_talk_by_member(db, until=date(2026, 8, 31))[people["甲"]] == date(2026, 5, 2)


@pytest.mark.parametrize(("change", "code", "field"), [
    ({"with_ids": ()}, "no_one", "with_ids"),
    ({"topic": "  "}, "no_topic", "topic"),
    ({"form": "chat"}, "unknown_form", "form"),
    ({"by_name": ""}, "no_talker", "by"),
    ({"follow_up_on": date(2026, 4, 1)}, "no_follow_up", "follow_up"),
    ({"follow_up": "回访", "follow_up_on": date(2026, 3, 4)}, "follow_up_early", "follow_up_on"),
    ({"with_ids": ("no-such-member",)}, "unknown_member", "with_ids"),
])
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(
        db: Database, people: dict[str, str], change: dict[str, object], code: str, field: str) -> None:
    """Each broken rule gives its own code and field; the year stays empty."""
    values: dict[str, object] = {"with_ids": (people["甲"],), "by_name": "刘书记", **change}
    data = TalkData(held_on=date(2026, 3, 5), topic=str(values.pop("topic", "谈心")), **values)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as err:
        talks.add_talk(db, LOCAL_USER, data)
    assert (err.value.code, err.value.field) == (code, field)
    assert talks.talks_of_year(db, 2026) == []


def test_the_talker_cannot_also_be_talked_with(db: Database, people: dict[str, str]) -> None:
    """A member talking with himself is a slip of the picker."""
    with pytest.raises(ValidationError) as err:
        talks.add_talk(db, LOCAL_USER, talk((people["书记"], people["甲"]), by_member_id=people["书记"]))
    assert err.value.code == "self_talk" and "王书记" in err.value.message


def test_a_member_deleted_as_entered_by_mistake_drops_out_of_talks(db: Database, people: dict[str, str]) -> None:
    """The talk stays, listing only the members that still exist."""
    talks.add_talk(db, LOCAL_USER, talk((people["甲"], people["乙"]), by_name="刘书记"))
    members.delete_member(db, LOCAL_USER, member_id=people["乙"], reason="录入错误")
    (record,) = talks.talks_of_year(db, 2026)
    assert record.data.with_ids == (people["甲"],) and record.with_names == ("张甲",)
