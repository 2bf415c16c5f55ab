"""Background work for the GUI: the serialized database lane and the file lane, with progress and cancel.

House rule 5: one process, one writer connection, and every piece of DB work started from the GUI runs
on a single worker thread (``Lane.DB``), one job at a time, in the order it was submitted. File work
(reading spreadsheets, writing exports and PDFs, copying to a USB stick, encryption) runs on a second
worker (``Lane.FILE``), so a slow stick never holds up the roster; a use case that needs both reads the
database on the DB lane and then writes on the file lane (see ``gui/operations``). Jobs are plain
functions ``fn(progress) -> result`` that never touch widgets; their outcome comes back to the GUI thread
through queued signals, where the runner publishes the result's changes on the hub and calls the
caller's callbacks.

Publishing: a result that is a ``Changes`` record, or carries one as ``.changes`` (``MemberSaved``,
``ImportResult``), is published on the hub before ``on_done`` runs, so no dialog publishes by hand.

Outcomes: a result goes to ``on_done`` (after its changes are published); ``Cancelled`` fires
``TaskRunner.cancelled`` only; a ``KnownError`` (or a database error that maps to one) goes to
``on_error`` or, without one, to ``TaskRunner.knownError`` for a message box; anything else is a bug and
goes to ``TaskRunner.crashed`` for the crash dialog, after being logged.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QMetaMethod, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QWidget

from partydesk.core.changes import Changes
from partydesk.core.errors import CorruptDatabaseError, KnownError, known_error_from_db
from partydesk.core.progress import Cancelled, Progress
from partydesk.gui.hub import Hub
from partydesk.gui.widgets.progress_dialog import JobProgressDialog

log = logging.getLogger(__name__)

JobFn = Callable[[Progress], Any]
DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[KnownError], None]


class Lane(StrEnum):
    """The worker a job runs on: database work, or file work (spreadsheets, exports, PDFs, USB copies)."""

    DB = "db"
    FILE = "file"


def changes_in(result: object) -> Changes | None:
    """The Changes record a job's result is or carries (``result.changes``), or None."""
    if isinstance(result, Changes):
        return result
    carried = getattr(result, "changes", None)
    return carried if isinstance(carried, Changes) else None



class TaskHandle(QObject):
    """The caller's view of one submitted job. Signals and attributes change on the GUI thread only."""

    # (done, total, text); only the latest report is delivered when the worker outpaces the GUI.
    progressed = Signal(object, object, str)
    # The job has ended, whatever the outcome, after its callbacks ran.
    finished = Signal()

    def __init__(self, label: str, progress: Progress) -> None:
        super().__init__()
        self.label = label
        self.done = False
        self.cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.last_progress: tuple[int, int, str] | None = None
        self._progress = progress

    def cancel(self) -> None:
        """Ask the job to stop: it raises ``Cancelled`` at its next progress step, or never starts."""
        if not self.done:
            self._progress.cancel()

    @property
    def cancel_requested(self) -> bool:
        """Whether cancel() was called (the job may still finish if it had no step left)."""
        return self._progress.cancelled


@dataclass(eq=False)
class _Job:
    """Everything about one job that crosses between the GUI and the worker thread."""

    fn: JobFn
    on_done: DoneCallback | None
    on_error: ErrorCallback | None
    label: str
    lane: Lane = Lane.DB
    progress: Progress = field(init=False)
    handle: TaskHandle = field(init=False)
    # Set by the worker before it signals the end, read by the GUI after: the queued signal orders them.
    result: Any = None
    exc: BaseException | None = None
    known: KnownError | None = None
    # Progress coalescing: the worker overwrites ``latest`` and posts a notice only when none is queued,
    # so a tight loop of step() calls cannot flood the GUI's event queue.
    lock: threading.Lock = field(default_factory=threading.Lock)
    latest: tuple[int, int, str] | None = None
    notice_queued: bool = False


