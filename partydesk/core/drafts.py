"""Drafts of records being written, so nothing typed is lost to a power cut (issue 9, item 3).

While a person types, the record dialog saves its whole state every second or so to
``drafts/meeting-<key>.json`` beside the database — atomically (``atomicfile``: the old draft or the new
one, never a torn mix) and private (0600: a draft holds names and reasons for absence). The key is the
meeting's id, or ``new-<uuid>`` for a meeting not yet saved. Saving the record removes its draft; a draft
still there at the next start, or when the same record is opened again, is offered back. The state is
whatever JSON object the dialog writes; this module only keeps it safe.

The member form keeps its drafts the same way, as ``member-<key>.json`` (``MEMBER``), the talk record as
``talk-<key>.json`` (``TALK``), a collective study's record as ``study-<key>.json`` (``STUDY``), the table of
earlier study hours as ``earlier-<key>.json`` (``EARLIER``), a committee's notice as ``notice-<key>.json``
(``NOTICE``) and a member's change being recorded (记录变动) as ``event-<key>.json`` (``EVENT``, one per member:
the key is the member's id): each kind of record
has its own prefix, so a kind's leftovers are only ever offered back to its own dialog.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from partydesk.core.atomicfile import atomic_write, remove_quietly

log = logging.getLogger(__name__)

FOLDER = "drafts"
PREFIX = "meeting-"
MEMBER = "member-"  # the member form's drafts
TALK = "talk-"  # the talk record's
NOTICE = "notice-"  # a notice being written at a committee (always a new one: a published notice is not edited)
STUDY = "study-"  # a collective study's record
EARLIER = "earlier-"  # the table of the study hours members already had (补录此前学时)
EVENT = "event-"  # a change being recorded for a member (keyed by the member: a change has no id until saved)
FORMAT = 1
STALE_TEMP_S = 600  # no draft save takes ten minutes: a temp file this old is from a killed save


@dataclass(frozen=True)
class Draft:
    """A saved draft: its key, the meeting it edits (None: a new one), when it was saved, its state."""

    key: str
    meeting_id: str | None
    saved_at: datetime
    state: dict[str, Any]
    path: Path


def drafts_dir(db_path: Path) -> Path:
    """The drafts folder of the database at ``db_path`` (drafts belong to one database)."""
    return db_path.resolve().parent / FOLDER


def new_key() -> str:
    """The key of a draft of a meeting that has no id yet."""
    return f"new-{uuid.uuid4()}"


def path_for(folder: Path, key: str, *, prefix: str = PREFIX) -> Path:
    """The file of the draft with ``key`` (of the kind ``prefix`` names)."""
    if not key or any(c in key for c in "/\\.:"):
        raise ValueError(f"bad draft key {key!r}")
    return folder / f"{prefix}{key}.json"


def save(folder: Path, key: str, meeting_id: str | None, state: dict[str, Any], *,
         now: datetime | None = None, prefix: str = PREFIX) -> Path:
    """Write the draft ``key`` atomically, replacing the one before; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    saved_at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    payload = {"format": FORMAT, "key": key, "meeting_id": meeting_id, "saved_at": saved_at, "state": state}
    target = path_for(folder, key, prefix=prefix)
    atomic_write(target, json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return target


def load(path: Path) -> Draft | None:
    """The draft in ``path``, or None when it is unreadable (logged, never raised: a draft is a bonus)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT or not isinstance(raw.get("state"), dict):
            raise ValueError("not a draft of this format")
        return Draft(str(raw["key"]), raw.get("meeting_id"), datetime.fromisoformat(raw["saved_at"]),
                     raw["state"], path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        log.warning("draft %s could not be read", path.name, exc_info=True)
        return None


def leftovers(folder: Path, *, prefix: str = PREFIX) -> list[Draft]:
    """Every readable draft in ``folder``, newest first; temp files of a save interrupted long ago are
    removed (a fresh one may belong to a save under way on the file lane)."""
    if not folder.is_dir():
        return []
    for temp in folder.glob(f".{prefix}*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - temp.stat().st_mtime > STALE_TEMP_S:
                remove_quietly(temp)
    found = [d for d in (load(p) for p in folder.glob(f"{prefix}*.json")) if d is not None]
    return sorted(found, key=lambda d: d.saved_at, reverse=True)


def for_meeting(folder: Path, meeting_id: str | None, *, prefix: str = PREFIX) -> Draft | None:
    """The leftover draft of this meeting (or record of the kind ``prefix`` names), or for None the newest draft
    of a new one."""
    for draft in leftovers(folder, prefix=prefix):
        if draft.meeting_id == meeting_id:
            return draft
    return None


def discard(folder: Path, key: str, *, prefix: str = PREFIX) -> None:
    """Remove the draft ``key`` (after the record is saved, or when the person declines it)."""
    remove_quietly(path_for(folder, key, prefix=prefix))
