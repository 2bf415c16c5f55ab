"""A 组织部门 form with year-month dates: every good row imports, and the dates stay as written everywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.masking import Masking
from partydesk.core.domain.member_events import EventKind
from partydesk.core.domain.partial_date import PartialDate, Precision
from partydesk.core.io.member_card import member_card_html
from partydesk.core.services.members import get_member, member_events, roster
from partydesk.core.services.roster_export import export_roster
from partydesk.core.services.roster_import import apply_import, preview
from partydesk.core.storage.database import Database
from tests.core.io.test_office_roster import ID1, ID2, ID3, TODAY, line, office_form, plan

MONTH = Precision.MONTH


@pytest.fixture
def form(tmp_path: Path) -> Path:
    """Three people: dates as 2005.7 text, 2019.3 typed into a General cell (a number), 1998年7月; plus footers."""
    rows = [
        line(1, "张三", ID1, 加入党组织日期="2005.7", 转为正式党员日期="2006.07"),
        line(2, "李梅", ID2, 加入党组织日期=2019.3, 转为正式党员日期=2020.3),
        line(3, "王五", ID3, 加入党组织日期="2019年3月", 转为正式党员日期="2020年3月8日"),
    ]
    return office_form(tmp_path / "采集表.xlsx", rows)


def test_year_month_dates_import_and_are_stored_as_written(db: Database, form: Path) -> None:
    """Every row imports (footers skipped); 入党/转正 keep their month precision, a full day stays a day."""
    result = plan(db, form)
    assert (result.new, result.rejected) == (3, 0), result.summary()["rows"]
    assert {s.reason for s in result.skipped} >= {"表尾“合计”行"}
    apply_import(db, LOCAL_USER, result)
    by_name = {r.name: r for r in roster(db, LOCAL_USER)}
    assert by_name["张三"].joined_on == PartialDate(2005, 7, 1, MONTH)
    assert by_name["张三"].confirmed_on == PartialDate(2006, 7, 1, MONTH)
    assert by_name["李梅"].joined_on == PartialDate(2019, 3, 1, MONTH)
    assert by_name["王五"].confirmed_on == date(2020, 3, 8)
    events = member_events(db, LOCAL_USER, by_name["李梅"].id)
    assert [e.on_date for e in events if e.kind is EventKind.JOINED] == [PartialDate(2019, 3, 1, MONTH)]


def test_six_digit_year_months_import_as_months_and_a_thirteenth_month_is_named(db: Database, tmp_path: Path) -> None:
    """200507 as text or as a number is July 2005 (forms print 年月 run together); 201913 has no 13th month."""
    rows = [
        line(1, "张三", ID1, 加入党组织日期="200507", 转为正式党员日期=200607),
        line(2, "李梅", ID2, 加入党组织日期="201913", 转为正式党员日期=None),
    ]
    result = plan(db, office_form(tmp_path / "采集表.xlsx", rows))
    first, second = result.rows
    assert first.data is not None, first.issues
    assert (first.data.joined_on, first.data.confirmed_on) == (PartialDate(2005, 7, 1, MONTH),
                                                               PartialDate(2006, 7, 1, MONTH))
    assert second.action == "rejected"
    assert any("没有 13 月" in issue.message for issue in second.issues), second.issues


def test_preview_shows_the_cells_as_written(form: Path) -> None:
    """The preview grid shows 2005.7 and 2019.3 as the file has them, not as a 1905 day."""
    shown = preview(form)
    column = shown.headers.index("加入党组织日期")
    assert [r.texts[column] for r in shown.rows[:3]] == ["2005.7", "2019.3", "2019年3月"]


def test_the_same_file_again_is_unchanged(db: Database, form: Path) -> None:
    """Imported twice, every row is unchanged: a stored month equals the file's month."""
    apply_import(db, LOCAL_USER, plan(db, form))
    again = plan(db, form)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)


def test_full_export_round_trips_and_print_layout_prints_2019_03(db: Database, form: Path, tmp_path: Path) -> None:
    """The full export writes 2019-03 (read back unchanged); the 报送版 prints 2019.03; the card 2019-03."""
    apply_import(db, LOCAL_USER, plan(db, form))
    full = tmp_path / "full.xlsx"
    export_roster(db, LOCAL_USER, full, masking=Masking.FULL, today=TODAY)
    sheet = openpyxl.load_workbook(full).active
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "2019-03" in texts and "2005-07" in texts
    back = plan(db, full)
    assert (back.new, back.updated, back.rejected, back.unchanged) == (0, 0, 0, 3)
    printed = tmp_path / "print.xlsx"
    export_roster(db, LOCAL_USER, printed, today=TODAY, layout="print",
                  columns=["name", "joined_on", "confirmed_on"])
    cells = [c.value for row in openpyxl.load_workbook(printed).active.iter_rows() for c in row]
    assert "2019.03" in cells and "2005.07" in cells and "2020.03" in cells
    lee = next(r for r in roster(db, LOCAL_USER) if r.name == "李梅")
    record = get_member(db, LOCAL_USER, lee.id)
    assert record is not None
    html = member_card_html(record, [], organisation="支部", filled_on=TODAY)
    assert "2019-03" in html and "2020-03" in html


def test_ambiguous_number_month_is_read_as_shown_and_said(db: Database, tmp_path: Path) -> None:
    """2019.10 typed in a General cell is the number 2019.1: read as January as Excel shows it, with a warning."""
    path = office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1, 加入党组织日期=2019.1, 转为正式党员日期=None)])
    result = plan(db, path)
    (row,) = result.rows
    assert row.data is not None and row.data.joined_on == PartialDate(2019, 1, 1, MONTH)
    (note,) = [i for i in row.warnings if i.code == "date_ambiguous"]
    assert "2019年01月" in note.message and "2019.10" in note.message


@pytest.mark.parametrize(("month", "note"), [(1, None), (10, "date_by_id"), (3, "date_ambiguous")])
def test_a_birth_month_typed_as_a_number_is_settled_by_the_id_number(
        db: Database, tmp_path: Path, month: int, note: str | None) -> None:
    """出生日期 1955.1 in a General cell (1955.10 as typed, or January): an ID born in January confirms it
    with no warning; born in October, it is read as October and said so; any other month keeps the warning
    (and the ID's disagreement is the check's to report)."""
    from tests.core.io.test_office_roster import NATIONAL, make_id

    born = make_id(date(1955, month, 2), 44)
    path = office_form(tmp_path / "f.xlsx", [[*line(1, "张德华", born), 1955.1]], header=[*NATIONAL, "出生日期"])
    (row,) = plan(db, path).rows
    codes = [i.code for i in row.warnings + row.errors if i.field == "birth_date"]
    if note is None:
        assert codes == [] and row.data is not None and row.data.birth_date == date(1955, 1, 2)
    else:
        assert note in codes
    if month == 10:
        assert row.data is not None and row.data.birth_date == date(1955, 10, 2)
