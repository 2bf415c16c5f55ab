"""The `partydesk roster` commands: import (dry run, all-or-nothing, skip), export, list, and their JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from partydesk.cli import main
from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import create_demo
from partydesk.core.services.maintenance import list_backups
from partydesk.core.services.members import roster
from partydesk.core.storage.database import open_database

MEMBER_KEYS = {
    "id", "name", "gender", "ethnicity", "birth_date", "id_type", "id_number", "education", "degree", "category",
    "joined_on", "confirmed_on", "party_group", "party_post", "work_post", "work_unit", "work_started_on", "phone",
    "address",
    "native_place", "membership_status", "lost_contact", "lost_since", "lost_cause", "migrant",
    "migrant_destination", "migrant_since", "in_branch", "notes",
}
NEW_ID = "11010519491231002X"
OTHER_ID = "110105195001010012"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A demo database with 12 members."""
    path = tmp_path / "demo.db"
    create_demo(path, seed=3, members=12)
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    """Run ``partydesk argv --json`` in-process; stdout must be exactly one JSON object."""
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    payload: dict[str, Any] = json.loads(lines[0])
    return code, payload


def names(db_path: Path) -> list[tuple[str, str]]:
    """(name, phone) of every stored member."""
    db = open_database(db_path)
    try:
        return sorted((r.name, r.phone) for r in roster(db, LOCAL_USER))
    finally:
        db.close()


def unmasked_export(capsys: pytest.CaptureFixture[str], demo: Path, out: Path) -> Path:
    """Export the demo roster with full numbers."""
    code, _payload = run_json(capsys, "roster", "export", str(out), "--db", str(demo), "--unmasked")
    assert code == 0
    return out


def add_rows(path: Path, *rows: list[object]) -> Path:
    """Append rows below an exported roster (columns as in the export)."""
    wb = openpyxl.load_workbook(path)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def new_row(**over: object) -> list[object]:
    """A valid new member in export column order."""
    values: dict[str, object] = {"姓名": "王小红", "性别": "女", "公民身份号码": NEW_ID, "人员类别": "正式党员",
                                 "入党日期": "1975-07-01", "转正日期": "1976-07-01"}
    values.update(over)
    headers = ["序号", "姓名", "性别", "民族", "出生日期", "证件类型", "公民身份号码", "学历", "学位", "人员类别",
               "入党日期", "转正日期"]
    return [values.get(h) for h in headers]


BAD_ROW = new_row(姓名="李四", 性别="火星", 公民身份号码=OTHER_ID)


def test_list_json_gives_every_field_under_english_keys_masked(capsys: pytest.CaptureFixture[str],
                                                              demo: Path) -> None:
    """`roster list --json` lists members with all fields, Chinese names for codes, masked IDs and phones."""
    code, payload = run_json(capsys, "roster", "list", "--db", str(demo))
    assert code == 0
    assert (payload["count"], payload["masked"]) == (12, True)
    first = payload["members"][0]
    assert set(first) == MEMBER_KEYS
    assert first["id_number"].startswith("**************") and "****" in first["phone"]
    assert first["gender"] in ("男", "女") and first["category"] in ("正式党员", "预备党员")
    assert len(first["joined_on"]) == 10 and first["joined_on"][4] == "-"


