"""GUI fixtures: an AppContext over the test database, settings kept in tmp, the language reset after.

``ctx`` is a set-up branch database in Chinese (what users see); ``blank_ctx`` is one before first-run
set-up. Every TaskRunner made here is shut down before its database closes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.storage.database import Database
from partydesk.gui import app as gui_app
from partydesk.gui import languages
from partydesk.gui.context import AppContext, make_context
from partydesk.gui.widgets import discard_guard
from partydesk.gui.widgets.discard_guard import DiscardGuard

# How long a test waits for the DB lane; jobs here take milliseconds.
WAIT_MS = 10_000


def pytest_configure(config: pytest.Config) -> None:
    """The offscreen platform warns whenever a shown window's layout sets its size limits, or a window is
    brought to the front (it has no stacking); not our fault."""
    config.addinivalue_line("qt_log_ignore", r"This plugin does not support propagateSizeHints\(\)")
    config.addinivalue_line("qt_log_ignore", r"This plugin does not support raise\(\)")


@pytest.fixture(autouse=True)
def _discard_answered(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a form with typed data answers "discard" at once, as closing did before forms asked (a modal
    question nobody answers would hang the run); tests marked ``discard_question`` get the real question,
    and a test may patch ``confirm_discard`` itself to see it asked."""
    if request.node.get_closest_marker("discard_question") is None:
        monkeypatch.setattr(discard_guard, "confirm_discard", lambda _parent: True)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Before pytest-qt closes the test's windows: a form left with typed data would ask "discard?" in a modal
    box nobody answers. Tests that mean to see the question ask it themselves, before the end."""
    if QApplication.instance() is not None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, DiscardGuard):
                widget.mark_clean()
    yield


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads or writes the real user's QSettings (registry or ~/.config)."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, folder)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The configured application; afterwards back in the source language for the next test."""
    application = gui_app.create_application([])
    yield application
    languages.install_language(application, languages.SOURCE_LANGUAGE)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A settings store in an ini file under the test's tmp dir."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_ctx(app: QApplication, settings: QSettings) -> Iterator[Callable[[Database], AppContext]]:
    """Builds contexts over given databases; shuts every runner down at teardown."""
    made: list[AppContext] = []

    def make(database: Database) -> AppContext:
        ctx = make_context(database, settings=settings)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.runner.wait_idle(WAIT_MS)
        ctx.runner.shutdown()


@pytest.fixture
def ctx(db: Database, make_ctx: Callable[[Database], AppContext], app: QApplication) -> AppContext:
    """A context over the set-up branch database, in Chinese (``db`` is listed first: it closes last)."""
    context = make_ctx(db)
    languages.install_language(app, "zh_CN", context.hub)
    return context


@pytest.fixture
def blank_ctx(
    blank_db: Database, make_ctx: Callable[[Database], AppContext], app: QApplication,
) -> AppContext:
    """A context over a database before first-run set-up, in Chinese."""
    context = make_ctx(blank_db)
    languages.install_language(app, "zh_CN", context.hub)
    return context


def type_into(qtbot: QtBot, window: QWidget, field: QWidget, text: str) -> None:
    """Show ``window``, make it the active window, put the keyboard focus in ``field`` and type ``text`` there, as
    a user does (key presses reach a field only in the active window)."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, text)
