"""文件 → 从备份恢复…: the list of backups, a checked restore from the menu, and what the user is told."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import maintenance
from partydesk.core.services.setup import OrganisationInput, initialise_site
from partydesk.core.services.store import open_store
from partydesk.gui import app as gui_app
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.restore import RestoreDialog, reason_text
from partydesk.gui.mainwindow import MainWindow
from partydesk.gui.pages.members import MembersPage
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import LI, ZHANG, add_now, names


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = gui_app.build_main_window(ctx)
    qtbot.addWidget(window)
    window.resize(1300, 700)
    window.show_page("members")  # the window opens on the workbench
    assert ctx.runner.wait_idle(WAIT_MS)
    return window


def _open_restore(qtbot: QtBot, window: MainWindow) -> RestoreDialog:
    window.restore_action.trigger()
    dialog = window.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitUntil(lambda: bool(dialog.entries), timeout=WAIT_MS)
    return dialog


def _answer(qtbot: QtBot, dialog: RestoreDialog, button_text: str) -> str:
    qtbot.waitUntil(lambda: dialog.question is not None, timeout=WAIT_MS)
    box = dialog.question
    assert box is not None
    assert box.defaultButton().text() == "取消", "Enter on the question restores nothing"
    text = box.text() + "\n" + box.informativeText()
    button = next(b for b in box.buttons() if b.text() == button_text)
    button.click()
    return text


def test_restore_from_menu_reopens_and_reloads(qtbot: QtBot, ctx: AppContext) -> None:
    """A restore from the menu replaces the data, reopens the file, reloads the roster and names the saved copy."""
    add_now(ctx, ZHANG)
    maintenance.backup_now(ctx.db, reason="manual")
    add_now(ctx, LI)
    window = _window(qtbot, ctx)
    page = window.page("members")
    assert isinstance(page, MembersPage)
    assert sorted(names(page)) == sorted(["张三", "李四"])
    old_db = ctx.db

    dialog = _open_restore(qtbot, window)
    table = dialog.ui.backupTable
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (1, 2)] == ["手动", "1"]
    assert dialog.restore_button.isEnabled()
    assert dialog.restore_button.isDefault() and not dialog.ui.folderButton.autoDefault()  # Enter never opens a folder
    dialog.restore_button.click()
    asked = _answer(qtbot, dialog, "恢复")
    assert "1 名党员" in asked and "此备份之后录入或修改的内容都将丢失" in asked
    qtbot.waitUntil(lambda: ctx.db is not old_db, timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    QApplication.processEvents()

    reloaded = window.page("members")
    assert isinstance(reloaded, MembersPage) and reloaded is not page
    qtbot.waitUntil(lambda: names(reloaded) == ["张三"], timeout=WAIT_MS)
    notice = window.notice
    assert notice is not None
    assert "恢复前的数据库已另存为" in notice.text()
    kinds = [b.reason for b in maintenance.list_backups(ctx.db.path)]
    assert "before-restore" in kinds and str(maintenance.backup_dir(ctx.db.path)) in notice.text()
    assert any(b.text() == "打开文件夹" for b in notice.buttons())


def test_other_organisations_backup_needs_a_second_yes(qtbot: QtBot, ctx: AppContext, tmp_path) -> None:
    """A backup of another organisation is restored only after an explicit second confirmation."""
    add_now(ctx, ZHANG)
    other_path = tmp_path / "other" / "partydesk.db"
    other_path.parent.mkdir()
    other = open_store(other_path)
    initialise_site(other, LOCAL_USER, organisation=OrganisationInput(name="中共另一支部委员会", code="2002",
                                                                      org_type="党支部"), role="branch")
    made = maintenance.backup_now(other, reason="manual")
    other.close()
    folder = maintenance.backup_dir(ctx.db.path)
    folder.mkdir(parents=True, exist_ok=True)
    made.path.rename(folder / made.path.name)
    window = _window(qtbot, ctx)
    old_db = ctx.db

    dialog = _open_restore(qtbot, window)
    assert dialog.ui.backupTable.item(0, 3).text() == "中共另一支部委员会"
    dialog.restore_button.click()
    _answer(qtbot, dialog, "恢复")
    second = _answer(qtbot, dialog, "取消")
    assert "另一个组织" in second and "中共另一支部委员会" in second
    assert ctx.runner.wait_idle(WAIT_MS)
    assert "中共另一支部委员会" in dialog.ui.statusLabel.text()
    assert "命令行" not in dialog.ui.statusLabel.text(), "the window asks; no command-line advice in it"
    assert ctx.db is old_db
    page = window.page("members")
    assert isinstance(page, MembersPage) and names(page) == ["张三"]

    dialog.restore_button.click()
    _answer(qtbot, dialog, "恢复")
    _answer(qtbot, dialog, "恢复")
    qtbot.waitUntil(lambda: ctx.db is not old_db, timeout=WAIT_MS)
    assert maintenance.backup_contents(ctx.db.path) is not None
    assert maintenance.check_restorable(ctx.db.path, ctx.db.path).organisation_code == "2002"


def test_backup_kinds_are_named_in_chinese(ctx: AppContext) -> None:
    """Each backup reason has a Chinese kind; upgrades of any schema are 升级前."""
    assert [reason_text(r) for r in ("manual", "exit", "periodic", "import", "before-restore")] == [
        "手动", "退出时", "定时", "导入前", "恢复前"]
    assert reason_text("pre-upgrade-0002-to-0003") == "升级前"


def test_manual_backup_says_where_it_went(qtbot: QtBot, ctx: AppContext) -> None:
    """After 立即备份 a message names the backup file and offers to open its folder."""
    from partydesk.gui.operations.backups import back_up

    window = _window(qtbot, ctx)
    back_up(window, ctx, reason="manual", on_done=window.announce_backup)
    qtbot.waitUntil(lambda: window.notice is not None, timeout=WAIT_MS)
    notice = window.notice
    assert isinstance(notice, QMessageBox)
    newest = maintenance.last_backup(ctx.db.path)
    assert newest is not None and str(newest.path) in notice.text()
    assert any(b.text() == "打开文件夹" for b in notice.buttons())
    assert date.today().strftime("%Y") in newest.path.name
