"""Rosters as organisation departments (组织部门) hand them out: national 采集表 wording, title and 填报单位
rows above the header, 合计/填表人/审核人 rows below the data, no 人员类别 column, 穿青人 and 大学.

Every fixture is built here in tmp_path with openpyxl.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.idnumber import check_char
from partydesk.core.errors import ValidationError
from partydesk.core.io.rejects import write_rejects
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.roster_import import ImportPlan, apply_import, plan_import, preview
from partydesk.core.storage.database import Database
from tests.core.io.test_roster_import import member

TODAY = date(2026, 6, 1)
# The national collection form's wording (2017 采集表), no 人员类别 column.
NATIONAL = ["序号", "姓名", "性别", "公民身份证号", "民族", "学历", "所在党支部", "加入党组织日期", "转为正式党员日期",
            "联系方式", "现居住地址", "是否为失联党员", "失去联系的日期", "是否为流动党员"]


def make_id(birth: date, seq: int) -> str:
    """A valid resident ID number (odd ``seq`` = male)."""
    first17 = f"110105{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


ID1, ID2, ID3 = make_id(date(1980, 3, 4), 11), make_id(date(1985, 5, 6), 22), make_id(date(1999, 7, 8), 33)


def line(n: int, name: str, id_number: str, **over: object) -> list[object]:
    """One row under NATIONAL; keywords replace columns by header."""
    values: dict[str, object] = {
        "序号": n, "姓名": name, "性别": "男" if int(id_number[16]) % 2 else "女", "公民身份证号": id_number,
        "民族": "汉族", "学历": "大学本科", "所在党支部": "幸福社区第一党支部", "加入党组织日期": "2005-07-01",
        "转为正式党员日期": "2006-07-01", "联系方式": "13800138000", "现居住地址": "幸福路 1 号",
        "是否为失联党员": "否", "失去联系的日期": None, "是否为流动党员": "否"}
    values.update(over)
    return [values[h] for h in NATIONAL]


def office_form(path: Path, rows: Sequence[Sequence[object]], *, footer: bool = True,
                header: Sequence[str] = NATIONAL) -> Path:
    """A 组织部门 form: title, 填报单位 line, the header, ``rows``, then the 合计/填表人/审核人 lines."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["党员基本信息采集表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(["填报单位（盖章）：中共幸福社区委员会", None, None, None, None, None, None, None, "填报日期：2026年5月"])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    if footer:
        ws.append([None] * len(header))
        ws.append(["合计", f"{len(rows)}人"])
        ws.append(["填表人：王小二", None, None, None, "审核人：", "李大", None, "制表日期：2026年5月20日"])
        ws.append(["注：1. 是否为失联党员填“是”或“否”。2. 日期格式为 2021-07-01。"])
        ws.append(["审核人"])
        ws.append([None, None, None, None, "党组织负责人（签字）：", None, "（盖章）"])
    wb.save(path)
    return path


def plan(db: Database, path: Path, **kwargs: Any) -> ImportPlan:
    """plan_import at the fixed test date."""
    return plan_import(db, path, today=TODAY, **kwargs)


def test_national_wording_maps_every_column(tmp_path: Path) -> None:
    """Every header of the national 采集表 names a field; 所在党支部 is a branch column, not a field."""
    found = preview(office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1)]))
    assert found.header_row == 3 and found.header_rows == "3"
    assert set(found.mapping.values()) == {
        "name", "gender", "id_number", "ethnicity", "education", "joined_on", "confirmed_on", "phone", "address",
        "lost_contact", "lost_since", "migrant"}
    assert [h for _i, h in found.unmapped] == ["序号", "所在党支部"]


