"""What a check reports: a ``Finding`` (one thing overdue or missing), and the registry of check functions.

Every module that knows a rule (roster, meetings, talks, study) adds a module under ``core/checks`` with
functions decorated by ``@check("code")``; ``core.checks.engine`` (the workbench) gathers them all. A check
takes the open database and the day to judge on, reads through services or repositories (SQL aggregates,
never a load of every record) and returns findings; it never writes.

A finding's ``code`` names the rule broken (``meeting.missing``, ``talk.none``…) and is stable: dismissals
and snoozes are remembered against ``(code, subject)``. ``subject`` names the record or calendar cell it
concerns in a form the GUI can open (``Target``).

A check about the program's own upkeep rather than the Party work (a USB backup, the data exchange) is
registered with ``housekeeping=True``: its findings say so (``Finding.housekeeping``), so the workbench lists
them but a document for filing, the yearly report, leaves them out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partydesk.core.storage.database import Database

__all__ = ["CHECKS", "HOUSEKEEPING", "CheckFn", "Finding", "Severity", "Target", "check", "run_check", "run_checks"]


class Severity(IntEnum):
    """How urgent a finding is; the to-do board sorts by it, most urgent first."""

    INFO = 1  # 提示: worth knowing, nothing is wrong yet
    WARNING = 2  # 注意: due soon or incomplete
    OVERDUE = 3  # 逾期: a rule is already broken

    @property
    def label(self) -> str:
        """The Chinese word shown beside the finding."""
        return {Severity.INFO: "提示", Severity.WARNING: "注意", Severity.OVERDUE: "逾期"}[self]


@dataclass(frozen=True)
class Target:
    """What opening a finding goes to: a record (``kind`` member/meeting/talk/study) or a calendar cell, or the
    place where the work is done: ``talk_with`` (a new talk with the member ``key``; ``"<by>|<with>"`` for two
    committee members, the first talking with the second), ``ledger`` (the member's line in the 学时台账 of a
    year, ``key`` ``"<member id>|<year>"``), ``cert`` (a certificate's line in 技能证书, ``"<member id>|<id>"``),
    a page's section (``exchange``: ``conflicts``, ``clock``…), a page's action (``members``: ``import``, the
    roster import an empty roll needs first), or ``talks_due`` (the 应谈话 list, ``key`` the organisation whose
    members are due).

    ``key`` is the record id, or for ``calendar`` a cell key ``"<type_code>|<party_group>|<period start ISO>"``.
    """

    kind: str
    key: str

    def record(self) -> tuple[str, str] | None:
        """The record the target is about, as (``"member"`` or ``"talk"``, id), whatever page it opens: what
        names and scopes a to-do by its branch in a committee's file; None for anything else."""
        if self.kind in ("member", "talk"):
            return self.kind, self.key
        if self.kind in MEMBER_PLACES:
            return "member", self.key.partition("|")[0]
        return None


MEMBER_PLACES = ("talk_with", "ledger", "cert")  # target kinds whose key starts with a member id


@dataclass(frozen=True)
class Finding:
    """One thing the office should act on."""

    code: str  # the rule broken, stable across runs: "meeting.missing"
    severity: Severity
    subject: str  # stable identity of what it concerns (with code: the key dismissals are kept under)
    message: str  # Chinese, one line: "2026年第三季度未召开支部党员大会"
    due: date | None  # when it was or will be due; None when it has no date
    rule: str  # the rule-table key or the source it comes from ("meeting.freq.general", "党章第三十条")
    target: Target | None = None
    housekeeping: bool = False  # the program's upkeep (backup, exchange), not Party work: the report leaves it out
    # In a committee's file, the organisations (org ids) a finding about none of their records concerns all
    # the same, whose workbench scope lists it too: the branches yet to report a notice done.
    orgs: tuple[str, ...] = ()


CheckFn = Callable[["Database", date], Iterable[Finding]]

CHECKS: dict[str, CheckFn] = {}
HOUSEKEEPING: set[str] = set()  # the checks about the program's own upkeep (``check(..., housekeeping=True)``)


def check(name: str, *, housekeeping: bool = False) -> Callable[[CheckFn], CheckFn]:
    """Register a check function under ``name`` (unique across modules); ``housekeeping`` marks a check about
    the program's own upkeep, whose findings are not the Party work's (``Finding.housekeeping``)."""

    def register(fn: CheckFn) -> CheckFn:
        if name in CHECKS and CHECKS[name] is not fn:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = fn
        if housekeeping:
            HOUSEKEEPING.add(name)
        return fn

    return register


def run_check(name: str, db: Database, today: date) -> list[Finding]:
    """The findings of the check registered under ``name``, marked housekeeping when the check is."""
    found = list(CHECKS[name](db, today))
    return [replace(f, housekeeping=True) for f in found] if name in HOUSEKEEPING else found


def run_checks(db: Database, today: date, names: Iterable[str] | None = None) -> list[Finding]:
    """Run the registered checks (all, or those named) and return their findings, most urgent first."""
    found = [f for name in (list(CHECKS) if names is None else names) for f in run_check(name, db, today)]
    return sorted(found, key=urgency_order)


def urgency_order(finding: Finding) -> tuple[object, ...]:
    """Sort key of the to-do board: most urgent first, then the earliest due, then by check; within a check by
    subject, whose parts (``type|党小组|start`` for a meeting) are compared as the 党小组 are listed everywhere else
    (``group_order``: 第一、第二、第三, not 第一、第三、第二 as their code points would have it)."""
    return (-finding.severity, finding.due or date.max, finding.code, _subject_order(finding.subject))


def _subject_order(subject: str) -> tuple[object, ...]:
    """A subject as the board orders it: a meeting's ``[org#]type|党小组|start`` by its 党小组's number, any other as
    its text (member ids and the like: sorting them by their numbers too cost twenty times as long)."""
    parts = subject.split("|")
    if len(parts) != 3:
        return (subject,)
    from partydesk.core.domain.group_order import group_sort_key

    return (parts[0], group_sort_key(parts[1]), parts[2])
