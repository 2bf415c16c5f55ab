"""Repository for meetings: frozen records in and out; counts and tallies are SQL aggregates.

Like member_repo, these functions only read and write what they are told, inside the caller's
``Database.write`` or ``read`` session; ORM rows never leave this module (house rule 2). Rows are added
through the ORM, so stamping gives each its version, change_seq and row hash in the same flush.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from partydesk.core.attachments import StoredFile
from partydesk.core.domain.group_order import group_sort_key
from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.member_events import EventKind, MemberEvent
from partydesk.core.domain.motions import Motion
from partydesk.core.domain.study_roll import RollOutline, admitted_on
from partydesk.core.storage.meeting_tables import (
    Meeting,
    MeetingAgendaItem,
    MeetingAttachment,
    MeetingAttendance,
    MeetingGuest,
    MeetingMotion,
)
from partydesk.core.storage.settings_repo import organisation_began, records_began
from partydesk.core.storage.tables import MEMBER_NAME_ORDER, Member, MemberEventRow, Site

PRESENT, LEAVE, ABSENT = "present", "leave", "absent"
STATUSES = (PRESENT, LEAVE, ABSENT)


@dataclass(frozen=True)
class MeetingData:
    """What a person records about a meeting (all text; empty when not given)."""

    type_code: str
    topic: str
    held_on: date
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    chair: str = ""
    recorder: str = ""
    lecturer: str = ""
    party_group: str = ""
    body: str = ""
    decisions: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Attendance:
    """One expected member's attendance."""

    member_id: str
    status: str
    voting: bool
    reason: str = ""


@dataclass(frozen=True)
class MeetingSummary:
    """A meeting as lists show it: 应到 is the attendance rows, 实到 those present."""

    id: str
    type_code: str
    topic: str
    held_on: date
    party_group: str
    expected: int
    present: int
    voting_expected: int
    voting_present: int
    org_id: str = ""  # whose meeting (a committee's file holds several branches')


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment row: the stored file's hash, the name it was added under, type and size."""

    id: str
    sha256: str
    name: str
    mime: str
    size: int


# What a tombstoned row keeps: nothing a person wrote (the meeting's type, date and group stay, since
# the compliance calendar of a committee may still need to know a slot was filled and then removed).
WIPED_MEETING = {"topic": "", "start_time": "", "end_time": "", "place": "", "chair": "", "recorder": "",
                 "lecturer": "", "body": "", "decisions": "", "notes": ""}
WIPED_CHILD: dict[type[Any], dict[str, object]] = {
    MeetingAttendance: {"reason": ""}, MeetingGuest: {"name": "", "role": ""}, MeetingAgendaItem: {"text": ""},
    MeetingMotion: {"title": ""}, MeetingAttachment: {"name": ""},
}

# ---------------------------------------------------------------- writes


def insert_meeting(session: Session, org_id: str, data: MeetingData, attendance: Sequence[Attendance],
                   guests: Sequence[tuple[str, str]] = ()) -> str:
    """Add a meeting of organisation ``org_id`` with its attendance rows and guests (name, role); returns
    the meeting id."""
    row = Meeting(org_id=org_id, deleted=False, **vars(data))
    session.add(row)
    session.flush()
    session.add_all(MeetingAttendance(meeting_id=row.id, member_id=a.member_id, status=a.status, voting=a.voting,
                                      reason=a.reason, deleted=False) for a in attendance)
    session.add_all(MeetingGuest(meeting_id=row.id, name=name, role=role, deleted=False) for name, role in guests)
    session.flush()
    return row.id


