"""Tests of the roster importer: preview, the dry-run plan and the rejects workbook (matching existing members and the
all-or-nothing apply are in ``test_roster_import_apply``).

Every fixture file is built here in tmp_path (openpyxl or raw bytes); nothing binary is committed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from sqlalchemy import func, select

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.idnumber import check_char
from partydesk.core.domain.member import MemberData
from partydesk.core.domain.roster import RosterRow
from partydesk.core.io.roster_headers import resolve_mapping
from partydesk.core.services import members, roster_import
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.roster_import import (
    ImportPlan,
    ImportRejected,
    apply_import,
    plan_import,
    preview,
    write_rejects,
)
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import MemberEventRow

TODAY = date(2026, 6, 1)
HEADER = ["姓名", "性别", "公民身份号码", "人员类别", "入党日期", "转正日期", "党小组", "联系电话"]
RARE = "\U00020000"  # 𠀀, CJK Extension B: four bytes in UTF-8 and in GB18030


def make_id(birth: date, seq: int, region: str = "110105") -> str:
    """A valid 18-digit resident ID number (odd ``seq`` = male)."""
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


ID1 = make_id(date(1980, 3, 4), 11)  # male
ID2 = make_id(date(1985, 5, 6), 22)  # female
ID3 = make_id(date(1975, 7, 8), 33)  # male


def person(name: str = "张三", id_number: str = ID1, **over: object) -> list[object]:
    """One roster line under HEADER; keyword arguments replace columns by header name."""
    gender = "男" if int(id_number[16]) % 2 else "女"
    values: dict[str, object] = {"姓名": name, "性别": gender, "公民身份号码": id_number, "人员类别": "正式党员",
                                 "入党日期": "2005-07-01", "转正日期": "2006-07-01", "党小组": "第一党小组",
                                 "联系电话": "13800138000"}
    values.update(over)
    return [values[h] for h in HEADER]


def save_xlsx(path: Path, rows: Sequence[Sequence[object]], *, title: str | None = "幸福社区第一支部党员花名册",
              header: Sequence[str] = HEADER) -> Path:
    """Write a workbook: an optional title row, the header, then ``rows``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append([title])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def csv_bytes(rows: Sequence[Sequence[object]], encoding: str) -> bytes:
    """A CSV roster with a title line, encoded as ``encoding``."""
    lines = ["党员花名册", ",".join(HEADER)] + [",".join(str(v) for v in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def plan(db: Database, path: Path, **kwargs: Any) -> ImportPlan:
    """plan_import with the fixed test date."""
    return plan_import(db, path, today=TODAY, **kwargs)


def only(plan_: ImportPlan) -> MemberData:
    """The data of the single row of a plan, which must not be rejected."""
    assert len(plan_.rows) == 1, plan_.rows
    assert plan_.rows[0].data is not None, plan_.rows[0].issues
    return plan_.rows[0].data


def codes_of(plan_: ImportPlan) -> list[tuple[int, str, str]]:
    """(row, column, code) of every error."""
    return [(i.row, i.column, i.code) for i in plan_.errors]


def stored(db: Database) -> list[RosterRow]:
    """The whole live roster, sorted for comparison."""
    return sorted(members.roster(db, LOCAL_USER))


def event_count(db: Database) -> int:
    """How many member events the database holds."""
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(MemberEventRow)).scalar_one())


def seed(db: Database, *rows: MemberData) -> None:
    """Store members directly."""
    insert_members(db, LOCAL_USER, list(rows), today=TODAY)


def member(name: str = "张三", id_number: str = ID1, **over: Any) -> MemberData:
    """A checked member matching ``person`` with the same arguments."""
    base: dict[str, Any] = {"name": name, "gender": "1" if int(id_number[16]) % 2 else "2", "id_type": "1",
                            "id_number": id_number, "category": "1", "joined_on": date(2005, 7, 1),
                            "confirmed_on": date(2006, 7, 1), "party_group": "第一党小组", "phone": "13800138000",
                            "birth_date": date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))}
    base.update(over)
    return MemberData(**base)


# --- reading offices' files ----------------------------------------------------------------------


