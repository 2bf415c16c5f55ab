"""The cyclic collector: paused around bulk work (overlapping pauses on several threads keep it off until the
last ends), and once a window exists run only by the thread that asks for it, for what is due."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from partydesk.core import collector


@pytest.fixture
def automatic(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The collector as a plain program has it (on, automatic), restored afterwards."""
    was_on = gc.isenabled()
    monkeypatch.setattr(collector, "_one_thread", False)
    monkeypatch.setattr(collector, "_pauses", 0)
    gc.enable()
    yield
    (gc.enable if was_on else gc.disable)()


def test_overlapping_pauses_keep_it_off_until_the_last_ends(automatic: None) -> None:
    first, second = collector.collector_paused(), collector.collector_paused()
    first.__enter__()
    assert not gc.isenabled()
    second.__enter__()
    first.__exit__(None, None, None)  # the first ends while the second still runs
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_pause_on_another_thread_counts_too(automatic: None) -> None:
    inside, leave = threading.Event(), threading.Event()

    def worker() -> None:
        with collector.collector_paused():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=worker)
    thread.start()
    assert inside.wait(10)
    with collector.collector_paused():
        pass
    assert not gc.isenabled(), "the worker's pause still holds"
    leave.set()
    thread.join(10)
    assert gc.isenabled()


def _cycles(count: int) -> None:
    for _ in range(count):
        a: list[object] = []
        a.append(a)


def test_on_one_thread_only_what_is_due_is_collected_and_never_in_a_pause(automatic: None) -> None:
    collector.collect_on_one_thread()
    assert not gc.isenabled()
    with collector.collector_paused():
        pass
    assert not gc.isenabled(), "a pause ending does not turn the automatic collector back on"
    gc.collect()
    assert collector.collect_if_due() == 0  # nothing allocated since
    _cycles(gc.get_threshold()[0] + 10)
    with collector.collector_paused():
        assert collector.collect_if_due() == 0
    assert collector.collect_if_due() > 0
    assert not gc.isenabled()


def test_a_full_collection_at_most_once_a_minute(automatic: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every generation due: the first call collects all three, the next one within the minute only two."""
    asked: list[int] = []
    monkeypatch.setattr(collector, "_last_full", 0.0)
    monkeypatch.setattr(gc, "get_count", lambda: (10_000, 100, 100))
    monkeypatch.setattr(gc, "collect", lambda generation=2: asked.append(generation) or 0)
    clock = [1000.0]
    monkeypatch.setattr(collector.time, "monotonic", lambda: clock[0])
    collector.collect_if_due()
    clock[0] += 5
    collector.collect_if_due()
    clock[0] += collector.FULL_EVERY_S
    collector.collect_if_due()
    assert asked == [2, 1, 2]