def update_meeting_row(session: Session, meeting_id: str, data: MeetingData) -> None:
    """Overwrite a live meeting's recorded fields (only changed columns are stamped as changed)."""
    row = _live(session, meeting_id)
    for name, value in vars(data).items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def set_attendance(session: Session, meeting_id: str, rows: Sequence[Attendance]) -> None:
    """Make the live attendance of a meeting exactly ``rows``: changed rows updated, members no longer
    expected tombstoned, newly expected members added."""
    wanted = {r.member_id: r for r in rows}
    live = session.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id,
                                                           MeetingAttendance.deleted.is_(False))).all()
    for row in live:
        new = wanted.pop(row.member_id, None)
        if new is None:
            _tombstone(row)
            continue
        for name in ("status", "voting", "reason"):
            if getattr(row, name) != getattr(new, name):
                setattr(row, name, getattr(new, name))
    session.add_all(MeetingAttendance(meeting_id=meeting_id, member_id=a.member_id, status=a.status,
                                      voting=a.voting, reason=a.reason, deleted=False) for a in wanted.values())


def _sync_list(session: Session, model: type[Any], meeting_id: str, values: Sequence[dict[str, Any]]) -> None:
    """Make a meeting's live child rows of ``model`` equal ``values`` in order: rows are reused by
    position (only changed columns are written), surplus rows tombstoned, missing ones added."""
    live = session.scalars(select(model).where(model.meeting_id == meeting_id, model.deleted.is_(False))
                           .order_by(*_order(model))).all()
    for row, value in zip(live, values, strict=False):
        for name, v in value.items():
            if getattr(row, name) != v:
                setattr(row, name, v)
    for row in live[len(values):]:
        _tombstone(row)
    session.add_all(model(meeting_id=meeting_id, deleted=False, **v) for v in values[len(live):])


def _order(model: type[Any]) -> tuple[Any, ...]:
    return (model.position, model.change_seq) if hasattr(model, "position") else (model.change_seq,)


def set_guests(session: Session, meeting_id: str, guests: Sequence[tuple[str, str]]) -> None:
    """The 列席 guests (name, role) of a meeting, in order."""
    _sync_list(session, MeetingGuest, meeting_id, [{"name": n, "role": r} for n, r in guests])


def set_agenda(session: Session, meeting_id: str, items: Sequence[str]) -> None:
    """The agenda items of a meeting, in order."""
    _sync_list(session, MeetingAgendaItem, meeting_id,
               [{"position": i, "text": text} for i, text in enumerate(items)])


def set_motions(session: Session, meeting_id: str, motions: Sequence[Motion]) -> None:
    """The motions of a meeting with their votes, in order."""
    _sync_list(session, MeetingMotion, meeting_id, [
        {"position": i, "title": m.title, "votes_for": m.votes_for, "votes_against": m.votes_against,
         "votes_abstaining": m.votes_abstaining} for i, m in enumerate(motions)])


def set_attachments(session: Session, meeting_id: str, keep: Sequence[str], add: Sequence[StoredFile]) -> None:
    """Keep the attachment rows whose ids are in ``keep`` (tombstoning the others) and add ``add``."""
    kept = set(keep)
    live = session.scalars(select(MeetingAttachment).where(MeetingAttachment.meeting_id == meeting_id,
                                                           MeetingAttachment.deleted.is_(False))).all()
    for row in live:
        if row.id not in kept:
            _tombstone(row)
    session.add_all(MeetingAttachment(meeting_id=meeting_id, deleted=False, **vars(a)) for a in add)


def tombstone_meeting(session: Session, meeting_id: str) -> None:
    """Delete a meeting as a tombstone: it and every child row marked deleted, their text wiped."""
    _tombstone(_live(session, meeting_id))
    for model in WIPED_CHILD:
        for row in session.scalars(select(model).where(model.meeting_id == meeting_id, model.deleted.is_(False))):
            _tombstone(row)


def _tombstone(row: Any) -> None:
    row.deleted = True
    for name, value in (WIPED_MEETING if isinstance(row, Meeting) else WIPED_CHILD[type(row)]).items():
        setattr(row, name, value)


def _live(session: Session, meeting_id: str) -> Meeting:
    row = session.get(Meeting, meeting_id)
    if row is None or row.deleted:
        raise LookupError(meeting_id)
    return row


