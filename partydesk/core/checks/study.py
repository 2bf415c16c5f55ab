"""Study checks: members behind their yearly 学时 (学时偏少, 未完成年度学时) and certifications expiring.

From the end of the month set by ``study.behind.month`` (default September, the end of the third quarter)
a member whose credited hours are under ``study.behind.bp`` of the year's requirement (default 75 %) is
named, as a note to the secretary, never a ranking; so is a committee member without a centralised
training (培训班) that year. In January the past year's shortfalls are listed too. Certifications
expiring within ``study.cert_expiry.days`` are a warning, expired ones overdue unless the member holds a
newer one of the same name.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.domain.meetings import month_end
from partydesk.core.domain.study import format_tenths
from partydesk.core.services import study_track
from partydesk.core.services.rules import rule_values
from partydesk.core.storage import study_repo
from partydesk.core.storage.database import Database


@check("study.behind")
def behind_quota(db: Database, today: date) -> Iterator[Finding]:
    """Members under the threshold share of the year's hours after the checkpoint month; last year's
    shortfalls while it is January."""
    rules = rule_values(db)
    checkpoint = month_end(today.year, rules.get("study.behind.month", 9))
    threshold = rules.get("study.behind.bp", 7500)
    if today >= checkpoint:
        for row in study_track.rows(db, today.year, as_of=today, below_bp=threshold):
            if row.required:
                yield Finding(
                    code="study.behind", severity=Severity.WARNING, subject=f"{row.member_id}|{today.year}",
                    message=f"{row.name}{today.year}年已完成学时 {format_tenths(row.credited)}，"
                            f"应完成 {format_tenths(row.required)}",
                    due=date(today.year, 12, 31), rule="study.behind.bp", target=Target("member", row.member_id))
    if today.month == 1:
        last = today.year - 1
        for row in study_track.rows(db, last, as_of=date(last, 12, 31), below_bp=10_000):
            if not row.done:
                yield Finding(
                    code="study.unfinished", severity=Severity.OVERDUE, subject=f"{row.member_id}|{last}",
                    message=f"{row.name}{last}年学时未完成：{format_tenths(row.credited)} / "
                            f"{format_tenths(row.required)}",
                    due=date(last, 12, 31), rule="study.member.hours", target=Target("member", row.member_id))


@check("study.leader_training")
def leaders_without_training(db: Database, today: date) -> Iterator[Finding]:
    """After the checkpoint month, 支部书记 and 委员 with no centralised training (培训班) this year: the
    national plan asks for at least one a year within their 56 学时."""
    rules = rule_values(db)
    if today < month_end(today.year, rules.get("study.behind.month", 9)):
        return
    with db.read() as session:
        trained = study_repo.members_with_form(session, today.year, "class")
    for row in study_track.rows(db, today.year, as_of=today, leaders_only=True):
        if row.leader and row.days_on_roll and row.member_id not in trained:
            yield Finding(
                code="study.leader_training", severity=Severity.WARNING, subject=f"{row.member_id}|{today.year}",
                message=f"{row.name}{today.year}年尚未参加集中培训（培训班）", due=date(today.year, 12, 31),
                rule="study.leader.hours", target=Target("member", row.member_id))


@check("study.cert_expiry")
def certifications_expiring(db: Database, today: date) -> Iterator[Finding]:
    """Certifications that expire within the notice days, or have expired without a newer one."""
    notice = rule_values(db).get("study.cert_expiry.days", 60)
    with db.read() as session:
        every = study_repo.certifications(session)
    latest: dict[tuple[str, str], date] = {}
    for _id, _name, c in every:
        key = (c.member_id, c.name)
        if c.expires_on is None:
            latest[key] = date.max
        elif c.expires_on > latest.get(key, date.min):
            latest[key] = c.expires_on
    horizon = today + timedelta(days=notice)
    for cert_id, name, c in every:
        if c.expires_on is None or c.expires_on > horizon or latest[(c.member_id, c.name)] > c.expires_on:
            continue
        expired = c.expires_on < today
        yield Finding(
            code="study.cert_expired" if expired else "study.cert_expiring",
            severity=Severity.OVERDUE if expired else Severity.WARNING, subject=cert_id,
            message=f"{name}的“{c.name}”{'已于' if expired else '将于'}{c.expires_on:%Y-%m-%d}到期",
            due=c.expires_on, rule="study.cert_expiry.days", target=Target("member", c.member_id))
