"""Hybrid logical clock (HLC) for record versions that travel in sync files (SYNC.md "Identity and versions").

A version is ``(wall_ms, counter, site_id)`` compared in that order. It is stored as a fixed-width string
so that string order equals tuple order and SQL can compare versions directly.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

WALL_WIDTH = 15
COUNTER_WIDTH = 6
MAX_COUNTER = 10**COUNTER_WIDTH - 1


@dataclass(frozen=True, order=True)
class Version:
    """One HLC timestamp; ordering is wall time, then counter, then site id as the tiebreak."""

    wall_ms: int
    counter: int
    site_id: str

    def encode(self) -> str:
        """Fixed-width text whose lexicographic order matches the tuple order."""
        return f"{self.wall_ms:0{WALL_WIDTH}d}-{self.counter:0{COUNTER_WIDTH}d}-{self.site_id}"

    @classmethod
    def decode(cls, text: str) -> Version:
        """Parse ``encode()``'s output; raises ValueError on anything else."""
        wall, counter, site = text.split("-", 2)
        if len(wall) != WALL_WIDTH or len(counter) != COUNTER_WIDTH or not site:
            raise ValueError(f"not an HLC version: {text!r}")
        return cls(int(wall), int(counter), site)


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues strictly increasing versions for one site, never behind anything it has observed."""

    def __init__(self, site_id: str, last: Version | None = None, *, wall: Callable[[], int] = _wall_ms):
        self.site_id = site_id
        self._wall = wall
        self._last_wall = last.wall_ms if last else 0
        self._last_counter = last.counter if last else 0

    @property
    def last(self) -> Version:
        """The newest version issued or observed."""
        return Version(self._last_wall, self._last_counter, self.site_id)

    def tick(self) -> Version:
        """A new version for a local write: ``max(now, last seen)``, counter breaking ties."""
        now = self._wall()
        if now > self._last_wall:
            self._last_wall, self._last_counter = now, 0
        elif self._last_counter < MAX_COUNTER:
            self._last_counter += 1
        else:
            # A burst of a million writes inside one millisecond: borrow from the next millisecond.
            self._last_wall, self._last_counter = self._last_wall + 1, 0
        return Version(self._last_wall, self._last_counter, self.site_id)

    def observe(self, seen: Version) -> None:
        """Advance past a version received from elsewhere (once per imported package, not per record)."""
        if (seen.wall_ms, seen.counter) > (self._last_wall, self._last_counter):
            self._last_wall, self._last_counter = seen.wall_ms, seen.counter
