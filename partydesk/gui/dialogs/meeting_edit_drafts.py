"""Drafts of the meeting record dialog: its state as JSON, and offering a leftover draft at start-up.

The dialog's whole state is a plain dict (``FormState``) so ``core.drafts`` can keep it; the same
dict restores the dialog exactly. At start-up ``offer_leftover_drafts`` asks "恢复未保存的会议记录？"
when a draft survived (the program was closed without saving, or the power went) and opens the record
dialog on the newest one; declining keeps the drafts, which are offered again when that record is
opened.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from partydesk.core import drafts

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


@dataclass
class FormState:
    """What the dialog holds, in JSON-friendly types (dates as the text typed)."""

    type_code: str = "general"
    topic: str = ""
    held_on: str = ""
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    chair: str = ""
    recorder: str = ""
    lecturer: str = ""
    party_group: str = ""
    body: str = ""
    decisions: str = ""
    statuses: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    guests: list[list[str]] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    motions: list[list[Any]] = field(default_factory=list)
    kept_attachments: list[dict[str, Any]] = field(default_factory=list)
    new_files: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The state as a JSON object."""
        return asdict(self)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> FormState:
        """The state from a draft; unknown keys (a newer program's) are ignored, missing ones default."""
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        return cls(**known)


# lupdate files a bare ``tr("...")`` outside a class under an empty context; name the context instead.
translate = QCoreApplication.translate


def ask_to_finish(window: QWidget, title: str, text: str, detail: str) -> bool:
    """Whether the office wants to finish a record left unsaved (``detail``, its topic or name, under the text);
    yes is the default answer. The question says what No does: an office may take it to throw the typing away."""
    text += "\n" + translate("MeetingDrafts", "(No: not now; what was typed is kept, and offered again when the "
                                               "form is next opened.)")
    if detail.strip():
        text += "\n\n" + detail.strip()
    answer = QMessageBox.question(window, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def offer_leftover_drafts(window: QWidget, ctx: AppContext) -> bool:
    """Ask whether to reopen the newest leftover meeting draft; opens the record dialog on it if so (and says
    whether it did)."""
    if ctx.db is None or ctx.db.needs_setup:
        return False
    left = drafts.leftovers(drafts.drafts_dir(ctx.db.path))
    if not left:
        return False
    newest = left[0]
    text = translate("MeetingDrafts",
                     "A meeting record was being written and not saved (last kept %1). Open it now to finish it?")
    text = text.replace("%1", newest.saved_at.astimezone().strftime("%Y-%m-%d %H:%M"))
    if not ask_to_finish(window, translate("MeetingDrafts", "Restore unsaved meeting record?"), text,
                         str(newest.state.get("topic") or "")):
        return False
    from partydesk.gui.dialogs.meeting_edit import MeetingDialog

    dialog = MeetingDialog(ctx, window, meeting_id=newest.meeting_id, draft=newest)
    dialog.open()
    return True
