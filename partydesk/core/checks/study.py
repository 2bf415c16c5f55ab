"""Study checks: members behind their yearly 学时 (学时偏少, 未完成年度学时) and certifications expiring.

From the end of the month set by ``study.behind.month`` (default September, the end of the third quarter)
a member whose credited hours are under ``study.behind.bp`` of the year's requirement (default 75 %) is
named, as a note to the secretary, never a ranking; so is a committee member without a centralised
training (培训班) that year. In January the past year's shortfalls are listed too. Certifications
expiring within ``study.cert_expiry.days`` are a warning, expired ones overdue unless the member holds a
newer one of the same name.

A member's to-do about hours or training opens the member's line of the year's 学时台账 (``Target("ledger")``),
where the hours are seen and recorded, not the member's record; a certificate coming due opens its line of
技能证书 (``Target("cert")``), where the renewed one is recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from partydesk.core.checks import grouping, memo
from partydesk.core.checks.began import enter_earlier, recent_start
from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.domain.meetings import COMMITTEE_POSTS, month_end
from partydesk.core.domain.study import days_in_year, format_tenths
from partydesk.core.domain.study_quota import LEADER_RULE, MEMBER_RULE, expected_on, quota_of
from partydesk.core.services import study_track
from partydesk.core.services.rules import rule_values
from partydesk.core.services.study_reports import LedgerRow
from partydesk.core.storage import settings_repo, study_repo, todo_repo, workbench_repo
from partydesk.core.storage.database import Database


def _others(db: Database, year: int, day: date, below_bp: int) -> tuple[list[LedgerRow], dict[str, int]]:
    """The members outside the plain case (``study_track``): (those credited under ``below_bp`` basis points
    of their required hours by the ledger's rule, per organisation how many of them the plain rule — full
    quota of the role — puts under it, which ``todo_repo.study_below_counts`` counted)."""
    rules = rule_values(db)
    full = {False: rules.get(MEMBER_RULE, 32) * 10, True: rules.get(LEADER_RULE, 56) * 10}
    with db.read() as session:
        others = memo.shared(("study_others", id(db), year),
                               lambda: todo_repo.study_other_members(session, year))
        credited = workbench_repo.study_credited(session, year, [m.id for m in others])
        orgs = workbench_repo.org_of(session, [m.id for m in others])
    out = []
    plain_below: dict[str, int] = {}
    for member in others:
        got = credited.get(member.id, 0)
        if got * 10_000 < full[member.party_post in COMMITTEE_POSTS] * below_bp:
            org = orgs.get(member.id, "")
            plain_below[org] = plain_below.get(org, 0) + 1
        quota, spans = quota_of(member, year, rules)
        if quota.days_on_roll == 0 and got == 0:
            continue
        if got * 10_000 < quota.required_tenths * below_bp:
            out.append(LedgerRow(member.id, member.name, member.party_group, quota.leader, quota.days_on_roll,
                                 quota.required_tenths, expected_on(quota, spans, day) if day.year == year else 0,
                                 got, orgs.get(member.id, "")))
    return out, plain_below


def _below(db: Database, year: int, day: date, below_bp: int, org_ids: list[str],
           others: list[LedgerRow]) -> list[LedgerRow]:
    """The ledger rows (``study_track.rows``) under ``below_bp`` of the organisations ``org_ids``."""
    rules = rule_values(db)
    full = {False: rules.get(MEMBER_RULE, 32) * 10, True: rules.get(LEADER_RULE, 56) * 10}
    with db.read() as session:
        simple = todo_repo.study_below_rows(session, year, leader_posts=sorted(COMMITTEE_POSTS),
                                            member_full=full[False], leader_full=full[True], below_bp=below_bp,
                                            org_ids=org_ids)
    plain = day.year == year
    out = [LedgerRow(m, name, group, leader, days_in_year(year), full[leader],
                     study_track.owed_by(full[leader], day) if plain else 0, got, org)
           for m, name, group, leader, got, org in simple]
    return [r for r in out + [o for o in others if o.org_id in org_ids] if r.required]


def _groups(db: Database, year: int, below_bp: int, others: tuple[list[LedgerRow], dict[str, int]], *,
            severity: Severity) -> dict[str, grouping.Group]:
    """Per organisation: the members under ``below_bp``: every live member counted in SQL by the plain
    rule, less the others the plain rule counted, plus the others the ledger's rule finds under it."""
    rules = rule_values(db)
    with db.read() as session:
        counts = todo_repo.study_below_counts(session, year, leader_posts=sorted(COMMITTEE_POSTS),
                                              member_full=rules.get(MEMBER_RULE, 32) * 10,
                                              leader_full=rules.get(LEADER_RULE, 56) * 10, below_bp=below_bp)
    due = date(year, 12, 31)
    groups: dict[str, grouping.Group] = {}
    rows, plain_below = others
    for org, n in counts.items():
        grouping.add(groups, org, n - plain_below.get(org, 0), severity, due)
    for row in rows:
        if row.required:
            grouping.add(groups, row.org_id, 1, severity, due)
    return groups


