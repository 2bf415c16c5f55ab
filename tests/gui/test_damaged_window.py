"""The window once its database is found damaged while open (RELIABILITY ST-7): it says so in the status bar
and the title, every change is refused with words saying why, and a restore from the menu brings it back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.errors import KnownError
from partydesk.core.services.members import add_member
from partydesk.core.storage.database import Database
from partydesk.gui import app as gui_app
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.pages import members as members_page
from partydesk.gui.pages.members import MembersPage
from tests.core.storage import test_damaged_in_session
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import ZHANG
from tests.gui.test_restore import _answer, _open_restore

damaged = test_damaged_in_session.damaged


def test_the_window_turns_read_only_when_the_roster_meets_the_damage_and_a_restore_ends_it(
        qtbot: QtBot, damaged: Database, make_ctx: Callable[[Database], AppContext], app: QApplication,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = make_ctx(damaged)
    languages.install_language(app, "zh_CN", ctx.hub)
    shown: list[str] = []  # the message boxes' words
    ctx.runner.knownError.connect(lambda error: shown.append(error.message))
    monkeypatch.setattr(members_page, "show_known_error", lambda error, _parent=None: shown.append(error.message))
    window = gui_app.build_main_window(ctx)
    qtbot.addWidget(window)
    window.resize(1300, 700)
    window.show()
    assert not window.read_only_label.isVisible() and "只读" not in window.windowTitle()

    # The workbench's to-do checks, then the roster, read the member table: the damaged page.
    window.show_page("members")
    qtbot.waitUntil(window.read_only_label.isVisible, timeout=WAIT_MS)
    assert window.read_only_label.text() == "只读：数据库文件已损坏"
    assert "只读模式" in window.read_only_label.toolTip() and "从备份恢复" in window.read_only_label.toolTip()
    roster = window.page("members")
    assert isinstance(roster, MembersPage)
    qtbot.waitUntil(lambda: roster.count_label.text() == "花名册未能读出。", timeout=WAIT_MS)
    assert any("只读模式" in text for text in shown)
    title = "党支部工作台 - 中共示例社区第一支部委员会"  # the organisation is still read: its table is sound
    qtbot.waitUntil(lambda: window.windowTitle() == title + "（只读）", timeout=WAIT_MS)

    refused: list[KnownError] = []
    ctx.runner.submit(lambda _progress: add_member(ctx.db, ctx.actor, data=ZHANG), on_error=refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=WAIT_MS)
    assert "不能再修改" in refused[0].message and "修改也不会保存" in refused[0].message

    old_db = ctx.db
    dialog = _open_restore(qtbot, window)
    assert dialog.ui.backupTable.rowCount() == 1  # the backup from before the damage
    dialog.restore_button.click()
    _answer(qtbot, dialog, "恢复")
    qtbot.waitUntil(lambda: ctx.db is not old_db, timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    QApplication.processEvents()
    assert not window.read_only_label.isVisible() and window.windowTitle() == title
    page = window.page("members")
    assert isinstance(page, MembersPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 300, timeout=WAIT_MS)