def test_footer_rows_are_skipped_not_rejected(db: Database, tmp_path: Path) -> None:
    """合计, 填表人/审核人, 注：… and 签字 lines are listed as skipped; no error mentions them."""
    result = plan(db, office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1), line(2, "李梅", ID2)]))
    assert (result.new, result.rejected) == (2, 0)
    assert [(s.row, s.reason) for s in result.skipped] == [
        (7, "表尾“合计”行"), (8, "表尾“填表人”行"), (9, "表尾“注”行"),
        (10, "表尾“审核人”行"), (11, "表尾“签字”行")]
    assert "王小二" in result.skipped[1].text
    assert result.summary()["skipped"][0] == {"row": 7, "reason": "表尾“合计”行", "text": "合计 2人"}
    assert result.skipped[2].text.startswith("注：1."), "the text is shown as written (full-width colon)"


def test_person_row_lacking_fields_is_still_checked(db: Database, tmp_path: Path) -> None:
    """A real person's row without an ID number is rejected with the reason, never taken for a footer."""
    rows = [line(1, "张三", ID1), line(2, "赵六", ID2, 公民身份证号=None, 性别="男")]
    result = plan(db, office_form(tmp_path / "f.xlsx", rows, footer=False))
    assert result.rejected == 1 and not result.skipped
    assert [(i.row, i.name, i.code) for i in result.errors] == [(5, "赵六", "required")]


def test_row_with_only_a_serial_number_is_an_empty_row(db: Database, tmp_path: Path) -> None:
    """A pre-numbered blank line of the form (序号 only) is skipped as empty."""
    result = plan(db, office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1), [2], [3]], footer=False))
    assert (result.new, result.rejected) == (1, 0)
    assert [(s.row, s.reason) for s in result.skipped] == [(5, "空行"), (6, "空行")]


def test_flags_read_yes_and_no(db: Database, tmp_path: Path) -> None:
    """是/否 in 是否为失联党员 and 是否为流动党员 read as true/false."""
    rows = [line(1, "张三", ID1, 是否为失联党员="是", 失去联系的日期="2024-03-01"), line(2, "李梅", ID2)]
    result = plan(db, office_form(tmp_path / "f.xlsx", rows))
    assert result.rejected == 0
    first, second = (r.data for r in result.rows)
    assert first is not None and second is not None
    assert (first.lost_contact, first.lost_since, first.migrant) == (True, date(2024, 3, 1), False)
    assert (second.lost_contact, second.migrant) == (False, False)


def test_category_is_read_from_the_dates_when_the_file_has_none(db: Database, tmp_path: Path) -> None:
    """转正 date → 正式党员; none and within probation → 预备党员; none and past it → 预备党员 with a warning."""
    rows = [line(1, "张三", ID1), line(2, "李梅", ID2, 加入党组织日期="2025-12-01", 转为正式党员日期=None),
            line(3, "王五", ID3, 加入党组织日期="2024-01-10", 转为正式党员日期=None)]
    result = plan(db, office_form(tmp_path / "f.xlsx", rows))
    assert result.rejected == 0
    assert [r.data.category for r in result.rows if r.data] == ["1", "2", "2"]
    assert [i.code for r in result.rows[:2] for i in r.issues if i.field == "category"] == []
    overdue = [i for i in result.rows[2].issues if i.field == "category"]
    assert [(i.code, i.severity, i.name) for i in overdue] == [("category_probation_over", "warning", "王五")]
    assert "2025-01-10" in overdue[0].message and "记录支部的决定" in overdue[0].message


def test_probation_ends_twelve_months_after_joining(db: Database, tmp_path: Path) -> None:
    """The rule table's 12-month probation: joined a year ago today is past it, a day later is not."""
    rows = [line(1, "王五", ID3, 加入党组织日期="2025-06-01", 转为正式党员日期=None),
            line(2, "李梅", ID2, 加入党组织日期="2025-06-02", 转为正式党员日期=None)]
    result = plan(db, office_form(tmp_path / "f.xlsx", rows))
    assert [[i.code for i in r.issues if i.field == "category"] for r in result.rows] == [
        ["category_probation_over"], []]


