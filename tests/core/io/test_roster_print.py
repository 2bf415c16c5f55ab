"""The 花名册 报送版 (print layout), read back with openpyxl: columns, text size, sign-off, repeats, footer."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.masking import Masking
from partydesk.core.domain.member import MemberData
from partydesk.core.errors import ValidationError
from partydesk.core.io.print_scale import MIN_PRINTED_PT, column_pixels
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.roster_export import PRINT_COLUMNS, ExportResult, export_roster
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 30)
MEMBER = MemberData(
    name="王小红", gender="2", id_type="1", id_number="11010519491231002X", category="1",
    joined_on=date(1975, 7, 1), confirmed_on=date(1976, 7, 1), ethnicity="03", birth_date=date(1949, 12, 31),
    education="20", party_group="第一党小组", work_post="28", work_unit="退休", phone="13800138000",
    address="幸福路1号", native_place="北京")
# A4 landscape less the 0.4 in margins, in Excel's 96-pixel inches: recomputed here, not imported.
PAGE_PX = (297 / 25.4 - 0.8) * 96
WIDE = ["name", "gender", "ethnicity", "birth_date", "id_number", "education", "category", "joined_on",
        "confirmed_on", "party_group", "party_post", "work_post", "work_unit", "phone", "address", "native_place"]


def export(db: Database, path: Path, **kwargs: Any) -> Any:
    """A print-layout export of a 30-member branch, read back by openpyxl."""
    return exported(db, path, **kwargs)[0]


def exported(db: Database, path: Path, **kwargs: Any) -> tuple[Any, ExportResult]:
    """``export``, and what ``export_roster`` said of it."""
    members = [replace(MEMBER, name=f"王小{chr(0x4E00 + n)}", id_number="") for n in range(29)] + [MEMBER]
    insert_members(db, LOCAL_USER, members, today=TODAY)
    result = export_roster(db, LOCAL_USER, path, layout="print", today=TODAY, **kwargs)
    return openpyxl.load_workbook(path).active, result


def texts(ws: Any) -> list[str]:
    """Every string in the sheet."""
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def printed_pt(ws: Any) -> float:
    """The smallest body text size on paper: font size times the print scale Excel will use."""
    body = min(ws.cell(r, c).font.sz for r in range(3, ws.max_row - 1) for c in range(1, ws.max_column + 1)
               if ws.cell(r, c).value is not None)
    if ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage:
        assert ws.page_setup.fitToWidth in (1, None) and ws.page_setup.fitToHeight == 0
        total = sum(column_pixels(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width)
                    for c in range(1, ws.max_column + 1))
        return float(body * min(1.0, PAGE_PX / total))
    return float(body * (ws.page_setup.scale or 100) / 100)


def test_print_layout_has_default_columns_sign_off_and_page_numbers(db: Database, tmp_path: Path) -> None:
    """Thirteen columns (序号 + the default twelve), title, 填报单位/日期, 负责人/制表人, "第 &P 页 共 &N 页"."""
    ws, result = exported(db, tmp_path / "p.xlsx", preparer="李晓梅")
    assert result.fits_width  # (nothing to say of it when written)
    assert ws.max_column == 1 + len(PRINT_COLUMNS) == 13
    assert [c.value for c in ws[3]][:4] == ["序号", "姓名", "性别", "民族"]
    assert ws["A1"].value == "中共示例社区第一支部委员会党员花名册"
    strings = texts(ws)
    assert any(s.startswith("填报单位（盖章）：中共示例社区") for s in strings)
    assert "填报日期：2026年11月30日" in strings
    assert any(s.startswith("负责人：") for s in strings)
    assert "制表人：李晓梅" in strings
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert ws.page_setup.orientation == "landscape"
    assert printed_pt(ws) >= MIN_PRINTED_PT


def test_print_layout_shows_no_program_notes_or_user_ids(db: Database, tmp_path: Path) -> None:
    """No notes from the program on the page (masking hints, user ids): only what the committee reads."""
    ws = export(db, tmp_path / "p.xlsx")
    strings = " ".join(texts(ws)) + str(ws.oddFooter.left.text or "")
    assert "local" not in strings
    assert "导入" not in strings and "隐藏" not in strings and "partydesk" not in strings


def test_many_columns_run_over_pages_at_readable_size(db: Database, tmp_path: Path) -> None:
    """Sixteen columns do not fit one page wide at 9 pt: a fixed scale, header row and 序号/姓名 repeated."""
    ws, result = exported(db, tmp_path / "p.xlsx", columns=WIDE)
    assert not result.fits_width  # said when the file is written
    assert ws.max_column == 17
    assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    assert ws.print_title_rows == "$3:$3"
    assert ws.print_title_cols == "$A:$B"
    assert printed_pt(ws) >= MIN_PRINTED_PT
    assert math.isclose(ws.page_setup.scale, 82)


def test_chosen_columns_keep_roster_order(db: Database, tmp_path: Path) -> None:
    """Columns come in 花名册 order whatever order they were asked in; unknown keys are refused by name."""
    ws = export(db, tmp_path / "p.xlsx", columns=["joined_on", "name"])
    assert [c.value for c in ws[3]] == ["序号", "姓名", "入党日期"]
    with pytest.raises(ValidationError, match="bogus"):
        export_roster(db, LOCAL_USER, tmp_path / "q.xlsx", layout="print", columns=["bogus"])


def test_unmasked_print_names_the_preparer(db: Database, tmp_path: Path) -> None:
    """Full numbers: the footer names the 制表人 by name, never the user id."""
    ws = export(db, tmp_path / "p.xlsx", masking=Masking.FULL, preparer="李晓梅")
    assert "导出人：李晓梅" in ws.oddFooter.left.text
    assert "local" not in ws.oddFooter.left.text
    assert "13800138000" in texts(ws)


def test_a_row_with_wrapped_text_is_tall_enough_for_it(db: Database, tmp_path: Path) -> None:
    """企事业单位、社会组织管理人员 wraps in the 工作岗位 column: its row is given the lines it needs (no office
    suite grows a row on opening, so the text would run into the next row); a one-line row keeps the default."""
    insert_members(db, LOCAL_USER, [replace(MEMBER, name="李长岗", id_number="", work_post="24")], today=TODAY)
    ws = export(db, tmp_path / "p.xlsx", columns=["name", "work_post", "phone"])
    rows = {ws.cell(r, 2).value: r for r in range(4, ws.max_row + 1)}
    post = [c.value for c in ws[3]].index("工作岗位") + 1
    width = ws.column_dimensions[openpyxl.utils.get_column_letter(post)].width
    assert ws.cell(rows["李长岗"], post).value == "企事业单位、社会组织管理人员"
    assert width < 2 * len("企事业单位、社会组织管理人员"), "the column is narrower than the text: it wraps"
    assert ws.row_dimensions[rows["李长岗"]].height >= 2 * 14
    assert ws.row_dimensions[rows["王小红"]].height is None


def test_every_education_and_the_workers_post_print_on_one_line(db: Database, tmp_path: Path) -> None:
    """省(区、市)委党校研究生, the longest 学历, and 工人（工勤技能人员） fit their columns: no row is made taller for
    them (a row given two lines shows as a half-empty double row wherever the text did fit)."""
    insert_members(db, LOCAL_USER, [replace(MEMBER, name="赵党校", id_number="", education="D2", work_post="21")],
                   today=TODAY)
    ws = export(db, tmp_path / "p.xlsx", columns=["name", "education", "work_post"])
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value == "赵党校")
    assert [ws.cell(row, c).value for c in (3, 4)] == ["省(区、市)委党校研究生", "工人（工勤技能人员）"]
    assert ws.row_dimensions[row].height is None
    for column, text in ((3, "省(区、市)委党校研究生"), (4, "工人（工勤技能人员）")):
        # Excel's pixels: each full-width character 15 px at 11 pt, each ASCII one 8 px, 5 px of cell padding.
        needed = sum(15 if ord(ch) > 0x2E7F else 8 for ch in text) + 5
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(column)].width
        assert column_pixels(width) >= needed, (text, width)
