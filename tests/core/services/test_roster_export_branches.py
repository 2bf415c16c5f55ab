"""A committee's roster exports list the members branch by branch with a 所在支部 column (after 序号 in the
full 花名册, after 序号 and 姓名 on the 报送版); a branch's own exports have no such column."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from partydesk.core.changes import LOCAL_USER
from partydesk.core.io.roster_export import HEADER_ROW
from partydesk.core.services.roster_export import export_roster
from tests.core.exchange.conftest import make_branch
from tests.core.services.committee_two_branches import SIZES, TODAY, two_branch_committee


def _table(path: Path) -> list[list[object]]:
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(min_row=HEADER_ROW, values_only=True)]


def test_a_committee_roster_names_each_members_branch_grouped(tmp_path: Path) -> None:
    hub, _ids = two_branch_committee(tmp_path)
    full = export_roster(hub, LOCAL_USER, tmp_path / "full.xlsx", today=TODAY)
    header, *rows = _table(full.path)
    assert header[:3] == ["序号", "所在支部", "姓名"]
    branch_column = [r[1] for r in rows if isinstance(r[0], int)]
    assert branch_column == ["第1001支部委员会"] * SIZES["1001"] + ["第1002支部委员会"] * SIZES["1002"]
    printed = export_roster(hub, LOCAL_USER, tmp_path / "print.xlsx", today=TODAY, layout="print")
    header, *rows = _table(printed.path)
    assert header[:3] == ["序号", "姓名", "所在支部"]
    assert sorted({r[2] for r in rows if isinstance(r[0], int)}) == ["第1001支部委员会", "第1002支部委员会"]
    hub.close()


def test_a_branch_roster_has_no_branch_column(tmp_path: Path) -> None:
    db = make_branch(tmp_path / "b.db", members=3)
    header, *_rows = _table(export_roster(db, LOCAL_USER, tmp_path / "b.xlsx", today=TODAY).path)
    assert header[:2] == ["序号", "姓名"] and "所在支部" not in header
    db.close()
