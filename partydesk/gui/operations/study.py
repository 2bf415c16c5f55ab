"""Study operations: read the study page's year; record or delete an activity, a certification or a material
(files are stored on the file lane, records written on the DB lane)."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.study_records import ActivityData, ActivitySummary, CertificationData, Credit, MaterialData
from partydesk.core.io.study_sheets import Table, write_workbook
from partydesk.core.services import branches as branch_service
from partydesk.core.services import notices, study, study_export, study_files, study_reports
from partydesk.core.services.branches import SINGLE, Branches
from partydesk.core.services.rules import rule_values
from partydesk.core.services.setup import site_role
from partydesk.core.services.study_reports import LedgerRow
from partydesk.gui.operations import run
from partydesk.gui.tasks import DoneCallback, ErrorCallback, Lane, TaskHandle

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext


@dataclass(frozen=True)
class StudyYear:
    """Everything the study page shows for one year."""

    year: int
    as_of: date
    activities: list[ActivitySummary]
    ledger: list[LedgerRow]
    certifications: list[tuple[str, str, CertificationData]]
    materials: list[tuple[str, MaterialData]]
    rules: dict[str, int]
    branches: Branches = SINGLE  # the organisations of the file (a committee's: several)
    committee: bool = False  # this office sends materials down to its branches
    # The materials another office owns (read-only here), by id: (relation, office name), as
    # ``notices.material_sources`` gives them.
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)
    # A committee: the organisation codes each of its own materials is sent down to, by id
    # (``notices.material_targets``), and the branches registered here (code, name).
    sent_to: dict[str, list[str]] = field(default_factory=dict)
    registered: list[tuple[str, str]] = field(default_factory=list)


def load_year(parent: QWidget, ctx: AppContext, year: int, on_done: DoneCallback,
              on_error: ErrorCallback | None = None) -> TaskHandle:
    """The year's activities, ledger, and the branch's certifications and materials."""
    db = ctx.db

    def read(_progress: Any) -> StudyYear:
        today = date.today()
        sources = notices.material_sources(db)
        committee = site_role(db) == "committee"
        return StudyYear(year, today, study.activities_of_year(db, year),
                         study_reports.ledger(db, year, as_of=today), study.certifications(db),
                         study.search_materials(db), rule_values(db), branch_service.branches(db),
                         committee, sources, notices.material_targets(db) if committee else {},
                         notices.branches(db) if committee else [])

    return run(parent, ctx, read, label="load study", on_done=on_done, on_error=on_error)


def load_roll(parent: QWidget, ctx: AppContext, on_done: DoneCallback) -> TaskHandle:
    """Every member with events and the rule values: ``(list[RollMember], dict)`` for the record dialog."""
    db = ctx.db

    def read(_progress: Any) -> tuple[list[RollMember], dict[str, int]]:
        return study.roll(db), rule_values(db)

    return run(parent, ctx, read, label="load study roll", on_done=on_done)


def add_activity(parent: QWidget, ctx: AppContext, data: ActivityData, participants: Mapping[str, int | None], *,
                 on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Record an activity with its participants; the result (``ActivityAdded``) carries the Changes."""
    db, actor, chosen = ctx.db, ctx.actor, dict(participants)
    return run(parent, ctx, lambda _progress: study.add_activity(db, actor, data, participants=chosen),
               label="add study", on_done=on_done, on_error=on_error)


def load_earlier(parent: QWidget, ctx: AppContext, today: date, on_done: DoneCallback) -> TaskHandle:
    """The roll, the stretch of the year before the records began, and the id of the record of earlier hours
    the year has already (None): ``(roll, (start, end), id)`` for entering the hours members already had
    (补录此前学时), or correcting them."""
    db = ctx.db

    def read(_progress: Any) -> tuple[list[RollMember], tuple[date, date], str | None]:
        span = study.earlier_period(db, today)
        done = next((a.id for a in study.activities_of_year(db, span[0].year) if study.is_earlier_hours(a.data)
                     and a.data.start_on.year == span[0].year), None)
        return study.roll(db), span, done

    return run(parent, ctx, read, label="load study roll", on_done=on_done)


def save_earlier_hours(parent: QWidget, ctx: AppContext, *, form_code: str, span: tuple[date, date],
                       hours: Mapping[str, int], activity_id: str | None, on_done: DoneCallback,
                       on_error: ErrorCallback) -> TaskHandle:
    """Record (or, with ``activity_id``, correct) the hours members had before the records began; the result is
    its Changes."""
    db, actor, given = ctx.db, ctx.actor, dict(hours)
    return run(parent, ctx, lambda _progress: study.save_earlier_hours(
        db, actor, form_code=form_code, start_on=span[0], end_on=span[1], hours=given, activity_id=activity_id),
        label="save earlier study hours", on_done=on_done, on_error=on_error)


def load_activity(parent: QWidget, ctx: AppContext, activity_id: str, on_done: DoneCallback,
                  on_error: ErrorCallback | None = None) -> TaskHandle:
    """A recorded activity to correct, with the roll and the rules: ``(roll, rules, (id, data, credits))``."""
    db = ctx.db

    def read(_progress: Any) -> tuple[list[RollMember], dict[str, int], tuple[str, ActivityData, list[Credit]]]:
        data, credits = study.activity(db, activity_id)
        return study.roll(db, activity_id), rule_values(db), (activity_id, data, credits)

    return run(parent, ctx, read, label="load study record", on_done=on_done, on_error=on_error)


