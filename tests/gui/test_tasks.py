"""Tests for the serialized DB lane: order, threads, outcomes, cancel, progress dialog and shutdown."""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.errors import DatabaseLockedError, KnownError, ValidationError
from partydesk.core.progress import Cancelled, Progress
from partydesk.gui.hub import Hub
from partydesk.gui.tasks import TaskHandle, TaskRunner

# Upper bound for anything a test waits on; jobs here take milliseconds.
WAIT = 5.0


@pytest.fixture
def hub(qapp: object) -> Hub:
    """The application hub the runner publishes to."""
    return Hub()


@pytest.fixture
def runner(hub: Hub) -> Iterator[TaskRunner]:
    """A runner whose thread is always joined, so no QThread outlives its test."""
    task_runner = TaskRunner(hub)
    yield task_runner
    task_runner.shutdown(cancel_running=True)


def app_thread() -> QThread:
    app = QCoreApplication.instance()
    assert app is not None
    return app.thread()


def loop_until_cancelled(flags: dict[str, bool]) -> Any:
    """A job that reports progress every few ms until it is cancelled (or gives up after WAIT)."""

    def job(progress: Progress) -> str:
        deadline = time.monotonic() + WAIT
        try:
            i = 0
            while time.monotonic() < deadline:
                progress.step(i % 100, 100, f"第 {i} 步")
                time.sleep(0.005)
                i += 1
        except Cancelled:
            flags["cancelled_inside"] = True
            raise
        return "ran to the end"

    return job


def test_jobs_run_one_at_a_time_in_submission_order(runner: TaskRunner) -> None:
    """Twenty jobs never overlap and start, end and report back in the order they were submitted."""
    lock = threading.Lock()
    events: list[tuple[str, int]] = []
    done: list[int] = []

    def make(i: int) -> Any:
        def job(progress: Progress) -> int:
            with lock:
                events.append(("start", i))
            time.sleep(0.002)
            with lock:
                events.append(("end", i))
            return i

        return job

    for i in range(20):
        runner.submit(make(i), on_done=done.append)
    assert runner.wait_idle(10_000)
    assert events == [(kind, i) for i in range(20) for kind in ("start", "end")]
    assert done == list(range(20))


def test_job_runs_off_and_callbacks_run_on_the_gui_thread(runner: TaskRunner) -> None:
    """fn runs on the worker thread; on_done is called on the application thread."""
    threads: dict[str, Any] = {}

    def job(progress: Progress) -> int:
        threads["job"] = QThread.currentThread()
        threads["job_ident"] = threading.get_ident()
        return 42

    def on_done(result: int) -> None:
        threads["done"] = QThread.currentThread()
        threads["result"] = result

    handle = runner.submit(job, on_done=on_done)
    assert runner.wait_idle()
    assert threads["result"] == 42
    assert threads["done"] is app_thread()
    assert threads["job"] is not app_thread()
    assert threads["job_ident"] != threading.get_ident()
    assert handle.done and handle.result == 42 and not handle.cancelled


def test_known_error_callback_runs_on_the_gui_thread(runner: TaskRunner) -> None:
    """on_error is called on the application thread too."""
    seen: list[Any] = []

    def job(progress: Progress) -> None:
        raise ValidationError("姓名不能为空。", field="name")

    runner.submit(job, on_error=lambda exc: seen.append(QThread.currentThread()))
    assert runner.wait_idle()
    assert seen == [app_thread()]


def test_changes_result_is_published_to_the_hub_before_on_done(qtbot: QtBot, runner: TaskRunner, hub: Hub) -> None:
    """A Changes result is broadcast on the hub, and only then handed to on_done."""
    changes = Changes.of(ChangeKind.MEMBER, "m-1")
    order: list[str] = []
    hub.changed.connect(lambda c: order.append("published"))
    with qtbot.waitSignal(hub.changed, timeout=int(WAIT * 1000)) as blocker:
        runner.submit(lambda progress: changes, on_done=lambda result: order.append("done"))
    assert blocker.args == [changes]
    assert runner.wait_idle()
    assert order == ["published", "done"]


def test_empty_changes_result_is_not_published(qtbot: QtBot, runner: TaskRunner, hub: Hub) -> None:
    """A write that changed nothing does not make pages refresh, but on_done still gets the record."""
    results: list[Any] = []
    with qtbot.assertNotEmitted(hub.changed):
        runner.submit(lambda progress: Changes(), on_done=results.append)
        assert runner.wait_idle()
    assert results == [Changes()]


