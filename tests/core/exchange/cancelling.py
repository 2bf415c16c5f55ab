"""A progress that cancels a run of several packages at a chosen one (for the folder import and the export
to every branch)."""

from __future__ import annotations

from partydesk.core.progress import Progress


class CancelAt(Progress):
    """Cancels once a step announces ``prefix``: at that step itself, or (``inside``) at the first check made
    from within the part it announces (the announcing step checks once first)."""

    def __init__(self, prefix: str, *, inside: bool) -> None:
        super().__init__()
        self.prefix, self.inside = prefix, inside
        self.checks_left: int | None = None

    def step(self, done: int, total: int, text: str = "") -> None:
        if text.startswith(self.prefix):
            self.checks_left = 1 if self.inside else 0
        super().step(done, total, text)

    def check(self) -> None:
        if self.checks_left is not None:
            if self.checks_left == 0:
                self.cancel()
            self.checks_left -= 1
        super().check()
