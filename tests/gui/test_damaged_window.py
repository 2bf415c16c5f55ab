"""The window once its database is found damaged while open (RELIABILITY ST-7): it says so in the status bar
and the title, every change is refused with words saying why, and a restore from the menu brings it back."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import demo_members
from partydesk.core.errors import KnownError
from partydesk.core.services import maintenance
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.members import add_member
from partydesk.core.services.setup import initialise_site
from partydesk.core.services.store import open_store, view_damaged
from partydesk.core.storage.database import Database
from partydesk.gui import app as gui_app
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.pages import members as members_page
from partydesk.gui.pages.members import MembersPage
from tests.core.storage import test_damaged_in_session
from tests.gui.conftest import WAIT_MS
from tests.gui.test_launch import _damage_table
from tests.gui.test_members_page import ZHANG
from tests.gui.test_restore import _answer, _open_restore

damaged = test_damaged_in_session.damaged


def _restore_from_the_menu(qtbot: QtBot, ctx: AppContext, window: QWidget, *, backups: int) -> None:
    """文件 → 从备份恢复…: the newest of the ``backups`` listed restored, and the window on the file it brought back."""
    old_db = ctx.db
    dialog = _open_restore(qtbot, window)
    assert dialog.ui.backupTable.rowCount() == backups
    dialog.restore_button.click()
    _answer(qtbot, dialog, "恢复")
    qtbot.waitUntil(lambda: ctx.db is not old_db, timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    QApplication.processEvents()


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

    _restore_from_the_menu(qtbot, ctx, window, backups=1)  # the backup from before the damage
    assert not window.read_only_label.isVisible() and window.windowTitle() == title
    page = window.page("members")
    assert isinstance(page, MembersPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 300, timeout=WAIT_MS)


def test_a_file_opened_only_to_look_at_is_read_only_from_the_start_and_a_restore_ends_it(
        qtbot: QtBot, tmp_path: Path, make_ctx: Callable[[Database], AppContext], app: QApplication) -> None:
    """Chosen at start-up instead of a restore (``launch._recover``): the window says read-only before anything is
    read, the roster still lists what the file holds, a change is refused saying why, and a restore from the menu
    brings a sound file back."""
    path = tmp_path / "partydesk.db"
    db = open_store(path)
    initialise_site(db, LOCAL_USER, role="branch", organisation=test_damaged_in_session.ORGANISATION)
    insert_members(db, LOCAL_USER, demo_members(random.Random(7), 300))
    maintenance.backup_now(db, reason="manual")
    db.close()
    _damage_table(path, "member_event")
    viewed = view_damaged(path)
    assert isinstance(viewed, Database)
    ctx = make_ctx(viewed)
    languages.install_language(app, "zh_CN", ctx.hub)
    window = gui_app.build_main_window(ctx)
    qtbot.addWidget(window)
    window.resize(1300, 700)
    window.show()
    assert window.read_only_label.isVisible() and window.read_only_label.text() == "只读：数据库文件已损坏"
    assert "只读查看" in window.read_only_label.toolTip()
    title = "党支部工作台 - 中共示例社区第一支部委员会"
    qtbot.waitUntil(lambda: window.windowTitle() == title + "（只读）", timeout=WAIT_MS)
    window.show_page("members")
    roster = window.page("members")
    assert isinstance(roster, MembersPage)
    qtbot.waitUntil(lambda: roster.model.rowCount() == 300, timeout=WAIT_MS)

    # A member's page shows the fields, and says the history (on the damaged page) cannot be read.
    roster.open_member(roster.model.row_at(0).id)
    assert ctx.runner.wait_idle(WAIT_MS)
    detail = roster.detail_page()
    qtbot.waitUntil(lambda: detail.name_label.text() == roster.model.row_at(0).name, timeout=WAIT_MS)
    assert "读不出" in detail.timeline._empty.text() and detail.timeline._empty.isVisibleTo(detail.timeline)

    refused: list[KnownError] = []
    ctx.runner.submit(lambda _progress: add_member(ctx.db, ctx.actor, data=ZHANG), on_error=refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=WAIT_MS)
    assert "只读查看" in refused[0].message and "不能修改" in refused[0].message

    _restore_from_the_menu(qtbot, ctx, window, backups=1)
    assert not window.read_only_label.isVisible() and window.windowTitle() == title