# ---------------------------------------------------------------- reads


ROLL_CHUNK = 500  # ids per IN list (SQLite's bound-parameter limit is far above; server databases vary)


def roll_members(session: Session, *, ids: Collection[str] | None = None,
                 org_id: str | None = None) -> list[RollMember]:
    """Every live member with its live events: what the 应到 roll of any date is computed from.

    In 拼音 order (by chunks of ``ROLL_CHUNK`` when ``ids`` are given); ``ids``: only these members (the
    check of a few participants, or the ledger's few members with a moving event, need not read a
    committee's whole roll); ``org_id``: only the members of that organisation (a meeting's roll in a
    committee's file, which holds every branch's members).
    """
    of_org = None if org_id is None else Member.org_id == org_id
    if ids is None:
        return _roll(session, of_org)
    wanted = list(dict.fromkeys(ids))
    return [m for i in range(0, len(wanted), ROLL_CHUNK)
            for m in _roll(session, Member.id.in_(wanted[i:i + ROLL_CHUNK]) if of_org is None
                           else Member.id.in_(wanted[i:i + ROLL_CHUNK]) & of_org)]


def meeting_org(session: Session, meeting_id: str) -> str | None:
    """The organisation a meeting is of (None: no such meeting)."""
    return session.scalar(select(Meeting.org_id).where(Meeting.id == meeting_id))


def roll_outline(session: Session, moving_kinds: Collection[str], *,
                 ids: Collection[str] | None = None) -> list[RollOutline]:
    """Every live member (or those of ``ids``) in 拼音 order with its admission day for the roll and
    whether it has a live event of ``moving_kinds`` (domain/study_roll.py).

    Two plain reads: the members, and one scan of the 入党 and moving events (grouping them in SQL made
    the database walk the event index row by row, several times slower at 100 000 members).
    """
    e = MemberEventRow
    events = select(e.member_id, e.kind, e.on_date).where(e.deleted.is_(False),
                                                          e.kind.in_([EventKind.JOINED.value, *moving_kinds]))
    members = (select(Member.id, Member.name, Member.party_group, Member.party_post, Member.org_id,
                      Member.joined_on, Member.id_number)
               .where(Member.deleted.is_(False)).order_by(MEMBER_NAME_ORDER, Member.id))
    chunks: list[list[str] | None] = [None]
    if ids is not None:
        wanted = list(dict.fromkeys(ids))
        chunks = [wanted[i:i + ROLL_CHUNK] for i in range(0, len(wanted), ROLL_CHUNK)]
    out = []
    for chunk in chunks:
        joins: dict[str, tuple[int, date | None]] = {}
        movers: set[str] = set()
        for member_id, kind, on_date in session.execute(events if chunk is None else
                                                        events.where(e.member_id.in_(chunk))):
            if kind != EventKind.JOINED.value:
                movers.add(member_id)
                continue
            count, last = joins.get(member_id, (0, None))
            joins[member_id] = (count + 1, on_date if last is None or (on_date is not None and on_date > last)
                                else last)
        for r in session.execute(members if chunk is None else members.where(Member.id.in_(chunk))):
            count, last = joins.get(r[0], (0, None))
            out.append(RollOutline(r[0], r[1], r[2], r[3], r[4], admitted_on(r[5], count, last), r[0] in movers,
                                   r[6] or ""))
    return out


def _roll(session: Session, which: Any) -> list[RollMember]:
    events: dict[str, list[MemberEvent]] = {}
    query = select(MemberEventRow.id, MemberEventRow.member_id, MemberEventRow.kind, MemberEventRow.on_date,
                   MemberEventRow.detail, MemberEventRow.change_seq).where(MemberEventRow.deleted.is_(False))
    if which is not None:
        query = query.where(MemberEventRow.member_id.in_(select(Member.id).where(which)))
    for r in session.execute(query):
        events.setdefault(r.member_id, []).append(
            MemberEvent(r.id, r.member_id, EventKind(r.kind), r.on_date, r.detail, seq=r.change_seq))
    members = select(Member.id, Member.name, Member.category, Member.joined_on, Member.confirmed_on,
                     Member.party_group, Member.party_post).where(Member.deleted.is_(False))
    if which is not None:
        members = members.where(which)
    return [RollMember(r.id, r.name, r.category, r.joined_on, r.confirmed_on, r.party_group, r.party_post,
                       tuple(events.get(r.id, ()))) for r in session.execute(members.order_by(MEMBER_NAME_ORDER,
                                                                                               Member.id))]


