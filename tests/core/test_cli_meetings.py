"""The `partydesk meetings` commands: types, add, list, compliance, their JSON shapes and their errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import create_demo
from partydesk.core.demo_meetings import gaps as demo_gaps
from partydesk.core.services.members import roster
from partydesk.core.storage.database import Database, open_database
from tests.conftest import set_up_on


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A demo database with 12 members and a year of meetings."""
    path = tmp_path / "demo.db"
    create_demo(path, seed=3, members=12)
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    payload: dict[str, Any] = json.loads(lines[0])
    return code, payload


def members_of(path: Path) -> list[tuple[str, str, str]]:
    """(id, ID number, category) of the demo members, probationary last."""
    db = open_database(path)
    try:
        rows = roster(db, LOCAL_USER)
    finally:
        db.close()
    return sorted(((r.id, r.id_number, r.category) for r in rows), key=lambda r: r[2])


def test_types_lists_codes_and_chinese_names(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    code, payload = run_json(capsys, "meetings", "types", "--db", str(demo))
    assert code == 0
    assert {"code": "general", "name": "支部党员大会"} in payload["types"]
    assert len(payload["types"]) == 8 and all(set(t) == {"code", "name"} for t in payload["types"])


def test_add_by_id_and_id_number_then_list(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    people = members_of(demo)
    full = [p for p in people if p[2] == "1"]
    probationary = len(people) - len(full)
    code, payload = run_json(capsys, "meetings", "add", "--db", str(demo), "--type", "general", "--date",
                             "2026-11-20", "--topic", "讨论预备党员转正", "--present",
                             f"{full[0][0]},{full[1][1]}，{full[2][0]}", "--leave", full[3][0])
    assert code == 0
    assert set(payload) == {"id", "expected", "present", "voting_expected", "voting_present", "quorum_met",
                            "message"}
    assert (payload["expected"], payload["present"]) == (12, 3)
    assert (payload["voting_expected"], payload["voting_present"]) == (12 - probationary, 3)
    assert payload["quorum_met"] is (12 - probationary < 3 * 2)
    code, listed = run_json(capsys, "meetings", "list", "--db", str(demo), "--year", "2026")
    assert code == 0 and listed["year"] == 2026
    mine = [m for m in listed["meetings"] if m["id"] == payload["id"]]
    assert mine == [{"id": payload["id"], "type": "general", "date": "2026-11-20", "topic": "讨论预备党员转正",
                     "party_group": "", "expected": 12, "present": 3}]
    assert len(listed["meetings"]) > 40  # the demo year


@pytest.mark.parametrize("argv,error", [
    (["--type", "nope", "--date", "2026-01-05"], "unknown_meeting_type"),
    (["--type", "general", "--date", "2026-02-30"], "bad_date"),
    (["--type", "general", "--date", "2026-01-05", "--present", "no-such-member"], "unknown_member"),
])
def test_add_refuses_bad_input_with_a_chinese_message(capsys: pytest.CaptureFixture[str], demo: Path,
                                                      argv: list[str], error: str) -> None:
    code, payload = run_json(capsys, "meetings", "add", "--db", str(demo), "--topic", "学习", *argv)
    assert code == 1 and payload["error"] == error
    assert any("\u4e00" <= ch <= "\u9fff" for ch in payload["message"])
    if error == "bad_date":  # what is wrong, not a format the date was already written in
        assert "2026年2月只有 28 天" in payload["message"]
    assert main(["meetings", "add", "--db", str(demo), "--topic", "学习", *argv]) == 1
    assert "错误：" in capsys.readouterr().err


def test_the_same_member_twice_is_refused(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    member_id = members_of(demo)[0][0]
    code, payload = run_json(capsys, "meetings", "add", "--db", str(demo), "--type", "lecture", "--date",
                             "2026-11-20", "--topic", "党课", "--present", member_id, "--absent", member_id)
    assert code == 1 and payload["error"] == "twice"


def test_compliance_shape_and_the_demo_gaps(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    code, payload = run_json(capsys, "meetings", "compliance", "--db", str(demo), "--year", "2026")
    assert code == 0 and payload["year"] == 2026
    keys = {"type", "name", "party_group", "period", "start", "end", "required", "held", "met", "open",
            "before_records"}
    assert all(set(r) == keys for r in payload["periods"])
    assert not any(r["before_records"] for r in payload["periods"])  # the demo's meetings go back to January
    gaps = {(r["type"], r["party_group"], r["period"]) for r in payload["periods"]
            if not r["met"] and r["end"] < "2026-11-01"}
    # The meetings seed 3's demo branch did not hold (each demo seed but the default has gaps of its own).
    assert demo_gaps(3) == ({("committee", 3), ("lecture", 7)}, ("第二党小组", 2))
    assert gaps == {("committee", "", "2026年3月"), ("lecture", "", "2026年第三季度"),
                    ("group", "第二党小组", "2026年2月")}


def test_compliance_leaves_out_the_periods_before_the_branch_began(capsys: pytest.CaptureFixture[str],
                                                                  db: Database, db_path: Path) -> None:
    """Set up on 10 August, no meetings: the first two quarters are marked before the records and counted
    neither as held nor as missing; the third quarter is missing."""
    set_up_on(db, date(2026, 8, 10))
    code, payload = run_json(capsys, "meetings", "compliance", "--db", str(db_path), "--year", "2026")
    assert code == 0
    general = {r["period"]: r for r in payload["periods"] if r["type"] == "general"}
    assert [general[f"2026年第{q}季度"]["before_records"] for q in "一二三四"] == [True, True, False, False]
    assert "2026年第一季度" not in payload["message"] and "未召开：支部党员大会\t2026年第三季度" in payload["message"]
    assert "启用本程序之前结束，不计" in payload["message"]


def test_delete_removes_a_meeting_from_the_list(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    _code, listed = run_json(capsys, "meetings", "list", "--db", str(demo), "--year", "2026")
    first = listed["meetings"][0]["id"]
    code, payload = run_json(capsys, "meetings", "delete", "--db", str(demo), first)
    assert code == 0 and payload["deleted"] is True and payload["id"] == first
    _code, again = run_json(capsys, "meetings", "list", "--db", str(demo), "--year", "2026")
    assert first not in {m["id"] for m in again["meetings"]}
    assert len(again["meetings"]) == len(listed["meetings"]) - 1
    code, payload = run_json(capsys, "meetings", "delete", "--db", str(demo), first)
    assert code == 1 and payload["error"] == "no_meeting" and "找不到" in payload["message"]


def test_compliance_in_a_committee_file_is_given_branch_by_branch(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    """A committee owes none of the branch meetings: each row names its branch, the missing lines too, and
    1001's March 党员大会 is held while 1002's first quarter is not."""
    from tests.core.services.committee_two_branches import two_branch_committee

    hub, _ids = two_branch_committee(tmp_path)
    path = hub.path
    hub.close()
    code, payload = run_json(capsys, "meetings", "compliance", "--db", str(path), "--year", "2026")
    assert code == 0 and {r["branch"] for r in payload["periods"]} == {"第1001支部委员会", "第1002支部委员会"}
    first = {(r["branch"], r["period"]): r["met"] for r in payload["periods"] if r["type"] == "general"}
    assert first[("第1001支部委员会", "2026年第一季度")] and not first[("第1002支部委员会", "2026年第一季度")]
    assert payload["message"].startswith("2026年会议落实情况（2 个支部）：")
    assert "未召开：第1002支部委员会：支部党员大会\t2026年第一季度" in payload["message"]


def test_list_puts_the_party_groups_of_one_day_in_their_order(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    """Several 党小组会 on one day are listed 第一, 第二, 第三, 第四, not in the order they were recorded."""
    from itertools import groupby

    from partydesk.core.domain.group_order import group_sort_key

    code, payload = run_json(capsys, "meetings", "list", "--db", str(demo), "--year", "2026")
    assert code == 0
    days = [list(g) for _d, g in groupby(payload["meetings"], key=lambda m: m["date"])]
    crowded = [d for d in days if len({m["party_group"] for m in d}) > 2]
    assert crowded, "the demo year has days of several group meetings"
    for day in crowded:
        groups = [m["party_group"] for m in day]
        assert groups == sorted(groups, key=group_sort_key)
