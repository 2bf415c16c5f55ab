"""Migrant members with no report this year (流动党员未汇报): DOMAIN.md §2.7.

A 流动党员 reports to the branch that sent the member at least once a year (and whenever the place or
contact changes). The branch records each report as a member event 流动党员汇报 (记录变动), dated the
day it was made; the note says how and what.

``roster.migrant_no_report`` names each migrant on the roll (党籍 正常) with no report dated this year:

* a member who left this year reported before leaving (外出流动 dated this year): nothing is owed yet;
* until ``CHECKPOINT`` (30 September) the finding is a note (提示); from 1 October, a quarter before
  the year's end, it asks for action (注意); due on 31 December;
* in January, last year's missing reports stay listed as overdue (逾期), due the last 31 December.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from partydesk.core.checks import grouping
from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.domain.membership import JY
from partydesk.core.storage import workbench_repo
from partydesk.core.storage.database import Database

CODE = "roster.migrant_no_report"
CHECKPOINT = (9, 30)  # after this day of the year a missing report is a warning, not a note
RULE = f"{JY}：流动党员每年至少向流出地党组织汇报一次"


def _owes(away_since: date | None, reports: tuple[date, ...], year: int, day: date) -> bool:
    """True when a migrant away since ``away_since`` has no report dated in ``year`` up to ``day``."""
    if away_since is not None and away_since.year >= year:
        return False  # left during the year (the departure report counts), or later
    return not any(r.year == year and r <= day for r in reports)


@check(CODE)
def migrant_no_report(db: Database, today: date) -> Iterator[Finding]:
    """Migrants on the roll without a 流动党员汇报 this year (and, in January, last year); more than
    ``grouping.NAMED_AT_MOST`` in one organisation: one summary."""
    orgs: dict[str, str] = {}
    found = list(_each(db, today, orgs))
    yield from grouping.regroup(db, CODE, found, rule=RULE, text=lambda g: f"{g.count} 名流动党员未按期向支部汇报",
                                orgs=orgs)


def _each(db: Database, today: date, orgs: dict[str, str] | None = None) -> Iterator[Finding]:
    """The findings one by one; ``orgs`` (when given) gets each named member's organisation."""
    with db.read() as session:
        rows = workbench_repo.migrant_reports(session)
    for member_id, name, since, reports, org in rows:
        last_year = today.year - 1
        if today.month == 1 and _owes(since, reports, last_year, date(last_year, 12, 31)):
            found = Finding(CODE, Severity.OVERDUE, f"{member_id}|{last_year}",
                            f"流动党员{name}{last_year}年未向支部汇报", date(last_year, 12, 31), RULE,
                            Target("member", member_id))
        elif _owes(since, reports, today.year, today):
            late = today > date(today.year, *CHECKPOINT)
            found = Finding(CODE, Severity.WARNING if late else Severity.INFO, f"{member_id}|{today.year}",
                            f"流动党员{name}今年尚未向支部汇报", date(today.year, 12, 31), RULE,
                            Target("member", member_id))
        else:
            continue
        if orgs is not None:
            orgs[member_id] = org
        yield found


grouping.regroup_lister(CODE, lambda db, today: list(_each(db, today)))
