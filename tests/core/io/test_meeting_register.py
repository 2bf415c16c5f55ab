"""The meeting register (会议台账) as .xlsx, read back with openpyxl: title, rows, print set-up."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from partydesk.core.io.meeting_register import COLUMNS, RegisterRow, register_file_name, write_register

ROWS = [RegisterRow(date(2026, 1, 25), "支部党员大会", "传达学习上级会议精神", "会议室", "王建国", "李秀英",
                    36, 30, 2, 4, "符合"),
        RegisterRow(date(2026, 2, 20), "党小组会（第一党小组）", "集体学习党章", "会议室", "张伟", "李秀英",
                    9, 8, 1, 0)]


def _sheet(tmp_path: Path, rows: list[RegisterRow]) -> openpyxl.worksheet.worksheet.Worksheet:
    path = tmp_path / register_file_name(2026)
    write_register(rows, path, organisation="中共示例社区第一支部委员会", year=2026)
    return openpyxl.load_workbook(path).active


def test_title_header_and_one_row_per_meeting(tmp_path: Path) -> None:
    """A merged title row, the header row, then each meeting with its counts and quorum verdict."""
    sheet = _sheet(tmp_path, ROWS)
    assert sheet["A1"].value == "中共示例社区第一支部委员会2026年会议台账"
    assert "A1:L1" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[2]] == [h for h, _w in COLUMNS]
    assert [c.value for c in sheet[3]] == [1, datetime(2026, 1, 25), "支部党员大会", "传达学习上级会议精神", "会议室",
                                           "王建国", "李秀英", 36, 30, 2, 4, "符合"]
    assert [c.value for c in sheet[4]][7:] == [9, 8, 1, 0, "—"]
    assert sheet.max_row == 4


def test_print_setup_is_landscape_a4_fit_to_width_with_repeated_header(tmp_path: Path) -> None:
    """Landscape A4, one page wide, the header row repeated on every page, fonts no smaller than 9 pt."""
    sheet = _sheet(tmp_path, ROWS)
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # fitToWidth left out means 1 (the OOXML default); fitToHeight 0: as many pages down as it takes.
    assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$2:$2"
    sizes = {cell.font.sz for row in sheet.iter_rows(min_row=1, max_row=4) for cell in row if cell.value is not None}
    assert min(sizes) >= 9


def test_a_year_without_meetings_says_so(tmp_path: Path) -> None:
    """An empty register still has its title and header, and a line saying there were no meetings."""
    sheet = _sheet(tmp_path, [])
    assert sheet["A3"].value == "2026年没有会议记录。"


LONG_TOPIC = "传达学习县委经济工作会议精神，研究部署乡村振兴、人居环境整治和秸秆禁烧工作"


def test_a_long_topic_makes_its_row_tall_enough_for_its_lines(tmp_path: Path) -> None:
    """A topic that wraps onto three lines in its column gets a row three lines tall (an office suite does not
    grow it on opening: the lines would print over the rows above and below); a short row keeps the default."""
    long = RegisterRow(date(2026, 3, 5), "支部委员会会议", LONG_TOPIC, "村委会二楼会议室", "王建国", "李秀英",
                       5, 5, 0, 0)
    sheet = _sheet(tmp_path, [*ROWS, long])
    assert sheet.row_dimensions[3].height is None
    assert 2 * 13 <= sheet.row_dimensions[4].height < 3 * 13, "党小组会（第一党小组） takes two lines of its column"
    width = dict(COLUMNS)["会议主题"]
    lines = -(-2 * len(LONG_TOPIC) // (width - 3))  # every character of it is wide: two units each
    assert lines == 3
    assert sheet.row_dimensions[5].height >= 13 * lines
