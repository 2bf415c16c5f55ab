"""First-run set-up dialog: creates the site and organisation, or writes nothing."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.services.setup import own_organisation
from partydesk.core.storage.database import Database
from partydesk.gui.app import run_first_run_if_needed
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.firstrun import FirstRunDialog
from tests.gui.conftest import WAIT_MS


def _dialog(qtbot: QtBot, ctx: AppContext) -> FirstRunDialog:
    dialog = FirstRunDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog


def _rows(db: Database, table: str) -> int:
    # A separate connection: what is really in the file, not what the app's session believes.
    with sqlite3.connect(db.path) as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_filling_the_form_creates_the_site_and_organisation(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """Name, code, type and role entered and OK clicked: the site and its organisation exist."""
    dialog = _dialog(qtbot, blank_ctx)
    dialog.ui.nameEdit.setText("中共示例村党总支部委员会")
    qtbot.keyClicks(dialog.ui.codeEdit, "A2001")
    dialog.ui.typeCombo.setCurrentText("党总支")
    # The 书记 (optional) is asked here too: the roster sent up prints it as 负责人.
    dialog.ui.secretaryEdit.setText("王建国")
    dialog.ui.committeeRadio.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    db = blank_ctx.db
    assert not db.needs_setup
    assert db.site is not None and db.site.role == "committee"
    organisation = own_organisation(db)
    assert organisation is not None
    assert organisation.name == "中共示例村党总支部委员会"
    assert (organisation.code, organisation.org_type, organisation.secretary) == ("A2001", "党总支", "王建国")


def test_missing_name_keeps_ok_disabled(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """OK stays disabled until both the name and the code hold more than blanks, and says why meanwhile; the
    name field shows what a name looks like."""
    dialog = _dialog(qtbot, blank_ctx)
    assert not dialog.ok_button().isEnabled()
    assert dialog.ok_button().toolTip() == "请先填写党组织名称和组织代码。"
    assert dialog.ui.nameEdit.placeholderText().startswith("例如：中共")
    qtbot.keyClicks(dialog.ui.codeEdit, "1001")
    assert not dialog.ok_button().isEnabled()
    dialog.ui.nameEdit.setText("   ")
    assert not dialog.ok_button().isEnabled()
    dialog.ui.nameEdit.setText("中共示例社区第一支部委员会")
    assert dialog.ok_button().isEnabled() and dialog.ok_button().toolTip() == ""


def test_bad_code_shows_the_message_beside_the_code_and_writes_nothing(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """A code with a dash is refused by the core: its message appears under the code field, nothing is saved."""
    dialog = _dialog(qtbot, blank_ctx)
    dialog.ui.nameEdit.setText("中共示例社区第一支部委员会")
    qtbot.keyClicks(dialog.ui.codeEdit, "10-01")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert blank_ctx.runner.wait_idle(WAIT_MS)
    assert "字母和数字" in dialog.error_text("code")
    assert dialog.error_text("name") == ""
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.ok_button().isEnabled(), "the user can correct the code and try again"
    assert blank_ctx.db.needs_setup
    assert _rows(blank_ctx.db, "site") == 0
    assert _rows(blank_ctx.db, "organisation") == 0


def test_an_error_line_adds_height_instead_of_squeezing_the_code_field(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """After an invalid code (ab-12) the dialog grows by the message; the 组织代码 field keeps its height."""
    dialog = _dialog(qtbot, blank_ctx)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.nameEdit.setText("中共示例社区第一支部委员会")
    qtbot.keyClicks(dialog.ui.codeEdit, "ab-12")
    QApplication.processEvents()
    height, field_height = dialog.height(), dialog.ui.codeEdit.height()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert blank_ctx.runner.wait_idle(WAIT_MS)
    QApplication.processEvents()
    assert dialog.error_text("code")
    assert dialog.height() > height
    assert dialog.ui.codeEdit.height() == field_height == dialog.ui.nameEdit.height()
    error = dialog.ui.codeError
    assert error.height() >= error.heightForWidth(error.width())


def test_cancel_writes_nothing(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """Cancel on a filled form closes the dialog and leaves the database without a site."""
    dialog = _dialog(qtbot, blank_ctx)
    dialog.ui.nameEdit.setText("中共示例社区第一支部委员会")
    qtbot.keyClicks(dialog.ui.codeEdit, "1001")
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert blank_ctx.runner.wait_idle(WAIT_MS)
    assert blank_ctx.db.needs_setup
    assert _rows(blank_ctx.db, "site") == 0
    assert _rows(blank_ctx.db, "organisation") == 0


def test_set_up_database_skips_first_run(ctx: AppContext) -> None:
    """A database that already has its site needs no set-up dialog."""
    assert run_first_run_if_needed(ctx) is True


def test_buttons_read_in_chinese(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """With the default language the dialog's title and standard buttons are Chinese."""
    dialog = _dialog(qtbot, blank_ctx)
    assert dialog.windowTitle() == "初始设置"
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_error_line_goes_when_the_field_is_changed(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """The code's error line disappears as soon as the code is edited; the name's line stays until the name is."""
    dialog = _dialog(qtbot, blank_ctx)
    dialog.ui.nameEdit.setText("中共示例社区第一支部委员会")
    qtbot.keyClicks(dialog.ui.codeEdit, "10-01")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert blank_ctx.runner.wait_idle(WAIT_MS)
    assert dialog.error_text("code")
    dialog.ui.nameEdit.setText("中共示例社区第二支部委员会")
    assert dialog.error_text("code"), "editing another field leaves the code's message"
    qtbot.keyClick(dialog.ui.codeEdit, Qt.Key.Key_Backspace)
    assert dialog.error_text("code") == ""
    assert dialog.ui.codeError.isHidden()


def test_set_up_explains_the_code_and_that_the_role_is_final(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """The dialog says what 组织代码 is and that 党支部/上级党委 cannot be changed later."""
    dialog = _dialog(qtbot, blank_ctx)
    assert "上级党委" in dialog.ui.codeHelp.text() and "同一个代码" in dialog.ui.codeHelp.text()
    assert "不能更改" in dialog.ui.roleNote.text()
    assert "不能更改" in dialog.ui.introLabel.text()


def _click(qtbot: QtBot, radio: QWidget) -> None:
    """Click a radio button on its circle (the button spans the dialog's width; its middle is empty)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _pick_type(qtbot: QtBot, dialog: FirstRunDialog, org_type: str) -> None:
    """Choose an organisation type with the arrow keys, as a user does in the closed combo box."""
    combo = dialog.ui.typeCombo
    combo.setFocus()
    target = combo.findText(org_type)
    assert target >= 0
    for _ in range(combo.count()):
        if combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    assert combo.currentIndex() == target, "the arrow keys did not reach it"


def test_the_type_picked_sets_the_role_while_the_role_is_untouched(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """组织类别 党委 picks 上级党委, a branch type picks 党支部 again; nothing to point out meanwhile."""
    dialog = _dialog(qtbot, blank_ctx)
    dialog.show()
    _pick_type(qtbot, dialog, "党委")
    assert dialog.role() == "committee"
    _pick_type(qtbot, dialog, "联合党支部")
    assert dialog.role() == "branch"
    assert dialog.mismatch_text() == "" and dialog.ui.mismatchNote.isHidden()


def test_the_role_picked_sets_the_type_while_the_type_is_untouched(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """Clicking 上级党委 on a fresh form makes the type 党委; clicking 党支部 again makes it 党支部."""
    dialog = _dialog(qtbot, blank_ctx)
    dialog.show()
    _click(qtbot, dialog.ui.committeeRadio)
    assert dialog.ui.typeCombo.currentText() == "党委"
    _click(qtbot, dialog.ui.branchRadio)
    assert dialog.ui.typeCombo.currentText() == "党支部"


def test_a_pair_that_does_not_go_together_is_pointed_out_not_changed(qtbot: QtBot, blank_ctx: AppContext) -> None:
    """Both picked by hand: neither overrides the other; a 党支部 set up as a committee gets a note (and can
    still be saved), which goes once the pair goes together."""
    dialog = _dialog(qtbot, blank_ctx)
    dialog.show()
    qtbot.waitExposed(dialog)
    height = dialog.height()
    _click(qtbot, dialog.ui.committeeRadio)
    _pick_type(qtbot, dialog, "党支部")
    assert dialog.role() == "committee", "the role was picked by hand: it stays"
    assert not dialog.ui.mismatchNote.isHidden()
    assert dialog.ui.mismatchNote.text().startswith("组织类别是“党支部”，本机却选了“上级党委”")
    _click(qtbot, dialog.ui.branchRadio)
    assert dialog.ui.typeCombo.currentText() == "党支部" and dialog.ui.mismatchNote.isHidden()
    assert dialog.height() <= height + 2, "the note's room is given back: no gap stays under the choice"
    _pick_type(qtbot, dialog, "党委")
    assert dialog.role() == "branch"
    assert "应选“上级党委”" in dialog.ui.mismatchNote.text() and not dialog.ui.mismatchNote.isHidden()
    dialog.ui.nameEdit.setText("中共示例街道工作委员会")
    qtbot.keyClicks(dialog.ui.codeEdit, "1000")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert blank_ctx.db.site is not None and blank_ctx.db.site.role == "branch"
