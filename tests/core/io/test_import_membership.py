"""An import goes through the 党籍 rules like the form: 停止党籍 needs its grounds, a 转正 date off the end of
probation is a warning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from partydesk.core.domain.idnumber import check_char
from partydesk.core.services.roster_import import plan_import
from partydesk.core.storage.database import Database

TODAY = date(2026, 11, 30)
HEADER = ["姓名", "性别", "公民身份号码", "人员类别", "入党日期", "转正日期", "党籍状态", "是否失联", "失去联系日期"]


def _id(seq: int) -> str:
    first17 = f"110105198003{seq:02d}011"
    return first17 + check_char(first17)


def _file(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_suspension_without_grounds_is_rejected_and_off_date_confirmation_warns(db: Database, tmp_path: Path) -> None:
    """Row 2: 停止党籍 with no 失联 → error naming the rule; row 3: 失联 since January → accepted; row 4: 转正
    a month late → a warning naming the end of probation."""
    path = _file(tmp_path / "roster.xlsx", [
        ["甲", "男", _id(1), "正式党员", "2010-07-01", "2011-07-01", "停止党籍", "否", ""],
        ["乙", "男", _id(2), "正式党员", "2010-07-01", "2011-07-01", "停止党籍", "是", "2026-01-05"],
        ["丙", "男", _id(3), "正式党员", "2010-07-01", "2011-08-01", "正常", "否", ""],
    ])
    plan = plan_import(db, path, today=TODAY)
    by_row = {r.row: r for r in plan.rows}
    assert by_row[2].action == "rejected"
    [error] = [i for i in by_row[2].issues if i.severity == "error"]
    assert "停止党籍" in error.message and "党员教育管理工作条例" in error.message
    assert by_row[3].action == "new"
    assert by_row[4].action == "new"
    assert any("预备期满之日（2011年07月01日）" in i.message and i.severity == "warning" for i in by_row[4].issues)


def test_a_leaving_reason_under_membership_status_is_refused_with_what_to_do(db: Database, tmp_path: Path) -> None:
    """Offices write 死亡 or 开除党籍 in the 党籍状态 column; the row is refused with advice, not 'unknown code'."""
    path = _file(tmp_path / "roster.xlsx", [
        ["甲", "男", _id(1), "正式党员", "2010-07-01", "2011-07-01", "死亡", "否", ""],
        ["乙", "男", _id(2), "正式党员", "2010-07-01", "2011-07-01", "开除党籍", "否", ""],
        ["丙", "男", _id(3), "正式党员", "2010-07-01", "2011-07-01", "正常", "否", ""],
    ])
    plan = plan_import(db, path, today=TODAY)
    by_row = {r.row: r for r in plan.rows}
    for row, word in ((2, "死亡"), (3, "开除党籍")):
        assert by_row[row].action == "rejected"
        [error] = [i for i in by_row[row].issues if i.severity == "error"]
        assert f"“{word}”是减员原因" in error.message and "记录变动" in error.message
    assert by_row[4].action == "new"
