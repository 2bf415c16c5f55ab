"""More SQL aggregates for the workbench (工作台): branches held, migrants' reports, study on track.

Each function takes a read session and an optional ``org_id`` (a committee's file holds the records of
many branches; None reads the whole file) and returns plain tuples, never ORM rows.

``study_simple_rows`` reads, in one grouped query, the members whose 学时 quota is the plain case
(on the roll the whole year: no events that move the roll, admitted before it) at or above the hours owed by the
day; ``study_other_members`` reads only the rest, with their events, for the exact per-member rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.member_events import EventKind, MemberEvent
from partydesk.core.storage import member_repo, todo_repo
from partydesk.core.storage.study_tables import StudyActivity, StudyCredit
from partydesk.core.storage.tables import MEMBER_NAME_ORDER, Member, MemberEventRow, Organisation
from partydesk.core.storage.talk_tables import Talk, TalkMember


def _in_org(org_id: str | None) -> Any:
    return Member.org_id == org_id if org_id is not None else true()


def organisations_with_members(session: Session) -> list[tuple[str, str, str, int]]:
    """(org id, code, name, members on the roll) of every organisation with a live member."""
    query = (select(Organisation.id, Organisation.code, Organisation.name, func.count(Member.id))
             .join(Member, Member.org_id == Organisation.id)
             .where(Member.deleted.is_(False), Member.in_branch.is_(True))
             .group_by(Organisation.id, Organisation.code, Organisation.name))
    return [(r[0], r[1] or "", r[2] or "", int(r[3])) for r in session.execute(query)]


def _status_condition(which: str) -> Any:
    e = MemberEventRow
    return {"probationary": Member.category == "2", "lost": Member.lost_contact.is_(True),
            "suspended": Member.membership_status == "20",
            "disciplined": Member.id.in_(select(e.member_id).where(e.deleted.is_(False),
                                                                   e.kind == EventKind.DISCIPLINE.value))}[which]


def status_rows_where(session: Session, which: str) -> list[member_repo.StatusRow]:
    """``member_repo.status_rows`` narrowed in SQL to the members on the roll a 党籍 check judges: ``which``
    is "probationary" (预备党员), "lost" (失联), "suspended" (停止党籍) or "disciplined" (with a 处分)."""
    condition = _status_condition(which)
    chosen = select(Member.id).where(Member.deleted.is_(False), Member.in_branch.is_(True), condition)
    events: dict[str, list[MemberEvent]] = {}
    query = select(MemberEventRow).where(
        MemberEventRow.deleted.is_(False), MemberEventRow.member_id.in_(chosen),
        MemberEventRow.kind.in_([k.value for k in member_repo.STATUS_EVENT_KINDS]))
    for r in session.execute(query).scalars():
        events.setdefault(r.member_id, []).append(member_repo._event(r))
    members = (select(*member_repo.STATUS_COLUMNS)
               .where(Member.deleted.is_(False), Member.in_branch.is_(True), condition)
               .order_by(MEMBER_NAME_ORDER))
    return [member_repo.status_row(r, events.get(r.id, ())) for r in session.execute(members)]


STATUS_WHICH = ("probationary", "lost", "suspended", "disciplined")


def status_rows_any(session: Session) -> list[member_repo.StatusRow]:
    """``status_rows_where`` for every ``which`` at once (the members any 党籍 check judges), in one read
    for the checks to share; each check keeps its own by the same condition in Python. Each row carries
    its organisation. Which members have events of these (rare) kinds is read from the index on kind
    alone, then only their events: id lists of every member read, or a subquery over the members, made
    the database test many events one by one."""
    condition = or_(*[_status_condition(w) for w in STATUS_WHICH])
    members = (select(*member_repo.STATUS_COLUMNS)
               .where(Member.deleted.is_(False), Member.in_branch.is_(True), condition)
               .order_by(MEMBER_NAME_ORDER))
    rows = session.execute(members).all()
    e = MemberEventRow
    of_kind = (e.kind.in_([k.value for k in member_repo.STATUS_EVENT_KINDS]), e.deleted.is_(False))
    read = {r.id for r in rows}
    having = sorted({r[0] for r in session.execute(select(e.member_id).where(*of_kind))} & read)
    events: dict[str, list[MemberEvent]] = {}
    columns = (e.id, e.member_id, e.kind, e.on_date, e.on_date_precision, e.detail, e.note, e.change_seq)
    for i in range(0, len(having), 500):
        for r in session.execute(select(*columns).where(*of_kind, e.member_id.in_(having[i:i + 500]))):
            events.setdefault(r.member_id, []).append(member_repo._event(r))
    return [member_repo.status_row(r, events.get(r.id, ())) for r in rows]


def member_org_ids(session: Session) -> list[str]:
    """The organisations any member row belongs to: the index on ``org_id`` alone answers it."""
    return [r[0] for r in session.execute(select(Member.org_id).distinct())]


def _orgs_of(session: Session, table: Any, ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), 500):  # well under SQLite's bound-parameter limit
        query = select(table.id, table.org_id).where(table.id.in_(unique[i:i + 500]))
        out.update({r[0]: r[1] for r in session.execute(query)})
    return out


def member_orgs(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """member id -> org id for the members among ``ids`` (to scope findings aimed at members)."""
    return _orgs_of(session, Member, ids)


def talk_orgs(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """talk id -> org id for the talks among ``ids``."""
    return _orgs_of(session, Talk, ids)


def migrant_reports(session: Session, org_id: str | None = None
                    ) -> list[tuple[str, str, date | None, tuple[date, ...], str]]:
    """(member id, name, away since, dates of its 流动党员汇报, org id) of the migrants on the roll with
    党籍 正常."""
    query = (select(Member.id, Member.name, Member.migrant_since, Member.org_id)
             .where(Member.deleted.is_(False), Member.in_branch.is_(True), Member.migrant.is_(True),
                    Member.membership_status == "10", _in_org(org_id))
             .order_by(MEMBER_NAME_ORDER))
    migrants = [(r[0], r[1], r[2], r[3]) for r in session.execute(query)]
    reports: dict[str, list[date]] = {}
    events = select(MemberEventRow.member_id, MemberEventRow.on_date).where(
        MemberEventRow.deleted.is_(False), MemberEventRow.kind == EventKind.MIGRANT_REPORT.value,
        MemberEventRow.on_date.is_not(None))
    for member_id, on_date in session.execute(events):
        if on_date is not None:
            reports.setdefault(member_id, []).append(on_date)
    return [(m, name, since, tuple(sorted(reports.get(m, ()))), org) for m, name, since, org in migrants]


def id_disagreements(session: Session) -> list[tuple[str, str, str, bool, bool, str]]:
    """(member id, name, org id, gender disagrees, birth date disagrees, id number) of the members in the branch
    whose recorded 性别 or 出生日期 (to its precision) is not what their 18-digit 公民身份号码 says (its 17th digit:
    odd for men; digits 7–14: the birthday). Residents' numbers only (id_type 1)."""
    number = Member.id_number
    odd = func.substr(number, 17, 1).in_(("1", "3", "5", "7", "9"))
    gender_off = or_(and_(odd, Member.gender == "2"), and_(~odd, Member.gender == "1"))
    in_id = func.substr(number, 7, 4) + "-" + func.substr(number, 11, 2) + "-" + func.substr(number, 13, 2)
    length = case((Member.birth_date_precision == "year", 4), (Member.birth_date_precision == "month", 7), else_=10)
    birth_off = and_(Member.birth_date.is_not(None),
                     func.substr(in_id, 1, length) != func.substr(Member.birth_date, 1, length))
    query = (select(Member.id, Member.name, Member.org_id, gender_off, birth_off, number)
             .where(Member.deleted.is_(False), Member.in_branch.is_(True), Member.id_type == "1",
                    func.length(number) == 18, or_(gender_off, birth_off))
             .order_by(MEMBER_NAME_ORDER))
    return [(r[0], r[1], r[2], bool(r[3]), bool(r[4]), r[5]) for r in session.execute(query)]