def test_list_unmasked_shows_full_numbers(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    """`--unmasked` shows full 18-character ID numbers."""
    _code, payload = run_json(capsys, "roster", "list", "--db", str(demo), "--unmasked")
    assert payload["masked"] is False
    assert all("*" not in m["id_number"] and len(m["id_number"]) == 18 for m in payload["members"])


def test_export_json_reports_file_count_and_masking(capsys: pytest.CaptureFixture[str], demo: Path,
                                                    tmp_path: Path) -> None:
    """`roster export FILE --json` writes the workbook and reports file, count and masked."""
    out = tmp_path / "花名册.xlsx"
    code, payload = run_json(capsys, "roster", "export", str(out), "--db", str(demo))
    assert code == 0
    assert payload == {"message": payload["message"], "file": str(out), "count": 12, "masked": True,
                       "layout": "full"}
    assert openpyxl.load_workbook(out).active["A1"].value.endswith("党员花名册")


def test_export_refuses_other_suffixes(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    """Exporting to anything but .xlsx is refused with exit code 1."""
    code, payload = run_json(capsys, "roster", "export", str(tmp_path / "r.csv"), "--db", str(demo))
    assert (code, payload["error"]) == (1, "file_type")


def test_import_of_an_unmasked_export_changes_nothing(capsys: pytest.CaptureFixture[str], demo: Path,
                                                      tmp_path: Path) -> None:
    """Export → import reports every row unchanged, exit code 0, and takes no backup since nothing is written."""
    out = unmasked_export(capsys, demo, tmp_path / "r.xlsx")
    before = names(demo)
    code, payload = run_json(capsys, "roster", "import", str(out), "--db", str(demo))
    assert code == 0
    assert {k: payload[k] for k in ("new", "updated", "unchanged", "rejected", "rows", "applied")} == {
        "new": 0, "updated": 0, "unchanged": 12, "rejected": 0, "rows": [], "applied": True}
    assert names(demo) == before


def test_dry_run_json_has_counts_and_rejected_rows(capsys: pytest.CaptureFixture[str], demo: Path,
                                                   tmp_path: Path) -> None:
    """`--dry-run --json` reports new/updated/unchanged/rejected and each error's row, column, code, message."""
    out = add_rows(unmasked_export(capsys, demo, tmp_path / "r.xlsx"), new_row(), BAD_ROW)
    before = names(demo)
    code, payload = run_json(capsys, "roster", "import", str(out), "--db", str(demo), "--dry-run")
    assert code == 1
    assert (payload["new"], payload["updated"], payload["unchanged"], payload["rejected"]) == (1, 0, 12, 1)
    assert (payload["dry_run"], payload["applied"]) == (True, False)
    [error] = payload["rows"]
    assert {k: error[k] for k in ("row", "column", "code")} == {"row": 17, "column": "C", "code": "code_unknown"}
    assert error["message"] and error["header"] == "性别"
    assert names(demo) == before


def test_import_with_rejected_rows_applies_nothing(capsys: pytest.CaptureFixture[str], demo: Path,
                                                   tmp_path: Path) -> None:
    """Without --skip-rejected one bad row means nothing is imported: applied false, exit code 1."""
    out = add_rows(unmasked_export(capsys, demo, tmp_path / "r.xlsx"), new_row(), BAD_ROW)
    before = names(demo)
    code, payload = run_json(capsys, "roster", "import", str(out), "--db", str(demo))
    assert (code, payload["applied"], payload["rejected"]) == (1, False, 1)
    assert "--skip-rejected" in payload["message"]
    assert names(demo) == before


def test_import_skip_rejected_applies_the_rest_after_a_backup(capsys: pytest.CaptureFixture[str], demo: Path,
                                                              tmp_path: Path) -> None:
    """With --skip-rejected the valid rows are written, after a backup; the summary keeps the same shape."""
    out = add_rows(unmasked_export(capsys, demo, tmp_path / "r.xlsx"), new_row(), BAD_ROW)
    code, payload = run_json(capsys, "roster", "import", str(out), "--db", str(demo), "--skip-rejected")
    assert (code, payload["applied"], payload["new"], payload["rejected"]) == (0, True, 1, 1)
    assert len(payload["rows"]) == 1
    assert payload["backup"] and Path(payload["backup"]).exists()
    assert any(b.path == Path(payload["backup"]) for b in list_backups(demo))
    assert ("王小红", "") in names(demo)


def test_import_text_output_lists_rejected_rows(capsys: pytest.CaptureFixture[str], demo: Path,
                                                tmp_path: Path) -> None:
    """Without --json the summary and each rejected row are printed in Chinese."""
    out = add_rows(unmasked_export(capsys, demo, tmp_path / "r.xlsx"), BAD_ROW)
    code = main(["roster", "import", str(out), "--db", str(demo), "--dry-run"])
    text = capsys.readouterr().out
    assert code == 1
    assert "拒绝 1 行" in text and "第 16 行（李四） C列（性别）[code_unknown]" in text


def test_undecodable_csv_reports_line_and_byte(capsys: pytest.CaptureFixture[str], demo: Path,
                                               tmp_path: Path) -> None:
    """A CSV with a broken byte is refused as a whole: error encoding, with line and byte offset."""
    path = tmp_path / "broken.csv"
    path.write_bytes("姓名,性别,公民身份号码\r\n张三,男,".encode() + b"\xff\r\n")
    code, payload = run_json(capsys, "roster", "import", str(path), "--db", str(demo), "--dry-run")
    assert (code, payload["error"], payload["line"]) == (1, "encoding", 2)
    assert payload["byte_offset"] == path.read_bytes().index(b"\xff")


def test_import_of_a_missing_file_is_a_clear_error(capsys: pytest.CaptureFixture[str], demo: Path,
                                                   tmp_path: Path) -> None:
    """A file that does not exist gives exit code 1 and error no_file."""
    code, payload = run_json(capsys, "roster", "import", str(tmp_path / "nope.xlsx"), "--db", str(demo))
    assert (code, payload["error"]) == (1, "no_file")


def test_roster_without_an_action_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """`partydesk roster` alone is bad usage (exit code 2)."""
    with pytest.raises(SystemExit) as info:
        main(["roster"])
    assert info.value.code == 2
    assert "操作" in capsys.readouterr().err


def test_import_of_an_office_form_lists_names_and_skipped_rows(demo: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The dry run of a 组织部门 form names each problem row's person and lists the footer rows as skipped,
    in the text and in the JSON."""
    from tests.core.io.test_office_roster import ID1, ID2, line, office_form

    form = office_form(tmp_path / "form.xlsx", [line(1, "张三", ID1, 性别="火星"), line(2, "李梅", ID2)])
    code = main(["roster", "import", str(form), "--dry-run", "--db", str(demo)])
    text = capsys.readouterr().out
    assert code == 1
    assert "第 4 行（张三） C列（性别）[code_unknown]" in text
    assert "跳过 5 行（不是党员，不导入）" in text and "第 7 行 表尾“合计”行：合计 2人" in text
    assert "表中没有人员类别：新增的党员有转为正式党员日期的按正式党员" in text and "已有党员的人员类别不变" in text
    code, payload = run_json(capsys, "roster", "import", str(form), "--dry-run", "--db", str(demo))
    assert [(r["row"], r["name"]) for r in payload["rows"]] == [(4, "张三")]
    assert [s["row"] for s in payload["skipped"]] == [7, 8, 9, 10, 11]


def test_export_print_layout_with_chosen_columns(capsys: pytest.CaptureFixture[str], demo: Path,
                                                 tmp_path: Path) -> None:
    """`--layout print --columns name,joined_on` writes 序号 and those two columns; an unknown key fails."""
    out = tmp_path / "报送.xlsx"
    code, payload = run_json(capsys, "roster", "export", str(out), "--db", str(demo), "--layout", "print",
                             "--columns", "joined_on,name", "--preparer", "李晓梅")
    assert code == 0 and payload["layout"] == "print"
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[3]] == ["序号", "姓名", "入党日期"]
    assert any(c.value == "制表人：李晓梅" for row in sheet.iter_rows() for c in row)
    code, payload = run_json(capsys, "roster", "export", str(out), "--db", str(demo), "--layout", "print",
                             "--columns", "name,nosuch")
    assert code != 0 and "nosuch" in payload["message"]
