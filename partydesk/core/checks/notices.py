"""A notice from above that asks for something by a deadline: unread (通知未读), a to-do until opened; read, a
to-do of its deadline (通知办理) until the office marks the notice 已办理 (which its next package reports up),
sets the to-do aside (忽略), or a month after the deadline.
A notice its office withdrew asks nothing any more."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.services.notices import list_notices
from partydesk.core.storage.database import Database

SOON_DAYS = 31  # a deadline within a month says 注意 rather than 提示, as a meeting due within the month does
_DONE_HINT = "（办完后在通知中点“标为已办理…”）"  # the to-do goes, and the committee is told
STALE_DAYS = 30  # a read notice's deadline stays on the board this long after it passed, then goes by itself


@check("notice.unread")
def unread_notices_with_deadline(db: Database, today: date) -> Iterator[Finding]:
    """Every received, unread notice with a deadline; overdue once the deadline has passed."""
    for notice in list_notices(db):
        deadline = notice.data.deadline
        if not notice.unread or deadline is None:
            continue
        days = (deadline - today).days
        severity = (Severity.OVERDUE if days < 0 else Severity.WARNING if days <= SOON_DAYS else Severity.INFO)
        yield Finding(
            code="notice.unread", severity=severity, subject=notice.id,
            message=f"上级通知《{notice.data.title}》尚未阅读，须于 {deadline:%Y-%m-%d} 前办理{_DONE_HINT}",
            due=deadline, rule="通知", target=Target("notice", notice.id))


@check("notice.deadline")
def read_notices_with_deadline(db: Database, today: date) -> Iterator[Finding]:
    """Every received notice already read whose deadline is set: its deadline stays on the board (opening a
    notice is not doing what it asks), overdue once passed, until the office sets the to-do aside or
    ``STALE_DAYS`` have gone by since the deadline."""
    for notice in list_notices(db):
        deadline = notice.data.deadline
        if not notice.received or notice.read_at is None or notice.withdrawn or deadline is None \
                or notice.done_at is not None:  # marked 已办理: done
            continue
        days = (deadline - today).days
        if days < -STALE_DAYS:  # long past: the committee follows it up, a board of old red lines helps nobody
            continue
        severity = (Severity.OVERDUE if days < 0 else Severity.WARNING if days <= SOON_DAYS else Severity.INFO)
        yield Finding(
            code="notice.deadline", severity=severity, subject=notice.id,
            message=f"上级通知《{notice.data.title}》要求于 {deadline:%Y-%m-%d} 前办理{_DONE_HINT}",
            due=deadline, rule="通知", target=Target("notice", notice.id))
