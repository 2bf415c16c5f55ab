"""The checks engine (检查引擎): every module's findings in one list, minus those the office set aside.

``open_findings`` runs every registered check (``checks.load_all`` imports the modules) and leaves out
the findings dismissed (忽略) or still snoozed (暂缓) under their ``(code, subject)``. A check that
fails with a bug does not blank the board: it is logged and shown as one finding of its own.

``dismiss``, ``snooze`` and ``restore`` record the office's decision with a reason through
``Database.write`` (so it is audited) and are reversible: a restored finding shows again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date

from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.checks import grouping, load_all, memo
from partydesk.core.checks.findings import CHECKS, Finding, Severity, run_check, urgency_order
from partydesk.core.collector import collector_paused
from partydesk.core.errors import ValidationError
from partydesk.core.storage import finding_repo, todo_repo, workbench_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.finding_repo import DISMISSED, RESTORED, SNOOZED, Dismissal

__all__ = ["Board", "Dismissal", "board", "dismiss", "load_all", "open_findings", "restore", "run_all", "snooze"]

log = logging.getLogger(__name__)
REASON_MAX = 200


@dataclass(frozen=True)
class Board:
    """The findings on one day: those to act on, and those set aside (with the decision)."""

    open: list[Finding]
    set_aside: list[tuple[Finding, Dismissal]]


def _order(found: list[Finding]) -> list[Finding]:
    return sorted(found, key=urgency_order)


def run_all(db: Database, today: date) -> list[Finding]:
    """Every registered check's findings, most urgent first; a check that raises becomes a finding."""
    load_all()
    found: list[Finding] = []
    with collector_paused(), memo.scope():  # reads several checks need are made once per run
        for name in list(CHECKS):
            try:
                found.extend(run_check(name, db, today))
            except Exception:  # one module's bug must not hide every other to-do
                log.exception("check %s failed", name)
                found.append(Finding("check.failed", Severity.WARNING, name,
                                     f"检查项“{name}”未能完成，相关待办可能没有列出，请联系技术支持。", None, name,
                                     housekeeping=True))  # the program's trouble, for its support
    return _order(_named_branches(db, found))


def _named_branches(db: Database, found: list[Finding]) -> list[Finding]:
    """In a file of several organisations (a committee's), a to-do about one member or talk starts with the
    name of the branch it concerns, shortened as offices write it ("第一支部：…" for 第一支部委员会), as the
    summaries and the calendar's do."""
    records = [f.target.record() if f.target is not None else None for f in found]
    ids = {kind: [r[1] for r in records if r is not None and r[0] == kind] for kind in ("member", "talk")}
    if not ids["member"] and not ids["talk"]:
        return found
    with db.read() as session:
        if todo_repo.member_org_count(session) < 2:
            return found
        owner = {"member": workbench_repo.member_orgs(session, ids["member"]),
                 "talk": workbench_repo.talk_orgs(session, ids["talk"])}
    held = grouping.file_branches(db)  # the names as the file's 支部 columns shorten them (``Branches.short_of``)
    out = []
    for f, record in zip(found, records, strict=True):
        org = owner[record[0]].get(record[1]) if record is not None else None
        name = held.short_of(org) if org else ""
        out.append(replace(f, message=f"{name}：{f.message}") if name and not f.message.startswith(name) else f)
    return out


def board(db: Database, today: date) -> Board:
    """The findings of ``today`` split into open ones and ones dismissed or snoozed."""
    found = run_all(db, today)
    with db.read() as session:
        decided = {(d.code, d.subject): d for d in finding_repo.all_set_aside(session)}
    shown: list[Finding] = []
    hidden: list[tuple[Finding, Dismissal]] = []
    for f in found:
        d = decided.get((f.code, f.subject))
        if d is not None and d.hides_on(today):
            hidden.append((f, d))
        else:
            shown.append(f)
    return Board(shown, hidden)


def open_findings(db: Database, today: date) -> list[Finding]:
    """The findings to act on today: all of them minus the dismissed and the still snoozed."""
    return board(db, today).open


def _reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise ValidationError("请填写原因：忽略或暂缓一条待办时要说明为什么。", field="reason", code="required")
    if len(text) > REASON_MAX:
        raise ValidationError(f"原因最多 {REASON_MAX} 个字。", field="reason", code="too_long")
    return text


def _decide(db: Database, actor: Actor, finding: Finding | tuple[str, str], *, state: str, until: date | None,
            reason: str, action: str) -> Changes:
    code, subject = (finding.code, finding.subject) if isinstance(finding, Finding) else finding
    with db.write(actor, action=action) as session:
        finding_repo.set_aside(session, code=code, subject=subject, state=state, until=until, reason=reason,
                               by=actor.user_id)
    return Changes.of(ChangeKind.FINDING, f"{code}|{subject}")


def dismiss(db: Database, actor: Actor, finding: Finding | tuple[str, str], *, reason: str) -> Changes:
    """Hide a finding for good (忽略), with the reason; ``restore`` shows it again."""
    return _decide(db, actor, finding, state=DISMISSED, until=None, reason=_reason(reason), action="finding.dismiss")


def snooze(db: Database, actor: Actor, finding: Finding | tuple[str, str], *, until: date, today: date,
           reason: str) -> Changes:
    """Hide a finding until ``until`` (暂缓), which must be after ``today``; it shows again on that day."""
    if until <= today:
        raise ValidationError(f"暂缓到的日期要晚于今天（{today:%Y-%m-%d}）。", field="until", code="not_future")
    return _decide(db, actor, finding, state=SNOOZED, until=until, reason=_reason(reason), action="finding.snooze")


def restore(db: Database, actor: Actor, finding: Finding | tuple[str, str]) -> Changes:
    """Put a dismissed or snoozed finding back on the board (恢复)."""
    return _decide(db, actor, finding, state=RESTORED, until=None, reason="", action="finding.restore")
