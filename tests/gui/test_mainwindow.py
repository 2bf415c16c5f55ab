"""Main window: the page registry, navigation, shortcuts, size limits, status bar, and the GUI entry point."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.services.maintenance import backup_dir
from partydesk.core.storage.backup import BackupInfo
from partydesk.core.storage.database import Database
from partydesk.gui import app as gui_app
from partydesk.gui import languages, mainwindow
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs import crash
from partydesk.gui.dialogs.about import AboutDialog
from partydesk.gui.mainwindow import MainWindow, PageSpec
from tests.core.exchange.conftest import make_committee
from tests.gui.conftest import WAIT_MS

# A 1366×768 screen less a Windows taskbar (40 px).
SCREEN = QSize(1366, 728)


def _dummy_page(_ctx: AppContext) -> QWidget:
    label = QLabel("dummy")
    label.setObjectName("dummyPage")
    return label


@pytest.fixture
def two_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry with a second, trivial page, so switching between pages can be seen."""
    spec = PageSpec("dummy", QT_TRANSLATE_NOOP("MainWindow", "Dummy"), _dummy_page)
    monkeypatch.setattr(mainwindow, "PAGES", [*mainwindow.PAGES, spec])


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = gui_app.build_main_window(ctx)
    qtbot.addWidget(window)
    assert ctx.runner.wait_idle(WAIT_MS)
    return window


def test_only_existing_pages_are_listed(qtbot: QtBot, ctx: AppContext) -> None:
    """The navigation shows exactly the registered pages, in order, and opens on the first."""
    window = _window(qtbot, ctx)
    assert window.page_ids() == [spec.id for spec in mainwindow.PAGES]
    assert window.navigation.count() == len(mainwindow.PAGES)
    assert window.navigation.item(0).text() == "工作台"
    assert window.navigation.item(window.navigation.count() - 1).text() == "设置"
    assert window.current_page_id() == mainwindow.PAGES[0].id


@pytest.mark.usefixtures("two_pages")
def test_navigation_switches_pages(qtbot: QtBot, ctx: AppContext) -> None:
    """Clicking a navigation entry shows its page; show_page goes back by id."""
    window = _window(qtbot, ctx)
    rect = window.navigation.visualItemRect(window.navigation.item(window.page_ids().index("dummy")))
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_id() == "dummy"
    assert window.stack.currentWidget().objectName() == "dummyPage"
    page = window.show_page("settings")
    assert window.current_page_id() == "settings"
    assert window.stack.currentWidget() is page
    with pytest.raises(KeyError):
        window.show_page("no-such-page")


@pytest.mark.usefixtures("two_pages")
def test_ctrl_number_switches_to_that_page(qtbot: QtBot, ctx: AppContext) -> None:
    """Ctrl+N goes to the N-th page and Ctrl+1 back to the first."""
    window = _window(qtbot, ctx)
    window.show()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    number = window.page_ids().index("dummy") + 1
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_id() == "dummy"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_id() == window.page_ids()[0]


def test_minimum_size_fits_a_1366x768_screen(qtbot: QtBot, ctx: AppContext) -> None:
    """The window can shrink to a 1366×768 screen with its taskbar, on every page."""
    window = _window(qtbot, ctx)
    for page_id in window.page_ids():
        window.show_page(page_id)
        hint = window.minimumSizeHint()
        assert hint.width() <= SCREEN.width() and hint.height() <= SCREEN.height(), (page_id, hint)


def test_minimum_size_fits_at_150_percent_scaling(qtbot: QtBot, app: QApplication, ctx: AppContext) -> None:
    """With 1.5× larger text the window still fits the 911×485 logical pixels left at 150 % scaling."""
    font = app.font()
    larger = app.font()
    larger.setPointSizeF(font.pointSizeF() * 1.5)
    app.setFont(larger)
    try:
        window = _window(qtbot, ctx)
        window.show_page("settings")
        hint = window.minimumSizeHint()
        assert hint.width() <= SCREEN.width() / 1.5 and hint.height() <= SCREEN.height() / 1.5, hint
    finally:
        app.setFont(font)


def test_status_bar_shows_the_database_path(qtbot: QtBot, ctx: AppContext) -> None:
    """The status bar names the database file (in full in its tooltip)."""
    window = _window(qtbot, ctx)
    assert window.db_label.toolTip() == str(ctx.db.path)
    assert ctx.db.path.name in window.db_label.text()
    assert window.db_label.text().startswith("数据库：")