def test_title_row_and_header_synonyms_are_recognised(db: Database, tmp_path: Path) -> None:
    """A title row above the header is skipped and synonym headers (党员姓名, 身份证号码, 手机号) map to fields."""
    header = ["党员姓名", "性别", "身份证号码", "党员类别", "入党时间", "转正时间", "所在党小组", "手机号"]
    path = save_xlsx(tmp_path / "r.xlsx", [person(), person("李梅", ID2)], header=header)
    p = preview(path)
    assert p.header_row == 2
    assert set(p.mapping.values()) == {"name", "gender", "id_number", "category", "joined_on", "confirmed_on",
                                       "party_group", "phone"}
    result = plan(db, path)
    assert (result.new, result.rejected) == (2, 0)
    assert result.rows[1].data is not None and result.rows[1].data.name == "李梅"
    assert result.rows[1].data.joined_on == date(2005, 7, 1)


def test_merged_party_group_cells_are_filled_down(db: Database, tmp_path: Path) -> None:
    """A 党小组 cell merged over several members gives each of them that group."""
    path = tmp_path / "r.xlsx"
    save_xlsx(path, [person(), person("李梅", ID2, 党小组=None), person("王五", ID3, 党小组=None)])
    wb = openpyxl.load_workbook(path)
    wb.active.merge_cells("G3:G5")
    wb.save(path)
    result = plan(db, path)
    assert [r.data.party_group for r in result.rows if r.data] == ["第一党小组"] * 3


def test_merged_name_cell_is_rejected_not_copied(db: Database, tmp_path: Path) -> None:
    """A name merged over two rows is a layout mistake: the covered row is rejected with merged_cell."""
    path = tmp_path / "r.xlsx"
    save_xlsx(path, [person(), person(None, ID2)])  # type: ignore[arg-type]
    wb = openpyxl.load_workbook(path)
    wb.active.merge_cells("A3:A4")
    wb.save(path)
    result = plan(db, path)
    assert codes_of(result) == [(4, "A", "merged_cell")]
    assert result.new == 1


@pytest.mark.parametrize(
    "joined",
    [datetime(2021, 7, 1), 44378, 44378.0, "44378", "2021-07-01", "2021/7/1", "2021.7.1", "2021年7月1日",
     "20210701", 20210701, "２０２１年７月１日"],
    ids=["date-cell", "serial-int", "serial-float", "serial-text", "iso", "slash", "dot", "chinese", "compact",
         "compact-number", "full-width"],
)
def test_every_common_date_form_is_read(db: Database, tmp_path: Path, joined: object) -> None:
    """入党日期 as a date cell, an Excel serial, or text in any usual form all read as 2021-07-01."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(入党日期=joined, 转正日期=None, 人员类别="预备党员")])
    assert only(plan(db, path)).joined_on == date(2021, 7, 1)


def test_serial_dates_follow_the_workbooks_1904_date_system(db: Database, tmp_path: Path) -> None:
    """In a 1904-system workbook (old Mac Excel) serial 42916 is 2021-07-01, not 2025-07-02."""
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(HEADER)
    ws.append(person(入党日期=None, 转正日期=None, 人员类别="预备党员"))
    ws["E2"].value = 42916
    ws["E2"].number_format = "General"
    path = tmp_path / "mac.xlsx"
    wb.save(path)
    assert only(plan(db, path)).joined_on == date(2021, 7, 1)


def test_two_digit_year_is_rejected_with_the_column(db: Database, tmp_path: Path) -> None:
    """A date like 21/7/1 is refused rather than guessed, naming the column and header."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(入党日期="21/7/1")])
    result = plan(db, path)
    assert codes_of(result) == [(3, "E", "date_format")]
    assert result.errors[0].header == "入党日期"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_office_encoding_gives_identical_results(
    db: Database, tmp_path: Path, encoding: str
) -> None:
    """UTF-8 (with or without BOM), GBK and GB18030 CSVs of the same roster plan identically."""
    rows = [person(), person("阿依古丽·买买提", ID2, 党小组="第二党小组")]
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(csv_bytes(rows, encoding))
    reference = tmp_path / "ref.xlsx"
    save_xlsx(reference, rows)
    got, expected = plan(db, path), plan(db, reference)
    assert [r.data for r in got.rows] == [r.data for r in expected.rows]
    assert got.new == 2
    # A GBK reading is worth a word (garbled names mean the file is not GBK); UTF-8 is only in the facts line.
    said = [w for w in preview(path).warnings if "编码" in w]
    assert said == ([] if encoding.startswith("utf-8") else [
        "CSV 文件按 GBK/GB18030 编码读取：如果预览中的姓名等文字是乱码，请在 Excel/WPS 中另存为“CSV UTF-8”后再导入。"])


