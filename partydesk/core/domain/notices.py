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
    only where it was written).
    """

    id: str
    data: NoticeData
    received: bool
    read_at: datetime | None
    files: tuple[NoticeFile, ...] = ()
    targets: tuple[str, ...] = field(default=())

    @property
    def unread(self) -> bool:
        """A received notice nobody here has opened yet."""
        return self.received and self.read_at is None
