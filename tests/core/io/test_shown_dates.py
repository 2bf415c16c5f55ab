"""Dates read as the workbook shows them: a real date cell formatted ``yyyy.mm`` (as offices format their 出生年月
and 入党时间 columns) is a year and month, not the first of the month; a number shown with two decimals,
``2008.10``, is October (Excel keeps it as 2008.1)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from partydesk.core.domain import partial_date
from partydesk.core.domain.partial_date import Precision
from partydesk.core.io.xlsx_scan import format_kind
from partydesk.core.storage.database import Database
from tests.core.io.test_roster_import import ID1, plan

HEADER = ["姓名", "性别", "公民身份号码", "出生年月", "人员类别", "入党时间", "转正时间"]


def office_file(path: Path, *, birth_format: str, joined: object, joined_format: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["中共示范社区支部党员花名册"])
    sheet.append(HEADER)
    sheet.append(["张三", "男", ID1, datetime(1980, 3, 1), "正式党员", joined, "2006.7"])
    sheet["C3"].number_format = "@"
    sheet["D3"].number_format = birth_format
    sheet["F3"].number_format = joined_format
    book.save(path)
    return path


def test_a_date_cell_shown_as_year_and_month_is_a_year_and_month(db: Database, tmp_path: Path) -> None:
    """Before, 1980.03 became 1980-03-01 and disagreed with the ID's 4 March: a false warning on every row."""
    path = office_file(tmp_path / "r.xlsx", birth_format="yyyy.mm", joined=datetime(2005, 7, 1),
                       joined_format='yyyy"年"m"月"')
    row = plan(db, path).rows[0]
    assert row.action == "new", row.issues
    assert row.data is not None
    assert partial_date.precision_of(row.data.joined_on) is Precision.MONTH  # type: ignore[arg-type]
    assert partial_date.text(row.data.joined_on) == "2005年07月"
    assert row.data.birth_date == date(1980, 3, 4)  # the ID's day, as for any month-only birth date
    assert not [i for i in row.issues if "不一致" in i.message]


def test_a_number_shown_with_two_decimals_reads_as_shown(db: Database, tmp_path: Path) -> None:
    path = office_file(tmp_path / "r.xlsx", birth_format="yyyy-mm-dd", joined=2005.1, joined_format="0.00")
    row = plan(db, path).rows[0]
    assert row.data is not None and partial_date.text(row.data.joined_on) == "2005年10月"
    assert not [i for i in row.issues if i.code == "date_ambiguous"]
    general = office_file(tmp_path / "g.xlsx", birth_format="yyyy-mm-dd", joined=2005.1, joined_format="General")
    row = plan(db, general).rows[0]
    assert row.data is not None and partial_date.text(row.data.joined_on) == "2005年01月"
    assert [i.code for i in row.issues if i.code == "date_ambiguous"] == ["date_ambiguous"]


def test_number_formats_are_told_apart() -> None:
    assert [format_kind(code) for code in ("yyyy.mm", 'yyyy"年"m"月"', '[$-804]yyyy"年"m"月";@', "mmm-yy",
                                           "yyyy", "yyyy.mm.dd", "yyyy/m/d h:mm", "0.00", "0.0", "General", "@")] == [
        "ym", "ym", "ym", "ym", "y", "", "", "d2", "d1", "", ""]


def test_a_second_roster_sheet_is_named_not_silently_left_out(tmp_path: Path) -> None:
    """在职党员 and 离退休党员 on two sheets: the first is read, and the check says the second was not."""
    from partydesk.core.io.roster_plan import preview

    book = openpyxl.Workbook()
    working = book.active
    working.title = "在职党员"
    retired = book.create_sheet("离退休党员")
    notes = book.create_sheet("填表说明")
    for sheet in (working, retired):
        sheet.append(HEADER)
        sheet.append(["张三", "男", ID1, "1980.3", "正式党员", "2005.7", "2006.7"])
    notes.append(["请按要求填写"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    said = [w for w in preview(path).warnings if "离退休党员" in w]
    assert said == ["工作簿中的工作表“离退休党员”也有花名册表头，但这次只读取“在职党员”：如需导入它，请在 Excel/WPS "
                    "中把它另存为单独的工作簿，再导入一次。"]


def test_an_xls_reads_its_cells_as_shown_too(db: Database) -> None:
    """The same two files saved as .xls by LibreOffice (tests/data/spreadsheets/shown-*.xls, made from
    ``office_file`` with ``soffice --headless --convert-to xls``): the styles come from the BIFF records."""
    from tests.core.io.sheet_fixtures import DATA

    row = plan(db, DATA / "shown-ym.xls").rows[0]
    assert row.action == "new" and row.data is not None, row.issues
    assert partial_date.text(row.data.joined_on) == "2005年07月" and row.data.birth_date == date(1980, 3, 4)
    row = plan(db, DATA / "shown-d2.xls").rows[0]
    assert row.data is not None and partial_date.text(row.data.joined_on) == "2005年10月"
