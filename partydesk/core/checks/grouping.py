"""Grouped to-dos (待办汇总): one finding per organisation for a rule many of its members break.

A to-do board does not list 100 000 lines. When more than ``NAMED_AT_MOST`` members of one organisation
share a per-member finding (the same ``code``: 谈心谈话, 学时 …), the check gives one *summary* finding
("第一支部：37 名党员……", or "37 名党员……" in a file of one branch) with the most urgent severity and the
earliest due day of the group; up to ``NAMED_AT_MOST`` members keep their own findings, so a branch still
sees names. Checks count members per organisation in SQL and read members one by one only for the
organisations under the bar.

A summary's subject is ``"<org id>#<code>"`` (stable, so dismissing or snoozing it is remembered) and its
target is the roster filtered to those members (``Target("roster", "todo:<org id>#<code>")``):
``members_of`` answers that key through the lister each check registers with ``@lister(code)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from partydesk.core.checks import memo
from partydesk.core.checks.findings import Finding, Severity, Target
from partydesk.core.services.branches import Branches, branches
from partydesk.core.storage import todo_repo, workbench_repo
from partydesk.core.storage.database import Database

NAMED_AT_MOST = 10  # members of one organisation named one by one; more get one summary finding
KEY_PREFIX = "todo:"

ListerFn = Callable[[Database, date, str], list[str]]
LISTERS: dict[str, ListerFn] = {}


@dataclass(frozen=True)
class Group:
    """The members of one organisation a check would name: how many, how urgent, due when."""

    org_id: str
    count: int
    severity: Severity  # the most urgent among them
    due: date | None  # the earliest due day among them (None: none has a day)
    overdue: int = 0  # how many of them are 逾期

    def plus(self, count: int, severity: Severity, due: date | None) -> Group:
        """This group with ``count`` more members of ``severity``, the earliest due on ``due``."""
        days = [d for d in (self.due, due) if d is not None]
        late = count if severity is Severity.OVERDUE else 0
        return Group(self.org_id, self.count + count, max(self.severity, severity), min(days) if days else None,
                     self.overdue + late)


def add(groups: dict[str, Group], org_id: str, count: int, severity: Severity, due: date | None) -> None:
    """Count ``count`` more members of ``org_id`` (of ``severity``, the earliest due on ``due``) into ``groups``."""
    if count:
        start = groups.get(org_id, Group(org_id, 0, Severity.INFO, None))
        groups[org_id] = start.plus(count, severity, due)


def named(groups: dict[str, Group]) -> list[str]:
    """The organisations whose members are named one by one (at most ``NAMED_AT_MOST`` of them)."""
    return sorted(org for org, g in groups.items() if g.count <= NAMED_AT_MOST)


def summary_subject(org_id: str, code: str) -> str:
    """The stable subject of a summary finding: ``"<org id>#<code>"``."""
    return f"{org_id}#{code}"


def summary_key(org_id: str, code: str) -> str:
    """The roster key of a summary's members: ``"todo:<org id>#<code>"``."""
    return f"{KEY_PREFIX}{summary_subject(org_id, code)}"


def file_branches(db: Database) -> Branches:
    """The organisations of the file (``services.branches``), read once per run of the checks."""
    return memo.shared(("branches", id(db)), lambda: branches(db))


def summaries(db: Database, code: str, groups: dict[str, Group], *, rule: str,
              text: Callable[[Group], str], target: Callable[[str], Target] | None = None) -> list[Finding]:
    """One finding per organisation over the bar; ``text`` words the group ("37 名党员……"), prefixed
    with the organisation's name ("第一支部：") when the file holds several. Opening one shows the roster
    filtered to its members (with their 支部 where there are several), or in a file of one organisation goes
    to ``target(org id)``, where the work on them is done."""
    over = sorted(org for org, g in groups.items() if g.count > NAMED_AT_MOST)
    if not over:
        return []
    with db.read() as session:
        several = todo_repo.member_org_count(session) > 1
    held = file_branches(db) if several else None  # named as the file's 支部 columns shorten them
    out = []
    for org in over:
        group = groups[org]
        prefix = f"{held.short_of(org) or org}：" if held is not None else ""
        out.append(Finding(code=code, severity=group.severity, subject=summary_subject(org, code),
                           message=prefix + text(group), due=group.due, rule=rule,
                           target=target(org) if target is not None and not several
                           else Target("roster", summary_key(org, code))))
    return out


def lister(code: str) -> Callable[[ListerFn], ListerFn]:
    """Register the function listing the member ids behind ``code`` in one organisation."""

    def register(fn: ListerFn) -> ListerFn:
        LISTERS[code] = fn
        return fn

    return register


def is_summary_key(key: str) -> bool:
    """Whether a roster key names the members of a summary finding."""
    return key.startswith(KEY_PREFIX)


def members_of(db: Database, key: str, today: date) -> list[str]:
    """The member ids behind a summary key ``"todo:<org id>#<code>"`` on ``today`` ([] for an unknown code)."""
    from partydesk.core.checks import load_all

    load_all()
    org_id, _, code = key.removeprefix(KEY_PREFIX).partition("#")
    fn = LISTERS.get(code)
    return fn(db, today, org_id) if fn is not None else []



def _org_of(db: Database, found: list[Finding]) -> dict[str, str]:
    ids = [f.target.key for f in found if f.target is not None and f.target.kind == "member"]
    with db.read() as session:
        return workbench_repo.member_orgs(session, ids)


def regroup(db: Database, code: str, found: list[Finding], *, rule: str, text: Callable[[Group], str],
            orgs: Mapping[str, str] | None = None) -> list[Finding]:
    """Per-member findings of a check whose members are few at any scale (失联, 流动党员) grouped after
    the fact: named in organisations with at most ``NAMED_AT_MOST`` of them, else one summary. ``orgs``
    (member id -> org id) saves reading the members' organisations when the check read them already."""
    if orgs is None:
        orgs = _org_of(db, found)
    groups: dict[str, Group] = {}
    for f in found:
        add(groups, orgs.get(f.target.key, "") if f.target is not None else "", 1, f.severity, f.due)
    small = set(named(groups))
    kept = [f for f in found if (orgs.get(f.target.key, "") if f.target is not None else "") in small]
    return kept + summaries(db, code, groups, rule=rule, text=text)


def regroup_lister(code: str, each: Callable[[Database, date], list[Finding]]) -> None:
    """Register, for a regrouped check, the members of one organisation among its per-member findings."""

    def members(db: Database, today: date, org_id: str) -> list[str]:
        found = each(db, today)
        orgs = _org_of(db, found)
        return [f.target.key for f in found if f.target is not None and orgs.get(f.target.key) == org_id]

    LISTERS[code] = members