def test_known_error_goes_to_on_error_and_not_to_the_signal(qtbot: QtBot, runner: TaskRunner) -> None:
    """With on_error given, a KnownError is handed to it and knownError stays quiet."""
    errors: list[KnownError] = []
    done: list[Any] = []

    def job(progress: Progress) -> None:
        raise ValidationError("出生日期不能晚于今天。", field="birth_date")

    with qtbot.assertNotEmitted(runner.knownError), qtbot.assertNotEmitted(runner.crashed):
        handle = runner.submit(job, on_done=done.append, on_error=errors.append)
        assert runner.wait_idle()
    assert [e.message for e in errors] == ["出生日期不能晚于今天。"]
    assert done == []
    assert handle.error is errors[0]


def test_known_error_without_on_error_emits_known_error(qtbot: QtBot, runner: TaskRunner) -> None:
    """Without on_error, a KnownError reaches TaskRunner.knownError for the main window's message box."""

    def job(progress: Progress) -> None:
        raise ValidationError("身份证号校验位不正确。", field="id_number")

    with qtbot.waitSignal(runner.knownError, timeout=int(WAIT * 1000)) as blocker:
        runner.submit(job)
    assert isinstance(blocker.args[0], ValidationError)
    assert blocker.args[0].field == "id_number"


def test_raw_database_locked_error_is_reported_as_known_error(qtbot: QtBot, runner: TaskRunner) -> None:
    """A bare sqlite "database is locked" is something the user can act on, not a crash."""

    def job(progress: Progress) -> None:
        exc = sqlite3.OperationalError("database is locked")
        exc.sqlite_errorcode = 5  # SQLITE_BUSY, as the sqlite3 module sets it: errors are classified by code
        raise exc

    with (
        qtbot.assertNotEmitted(runner.crashed),
        qtbot.waitSignal(runner.knownError, timeout=int(WAIT * 1000)) as blocker,
    ):
        runner.submit(job)
    assert isinstance(blocker.args[0], DatabaseLockedError)
    assert isinstance(blocker.args[0].__cause__, sqlite3.OperationalError)


def test_known_error_with_no_listener_is_shown_in_the_status_bar(qtbot: QtBot, runner: TaskRunner, hub: Hub) -> None:
    """A KnownError nobody handles is still shown to the user, as a status message."""

    def job(progress: Progress) -> None:
        raise KnownError("U 盘已拔出。")

    with qtbot.waitSignal(hub.statusMessage, timeout=int(WAIT * 1000)) as blocker:
        runner.submit(job)
    assert blocker.args == ["U 盘已拔出。"]


