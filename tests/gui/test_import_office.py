"""The import wizard with a 组织部门 form: one value for a whole file, required fields named, 姓名 in the
problem list, footer rows and skipped people named on the check and done pages."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import members
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.import_file_step import FIXABLE_FIELDS
from partydesk.gui.dialogs.import_wizard import DONE_STEP
from partydesk.gui.models.issue_model import MUTED_COLOUR, IssueModel
from tests.core.io.test_office_roster import ID1, ID2, ID3, NATIONAL, line, office_form
from tests.gui.test_import_wizard import import_now, open_wizard, to_check_step

GROUP_ROW = NATIONAL.index("所在党支部")


def fixed_row(wizard: object, key: str) -> int:
    """The mapping-table row of the every-row value of ``key``."""
    return len(wizard._combos) + FIXABLE_FIELDS.index(key)  # type: ignore[attr-defined]


def test_fixed_values_are_offered_for_missing_fields_and_reach_every_row(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """No 人员类别 or 党小组 column: the table offers one value for each, and the import stores it for all."""
    wizard = open_wizard(qtbot, ctx, office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1), line(2, "李梅", ID2)]))
    table = wizard.ui.mappingTable
    assert table.rowCount() == len(NATIONAL) + len(FIXABLE_FIELDS)
    for key in ("category", "party_group"):
        assert not table.isRowHidden(fixed_row(wizard, key))
    assert "人员类别" in wizard.ui.requiredLabel.text() and "转为正式党员日期" in wizard.ui.requiredLabel.text()
    wizard.set_fixed_value("party_group", "第二党小组")
    wizard.set_fixed_value("category", "正式党员")
    assert wizard.fixed_values() == {"party_group": "第二党小组", "category": "正式党员"}
    assert "转为正式党员日期" not in wizard.ui.requiredLabel.text(), "a fixed category needs no inference note"
    to_check_step(qtbot, wizard)
    assert wizard.plan is not None and wizard.plan.fixed_values == {"party_group": "第二党小组", "category": "正式党员"}
    import_now(qtbot, wizard)
    assert wizard.step == DONE_STEP, (wizard.ui.checkErrorLabel.text(), wizard.ui.reasonLabel.text())
    stored = members.roster(ctx.db, LOCAL_USER)
    assert sorted((m.name, m.party_group, m.category) for m in stored) == [
        ("张三", "第二党小组", "1"), ("李梅", "第二党小组", "1")]


def test_fixed_row_is_hidden_once_a_column_holds_the_field(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """Mapping 所在党支部 to 党小组 hides the every-row 党小组 and drops its value from the plan."""
    wizard = open_wizard(qtbot, ctx, office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1)]))
    wizard.set_fixed_value("party_group", "第二党小组")
    wizard.set_column_field(GROUP_ROW, "party_group")
    assert wizard.ui.mappingTable.isRowHidden(fixed_row(wizard, "party_group"))
    assert "party_group" not in wizard.fixed_values()


def test_problem_list_names_each_row_person(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """The problem table has a 姓名 column filled from the row."""
    rows = [line(1, "张三", ID1, 性别="火星"), line(2, "李梅", ID2, 学历="大学")]
    wizard = open_wizard(qtbot, ctx, office_form(tmp_path / "f.xlsx", rows))
    to_check_step(qtbot, wizard)
    model = wizard.issues
    name_column = IssueModel.COLUMNS.index("name")
    assert not wizard.ui.issuesTable.isColumnHidden(name_column)
    shown = {(model.index(r, 0).data(), model.index(r, name_column).data()) for r in range(model.rowCount())}
    assert shown == {("4", "张三"), ("5", "李梅")}


def test_footer_rows_and_skipped_people_are_named(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """The check page lists the 合计/填表人 rows as left out; the done page names who was skipped and every
    reason (赵六: a wrong check digit and a 性别 no table knows)."""
    rows = [line(1, "张三", ID1), line(2, "赵六", ID3[:-1] + ("0" if ID3[-1] != "0" else "1"), 性别="火星"),
            line(3, "李梅", ID2)]
    wizard = open_wizard(qtbot, ctx, office_form(tmp_path / "f.xlsx", rows))
    to_check_step(qtbot, wizard)
    skipped = wizard.ui.skippedLabel.text()
    assert wizard.ui.skippedLabel.isVisible() and "合计" in skipped and "填表人" in skipped and "5" in skipped
    wizard.ui.skipCheck.setChecked(True)
    import_now(qtbot, wizard)
    assert wizard.step == DONE_STEP
    done = wizard.ui.doneSkippedLabel.text()
    assert wizard.ui.doneSkippedLabel.isVisible()
    [zhao] = [text for text in done.splitlines() if "赵六" in text]
    assert "5" in zhao and "校验" in zhao and "火星" in zhao, zhao


def test_preview_greys_the_rows_that_are_no_members(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """The 合计 row is grey with a tooltip saying it is left out, and the facts line counts such rows."""
    wizard = open_wizard(qtbot, ctx, office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1)]))
    table = wizard.ui.previewTable
    heads = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    total = table.item(heads.index("6"), 1)
    assert total.foreground().color() == MUTED_COLOUR and "表尾“合计”行" in total.toolTip()
    assert table.item(heads.index("4"), 1).foreground().color() != MUTED_COLOUR
    assert "5" in wizard.ui.factsLabel.text()


def test_the_preview_promises_tinted_cells_only_when_a_member_s_cell_is_tinted(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """A merged 合计 line at the foot is flagged but greyed as no member, never tinted: the note under the
    preview does not send the secretary looking for tinted cells that are not there."""
    import openpyxl

    path = office_form(tmp_path / "f.xlsx", [line(1, "张三", ID1), line(2, "李梅", ID2)])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    total = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "合计")
    sheet.merge_cells(start_row=total, start_column=1, end_row=total, end_column=2)
    book.save(path)
    wizard = open_wizard(qtbot, ctx, path)
    found = wizard._preview
    assert found is not None and any(row.flags and row.row in found.not_people for row in found.rows)
    assert "底色" not in wizard.ui.previewNote.text()
