"""Importing a roster over records kept here: a 转正 recorded in the program is not withdrawn by an older file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member_events import EventKind
from partydesk.core.services import members
from partydesk.core.services.roster_import import apply_import
from partydesk.core.storage.database import Database
from tests.core.io.test_roster_import import TODAY, member, person, plan, save_xlsx, seed


def test_an_older_roster_never_withdraws_a_confirmation_recorded_here(db: Database, tmp_path: Path) -> None:
    """A 转正 recorded in the program survives re-importing the file from before it: the row's other changes are
    applied, the member stays 正式党员 with the recorded event, and the plan says why it kept them."""
    seed(db, member(category="2", joined_on=date(2025, 3, 1), confirmed_on=None))
    member_id = members.roster(db, LOCAL_USER)[0].id
    members.add_event(db, LOCAL_USER, member_id=member_id, kind=EventKind.CONFIRMED, on_date=date(2026, 3, 1),
                      note="支部大会讨论通过", today=TODAY)
    path = save_xlsx(tmp_path / "r.xlsx", [person(人员类别="预备党员", 入党日期="2025-03-01", 转正日期=None,
                                                  联系电话="13900139000")])
    result = plan(db, path)
    row = result.rows[0]
    assert (row.action, row.changed_fields) == ("updated", ("phone",))
    assert [i.code for i in row.issues] == ["confirmation_kept"]
    assert "已记录 2026年03月01日 转正" in row.issues[0].message
    apply_import(db, LOCAL_USER, result)
    after = members.roster(db, LOCAL_USER)[0]
    assert (after.category, after.confirmed_on, after.phone) == ("1", date(2026, 3, 1), "13900139000")
    events = members.member_events(db, LOCAL_USER, member_id)
    assert [(e.kind, e.on_date) for e in events if e.kind is EventKind.CONFIRMED] == [
        (EventKind.CONFIRMED, date(2026, 3, 1))]


def test_empty_cells_keep_what_is_recorded_and_say_so(db: Database, tmp_path: Path) -> None:
    """A roster whose 联系电话 and 党小组 cells are empty for a member on record: the recorded values stay (an
    office's copy leaves cells unfilled; before, the update wiped them with nothing said), the plan names the
    fields kept, and a row with no other difference is unchanged."""
    seed(db, member(phone="13900139000", party_group="第二党小组"))
    path = save_xlsx(tmp_path / "r.xlsx", [person(联系电话=None, 党小组="")])
    result = plan(db, path)
    row = result.rows[0]
    assert row.action == "unchanged", row.changed_fields
    [kept] = [i for i in row.issues if i.code == "blank_kept"]
    assert kept.severity == "warning" and "表中党小组、联系电话为空：保留已有的记录" in kept.message
    apply_import(db, LOCAL_USER, result)
    after = members.roster(db, LOCAL_USER)[0]
    assert (after.phone, after.party_group) == ("13900139000", "第二党小组")
