"""What to do about a to-do whose words only say what is wrong: shown under the board with the chosen to-do.

Most findings say what to do in their own words ("…请在2026年12月31日前召开", "…应作出停止党籍的决定"). These
codes' messages name the problem only ("2026年11月未召开支部委员会会议", "冯桂磊尚无谈心谈话记录"), and a secretary
new to the work is left to guess whether to hold the meeting late or enter one already held. One line each, in the
office's words; opening the to-do (Enter) goes where it is done.
"""

from __future__ import annotations

ADVICE: dict[str, str] = {
    "meeting.signer_away": "请打开会议记录核对：出席情况记错的，改为出席；主持人、记录人或授课人写错的，改为实际的人。",
    "meeting.missing": "已经召开的，请补录会议记录；确实没有召开的，请尽快补开，并在会议记录中说明情况。",
    "meeting.absent_in_a_row": "请与其谈心谈话，了解缺席原因并记录。没有正当理由，连续6个月不参加党的组织生活的，"
                               "按党章第九条认为是自行脱党，支部党员大会应当决定除名，并报上级党组织批准。",
    "talk.none": "请安排与其谈心谈话，谈后记录谈话的时间、对象和主题。",
    "talk.committee": "请安排这些支委两两相互谈心谈话，谈后逐次记录。",
    "study.behind": "请督促其参加集中学习或网络培训；已经参加而没有登记的，请补登学时。",
    "study.unfinished": "请督促其补足学时；已经参加而没有登记的，请补登学时。",
    "roster.missing_field": "打开后列出这些党员，请逐个补填。",
    # (Its own words, printed in the year's report too, say what to do; where it is done is said here.)
    "member.probation_overdue": "支部党员大会作出决定后，在其党员页面的“记录变动”中记录转正、延长预备期或取消资格。",
    "member.lost_seen": "恢复联系在其党员页面的“记录变动”中记录；误记的，打开相应的会议、谈话或学习记录改正。",
}


def advice(code: str) -> str:
    """The line of what to do about a to-do of ``code`` ('' when its own words say it)."""
    return ADVICE.get(code, "")
