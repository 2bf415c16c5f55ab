"""What a check reports: a ``Finding`` (one thing overdue or missing), and the registry of check functions.

Every module that knows a rule (roster, meetings, talks, study) adds a module under ``core/checks`` with
functions decorated by ``@check("code")``; ``core.checks.engine`` (the workbench) gathers them all. A check
takes the open database and the day to judge on, reads through services or repositories (SQL aggregates,
never a load of every record) and returns findings; it never writes.

A finding's ``code`` names the rule broken (``meeting.missing``, ``talk.none``…) and is stable: dismissals
and snoozes are remembered against ``(code, subject)``. ``subject`` names the record or calendar cell it
concerns in a form the GUI can open (``Target``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partydesk.core.storage.database import Database

__all__ = ["CHECKS", "CheckFn", "Finding", "Severity", "Target", "check", "run_checks"]


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
    """What opening a finding goes to: a record (``kind`` member/meeting/talk/study) or a calendar cell.

    ``key`` is the record id, or for ``calendar`` a cell key ``"<type_code>|<party_group>|<period start ISO>"``.
    """

    kind: str
    key: str


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


CheckFn = Callable[["Database", date], Iterable[Finding]]

CHECKS: dict[str, CheckFn] = {}


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check function under ``name`` (unique across modules)."""

    def register(fn: CheckFn) -> CheckFn:
        if name in CHECKS and CHECKS[name] is not fn:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = fn
        return fn

    return register


def run_checks(db: Database, today: date, names: Iterable[str] | None = None) -> list[Finding]:
    """Run the registered checks (all, or those named) and return their findings, most urgent first."""
    chosen = CHECKS if names is None else {n: CHECKS[n] for n in names}
    found = [f for fn in chosen.values() for f in fn(db, today)]
    return sorted(found, key=lambda f: (-f.severity, f.due or date.max, f.code, f.subject))
