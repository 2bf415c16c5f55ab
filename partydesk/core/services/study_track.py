"""The workbench's 学时达标 figure: how many members are on track for their study hours, from aggregates.

The answer is the study ledger's (``study_reports.ledger``: a member is on track who is not behind the
pro-rata hours owed by the day, and the ledger counts every member on the roll some day of the year or
credited in it), computed without reading every member:

* most members are on the roll the whole year (admitted before it, no event that moves the roll): their
  quota is the role's full one, so what they owe by the day is one of two numbers. One grouped query
  counts every live member by that plain rule (``todo_repo.study_on_track_counts``);
* the rest (admitted this year, transferred, suspended, dead …) are few: plain scans of the events find
  them (``todo_repo.study_other_members``, read once per check run), they are taken back out of that count
  and judged by the ledger's own rule (``study_quota.quota_of`` / ``expected_on``).
"""

from __future__ import annotations

from datetime import date

from partydesk.core.checks import memo
from partydesk.core.domain.meetings import COMMITTEE_POSTS
from partydesk.core.domain.study import days_in_year
from partydesk.core.domain.study_quota import LEADER_RULE, MEMBER_RULE, expected_on, quota_of
from partydesk.core.services.rules import rule_values
from partydesk.core.services.study_reports import LedgerRow
from partydesk.core.storage import todo_repo, workbench_repo
from partydesk.core.storage.database import Database


def owed_by(full_tenths: int, day: date) -> int:
    """Tenths a member on the roll all year owes by ``day``: the full quota pro rata to the days so far
    (rounded half up, as ``Quota.expected_by``)."""
    whole = days_in_year(day.year)
    elapsed = (day - date(day.year, 1, 1)).days + 1
    return (2 * full_tenths * elapsed + whole) // (2 * whole)


def on_track(db: Database, year: int, *, as_of: date, org_id: str | None = None) -> tuple[int, int]:
    """(members on track for their study hours, members counted) in ``year`` as of ``as_of``."""
    day = min(as_of, date(year, 12, 31))
    rules = rule_values(db)
    member_full = rules.get(MEMBER_RULE, 32) * 10
    leader_full = rules.get(LEADER_RULE, 56) * 10
    plain = day.year == year
    with db.read() as session:
        owes = {False: owed_by(member_full, day) if plain else 0, True: owed_by(leader_full, day) if plain else 0}
        good, counted = todo_repo.study_on_track_counts(session, year, leader_posts=sorted(COMMITTEE_POSTS),
                                                        member_owes=owes[False], leader_owes=owes[True],
                                                        org_id=org_id)
        others = memo.shared(("study_others", id(db), year),
                               lambda: todo_repo.study_other_members(session, year))
        if org_id is not None:
            orgs = workbench_repo.org_of(session, [m.id for m in others])
            others = [m for m in others if orgs.get(m.id) == org_id]
        credited = workbench_repo.study_credited(session, year, [m.id for m in others])
    for member in others:
        got = credited.get(member.id, 0)
        counted -= 1  # counted above by the plain rule: judged by the ledger's rule instead
        good -= got >= owes[member.party_post in COMMITTEE_POSTS]
        quota, spans = quota_of(member, year, rules)
        if quota.days_on_roll == 0 and got == 0:
            continue  # not on the roll this year and nothing credited: the ledger leaves the member out
        counted += 1
        if got >= (expected_on(quota, spans, day) if plain else 0):
            good += 1
    return good, counted


def rows(db: Database, year: int, *, as_of: date, below_bp: int | None = None,
         leaders_only: bool = False) -> list[LedgerRow]:
    """The ledger's rows (``study_reports.ledger``) of the members whose credit is under ``below_bp`` basis
    points of their required hours (all when None), or of the 支委会 members only: what the study checks
    name, without judging every member one by one."""
    day = min(as_of, date(year, 12, 31))
    rules = rule_values(db)
    full = {False: rules.get(MEMBER_RULE, 32) * 10, True: rules.get(LEADER_RULE, 56) * 10}
    plain = day.year == year
    with db.read() as session:
        simple = workbench_repo.study_simple_rows(
            session, year, leader_posts=sorted(COMMITTEE_POSTS), member_full=full[False], leader_full=full[True],
            below_bp=below_bp, leaders_only=leaders_only)
        others = workbench_repo.study_other_members(session, year)
        credited = workbench_repo.study_credited(session, year, [m.id for m in others])
        orgs = workbench_repo.org_of(session, [m.id for m in others])
    whole = days_in_year(year)
    out = [LedgerRow(m, name, group, leader, whole, full[leader], owed_by(full[leader], day) if plain else 0, got,
                     org)
           for m, name, group, leader, got, org in simple]
    for member in others:
        quota, spans = quota_of(member, year, rules)
        got = credited.get(member.id, 0)
        if quota.days_on_roll == 0 and got == 0:
            continue
        if leaders_only and not quota.leader:
            continue
        if below_bp is not None and not got * 10_000 < quota.required_tenths * below_bp:
            continue
        out.append(LedgerRow(member.id, member.name, member.party_group, quota.leader, quota.days_on_roll,
                             quota.required_tenths, expected_on(quota, spans, day) if plain else 0, got,
                             orgs.get(member.id, "")))
    return out
