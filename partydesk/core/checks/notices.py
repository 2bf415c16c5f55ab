"""A notice from above that asks for something by a deadline: unread (通知未读), a to-do until opened; read, a
to-do of its deadline (通知办理) until the office marks the notice 已办理 (which its next package reports up),
sets the to-do aside (忽略), or a month after the deadline.
At the committee that wrote it, a notice whose deadline has passed while branches it went to have not yet
reported it done (通知催办): which branches, and how far each got, for a month after the deadline.
A notice its office withdrew asks nothing any more."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.domain.notices import NoticeRow
from partydesk.core.services.branches import branches as file_branches
from partydesk.core.services.branches import registered_short_names
from partydesk.core.services.notices import branches as notice_branches
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


@check("notice.branches_pending")
def branches_yet_to_report_done(db: Database, today: date) -> Iterator[Finding]:
    """Every notice of ours, still in force, whose deadline has passed (within ``STALE_DAYS``) while some
    branches it went to have not reported it 已办理: overdue, naming them, each with how far it got. What a
    branch reports arrives with its next package, so the line says "not yet reported", not "not done"."""
    rows = [n for n in list_notices(db) if not n.received and not n.withdrawn and n.targets
            and n.data.deadline is not None and -STALE_DAYS <= (n.data.deadline - today).days < 0]
    if not rows:
        return
    held = file_branches(db)
    names = registered_short_names(held, notice_branches(db))  # as the board's other lines
    org_of = {b.code: b.org_id for b in held.items}  # a branch chosen on the workbench lists it too
    for notice in rows:
        pending = _pending(notice, names)
        if not pending:
            continue
        deadline = notice.data.deadline
        assert deadline is not None
        yield Finding(
            code="notice.branches_pending", severity=Severity.OVERDUE, subject=notice.id,
            message=f"通知《{notice.data.title}》已过办理期限（{deadline:%Y-%m-%d}），"
                    f"尚有 {len(pending)} 个支部未报告已办理：{_listed([text for _code, text in pending])}",
            due=deadline, rule="通知", target=Target("notice", notice.id),
            orgs=tuple(org_of[code] for code, _text in pending if code in org_of))


NAMED_AT_MOST = 5  # branches named in one to-do line; the notice itself lists every one


def _listed(names: list[str]) -> str:
    if len(names) <= NAMED_AT_MOST:
        return "、".join(names)
    return "、".join(names[:NAMED_AT_MOST]) + "等（详见通知）"


def _pending(notice: NoticeRow, names: dict[str, str]) -> list[tuple[str, str]]:
    """The branches of ``notice`` that have not reported it done, (code, name with how far it got there:
    read, delivered but unread, or not yet confirmed delivered)."""
    count = len(notice.targets)
    reads = notice.read_by_target or (None,) * count
    done = notice.done_by_target or (None,) * count
    delivery = notice.delivery or ("waiting",) * count
    out = []
    for code, read, finished, state in zip(notice.targets, reads, done, delivery, strict=True):
        if finished is not None:
            continue
        how = "已读" if read is not None else "未读" if state == "received" else "尚未确认送达"
        out.append((code, f"{names.get(code) or code}（{how}）"))
    return out
