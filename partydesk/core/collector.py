"""When Python's cyclic garbage collector runs: paused around bulk work, and in a window only on its own thread.

Pausing: reading a large package, or every key figure and to-do of a 100 000-member file, keeps hundreds of
thousands of small tuples and dicts alive for a moment; each full collection walks all of them, again
and again, for no gain (they hold no cycles). Reference counting still frees everything as usual.

One thread only: the collector normally runs on whichever thread happens to allocate when a generation is
full. In the window that may be a database lane, and what it frees may be a Qt object left in a cycle: its
destructor takes Qt's connection lock and then asks for the interpreter lock, while the GUI thread, holding
the interpreter lock, waits for that same Qt lock to connect a signal. Both wait for ever (the test suite
hung so once). ``collect_on_one_thread`` turns the automatic collector off; the GUI thread then calls
``collect_if_due`` from a timer, which collects the generations Python itself would have.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # blocks inside ``collector_paused`` now, on any thread
_resume = False  # whether the automatic collector goes back on when the last pause ends
_one_thread = False  # collect_on_one_thread() was called: the collector runs only through collect_if_due
_last_full = 0.0  # time.monotonic() of collect_if_due's last full collection
FULL_EVERY_S = 60.0


def collect_on_one_thread() -> None:
    """From now on collect only when ``collect_if_due`` (or ``gc.collect``) is called: by one thread, on a timer."""
    global _one_thread, _resume
    with _lock:
        _one_thread = True
        _resume = False
        gc.disable()


def collects_on_one_thread() -> bool:
    """Whether ``collect_on_one_thread`` is in force."""
    return _one_thread


def collect_if_due() -> int:
    """Collect the generations Python's automatic collector would have collected by now (none while a pause
    is on, or when none is due); returns the number of objects found unreachable."""
    with _lock:
        if _pauses:
            return 0
    global _last_full
    counts, limits = gc.get_count(), gc.get_threshold()
    if limits[0] <= 0 or counts[0] <= limits[0]:
        return 0
    generation = 0
    if counts[1] > limits[1]:
        generation = 1
        # A full collection walks every object: Python's own collector holds it back while the heap grows (a
        # 100 000-member roll loading), which a timer cannot see; at most one a minute stands in for that.
        now = time.monotonic()
        if counts[2] > limits[2] and now - _last_full >= FULL_EVERY_S:
            generation, _last_full = 2, now
    return gc.collect(generation)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector inside the block. Blocks may nest or overlap on several threads: the
    collector is off from the first one's start to the last one's end, then as it was before the first."""
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled() and not _one_thread
        _pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
