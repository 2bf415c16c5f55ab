"""The workbench's 学时达标 figure (members on track for their study hours) at a committee's scale.

``study_track.on_track`` gives the answer: the plain-case members counted in one grouped query, the rest
judged one by one by the ledger's rule. Telling the plain case apart in SQL (subqueries over every event)
cost half a second at 100 000 members; here every live member is counted by the plain rule in one query,
the few outside it are found by plain scans of the events (``todo_repo.study_other_members``), taken
back out of that count and judged by the ledger's rule. The answer is the same (a test compares the two).
"""

from __future__ import annotations

from datetime import date

from partydesk.core.checks import memo
from partydesk.core.domain.meetings import COMMITTEE_POSTS
from partydesk.core.domain.study_quota import LEADER_RULE, MEMBER_RULE, expected_on, quota_of
from partydesk.core.services.rules import rule_values
from partydesk.core.services.study_track import owed_by
from partydesk.core.storage import todo_repo, workbench_repo
from partydesk.core.storage.database import Database


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
