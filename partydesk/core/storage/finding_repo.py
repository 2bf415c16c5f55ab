"""Repository for to-dos set aside: read and write ``finding_dismissal`` rows as frozen records.

Only what the caller says is written, inside its ``Database.write`` session; rows are never deleted
(putting a finding back is state ``restored``), so every decision is in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from partydesk.core.storage.stamping import utc_now
from partydesk.core.storage.workbench_tables import FindingDismissal

DISMISSED, SNOOZED, RESTORED = "dismissed", "snoozed", "restored"


@dataclass(frozen=True)
class Dismissal:
    """One finding set aside: dismissed for good, or snoozed until a day."""

    code: str
    subject: str
    state: str
    until: date | None
    reason: str
    decided_by: str

    def hides_on(self, today: date) -> bool:
        """Whether the finding is hidden on ``today`` (a snooze ends on its ``until`` day)."""
        if self.state == DISMISSED:
            return True
        return self.state == SNOOZED and self.until is not None and today < self.until


def set_aside(session: Session, *, code: str, subject: str, state: str, until: date | None, reason: str,
              by: str) -> None:
    """Record a decision about one finding, replacing any earlier one."""
    if state not in (DISMISSED, SNOOZED, RESTORED):
        raise ValueError(state)
    row = session.get(FindingDismissal, (code, subject))
    if row is None:
        row = FindingDismissal(code=code, subject=subject)
        session.add(row)
    row.state, row.until, row.reason = state, until, reason
    row.decided_at, row.decided_by = utc_now(), by
    session.flush()


def all_set_aside(session: Session) -> list[Dismissal]:
    """Every decision that still sets a finding aside (dismissed or snoozed), whatever the day."""
    t = FindingDismissal
    rows = session.execute(select(t.code, t.subject, t.state, t.until, t.reason, t.decided_by)
                           .where(t.state != RESTORED).order_by(t.code, t.subject))
    return [Dismissal(*r) for r in rows]
