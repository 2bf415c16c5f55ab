"""Tests for the file lane beside the DB lane, and for publishing whatever result carries changes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.progress import Cancelled, Progress
from partydesk.gui.hub import Hub
from partydesk.gui.tasks import Lane, TaskRunner, changes_in

WAIT = 5.0


@pytest.fixture
def hub(qapp: object) -> Hub:
    """The application hub the runner publishes to."""
    return Hub()


@pytest.fixture
def runner(hub: Hub) -> Iterator[TaskRunner]:
    """A runner whose threads are always joined."""
    task_runner = TaskRunner(hub)
    yield task_runner
    task_runner.shutdown(cancel_running=True)


def test_a_blocked_file_job_does_not_delay_a_db_job(runner: TaskRunner) -> None:
    """A USB copy stuck on the file lane leaves the DB lane free: a roster read still comes back at once."""
    release = threading.Event()
    file_done: list[str] = []
    db_done: list[float] = []
    runner.submit(lambda _p: release.wait(WAIT) and "copied", lane=Lane.FILE, on_done=file_done.append)
    started = time.monotonic()
    runner.submit(lambda _p: "roster", on_done=lambda _r: db_done.append(time.monotonic() - started))
    deadline = time.monotonic() + WAIT
    while not db_done and time.monotonic() < deadline:
        runner.wait_idle(20)
    try:
        assert db_done and db_done[0] < 1.0
        assert file_done == []  # still blocked: the DB job did not wait for it
    finally:
        release.set()
    assert runner.wait_idle()
    assert file_done == ["copied"]


def test_each_lane_runs_on_its_own_thread_in_order(runner: TaskRunner) -> None:
    """File jobs run one after another on one thread, which is neither the GUI's nor the DB lane's."""
    seen: dict[str, list[Any]] = {"db": [], "file": []}
    for i in range(5):
        runner.submit(lambda _p, i=i: seen["db"].append((i, QThread.currentThread().objectName())))
        runner.submit(lambda _p, i=i: seen["file"].append((i, QThread.currentThread().objectName())),
                      lane=Lane.FILE)
    assert runner.wait_idle()
    assert [i for i, _ in seen["file"]] == list(range(5))
    assert {name for _, name in seen["db"]} == {"partydesk-db-lane"}
    assert {name for _, name in seen["file"]} == {"partydesk-file-lane"}


def test_file_lane_reports_progress_and_can_be_cancelled(qtbot: QtBot, runner: TaskRunner) -> None:
    """A file job's progress reaches the GUI thread and cancel() stops it at its next step."""
    inside: list[str] = []

    def job(progress: Progress) -> str:
        try:
            for i in range(10_000):
                progress.step(i, 10_000, "写入文件")
                time.sleep(0.002)
        except Cancelled:
            inside.append("cancelled")
            raise
        return "finished"

    done: list[Any] = []
    handle = runner.submit(job, lane=Lane.FILE, on_done=done.append)
    qtbot.waitUntil(lambda: handle.last_progress is not None, timeout=int(WAIT * 1000))
    assert handle.last_progress is not None and handle.last_progress[2] == "写入文件"
    with qtbot.waitSignal(runner.cancelled, timeout=int(WAIT * 1000)):
        handle.cancel()
    assert handle.cancelled and inside == ["cancelled"] and done == []


def test_shutdown_stops_both_lanes(hub: Hub) -> None:
    """After shutdown neither thread runs, and a job queued behind a running one is dropped."""
    task_runner = TaskRunner(hub)
    release = threading.Event()
    ran: list[str] = []
    task_runner.submit(lambda _p: release.wait(0.2), lane=Lane.FILE)
    queued = task_runner.submit(lambda _p: ran.append("late"), lane=Lane.FILE)
    task_runner.shutdown()
    assert queued.cancelled and ran == []
    assert all(not thread.isRunning() for thread in task_runner._threads.values())


@dataclass(frozen=True)
class Saved:
    """A use case's result that carries its change record, as MemberSaved does."""

    changes: Changes
    member_id: str


def test_a_result_carrying_changes_is_published_before_on_done(qtbot: QtBot, runner: TaskRunner, hub: Hub) -> None:
    """Whatever has a ``.changes`` record is published by the runner, so no dialog publishes by hand."""
    order: list[str] = []
    published: list[Changes] = []
    hub.changed.connect(lambda c: (order.append("published"), published.append(c)))
    saved = Saved(Changes.of(ChangeKind.MEMBER, "m-7"), "m-7")
    runner.submit(lambda _p: saved, on_done=lambda _r: order.append("done"))
    assert runner.wait_idle()
    assert order == ["published", "done"]
    assert published == [saved.changes]


def test_changes_in_finds_the_record_or_nothing() -> None:
    """A Changes result, a carried one, or None for results that carry none (or something else)."""
    changes = Changes.of(ChangeKind.RULE)
    assert changes_in(changes) is changes
    assert changes_in(Saved(changes, "x")) is changes
    assert changes_in(["warning"]) is None
    assert changes_in(Saved("not a record", "x")) is None  # type: ignore[arg-type]
