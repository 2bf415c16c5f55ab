"""What the meeting record's 表决事项 tab says of its motions: the pass rule, each motion's result, and a second look
asked for where the votes are more than the members present (allowed: written opinions of members who could not come
count) or wrong (more than those due to attend, which the record does not save).

Said in ``MeetingDialog``'s translation context, where the words were before they were moved here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from partydesk.core.domain.meeting_roll import Count
from partydesk.core.domain.motions import BASE_EXPECTED, Motion, MotionRules, passes

# ``translate("MeetingDialog", "...")``: the translation tools find the strings by this call.
translate = QCoreApplication.translate


def pass_rule(rules: MotionRules) -> str:
    """The tab's first line: what makes a motion pass, under the rule of Settings."""
    base = (translate("MeetingDialog", "members with a vote due to attend") if rules.base == BASE_EXPECTED
            else translate("MeetingDialog", "members with a vote present"))
    # 超过半数, as the 条例 says it; another share as a percentage (三分之二 is 66.67%).
    share = translate("MeetingDialog", "half") if rules.bp == 5000 else f"{rules.bp / 100:g}%"
    return translate("MeetingDialog", "Each matter put to the vote and the votes cast. A motion passes when the votes "
                                      "for are more than %1 of the %2 (rule in Settings).").replace(
        "%1", share).replace("%2", base)


def _cast(row: Sequence[Any]) -> int:
    return sum(int(v or 0) for v in row[1:4])


def motion_notes(rule_text: str, tally: Count, rows: Iterable[Sequence[Any]]) -> str:
    """The pass rule, then each motion whose votes want a second look."""
    lines = [rule_text]
    for row in rows:
        cast, title = _cast(row), str(row[0]).strip()
        if cast > tally.voting_expected:
            lines.append(translate("MeetingDialog", "“{title}” has {cast} votes, more than the {expected} members "
                                                    "with a vote due to attend: the numbers are wrong and the "
                                                    "record cannot be saved so. Please check.").format(
                title=title, cast=cast, expected=tally.voting_expected))
        elif cast > tally.voting_present:
            lines.append(translate("MeetingDialog", "“{title}” has {cast} votes, more than the {present} members "
                                                    "with a vote present: the others must be written opinions sent "
                                                    "in before the meeting by members who could not come. Please "
                                                    "check.").format(title=title, cast=cast,
                                                                     present=tally.voting_present))
    return "\n".join(line for line in lines if line)


def motion_result(row: Sequence[Any], tally: Count, rules: MotionRules) -> str:
    """The 结果 column: passed or not, nothing before any vote, and no result from impossible numbers."""
    motion = Motion(str(row[0]), int(row[1] or 0), int(row[2] or 0), int(row[3] or 0))
    if motion.votes_cast == 0:
        return ""
    if motion.votes_cast > tally.voting_expected:
        return translate("MeetingDialog", "Votes wrong")
    return translate("MeetingDialog", "Passed") if passes(motion, tally, rules) else translate("MeetingDialog",
                                                                                                 "Not passed")
