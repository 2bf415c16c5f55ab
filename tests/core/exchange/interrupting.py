"""Stopping a run of several packages at a chosen one (the folder import, the export to every branch): a
progress that cancels there, and a stand-in for the per-package call that fails there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from partydesk.core.progress import Progress


class CancelAt(Progress):
    """Cancels once a step announces ``prefix``: at that step itself, or (``inside``) at the first check made
    from within the part it announces (the announcing step checks once first)."""

    def __init__(self, prefix: str, *, inside: bool) -> None:
        super().__init__()
        self.prefix, self.inside = prefix, inside
        self.checks_left: int | None = None

    def step(self, done: int, total: int, text: str = "") -> None:
        if text.startswith(self.prefix) and self.checks_left is None:  # the part's own steps say it again
            self.checks_left = 1 if self.inside else 0
        super().step(done, total, text)

    def check(self) -> None:
        if self.checks_left is not None:
            if self.checks_left == 0:
                self.cancel()
            self.checks_left -= 1
        super().check()


def failing_at(call: int, real: Callable[..., Any], error: BaseException) -> Callable[..., Any]:
    """``real``, except that its ``call``-th call (from 1) raises ``error`` instead."""
    calls = [0]

    def stand_in(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == call:
            raise error
        return real(*args, **kwargs)

    return stand_in
