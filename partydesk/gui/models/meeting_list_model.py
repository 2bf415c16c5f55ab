"""The meetings list's columns (会议记录): date, type, 应到, 实到, quorum and topic, over ``MeetingLine`` rows.

The list itself is the shared ``ListModel`` (``widgets/list_page``); this module says what each column
shows and how it sorts. Counts read "…" until the page has them (they come a moment after the lines in a
large committee file).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from partydesk.core.services.meeting_reports import MeetingLine, line_order, type_order
from partydesk.gui.widgets.list_page import ListColumn

PENDING = "…"


def type_text(line: MeetingLine) -> str:
    """The type's Chinese name, with the group of a 党小组会."""
    return f"{line.type_name}（{line.party_group}）" if line.party_group else line.type_name


def quorum_text(line: MeetingLine) -> str:
    """Met / not met, or a dash when the type has no quorum rule (or it is not counted yet)."""
    if line.tally is None:
        return PENDING
    if line.quorum_met is None:
        return "—"
    if line.quorum_met:
        return QCoreApplication.translate("MeetingList", "Met")
    return QCoreApplication.translate("MeetingList", "Not met")


def quorum_tip(line: MeetingLine) -> str:
    """Voting members present against expected, for the types with a quorum rule."""
    if line.tally is None or line.quorum_met is None:
        return ""
    t = line.tally
    return QCoreApplication.translate(
        "MeetingList", "Voting members present {present} of {expected}; members present {all} of {roll}").format(
        present=t.voting_present, expected=t.voting_expected, all=t.present, roll=t.expected)


def _count(line: MeetingLine, present: bool) -> str:
    if line.tally is None:
        return PENDING
    return str(line.tally.present if present else line.tally.expected)


def meeting_columns() -> list[ListColumn[MeetingLine]]:
    """The list's columns, titles in the current language."""
    translate = QCoreApplication.translate
    return [
        ListColumn("held_on", translate("MeetingList", "Date"), lambda r: f"{r.held_on:%Y-%m-%d}",
                   sort_key=line_order, chars=6),
        ListColumn("type", translate("MeetingList", "Type"), type_text, chars=12, sort_key=type_order),
        ListColumn("expected", translate("MeetingList", "Expected"), lambda r: _count(r, False), align_right=True,
                   chars=4, sort_key=lambda r: r.tally.expected if r.tally else -1),
        ListColumn("present", translate("MeetingList", "Present"), lambda r: _count(r, True), align_right=True,
                   chars=4, sort_key=lambda r: r.tally.present if r.tally else -1),
        ListColumn("quorum", translate("MeetingList", "Quorum"), quorum_text, chars=5, tooltip=quorum_tip),
        # Last, so it takes the width left over.
        ListColumn("topic", translate("MeetingList", "Topic"), lambda r: r.topic, chars=22, tooltip=lambda r: r.topic),
    ]


def haystack(line: MeetingLine) -> str:
    """What the search box matches: topic, type, group and date."""
    return f"{line.topic} {line.type_name} {line.party_group} {line.held_on:%Y-%m-%d}"
