"""Repository for study records: frozen records in and out; the yearly ledger is one grouped SQL sum.

Like meeting_repo, these functions only read and write what they are told, inside the caller's
``Database.write`` or ``read`` session; ORM rows never leave this module (house rule 2). Single records
are added through the ORM (stamped in the flush); ``insert_credits_bulk`` is the Core fast path for scale
data, each row still stamped and hashed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Table, and_, case, func, insert, not_, or_, select
from sqlalchemy.orm import Session

from partydesk.core.domain.study_records import (
    EARLIER_NOTE,
    ActivityData,
    ActivitySummary,
    CertificationData,
    Credit,
    MaterialData,
    MeetingCandidate,
)
from partydesk.core.storage import rowhash
from partydesk.core.storage.base import new_id
from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance
from partydesk.core.storage.stamping import allocate
from partydesk.core.storage.study_tables import Certification, StudyActivity, StudyCredit, StudyMaterial
from partydesk.core.storage.tables import MEMBER_NAME_ORDER, Member

__all__ = ["ActivityData", "ActivitySummary", "CertificationData", "Credit", "MaterialData", "MeetingCandidate"]


# ---------------------------------------------------------------- writes


def insert_activity(session: Session, org_id: str, data: ActivityData, credits: Sequence[Credit]) -> str:
    """Add an activity with its credit rows; returns the activity id."""
    row = StudyActivity(org_id=org_id, deleted=False, **vars(data))
    session.add(row)
    session.flush()
    session.add_all(StudyCredit(activity_id=row.id, member_id=c.member_id, year=c.year, tenths=c.tenths,
                                deleted=False) for c in credits)
    session.flush()
    return row.id


def update_activity(session: Session, activity_id: str, data: ActivityData, credits: Sequence[Credit]) -> bool:
    """Overwrite a live activity and bring its credits to ``credits``: a credit of the same member and year is
    changed in place, one no longer there tombstoned (for sync), a new one added. False when there is none."""
    row = session.get(StudyActivity, activity_id)
    if row is None or row.deleted:
        return False
    for name, value in vars(data).items():
        if getattr(row, name) != value:
            setattr(row, name, value)
    wanted = {(c.member_id, c.year): c.tenths for c in credits}
    for credit in session.scalars(select(StudyCredit).where(StudyCredit.activity_id == activity_id,
                                                            StudyCredit.deleted.is_(False))):
        tenths = wanted.pop((credit.member_id, credit.year), None)
        if tenths is None:
            credit.deleted = True
        elif credit.tenths != tenths:
            credit.tenths = tenths
    session.add_all(StudyCredit(activity_id=activity_id, member_id=member_id, year=year, tenths=tenths, deleted=False)
                    for (member_id, year), tenths in wanted.items())
    session.flush()
    return True


def delete_activity(session: Session, activity_id: str) -> bool:
    """Tombstone an activity and its credits; its meeting link is released. False when there is none."""
    row = session.get(StudyActivity, activity_id)
    if row is None or row.deleted:
        return False
    row.deleted = True
    row.meeting_id = None
    for credit in session.scalars(select(StudyCredit).where(StudyCredit.activity_id == activity_id,
                                                            StudyCredit.deleted.is_(False))):
        credit.deleted = True
    session.flush()
    return True


def insert_certification(session: Session, data: CertificationData) -> str:
    """Add a certification; returns its id."""
    row = Certification(deleted=False, **vars(data))
    session.add(row)
    session.flush()
    return row.id


def set_certification(session: Session, cert_id: str, data: CertificationData | None) -> bool:
    """Overwrite a live certification's fields, or for None mark it deleted (a tombstone, for sync); False when
    there is no live one with this id."""
    row = session.get(Certification, cert_id)
    if row is None or row.deleted:
        return False
    if data is None:
        row.deleted = True
    else:
        for name, value in vars(data).items():
            setattr(row, name, value)
    session.flush()
    return True


def insert_material(session: Session, data: MaterialData) -> str:
    """Add an item to the materials library; returns its id."""
    row = StudyMaterial(deleted=False, **vars(data))
    session.add(row)
    session.flush()
    return row.id


def activity_org(session: Session, activity_id: str) -> str | None:
    """The organisation an activity is of (None: no such activity)."""
    return session.scalar(select(StudyActivity.org_id).where(StudyActivity.id == activity_id))


def tombstone_material(session: Session, material_id: str) -> bool:
    """Delete a live item of the library (a tombstone: the next packages carry the deletion to the offices
    that hold it); False when there is none."""
    row = session.get(StudyMaterial, material_id)
    if row is None or row.deleted:
        return False
    row.deleted = True
    session.flush()
    return True


def _table(mapped: type[StudyActivity] | type[StudyCredit]) -> Table:
    table = mapped.__table__
    assert isinstance(table, Table)
    return table


def insert_bulk(session: Session, org_id: str, activities: Sequence[tuple[ActivityData, Sequence[Credit]]]) -> int:
    """Core inserts of activities with their credits (scale data); returns the credit rows written."""
    stamps = allocate(session, len(activities) + sum(len(c) for _a, c in activities))
    activity_hash, credit_hash = rowhash.RowHasher(StudyActivity.__table__), rowhash.RowHasher(StudyCredit.__table__)
    activity_rows: list[dict[str, Any]] = []
    credit_rows: list[dict[str, Any]] = []

    def stamped(values: dict[str, Any], hasher: rowhash.RowHasher) -> dict[str, Any]:
        s = next(stamps)
        values.update(id=new_id(), deleted=False, version=s.version, change_seq=s.change_seq,
                      updated_at=s.updated_at, updated_by=s.updated_by, owner_site=s.owner_site)
        values["row_hash"] = hasher(values)
        return values

    for data, credits in activities:
        activity = stamped({"org_id": org_id, **vars(data)}, activity_hash)
        activity_rows.append(activity)
        credit_rows += [stamped({"activity_id": activity["id"], "member_id": c.member_id, "year": c.year,
                                 "tenths": c.tenths}, credit_hash) for c in credits]
    if activity_rows:
        session.execute(insert(_table(StudyActivity)), activity_rows)
    if credit_rows:
        session.execute(insert(_table(StudyCredit)), credit_rows)
    return len(credit_rows)


# ---------------------------------------------------------------- reads


def _live_credit() -> Any:
    return (StudyCredit.deleted.is_(False)) & (StudyActivity.deleted.is_(False))


CHUNK = 500  # ids per IN list


def _chunks(ids: Collection[str]) -> list[list[str]]:
    wanted = list(dict.fromkeys(ids))
    return [wanted[i:i + CHUNK] for i in range(0, len(wanted), CHUNK)]


def credited_by_member(session: Session, year: int, *, member_ids: Collection[str] | None = None) -> dict[str, int]:
    """member id -> tenths credited in ``year`` over live activities (of all members or of ``member_ids``).

    One grouped sum over the live credit rows (the covering ledger index, no join per row), less the
    rows of deleted activities: a deletion tombstones its credits too, so that second sum is normally
    empty, and it reads only the few deleted activities' rows by their index.
    """
    c = StudyCredit
    live = select(c.member_id, func.sum(c.tenths)).where(c.year == year, c.deleted.is_(False)).group_by(c.member_id)
    totals: dict[str, int] = {}
    for chunk in [None] if member_ids is None else _chunks(member_ids):
        query = live if chunk is None else live.where(c.member_id.in_(chunk))
        totals.update((member_id, int(total)) for member_id, total in session.execute(query))
    dead = list(session.scalars(select(StudyActivity.id).where(StudyActivity.deleted.is_(True))))
    for chunk in _chunks(dead):
        query = (select(c.member_id, c.tenths)
                 .where(c.activity_id.in_(chunk), c.year == year, c.deleted.is_(False)))
        for member_id, tenths in session.execute(query):
            if member_id in totals:
                totals[member_id] -= tenths
    return {member_id: total for member_id, total in totals.items() if total}


def credit_rows(session: Session, year: int) -> list[tuple[str, int]]:
    """(member id, tenths) of every live credit row of ``year`` (for checks and the benchmark's baseline)."""
    c = StudyCredit
    query = (select(c.member_id, c.tenths).join(StudyActivity, StudyActivity.id == c.activity_id)
             .where(c.year == year, _live_credit()))
    return [(r[0], r[1]) for r in session.execute(query)]


def credited_by_form(session: Session, year: int, org_id: str | None = None) -> list[tuple[str, int, int, int, int]]:
    """(form code, activities, member credits, tenths, of those the tenths entered as earlier hours) in ``year``,
    per form (``org_id``: the credits of that organisation's members only). A record of earlier hours (补录此前
    学时) is no session held: its hours count, but it is not counted among the activities nor its members among
    the 人次."""
    c = StudyCredit
    a = StudyActivity
    held = not_(and_(a.notes == EARLIER_NOTE, a.individual.is_(False), a.meeting_id.is_(None)))  # is_earlier_hours
    query = (select(StudyActivity.form_code, func.count(func.distinct(case((held, StudyActivity.id)))),
                    func.count(case((held, c.id))), func.coalesce(func.sum(c.tenths), 0),
                    func.coalesce(func.sum(case((held, 0), else_=c.tenths)), 0))
             .join(StudyActivity, StudyActivity.id == c.activity_id)
             .where(c.year == year, _live_credit()).group_by(StudyActivity.form_code))
    if org_id is not None:
        query = query.where(c.member_id.in_(select(Member.id).where(Member.org_id == org_id)))
    return [(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in session.execute(query)]


def members_with_form(session: Session, year: int, form_code: str) -> set[str]:
    """Ids of members credited in ``year`` for a live activity of ``form_code`` (e.g. a 培训班)."""
    c = StudyCredit
    query = (select(c.member_id).distinct().join(StudyActivity, StudyActivity.id == c.activity_id)
             .where(c.year == year, StudyActivity.form_code == form_code, _live_credit()))
    return set(session.scalars(query))


def _activity_data(row: Any) -> ActivityData:
    return ActivityData(**{name: getattr(row, name) for name in ActivityData.__dataclass_fields__})


def _summaries(session: Session, where: Any) -> list[ActivitySummary]:
    a, c = StudyActivity, StudyCredit
    totals = (select(c.activity_id, func.count(func.distinct(c.member_id)).label("n"),
                     func.sum(c.tenths).label("t"))
              .where(c.deleted.is_(False)).group_by(c.activity_id).subquery())
    query = (select(a, totals.c.n, totals.c.t).outerjoin(totals, totals.c.activity_id == a.id)
             .where(a.deleted.is_(False), where).order_by(a.start_on, a.change_seq))
    found = list(session.execute(query))
    own = [row.id for row, _n, _t in found if row.individual]
    holders = {i: name for chunk in _chunks(own) for i, name in session.execute(
        select(c.activity_id, Member.name).join(Member, Member.id == c.member_id)
        .where(c.activity_id.in_(chunk), c.deleted.is_(False)))}
    return [ActivitySummary(row.id, _activity_data(row), int(n or 0), int(t or 0), row.org_id,
                            holders.get(row.id, "")) for row, n, t in found]


def activities_between(session: Session, start: date, end: date) -> list[ActivitySummary]:
    """Live activities overlapping ``start``..``end``, oldest first, with participants and tenths."""
    return _summaries(session, (StudyActivity.start_on <= end) & (StudyActivity.end_on >= start))


def activities_by_ids(session: Session, ids: Collection[str]) -> list[ActivitySummary]:
    """The live activities among ``ids`` (deleted or unknown ones are left out), oldest first."""
    return [s for chunk in _chunks(ids) for s in _summaries(session, StudyActivity.id.in_(chunk))]


def members_of_activities(session: Session, ids: Collection[str]) -> set[str]:
    """Ids of every member an activity of ``ids`` credits or credited (its tombstoned rows too: a deleted
    activity moved the ledger of the members it had credited)."""
    c = StudyCredit
    return {m for chunk in _chunks(ids)
            for m in session.scalars(select(c.member_id).distinct().where(c.activity_id.in_(chunk)))}


def counted_meetings(session: Session, meeting_ids: Collection[str] | None = None) -> set[str]:
    """Ids of the meetings (of ``meeting_ids``, or all) a live activity counts as study."""
    a = StudyActivity
    query = select(a.meeting_id).where(a.meeting_id.is_not(None), a.deleted.is_(False))
    if meeting_ids is None:
        return {m for m in session.scalars(query) if m is not None}
    return {m for chunk in _chunks(meeting_ids) for m in session.scalars(query.where(a.meeting_id.in_(chunk)))
            if m is not None}


def get_activity(session: Session, activity_id: str) -> ActivityData | None:
    """The live activity's record, or None."""
    row = session.get(StudyActivity, activity_id)
    return None if row is None or row.deleted else _activity_data(row)


def credits_of(session: Session, activity_id: str) -> list[Credit]:
    """The live credit rows of one activity."""
    c = StudyCredit
    rows = session.execute(select(c.member_id, c.year, c.tenths)
                           .where(c.activity_id == activity_id, c.deleted.is_(False)).order_by(c.year))
    return [Credit(*r) for r in rows]


def entries_of_member(session: Session, member_id: str, year: int) -> list[tuple[ActivityData, int]]:
    """A member's activities credited in ``year`` with the tenths credited, oldest first."""
    c = StudyCredit
    query = (select(StudyActivity, c.tenths).join(c, c.activity_id == StudyActivity.id)
             .where(c.member_id == member_id, c.year == year, _live_credit())
             .order_by(StudyActivity.start_on, StudyActivity.change_seq))
    return [(_activity_data(row), int(t)) for row, t in session.execute(query)]


def activity_for_meeting(session: Session, meeting_id: str) -> str | None:
    """The id of the activity that counts this meeting as study, if any."""
    return session.scalar(select(StudyActivity.id).where(StudyActivity.meeting_id == meeting_id))


def certifications(session: Session, *, expiring_by: date | None = None) -> list[tuple[str, str, CertificationData]]:
    """(id, member name, record) of live certifications of live members, by member and name;
    ``expiring_by``: only those with an expiry on or before that day."""
    cert = Certification
    query = (select(cert, Member.name).join(Member, Member.id == cert.member_id)
             .where(cert.deleted.is_(False), Member.deleted.is_(False)))
    if expiring_by is not None:
        query = query.where(cert.expires_on.is_not(None), cert.expires_on <= expiring_by)
    query = query.order_by(MEMBER_NAME_ORDER, cert.name, cert.obtained_on)
    return [(row.id, name, CertificationData(row.member_id, row.name, row.issuer, row.obtained_on, row.expires_on,
                                             row.notes)) for row, name in session.execute(query)]


def materials(session: Session, words: Iterable[str] = ()) -> list[tuple[str, MaterialData]]:
    """(id, record) of live materials whose title, tags or notes hold every word, newest first."""
    m = StudyMaterial
    query = select(m).where(m.deleted.is_(False))
    for word in words:
        pattern = f"%{word}%"
        query = query.where(or_(m.title.like(pattern), m.tags.like(pattern), m.notes.like(pattern),
                                m.file_name.like(pattern)))
    query = query.order_by(m.dated.desc(), m.change_seq.desc())
    return [(row.id, MaterialData(row.title, row.tags, row.dated, row.file_sha, row.file_name, row.link, row.notes))
            for row in session.scalars(query)]


def meeting_candidates(session: Session, start: date, end: date, type_codes: Collection[str], *,
                       meeting_ids: Collection[str] | None = None) -> list[MeetingCandidate]:
    """Live meetings of ``type_codes`` held from ``start`` to ``end`` (or those of ``meeting_ids``), oldest
    first, with their members present and whether a live activity already counts them as study."""
    m, att, a = Meeting, MeetingAttendance, StudyActivity
    present = (select(att.meeting_id, func.count(att.id).label("n"))
               .where(att.deleted.is_(False), att.status == "present").group_by(att.meeting_id).subquery())
    counted = select(a.meeting_id).where(a.meeting_id.is_not(None), a.deleted.is_(False))
    query = (select(m.id, m.org_id, m.type_code, m.topic, m.held_on, m.start_time, m.end_time, present.c.n,
                    m.id.in_(counted))
             .outerjoin(present, present.c.meeting_id == m.id)
             .where(m.deleted.is_(False), m.type_code.in_(list(type_codes)))
             .order_by(m.held_on, m.change_seq))
    if meeting_ids is not None:
        return [MeetingCandidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7] or 0), bool(r[8]))
                for chunk in _chunks(meeting_ids) for r in session.execute(query.where(m.id.in_(chunk)))]
    query = query.where(m.held_on >= start, m.held_on <= end)
    return [MeetingCandidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7] or 0), bool(r[8]))
            for r in session.execute(query)]
