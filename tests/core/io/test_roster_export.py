"""Tests of the roster export: the 花名册 layout, masking, injection safety, and export → import round trips.

The workbook is written with XlsxWriter and read back here with openpyxl, a second, independent library.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from partydesk.core import atomicfile
from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import create_demo
from partydesk.core.domain.masking import Masking
from partydesk.core.domain.member import MemberData
from partydesk.core.errors import KnownError
from partydesk.core.io.roster_export import RosterSheet, SheetColumn, neutralise, write_roster
from partydesk.core.services import audit, members
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.roster_export import EXPORT_COLUMNS, export_roster, roster_dicts
from partydesk.core.services.roster_import import apply_import, plan_import
from partydesk.core.storage.database import Database, open_database

TODAY = date(2026, 11, 1)
ID = "11010519491231002X"
MEMBER = MemberData(
    name="王小红", gender="2", id_type="1", id_number=ID, category="1", joined_on=date(1975, 7, 1),
    confirmed_on=date(1976, 7, 1), ethnicity="03", birth_date=date(1949, 12, 31), education="20",
    party_group="第一党小组", party_post="03", work_post="28", work_unit="退休", phone="13800138000",
    address="幸福路1号", native_place="北京", notes="",
)


@pytest.fixture
def demo_db(tmp_path: Path) -> Any:
    """A demo branch of 60 members (some lost contact, some migrant, some probationary)."""
    path = tmp_path / "demo" / "demo.db"
    create_demo(path, seed=7, members=60)
    database = open_database(path)
    yield database
    database.close()


def export(db: Database, path: Path, *, masked: bool = True, **kwargs: Any) -> Any:
    """export_roster with the fixed date; returns the sheet of the saved workbook, read back by openpyxl."""
    export_roster(db, LOCAL_USER, path, masking=Masking.MASKED if masked else Masking.FULL, today=TODAY, **kwargs)
    return openpyxl.load_workbook(path).active


def header_index(ws: Any) -> dict[str, int]:
    """Header text → 1-based column."""
    return {cell.value: cell.column for cell in ws[3]}


def test_export_has_the_usual_roster_layout(db: Database, tmp_path: Path) -> None:
    """Title with the branch name, date row, frozen repeated header, A4 landscape. Its 28 columns fitted to one page
    wide printed in 3-point text: it prints at the scale that keeps 9 points, over pages, 序号/姓名 repeated on each;
    the title over the first page's columns, the date line after the repeated columns (it came back cut off)."""
    insert_members(db, LOCAL_USER, [MEMBER], today=TODAY)
    ws = export(db, tmp_path / "r.xlsx")
    assert ws["A1"].value == "中共示例社区第一支部委员会党员花名册"
    merged = {str(r) for r in ws.merged_cells.ranges}
    end = next(r for r in merged if r.startswith("A1:"))[3:-1]
    assert merged == {f"A1:{end}1"}  # the date line, in C2 alone, runs on over the empty cells beside it
    assert 5 <= openpyxl.utils.column_index_from_string(end) < len(EXPORT_COLUMNS)
    assert ws["C2"].value.startswith("导出日期：2026-11-01，共 1 人")
    assert [c.value for c in ws[3]] == [h for h, _k in EXPORT_COLUMNS]
    assert ws.freeze_panes == "C4"
    assert ws.print_title_rows == "$3:$3" and ws.print_title_cols == "$A:$B"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    assert int(ws.page_setup.scale) == 82  # 11-point text printed at 9 points
    assert ws.print_options.gridLines  # the grid on paper, empty cells included
    widths = {k: ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width
              for i, (_h, k) in enumerate(EXPORT_COLUMNS, start=1)}
    assert widths["id_number"] >= 18 and widths["birth_date"] >= 10 and widths["gender"] < widths["address"]


def test_a_sheet_narrow_enough_is_fitted_to_one_page_wide(tmp_path: Path) -> None:
    """A few columns print on one page wide, centred, the title and date line across all of them."""
    sheet = RosterSheet(title="中共示例社区第一支部委员会党员花名册", subtitle="导出日期：2026-11-01，共 1 人",
                        columns=[SheetColumn("序号", centred=True), SheetColumn("姓名", "text"),
                                 SheetColumn("入党日期", "date")],
                        rows=[[1, "王小红", date(1975, 7, 1)]])
    ws = openpyxl.load_workbook(write_roster(tmp_path / "narrow.xlsx", sheet)).active
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:C1", "A2:C2"}
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToWidth or 1) == 1
    assert int(ws.page_setup.fitToHeight) == 0 and ws.print_options.horizontalCentered
    assert ws.print_title_cols is None