# Events that never take a member off the roll (``meeting_roll.on_roll`` with migrants counted, as the study
# quota counts them): 入党 (dated before the year), 转正, 延长预备期, 失联 and back, 外出流动 and back, its reports,
# 恢复党员权利. Any other (转出, 去世, 停止党籍, 出党, 处分 …) sends the member to the per-member rule.
ROLL_NEUTRAL = (EventKind.JOINED, EventKind.CONFIRMED, EventKind.PROBATION_EXTENDED, EventKind.LOST,
                EventKind.REGAINED, EventKind.MIGRANT_OUT, EventKind.MIGRANT_BACK, EventKind.MIGRANT_REPORT,
                EventKind.RIGHTS_RESTORED)
# The others, named for the event index: "kind IN (…)" reads a few short runs of it, "kind NOT IN (…)" all of it.
ROLL_MOVING = tuple(k.value for k in EventKind if k not in ROLL_NEUTRAL)


def _event_sets(year: int) -> tuple[Any, Any]:
    """(members with an event that moves the roll or a 入党 dated in or after ``year``, members with a 入党 event)."""
    first = date(year, 1, 1)
    e = MemberEventRow
    late_join = and_(e.kind == EventKind.JOINED.value, or_(e.on_date.is_(None), e.on_date >= first))
    unusual = select(e.member_id).where(e.deleted.is_(False),
                                        or_(e.kind.in_(ROLL_MOVING), late_join))
    join_events = select(e.member_id).where(e.deleted.is_(False), e.kind == EventKind.JOINED.value)
    return unusual, join_events


def _simple(year: int) -> Any:
    """Members on the roll all of ``year`` for certain: no events but ``ROLL_NEUTRAL`` ones, admitted before the
    year (the latest 入党 event's date, else the record's; an unknown date counts as before)."""
    unusual, join_events = _event_sets(year)
    return and_(Member.deleted.is_(False), Member.id.not_in(unusual),
                or_(Member.id.in_(join_events), Member.joined_on.is_(None), Member.joined_on < date(year, 1, 1)))


