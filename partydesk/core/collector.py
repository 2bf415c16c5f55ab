"""Pausing Python's cyclic garbage collector around work that builds many short-lived objects at once.

Reading a large package, or every key figure and to-do of a 100 000-member file, keeps hundreds of
thousands of small tuples and dicts alive for a moment; each full collection walks all of them, again
and again, for no gain (they hold no cycles). Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector inside the block; its previous state is restored on the way out (nested
    or overlapping blocks end with it on whenever it was on before the first began)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
