"""The year's talk register (谈心谈话登记表) as .xlsx, read back with openpyxl: the talks in date order, with
whom, form, topic and follow-up, never what was said; laid out to print."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import talk_register, talks
from partydesk.core.storage.database import Database
from tests.core.services.test_talks import people, talk  # noqa: F401  (the fixture)


def test_the_year_s_talks_are_listed_oldest_first_without_what_was_said(
        db: Database, people: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    """Two talks of 2026 entered newest first and one of 2025: the 2026 register lists the two by date, the talker,
    those talked with, the form by name, the topic and the follow-up with its date and 办结; not the content."""
    talks.add_talk(db, LOCAL_USER, talk((people["乙"],), date(2026, 9, 1), by_member_id=people["书记"],
                                        content="家中老人住院，情绪低落"))
    talks.add_talk(db, LOCAL_USER, talk((people["甲"], people["丙"]), date(2026, 3, 5), by_name="街道党工委刘书记",
                                        form="group", follow_up="帮助解决子女入学", follow_up_on=date(2026, 4, 1)))
    talks.add_talk(db, LOCAL_USER, talk((people["甲"],), date(2025, 12, 1), by_member_id=people["书记"]))
    path = tmp_path / talk_register.file_name(2026)
    assert path.name == "谈心谈话登记-2026.xlsx"
    assert talk_register.write_talk_register(db, 2026, path) == 2
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "中共示例社区第一支部委员会2026年谈心谈话登记表"
    assert [c.value for c in sheet[2]] == ["序号", "日期", "谈话人", "谈话对象", "形式", "主题", "跟进事项", "跟进期限",
                                           "办结"]
    first = [c.value for c in sheet[3]]
    assert first[:3] == [1, datetime(2026, 3, 5), "街道党工委刘书记"]
    assert set(first[3].split("、")) == {"张甲", "钱丙"} and first[5:] == [
        "思想动态和工作困难", "帮助解决子女入学", datetime(2026, 4, 1), "否"]
    assert first[4] not in ("group", "", None)  # the form by its name
    assert [c.value for c in sheet[4]][:4] == [2, datetime(2026, 9, 1), "王书记", "赵乙"]
    assert sheet.max_row == 4
    words = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert "住院" not in words  # what was said stays in the program
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"


def test_a_year_without_talks_says_so(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    assert talk_register.write_talk_register(db, 2026, path) == 0
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A3"].value == "2026年没有谈心谈话记录。"