def update_activity(parent: QWidget, ctx: AppContext, activity_id: str, data: ActivityData,
                    participants: Mapping[str, int | None], *, on_done: DoneCallback,
                    on_error: ErrorCallback) -> TaskHandle:
    """Correct a recorded activity and its participants; the result is its Changes."""
    db, actor, chosen = ctx.db, ctx.actor, dict(participants)
    return run(parent, ctx, lambda _progress: study.update_activity(db, actor, activity_id, data, participants=chosen),
               label="update study", on_done=on_done, on_error=on_error)


def delete_activity(parent: QWidget, ctx: AppContext, activity_id: str, *, on_done: DoneCallback,
                    on_error: ErrorCallback) -> TaskHandle:
    """Remove an activity and the hours it credited."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: study.delete_activity(db, actor, activity_id),
               label="delete study", on_done=on_done, on_error=on_error)


def add_material(parent: QWidget, ctx: AppContext, data: MaterialData, source: Path | None, *,
                 on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Add an item to the materials library: a file is first stored by content (file lane), then recorded."""
    db, actor = ctx.db, ctx.actor

    def record(stored: MaterialData) -> TaskHandle:
        return run(parent, ctx, lambda _progress: study.add_material(db, actor, stored), label="add material",
                   on_done=on_done, on_error=on_error)

    if source is None:
        return record(data)
    path = db.path

    def stored(sha: str) -> None:
        record(replace(data, file_sha=sha, file_name=source.name))

    return run(parent, ctx, lambda _progress: study_files.store_file(path, source), label="store material",
               lane=Lane.FILE, on_done=stored, on_error=on_error)


def add_certification(parent: QWidget, ctx: AppContext, data: CertificationData, *, on_done: DoneCallback,
                      on_error: ErrorCallback) -> TaskHandle:
    """Record a member's certification."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: study.add_certification(db, actor, data), label="add certification",
               on_done=on_done, on_error=on_error)


def update_certification(parent: QWidget, ctx: AppContext, cert_id: str, data: CertificationData, *,
                         on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Correct a certification."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: study.update_certification(db, actor, cert_id, data),
               label="edit certification", on_done=on_done, on_error=on_error)


def delete_certification(parent: QWidget, ctx: AppContext, cert_id: str, *, on_done: DoneCallback,
                         on_error: ErrorCallback) -> TaskHandle:
    """Remove a certification."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: study.delete_certification(db, actor, cert_id),
               label="delete certification", on_done=on_done, on_error=on_error)


def delete_material(parent: QWidget, ctx: AppContext, material_id: str, *, on_done: DoneCallback,
                    on_error: ErrorCallback) -> TaskHandle:
    """Delete an item of this office's own library."""
    db, actor = ctx.db, ctx.actor
    return run(parent, ctx, lambda _progress: study.delete_material(db, actor, material_id),
               label="delete material", on_done=on_done, on_error=on_error)


def open_copy(parent: QWidget, ctx: AppContext, *, sha: str, name: str, on_done: DoneCallback,
              on_error: ErrorCallback) -> TaskHandle:
    """A copy of a stored file (a material, a course's evidence) under its own name in a temp folder, for the
    system to open with the program its extension names."""
    db_path = ctx.db.path
    folder = Path(tempfile.gettempdir()) / "partydesk-open" / sha[:16]
    return run(parent, ctx, lambda _p: study_files.copy_out(db_path, sha, name, folder), label="open study file",
               lane=Lane.FILE, on_done=on_done, on_error=on_error)


def export_report(parent: QWidget, ctx: AppContext, year: int, out: Path, *, on_done: DoneCallback,
                  on_error: ErrorCallback) -> TaskHandle:
    """The year's study workbook: its sheets read on the DB lane, the file written on the file lane."""
    db = ctx.db

    def write(tables: list[Table]) -> None:
        run(parent, ctx, lambda _progress: write_workbook(out, tables), label="write study report", lane=Lane.FILE,
            on_done=on_done, on_error=on_error)

    return run(parent, ctx, lambda _progress: study_export.report_tables(db, year), label="study report",
               on_done=write, on_error=on_error)


def add_own_course(parent: QWidget, ctx: AppContext, member_id: str, data: ActivityData, evidence: Path | None, *,
                   on_done: DoneCallback, on_error: ErrorCallback) -> TaskHandle:
    """Record a member's own course; an evidence file is first stored by content (file lane)."""
    db, actor = ctx.db, ctx.actor

    def record(entry: ActivityData) -> TaskHandle:
        return run(parent, ctx, lambda _progress: study.add_own_course(db, actor, member_id, entry),
                   label="add own course", on_done=on_done, on_error=on_error)

    if evidence is None:
        return record(data)
    path = db.path

    def stored(sha: str) -> None:
        record(replace(data, evidence_sha=sha, evidence_name=evidence.name))

    return run(parent, ctx, lambda _progress: study_files.store_file(path, evidence), label="store evidence",
               lane=Lane.FILE, on_done=stored, on_error=on_error)
