"""Talk checks (谈心谈话): a member on the roll not talked with within the rule's interval, a follow-up
left open past its date, and two committee members (支委) who have not talked with each other in it.

A member's next talk is due ``meeting.heart_talk.months`` after the last one (or after coming onto the
roll): past that day the finding is 逾期, within ``SOON_DAYS`` before it 注意. A follow-up is 注意 on its
own day and 逾期 from the day after. A committee pair is 注意: the committee is taken as it stands today.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.domain.talks import RULE_KEY, SOON_DAYS
from partydesk.core.services import talks
from partydesk.core.storage.database import Database


@check("talk.none")
def members_due_a_talk(db: Database, today: date) -> Iterator[Finding]:
    """Members on the roll whose next talk is past due (逾期) or due within ``SOON_DAYS`` (注意)."""
    months = talks.talk_months(db)
    for due in talks.talks_due(db, today):
        if due.due is not None and due.due > today + timedelta(days=SOON_DAYS):
            continue
        overdue = due.due is None or due.due < today
        last = f"上次 {due.last_talk:%Y-%m-%d}" if due.last_talk is not None else "尚无谈话记录"
        if due.due is None:
            message = f"{due.name}尚无谈心谈话记录"
        elif overdue:
            message = f"{due.name}已超过{months}个月未开展谈心谈话（{last}）"
        else:
            message = f"{due.name}应于 {due.due:%Y-%m-%d} 前开展谈心谈话（{last}）"
        yield Finding(
            code="talk.none",
            severity=Severity.OVERDUE if overdue else Severity.WARNING,
            subject=due.member_id,
            message=message,
            due=due.due,
            rule=RULE_KEY,
            target=Target("member", due.member_id),
        )


@check("talk.follow_up")
def follow_ups_open(db: Database, today: date) -> Iterator[Finding]:
    """Follow-ups not done by their date: 注意 on the day itself, 逾期 after it."""
    for record in talks.open_follow_ups(db):
        day = record.data.follow_up_on
        if day is None or day > today:
            continue
        who = "、".join(record.with_names) or "谈话对象"
        yield Finding(
            code="talk.follow_up",
            severity=Severity.OVERDUE if day < today else Severity.WARNING,
            subject=record.id,
            message=f"与{who}谈话（{record.data.held_on:%Y-%m-%d}）的跟进事项未完成：{_short(record.data.follow_up)}",
            due=day,
            rule="谈心谈话跟进",
            target=Target("talk", record.id),
        )


def _short(text: str, limit: int = 30) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


@check("talk.committee")
def committee_pairs(db: Database, today: date) -> Iterator[Finding]:
    """Two committee members who have not talked with each other within the interval (注意)."""
    months = talks.talk_months(db)
    for pair in talks.committee_pairs_due(db, today):
        yield Finding(
            code="talk.committee",
            severity=Severity.WARNING,
            subject=f"{pair.first_id}|{pair.second_id}",
            message=f"支委{pair.first_name}与{pair.second_name}近{months}个月未相互谈心谈话",
            due=None,
            rule=RULE_KEY,
            target=Target("member", pair.first_id),
        )