def test_bug_in_job_emits_crashed_and_is_logged(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    """An unexpected exception reaches TaskRunner.crashed with its traceback and is logged with it."""
    errors: list[KnownError] = []
    done: list[Any] = []

    def job(progress: Progress) -> None:
        raise ZeroDivisionError("bug")

    with (
        caplog.at_level(logging.ERROR, logger="partydesk.gui.tasks"),
        qtbot.waitSignal(runner.crashed, timeout=int(WAIT * 1000)) as blocker,
    ):
        handle = runner.submit(job, on_done=done.append, on_error=errors.append, label="compute")
    exc_type, exc, tb = blocker.args
    assert exc_type is ZeroDivisionError and isinstance(exc, ZeroDivisionError) and tb is not None
    assert errors == [] and done == []  # on_error is for KnownErrors only
    assert handle.error is exc
    assert any(r.exc_info and r.exc_info[1] is exc and "compute" in r.getMessage() for r in caplog.records)


def test_bug_with_no_crash_listener_goes_to_the_excepthook(
    runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug is never swallowed: without a crashed listener it goes to sys.excepthook."""
    hooked: list[Any] = []

    def job(progress: Progress) -> None:
        raise KeyError("bug")

    # Restored inside the test, so pytest-qt's own excepthook is back before it checks for errors.
    with monkeypatch.context() as patch, caplog.at_level(logging.CRITICAL):
        patch.setattr(sys, "excepthook", lambda *args: hooked.append(args))
        runner.submit(job)
        assert runner.wait_idle()
    assert len(hooked) == 1 and hooked[0][0] is KeyError


def test_lane_keeps_running_after_a_failed_job(qtbot: QtBot, runner: TaskRunner) -> None:
    """One crashing job does not stop the jobs queued after it."""
    results: list[Any] = []
    runner.crashed.connect(lambda *args: results.append("crashed"))
    runner.submit(lambda progress: 1 / 0)
    runner.submit(lambda progress: "next", on_done=results.append)
    assert runner.wait_idle()
    assert results == ["crashed", "next"]


def test_cancel_mid_job_raises_cancelled_inside_the_job(qtbot: QtBot, runner: TaskRunner) -> None:
    """cancel() makes the job's next progress step raise Cancelled; only the cancelled signal fires."""
    flags: dict[str, bool] = {}
    done: list[Any] = []
    errors: list[Any] = []
    handle = runner.submit(loop_until_cancelled(flags), on_done=done.append, on_error=errors.append)
    qtbot.waitUntil(lambda: handle.last_progress is not None, timeout=int(WAIT * 1000))
    with (
        qtbot.assertNotEmitted(runner.crashed),
        qtbot.assertNotEmitted(runner.knownError),
        qtbot.waitSignal(runner.cancelled, timeout=int(WAIT * 1000)) as blocker,
    ):
        handle.cancel()
    assert blocker.args == [handle]
    assert flags.get("cancelled_inside") is True
    assert handle.cancelled and handle.done
    assert done == [] and errors == []


def test_job_cancelled_while_queued_never_runs(runner: TaskRunner) -> None:
    """Cancelling a job that has not started yet drops it without calling fn."""
    release = threading.Event()
    ran: list[str] = []
    first = runner.submit(lambda progress: release.wait(WAIT))
    second = runner.submit(lambda progress: ran.append("second"))
    second.cancel()
    release.set()
    assert runner.wait_idle()
    assert first.done and not first.cancelled
    assert second.cancelled and ran == []


def test_progress_reports_reach_the_gui_thread_ending_with_the_last(qtbot: QtBot, runner: TaskRunner) -> None:
    """Progress arrives on the application thread, in order, and the final report is never lost."""
    reports: list[tuple[int, int, str]] = []
    threads: list[Any] = []

    def job(progress: Progress) -> None:
        for i in range(1, 501):
            progress.step(i, 500, f"{i}/500")

    handle = runner.submit(job)

    def record(done: int, total: int, text: str) -> None:
        reports.append((done, total, text))
        threads.append(QThread.currentThread())

    handle.progressed.connect(record)
    assert runner.wait_idle()
    assert reports and reports[-1] == (500, 500, "500/500")
    assert [r[0] for r in reports] == sorted(r[0] for r in reports)
    assert all(t is app_thread() for t in threads)
    assert handle.last_progress == (500, 500, "500/500")


def test_handle_finished_fires_after_callbacks_for_every_outcome(qtbot: QtBot, runner: TaskRunner) -> None:
    """finished comes last whether the job succeeded, failed or was cancelled, so UI state can reset."""
    order: list[str] = []
    runner.knownError.connect(lambda exc: order.append("known"))

    def cancelled(progress: Progress) -> None:
        raise Cancelled("取消")

    def failed(progress: Progress) -> None:
        raise KnownError("失败")

    for name, fn in (("ok", lambda progress: None), ("cancel", cancelled), ("fail", failed)):
        handle = runner.submit(fn, on_done=lambda result: order.append("done"))
        handle.finished.connect(lambda name=name: order.append(f"finished {name}"))
    assert runner.wait_idle()
    assert order == ["done", "finished ok", "finished cancel", "known", "finished fail"]


def test_shutdown_is_idempotent_and_leaves_no_running_thread(hub: Hub) -> None:
    """shutdown() joins the worker; a second call is harmless; new jobs are refused afterwards."""
    task_runner = TaskRunner(hub)
    task_runner.submit(lambda progress: None)
    threads = task_runner.findChildren(QThread)
    assert threads and all(t.isRunning() for t in threads)
    task_runner.shutdown()
    task_runner.shutdown()
    assert task_runner.is_shut_down and not task_runner.busy
    assert all(t.isFinished() and not t.isRunning() for t in threads)
    with pytest.raises(RuntimeError):
        task_runner.submit(lambda progress: None)


def test_shutdown_finishes_the_running_job_and_drops_queued_ones(hub: Hub) -> None:
    """The running job completes and is delivered before shutdown returns; queued jobs never run."""
    task_runner = TaskRunner(hub)
    started = threading.Event()
    done: list[Any] = []
    ran: list[str] = []

    def slow(progress: Progress) -> str:
        started.set()
        time.sleep(0.1)
        return "saved"

    first = task_runner.submit(slow, on_done=done.append)
    second = task_runner.submit(lambda progress: ran.append("queued"))
    assert started.wait(WAIT)
    task_runner.shutdown()
    assert done == ["saved"] and first.done
    assert ran == [] and second.cancelled


def test_shutdown_with_cancel_running_cancels_the_running_job(hub: Hub) -> None:
    """shutdown(cancel_running=True) stops a long job at its next step instead of waiting for it."""
    task_runner = TaskRunner(hub)
    flags: dict[str, bool] = {}
    handle = task_runner.submit(loop_until_cancelled(flags))
    assert task_runner.wait_idle(100) is False  # still running
    started = time.monotonic()
    task_runner.shutdown(cancel_running=True)
    assert time.monotonic() - started < WAIT / 2
    assert handle.cancelled and flags.get("cancelled_inside") is True


def test_wait_idle_times_out_while_a_job_is_running(runner: TaskRunner) -> None:
    """wait_idle reports False rather than blocking forever on a job that does not end."""
    release = threading.Event()
    runner.submit(lambda progress: release.wait(WAIT))
    assert runner.wait_idle(50) is False
    assert runner.busy
    release.set()
    assert runner.wait_idle()
    assert not runner.busy


def find_dialog(qtbot: QtBot, parent: QWidget) -> QProgressDialog:
    """The runner's progress dialog, once it has appeared."""
    qtbot.waitUntil(
        lambda: (d := parent.findChild(QProgressDialog)) is not None and d.isVisible(), timeout=int(WAIT * 1000)
    )
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    return dialog


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """A shown top-level window to own the progress dialog."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_run_with_progress_cancel_button_cancels_the_job(qtbot: QtBot, runner: TaskRunner, parent: QWidget) -> None:
    """A slow job shows a window-modal dialog; clicking its Cancel button cancels the job and closes it."""
    flags: dict[str, bool] = {}
    done: list[Any] = []
    handle = runner.run_with_progress(parent, loop_until_cancelled(flags), title="正在导入花名册", on_done=done.append)
    dialog = find_dialog(qtbot, parent)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.windowTitle() == "正在导入花名册"
    qtbot.waitUntil(lambda: dialog.labelText().startswith("第 "), timeout=int(WAIT * 1000))
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"  # English source; zh_CN comes from the .qm
    with qtbot.waitSignal(runner.cancelled, timeout=int(WAIT * 1000)):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert flags.get("cancelled_inside") is True
    assert handle.cancelled and done == []
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None, timeout=int(WAIT * 1000))


def test_run_with_progress_quick_job_never_shows_the_dialog(qtbot: QtBot, runner: TaskRunner, parent: QWidget) -> None:
    """A job shorter than the minimum duration finishes without the dialog flashing up."""
    done: list[Any] = []
    runner.run_with_progress(parent, lambda progress: "ok", title="保存", on_done=done.append)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    shown: list[bool] = []
    assert runner.wait_idle()
    shown.append(shiboken6.isValid(dialog) and dialog.isVisible())
    assert done == ["ok"] and shown == [False]
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None, timeout=int(WAIT * 1000))


def test_run_with_progress_closes_the_dialog_when_the_job_ends(
    qtbot: QtBot, runner: TaskRunner, parent: QWidget
) -> None:
    """Once shown, the dialog goes away by itself when the job finishes, and on_done gets the result."""
    release = threading.Event()
    done: list[Any] = []

    def job(progress: Progress) -> str:
        progress.step(1, 2, "导出中")
        release.wait(WAIT)
        return "exported"

    runner.run_with_progress(parent, job, title="导出", on_done=done.append)
    dialog = find_dialog(qtbot, parent)
    qtbot.waitUntil(lambda: dialog.value() == 1 and dialog.maximum() == 2, timeout=int(WAIT * 1000))
    release.set()
    qtbot.waitUntil(lambda: done == ["exported"], timeout=int(WAIT * 1000))
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None, timeout=int(WAIT * 1000))


def test_run_with_progress_not_cancellable_has_no_cancel_button(
    qtbot: QtBot, runner: TaskRunner, parent: QWidget
) -> None:
    """A job that must not be interrupted gets no Cancel button, and Esc does not cancel it."""
    release = threading.Event()
    handle: TaskHandle = runner.run_with_progress(
        parent, lambda progress: release.wait(WAIT), title="备份", cancellable=False
    )
    dialog = find_dialog(qtbot, parent)
    assert dialog.findChild(QPushButton) is None
    dialog.reject()
    dialog.close()
    assert dialog.isVisible() and not handle.cancel_requested
    release.set()
    assert runner.wait_idle()
    assert not handle.cancelled