@pytest.mark.parametrize("kind", ["xlsx", "utf-8", "gb18030"])
def test_four_byte_name_characters_survive_import_and_round_trip(
    db: Database, tmp_path: Path, kind: str
) -> None:
    """A name with a CJK Extension B character (𠀀) is stored intact and re-imports as unchanged."""
    name = f"张{RARE}"
    rows = [person(name)]
    if kind == "xlsx":
        path = save_xlsx(tmp_path / "r.xlsx", rows)
    else:
        path = tmp_path / "r.csv"
        path.write_bytes(csv_bytes(rows, kind))
    apply_import(db, LOCAL_USER, plan(db, path))
    assert [r.name for r in members.roster(db, LOCAL_USER)] == [name]
    from partydesk.core.domain.masking import Masking
    from partydesk.core.services.roster_export import export_roster

    out = export_roster(db, LOCAL_USER, tmp_path / "out.xlsx", masking=Masking.FULL, today=TODAY).path
    again = plan(db, out)
    assert (again.unchanged, again.new, again.updated, again.rejected) == (1, 0, 0, 0)


def test_undecodable_csv_bytes_reject_the_file_with_line_and_byte(db: Database, tmp_path: Path) -> None:
    """A byte neither UTF-8 nor GB18030 can decode rejects the whole file, naming line and byte; nothing is written."""
    data = csv_bytes([person()], "utf-8")
    lines = data.split(b"\r\n")
    lines[2] = lines[2].replace("张三".encode(), "张三".encode() + b"\xff")
    path = tmp_path / "broken.csv"
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(ImportRejected) as info:
        plan(db, path)
    assert info.value.code == "encoding"
    assert info.value.line == 3
    assert info.value.byte_offset == data.index("张三".encode()) + 6
    assert "第 3 行" in info.value.message
    assert members.roster(db, LOCAL_USER) == []


def test_numeric_id_cell_is_rejected_with_advice_never_repaired(db: Database, tmp_path: Path) -> None:
    """An ID number stored as a number (already cut to 15 digits by Excel) is rejected with id_excel_number."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(公民身份号码=float(ID1[:17] + "0"))])
    result = plan(db, path)
    assert codes_of(result) == [(3, "C", "id_excel_number")]
    assert "文本" in result.errors[0].message
    assert "存为数字" in preview(path).rows[0].flags.values()
    assert any("存成了数字" in w for w in preview(path).warnings)


def test_scientific_notation_id_text_is_rejected(db: Database, tmp_path: Path) -> None:
    """ID text that shows Excel's damage ("1.10105E+17") is rejected the same way."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(公民身份号码="1.10105E+17")])
    assert codes_of(plan(db, path)) == [(3, "C", "id_excel_number")]


def test_formula_without_cached_value_is_rejected(db: Database, tmp_path: Path) -> None:
    """A formula the saving tool never calculated is rejected with formula_no_value, not read as empty."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(党小组="=\"第一\"&\"党小组\"")])
    result = plan(db, path)
    assert codes_of(result) == [(3, "G", "formula_no_value")]
    assert any("公式" in w for w in preview(path).warnings)


def test_duplicate_id_in_file_rejects_every_later_row(db: Database, tmp_path: Path) -> None:
    """The second and third rows with an ID number already in the file are rejected with duplicate_in_file."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(), person("李梅", ID2), person("张三"), person("张叁")])
    result = plan(db, path)
    assert codes_of(result) == [(5, "C", "duplicate_in_file"), (6, "C", "duplicate_in_file")]
    assert "第 3 行" in result.errors[0].message
    assert result.new == 2


def test_a_duplicate_of_a_rejected_row_says_neither_is_imported(db: Database, tmp_path: Path) -> None:
    """When the first row with an ID number is itself rejected, the repeat does not claim the first is taken."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(入党日期="2019.13"), person("张叁")])
    result = plan(db, path)
    assert codes_of(result) == [(3, "E", "date_invalid"), (4, "C", "duplicate_in_file")]
    assert "第 3 行也未通过检查，两行都不会导入" in result.errors[1].message
    assert "只导入第一次出现的行" not in result.errors[1].message
    assert result.new == 0


def test_masked_id_from_a_masked_export_is_rejected(db: Database, tmp_path: Path) -> None:
    """An ID with stars (from a masked export) is rejected with id_masked, telling the user to export 完整号码."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(公民身份号码="**************" + ID1[-4:], 联系电话="138****8000")])
    result = plan(db, path)
    assert codes_of(result) == [(3, "C", "id_masked"), (3, "H", "phone_masked")]
    assert "完整号码" in result.errors[0].message