def test_export_writes_names_real_dates_and_text_ids(db: Database, tmp_path: Path) -> None:
    """Codes become Chinese names, dates are date cells formatted yyyy-mm-dd, ID and phone are text cells."""
    insert_members(db, LOCAL_USER, [MEMBER], today=TODAY)
    ws = export(db, tmp_path / "r.xlsx", masked=False)
    col = header_index(ws)
    row = {name: ws.cell(4, column) for name, column in col.items()}
    assert (row["序号"].value, row["姓名"].value, row["性别"].value, row["民族"].value) == (1, "王小红", "女", "回族")
    assert (row["学历"].value, row["人员类别"].value, row["党内职务"].value) == ("大学本科", "正式党员", "组织委员")
    assert (row["工作岗位"].value, row["党籍状态"].value, row["是否失联"].value) == ("离退休人员", "正常", "否")
    assert row["入党日期"].value == datetime(1975, 7, 1)
    assert row["入党日期"].number_format == "yyyy-mm-dd"
    assert row["公民身份号码"].value == ID and row["公民身份号码"].data_type == "s"
    assert row["公民身份号码"].number_format == "@" and row["联系电话"].number_format == "@"


def test_export_is_masked_by_default_and_says_so(db: Database, tmp_path: Path) -> None:
    """By default ID numbers and phones are starred and the subtitle warns the file cannot update members."""
    insert_members(db, LOCAL_USER, [MEMBER], today=TODAY)
    ws = export(db, tmp_path / "r.xlsx")
    col = header_index(ws)
    assert ws.cell(4, col["公民身份号码"]).value == "**************002X"
    assert ws.cell(4, col["联系电话"]).value == "138****8000"
    assert "不能用于导入更新" in ws["C2"].value
    assert ws.oddFooter.left.text is None


def test_unmasked_export_names_exporter_in_footer(db: Database, tmp_path: Path) -> None:
    """An unmasked export shows the full numbers and a footer naming the exporter by name, never by user id."""
    insert_members(db, LOCAL_USER, [MEMBER], today=TODAY)
    ws = export(db, tmp_path / "r.xlsx", masked=False, preparer="李晓梅")
    assert ws.cell(4, header_index(ws)["公民身份号码"]).value == ID
    assert "导出人：李晓梅" in ws.oddFooter.left.text
    assert LOCAL_USER.user_id not in ws.oddFooter.left.text
    assert "妥善保管" in ws["C2"].value


def test_masked_export_cannot_be_imported_as_updates(db: Database, tmp_path: Path) -> None:
    """Importing a masked export rejects every row with id_masked; nothing is matched or changed."""
    insert_members(db, LOCAL_USER, [MEMBER], today=TODAY)
    path = tmp_path / "masked.xlsx"
    export(db, path)
    plan = plan_import(db, path, today=TODAY)
    assert plan.rejected == 1
    assert [e.code for e in plan.errors] == ["id_masked", "phone_masked"]


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\")"])
def test_formula_like_text_is_neutralised(db: Database, tmp_path: Path, text: str) -> None:
    """Text beginning with = + - @ is written as inert text prefixed with ' and re-imports unchanged."""
    insert_members(db, LOCAL_USER, [MEMBER.__class__(**{**MEMBER.as_dict(), "notes": text, "address": text,
                                                        "work_unit": text})], today=TODAY)
    path = tmp_path / "r.xlsx"
    ws = export(db, path, masked=False)
    col = header_index(ws)
    for header in ("备注", "家庭住址", "工作单位"):
        cell = ws.cell(4, col[header])
        assert cell.value == "'" + text and cell.data_type == "s"
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
    plan = plan_import(db, path, today=TODAY)
    assert (plan.unchanged, plan.rejected) == (1, 0)


def test_neutralise_covers_tab_and_carriage_return() -> None:
    """Tab and CR at the start are neutralised as well; ordinary text is left alone."""
    assert [neutralise(t) for t in ("\tx", "\rx", "x=1", "")] == ["'\tx", "'\rx", "x=1", ""]