def test_blank_category_cell_is_inferred_with_a_warning(db: Database, tmp_path: Path) -> None:
    """A 人员类别 column with a blank cell is read from the dates too, and says so."""
    header = [*NATIONAL, "人员类别"]
    result = plan(db, office_form(tmp_path / "f.xlsx", [[*line(1, "张三", ID1), None]], header=header))
    assert result.rows[0].data is not None and result.rows[0].data.category == "1"
    assert [(i.code, i.message) for i in result.rows[0].warnings if i.field == "category"] == [
        ("category_inferred", "人员类别为空，有转正日期，按“正式党员”记录")]


def test_stored_probationary_member_with_a_confirmation_date_becomes_full(db: Database, tmp_path: Path) -> None:
    """Re-importing after 转正: the stored 预备党员 whose row now has a 转正 date is updated to 正式党员."""
    insert_members(db, LOCAL_USER, [member("张三", ID1, category="2", confirmed_on=None, phone="",
                                           party_group="")], today=TODAY)
    result = plan(db, office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1)]))
    assert result.rows[0].action == "updated", result.rows[0].issues
    assert result.rows[0].data is not None and result.rows[0].data.category == "1"


def test_fixed_value_applies_to_every_row(db: Database, tmp_path: Path) -> None:
    """fixed_values gives one 党小组 and one 人员类别 to every row; no inference happens then."""
    rows = [line(1, "张三", ID1, 转为正式党员日期=None, 加入党组织日期="2025-01-10"),
            line(2, "李梅", ID2, 转为正式党员日期=None, 加入党组织日期="2024-01-10")]
    path = office_form(tmp_path / "f.xlsx", rows)
    result = plan(db, path, fixed_values={"party_group": "第二党小组", "category": "预备党员"})
    assert not [i for r in result.rows for i in r.issues if i.field == "category"]
    assert [(r.data.party_group, r.data.category) for r in result.rows if r.data] == [
        ("第二党小组", "2"), ("第二党小组", "2")]
    assert result.fixed_values == {"party_group": "第二党小组", "category": "预备党员"}


def test_fixed_value_outside_the_code_table_is_refused(db: Database, tmp_path: Path) -> None:
    """A fixed 人员类别 not in the table is a ValidationError naming the field; a mapped field cannot be fixed."""
    path = office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1)])
    with pytest.raises(ValidationError, match="人员类别“党员”"):
        plan(db, path, fixed_values={"category": "党员"})
    with pytest.raises(ValueError, match="column and a fixed value"):
        plan(db, path, fixed_values={"gender": "男"})


def test_ambiguous_education_is_a_warning_naming_the_reading(db: Database, tmp_path: Path) -> None:
    """学历 "大学" is read as 大学本科 with a warning that says so; "大学本科" gives none."""
    result = plan(db, office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1, 学历="大学"), line(2, "李梅", ID2)]))
    assert result.rows[0].data is not None and result.rows[0].data.education == "20"
    notes = [(i.column, i.code, i.message) for i in result.rows[0].warnings if i.field == "education"]
    assert notes == [("F", "code_read_as",
                      "学历“大学”按“大学本科”记录：“大学”可能指大学本科，也可能指大学专科（大专），请核对")]
    assert not [i for i in result.rows[1].warnings if i.field == "education"]


def test_undetermined_ethnic_group_is_other_with_a_warning(db: Database, tmp_path: Path) -> None:
    """穿青人 is stored as 97 其他 and the warning keeps the written name; 崩龙族 becomes 德昂族."""
    rows = [line(1, "张三", ID1, 民族="穿青人"), line(2, "李梅", ID2, 民族="崩龙族")]
    result = plan(db, office_form(tmp_path / "f.xlsx", rows))
    first, second = result.rows
    assert first.data is not None and first.data.ethnicity == "97"
    assert second.data is not None and second.data.ethnicity == "46"
    message = next(i.message for i in first.warnings if i.field == "ethnicity")
    assert "穿青人" in message and "其他" in message and "备注" in message
    assert "德昂族" in next(i.message for i in second.warnings if i.field == "ethnicity")