def test_backup_made_updates_the_last_backup_time(qtbot: QtBot, ctx: AppContext) -> None:
    """A backup announced on the hub shows its time in the status bar."""
    window = _window(qtbot, ctx)
    assert window.backup_label.text() == "上次备份：尚无"
    info = BackupInfo(path=Path("b.db"), created=datetime(2025, 3, 1, 17, 30), reason="manual", size=1)
    ctx.hub.backupMade.emit(info)
    assert window.backup_label.text() == "上次备份：2025-03-01 17:30"
    window.set_last_backup("刚才")
    assert window.backup_label.text() == "上次备份：刚才"


def test_back_up_now_emits_backup_requested(qtbot: QtBot, ctx: AppContext) -> None:
    """File → Back up now only asks; whoever wires backups listens to backupRequested."""
    window = _window(qtbot, ctx)
    with qtbot.waitSignal(window.backupRequested, timeout=1000):
        window.backup_action.trigger()


def test_window_title_names_the_organisation(qtbot: QtBot, ctx: AppContext) -> None:
    """Once loaded, the title reads 党支部工作台 - <organisation name>."""
    window = _window(qtbot, ctx)
    assert window.windowTitle() == "党支部工作台 - 中共示例社区第一支部委员会"


def test_a_committee_window_says_it_is_in_committee_mode(
    qtbot: QtBot, tmp_path: Path, make_ctx: Callable[[Database], AppContext], app: QApplication,
) -> None:
    """The same program runs at a committee: its title does not call it a branch's desk without saying so."""
    committee = make_committee(tmp_path / "c.db")
    try:
        context = make_ctx(committee)
        languages.install_language(app, "zh_CN", context.hub)
        window = _window(qtbot, context)
        assert window.windowTitle() == "党支部工作台（上级党委） - 中共示范街道工作委员会"
        window.close()
    finally:
        committee.close()


def test_about_shows_the_database_path(qtbot: QtBot, ctx: AppContext) -> None:
    """Help → About opens the About dialog, which shows the version and the database file."""
    window = _window(qtbot, ctx)
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.ui.databaseValue.text() == str(ctx.db.path)
    assert dialog.windowTitle() == "关于党支部工作台"
    dialog.close()


def test_about_names_the_folders_of_the_database_and_every_dependency(tmp_path: Path, app: QApplication) -> None:
    """The data folder is the one holding the database (--db too), beside it the backups; every runtime
    dependency is named with its licence."""
    db_path = tmp_path / "elsewhere" / "branch.db"
    dialog = AboutDialog(db_path)
    try:
        assert dialog.ui.dataValue.text() == str(db_path.resolve().parent)
        assert dialog.ui.backupValue.text() == str(backup_dir(db_path))
        assert dialog.ui.logValue.text().startswith(str(db_path.resolve().parent))
        languages.install_language(app, "en")
        licence = dialog.ui.licenceLabel.text()
        for name in ("Qt", "PySide6", "LGPL v3", "SQLite", "public domain", "SQLAlchemy", "alembic", "matplotlib",
                     "python-calamine", "XlsxWriter", "python-docx", "cryptography", "Apache 2.0", "platformdirs",
                     "pypinyin", "MIT"):
            assert name in licence, name
        assert "openpyxl" not in licence  # a test dependency only, not shipped
    finally:
        dialog.deleteLater()


def test_a_status_message_goes_when_another_page_is_chosen(qtbot: QtBot, ctx: AppContext) -> None:
    """"已清除筛选，以显示刚保存的党员。" is about the roster: it does not stay on under the meetings page."""
    window = _window(qtbot, ctx)
    window.show()
    window.show_page("members")
    ctx.hub.statusMessage.emit("已清除筛选，以显示刚保存的党员。")
    assert window.statusBar().currentMessage() == "已清除筛选，以显示刚保存的党员。"
    window.show_page("members")  # the same page again: it stays
    assert window.statusBar().currentMessage() != ""
    window.show_page("meetings")
    assert window.statusBar().currentMessage() == ""


