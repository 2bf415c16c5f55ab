"""Meeting record operations: read a record and the roll a form starts from, save (files first), delete (with
what a deletion takes along read first).

Saving a record with new attachments is two steps: the files are put in the attachment store on the
file lane (hashing and copying photos is file work), then the record is written on the DB lane with
the stored files' hashes, in one transaction. A file stored by a save that then fails is harmless: it is
content-addressed and the next save of the same photo finds it there.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core import attachments
from partydesk.core.domain.meeting_roll import RollRules
from partydesk.core.domain.motions import Motion, MotionRules
from partydesk.core.services import meeting_records, meetings, study_meetings
from partydesk.core.services.meeting_records import MeetingRecord, RollEntry
from partydesk.core.services.meetings import MeetingData
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, Lane, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


@dataclass(frozen=True)
class RollView:
    """The expected members of a meeting and the rule-table numbers that count it."""

    entries: list[RollEntry]
    rules: RollRules
    motion_rules: MotionRules


@dataclass(frozen=True)
class RecordInput:
    """Everything the dialog saves: the record's fields and lists, attachments kept and files to add."""

    data: MeetingData
    statuses: Mapping[str, str]
    reasons: Mapping[str, str]
    guests: Sequence[tuple[str, str]]
    agenda: Sequence[str]
    motions: Sequence[Motion]
    keep_attachments: Sequence[str]
    new_files: Sequence[Path]


def load_record(parent: QWidget, ctx: AppContext, meeting_id: str, on_done: DoneCallback) -> TaskHandle:
    """The meeting's whole record (None when it no longer exists)."""
    db = ctx.db
    return run(parent, ctx, lambda _p: meeting_records.get_record(db, meeting_id), label="load meeting",
               on_done=on_done)


def load_roll(parent: QWidget, ctx: AppContext, *, type_code: str, held_on: date, party_group: str,
              meeting_id: str | None, on_done: DoneCallback,
              on_error: ErrorCallback | None = None) -> TaskHandle:
    """The members expected at a meeting of this type, date and group, as a ``RollView``: of the recorded
    meeting's organisation, or of this office's for a new one (``meeting_id`` None)."""
    db = ctx.db

    def read(_progress: Any) -> RollView:
        entries, rules = meeting_records.expected_roll(db, type_code, held_on, party_group, meeting_id=meeting_id)
        return RollView(entries, rules, meeting_records.motion_rules(db))

    return run(parent, ctx, read, label="load meeting roll", on_done=on_done, on_error=on_error)


def party_groups(parent: QWidget, ctx: AppContext, meeting_id: str | None, on_done: DoneCallback) -> TaskHandle:
    """The party groups the roster names, for the group box (of the meeting's organisation, as ``load_roll``)."""
    db = ctx.db
    return run(parent, ctx, lambda _p: meeting_records.party_groups(db, meeting_id), label="load party groups",
               on_done=on_done)


def save_record(parent: QWidget, ctx: AppContext, *, meeting_id: str | None, record: RecordInput,
                on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Add (``meeting_id`` None) or rewrite a meeting; the result is ``MeetingAdded`` or ``MeetingSaved``."""
    db, actor = ctx.db, ctx.actor
    root = attachments.store_root(ctx.db.path)
    files = list(record.new_files)

    def write(stored: list[attachments.StoredFile]) -> None:
        def save(_progress: Any) -> object:
            common: dict[str, Any] = {"statuses": record.statuses, "reasons": record.reasons,
                                      "guests": list(record.guests), "agenda": list(record.agenda),
                                      "motions": list(record.motions)}
            if meeting_id is None:
                return meetings.add_meeting(db, actor, record.data, attachments=stored, **common)
            return meeting_records.update_meeting(db, actor, meeting_id, record.data,
                                                  keep_attachments=list(record.keep_attachments),
                                                  add_attachments=stored, **common)

        run(parent, ctx, save, label="save meeting", on_done=on_done, on_error=on_error)

    return run(parent, ctx, lambda _p: [attachments.put(root, f) for f in files], label="store attachments",
               lane=Lane.FILE, on_done=write, on_error=on_error)


def load_study_of_meeting(parent: QWidget, ctx: AppContext, meeting_id: str, on_done: DoneCallback) -> TaskHandle:
    """The study activity counting the meeting as study (``ActivitySummary`` or None): what deleting it takes
    with it, for the question asked first."""
    db = ctx.db
    return run(parent, ctx, lambda _p: study_meetings.study_of_meeting(db, meeting_id), label="load meeting study",
               on_done=on_done)


def delete_meeting(parent: QWidget, ctx: AppContext, meeting_id: str, *, on_done: DoneCallback | None = None,
                   on_error: ErrorCallback | None = None) -> TaskHandle:
    """Delete a meeting (a tombstone with its text wiped) and the study activity counting it, if any."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _p: meeting_records.delete_meeting(db, actor, meeting_id),
               label="delete meeting", on_done=on_done, on_error=on_error)


def open_copy(parent: QWidget, ctx: AppContext, *, sha256: str, name: str, on_done: DoneCallback,
              on_error: ErrorCallback | None = None) -> TaskHandle:
    """A copy of a stored attachment under its own name in a temp folder, for the system to open."""
    root = attachments.store_root(ctx.db.path)
    folder = Path(tempfile.gettempdir()) / "partydesk-open" / sha256[:16]
    return run(parent, ctx, lambda _p: attachments.copy_out(root, sha256, name, folder), label="open attachment",
               lane=Lane.FILE, on_done=on_done, on_error=on_error)


def save_copy(parent: QWidget, ctx: AppContext, *, sha256: str, name: str, target: Path, on_done: DoneCallback,
              on_error: ErrorCallback | None = None) -> TaskHandle:
    """Save a stored attachment as ``target`` (另存为)."""
    root = attachments.store_root(ctx.db.path)
    return run(parent, ctx, lambda _p: attachments.save_as(root, sha256, name, target), label="save attachment",
               lane=Lane.FILE, on_done=on_done, on_error=on_error)


__all__ = ["MeetingRecord", "RecordInput", "RollView", "delete_meeting", "load_record", "load_roll",
           "load_study_of_meeting", "open_copy", "party_groups", "save_copy", "save_record"]
