"""Progress reporting and cancellation for long work, without Qt.

Long operations take a ``Progress`` and call ``step()``; when the user cancels, the next call raises
``Cancelled`` so the operation unwinds and its transaction rolls back (nothing half-written).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from partydesk.core.errors import PartydeskError


class Cancelled(PartydeskError):
    """The user cancelled the operation; any transaction in progress is rolled back."""


ProgressCallback = Callable[[int, int, str], None]


class Progress:
    """Thread-safe progress sink: a worker reports, the GUI (or CLI) listens and may cancel."""

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the operation to stop at its next step."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if cancel() was called."""
        if self._cancel.is_set():
            raise Cancelled("操作已取消，没有保存任何修改。")

    def nested(self) -> Progress:
        """A progress for one part of a longer run: it reports nothing of its own, but stops when this one is
        cancelled (so a cancel reaches the part under way, not only the next)."""
        return Progress(lambda _done, _total, _text: self.check())

    def part(self, index: int, count: int, prefix: str = "") -> Progress:
        """A progress for part ``index`` (from 0) of ``count`` equal parts of this run: its steps move this
        one within that part's share (a folder of one large package does not sit at 0 % while it is read),
        its text said after ``prefix``; a cancel of this one stops it at its next step."""
        scale = 1000

        def report(done: int, total: int, text: str) -> None:
            share = min(max(done, 0), total) * scale // total if total > 0 else 0
            self.step(index * scale + share, max(count, 1) * scale, prefix + text if text else prefix.rstrip("：— \n"))

        return Progress(report)

    def step(self, done: int, total: int, text: str = "") -> None:
        """Report ``done`` of ``total`` units of work, then honour a pending cancel."""
        if self._callback is not None:
            self._callback(done, total, text)
        self.check()


NULL_PROGRESS = Progress()