def simple_member(year: int) -> Any:
    """The condition of a plain-case member of ``year`` (``_simple``), for other aggregates of the same set."""
    return _simple(year)


def _not_simple(year: int) -> Any:
    """The live members outside ``_simple`` (said positively: SQLite plans a negated subquery poorly)."""
    unusual, join_events = _event_sets(year)
    return and_(Member.deleted.is_(False),
                or_(Member.id.in_(unusual), and_(Member.id.not_in(join_events), Member.joined_on >= date(year, 1, 1))))


def study_simple_rows(session: Session, year: int, *, leader_posts: Sequence[str], member_full: int,
                      leader_full: int, below_bp: int | None = None, leaders_only: bool = False,
                      org_id: str | None = None) -> list[tuple[str, str, str, bool, int, str]]:
    """(id, name, party group, leader, credited tenths, organisation) of the plain-case members of ``year``
    whose credit is under ``below_bp`` basis points of their role's full quota (any credit when None); leaders
    only if asked."""
    credits = (select(StudyCredit.member_id, func.sum(StudyCredit.tenths).label("got"))
               .join(StudyActivity, StudyActivity.id == StudyCredit.activity_id)
               .where(StudyCredit.year == year, StudyCredit.deleted.is_(False), StudyActivity.deleted.is_(False))
               .group_by(StudyCredit.member_id).subquery())
    leader = Member.party_post.in_(list(leader_posts))
    got = func.coalesce(credits.c.got, 0)
    query = (select(Member.id, Member.name, Member.party_group, leader, got, Member.org_id)
             .select_from(Member).outerjoin(credits, credits.c.member_id == Member.id)
             .where(_simple(year), _in_org(org_id)))
    if below_bp is not None:
        query = query.where(got * 10_000 < case((leader, leader_full), else_=member_full) * below_bp)
    if leaders_only:
        query = query.where(leader)
    return [(r[0], r[1], r[2], bool(r[3]), int(r[4]), r[5])
            for r in session.execute(query.order_by(MEMBER_NAME_ORDER))]


def study_other_members(session: Session, year: int, org_id: str | None = None) -> list[RollMember]:
    """The live members outside the plain case, with their live events (for the per-member rule)."""
    ids = [r[0] for r in session.execute(
        select(Member.id).where(_in_org(org_id), _not_simple(year)))]
    return todo_repo.roll_members(session, ids)  # by id lists: a nested subquery costs seconds at 100 000


def org_of(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """member id -> the organisation whose roll the member is on, for the members among ``ids``."""
    out: dict[str, str] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), 500):
        out.update(session.execute(select(Member.id, Member.org_id).where(Member.id.in_(unique[i:i + 500]))).all())
    return out


def study_credited(session: Session, year: int, ids: Sequence[str]) -> dict[str, int]:
    """member id -> tenths credited in ``year`` over live activities, for the members among ``ids``."""
    out: dict[str, int] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), 500):
        query = (select(StudyCredit.member_id, func.sum(StudyCredit.tenths))
                 .join(StudyActivity, StudyActivity.id == StudyCredit.activity_id)
                 .where(StudyCredit.year == year, StudyCredit.deleted.is_(False), StudyActivity.deleted.is_(False),
                        StudyCredit.member_id.in_(unique[i:i + 500]))
                 .group_by(StudyCredit.member_id))
        out.update({m: int(t) for m, t in session.execute(query)})
    return out


def last_talked_with(session: Session, ids: Sequence[str]) -> dict[str, date]:
    """member id -> the day of the latest live talk held with the member (谈话对象), for the members among ``ids``."""
    out: dict[str, date] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), 500):
        query = (select(TalkMember.member_id, func.max(Talk.held_on))
                 .join(Talk, Talk.id == TalkMember.talk_id)
                 .where(TalkMember.deleted.is_(False), Talk.deleted.is_(False),
                        TalkMember.member_id.in_(unique[i:i + 500]))
                 .group_by(TalkMember.member_id))
        out.update((m, d) for m, d in session.execute(query) if isinstance(d, date))
    return out


def last_studied(session: Session, ids: Sequence[str]) -> dict[str, date]:
    """member id -> the first day of the latest live study activity the member was credited for, for the members
    among ``ids``."""
    out: dict[str, date] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), 500):
        query = (select(StudyCredit.member_id, func.max(StudyActivity.start_on))
                 .join(StudyActivity, StudyActivity.id == StudyCredit.activity_id)
                 .where(StudyCredit.deleted.is_(False), StudyActivity.deleted.is_(False), StudyCredit.tenths > 0,
                        StudyCredit.member_id.in_(unique[i:i + 500]))
                 .group_by(StudyCredit.member_id))
        out.update((m, d) for m, d in session.execute(query) if isinstance(d, date))
    return out