def away_of(session: Session, ids: Collection[str]) -> dict[str, str]:
    """Of these members, those marked 失联 ("lost") or 流动 ("migrant") on their record (lost first)."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, str] = {}
    for i in range(0, len(wanted), ROLL_CHUNK):
        query = select(Member.id, Member.lost_contact, Member.migrant).where(
            Member.id.in_(wanted[i:i + ROLL_CHUNK]), Member.lost_contact.is_(True) | Member.migrant.is_(True))
        out.update((r.id, "lost" if r.lost_contact else "migrant") for r in session.execute(query))
    return out


def last_attended(session: Session, member_id: str) -> date | None:
    """The date of the last live meeting the member attended (组织生活), or None."""
    return last_attended_of(session, [member_id]).get(member_id)


def attendance_counts(session: Session, member_id: str, start: date, end: date) -> dict[str, int]:
    """status (present / leave / absent) -> how many live meetings from ``start`` to ``end`` had the member so."""
    query = (select(MeetingAttendance.status, func.count())
             .join(Meeting, MeetingAttendance.meeting_id == Meeting.id)
             .where(MeetingAttendance.member_id == member_id, MeetingAttendance.deleted.is_(False),
                    Meeting.deleted.is_(False), Meeting.held_on >= start, Meeting.held_on <= end)
             .group_by(MeetingAttendance.status))
    return {status: int(count) for status, count in session.execute(query)}


def corrected_at(session: Session, meeting_id: str) -> datetime | None:
    """When the meeting's record (itself, its attendance, guests, agenda, motions or files, removed ones too)
    was last changed by an office other than the one keeping it: a higher level's correction (上级更正),
    received at the branch; None when never. The time is kept in UTC."""
    found: list[datetime] = []
    parts: list[tuple[Any, Any]] = [(Meeting, Meeting.id), (MeetingAttendance, MeetingAttendance.meeting_id),
                                    (MeetingGuest, MeetingGuest.meeting_id),
                                    (MeetingAgendaItem, MeetingAgendaItem.meeting_id),
                                    (MeetingMotion, MeetingMotion.meeting_id),
                                    (MeetingAttachment, MeetingAttachment.meeting_id)]
    for model, key in parts:
        query = select(model.version, model.owner_site, model.updated_at).where(key == meeting_id)
        found += [at for version, owner, at in session.execute(query)
                  if version and owner and not version.endswith(owner) and isinstance(at, datetime)]
    return max(found, default=None)


def lost_since_of(session: Session) -> dict[str, date]:
    """member id -> the day each live member marked 失联 lost contact (those with the day recorded)."""
    query = select(Member.id, Member.lost_since).where(Member.deleted.is_(False), Member.lost_contact.is_(True))
    return {member_id: since for member_id, since in session.execute(query) if isinstance(since, date)}


def last_attended_of(session: Session, ids: Collection[str]) -> dict[str, date]:
    """``last_attended`` of each of these members who attended any live meeting (read by chunks)."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, date] = {}
    for i in range(0, len(wanted), ROLL_CHUNK):
        query = (select(MeetingAttendance.member_id, func.max(Meeting.held_on))
                 .join(Meeting, MeetingAttendance.meeting_id == Meeting.id)
                 .where(MeetingAttendance.member_id.in_(wanted[i:i + ROLL_CHUNK]),
                        MeetingAttendance.status == PRESENT, MeetingAttendance.deleted.is_(False),
                        Meeting.deleted.is_(False))
                 .group_by(MeetingAttendance.member_id))
        out.update((member_id, held) for member_id, held in session.execute(query) if isinstance(held, date))
    return out


