"""The per-member checks as they were before they counted members per organisation in SQL (talk.none,
study.behind / study.unfinished, study.leader_training): the oracles their equality tests compare with."""

from __future__ import annotations

from datetime import date, timedelta

from partydesk.core.checks.findings import Finding, Severity, Target
from partydesk.core.checks.talks import earlier_talks
from partydesk.core.domain.meetings import month_end
from partydesk.core.domain.study import format_tenths
from partydesk.core.domain.talks import RULE_KEY, SOON_DAYS
from partydesk.core.services import study_track, talks
from partydesk.core.services.rules import rule_values
from partydesk.core.storage import study_repo
from partydesk.core.storage.database import Database


def talk_none(db: Database, today: date) -> list[Finding]:
    """Every member due a talk, one finding each (``talks.talks_due``, the full replay of the roll)."""
    months = talks.talk_months(db)
    earlier = earlier_talks(db, today)  # an office new to the program: where earlier talks are entered
    out = []
    for due in talks.talks_due(db, today):
        if due.due is not None and due.due > today + timedelta(days=SOON_DAYS):
            continue
        overdue = due.due is None or due.due < today
        last = f"上次 {due.last_talk:%Y-%m-%d}" if due.last_talk is not None else "尚无谈话记录"
        if due.due is None:
            message = f"{due.name}尚无谈心谈话记录"
        elif overdue and due.last_talk is None:
            message = f"{due.name}尚无谈心谈话记录（应于 {due.due:%Y-%m-%d} 前开展）"
        elif overdue:
            message = f"{due.name}已超过{months}个月未开展谈心谈话（{last}）"
        else:
            message = f"{due.name}应于 {due.due:%Y-%m-%d} 前开展谈心谈话（{last}）"
        message += earlier if due.last_talk is None else ""
        out.append(Finding("talk.none", Severity.OVERDUE if overdue else Severity.WARNING, due.member_id, message,
                           due.due, RULE_KEY, Target("talk_with", due.member_id)))
    return out


def study_behind(db: Database, today: date) -> list[Finding]:
    """Members under the share after the checkpoint; last year's shortfalls in January (``study_track.rows``)."""
    rules = rule_values(db)
    threshold = rules.get("study.behind.bp", 7500)
    out = []
    if today >= month_end(today.year, rules.get("study.behind.month", 9)):
        for row in study_track.rows(db, today.year, as_of=today, below_bp=threshold):
            if row.required:
                out.append(Finding(
                    "study.behind", Severity.WARNING, f"{row.member_id}|{today.year}",
                    f"{row.name} {today.year}年已完成学时 {format_tenths(row.credited)}，不足应完成 "
                    f"{format_tenths(row.required)} 的 {threshold / 100:g}%", date(today.year, 12, 31),
                    "study.behind.bp",
                    Target("ledger", f"{row.member_id}|{today.year}")))
    if today.month == 1:
        last = today.year - 1
        for row in study_track.rows(db, last, as_of=date(last, 12, 31), below_bp=10_000):
            if not row.done:
                out.append(Finding(
                    "study.unfinished", Severity.OVERDUE, f"{row.member_id}|{last}",
                    f"{row.name} {last}年学时未完成：{format_tenths(row.credited)} / {format_tenths(row.required)}",
                    date(last, 12, 31), "study.member.hours", Target("ledger", f"{row.member_id}|{last}")))
    return out


def leader_training(db: Database, today: date) -> list[Finding]:
    """Committee members without a 培训班 this year, after the checkpoint (``study_track.rows``)."""
    rules = rule_values(db)
    if today < month_end(today.year, rules.get("study.behind.month", 9)):
        return []
    with db.read() as session:
        trained = study_repo.members_with_form(session, today.year, "class")
    return [Finding("study.leader_training", Severity.WARNING, f"{row.member_id}|{today.year}",
                    f"{row.name}{today.year}年尚未参加集中培训（培训班）", date(today.year, 12, 31),
                    "study.leader.hours", Target("ledger", f"{row.member_id}|{today.year}"))
            for row in study_track.rows(db, today.year, as_of=today, leaders_only=True)
            if row.leader and row.days_on_roll and row.member_id not in trained]
