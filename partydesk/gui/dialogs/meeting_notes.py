"""The note over a meeting record saying whose it is or who last corrected it (the yellow line at the top)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partydesk.core.services.meeting_records import MeetingRecord
from partydesk.gui.clock_text import local_time


def correction_note(record: MeetingRecord, keeper: str) -> str:
    """At a committee, a branch's meeting (``keeper``: that branch): an edit goes back to it as a correction.
    At the branch, a meeting the committee corrected: when, so the office knows why it reads differently.
    "" when neither."""
    if keeper:
        return QCoreApplication.translate(
            "MeetingDialog", "{branch} keeps this meeting's record. What you change here is saved as a correction "
            "and goes back to the branch with the next package.").format(branch=f"“{keeper}”")
    if record.corrected_at is not None:
        return QCoreApplication.translate(
            "MeetingDialog", "The higher committee corrected this record on {when}; it came with a package and "
            "reads as corrected. A change you make here goes up with the next package.").format(
            when=f"{local_time(record.corrected_at):%Y-%m-%d %H:%M}")
    return ""