def member_names(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """id -> name of the live members among ``ids``."""
    return _of_members(session, ids, Member.name)


def _of_members(session: Session, ids: Sequence[str], column: Any) -> dict[str, str]:
    """id -> ``column`` of the live members among ``ids`` (read by chunks: SQLite caps the bound parameters)."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, str] = {}
    for i in range(0, len(wanted), ROLL_CHUNK):
        query = select(Member.id, column).where(Member.deleted.is_(False), Member.id.in_(wanted[i:i + ROLL_CHUNK]))
        out.update((member_id, value or "") for member_id, value in session.execute(query))
    return out


def _counted() -> tuple[Any, ...]:
    a = MeetingAttendance
    here = a.status == PRESENT
    return (func.count(a.id).label("expected"),
            func.coalesce(func.sum(case((here, 1), else_=0)), 0).label("present"),
            func.coalesce(func.sum(case((a.voting, 1), else_=0)), 0).label("voting_expected"),
            func.coalesce(func.sum(case((here & a.voting, 1), else_=0)), 0).label("voting_present"))


def meetings_between(session: Session, start: date, end: date, org_id: str | None = None) -> list[MeetingSummary]:
    """Live meetings held from ``start`` to ``end`` (inclusive), oldest first, with their counts (``org_id``: of
    that organisation only)."""
    a = MeetingAttendance
    query = (select(Meeting.id, Meeting.type_code, Meeting.topic, Meeting.held_on, Meeting.party_group, *_counted(),
                    Meeting.org_id)
             .outerjoin(a, (a.meeting_id == Meeting.id) & a.deleted.is_(False))
             .where(Meeting.deleted.is_(False), Meeting.held_on >= start, Meeting.held_on <= end)
             .group_by(Meeting.id).order_by(Meeting.held_on, Meeting.change_seq))
    if org_id is not None:
        query = query.where(Meeting.org_id == org_id)
    return [MeetingSummary(*r) for r in session.execute(query)]


def ids_beginning(session: Session, prefix: str, limit: int = 2) -> list[str]:
    """The ids of live meetings beginning with ``prefix`` (at most ``limit``)."""
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    query = select(Meeting.id).where(Meeting.deleted.is_(False), Meeting.id.like(pattern, escape="\\")).limit(limit)
    return list(session.scalars(query))


def get_meeting(session: Session, meeting_id: str) -> MeetingData | None:
    """The live meeting's record, or None."""
    row = session.get(Meeting, meeting_id)
    if row is None or row.deleted:
        return None
    return MeetingData(**{name: getattr(row, name) for name in MeetingData.__dataclass_fields__})


def attendance_of(session: Session, meeting_id: str) -> list[Attendance]:
    """The attendance rows of one meeting."""
    a = MeetingAttendance
    rows = session.execute(select(a.member_id, a.status, a.voting, a.reason)
                           .where(a.meeting_id == meeting_id, a.deleted.is_(False)))
    return [Attendance(*r) for r in rows]


def held_by_month(session: Session, start: date, end: date, *,
                  org_id: str | None = None) -> list[tuple[str, str, int, int, int]]:
    """(type code, party group, year, month, meetings held) for live meetings from ``start`` to ``end``, of
    one organisation or (``org_id`` None) of every one in the file."""
    # Grouped by day in SQL and by month here: a date function per row (strftime on SQLite) costs more
    # than the whole count, and grouping by the column itself stays dialect-neutral.
    query = (select(Meeting.type_code, Meeting.party_group, Meeting.held_on, func.count())
             .where(Meeting.deleted.is_(False), Meeting.held_on >= start, Meeting.held_on <= end)
             .group_by(Meeting.type_code, Meeting.party_group, Meeting.held_on))
    if org_id is not None:
        query = query.where(Meeting.org_id == org_id)
    months: dict[tuple[str, str, int, int], int] = {}
    for code, group, day, n in session.execute(query):
        key = (code, group, day.year, day.month)
        months[key] = months.get(key, 0) + n
    return [(*key, n) for key, n in months.items()]


def reckoned_from(session: Session, org_id: str | None = None) -> date | None:
    """The day a branch's file reckons its meetings from: the earlier of the day its records began
    (``settings_repo.records_began``) and its first live meeting (of one organisation, or of any). None
    before set-up. In a committee's file a branch (``org_id``) is reckoned as its own file reckons it, from
    the day its records began as its organisation record says, or over the whole year when that is not known
    (a branch whose program predates the record's field and has sent nothing since); the whole file, None."""
    began = records_began(session)
    if began is None:
        return None
    if session.execute(select(Site.role).where(Site.id == 1)).scalar_one() == "committee":
        began = organisation_began(session, org_id) if org_id is not None else None
        if began is None:
            return None
    query = select(func.min(Meeting.held_on)).where(Meeting.deleted.is_(False))
    if org_id is not None:
        query = query.where(Meeting.org_id == org_id)
    first: date | None = session.execute(query).scalar_one_or_none()
    return min(first, began) if first is not None else began


def party_groups(session: Session, org_id: str | None = None) -> list[str]:
    """The 党小组 names live members belong to (of one organisation, or of all), in their numbered order."""
    query = select(Member.party_group).where(Member.deleted.is_(False), Member.party_group != "").distinct()
    if org_id is not None:
        query = query.where(Member.org_id == org_id)
    return sorted(session.scalars(query), key=group_sort_key)


def attendance_tally(session: Session, start: date, end: date, *,
                     org_id: str | None = None) -> dict[str, dict[str, int]]:
    """member id -> {status: how many meetings} over live meetings from ``start`` to ``end`` (of ``org_id``)."""
    a = MeetingAttendance
    query = (select(a.member_id, a.status, func.count(a.id)).join(Meeting, Meeting.id == a.meeting_id)
             .where(Meeting.deleted.is_(False), a.deleted.is_(False), Meeting.held_on >= start,
                    Meeting.held_on <= end)
             .group_by(a.member_id, a.status))
    if org_id is not None:
        query = query.where(Meeting.org_id == org_id)
    out: dict[str, dict[str, int]] = {}
    for member_id, status, n in session.execute(query):
        out.setdefault(member_id, {})[status] = n
    return out


def absence_runs(session: Session, end: date, times: int, *, org_id: str | None = None) -> dict[str, int]:
    """member id -> how many meetings in a row, up to ``end``, the member was last absent from (at least
    ``times``). The run starts after the member's latest meeting attended or excused (请假); an absence on
    that same day does not count. With ``org_id`` only that organisation's meetings count.

    A committee file holds over a million attendance rows, and grouping them all by member took 20 s.
    The absences are a few per cent of the rows: read them first, and each member with ``times`` or more
    has a day (its ``times``-th latest absence) that a later attended or excused meeting must reach to
    break the run. The attended rows are then read newest first, only until every such member has been
    seen (most have within the last weeks) or the rows are older than their day; the few left get their
    latest attended day from a query of their own rows.
    """
    a = MeetingAttendance
    live = [a.deleted.is_(False), Meeting.deleted.is_(False), Meeting.held_on <= end]
    if org_id is not None:
        live.append(Meeting.org_id == org_id)
    absences: dict[str, list[date]] = {}
    for member_id, day in session.execute(select(a.member_id, Meeting.held_on)
                                          .join(Meeting, Meeting.id == a.meeting_id).where(*live, a.status == ABSENT)):
        absences.setdefault(member_id, []).append(day)
    # The day each member's run must reach back to: its times-th latest absence.
    reach = {m: sorted(days, reverse=True)[times - 1] for m, days in absences.items() if len(days) >= max(times, 1)}
    last_ok = _latest_attended(session, live, reach)
    runs = {m: sum(1 for day in absences[m] if m not in last_ok or day > last_ok[m]) for m in reach}
    return {m: n for m, n in runs.items() if n >= times}


def _latest_attended(session: Session, live: list[Any], reach: dict[str, date]) -> dict[str, date]:
    """The latest day each member of ``reach`` attended or was excused, where that matters for its run."""
    a = MeetingAttendance
    pending = set(reach)
    by_reach = sorted(reach, key=reach.__getitem__)  # the member whose day lies furthest back first
    lowest = 0
    found: dict[str, date] = {}
    attended = (select(a.member_id, Meeting.held_on).join(Meeting, Meeting.id == a.meeting_id)
                .where(*live, a.status != ABSENT).order_by(Meeting.held_on.desc())
                .execution_options(yield_per=2000))
    current: date | None = None
    result = session.execute(attended)
    for member_id, day in result:
        if day != current:
            current = day
            while lowest < len(by_reach) and by_reach[lowest] not in pending:
                lowest += 1
            if lowest == len(by_reach) or day < reach[by_reach[lowest]]:
                break  # every member still unseen has a run of at least ``times``
        if member_id in pending:
            found[member_id] = day
            pending.discard(member_id)
    result.close()
    wanted = sorted(pending)
    for start in range(0, len(wanted), 900):  # SQLite's bound-variable limit
        query = (select(a.member_id, func.max(Meeting.held_on)).join(Meeting, Meeting.id == a.meeting_id)
                 .where(*live, a.status != ABSENT, a.member_id.in_(wanted[start:start + 900]))
                 .group_by(a.member_id))
        found.update({m: day for m, day in session.execute(query) if day is not None})
    return found


def guests_of(session: Session, meeting_id: str) -> list[tuple[str, str]]:
    """The live 列席 guests of a meeting (name, role), in the order recorded."""
    g = MeetingGuest
    rows = session.execute(select(g.name, g.role).where(g.meeting_id == meeting_id, g.deleted.is_(False))
                           .order_by(g.change_seq))
    return [(r.name, r.role) for r in rows]


def agenda_of(session: Session, meeting_id: str) -> list[str]:
    """The live agenda items of a meeting, in order."""
    a = MeetingAgendaItem
    return list(session.scalars(select(a.text).where(a.meeting_id == meeting_id, a.deleted.is_(False))
                                .order_by(a.position, a.change_seq)))


def motions_of(session: Session, meeting_id: str) -> list[Motion]:
    """The live motions of a meeting with their votes, in order."""
    m = MeetingMotion
    rows = session.execute(select(m.title, m.votes_for, m.votes_against, m.votes_abstaining)
                           .where(m.meeting_id == meeting_id, m.deleted.is_(False)).order_by(m.position, m.change_seq))
    return [Motion(*r) for r in rows]


def attachments_of(session: Session, meeting_id: str) -> list[AttachmentInfo]:
    """The live attachments of a meeting, in the order added."""
    a = MeetingAttachment
    rows = session.execute(select(a.id, a.sha256, a.name, a.mime, a.size)
                           .where(a.meeting_id == meeting_id, a.deleted.is_(False)).order_by(a.change_seq))
    return [AttachmentInfo(*r) for r in rows]


def hashes_in_use(session: Session, hashes: Sequence[str]) -> set[str]:
    """Which of ``hashes`` a live attachment row still names (a meeting's, or a notice's: the same store)."""
    from partydesk.core.storage.notice_tables import NoticeAttachment

    used: set[str] = set()
    for a in (MeetingAttachment, NoticeAttachment):
        used |= set(session.scalars(select(a.sha256).where(a.sha256.in_(list(hashes)), a.deleted.is_(False))))
    return used


def meeting_exists(session: Session, meeting_id: str) -> bool:
    """True when the meeting is live."""
    row = session.get(Meeting, meeting_id)
    return row is not None and not row.deleted
