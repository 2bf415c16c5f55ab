"""The program ending with the computer's session: the exit hooks (the backup on exit) run when the event loop ends,
not only after ``exec`` returns (a Windows log-off never returns from it), and SIGTERM/SIGHUP close the program as
its menu would instead of killing it."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from partydesk.core.storage.database import Database
from partydesk.gui import app as gui_app
from partydesk.gui.dialogs import crash
from partydesk.gui.mainwindow import MainWindow
from partydesk.gui.session_end import ENDING

pytestmark = pytest.mark.usefixtures("no_excepthook")


@pytest.fixture
def no_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crash, "install_excepthook", lambda _log_dir: None)


def _close_window_after(ms: int) -> None:
    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.close()

    QTimer.singleShot(ms, close)


def test_exit_hooks_run_as_the_event_loop_ends_and_only_once(app: QApplication, db: Database) -> None:
    """On Windows the process ends once ``aboutToQuit`` has been delivered at log-off: the backup on exit must have
    run by then, not wait for ``exec`` to return. A slot connected later on the same signal sees it done."""
    seen: list[str] = []

    def later_slot() -> None:
        seen.append("aboutToQuit delivered")

    def on_window(_window: MainWindow) -> None:
        app.aboutToQuit.connect(later_slot)

    def prepare(ctx: Any) -> None:
        ctx.on_exit.append(lambda: seen.append("exit hooks"))
        ctx.on_window.append(on_window)

    _close_window_after(200)
    try:
        code = gui_app.main_gui(db, lang="zh_CN", prepare=prepare)
    finally:
        app.aboutToQuit.disconnect(later_slot)
    assert code == 0
    assert seen == ["exit hooks", "aboutToQuit delivered"]


@pytest.fixture
def fallback_handlers() -> Iterator[list[int]]:
    """Handlers of our own on the ending signals, noting any signal the program under test left to them (without
    the program's own handler, SIGTERM would end the test run itself)."""
    unhandled: list[int] = []
    before = {number: signal.signal(number, lambda number, _frame: unhandled.append(number)) for number in ENDING}
    try:
        yield unhandled
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows sends no SIGTERM to a windowed program")
@pytest.mark.parametrize("number", ENDING, ids=[signal.Signals(n).name for n in ENDING])
def test_an_ending_signal_closes_the_program_as_its_menu_would(
        app: QApplication, db: Database, fallback_handlers: list[int], number: int) -> None:
    """A log-out or shut-down (SIGTERM; SIGHUP from a closing terminal) while the window is open: the event loop
    ends with 0, the exit hooks run, and the signals are handled as before once the program is over."""
    seen: list[str] = []
    own = {n: signal.getsignal(n) for n in ENDING}
    QTimer.singleShot(300, lambda: os.kill(os.getpid(), number))
    _close_window_after(5000)  # only when the signal did nothing
    code = gui_app.main_gui(db, lang="zh_CN", prepare=lambda ctx: ctx.on_exit.append(lambda: seen.append("exit")))
    assert fallback_handlers == []
    assert code == 0 and seen == ["exit"]
    assert {n: signal.getsignal(n) for n in ENDING} == own
    assert signal.set_wakeup_fd(-1) == -1  # the wake-up socket given back too
