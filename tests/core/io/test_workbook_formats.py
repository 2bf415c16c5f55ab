"""Tests of reading rosters from every workbook format: .xls and .ods beside .xlsx, and the facts python-calamine
does not give (error cells, formulas without a result, hidden rows, ODS merges, the date system, the filled range).

.xls and .ods copies of one roster come from LibreOffice, or from tests/data/spreadsheets/ without it
(see sheet_fixtures.py); the small .ods files of the ODS-only tests are written here by hand.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.core.io import roster_read
from partydesk.core.io.roster_read import ImportRejected, RawTable, read_table
from partydesk.core.services.roster_import import plan_import, preview
from partydesk.core.storage.database import Database
from tests.core.io import sheet_fixtures

TODAY = date(2026, 6, 1)
_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


_TWO_ROWS = ' table:number-rows-spanned="2"'


def _text(value: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{value}</text:p></table:table-cell>'


def write_ods(path: Path, rows: list[str], *, columns: str = "", settings: str = "") -> Path:
    """A minimal .ods whose one sheet "花名册" holds ``rows`` (each the inner XML of a table-row element)."""
    body = "".join(f"<table:table-row{row}</table:table-row>" for row in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
               f"<office:body><office:spreadsheet>{settings}<table:table table:name=\"花名册\">{columns}{body}"
               "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
    return path


def verdicts(db: Database, path: Path) -> list[tuple[int, str, tuple[str, ...], object]]:
    """Each planned row as (row, action, issue codes, birth date)."""
    plan = plan_import(db, path, today=TODAY)
    return [(r.row, r.action, tuple(i.code for i in r.issues), r.data.birth_date if r.data else None)
            for r in plan.rows]


def cells(table: RawTable) -> list[list[object]]:
    """Every kept row's values, column by column."""
    width = len(table.headers)
    return [[row.cells[c].value if c in row.cells else None for c in range(width)] for row in table.rows]


# --- the same roster in three formats ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_xls_and_ods_rosters_get_the_same_verdicts_as_the_xlsx(db: Database, tmp_path: Path, suffix: str) -> None:
    """Title rows, merged 党小组, a numeric ID, a masked ID, a merged 姓名, text and serial dates: same verdicts."""
    (tmp_path / "xlsx").mkdir()
    expected = verdicts(db, sheet_fixtures.roster_in("xlsx", tmp_path / "xlsx"))
    other = sheet_fixtures.roster_in(suffix, tmp_path)
    assert read_table(other).source_kind == suffix
    assert verdicts(db, other) == expected
    # the same file-level warnings too: the hidden row 11 and the numeric ID in row 6
    assert preview(other).warnings == preview(tmp_path / "xlsx" / "roster.xlsx").warnings
    actions = [action for _row, action, _codes, _birth in expected]
    assert actions.count("rejected") == 3 and actions.count("new") == 6
    codes = {codes for _row, _action, codes, _birth in expected if codes}
    assert codes == {("id_excel_number",), ("id_masked",), ("merged_cell",)}
    assert expected[-1][3] == date(1977, 7, 7)  # the serial number 28313 in 出生日期


def test_xls_and_ods_keep_the_numeric_id_as_a_number(tmp_path: Path) -> None:
    """The ID typed as a number reads as that number with is_number set, in every format, with the header in row 3."""
    for suffix in ("xlsx", "xls", "ods"):
        folder = tmp_path / suffix
        folder.mkdir()
        table = read_table(sheet_fixtures.roster_in(suffix, folder))
        assert table.header_row == 3 and table.headers == sheet_fixtures.HEADER
        numeric = table.rows[2].cells[3]
        assert (numeric.is_number, numeric.value) == (True, 1.10105197507e17), suffix
        assert table.rows[1].cells[8].merged_from == "I4" and table.rows[1].cells[8].value == "第一党小组", suffix