class _LaneThread(QThread):
    """The worker: takes jobs from a queue and runs them one after another until it gets ``None``."""

    # Emitted on the worker thread; the runner lives on the GUI thread, so delivery is queued.
    progressNotice = Signal(object)
    jobEnded = Signal(object)

    def __init__(self, lane: Lane, parent: QObject) -> None:
        super().__init__(parent)
        self.lane = lane
        self.jobs: queue.Queue[_Job | None] = queue.Queue()
        self.setObjectName(f"partydesk-{lane.value}-lane")

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            self._run_one(job)
            self.jobEnded.emit(job)

    def _run_one(self, job: _Job) -> None:
        try:
            # A job cancelled while still queued never starts.
            job.progress.check()
            job.result = job.fn(job.progress)
        except Cancelled as exc:
            job.exc = exc
        except BaseException as exc:
            # BaseException too: the lane must outlive any job (even SystemExit), and bugs get reported.
            job.exc = exc
            # Services should already raise KnownError, but a raw "database is locked" or "disk full"
            # is still something the user can act on, not a crash (house rule 6).
            job.known = known_error_from_db(exc)
            if job.known is not None and job.known is not exc:
                job.known.__cause__ = exc
            if job.known is None:
                log.exception("Background task %r crashed", job.label)
            else:
                log.warning("Background task %r failed: %s", job.label, job.known.code)

    def report(self, job: _Job, done: int, total: int, text: str) -> None:
        """Progress callback, called on the worker thread."""
        with job.lock:
            job.latest = (done, total, text)
            if job.notice_queued:
                return
            job.notice_queued = True
        self.progressNotice.emit(job)


