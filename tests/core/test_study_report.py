"""The yearly study workbook: read back with openpyxl, the sheets agree with the ledger and print sensibly."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from partydesk.cli import main
from partydesk.core.demo import DEMO_TODAY, create_demo
from partydesk.core.io.study_sheets import sheet_names
from partydesk.core.services.study_export import write_study_report
from partydesk.core.services.study_reports import ledger
from partydesk.core.storage.database import open_database


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[openpyxl.Workbook, list[tuple[str, float, float]],
                                                                list[str]]:
    """The demo's study workbook of 2026 on 1 November, and its ledger: (name, required, credited), standings."""
    folder = tmp_path_factory.mktemp("study")
    create_demo(folder / "demo.db", seed=5, members=14)
    db = open_database(folder / "demo.db")
    try:
        out = write_study_report(db, 2026, folder / "学习.xlsx", as_of=DEMO_TODAY)
        found = ledger(db, 2026, as_of=DEMO_TODAY)
        rows = [(r.name, r.required / 10, r.credited / 10) for r in found]
    finally:
        db.close()
    return openpyxl.load_workbook(out), rows, [r.standing for r in found]


def test_the_workbook_has_the_summary_the_ledger_and_a_sheet_per_member(workbook) -> None:  # type: ignore[no-untyped-def]
    book, rows, _standings = workbook
    assert book.sheetnames[:2] == ["培训情况", "学时台账"]
    assert len(book.sheetnames) == 2 + len(rows)
    summary = book["培训情况"]
    assert summary["A1"].value.endswith("2026年党员培训情况")
    assert summary["A4"].value == "年内在册党员" and summary["B4"].value == len(rows)
    assert summary["B6"].value == sum(credited >= required for _n, required, credited in rows)


def test_the_ledger_sheet_and_each_member_sheet_agree_with_the_ledger(workbook) -> None:  # type: ignore[no-untyped-def]
    """Each member's row and the total of each member's sheet are the credited hours of the ledger."""
    book, rows, standings = workbook
    sheet = book["学时台账"]
    listed = [(sheet.cell(r, 2).value, sheet.cell(r, 6).value, sheet.cell(r, 7).value) for r in range(4, 4 + len(rows))]
    assert listed == rows
    # 完成情况 as the ledger on screen says it: on 1 November a member short of the year's hours is 进度正常 or
    # 进度偏慢, not yet 未完成 (the demo has some of each).
    said = [sheet.cell(r, 8).value for r in range(4, 4 + len(rows))]
    words = {"done": "已完成", "incomplete": "未完成", "behind": "进度偏慢", "on_schedule": "进度正常"}
    assert said == [words[s] for s in standings] and "未完成" not in said
    assert {"进度正常", "进度偏慢"} <= set(said)
    for index, (name, _required, credited) in enumerate(rows):
        member = book.worksheets[2 + index]
        assert member["A1"].value.startswith(name)
        last = member.max_row
        assert member.cell(last, 4).value == "合计"
        assert member.cell(last, 6).value == pytest.approx(credited)
        assert sum(member.cell(r, 6).value for r in range(4, last)) == pytest.approx(credited)


def test_print_setup_and_fonts(workbook) -> None:  # type: ignore[no-untyped-def]
    """A4, fitted to the page width, header row repeated, no text under 9 pt."""
    book, _rows, _standings = workbook
    for sheet in book.worksheets:
        assert sheet.page_setup.paperSize == 9 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows == "$3:$3"
        sizes = {cell.font.sz for row in sheet.iter_rows() for cell in row if cell.value is not None}
        assert min(sizes) >= 9


def test_sheet_names_are_valid_and_unique() -> None:
    assert sheet_names(["王芳", "王芳", "a/b:c", "x" * 40]) == ["王芳", "王芳(2)", "a_b_c", "x" * 31]


def test_report_command_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    create_demo(tmp_path / "demo.db", seed=5, members=6)
    out = tmp_path / "report.xlsx"
    assert main(["study", "report", "--db", str(tmp_path / "demo.db"), "--year", "2026", "--out", str(out)]) == 0
    assert "已写入" in capsys.readouterr().out
    assert openpyxl.load_workbook(out).sheetnames[0] == "培训情况"


def test_a_training_over_the_new_year_shows_its_days_and_why_part_of_its_hours(workbook) -> None:  # type: ignore[no-untyped-def]
    """A class of several days gives its first and last day; the demo's class from 30 December also says its
    hours are shared by days with the year before."""
    book, rows, _standings = workbook
    found = {(sheet.cell(r, 2).value, sheet.cell(r, 4).value) for sheet in book.worksheets[2:2 + len(rows)]
             for r in range(4, sheet.max_row) if isinstance(sheet.cell(r, 2).value, str)}
    assert ("2025-12-30—2026-01-01", "基层党组织书记示范培训（跨年，按在2026年的天数计入）") in found
    assert ("2026-05-12—2026-05-13", "支部书记和委员培训班") in found, "within the year: no note"


def test_a_long_note_under_the_title_wraps_within_the_table(tmp_path: Path) -> None:
    """The note under a title wraps and its row grows, rather than running past the printed page's edge (a
    branch with earlier hours entered gets a longer 培训情况 note)."""
    from partydesk.core.io.study_sheets import Block, Table, write_workbook

    block = Block(["序号", "姓名", "学习内容"], [[1, "王芳", "学习贯彻党的二十届四中全会精神专题辅导"]])
    short = Table("甲", "标题", "统计截至 2026-11-30。", [block])
    long = Table("乙", "标题", "统计截至 2026-11-30；学时按年度计算，跨年度的培训按天数分摊。" * 3, [block])
    out = write_workbook(tmp_path / "notes.xlsx", [short, long])
    book = openpyxl.load_workbook(out)
    assert book["乙"]["A2"].alignment.wrap_text
    assert book["甲"].row_dimensions[2].height < 21  # one line (20 points, as XlsxWriter rounds it)
    assert book["乙"].row_dimensions[2].height >= 3 * 20
