"""The program ending with the computer's session, not by its own 退出: a Windows log-off or shut-down, a TERM signal.

On a shared office PC the window is often still open when someone shuts the computer down. On Windows, when the
session ends, Qt emits ``aboutToQuit`` from inside the end-of-session message (WM_ENDSESSION), and Windows ends the
process as soon as that returns: ``app.exec()`` never comes back. So the exit hooks (the backup on exit) run on
``aboutToQuit`` (``exit_hooks_on_quit``), and on the way out where that signal never came (set-up cancelled before
the loop ran): once in all. Typing in an open form is kept by its draft (written a second after the last edit).

Elsewhere a log-out or shut-down sends SIGTERM (or SIGHUP to a program started from a terminal), whose default is to
end the process on the spot. ``quit_on_terminate`` makes either close the program's windows instead, from the event
loop, as closing them by hand would: a form with unsaved typing asks first, then the worker
lanes stop, the exit hooks run and the database is closed. A signal already ignored (``nohup``) stays ignored.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

#: Signals that end the session on POSIX systems (none of them is sent to a Windows program).
ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def exit_hooks_on_quit(app: QCoreApplication,
                       run_hooks: Callable[[], None]) -> tuple[Callable[[], None], Callable[[], None]]:
    """``run_hooks`` connected to ``aboutToQuit``; returns it (for the caller to call on the way out, when that
    signal never came: ``run_hooks`` runs its hooks once however often it is called) and the function that
    disconnects it again (the application outlives one window in tests and in the shot command).

    Connect after the worker lanes' own ``aboutToQuit`` slot, so the hooks run once the lanes have stopped."""
    app.aboutToQuit.connect(run_hooks)

    def disconnect() -> None:
        with contextlib.suppress(RuntimeError, TypeError):  # already gone
            app.aboutToQuit.disconnect(run_hooks)

    return run_hooks, disconnect


def quit_on_terminate() -> Callable[[], None]:
    """From now on SIGTERM and SIGHUP close the application's windows (``QApplication.closeAllWindows``, from the
    event loop) instead of ending the process; returns the function that puts back what was there before. Nothing
    is changed on Windows, nor for a signal already ignored.

    Python runs a signal's handler only when it next runs Python code, which it may not do while Qt waits for
    events; the signal's number is also written to a socket (``signal.set_wakeup_fd``) that Qt watches, and reading
    it there runs the handler at once. The handler only queues the closing: run where the signal came, it would
    close windows in the middle of whatever code was running.
    """
    if sys.platform == "win32" or not ENDING:
        return lambda: None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    try:
        previous_fd = signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread: leave the signals as they are
        reader.close()
        writer.close()
        return lambda: None
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda *_args: _drain(reader))

    def ended(_number: int, _frame: Any) -> None:
        QTimer.singleShot(0, QApplication.closeAllWindows)

    before = {number: signal.signal(number, ended) for number in ENDING
              if signal.getsignal(number) is not signal.SIG_IGN}  # started under nohup: SIGHUP stays ignored

    def restore() -> None:
        for number, handler in before.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        reader.close()
        writer.close()

    return restore


def _drain(reader: socket.socket) -> None:
    """Empty the wake-up socket (the signal's handler runs as this Python code does)."""
    try:
        while reader.recv(64):
            pass
    except (BlockingIOError, InterruptedError, OSError):
        pass