class TaskRunner(QObject):
    """Owns the DB and file worker threads; submit jobs here and get their outcome on the GUI thread."""

    # A KnownError from a job submitted without on_error; the main window shows it as a message box.
    knownError = Signal(object)
    # (exc_type, exc, traceback) of a bug in a job; the app's crash dialog handles it.
    crashed = Signal(object, object, object)
    # The TaskHandle of a job that was cancelled (it wrote nothing).
    cancelled = Signal(object)

    def __init__(self, hub: Hub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        # Submitted but not yet delivered on the GUI thread (queued, running, or result in flight).
        self._live: set[_Job] = set()
        self._closed = False
        self._threads = {lane: _LaneThread(lane, self) for lane in Lane}
        for thread in self._threads.values():
            # Explicitly queued: the slots must run on the GUI thread even if someone moves this object.
            thread.progressNotice.connect(self._on_progress_notice, Qt.ConnectionType.QueuedConnection)
            thread.jobEnded.connect(self._on_job_ended, Qt.ConnectionType.QueuedConnection)
            thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            # A QThread destroyed while running aborts the process; quitting must join it first.
            app.aboutToQuit.connect(self.shutdown)

    # -- submitting -------------------------------------------------------------------------------

    def submit(
        self,
        fn: JobFn,
        *,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        label: str = "",
        lane: Lane = Lane.DB,
    ) -> TaskHandle:
        """Queue ``fn(progress)`` on ``lane`` and return its handle. Call from the GUI thread."""
        if self._closed:
            raise RuntimeError("TaskRunner is shut down; no new jobs are accepted")
        job = _Job(fn=fn, on_done=on_done, on_error=on_error, label=label or getattr(fn, "__name__", "job"),
                   lane=lane)
        thread = self._threads[lane]
        job.progress = Progress(lambda done, total, text: thread.report(job, done, total, text))
        job.handle = TaskHandle(job.label, job.progress)
        self._live.add(job)
        thread.jobs.put(job)
        return job.handle

    def run_with_progress(
        self,
        parent_widget: QWidget | None,
        fn: JobFn,
        *,
        title: str,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        cancellable: bool = True,
        lane: Lane = Lane.DB,
    ) -> TaskHandle:
        """Submit ``fn`` on ``lane`` and show a window-modal progress dialog once it takes over ~400 ms."""
        handle = self.submit(fn, on_done=on_done, on_error=on_error, label=title, lane=lane)
        dialog = JobProgressDialog(parent_widget, title=title, cancellable=cancellable)
        if cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(handle.cancel)
        else:
            dialog.setCancelButton(None)

        def show_progress(done: int, total: int, text: str) -> None:
            if shiboken6.isValid(dialog):
                dialog.show_progress(done, total, text or title)

        def close_dialog() -> None:
            if shiboken6.isValid(dialog):
                dialog.finish()

        handle.progressed.connect(show_progress)
        handle.finished.connect(close_dialog)
        return handle

    # -- state and shutdown -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether any submitted job has not yet been delivered."""
        return bool(self._live)

    @property
    def is_shut_down(self) -> bool:
        """Whether shutdown() was called."""
        return self._closed

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every submitted job has been delivered; False on timeout."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._live:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if not self._live:
                break
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.002)  # processEvents returns at once when the queue is empty; do not spin
        return True

    @Slot()
    def shutdown(self, *, cancel_running: bool = False) -> None:
        """Let the running jobs finish (or cancel them), drop queued ones, stop and join both threads.

        Safe to call twice. The running job's callbacks are delivered before this returns, so a save
        that completes during shutdown still publishes its Changes and reports its error.
        """
        if self._closed:
            return
        self._closed = True
        dropped: list[_Job] = []
        for thread in self._threads.values():
            while True:
                try:
                    job = thread.jobs.get_nowait()
                except queue.Empty:
                    break
                if job is not None:
                    dropped.append(job)
        for job in dropped:
            job.progress.cancel()
            job.exc = Cancelled("操作已取消，没有保存任何修改。")
        if cancel_running:
            for job in self._live:
                job.progress.cancel()
        for thread in self._threads.values():
            thread.jobs.put(None)
        for thread in self._threads.values():
            thread.wait()
        # Deliver what the worker posted before it stopped, so nothing is left half-reported.
        QCoreApplication.sendPostedEvents(self, 0)
        for job in dropped:
            self._deliver(job)
        log.debug("DB and file lanes stopped")

    # -- GUI-thread side --------------------------------------------------------------------------

    @Slot(object)
    def _on_progress_notice(self, job: _Job) -> None:
        with job.lock:
            latest = job.latest
            job.notice_queued = False
        handle = job.handle
        if latest is None or handle.done:
            return
        handle.last_progress = latest
        handle.progressed.emit(*latest)

    @Slot(object)
    def _on_job_ended(self, job: _Job) -> None:
        self._deliver(job)

    def _deliver(self, job: _Job) -> None:
        handle = job.handle
        handle.done = True
        self._live.discard(job)
        try:
            exc = job.exc
            if exc is None:
                handle.result = job.result
                changes = changes_in(job.result)
                if changes is not None:
                    self._hub.publish(changes)
                if job.on_done is not None:
                    job.on_done(job.result)
            elif isinstance(exc, Cancelled):
                handle.cancelled = True
                self.cancelled.emit(handle)
            elif job.known is not None:
                self._report_known(job, job.known)
            else:
                handle.error = exc
                self._report_bug(exc)
        finally:
            handle.finished.emit()

    def _report_known(self, job: _Job, known: KnownError) -> None:
        job.handle.error = known
        if isinstance(known, CorruptDatabaseError):  # whoever shows the error, the window shows read-only
            self._hub.databaseDamaged.emit(known)
        if job.on_error is not None:
            job.on_error(known)
        elif self._has_receivers(self.knownError):
            self.knownError.emit(known)
        else:
            # Nobody shows message boxes yet (early start-up): the status bar is better than silence.
            self._hub.statusMessage.emit(known.message)

    def _report_bug(self, exc: BaseException) -> None:
        if self._has_receivers(self.crashed):
            self.crashed.emit(type(exc), exc, exc.__traceback__)
        else:
            # Never swallow a bug: without a listener, hand it to the process excepthook (crash dialog).
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _has_receivers(self, signal: Any) -> bool:
        return bool(self.isSignalConnected(QMetaMethod.fromSignal(signal)))