@pytest.mark.parametrize("cell", [2019.3, "2019.3", "1972.11", "2019年3月", "2019-03"])
def test_year_month_is_rejected_where_the_day_is_needed(db: Database, tmp_path: Path, cell: object) -> None:
    """失去联系的日期 must be known to the day: a month is date_no_day, even as a number cell (never a 1905 serial)."""
    row = line(1, "张三", ID1, 是否为失联党员="是", 失去联系的日期=cell)
    result = plan(db, office_form(tmp_path / "f.xlsx", [row]))
    [error] = [i for i in result.errors if i.field == "lost_since"]
    assert error.code == "date_no_day"
    assert "只写到月" in error.message and "请补全日" in error.message and str(cell) in error.message


def test_every_problem_names_the_row_person(db: Database, tmp_path: Path) -> None:
    """Errors and warnings carry the row's 姓名, in the plan and in the JSON summary."""
    rows = [line(1, "张三", ID1, 性别="火星"), line(2, "李梅", ID2, 学历="大学")]
    summary = plan(db, office_form(tmp_path / "f.xlsx", rows)).summary()
    assert [(r["row"], r["name"]) for r in summary["rows"]] == [(4, "张三")]
    assert [(r["row"], r["name"]) for r in summary["warnings"]] == [(5, "李梅")]


def test_rejects_workbook_has_a_column_for_every_required_field(db: Database, tmp_path: Path) -> None:
    """The file had no 人员类别 column: the rejects sheet adds one (with the fixed value if one was given),
    and its header is recognised when the sheet is imported back."""
    rows = [line(1, "张三", ID1, 性别="火星"), line(2, "李梅", ID2)]
    result = plan(db, office_form(tmp_path / "f.xlsx", rows), fixed_values={"category": "正式党员"})
    out = write_rejects(result, tmp_path / "rejected.xlsx")
    kept = list(openpyxl.load_workbook(out)["未通过的行"].iter_rows(values_only=True))
    assert kept[0] == ("原行号", *NATIONAL, "人员类别", "错误原因")
    assert kept[1][0] == 4 and kept[1][-2] == "正式党员"
    assert "category" in preview(out).mapping.values()
    result = plan(db, office_form(tmp_path / "g.xlsx", rows))
    blank = list(openpyxl.load_workbook(write_rejects(result, tmp_path / "r2.xlsx"))["未通过的行"].iter_rows(
        values_only=True))
    assert blank[0] == kept[0] and blank[1][-2] is None


def test_office_form_imports_end_to_end(db: Database, tmp_path: Path) -> None:
    """The whole form applies: people written, footer rows skipped, nothing rejected."""
    rows = [line(1, "张三", ID1), line(2, "李梅", ID2, 加入党组织日期="2025-12-01", 转为正式党员日期=None)]
    result = apply_import(db, LOCAL_USER, plan(db, office_form(tmp_path / "f.xlsx", rows)))
    assert (result.new, result.rejected) == (2, 0)


def test_preview_marks_the_rows_that_are_no_members(tmp_path: Path) -> None:
    """The preview names each footer or empty row with the reason the plan will skip it."""
    found = preview(office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1), [2]]))
    assert found.not_people == {5: "空行", 7: "表尾“合计”行", 8: "表尾“填表人”行", 9: "表尾“注”行",
                                10: "表尾“审核人”行", 11: "表尾“签字”行"}


def test_plan_says_when_the_category_comes_from_the_dates(db: Database, tmp_path: Path) -> None:
    """category_from_dates is true without a 人员类别 column or fixed value, false with either."""
    path = office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1)])
    assert plan(db, path).summary()["category_from_dates"] is True
    assert plan(db, path, fixed_values={"category": "正式党员"}).category_from_dates is False


