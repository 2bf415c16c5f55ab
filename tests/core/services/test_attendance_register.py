"""A year's attendance statistics (党员出勤统计表) as .xlsx, read back with openpyxl: each member's meetings expected,
attended, on leave and absent, the share attended and a run of absences, in name order; laid out to print; and
``partydesk meetings attendance`` / ``talks register`` writing theirs."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.services import attendance_register, meetings, members
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT, MeetingData

TODAY = date(2026, 11, 30)


def add_member(db: Database, name: str, seed: int) -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, seed), True)
    data = MemberInput(name=name, gender="男", id_number=number, category="正式党员", joined_on="2000-07-01",
                       confirmed_on="2001-07-01", party_group="第一党小组")
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def hold(db: Database, day: date, statuses: dict[str, str]) -> None:
    meetings.add_meeting(db, LOCAL_USER, MeetingData(type_code="theme_day", topic="主题党日", held_on=day),
                         statuses=statuses)


@pytest.fixture
def people(db: Database) -> dict[str, str]:
    """张强 at every meeting; 李明 on leave once; 王芳 absent from the last three of 2026."""
    found = {name: add_member(db, name, seed) for seed, name in enumerate(("张强", "李明", "王芳"), start=1)}
    zhang, li, wang = found["张强"], found["李明"], found["王芳"]
    hold(db, date(2025, 11, 10), {zhang: PRESENT, li: PRESENT, wang: ABSENT})
    hold(db, date(2026, 3, 15), {zhang: PRESENT, li: LEAVE, wang: PRESENT})
    for month in (6, 7, 8):
        hold(db, date(2026, month, 15), {zhang: PRESENT, li: PRESENT, wang: ABSENT})
    return found


def values(path: Path) -> list[list[object]]:
    sheet = openpyxl.load_workbook(path).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_each_member_s_year_is_listed_in_name_order_with_rate_and_run(
        db: Database, people: dict[str, str], tmp_path: Path) -> None:
    """2026 so far: four meetings; 李明 (li) before 王芳 (wang) before 张强 (zhang); 王芳 absent three times in a
    row; the title says the year is not over; how the figures are counted is said under the rows."""
    path = tmp_path / attendance_register.file_name(2026)
    assert path.name == "党员出勤统计-2026.xlsx"
    assert attendance_register.write_attendance_register(db, 2026, path, today=TODAY) == 3
    rows = values(path)
    assert rows[0][0] == "中共示例社区第一支部委员会2026年党员出勤统计表（截至11月30日）"
    assert rows[1] == ["序号", "姓名", "应到", "出席", "请假", "缺席", "出勤率", "连续缺席", "备注"]
    assert rows[2][:8] == [1, "李明", 4, 3, 1, 0, "75%", None]
    assert rows[3][:8] == [2, "王芳", 4, 1, 0, 3, "25%", "3 次"]
    assert rows[4][:8] == [3, "张强", 4, 4, 0, 0, "100%", None]
    assert "请假不计为出席" in str(rows[5][0]) and len(rows) == 6
    sheet = openpyxl.load_workbook(path).active
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"
    assert sheet.print_area == "'2026年出勤统计'!$A$1:$I$6"  # the note is printed too


def test_a_past_year_is_whole_and_its_runs_end_with_it(db: Database, people: dict[str, str], tmp_path: Path) -> None:
    """2025 held one meeting: no 截至 in the title; 王芳's single absence is no run of three."""
    sheet = attendance_register.sheet_of(db, 2025, today=TODAY)
    assert sheet.title == "中共示例社区第一支部委员会2025年党员出勤统计表"
    assert [r[1:8] for r in sheet.rows] == [["李明", 1, 1, 0, 0, "100%", ""], ["王芳", 1, 0, 0, 1, "0%", ""],
                                            ["张强", 1, 1, 0, 0, "100%", ""]]


def test_a_year_not_begun_says_no_day_so_far(db: Database, people: dict[str, str]) -> None:
    """Next year's sheet (nothing held yet) is titled without 截至 a day of this year."""
    assert attendance_register.sheet_of(db, 2027, today=TODAY).title.endswith("2027年党员出勤统计表")


def test_a_member_flagged_without_a_meeting_in_the_year_is_listed_as_on_screen(
        db: Database, people: dict[str, str]) -> None:
    """In January 2027 no meeting of the year is held yet, but 王芳's run of three goes on: she is listed with
    nothing expected (出勤率 —) and her run, as the 出勤统计 tab lists her."""
    sheet = attendance_register.sheet_of(db, 2027, today=date(2027, 1, 20))
    assert [r[1:8] for r in sheet.rows] == [["王芳", 0, 0, 0, 0, "—", "3 次"]]


def test_a_year_without_meetings_says_so(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    assert attendance_register.write_attendance_register(db, 2026, path, today=TODAY) == 0
    assert values(path)[2][0] == "2026年的会议记录中没有应到的党员（尚未记录会议或出席情况）。"


def test_the_command_line_writes_the_attendance_and_the_talk_register(
        db: Database, db_path: Path, people: dict[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`meetings attendance --year --out` and `talks register --year --out`: exit 0 with a JSON answer and the
    file; another suffix or an unknown branch code exits 1 in Chinese, writing nothing."""
    db.close()
    out = tmp_path / "出勤.xlsx"
    assert main(["meetings", "attendance", "--db", str(db_path), "--year", "2026", "--out", str(out), "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["members"] == 3 and answer["path"] == str(out)
    assert values(out)[3][1] == "王芳"
    assert main(["meetings", "attendance", "--db", str(db_path), "--out", str(tmp_path / "a.csv")]) == 1
    assert "出勤统计导出为 .xlsx 文件" in capsys.readouterr().err
    assert main(["meetings", "attendance", "--db", str(db_path), "--branch", "9999", "--out", str(out)]) == 1
    assert "没有组织代码为 9999 的支部" in capsys.readouterr().err
    talks_out = tmp_path / "谈话.xlsx"
    assert main(["talks", "register", "--db", str(db_path), "--year", "2026", "--out", str(talks_out)]) == 0
    assert "谈心谈话登记表（0 次谈话）" in capsys.readouterr().out
    assert values(talks_out)[2][0] == "2026年没有谈心谈话记录。"
    assert not (tmp_path / "a.csv").exists()
