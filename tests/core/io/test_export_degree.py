"""学位 and 参加工作日期 travel through the full export and back in, and the import reads the usual headers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import create_demo
from partydesk.core.io.roster_headers import guess_mapping
from partydesk.core.services import members
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.roster_import import apply_import, plan_import
from partydesk.core.storage.database import Database, open_database
from tests.core.io.test_roster_export import MEMBER, TODAY, export, header_index

WITH_DEGREE = replace(MEMBER, degree="2", work_started_on=date(1968, 9, 1), work_post="23")


def test_full_export_has_degree_and_work_start_columns(db: Database, tmp_path: Path) -> None:
    """The complete export writes 学位 by name and 参加工作日期 as a date cell."""
    insert_members(db, LOCAL_USER, [WITH_DEGREE], today=TODAY)
    ws = export(db, tmp_path / "r.xlsx", masked=False)
    col = header_index(ws)
    assert ws.cell(4, col["学位"]).value == "硕士"
    assert ws.cell(4, col["参加工作日期"]).value == datetime(1968, 9, 1)
    assert ws.cell(4, col["工作岗位"]).value == "企事业单位、社会组织专业技术人员"


def test_degree_and_work_start_survive_export_and_import(db: Database, tmp_path: Path) -> None:
    """Exported, then imported into another branch, the member keeps 学位 and 参加工作日期."""
    create_demo(tmp_path / "demo" / "demo.db", seed=7, members=20)
    source = open_database(tmp_path / "demo" / "demo.db")
    path = tmp_path / "r.xlsx"
    try:
        insert_members(source, LOCAL_USER, [WITH_DEGREE], today=TODAY)
        export(source, path, masked=False)
    finally:
        source.close()
    apply_import(db, LOCAL_USER, plan_import(db, path, today=TODAY))
    (row,) = [r for r in members.roster(db, LOCAL_USER) if r.id_number == MEMBER.id_number]
    assert (row.degree, row.work_started_on, row.work_post) == ("2", date(1968, 9, 1), "23")


def test_import_reads_degree_work_start_and_old_work_post_labels(db: Database, tmp_path: Path) -> None:
    """Headers 学位 and 参加工作时间 are recognised; an old 工作岗位 label (个体经营者) reads as its category."""
    path = tmp_path / "office.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "公民身份号码", "人员类别", "入党日期", "转正日期", "学位", "参加工作时间", "工作岗位"])
    ws.append(["王小红", "女", MEMBER.id_number, "正式党员", "1975-07-01", "1976-07-01", "学士", "1968-09-01",
               "个体经营者"])
    wb.save(path)
    apply_import(db, LOCAL_USER, plan_import(db, path, today=TODAY))
    (row,) = members.roster(db, LOCAL_USER)
    assert (row.degree, row.work_started_on, row.work_post) == ("1", date(1968, 9, 1), "27")


def test_header_guess_maps_the_new_fields() -> None:
    """参加工作时间 and 学位 headers map to the new fields; 最高学位 too when it is the only one."""
    assert guess_mapping(["姓名", "学位", "参加工作时间"]) == {0: "name", 1: "degree", 2: "work_started_on"}
    assert guess_mapping(["最高学位", "参加工作日期"]) == {0: "degree", 1: "work_started_on"}