def test_status_messages_have_room_to_be_read(qtbot: QtBot, ctx: AppContext) -> None:
    """A confirmation on the hub (已删除党员…) is shown left of the database and backup labels, not squeezed
    to nothing by them."""
    window = _window(qtbot, ctx)
    window.resize(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    text = "已保存党员信息卡：" + str(ctx.db.path.parent / "党员信息卡-张三.pdf")
    ctx.hub.statusMessage.emit(text)
    QApplication.processEvents()
    assert window.statusBar().currentMessage() == text
    room = window.db_label.geometry().left()
    assert room >= window.statusBar().fontMetrics().horizontalAdvance(text), (room, text)


@pytest.mark.parametrize("page", gui_app.PAGE_IDS)
def test_render_page_draws_each_page_at_the_requested_size(ctx: AppContext, page: str) -> None:
    """`partydesk shot` pages render offscreen at the asked size, without touching the database."""
    ctx.db.changed = False  # set by the fixture's own set-up
    image = gui_app.render_page(ctx, page, QSize(1366, 768))
    assert image.size() == QSize(1366, 768)
    assert not image.isNull()
    assert not ctx.db.changed


def test_render_page_rejects_an_unknown_page(ctx: AppContext) -> None:
    """An unknown page id is a clear error listing the known ones."""
    with pytest.raises(ValueError, match="settings"):
        gui_app.render_page(ctx, "no-such-page", QSize(800, 600))


def test_main_gui_cancelled_first_run_exits_0_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, app: QApplication, blank_db: Database,
) -> None:
    """Cancelling set-up ends the program with 0; the exit hooks still run; no site is written."""
    monkeypatch.setattr(crash, "install_excepthook", lambda _log_dir: None)
    QTimer.singleShot(0, lambda: _close_dialogs(QDialog.reject))
    ran: list[str] = []
    code = gui_app.main_gui(blank_db, lang="zh_CN", prepare=lambda ctx: ctx.on_exit.append(lambda: ran.append("exit")))
    assert code == 0
    assert ran == ["exit"]
    assert blank_db.needs_setup


def test_main_gui_shows_the_window_and_runs_exit_hooks_after_it_closes(
    monkeypatch: pytest.MonkeyPatch, app: QApplication, db: Database,
) -> None:
    """With a set-up database the main window opens; closing it returns 0 and then runs on_exit."""
    monkeypatch.setattr(crash, "install_excepthook", lambda _log_dir: None)
    seen: list[str] = []

    def close_window() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(widget.current_page_id() or "")
                widget.close()

    QTimer.singleShot(200, close_window)
    code = gui_app.main_gui(db, lang="en", prepare=lambda ctx: ctx.on_exit.append(lambda: seen.append("exit")))
    assert code == 0
    assert seen == [mainwindow.PAGES[0].id, "exit"]


def test_window_paints_before_the_database_is_opened(
    monkeypatch: pytest.MonkeyPatch, app: QApplication, db: Database,
) -> None:
    """With an opener, the window is on screen first; then the database opens and the first page loads."""
    monkeypatch.setattr(crash, "install_excepthook", lambda _log_dir: None)
    seen: list[object] = []

    def opener(window: QWidget) -> Database:
        seen.append(("opener", window.isVisible(), window.navigation.isEnabled()))
        return db

    def close_window() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(("page", widget.current_page_id(), widget.navigation.isEnabled()))
                widget.close()

    QTimer.singleShot(500, close_window)
    code = gui_app.main_gui(opener, lang="zh_CN", prepare=lambda ctx: ctx.on_exit.append(lambda: seen.append("exit")))
    assert code == 0
    assert seen == [("opener", True, False), ("page", mainwindow.PAGES[0].id, True), "exit"]


def test_opener_returning_nothing_closes_the_window_without_exit_hooks(
    monkeypatch: pytest.MonkeyPatch, app: QApplication,
) -> None:
    """When the database cannot be opened (the user declined a restore), the program just ends."""
    monkeypatch.setattr(crash, "install_excepthook", lambda _log_dir: None)
    ran: list[str] = []
    code = gui_app.main_gui(lambda _window: None, lang="zh_CN",
                            prepare=lambda ctx: ctx.on_exit.append(lambda: ran.append("exit")))
    assert code == 0 and ran == []


def _close_dialogs(how: object) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            how(widget)  # type: ignore[operator]


def test_ctrl_n_on_the_roster_adds_a_member_with_the_keyboard_still_on_the_sidebar(
        qtbot: QtBot, ctx: AppContext) -> None:
    """Ctrl+2 to the roster leaves the keyboard on the sidebar: Ctrl+N there adds a member, as its tooltip says."""
    from partydesk.gui.dialogs.member_edit import MemberEditDialog

    window = _window(qtbot, ctx)
    window.show()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    page = window.show_page("members")
    window.navigation.setFocus()
    qtbot.waitUntil(window.navigation.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(window.navigation, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(page.current_dialog(), MemberEditDialog), timeout=WAIT_MS)  # type: ignore[attr-defined]
    page.current_dialog().reject()  # type: ignore[attr-defined]
