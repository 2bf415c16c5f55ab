"""SQL aggregates for the grouped to-dos (待办汇总): how many members of each organisation a per-member check
names, and the members themselves only for the organisations that get named findings.

Each function takes a read session and returns plain tuples. A check that names members one by one
(谈心谈话, 学时) asks first for counts grouped by organisation; an organisation with many members behind
gets one summary finding (``core.checks.grouping``), and only the others are read member by member
(``org_ids``), so a committee file of 100 000 members never builds 100 000 findings.

Talks (谈心谈话): the *plain* members are those with no live event that moves the roll
(``study_roll.MOVING_KINDS``) whose admission day (``study_roll.admitted_on``: the latest dated 入党 event,
else the record's 入党日期) is the record's 入党日期, as the services keep it; they are on the roll from
that day, and their next talk is due ``months`` after the later of it and the last talk. The rest (few:
a moving event, no known admission day, 入党 events dated otherwise) are judged one by one by the services.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, case, exists, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.member_events import EventKind, MemberEvent
from partydesk.core.storage import talk_repo
from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance
from partydesk.core.storage.tables import MEMBER_NAME_ORDER, Member, MemberEventRow, Organisation

CHUNK = 500  # ids per IN list, well under SQLite's bound-parameter limit


@dataclass(frozen=True)
class Floor:
    """How far back a member with no talk recorded counts from (``domain.talks.floor_start``): the first of the
    month the organisation's records began in (its own record's day, else ``began``, the file's), shifted by
    ``shift_months``."""

    began: date
    shift_months: int


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _disagreeing() -> Any:
    """The members with a live 入党 event dated otherwise than the record's 入党日期 (or undated): read from
    the events, each member looked up by id in ``ix_member_key``. The services keep the record's date the
    one its events give (``derive_state``), so this is normally empty; such members are judged one by one."""
    e, m = MemberEventRow, aliased(Member)
    return (select(e.member_id).join(m, m.id == e.member_id)
            .where(e.kind == EventKind.JOINED.value, e.deleted.is_(False), e.on_date.is_distinct_from(m.joined_on)))


def disagreeing_ids(session: Session) -> list[str] | None:
    """The ids of ``_disagreeing`` when they are at most half a ``CHUNK`` (the usual case: none), else None.
    Half: ``talk_due_rows`` binds them beside a chunk of organisation ids, and both must stay under the 999
    parameters older SQLite builds allow."""
    most = CHUNK // 2
    ids = [r[0] for r in session.execute(_disagreeing().limit(most + 1))]
    return ids if len(ids) <= most else None


def _not_disagreeing(disagreeing: list[str] | None) -> Any:
    """The condition "not among ``_disagreeing``": by the short list ``disagreeing_ids`` gave, or by the
    subquery when they are many (None)."""
    return Member.id.not_in(disagreeing) if disagreeing is not None else Member.id.not_in(_disagreeing())


def _talk_parts(today: date, moving_kinds: Collection[str], disagreeing: list[str] | None,
                floor: Floor | None) -> tuple[Any, Any, Any]:
    """(the admission day, the day the next talk counts from, the condition of a plain member on the roll).

    A plain member's admission day is the record's 入党日期: with no 入党 event it is the rule itself, and
    with any, the member is plain only when every one of them carries that date (``_disagreeing``). With no
    talk recorded the next counts from admission, but not before ``floor`` (``domain.talks.floor_start``: the
    organisation's file began its records then and the talks before are not known): the first of the month
    the records began in, shifted by its months, worked out in SQL from each member's organisation record
    (joined as ``Organisation``; the file's own day for one that does not say)."""
    e = MemberEventRow
    part = talk_repo.participations(today)
    last_talk = (select(part.c.member_id.label("member_id"), func.max(part.c.held_on).label("day"))
                 .group_by(part.c.member_id).subquery())
    movers = select(e.member_id).where(e.deleted.is_(False), e.kind.in_(sorted(moving_kinds)))
    admitted = Member.joined_on
    since: Any = admitted
    if floor is not None:
        began = func.coalesce(Organisation.records_began, floor.began, type_=Date)
        start_of = func.date(began, "start of month", f"{floor.shift_months:+d} months", type_=Date)
        since = case((admitted < start_of, start_of), else_=admitted)
    start = func.coalesce(last_talk.c.day, since, type_=Date)
    plain = (Member.deleted.is_(False), Member.id.not_in(movers), _not_disagreeing(disagreeing),
             admitted.is_not(None), admitted <= today)
    return admitted, start, (last_talk, plain)


def talk_due_counts(session: Session, today: date, *, soon_from: date, overdue_from: date,
                    moving_kinds: Collection[str], disagreeing: list[str] | None, floor: Floor | None = None
                    ) -> dict[str, tuple[int, int, date | None]]:
    """org id -> (plain members whose talk counts from ``soon_from`` or earlier, of whom from ``overdue_from``
    or earlier, the earliest day counted from): the plain members due a talk soon, and overdue (with no talk
    recorded, counted from ``floor`` at the earliest)."""
    _admitted, start, (last_talk, plain) = _talk_parts(today, moving_kinds, disagreeing, floor)
    # Each member's start worked out once: a subquery with a LIMIT is not merged into the aggregate around it,
    # which would work it out again for every use (the floor's date arithmetic, for every member).
    starts = (select(Member.org_id.label("org_id"), start.label("start"))
              .select_from(Member).outerjoin(last_talk, last_talk.c.member_id == Member.id)
              .outerjoin(Organisation, Organisation.id == Member.org_id)
              .where(*plain).limit(-1).subquery("talk_start"))
    due = starts.c.start
    overdue = func.coalesce(func.sum(case((due <= overdue_from, 1), else_=0)), 0)
    query = (select(starts.c.org_id, func.count(), overdue, func.min(due))
             .where(due <= soon_from).group_by(starts.c.org_id))
    return {r[0]: (int(r[1]), int(r[2]), _day(r[3])) for r in session.execute(query)}


def talk_due_rows(session: Session, today: date, *, soon_from: date, moving_kinds: Collection[str],
                  org_ids: Sequence[str] | None = None, disagreeing: list[str] | None,
                  floor: Floor | None = None) -> list[tuple[str, str, str, str, date, date | None]]:
    """(id, name, party group, org id, admission day, last talk) of the plain members due a talk by
    ``soon_from`` (with no talk recorded, counted from ``floor`` at the earliest; of the organisations
    ``org_ids`` when given)."""
    admitted, start, (last_talk, plain) = _talk_parts(today, moving_kinds, disagreeing, floor)
    query = (select(Member.id, Member.name, Member.party_group, Member.org_id, admitted, last_talk.c.day)
             .select_from(Member).outerjoin(last_talk, last_talk.c.member_id == Member.id)
             .outerjoin(Organisation, Organisation.id == Member.org_id)
             .where(*plain, start <= soon_from)
             .order_by(MEMBER_NAME_ORDER, Member.id))
    chunks: list[Any] = [true()] if org_ids is None else [
        Member.org_id.in_(list(org_ids)[i:i + CHUNK]) for i in range(0, len(org_ids), CHUNK)]
    out = []
    for where in chunks:
        for r in session.execute(query.where(where)):
            out.append((r[0], r[1], r[2], r[3], _day(r[4]) or date.min, _day(r[5])))
    return out


def talk_replay_ids(session: Session, moving_kinds: Collection[str],
                    disagreeing: list[str] | None) -> list[str]:
    """The members outside the plain case: a live moving event, no admission day known (入党 events none
    of them dated, or none and no 入党日期 on the record), or 入党 events dated otherwise than the record.
    Plain scans of few rows each."""
    e = MemberEventRow
    live = e.deleted.is_(False)
    out = {r[0] for r in session.execute(select(e.member_id).where(live, e.kind.in_(sorted(moving_kinds))))}
    out.update(disagreeing if disagreeing is not None else (r[0] for r in session.execute(_disagreeing())))
    undated = sorted({r[0] for r in session.execute(
        select(e.member_id).where(live, e.kind == EventKind.JOINED.value, e.on_date.is_(None)))})
    for i in range(0, len(undated), CHUNK):
        chunk = undated[i:i + CHUNK]
        dated = {r[0] for r in session.execute(select(e.member_id).where(
            live, e.kind == EventKind.JOINED.value, e.on_date.is_not(None), e.member_id.in_(chunk)))}
        out.update(m for m in chunk if m not in dated)
    any_join = exists().where(e.member_id == Member.id, live, e.kind == EventKind.JOINED.value)
    out.update(r[0] for r in session.execute(
        select(Member.id).where(Member.deleted.is_(False), Member.joined_on.is_(None), ~any_join)))
    return sorted(out)


def last_talks(session: Session, until: date, ids: Sequence[str]) -> dict[str, date]:
    """member id -> the latest live talk up to ``until`` each took part in (``talk_repo.participations``), for
    the members among ``ids``."""
    unique = sorted(set(ids))
    out: dict[str, date] = {}
    part = talk_repo.participations(until)
    for i in range(0, len(unique), CHUNK):
        query = (select(part.c.member_id, func.max(part.c.held_on))
                 .where(part.c.member_id.in_(unique[i:i + CHUNK])).group_by(part.c.member_id))
        out.update({m: _day(d) for m, d in session.execute(query) if d is not None})
    return out


def member_org_count(session: Session) -> int:
    """How many organisations have member rows (the org index alone answers it)."""
    return len(session.execute(select(Member.org_id).distinct().limit(2)).all())


def _study_below(session: Session, year: int, *, leader_posts: Sequence[str], member_full: int, leader_full: int,
                 below_bp: int) -> tuple[Any, Any, Any]:
    """(credited tenths, the leader condition, the where-clause) of the plain-case members of ``year``
    (``workbench_repo.study_simple_rows``) under ``below_bp`` basis points of their role's full quota."""
    from partydesk.core.storage.workbench_repo import simple_member

    credits = _credits(year)
    leader = Member.party_post.in_(list(leader_posts))
    got = func.coalesce(credits.c.got, 0)
    below = got * 10_000 < case((leader, leader_full), else_=member_full) * below_bp
    return got, leader, (credits, (simple_member(year), below))


def study_below_counts(session: Session, year: int, *, leader_posts: Sequence[str], member_full: int,
                       leader_full: int, below_bp: int) -> dict[str, int]:
    """org id -> LIVE members (every one, plain case or not) whose credit in ``year`` is under ``below_bp``
    basis points of their role's full quota: the plain rule applied to all, which the caller corrects for
    the few outside the plain case (cheaper than telling the plain case apart in SQL)."""
    credits, leader = _credits(year), Member.party_post.in_(list(leader_posts))
    got = func.coalesce(credits.c.got, 0)
    below = got * 10_000 < case((leader, leader_full), else_=member_full) * below_bp
    query = (select(Member.org_id, func.count()).select_from(Member)
             .outerjoin(credits, credits.c.member_id == Member.id)
             .where(Member.deleted.is_(False), below).group_by(Member.org_id))
    return {r[0]: int(r[1]) for r in session.execute(query)}


def study_on_track_counts(session: Session, year: int, *, leader_posts: Sequence[str], member_owes: int,
                          leader_owes: int, org_id: str | None = None) -> tuple[int, int]:
    """(on track, counted) over every LIVE member by the plain rule (credit at least what the role owes by
    the day), without telling the plain case apart: ``services.study_track.on_track`` takes the others
    (``study_other_members``) back out and judges them by the ledger's rule."""
    credits = _credits(year)
    owed = case((Member.party_post.in_(list(leader_posts)), leader_owes), else_=member_owes)
    got = func.coalesce(credits.c.got, 0)
    query = (select(func.count(), func.coalesce(func.sum(case((got >= owed, 1), else_=0)), 0))
             .select_from(Member).outerjoin(credits, credits.c.member_id == Member.id)
             .where(Member.deleted.is_(False), true() if org_id is None else Member.org_id == org_id))
    counted, good = session.execute(query).one()
    return int(good), int(counted)


def live_with_posts(session: Session, posts: Sequence[str]) -> list[tuple[str, str, str]]:
    """(id, name, org id) of the live members holding one of ``posts`` (支委会 members: few)."""
    query = select(Member.id, Member.name, Member.org_id).where(Member.deleted.is_(False),
                                                                 Member.party_post.in_(list(posts)))
    return [(r[0], r[1], r[2]) for r in session.execute(query.order_by(MEMBER_NAME_ORDER))]


def _credits(year: int) -> Any:
    from partydesk.core.storage.study_tables import StudyActivity, StudyCredit

    return (select(StudyCredit.member_id, func.sum(StudyCredit.tenths).label("got"))
            .join(StudyActivity, StudyActivity.id == StudyCredit.activity_id)
            .where(StudyCredit.year == year, StudyCredit.deleted.is_(False), StudyActivity.deleted.is_(False))
            .group_by(StudyCredit.member_id).subquery())


def study_below_rows(session: Session, year: int, *, leader_posts: Sequence[str], member_full: int,
                     leader_full: int, below_bp: int, org_ids: Sequence[str]
                     ) -> list[tuple[str, str, str, bool, int, str]]:
    """(id, name, party group, leader, credited tenths, org id) of those members, of the organisations
    ``org_ids`` only, in 拼音 order within each chunk of organisations."""
    got, leader, (credits, where) = _study_below(session, year, leader_posts=leader_posts,
                                                 member_full=member_full, leader_full=leader_full, below_bp=below_bp)
    query = (select(Member.id, Member.name, Member.party_group, leader, got, Member.org_id).select_from(Member)
             .outerjoin(credits, credits.c.member_id == Member.id).where(*where).order_by(MEMBER_NAME_ORDER))
    wanted = list(org_ids)
    return [(r[0], r[1], r[2], bool(r[3]), int(r[4]), r[5]) for i in range(0, len(wanted), CHUNK)
            for r in session.execute(query.where(Member.org_id.in_(wanted[i:i + CHUNK])))]


def study_other_members(session: Session, year: int) -> list[RollMember]:
    """``workbench_repo.study_other_members`` (the live members outside the plain case of ``year``, with
    their events) found by plain scans: the members with an event that moves the roll or a 入党 dated in
    or after the year (or undated), and those with no 入党 event whose record joined in or after it."""
    from partydesk.core.storage.workbench_repo import ROLL_MOVING

    e = MemberEventRow
    first = date(year, 1, 1)
    live = e.deleted.is_(False)
    ids = {r[0] for r in session.execute(select(e.member_id).where(live, e.kind.in_(ROLL_MOVING)))}
    ids.update(r[0] for r in session.execute(select(e.member_id).where(
        live, e.kind == EventKind.JOINED.value, (e.on_date.is_(None)) | (e.on_date >= first))))
    any_join = exists().where(e.member_id == Member.id, live, e.kind == EventKind.JOINED.value)
    ids.update(r[0] for r in session.execute(
        select(Member.id).where(Member.deleted.is_(False), Member.joined_on >= first, ~any_join)))
    return roll_members(session, sorted(ids))


def roll_members(session: Session, ids: Sequence[str]) -> list[RollMember]:
    """The live members among ``ids`` with their live events, read by id lists (``meeting_repo.roll_members``
    nests a subquery per chunk, which scans the events: a second at 2 000 ids of 100 000 members)."""
    events: dict[str, list[MemberEvent]] = {}
    found: list[Any] = []
    for i in range(0, len(ids), CHUNK):
        chunk = list(ids[i:i + CHUNK])
        # By id alone: with "not deleted" beside it SQLite walks the structure index instead of the key.
        found.extend(r for r in session.execute(
            select(Member.id, Member.name, Member.category, Member.joined_on, Member.confirmed_on,
                   Member.party_group, Member.party_post, Member.deleted).where(Member.id.in_(chunk)))
            if not r.deleted)
        query = (select(MemberEventRow.id, MemberEventRow.member_id, MemberEventRow.kind, MemberEventRow.on_date,
                        MemberEventRow.detail, MemberEventRow.change_seq)
                 .where(MemberEventRow.deleted.is_(False), MemberEventRow.member_id.in_(chunk)))
        for r in session.execute(query):
            events.setdefault(r.member_id, []).append(
                MemberEvent(r.id, r.member_id, EventKind(r.kind), r.on_date, r.detail, seq=r.change_seq))
    return [RollMember(r.id, r.name, r.category, r.joined_on, r.confirmed_on, r.party_group, r.party_post,
                       tuple(events.get(r.id, ()))) for r in found]


def meeting_signers(session: Session, start: date, end: date,
                    owner_site: str) -> list[tuple[str, date, str, str, str, str, str]]:
    """(id, held on, type code, topic, chair, recorder, lecturer) of the live meetings held from ``start`` to ``end``
    that ``owner_site`` records (a committee's file holds its branches' too), oldest first: a year's meetings of
    one office are a few hundred rows at most."""
    m = Meeting
    query = (select(m.id, m.held_on, m.type_code, m.topic, m.chair, m.recorder, m.lecturer)
             .where(m.deleted.is_(False), m.owner_site == owner_site, m.held_on >= start, m.held_on <= end)
             .order_by(m.held_on, m.id))
    return [(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in session.execute(query)]


def signer_marks(session: Session, start: date, end: date, owner_site: str) -> dict[str, dict[str, set[str]]]:
    """Per live meeting held from ``start`` to ``end`` that ``owner_site`` records: the attendance marks
    (present | leave | absent) of its expected members who bear the name of its 主持人, 记录人 or 授课人, by that
    name (two members of one name: both marks)."""
    m, a, p = Meeting, MeetingAttendance, Member
    query = (select(m.id, p.name, a.status)
             .join(a, a.meeting_id == m.id).join(p, p.id == a.member_id)
             .where(m.deleted.is_(False), a.deleted.is_(False), m.owner_site == owner_site, m.held_on >= start,
                    m.held_on <= end, p.name != "", or_(p.name == m.chair, p.name == m.recorder,
                                                        p.name == m.lecturer)))
    out: dict[str, dict[str, set[str]]] = {}
    for meeting_id, name, status in session.execute(query):
        out.setdefault(meeting_id, {}).setdefault(name, set()).add(status)
    return out
