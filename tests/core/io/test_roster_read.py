"""Tests of the roster reading layer: finding the table in .xlsx/.csv files and keeping raw cell facts.

Every fixture file is built here in tmp_path (openpyxl or raw bytes). The other workbook formats (.xls,
.ods) are tested in test_workbook_formats.py.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from partydesk.core.errors import KnownError, ValidationError
from partydesk.core.io import roster_read
from partydesk.core.io.roster_headers import (
    FIELD_KEYS,
    HEADER_SYNONYMS,
    guess_mapping,
    match_header,
    normalize_header,
    resolve_mapping,
    unmapped_headers,
)
from partydesk.core.io.roster_read import ImportRejected, RawRow, RawTable, decode_csv_bytes, read_table

HEADER = ["姓名", "性别", "身份证号", "党小组", "手机"]
RARE_A = "\U00020000"  # 𠀀, CJK Extension B: four bytes in UTF-8 and in GB18030
RARE_B = "\U0002a6a5"  # 𪚥


def _workbook() -> tuple[Any, Any]:
    """A new workbook and its first sheet (typed loosely: openpyxl ships no type hints)."""
    wb = openpyxl.Workbook()
    return wb, wb.active


def _save(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    wb, ws = _workbook()
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _values(row: RawRow) -> dict[int, object]:
    return {index: cell.value for index, cell in row.cells.items()}


def _csv_text(names: tuple[str, str]) -> str:
    return (
        "党员花名册,,,,\r\n"
        "姓名,性别,身份证号,党小组,手机\r\n"
        f"{names[0]},男,11010519491231002X,第一党小组,13800138000\r\n"
        "\r\n"
        f'"{names[1]}",女,110105194912310045,"第二,党小组",\r\n'
    )


# --- headers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "spelling"), [(k, s) for k, spellings in HEADER_SYNONYMS.items() for s in spellings])
def test_every_listed_spelling_names_its_field(key: str, spelling: str) -> None:
    """Each synonym in HEADER_SYNONYMS maps back to its own field key."""
    assert match_header(spelling) == key


def test_synonyms_cover_exactly_the_member_fields() -> None:
    """HEADER_SYNONYMS has one entry per canonical field key, in the same order."""
    assert tuple(HEADER_SYNONYMS) == FIELD_KEYS


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("*姓名", "name"),
        ("姓 名", "name"),
        ("姓\u3000名", "name"),
        ("身份证号码（必填）", "id_number"),
        ("公民身份号码(18位)", "id_number"),
        ("【必填】出生年月", "birth_date"),
        ("联系电话：", "phone"),
        ("入党\n时间", "joined_on"),
        ("ＡＢＣ", None),
        ("", None),
    ],
)
def test_headers_match_after_normalising_spaces_hints_and_marks(written: str, key: str | None) -> None:
    """Spaces (also full-width), bracketed hints, "*" and colons do not stop a header from matching."""
    assert match_header(written) == key


def test_normalize_header_folds_full_width_forms() -> None:
    """NFKC turns full-width letters into ASCII before comparison."""
    assert normalize_header("ＩＤ（选填）") == "id"


def test_guess_mapping_gives_each_field_to_its_first_column() -> None:
    """A second column for the same field stays unmapped, so the user decides between them."""
    headers = ["序号", "姓名", "联系电话", "手机", "所在党小组", ""]
    mapping = guess_mapping(headers)
    assert mapping == {1: "name", 2: "phone", 4: "party_group"}
    assert unmapped_headers(headers, mapping) == [(0, "序号"), (3, "手机")]


def test_user_mapping_overrides_the_guess() -> None:
    """An override can take a field from another column or ignore a column; each field keeps one column."""
    headers = ["姓名", "联系电话", "手机", "备注"]
    mapping = resolve_mapping(headers, {2: "phone", 3: None})
    assert mapping == {0: "name", 2: "phone"}


def test_user_mapping_rejects_unknown_field_keys() -> None:
    """A key that is not a member field is a programming error."""
    with pytest.raises(ValueError, match="unknown field"):
        resolve_mapping(["姓名"], {0: "nickname"})


# --- xlsx -----------------------------------------------------------------------------------------


def test_title_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    """A merged "XX支部党员花名册" title and a blank row above the header are not data."""
    wb, ws = _workbook()
    ws["A1"] = "第一党支部党员花名册"
    ws.merge_cells("A1:E1")
    ws["A2"] = "填报单位：第一党支部"
    for column, text in enumerate(HEADER, start=1):
        ws.cell(row=4, column=column, value=text)
    ws.append(["张三", "男", "11010519491231002X", "第一党小组", "13800138000"])
    ws.append(["李四", "女", "110105194912310045", "第二党小组", "13900139000"])
    path = tmp_path / "roster.xlsx"
    wb.save(path)

    table = read_table(path)

    assert table.header_row == 4
    assert table.headers == HEADER
    assert table.source_kind == "xlsx"
    assert [row.row_number for row in table.rows] == [5, 6]
    assert _values(table.rows[0]) == {0: "张三", 1: "男", 2: "11010519491231002X", 3: "第一党小组", 4: "13800138000"}
    assert table.rows[0].cells[2].column_letter == "C"
    assert not table.rows[0].cells[2].is_number


def test_empty_rows_are_skipped_and_row_numbers_match_excel(tmp_path: Path) -> None:
    """Blank and whitespace-only rows are dropped; kept rows carry the row number Excel shows."""
    path = _save(tmp_path / "r.xlsx", [HEADER, ["张三", "男"], [None, None], [" ", None, "\u3000"], ["李四", "女"]])
    table = read_table(path)
    assert [(row.row_number, row.cells[0].value) for row in table.rows] == [(2, "张三"), (5, "李四")]


def test_merged_group_cells_are_filled_and_merged_name_cells_flagged(tmp_path: Path) -> None:
    """A merged 党小组/支部 value is copied into every row it covers; a merged name is left empty but marked."""
    headers: list[object] = ["所在支部", "姓名", "性别", "党小组", "手机"]
    rows: list[list[object]] = [
        headers,
        ["第一支部", "张三", "男", "第一党小组", "13800138000"],
        [None, None, "男", None, "13800138001"],
        [None, "王五", "女", None, None],
    ]
    wb, ws = _workbook()
    for row in rows:
        ws.append(row)
    ws.merge_cells("A2:A4")
    ws.merge_cells("D2:D4")
    ws.merge_cells("B2:B3")
    path = tmp_path / "merged.xlsx"
    wb.save(path)

    table = read_table(path)

    second, third = table.rows[1], table.rows[2]
    assert second.cells[0].value == "第一支部"
    assert second.cells[0].merged_from == "A2"
    assert second.cells[3].value == "第一党小组"
    assert second.cells[3].merged_from == "D2"
    assert third.cells[3].value == "第一党小组"
    assert second.cells[1].value is None
    assert second.cells[1].merged_from == "B2"
    assert table.rows[0].cells[1].merged_from is None  # the top-left cell holds the value itself


def test_merged_range_over_otherwise_empty_rows_adds_no_rows(tmp_path: Path) -> None:
    """A group range that runs past the last member does not create rows of its own."""
    wb, ws = _workbook()
    ws.append(HEADER)
    ws.append(["张三", "男", None, "第一党小组"])
    ws.merge_cells("D2:D6")
    path = tmp_path / "tail.xlsx"
    wb.save(path)
    assert [row.row_number for row in read_table(path).rows] == [2]


def test_user_mapping_decides_which_merged_columns_are_filled(tmp_path: Path) -> None:
    """An unrecognised column the user maps to party_group is filled down when read with that mapping."""
    wb, ws = _workbook()
    ws.append(["姓名", "性别", "民族", "组别"])
    ws.append(["张三", "男", "汉族", "一组"])
    ws.append(["李四", "女", "汉族", None])
    ws.merge_cells("D2:D3")
    path = tmp_path / "group.xlsx"
    wb.save(path)

    assert read_table(path).rows[1].cells[3].value is None
    mapping = resolve_mapping(read_table(path).headers, {3: "party_group"})
    assert read_table(path, mapping=mapping).rows[1].cells[3].value == "一组"


def test_date_cells_come_back_as_dates_and_text_dates_as_text(tmp_path: Path) -> None:
    """Cells formatted as dates keep their date value; dates typed as text stay text."""
    path = _save(
        tmp_path / "dates.xlsx",
        [["姓名", "性别", "出生日期", "入党时间"], ["张三", "男", date(1980, 5, 1), "2001.07.01"]],
    )
    table = read_table(path)
    birth, joined = table.rows[0].cells[2], table.rows[0].cells[3]
    assert isinstance(birth.value, date)
    assert birth.value == date(1980, 5, 1)
    assert not birth.is_number
    assert joined.value == "2001.07.01"
    assert table.date1904 is False


def test_workbook_with_1904_dates_is_reported(tmp_path: Path) -> None:
    """The 1904 date system flag is passed on, and date cells still read as the right day."""
    wb, ws = _workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws.append(["姓名", "性别", "出生日期"])
    ws.append(["张三", "男", date(1980, 5, 1)])
    path = tmp_path / "mac.xlsx"
    wb.save(path)
    table = read_table(path)
    assert table.date1904 is True
    assert table.rows[0].cells[2].value == date(1980, 5, 1)


def test_numeric_id_cell_keeps_its_number_and_is_flagged(tmp_path: Path) -> None:
    """An ID stored as a number comes back as that number with is_number set, never as text."""
    damaged = 1.10105194912310e17  # what Excel keeps of 110105194912310020 typed as a number
    path = _save(
        tmp_path / "ids.xlsx", [["姓名", "性别", "身份证号"], ["张三", "男", damaged], ["李四", "女", 11010519]]
    )
    table = read_table(path)
    first, second = table.rows[0].cells[2], table.rows[1].cells[2]
    assert first.is_number and isinstance(first.value, float) and first.value == damaged
    assert second.is_number and second.value == 11010519 and isinstance(second.value, int)


def _add_cached_value(path: Path, formula_xml: bytes, cached: str) -> None:
    """Rewrite a saved workbook so one formula carries a cached text result, as Excel would save it."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    old = b"><f>" + formula_xml + b"</f><v></v></c>"
    assert old in sheet
    members["xl/worksheets/sheet1.xml"] = sheet.replace(
        old, b' t="str"><f>' + formula_xml + b"</f><v>" + cached.encode() + b"</v></c>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_formula_without_cached_value_is_flagged(tmp_path: Path) -> None:
    """A formula saved without a result is marked, while a formula with a cached result reads as its value."""
    path = _save(
        tmp_path / "formula.xlsx",
        [["姓名", "性别", "民族", "备注"], ["张三", "男", "汉族", "=A2&B2"], ["李四", "女", "汉族", "=A3&B3"]],
    )
    _add_cached_value(path, b"A3&amp;B3", "李四女")
    table = read_table(path)
    missing, cached = table.rows[0].cells[3], table.rows[1].cells[3]
    assert missing.value is None and missing.is_formula_without_value
    assert cached.value == "李四女" and not cached.is_formula_without_value


def test_four_byte_characters_survive_xlsx(tmp_path: Path) -> None:
    """Names with characters outside the BMP (生僻字) come back unchanged."""
    names = [f"王{RARE_A}", f"李{RARE_B}"]
    path = _save(tmp_path / "rare.xlsx", [HEADER, [names[0], "男"], [names[1], "女"]])
    assert [row.cells[0].value for row in read_table(path).rows] == names


def test_hidden_first_sheet_is_skipped(tmp_path: Path) -> None:
    """A hidden sheet before the roster is not read, even when it looks like a roster."""
    wb, hidden = _workbook()
    hidden.title = "旧表"
    hidden.append(HEADER)
    hidden.append(["旧名字", "男"])
    hidden.sheet_state = "hidden"
    visible = wb.create_sheet("花名册")
    visible.append(HEADER)
    visible.append(["张三", "男"])
    wb.active = 1
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    table = read_table(path)
    assert table.sheet_name == "花名册"
    assert [row.cells[0].value for row in table.rows] == ["张三"]


def test_instructions_sheet_without_a_header_is_passed_over(tmp_path: Path) -> None:
    """The first visible sheet with a header row is used, so a leading 填表说明 sheet does no harm."""
    wb, notes = _workbook()
    notes.title = "填表说明"
    notes.append(["请按要求填写，身份证号请设置为文本格式"])
    roster = wb.create_sheet("党员")
    roster.append(HEADER)
    roster.append(["张三", "男"])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    assert read_table(path).sheet_name == "党员"


def test_hidden_rows_and_columns_are_reported_not_dropped(tmp_path: Path) -> None:
    """Hidden rows and columns are read but marked, so the user can choose to skip them."""
    wb, ws = _workbook()
    ws.append(HEADER)
    ws.append(["张三", "男"])
    ws.append(["李四", "女"])
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["B"].hidden = True
    path = tmp_path / "hide.xlsx"
    wb.save(path)
    table = read_table(path)
    assert [row.hidden for row in table.rows] == [False, True]
    assert table.hidden_columns == frozenset({1})


def test_sheet_without_header_is_rejected(tmp_path: Path) -> None:
    """No row in the top ten with three known headers means no table: reject with no_header."""
    path = _save(tmp_path / "none.xlsx", [["甲", "乙", "丙"], ["张三", "男", "1"]])
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert caught.value.code == "no_header" and "没有找到表头" in caught.value.message


def test_header_below_row_ten_is_not_found(tmp_path: Path) -> None:
    """The header must be within the first ten rows."""
    path = _save(tmp_path / "deep.xlsx", [["说明"]] * 10 + [HEADER, ["张三", "男"]])
    with pytest.raises(ImportRejected, match="表头"):
        read_table(path)


@pytest.mark.parametrize("suffix", [".et", ".ET", ".ett", ".wps"])
def test_wps_formats_are_rejected_with_save_as_advice(tmp_path: Path, suffix: str) -> None:
    """WPS .et/.ett/.wps files are refused with advice to save them as .xlsx."""
    path = tmp_path / f"old{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(ImportRejected, match=r"请在 Excel/WPS 中另存为 \.xlsx") as caught:
        read_table(path)
    assert caught.value.code == "file_type"
    assert isinstance(caught.value, ValidationError) and isinstance(caught.value, KnownError)


def test_unknown_file_type_is_rejected(tmp_path: Path) -> None:
    """Only workbooks and .csv are read."""
    path = tmp_path / "roster.txt"
    path.write_text("姓名,性别,民族\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert caught.value.code == "file_type"


def test_unreadable_ole_file_under_xlsx_name_is_rejected_with_advice(tmp_path: Path) -> None:
    """An OLE file that is no readable .xls (damaged, or a password-protected workbook) gets save-as advice."""
    path = tmp_path / "renamed.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(ImportRejected, match=r"另存为 \.xlsx") as caught:
        read_table(path)
    assert caught.value.code == "file_type"


@pytest.mark.parametrize("content", [b"not a workbook", b"PK\x03\x04broken zip"])
def test_damaged_xlsx_is_rejected_as_unreadable(tmp_path: Path, content: bytes) -> None:
    """A damaged workbook is an ImportRejected, never a reader's traceback."""
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert caught.value.code == "unreadable"


def test_zip_without_workbook_parts_is_rejected_as_unreadable(tmp_path: Path) -> None:
    """A valid zip that is not a workbook is rejected as unreadable."""
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert caught.value.code == "unreadable"


def test_missing_file_is_rejected_as_unreadable(tmp_path: Path) -> None:
    """A path that does not exist is a clear message, not an OSError."""
    with pytest.raises(ImportRejected) as caught:
        read_table(tmp_path / "gone.xlsx")
    assert caught.value.code == "unreadable"


def test_file_over_the_size_limit_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files bigger than the limit are refused before they are read."""
    path = _save(tmp_path / "big.xlsx", [HEADER, ["张三", "男"]])
    monkeypatch.setattr(roster_read, "MAX_FILE_BYTES", 100)
    with pytest.raises(ImportRejected, match="MB") as caught:
        read_table(path)
    assert caught.value.code == "too_large"


def test_workbook_that_inflates_past_the_limit_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The unpacked size of the zip is checked before calamine loads it (zip-bomb guard)."""
    path = _save(tmp_path / "bomb.xlsx", [HEADER, ["张三", "男"]])
    monkeypatch.setattr(roster_read, "MAX_XLSX_UNPACKED_BYTES", 1000)
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert caught.value.code == "too_large"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_too_many_rows_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    """More data rows than the limit are refused with too_large."""
    rows: list[list[str]] = [HEADER, ["张三", "男"], ["李四", "女"], ["王五", "男"]]
    path = tmp_path / f"many{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(str(v) for v in row) for row in rows), encoding="utf-8")
    else:
        _save(path, rows)
    monkeypatch.setattr(roster_read, "MAX_DATA_ROWS", 2)
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert caught.value.code == "too_large"


# --- csv ------------------------------------------------------------------------------------------


def _write_csv(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _rows(table: RawTable) -> list[tuple[int, dict[int, object]]]:
    return [(row.row_number, _values(row)) for row in table.rows]


def test_csv_title_row_header_and_rows_are_read_as_text(tmp_path: Path) -> None:
    """CSV values are all text; the title row is skipped and empty lines are dropped."""
    table = read_table(_write_csv(tmp_path / "r.csv", _csv_text(("张三", "李四")), "utf-8"))
    assert table.source_kind == "csv"
    assert table.header_row == 2
    assert table.headers == HEADER
    assert _rows(table) == [
        (3, {0: "张三", 1: "男", 2: "11010519491231002X", 3: "第一党小组", 4: "13800138000"}),
        (5, {0: "李四", 1: "女", 2: "110105194912310045", 3: "第二,党小组"}),
    ]
    assert all(not cell.is_number for row in table.rows for cell in row.cells.values())


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030")],
)
def test_same_roster_in_every_encoding_gives_identical_rows(tmp_path: Path, encoding: str, reported: str) -> None:
    """UTF-8, UTF-8 with BOM, GBK and GB18030 copies of one roster read identically."""
    text = _csv_text(("张三", "欧阳娜娜"))
    reference = read_table(_write_csv(tmp_path / "ref.csv", text, "utf-8"))
    table = read_table(_write_csv(tmp_path / f"{encoding}.csv", text, encoding))
    assert table.encoding == reported
    assert (table.header_row, table.headers, table.rows) == (reference.header_row, reference.headers, reference.rows)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_four_byte_characters_survive_csv(tmp_path: Path, encoding: str) -> None:
    """Characters outside the BMP survive every encoding that can hold them."""
    names = (f"王{RARE_A}", f"李{RARE_B}")
    table = read_table(_write_csv(tmp_path / "rare.csv", _csv_text(names), encoding))
    assert [row.cells[0].value for row in table.rows] == list(names)


def test_quoted_line_break_stays_in_one_row(tmp_path: Path) -> None:
    """A quoted field with a line break is one cell, and row numbers count records as Excel does."""
    text = '姓名,性别,家庭住址\n张三,男,"一号楼\n二单元"\n李四,女,\n'
    table = read_table(_write_csv(tmp_path / "nl.csv", text, "utf-8"))
    assert _rows(table) == [(2, {0: "张三", 1: "男", 2: "一号楼\n二单元"}), (3, {0: "李四", 1: "女"})]


def test_tab_separated_file_is_read(tmp_path: Path) -> None:
    """When commas find no header, tabs are tried."""
    table = read_table(_write_csv(tmp_path / "tab.csv", "姓名\t性别\t民族\n张三\t男\t汉族\n", "utf-8"))
    assert table.headers == ["姓名", "性别", "民族"]
    assert _values(table.rows[0]) == {0: "张三", 1: "男", 2: "汉族"}


def test_broken_byte_is_rejected_with_line_and_byte_position(tmp_path: Path) -> None:
    """A byte neither UTF-8 nor GB18030 accepts is named with its line, position in the line and in the file."""
    data = "姓名,性别,民族\n张三,男,汉族\n".encode() + b"ab\xffc,\xe5\xa5\xb3,x\n"
    path = tmp_path / "broken.csv"
    path.write_bytes(data)
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    error, offset = caught.value, data.index(b"\xff")
    assert error.code == "encoding"
    assert (error.line, error.byte_offset) == (3, offset)
    assert "第 3 行第 3 个字节（0xFF" in error.message
    assert f"全文第 {offset + 1} 个字节" in error.message


def test_broken_byte_in_gbk_file_is_located(tmp_path: Path) -> None:
    """In a GBK file the position comes from the GB18030 decoder, which got past the Chinese text."""
    data = "姓名,性别,民族\n张三,男,汉族\n".encode("gbk") + b"\x80x\n"
    path = tmp_path / "gbk.csv"
    path.write_bytes(data)
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert (caught.value.line, caught.value.byte_offset) == (3, data.index(b"\x80"))


def test_utf8_file_with_a_cut_character_is_not_read_as_gb18030_mojibake(tmp_path: Path) -> None:
    """A UTF-8 file with one damaged character is rejected, although GB18030 would 'decode' it into garbage."""
    good = "姓名,民族,籍贯\n张三,汉族,北京\n".encode()
    damaged = good + "王小明".encode()[:8] + ",汉族,上海\n".encode()
    assert damaged.decode("gb18030").startswith("濮撳悕")  # the trap: GB18030 accepts these bytes
    path = tmp_path / "cut.csv"
    path.write_bytes(damaged)
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert (caught.value.line, caught.value.byte_offset) == (3, len(good) + 6)
    assert "第 3 行第 7 个字节（0xE6" in caught.value.message


def test_bom_file_is_never_decoded_as_gb18030(tmp_path: Path) -> None:
    """A UTF-8 BOM settles the encoding: a bad byte after it is reported, not guessed around."""
    data = b"\xef\xbb\xbf" + "姓名".encode()[:4] + b",a\n"
    with pytest.raises(ImportRejected) as caught:
        decode_csv_bytes(data)
    assert caught.value.code == "encoding"
    assert caught.value.byte_offset == 6


def test_xlsx_saved_with_csv_extension_is_rejected(tmp_path: Path) -> None:
    """A workbook renamed to .csv is pointed out instead of failing as an encoding error."""
    path = _save(tmp_path / "x.xlsx", [HEADER])
    renamed = path.rename(tmp_path / "x.csv")
    with pytest.raises(ImportRejected, match=r"\.xlsx") as caught:
        read_table(renamed)
    assert caught.value.code == "file_type"


def test_empty_csv_has_no_header(tmp_path: Path) -> None:
    """An empty file is rejected with no_header, saying it is empty (not that its header was not found)."""
    (path := tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert caught.value.code == "no_header" and caught.value.message.startswith("这个文件是空的")


def test_an_empty_workbook_is_said_to_be_empty(tmp_path: Path) -> None:
    """Every visible sheet blank: named, and said to be empty; a header is not what is missing."""
    (wb := _workbook()[0]).create_sheet("Sheet2")
    wb.save(tmp_path / "empty.xlsx")
    with pytest.raises(ImportRejected) as caught:
        read_table(tmp_path / "empty.xlsx")
    assert caught.value.code == "no_header" and caught.value.message.startswith("工作表“Sheet”“Sheet2”都是空的")


@settings(max_examples=200, deadline=None, database=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_decode_or_are_rejected(data: bytes) -> None:
    """Any byte string either decodes losslessly or raises ImportRejected("encoding")."""
    try:
        text, encoding = decode_csv_bytes(data)
    except ImportRejected as error:
        assert error.code == "encoding"
        assert error.byte_offset is not None and 0 <= error.byte_offset < len(data)
    else:
        prefix = b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b""
        assert prefix + text.encode(encoding.removesuffix("-sig")) == data


@settings(max_examples=100, deadline=None, database=None)
@given(st.lists(st.lists(st.sampled_from(["姓名", "性别", "民族", "张三", "", '"', ",", "\n", "\r", "𠀀"]))))
def test_arbitrary_csv_text_reads_or_is_rejected(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    """Whatever the CSV holds, reading either succeeds or raises ImportRejected, never anything else."""
    path = tmp_path_factory.mktemp("fuzz") / "f.csv"
    path.write_text("\n".join("".join(row) for row in rows), encoding="utf-8")
    try:
        read_table(path)
    except ImportRejected as error:
        assert error.code in {"no_header", "unreadable"}