def test_unmasked_export_then_import_is_all_unchanged(demo_db: Database, tmp_path: Path) -> None:
    """Export → import of a demo branch finds every row unchanged and applying it writes nothing."""
    path = tmp_path / "roster.xlsx"
    export(demo_db, path, masked=False)
    before = sorted(members.roster(demo_db, LOCAL_USER))
    plan = plan_import(demo_db, path, today=TODAY)
    assert (plan.unchanged, plan.new, plan.updated, plan.rejected) == (len(before), 0, 0, 0)
    result = apply_import(demo_db, LOCAL_USER, plan)
    assert result.backup_path is None
    assert sorted(members.roster(demo_db, LOCAL_USER)) == before


def test_export_imports_into_an_empty_branch_identically(demo_db: Database, db: Database, tmp_path: Path) -> None:
    """The exported file rebuilds the same roster in another database (member and organisation ids aside)."""
    path = tmp_path / "roster.xlsx"
    export(demo_db, path, masked=False)
    apply_import(db, LOCAL_USER, plan_import(db, path, today=TODAY))

    def data(database: Database) -> list[tuple[object, ...]]:
        return sorted(tuple(r._replace(id="", org_id="")) for r in members.roster(database, LOCAL_USER))

    assert data(db) == data(demo_db)


def test_failed_export_leaves_the_previous_file_untouched(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export goes through the atomic writer: a disk full while saving keeps the old file as it was."""
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"old export")

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomicfile.os, "fsync", broken)
    with pytest.raises(KnownError) as info:
        export_roster(db, LOCAL_USER, path, today=TODAY)
    assert info.value.code == "disk_full"
    assert path.read_bytes() == b"old export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".r.xlsx")] == []


def test_unmasked_export_is_audited_without_numbers(db: Database, tmp_path: Path) -> None:
    """An export with full numbers leaves an audit row naming who read which members; a masked one none."""
    insert_members(db, LOCAL_USER, [MEMBER], today=TODAY)
    export(db, tmp_path / "masked.xlsx")
    assert [e for e in audit.list_entries(db, LOCAL_USER) if e.action == "export.unmasked"] == []
    export(db, tmp_path / "full.xlsx", masked=False)
    [entry] = [e for e in audit.list_entries(db, LOCAL_USER) if e.action == "export.unmasked"]
    assert entry.actor_id == LOCAL_USER.user_id
    assert entry.record_ids == tuple(r.id for r in members.roster(db, LOCAL_USER))
    assert ID not in entry.summary and "王小红" not in entry.summary and "1 人" in entry.summary


def test_audit_summary_of_a_large_export_holds_no_six_digit_run(db: Database, tmp_path: Path) -> None:
    """The head count of a committee-sized export is written with separators, which the audit accepts."""
    from partydesk.core.services.roster_export import _count_summary

    summary = _count_summary("导出花名册（完整号码）", 123_456)
    assert summary.endswith("123,456 人")
    audit.record_access(db, LOCAL_USER, action="export.unmasked", record_ids=[], summary=summary)


def test_roster_dicts_use_english_keys_chinese_names_and_iso_dates(db: Database) -> None:
    """roster_dicts gives every member field under English keys, masked unless asked."""
    insert_members(db, LOCAL_USER, [MEMBER], today=TODAY)
    [masked] = roster_dicts(db, LOCAL_USER)
    [full] = roster_dicts(db, LOCAL_USER, masking=Masking.FULL)
    assert set(MEMBER.as_dict()) | {"id", "in_branch"} == set(masked)
    assert (masked["gender"], masked["category"], masked["joined_on"]) == ("女", "正式党员", "1975-07-01")
    assert (masked["id_number"], full["id_number"]) == ("**************002X", ID)
    assert (masked["phone"], full["phone"]) == ("138****8000", "13800138000")
    assert masked["lost_contact"] is False and masked["birth_date"] == "1949-12-31"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_export_opens_cleanly_in_libreoffice(demo_db: Database, tmp_path: Path) -> None:
    """LibreOffice converts the export to CSV with the title, Chinese headers and dates as shown in Excel."""
    path = tmp_path / "roster.xlsx"
    export(demo_db, path, masked=False)
    subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    lines = (tmp_path / "roster.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("中共示范街道幸福社区第一支部委员会党员花名册")
    assert lines[2].startswith("序号,姓名,性别,民族,出生日期")
    first = lines[3].split(",")
    assert len(first[4]) == 10 and first[4][4] == "-"  # yyyy-mm-dd, not a serial number
    assert len(lines) == 3 + 60
