"""Notices (通知) from a committee to its branches: what one says, its files, and how it is listed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class NoticeData:
    """What a notice says: title, body, the day issued, the issuing office, an optional deadline."""

    title: str
    body: str
    issued: date
    issuer: str = ""
    deadline: date | None = None


@dataclass(frozen=True)
class NoticeFile:
    """A file of a notice in the attachment store."""

    sha256: str
    name: str
    mime: str
    size: int


@dataclass(frozen=True)
class NoticeRow:
    """A notice as the list shows it.

    ``received``: written by another office (the committee) and so read-only here; ``read_at`` is when this
    office first opened it (None: unread); ``targets`` are the organisation codes it is addressed to (known
    only where it was written); ``withdrawn``: its office took it back (撤回) — it stays listed, marked, with
    the reason at the top of its text, and asks nothing of anyone any more.
    """

    id: str
    data: NoticeData
    received: bool
    read_at: datetime | None
    files: tuple[NoticeFile, ...] = ()
    targets: tuple[str, ...] = field(default=())
    withdrawn: bool = False
    # Beside each target, how far the notice got there: "received" (a package carrying it was confirmed),
    # "written" (in a package written to that office, not yet confirmed), "waiting" (not yet exported to it).
    delivery: tuple[str, ...] = field(default=())
    # Beside each target, when that office first opened the notice, as its receipt (回执) reported it up;
    # None while no receipt has come. Read at an office means received there, whatever ``delivery`` says.
    read_by_target: tuple[datetime | None, ...] = field(default=())
    # Beside each target, when that office marked what the notice asks as done (已办理), None until it has.
    done_by_target: tuple[datetime | None, ...] = field(default=())
    # A received notice: when this office marked it done (None: not yet).
    done_at: datetime | None = None

    @property
    def read_count(self) -> int:
        """How many of the offices it is addressed to have reported reading it."""
        return sum(1 for when in self.read_by_target if when is not None)

    @property
    def done_count(self) -> int:
        """How many of the offices it is addressed to have reported doing what it asks."""
        return sum(1 for when in self.done_by_target if when is not None)

    @property
    def unread(self) -> bool:
        """A received notice, still in force, that nobody here has opened yet."""
        return self.received and self.read_at is None and not self.withdrawn


def withdrawal_note(day: str, reason: str) -> str:
    """The line put at the top of a withdrawn notice's text (it travels with the notice to the branches)."""
    return f"【本通知已于 {day} 撤回。原因：{reason}】"
