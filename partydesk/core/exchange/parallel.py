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
