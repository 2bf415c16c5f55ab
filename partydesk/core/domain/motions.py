"""Motions put to the vote at a meeting (表决事项) and the rule that decides whether one passed.

The pass rule is in the rule table: votes for must exceed ``meeting.motion.bp`` basis points (5000: more
than half) of a base that ``meeting.motion.base`` chooses: 1 (the default) counts the members with a
vote who were due to attend (应到会有表决权的党员), as 《中国共产党支部工作条例（试行）》 and the rule for
admitting a member (发展党员细则) say; 0 counts those with a vote who were present, for localities that
decide so. Written opinions of members who could not attend count in the tally, so votes cast may exceed
those present but never those due to attend.
"""

from __future__ import annotations

from dataclasses import dataclass

from partydesk.core.domain.meeting_roll import Count, more_than

BASE_PRESENT = 0  # 实到会有表决权的党员
BASE_EXPECTED = 1  # 应到会有表决权的党员


@dataclass(frozen=True)
class Motion:
    """One matter voted on and the votes: for (赞成), against (反对), abstaining (弃权)."""

    title: str
    votes_for: int = 0
    votes_against: int = 0
    votes_abstaining: int = 0

    @property
    def votes_cast(self) -> int:
        """Every vote recorded on the motion."""
        return self.votes_for + self.votes_against + self.votes_abstaining


@dataclass(frozen=True)
class MotionRules:
    """The rule-table numbers of the pass rule."""

    base: int = BASE_EXPECTED
    bp: int = 5000


def vote_base(count: Count, rules: MotionRules) -> int:
    """How many votes the share is taken of: voting members due to attend, or those present."""
    return count.voting_expected if rules.base == BASE_EXPECTED else count.voting_present


def passes(motion: Motion, count: Count, rules: MotionRules) -> bool:
    """Whether the motion passed at a meeting with this 应到/实到 count."""
    return more_than(motion.votes_for, vote_base(count, rules), rules.bp)


def problems(motion: Motion, count: Count) -> list[str]:
    """What is wrong with a motion's numbers, in Chinese (empty when nothing is)."""
    out = []
    name = motion.title.strip() or "表决事项"
    if not motion.title.strip():
        out.append("表决事项须写明表决的内容。")
    if min(motion.votes_for, motion.votes_against, motion.votes_abstaining) < 0:
        out.append(f"“{name}”的票数不能是负数。")
    elif motion.votes_cast > count.voting_expected:
        out.append(f"“{name}”共 {motion.votes_cast} 票，超过了应到会有表决权的 {count.voting_expected} 人。")
    return out
