"""Study page reads for a change: only the activities a change names and the ledger rows of the members
they credit (or the change names), instead of the whole year (``study.load_year``).

``refresh_plan`` decides from a Changes record: a change naming activity and member ids (and not too
many) is read by id; rules, the organisation, the site, or a change that does not say which records it
touched, reload the year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.domain.study_records import ActivitySummary, CertificationData, MaterialData
from partydesk.core.services import notices, study, study_meetings, study_reports
from partydesk.core.services.study_reports import LedgerRow
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

# Above this many named records one read of the year is quicker than reading them by id.
REFRESH_BY_ID_LIMIT = 300
# What the study page shows: a change of any other kind (a meeting, a talk, a to-do) leaves it alone.
SHOWN = (ChangeKind.STUDY, ChangeKind.CERTIFICATION, ChangeKind.MATERIAL, ChangeKind.MEMBER, ChangeKind.RULE,
         ChangeKind.ORGANISATION, ChangeKind.SITE)
BY_ID = frozenset({ChangeKind.STUDY, ChangeKind.MEMBER, ChangeKind.CERTIFICATION, ChangeKind.MATERIAL})


@dataclass(frozen=True)
class RefreshPlan:
    """What to read again: activities and members by id, and whether the two small lists."""

    activity_ids: frozenset[str]
    member_ids: frozenset[str]
    certifications: bool
    materials: bool


def refresh_plan(changes: Changes) -> RefreshPlan | None:
    """The records to read again for ``changes``; None: read the whole year again."""
    if not changes.kinds <= BY_ID:
        return None
    activities = changes.ids_of(ChangeKind.STUDY) if changes.touches(ChangeKind.STUDY) else frozenset()
    people = changes.ids_of(ChangeKind.MEMBER) if changes.touches(ChangeKind.MEMBER) else frozenset()
    if activities is None or people is None or len(activities) + len(people) > REFRESH_BY_ID_LIMIT:
        return None
    # A member's name shows in the certifications list too.
    return RefreshPlan(activities, people, changes.touches(ChangeKind.CERTIFICATION, ChangeKind.MEMBER),
                       changes.touches(ChangeKind.MATERIAL))


@dataclass(frozen=True)
class StudyDelta:
    """The records read again: live activities of the year among those asked (the others are gone from
    it), the ledger rows of the members asked (a member without one is no longer in the year's ledger)."""

    year: int
    plan: RefreshPlan
    member_ids: frozenset[str]
    activities: list[ActivitySummary]
    ledger: list[LedgerRow]
    certifications: list[tuple[str, str, CertificationData]] | None
    materials: list[tuple[str, MaterialData]] | None
    sent_to: dict[str, list[str]] | None = None  # with the materials: where each of ours goes down to


def load_changed(parent: QWidget, ctx: AppContext, year: int, plan: RefreshPlan,
                 on_done: DoneCallback) -> TaskHandle:
    """Read what ``plan`` names for ``year`` (a ``StudyDelta``)."""
    db = ctx.db
    first, last = date(year, 1, 1), date(year, 12, 31)

    def read(_progress: Any) -> StudyDelta:
        people = set(plan.member_ids)
        activities: list[ActivitySummary] = []
        if plan.activity_ids:
            people |= study_meetings.members_of_activities(db, plan.activity_ids)
            activities = [a for a in study_meetings.activities_by_ids(db, plan.activity_ids)
                          if a.data.start_on <= last and a.data.end_on >= first]
        rows = study_reports.ledger(db, year, as_of=date.today(), member_ids=people) if people else []
        return StudyDelta(year, plan, frozenset(people), activities, rows,
                          study.certifications(db) if plan.certifications else None,
                          study.search_materials(db) if plan.materials else None,
                          notices.material_targets(db) if plan.materials else None)

    return run(parent, ctx, read, label="refresh study", on_done=on_done)
