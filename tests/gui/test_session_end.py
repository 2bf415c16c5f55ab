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


@pytest.fixture
def safety_close() -> Iterator[list[str]]:
    """Closes the window after 5 s should the signal do nothing (noted in the list); stopped at the test's end, so
    it never closes a later test's window."""
    fired: list[str] = []

    def close() -> None:
        fired.append("closed by the safety timer")
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.close()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(close)
    timer.start(5000)
    try:
        yield fired
    finally:
        timer.stop()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows sends no SIGTERM to a windowed program")
@pytest.mark.parametrize("number", ENDING, ids=[signal.Signals(n).name for n in ENDING])
def test_an_ending_signal_closes_the_program_as_closing_its_window_would(
        app: QApplication, db: Database, fallback_handlers: list[int], safety_close: list[str], number: int) -> None:
    """A log-out or shut-down (SIGTERM; SIGHUP from a closing terminal) while the window is open: the window closes
    at once (not only when the safety timer closes it: the signal is heard while Qt waits for events), the event
    loop ends with 0, the exit hooks run, and the signals are handled as before once the program is over."""
    seen: list[str] = []
    own = {n: signal.getsignal(n) for n in ENDING}
    wakeup = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(wakeup)
    QTimer.singleShot(300, lambda: os.kill(os.getpid(), number))
    code = gui_app.main_gui(db, lang="zh_CN", prepare=lambda ctx: ctx.on_exit.append(lambda: seen.append("exit")))
    assert fallback_handlers == [] and safety_close == []
    assert code == 0 and seen == ["exit"]
    assert {n: signal.getsignal(n) for n in ENDING} == own
    now = signal.set_wakeup_fd(wakeup)
    assert now == wakeup  # the wake-up socket given back too


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP here")
def test_a_program_started_under_nohup_keeps_ignoring_sighup(app: QApplication, db: Database) -> None:
    """Started with ``nohup``, SIGHUP is ignored: closing the terminal must not close the program."""
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        during: list[object] = []

        def look() -> None:
            during.append(signal.getsignal(signal.SIGHUP))
            _close_window_after(0)

        QTimer.singleShot(100, look)
        assert gui_app.main_gui(db, lang="zh_CN") == 0
        assert during == [signal.SIG_IGN] and signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, before)