@pytest.mark.slow
@pytest.mark.skipif(sheet_fixtures.SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("name", ["roster", "facts"])
@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_committed_fixtures_match_a_fresh_conversion(tmp_path: Path, suffix: str, name: str) -> None:
    """tests/data/spreadsheets/*.xls|ods read exactly like the workbooks LibreOffice converts today."""
    fresh = read_table(sheet_fixtures.roster_in(suffix, tmp_path, name))
    committed = read_table(sheet_fixtures.DATA / f"{name}.{suffix}")
    assert cells(committed) == cells(fresh)
    assert [r.hidden for r in committed.rows] == [r.hidden for r in fresh.rows]
    assert (committed.date1904, committed.hidden_columns) == (fresh.date1904, fresh.hidden_columns)


@pytest.mark.parametrize("suffix", ["xlsx", "xls", "ods"])
def test_error_cells_hidden_columns_and_1904_dates_in_every_format(tmp_path: Path, suffix: str) -> None:
    """#N/A is an error cell, column D is hidden, and the 1904 date system is reported (a serial number in a
    date column then counts from 1904), whichever format the workbook was saved in."""
    table = read_table(sheet_fixtures.roster_in(suffix, tmp_path, "facts"))
    error = table.rows[0].cells[2]
    assert (error.value, error.is_error) == ("#N/A", True)
    assert table.hidden_columns == frozenset({3})
    assert table.date1904 is True
    assert table.rows[0].cells[4].value == date(1980, 3, 4)
    serial = table.rows[1].cells[4]
    assert (serial.value, serial.is_number) == (27759, True)


# --- what calamine does not tell --------------------------------------------------------------------


def test_xlsx_error_cells_are_flagged_with_their_text(tmp_path: Path) -> None:
    """An error value (#N/A) is an error cell carrying its text, not an empty cell (calamine reads it as "")."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "民族"])
    ws.append(["张三", "男", "#N/A"])
    wb.save(tmp_path / "e.xlsx")
    cell = read_table(tmp_path / "e.xlsx").rows[0].cells[2]
    assert (cell.value, cell.is_error) == ("#N/A", True)


def test_ods_merges_hidden_rows_columns_errors_and_formulas_are_reported(tmp_path: Path) -> None:
    """From content.xml: a merged 党小组 is filled down, hidden rows and columns marked, errors and value-less formulas
    flagged, and a 1904 null date reported."""
    path = write_ods(
        tmp_path / "r.ods",
        [
            f">{_text('姓名')}{_text('性别')}{_text('党小组')}{_text('民族')}",
            f">{_text('张三')}{_text('男')}{_text('一组', _TWO_ROWS)}"
            '<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" '
            'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
            f' table:visibility="collapse">{_text("李四")}{_text("女")}<table:covered-table-cell/>'
            '<table:table-cell table:formula="of:=[.A1]"/>',
        ],
        columns='<table:table-column table:number-columns-repeated="1"/>'
                '<table:table-column table:visibility="collapse"/>'
                '<table:table-column table:number-columns-repeated="2"/>',
        settings='<table:calculation-settings><table:null-date table:date-value="1904-01-01"/>'
                 "</table:calculation-settings>",
    )
    table = read_table(path)
    first, second = table.rows
    assert table.source_kind == "ods" and table.date1904 is True
    assert table.hidden_columns == frozenset({1})
    assert (first.hidden, second.hidden) == (False, True)
    assert (second.cells[2].value, second.cells[2].merged_from) == ("一组", "C2")
    assert (first.cells[3].value, first.cells[3].is_error) == ("#DIV/0!", True)
    assert second.cells[3].is_formula_without_value and second.cells[3].value is None


def test_ods_merged_name_is_rejected_like_in_xlsx(db: Database, tmp_path: Path) -> None:
    """A 姓名 merged over two rows of an .ods leaves the second member nameless: that row is rejected."""
    ids = sheet_fixtures.IDS
    path = write_ods(
        tmp_path / "m.ods",
        [
            f">{_text('姓名')}{_text('性别')}{_text('公民身份号码')}{_text('人员类别')}{_text('入党日期')}",
            f">{_text('张三', _TWO_ROWS)}{_text('男')}{_text(ids[0])}{_text('正式党员')}"
            f"{_text('2005-07-01')}",
            f"><table:covered-table-cell/>{_text('女')}{_text(ids[1])}{_text('正式党员')}{_text('2005-07-01')}",
        ],
    )
    assert [(r.row, r.action) for r in plan_import(db, path, today=TODAY).rows] == [(2, "new"), (3, "rejected")]


def test_stray_cell_far_right_is_refused_before_it_is_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A value far outside the table would make calamine allocate every cell in between: refused, naming the column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "民族"])
    ws.append(["张三", "男", "汉族"])
    ws.cell(1, 600).number_format = "@"  # formatting alone widens nothing
    wb.save(tmp_path / "styled.xlsx")
    ws.cell(2, 600, "误填")
    wb.save(tmp_path / "stray.xlsx")
    monkeypatch.setattr(roster_read, "MAX_SHEET_CELLS", 1000)
    assert len(read_table(tmp_path / "styled.xlsx").rows) == 1
    with pytest.raises(ImportRejected, match="第 WB 列") as caught:
        read_table(tmp_path / "stray.xlsx")
    assert caught.value.code == "too_large"


def test_ods_stray_cell_is_refused_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same guard holds for .ods, where trailing empty cells repeated to column AMJ are not counted."""
    header = f">{_text('姓名')}{_text('性别')}{_text('民族')}"
    empty_tail = '<table:table-cell table:number-columns-repeated="1021"/>'
    monkeypatch.setattr(roster_read, "MAX_SHEET_CELLS", 1000)
    fine = write_ods(tmp_path / "fine.ods", [header + empty_tail, f">{_text('张三')}{_text('男')}{empty_tail}"])
    assert len(read_table(fine).rows) == 1
    far = f'<table:table-cell table:number-columns-repeated="997"/>{_text("x")}'
    stray = write_ods(tmp_path / "stray.ods", [header, f">{_text('张三')}{_text('男')}{far}"])
    with pytest.raises(ImportRejected) as caught:
        read_table(stray)
    assert caught.value.code == "too_large"


# --- the format is told by content --------------------------------------------------------------------


def test_xls_saved_under_an_xlsx_name_is_read_as_xls(tmp_path: Path) -> None:
    """An .xls renamed to .xlsx is read by its content instead of being refused."""
    renamed = tmp_path / "renamed.xlsx"
    renamed.write_bytes(sheet_fixtures.roster_in("xls", tmp_path).read_bytes())
    table = read_table(renamed)
    assert table.source_kind == "xls" and len(table.rows) == 9


def test_password_protected_workbook_is_refused_with_advice(tmp_path: Path) -> None:
    """An encrypted .xlsx (an OLE file holding EncryptionInfo) is named as password-protected, with what to do."""
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(ImportRejected, match="打开密码") as caught:
        read_table(path)
    assert caught.value.code == "file_type"


def test_damaged_xls_is_refused_with_save_as_advice(tmp_path: Path) -> None:
    """An .xls calamine cannot read is a file_type refusal with advice, not a traceback."""
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(ImportRejected, match=r"另存为 \.xlsx") as caught:
        read_table(path)
    assert caught.value.code == "file_type"


def test_preview_of_an_ods_names_its_hidden_rows(tmp_path: Path) -> None:
    """The mapping step's warnings come from the ODS facts as they do from an .xlsx."""
    path = write_ods(tmp_path / "h.ods", [f">{_text('姓名')}{_text('性别')}{_text('民族')}",
                                          f' table:visibility="collapse">{_text("张三")}{_text("男")}{_text("汉族")}'])
    assert any("第 2 行在 Excel 中被隐藏" in warning for warning in preview(path).warnings)


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.lists(st.text(alphabet="张三男汉=+- \u3000\t\n_x0A#𠀀", max_size=6), min_size=3, max_size=3),
                max_size=6))
def test_any_text_grid_reads_back_cell_for_cell(
    tmp_path_factory: pytest.TempPathFactory, grid: list[list[str]]
) -> None:
    """Whatever text an .xlsx holds under a header, read_table returns exactly its non-blank cells, in place."""
    path = tmp_path_factory.mktemp("grid") / "g.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["姓名", "性别", "民族"])
    for r, row in enumerate(grid, start=1):
        for c, text in enumerate(row):
            if text:
                ws.write_string(r, c, text)
    wb.close()
    expected = [(r, {c: t for c, t in enumerate(row) if t.strip()}) for r, row in enumerate(grid, start=2)]
    table = read_table(path)
    assert [(row.row_number, {c: cell.value for c, cell in row.cells.items()}) for row in table.rows] == [
        (r, cells) for r, cells in expected if cells
    ]