def test_an_office_s_own_work_post_words_go_to_the_notes_and_keep_a_category_chosen_since(
        db: Database, tmp_path: Path) -> None:
    """工作岗位 村会计 (no statistics category): a new member is imported with the field empty and the words in
    备注; imported again after the category was chosen in the record, the category stays."""
    from dataclasses import replace

    from partydesk.core.domain import codes
    from partydesk.core.domain.member import input_from_data
    from partydesk.core.services.members import get_member, roster, update_member

    path = office_form(tmp_path / "f.xlsx", [[*line(1, "张三", ID1), "村会计"]], header=[*NATIONAL, "工作岗位"])
    first = plan(db, path)
    assert (first.new, first.rejected) == (1, 0)
    assert [w.code for r in first.rows for w in r.warnings if w.field == "work_post"] == ["kept_in_notes"]
    apply_import(db, LOCAL_USER, first)
    (row,) = roster(db, LOCAL_USER)
    record = get_member(db, LOCAL_USER, row.id)
    assert record.data.work_post == "" and "工作岗位：村会计" in record.data.notes
    farmer = codes.WORK_POST.code_of("农牧渔民")
    update_member(db, LOCAL_USER, member_id=row.id, data=replace(input_from_data(record.data), work_post=farmer))
    again = plan(db, path)
    assert again.rejected == 0
    apply_import(db, LOCAL_USER, again)
    assert get_member(db, LOCAL_USER, row.id).data.work_post == farmer


def grouped_form(path: Path) -> Path:
    """A form whose header takes two rows: 基本情况 over 姓名…, 入党情况 over the two dates, and 序号, 联系电话,
    备注 merged down both rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["中共幸福社区第一党支部党员花名册"])
    ws.merge_cells("A1:I1")
    ws.append(["序号", "基本情况", None, None, None, "入党情况", None, "联系电话", "备注"])
    ws.append([None, "姓名", "性别", "公民身份号码", "民族", "入党时间", "转正时间"])
    for merged in ("A2:A3", "B2:E2", "F2:G2", "H2:H3", "I2:I3"):
        ws.merge_cells(merged)
    ws.append([1, "张三", "男", ID1, "汉族", "2005.07", "2006.07", "13800138000", None])
    ws.append([2, "李梅", "女", ID2, "汉族", "2010.06", "2011.06", "13900139000", "流动党员"])
    ws.append(["合计", "2人"])
    wb.save(path)
    return path


def test_a_header_over_two_rows_names_every_column(db: Database, tmp_path: Path) -> None:
    """Before, only the lower header row was read: 联系电话 and 备注, merged down both rows, had no name, and
    the phones were left out unsaid."""
    found = preview(grouped_form(tmp_path / "f.xlsx"))
    assert found.header_row == 3 and found.header_rows == "2–3"  # (the wizard: 表头在第 2–3 行)
    assert set(found.mapping.values()) == {"name", "gender", "id_number", "ethnicity", "joined_on", "confirmed_on",
                                           "phone", "notes"}
    result = plan(db, grouped_form(tmp_path / "f.xlsx"))
    assert (result.new, result.rejected) == (2, 0)
    assert [r.data.phone for r in result.rows if r.data] == ["13800138000", "13900139000"]


@pytest.mark.parametrize("text", [
    # The names under a group heading in the row below the one found (入党时间、转正时间 under 入党情况).
    "序号,姓名,性别,公民身份号码,入党情况,,联系电话\n,,,,入党时间,转正时间,\n",
    # The ungrouped names in the row above the one found, as a CSV saved from the form writes them.
    "序号,基本情况,,,入党情况,,联系电话\n,姓名,性别,公民身份号码,入党时间,转正时间,\n",
])
def test_a_csv_of_a_two_row_header_names_every_column(db: Database, tmp_path: Path, text: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text("党员花名册,,,,,,\n" + text + f"1,张三,男,{ID1},2005.07,2006.07,13800138000\n", encoding="utf-8")
    found = preview(path)
    assert set(found.mapping.values()) == {"name", "gender", "id_number", "joined_on", "confirmed_on", "phone"}
    assert found.header_rows == "2–3"
    result = plan(db, path)
    assert (result.new, result.rejected) == (1, 0)
    assert result.rows[0].data is not None and result.rows[0].data.phone == "13800138000"