def _rows(db: Database, year: int, day: date, below_bp: int, severity: Severity
          ) -> tuple[list[LedgerRow], dict[str, grouping.Group]]:
    """(the rows named one by one, the groups per organisation) of the members under ``below_bp``."""
    others = _others(db, year, day, below_bp)
    groups = _groups(db, year, below_bp, others, severity=severity)
    small = grouping.named(groups)
    return (_below(db, year, day, below_bp, small, others[0]) if small else []), groups


def _behind(row: LedgerRow, year: int, threshold: int, earlier: str = "") -> Finding:
    # The share is said: the study ledger's 进度偏慢 (behind the pace of the year so far) lists more members,
    # and the to-do names only those under this share of the whole year's hours.
    return Finding(code="study.behind", severity=Severity.WARNING, subject=f"{row.member_id}|{year}",
                   message=f"{row.name} {year}年已完成学时 {format_tenths(row.credited)}，"
                           f"不足应完成 {format_tenths(row.required)} 的 {threshold / 100:g}%{earlier}",
                   due=date(year, 12, 31), rule="study.behind.bp",
                   target=Target("ledger", f"{row.member_id}|{year}"))


def _unfinished(row: LedgerRow, year: int) -> Finding:
    return Finding(code="study.unfinished", severity=Severity.OVERDUE, subject=f"{row.member_id}|{year}",
                   message=f"{row.name} {year}年学时未完成：{format_tenths(row.credited)} / "
                           f"{format_tenths(row.required)}",
                   due=date(year, 12, 31), rule="study.member.hours",
                   target=Target("ledger", f"{row.member_id}|{year}"))


@check("study.behind")
def behind_quota(db: Database, today: date) -> Iterator[Finding]:
    """Members under the threshold share of the year's hours after the checkpoint month; last year's
    shortfalls while it is January. More than ``grouping.NAMED_AT_MOST`` in one organisation: one summary."""
    rules = rule_values(db)
    checkpoint = month_end(today.year, rules.get("study.behind.month", 9))
    threshold = rules.get("study.behind.bp", 7500)
    if today >= checkpoint:
        began = recent_start(db, today)
        earlier = enter_earlier(began if began is not None and began.year == today.year else None, "学时",
                                "“学习”页的“学时台账”")  # an office new this year: its earlier hours are not here yet
        rows, groups = _rows(db, today.year, today, threshold, Severity.WARNING)
        yield from (_behind(r, today.year, threshold, earlier) for r in rows)
        yield from grouping.summaries(
            db, "study.behind", groups, rule="study.behind.bp",
            text=lambda g: f"{g.count} 名党员{today.year}年已完成学时不足应完成的 {threshold / 100:g}%{earlier}")
    if today.month == 1:
        last = today.year - 1
        rows, groups = _rows(db, last, date(last, 12, 31), 10_000, Severity.OVERDUE)
        yield from (_unfinished(r, last) for r in rows)
        yield from grouping.summaries(db, "study.unfinished", groups, rule="study.member.hours",
                                      text=lambda g: f"{g.count} 名党员{last}年学时未完成")


