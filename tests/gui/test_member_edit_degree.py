"""The member form asks for 学位 and 参加工作日期, saves them, and shows them again when editing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.members import get_member, roster
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.member_edit import MemberEditDialog
from tests.gui.conftest import WAIT_MS
from tests.gui.test_member_edit import _add_dialog, _choose, closed, fill, save
from tests.gui.test_members_page import ZHANG, add_now, open_page


def test_new_member_with_degree_and_work_start(qtbot: QtBot, ctx: AppContext) -> None:
    """学位 is a choice of 学士/硕士/博士/无; 参加工作日期 takes a typed date; both are stored."""
    dialog = _add_dialog(open_page(qtbot, ctx))
    combo = dialog.ui.degreeCombo
    assert [combo.itemText(i) for i in range(combo.count())] == ["（未填）", "学士", "硕士", "博士", "无"]
    assert dialog.ui.degreeLabel.text() == "学位："
    assert dialog.ui.workStartedOnLabel.text() == "参加工作日期："
    fill(dialog)
    _choose(combo, "博士")
    dialog.ui.workStartedOnEdit.setText("2003年9月1日")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        save(qtbot, ctx, dialog)
    (row,) = roster(ctx.db, LOCAL_USER)
    assert (row.degree, row.work_started_on) == ("3", date(2003, 9, 1))


def test_bad_work_start_date_is_shown_beside_its_field(qtbot: QtBot, ctx: AppContext) -> None:
    """A date that cannot be read is an error under 参加工作日期, and nothing is saved."""
    dialog = _add_dialog(open_page(qtbot, ctx))
    fill(dialog)
    dialog.ui.workStartedOnEdit.setText("去年秋天")
    save(qtbot, ctx, dialog)
    assert not closed(dialog)
    assert "去年秋天" in dialog.field_message("work_started_on")
    assert roster(ctx.db, LOCAL_USER) == []


def test_editing_shows_and_keeps_degree_and_work_start(qtbot: QtBot, ctx: AppContext) -> None:
    """The form opens with the stored 学位 and 参加工作日期 and saves them unchanged."""
    (member_id,) = add_now(ctx, replace(ZHANG, degree="学士", work_started_on=date(2002, 7, 15)))
    page = open_page(qtbot, ctx)
    page.select_member(member_id)
    page.edit_selected()
    assert ctx.runner.wait_idle(WAIT_MS)
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog)
    assert dialog.ui.degreeCombo.currentText() == "学士"
    assert dialog.ui.workStartedOnEdit.text() == "2002年07月15日"  # the shared date field shows dates in full
    dialog.ui.workUnitEdit.setText("示范中学")
    save(qtbot, ctx, dialog)
    record = get_member(ctx.db, LOCAL_USER, member_id)
    assert record is not None
    assert (record.data.degree, record.data.work_started_on) == ("1", date(2002, 7, 15))
    assert record.data.work_unit == "示范中学"
