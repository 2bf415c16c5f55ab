"""Work on a package's bytes or rows run on a second core while this one goes on.

A 100 000-member package is hundreds of megabytes, and its export and import pass over it several times
in C routines that let go of the interpreter lock on large buffers: SHA-256 (hashlib), AES-GCM
(cryptography), file I/O. Such a pass started here runs beside the caller's own work (parsing, sealing,
writing the file) instead of after it. The other way round works too: Python work started here runs
while the caller waits in one long C call, such as SQLite building a table's indexes again. Python beside
Python gains nothing: the two would only take turns.

Every caller keeps its checks in their documented order: it waits for an earlier check's result before
it reports a later one's failure, so a package is refused for the same reason as when the passes ran one
after another.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")


def started(work: Callable[..., T], *args: Any) -> Future[T]:
    """``work(*args)`` begun on a thread of its own; ``result()`` waits for its value or raises its exception.

    A thread per pass, not a pool: a pass may start passes of its own and wait for them (a package read
    back after writing is decrypted with its hash beside), which a full pool would never run.
    """
    future: Future[T] = Future()

    def run() -> None:
        future.set_running_or_notify_cancel()
        try:
            future.set_result(work(*args))
        except BaseException as exc:  # handed to whoever waits for the result
            future.set_exception(exc)

    threading.Thread(target=run, name="exchange-pass", daemon=True).start()
    return future


_END = object()


class Fed:
    """``take(piece)`` for each piece handed to ``feed``, in order, on a thread of its own, while the caller
    goes on making the next (at most ``backlog`` wait their turn): a digest of bytes made a piece at a time,
    taken beside their making. Used as a context manager: leaving the block waits for the last piece, and
    raises what ``take`` raised (unless the block raised first)."""

    def __init__(self, take: Callable[[Any], object], backlog: int = 8) -> None:
        self._pieces: queue.Queue[Any] = queue.Queue(backlog)
        self._finished = started(self._run, take)

    def _run(self, take: Callable[[Any], object]) -> None:
        failed: BaseException | None = None
        while (piece := self._pieces.get()) is not _END:
            if failed is None:  # (after a failure the pieces are still taken off, so ``feed`` never waits for ever)
                try:
                    take(piece)
                except BaseException as exc:
                    failed = exc
        if failed is not None:
            raise failed

    def feed(self, piece: Any) -> None:
        """Hand over the next piece (waiting while ``backlog`` pieces wait)."""
        self._pieces.put(piece)

    def __enter__(self) -> Fed:
        return self

    def __exit__(self, kind: object, exc: object, trace: object) -> None:
        self._pieces.put(_END)
        if exc is None:
            self._finished.result()
        else:  # the block's own exception goes on, once the thread is done
            self._finished.exception()


_SLICE = 4096  # items let go of at once: the caller may take the lock back between two slices


def let_go(*lists: list[Any]) -> Future[None]:
    """Empty these lists on a thread of their own, a slice at a time from the end, so what only they held is
    freed there: beside a long call of the caller's that lets go of the interpreter lock (an import's
    commit), not after it. A snapshot's records are millions of small objects, a quarter of a second to free.
    The lists are handed over: the caller reads them no more."""

    def empty() -> None:
        for each in lists:
            while each:
                del each[-_SLICE:]

    return started(empty)