@grouping.lister("study.behind")
def behind_in(db: Database, today: date, org_id: str) -> list[str]:
    """The members of ``org_id`` behind a study.behind summary."""
    threshold = rule_values(db).get("study.behind.bp", 7500)
    others, _plain = _others(db, today.year, today, threshold)
    return [r.member_id for r in _below(db, today.year, today, threshold, [org_id], others)]


@grouping.lister("study.unfinished")
def unfinished_in(db: Database, today: date, org_id: str) -> list[str]:
    """The members of ``org_id`` behind a study.unfinished summary (last year's shortfalls)."""
    last = today.year - 1
    others, _plain = _others(db, last, date(last, 12, 31), 10_000)
    return [r.member_id for r in _below(db, last, date(last, 12, 31), 10_000, [org_id], others)]


def _untrained(db: Database, year: int) -> list[tuple[str, str, str]]:
    """(member id, name, org id) of the 支委会 members on the roll in ``year`` with no 培训班 in it: the
    plain-case leaders (every live one less those outside the plain case), and the others judged by the
    ledger's rule (leaders are few)."""
    rules = rule_values(db)
    with db.read() as session:
        trained = study_repo.members_with_form(session, year, "class")
        leaders = todo_repo.live_with_posts(session, sorted(COMMITTEE_POSTS))
        others = memo.shared(("study_others", id(db), year),
                               lambda: todo_repo.study_other_members(session, year))
        orgs = workbench_repo.org_of(session, [m.id for m in others])
    judged = {m.id for m in others}  # the plain-case leaders are the live ones less these
    out = [(m, name, org) for m, name, org in leaders if m not in judged and m not in trained]
    for member in others:
        if member.party_post not in COMMITTEE_POSTS or member.id in trained:
            continue  # not a leader (``quota_of`` would say so too), or trained
        quota, _spans = quota_of(member, year, rules)
        if quota.leader and quota.days_on_roll:
            out.append((member.id, member.name, orgs.get(member.id, "")))
    return out


@check("study.leader_training")
def leaders_without_training(db: Database, today: date) -> Iterator[Finding]:
    """After the checkpoint month, 支部书记 and 委员 with no centralised training (培训班) this year: the
    national plan asks for at least one a year within their 56 学时. More than ``grouping.NAMED_AT_MOST``
    in one organisation (a committee file): one summary. Not of an organisation whose file began its records
    after the checkpoint (a branch that started in December: its year's training was never recorded here)."""
    rules = rule_values(db)
    checkpoint = month_end(today.year, rules.get("study.behind.month", 9))
    if today < checkpoint:
        return
    year, due = today.year, date(today.year, 12, 31)
    with db.read() as session:
        starts = settings_repo.counting_starts(session)
    late = {org for org, (_term, began) in starts.items() if began is not None and began > checkpoint}
    untrained = [u for u in _untrained(db, year) if u[2] not in late]
    groups: dict[str, grouping.Group] = {}
    for _m, _name, org in untrained:
        grouping.add(groups, org, 1, Severity.WARNING, due)
    small = set(grouping.named(groups))
    for member_id, name, org in untrained:
        if org in small:
            yield Finding(
                code="study.leader_training", severity=Severity.WARNING, subject=f"{member_id}|{year}",
                message=f"{name}{year}年尚未参加集中培训（培训班）", due=due, rule="study.leader.hours",
                target=Target("ledger", f"{member_id}|{year}"))
    yield from grouping.summaries(db, "study.leader_training", groups, rule="study.leader.hours",
                                  text=lambda g: f"{g.count} 名支委会成员{year}年尚未参加集中培训（培训班）")


@grouping.lister("study.leader_training")
def untrained_in(db: Database, today: date, org_id: str) -> list[str]:
    """The committee members of ``org_id`` behind a study.leader_training summary."""
    return [m for m, _name, org in _untrained(db, today.year) if org == org_id]


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
            due=c.expires_on, rule="study.cert_expiry.days", target=Target("cert", f"{c.member_id}|{cert_id}"))
