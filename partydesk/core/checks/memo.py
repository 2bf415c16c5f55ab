"""Reads shared by the checks of one run (一次检查共用的查询): computed once, dropped when the run ends.

Several checks judge the same members (the 党籍 checks all read the members on the roll with a 党籍
event; the 学时 checks and the key figure the members outside the plain case). Inside ``scope()`` — one
run of every check (``engine.run_all``) or one workbench snapshot — ``shared(key, compute)`` computes a
read once and hands the same answer to each check; outside a scope it simply computes. Nothing outlives
the scope, so no answer is ever stale across writes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_CACHE: ContextVar[dict[Hashable, object] | None] = ContextVar("partydesk_checks_memo", default=None)


@contextmanager
def scope() -> Iterator[None]:
    """Share reads among the checks run inside (nested scopes share the outer one)."""
    if _CACHE.get() is not None:
        yield
        return
    token = _CACHE.set({})
    try:
        yield
    finally:
        _CACHE.reset(token)


def shared(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per ``key`` inside a scope (the key names the database and the arguments)."""
    cache = _CACHE.get()
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]  # type: ignore[return-value]