def test_rows_with_only_warnings_are_imported_and_keep_them(db: Database, tmp_path: Path) -> None:
    """A 正式党员 without a 转正 date is imported, with the confirmed_missing warning attached."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(转正日期=None)])
    result = plan(db, path)
    assert result.new == 1
    assert [(w.row, w.column, w.code) for w in result.warnings] == [(3, "F", "confirmed_missing")]
    assert result.summary()["warnings"][0]["code"] == "confirmed_missing"


def test_a_village_roster_s_wen_mang_is_taken_as_other_with_a_remark(db: Database, tmp_path: Path) -> None:
    """学历 文盲, common on village rosters, no longer stops the row: it is imported as 其他 with a warning saying so;
    a word the table does not have names what it accepts (an Excel roster has no list to pick from)."""
    rows = [[*person(), "文盲"], [*person("李四", make_id(date(1960, 5, 1), 21)), "扫盲班"]]
    path = save_xlsx(tmp_path / "r.xlsx", rows, header=[*HEADER, "学历"])
    result = plan(db, path)
    taken = [r.data for r in result.rows if r.data is not None]
    assert result.new == 1 and [d.education for d in taken] == ["90"]
    [note] = result.warnings
    assert note.row == 3 and "按“其他”记录" in note.message
    [error] = result.errors
    assert error.row == 4 and "可填：研究生" in error.message and "其他" in error.message


def test_an_old_fifteen_digit_id_is_upgraded_and_said_so(db: Database, tmp_path: Path) -> None:
    """An old 15-digit ID (a record from the 1990s) is imported as its 18-digit form, with a warning that says so:
    upgraded silently, a number nobody typed would stand in the roster unchecked."""
    old = ID1[:6] + ID1[8:17]  # 110105 800304 011: the year's "19" and the check digit left out
    path = save_xlsx(tmp_path / "r.xlsx", [person(公民身份号码=old)])
    result = plan(db, path)
    assert only(result).id_number == ID1
    [note] = result.warnings
    assert (note.row, note.column, note.code) == (3, "C", "id_upgraded")
    assert "15 位" in note.message and "18 位" in note.message and ID1 not in note.message


def test_file_without_an_id_column_is_refused(db: Database, tmp_path: Path) -> None:
    """Without a 公民身份号码 column nobody can be matched: the file is refused with no_id_column."""
    header = ["姓名", "性别", "人员类别", "入党日期"]
    path = save_xlsx(tmp_path / "r.xlsx", [["张三", "男", "正式党员", "2005-07-01"]], header=header)
    assert any("公民身份号码" in w for w in preview(path).warnings)
    with pytest.raises(ImportRejected) as info:
        plan(db, path)
    assert info.value.code == "no_id_column"


def test_user_mapping_assigns_an_unrecognised_column(db: Database, tmp_path: Path) -> None:
    """A column whose header is unknown ("移动电话号") is imported once the user maps it."""
    header = [*HEADER[:-1], "移动电话号"]
    path = save_xlsx(tmp_path / "r.xlsx", [person(联系电话="13900139000")], header=header)
    p = preview(path)
    assert p.unmapped == [(7, "移动电话号")]
    assert "phone" in p.missing_fields
    mapping = resolve_mapping(p.headers, {7: "phone"})
    assert only(plan(db, path, mapping=mapping)).phone == "13900139000"


def test_hidden_rows_are_announced_and_skipped_only_on_request(db: Database, tmp_path: Path) -> None:
    """Hidden rows are named in the preview warnings and imported unless skip_hidden_rows is set."""
    path = save_xlsx(tmp_path / "r.xlsx", [person(), person("李梅", ID2)])
    wb = openpyxl.load_workbook(path)
    wb.active.row_dimensions[4].hidden = True
    wb.save(path)
    p = preview(path)
    assert any("第 4" in w and "隐藏" in w for w in p.warnings)
    assert p.rows[1].hidden
    assert plan(db, path).new == 2
    skipped = plan(db, path, skip_hidden_rows=True)
    assert (skipped.new, skipped.skipped_hidden) == (1, (4,))


# --- the rejected-rows workbook ------------------------------------------------------------------


def test_rejects_workbook_lists_row_column_and_message(db: Database, tmp_path: Path) -> None:
    """write_rejects saves each rejected row with its reasons, and a sheet with one line per error (in words:
    the program's own error codes stay out of the office's workbook)."""
    rows = [person(), person("李梅", ID2, 性别="火星"), person(公民身份号码=float(ID1[:15] + "000"))]
    result = plan(db, save_xlsx(tmp_path / "r.xlsx", rows))
    out = write_rejects(result, tmp_path / "rejected.xlsx")
    wb = openpyxl.load_workbook(out)
    errors = list(wb["错误清单"].iter_rows(values_only=True))
    assert errors[0] == ("行号", "姓名", "列", "表头", "说明")
    assert [(r[0], r[1], r[2], r[3]) for r in errors[1:]] == [(4, "李梅", "B", "性别"),
                                                             (5, "张三", "C", "公民身份号码")]
    assert all(r[4] and r[4].isascii() is False for r in errors[1:])
    assert not any("_" in str(cell) for r in errors for cell in r if isinstance(cell, str))
    kept = list(wb["未通过的行"].iter_rows(values_only=True))
    assert kept[0] == ("原行号", *HEADER, "错误原因")
    assert [r[0] for r in kept[1:]] == [4, 5]
    # The reason names the cell in this sheet, where the row is corrected (原行号 is in front: 性别 is in C here),
    # and in the file, where it may be corrected instead (B, as the 错误清单 says).
    assert kept[1][1] == "李梅" and "C列（性别，原文件 B 列）" in kept[1][-1] and kept[0][2] == "性别"
    assert "D列（公民身份号码，原文件 C 列）" in kept[2][-1] and kept[0][3] == "公民身份号码"
    # The sheet can be corrected and imported again: the reader finds its header.
    assert preview(out).headers[1:-1] == HEADER
    # The ID column is text in every row, so a corrected number typed in stays 18 digits.
    id_column = HEADER.index("公民身份号码") + 2
    assert {wb["未通过的行"].cell(r, id_column).number_format for r in (2, 3)} == {"@"}


def test_wizard_steps_through_the_one_import_module(db: Database, tmp_path: Path) -> None:
    """Preview, a corrected mapping, the dry run, the rejects file and the apply, all via roster_import."""
    header = ["姓名", "性别", "公民身份号码", "人员类别", "入党日期", "联络方式"]
    path = save_xlsx(tmp_path / "in.xlsx", [["张三", "男", ID1, "正式党员", "2005-07-01", "13800138000"],
                                            ["李四", "男", "110105198003040000", "正式党员", "2005-07-01", ""]],
                     header=header)
    found = roster_import.preview(path)
    assert 5 not in found.mapping  # 联络方式 is no known spelling: the user has to say what it is
    mapping = roster_import.resolve_mapping(found.headers, {5: "phone"})
    planned = roster_import.plan_import(db, path, mapping=mapping, today=TODAY)
    assert (planned.new, planned.rejected) == (1, 1)
    rejects = roster_import.write_rejects(planned, tmp_path / "rejected.xlsx")
    sheet = openpyxl.load_workbook(rejects)["未通过的行"]
    assert [r[1] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["李四"]
    result = roster_import.apply_import(db, LOCAL_USER, planned, skip_rejected=True)
    assert (result.new, result.skipped_rows) == (1, (4,))  # row 1 is the title, row 2 the header
    assert [(r.name, r.phone) for r in members.roster(db, LOCAL_USER)] == [("张三", "13800138000")]
    with pytest.raises(roster_import.ImportRejected):
        roster_import.plan_import(db, save_xlsx(tmp_path / "no_id.xlsx", [["王五"]], header=["姓名", "性别", "民族"]))


def test_arbitrary_cell_text_never_crashes_the_plan(db: Database, tmp_path: Path) -> None:
    """Whatever text the cells hold, planning either rejects the file or decides every row; nothing is written."""
    cell = st.one_of(st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=12),
                     st.sampled_from(["男", "女", ID1, ID2, "正式党员", "2021/7/1", "44378", "'=1+1", "**1234"]))

    @settings(max_examples=60)
    @given(st.lists(st.lists(cell, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=4))
    def check(rows: list[list[str]]) -> None:
        buffer = io.StringIO()
        csv.writer(buffer).writerows([HEADER, *rows])
        path = tmp_path / "fuzz.csv"
        path.write_bytes(buffer.getvalue().encode("utf-8"))
        try:
            result = plan(db, path)
        except ImportRejected:
            return
        for row in result.rows:
            assert (row.action == "rejected") == bool(row.errors)
            assert row.action == "rejected" or row.data is not None
            assert all(i.code and i.message for i in row.issues)

    check()
    assert members.roster(db, LOCAL_USER) == []
