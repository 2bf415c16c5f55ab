"""Tab leaves every read-only list and table of the window's pages, as on the roster: with Qt's default, Tab
walks from cell to cell of a long list (a year's meetings), and the buttons after it are out of the keyboard's
reach except by Shift+Tab. The arrow keys still move inside a list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from partydesk.gui.context import AppContext
from partydesk.gui.mainwindow import MainWindow
from partydesk.gui.pages.meetings import MeetingsPage
from tests.gui.conftest import WAIT_MS
from tests.gui.test_workbench import demo_ctx  # noqa: F401  (the fixture)


def shown_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    """The main window over ``ctx``, shown at the size of a 1366×768 screen less its taskbar."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    return window


def test_no_read_only_list_of_any_page_keeps_the_tab_key(qtbot: QtBot, demo_ctx: AppContext) -> None:  # noqa: F811
    window = shown_window(qtbot, demo_ctx)
    trapping = []
    for page_id in window.page_ids():
        page = window.show_page(page_id)
        assert demo_ctx.runner.wait_idle(WAIT_MS)
        for view in page.findChildren(QAbstractItemView):
            read_only = view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only and view.tabKeyNavigation():
                trapping.append(f"{page_id}: {view.objectName() or type(view).__name__}")
    assert trapping == []


def test_tab_from_the_meetings_list_reaches_what_comes_after_it(qtbot: QtBot,
                                                                 demo_ctx: AppContext) -> None:  # noqa: F811
    window = shown_window(qtbot, demo_ctx)
    page = window.show_page("meetings")
    assert isinstance(page, MeetingsPage)
    table = page.list_panel.table
    qtbot.waitUntil(lambda: page.list_panel.model.rowCount() > 3, timeout=WAIT_MS)
    window.activateWindow()
    table.setFocus()
    table.setCurrentIndex(page.list_panel.model.index(0, 0))
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
