"""Repository for talks (谈心谈话): frozen records in and out; the last talk per member is an SQL aggregate.

Like meeting_repo, these functions only read and write what they are told, inside the caller's
``Database.write`` or ``read`` session; ORM rows never leave this module (house rule 2). A deleted talk
stays as a tombstone with its words wiped, and so do the rows of members no longer talked with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select, union_all
from sqlalchemy.orm import Session

from partydesk.core.storage.tables import MEMBER_NAME_ORDER, Member
from partydesk.core.storage.talk_tables import Talk, TalkMember


@dataclass(frozen=True)
class TalkData:
    """What a person records about a talk. ``by_member_id`` is the talker when on the roster; ``by_name``
    the talker's name (a leader from outside the roster has only this)."""

    held_on: date
    with_ids: tuple[str, ...]
    by_member_id: str | None = None
    by_name: str = ""
    form: str = "individual"
    topic: str = ""
    content: str = ""
    follow_up: str = ""
    follow_up_on: date | None = None
    follow_up_done: bool = False


@dataclass(frozen=True)
class TalkRecord:
    """A stored talk as lists show it, with the names of the members talked with."""

    id: str
    data: TalkData
    with_names: tuple[str, ...] = field(default=())
    org_id: str = ""  # whose talk (a committee file holds several branches')


_FIELDS = ("held_on", "by_member_id", "by_name", "form", "topic", "content", "follow_up", "follow_up_on",
           "follow_up_done")


def _live(session: Session, talk_id: str) -> Talk | None:
    row = session.get(Talk, talk_id)
    return row if row is not None and not row.deleted else None


# ---------------------------------------------------------------- writes


def insert_talk(session: Session, org_id: str, data: TalkData) -> str:
    """Add a talk of organisation ``org_id`` with its members; returns the talk id."""
    row = Talk(org_id=org_id, deleted=False, **{name: getattr(data, name) for name in _FIELDS})
    session.add(row)
    session.flush()
    session.add_all(TalkMember(talk_id=row.id, member_id=m, deleted=False) for m in dict.fromkeys(data.with_ids))
    session.flush()
    return row.id


def update_talk(session: Session, talk_id: str, data: TalkData) -> bool:
    """Overwrite a live talk's fields and members; False when there is no such live talk."""
    row = _live(session, talk_id)
    if row is None:
        return False
    for name in _FIELDS:
        if getattr(row, name) != getattr(data, name):
            setattr(row, name, getattr(data, name))
    wanted = list(dict.fromkeys(data.with_ids))
    current = session.scalars(select(TalkMember).where(TalkMember.talk_id == talk_id,
                                                       TalkMember.deleted.is_(False))).all()
    have = {r.member_id for r in current}
    for r in current:
        if r.member_id not in wanted:
            r.deleted = True
    session.add_all(TalkMember(talk_id=talk_id, member_id=m, deleted=False) for m in wanted if m not in have)
    session.flush()
    return True


def tombstone_talk(session: Session, talk_id: str) -> bool:
    """Mark a talk and its member rows deleted, wiping what was said; False when there is no live talk."""
    row = _live(session, talk_id)
    if row is None:
        return False
    row.deleted = True
    row.by_name, row.topic, row.content, row.follow_up, row.follow_up_on = "", "", "", "", None
    for r in session.scalars(select(TalkMember).where(TalkMember.talk_id == talk_id, TalkMember.deleted.is_(False))):
        r.deleted = True
    session.flush()
    return True


# ---------------------------------------------------------------- reads


def _with_of(session: Session, talk_ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """talk id -> [(member id, name)] of its live member rows with live members, in pinyin order."""
    out: dict[str, list[tuple[str, str]]] = {}
    chunk = 500  # stay under SQLite's bound-parameter limit
    for i in range(0, len(talk_ids), chunk):
        query = (select(TalkMember.talk_id, TalkMember.member_id, Member.name)
                 .join(Member, Member.id == TalkMember.member_id)
                 .where(TalkMember.talk_id.in_(talk_ids[i:i + chunk]), TalkMember.deleted.is_(False),
                        Member.deleted.is_(False))  # a member deleted as entered by mistake drops out
                 .order_by(MEMBER_NAME_ORDER))
        for talk_id, member_id, name in session.execute(query):
            out.setdefault(talk_id, []).append((member_id, name))
    return out


def _records(session: Session, rows: Sequence[Talk]) -> list[TalkRecord]:
    people = _with_of(session, [r.id for r in rows])
    out = []
    for r in rows:
        pairs = people.get(r.id, [])
        data = TalkData(with_ids=tuple(p[0] for p in pairs), **{name: getattr(r, name) for name in _FIELDS})
        out.append(TalkRecord(r.id, data, tuple(p[1] for p in pairs), r.org_id))
    return out


def talks_between(session: Session, start: date, end: date) -> list[TalkRecord]:
    """Live talks held from ``start`` to ``end`` (inclusive), newest first."""
    rows = session.scalars(select(Talk).where(Talk.deleted.is_(False), Talk.held_on >= start, Talk.held_on <= end)
                           .order_by(Talk.held_on.desc(), Talk.change_seq.desc())).all()
    return _records(session, rows)


def talk_org(session: Session, talk_id: str) -> str | None:
    """The organisation a talk is of (None: no such talk)."""
    return session.scalar(select(Talk.org_id).where(Talk.id == talk_id))


def get_talk(session: Session, talk_id: str) -> TalkRecord | None:
    """The live talk, or None."""
    row = _live(session, talk_id)
    return _records(session, [row])[0] if row is not None else None


def open_follow_ups(session: Session) -> list[TalkRecord]:
    """Live talks with a follow-up not yet done (dated, or only written), those with a date first by date, then
    the undated by the talk's date."""
    rows = session.scalars(select(Talk).where(Talk.deleted.is_(False), Talk.follow_up_done.is_(False),
                                              or_(Talk.follow_up_on.is_not(None), Talk.follow_up != ""))
                           .order_by(Talk.follow_up_on.is_(None), Talk.follow_up_on, Talk.held_on)).all()
    return _records(session, rows)


def participations(until: date | None = None) -> Any:
    """(member_id, held_on) of every part a member took in a live talk (up to ``until`` when given): each member
    talked with, and the talker when a member. A talk is one for both (谈心谈话 are held among committee members
    and members): the secretary who talked with 张三 has had one too."""
    talked_with = (select(TalkMember.member_id.label("member_id"), Talk.held_on.label("held_on"))
                   .join(Talk, Talk.id == TalkMember.talk_id)
                   .where(Talk.deleted.is_(False), TalkMember.deleted.is_(False)))
    talker = (select(Talk.by_member_id.label("member_id"), Talk.held_on.label("held_on"))
              .where(Talk.deleted.is_(False), Talk.by_member_id.is_not(None)))
    if until is not None:
        talked_with, talker = talked_with.where(Talk.held_on <= until), talker.where(Talk.held_on <= until)
    return union_all(talked_with, talker).subquery("participation")


def last_talk_by_member(session: Session, until: date | None = None) -> dict[str, date]:
    """member id -> the date of the latest live talk the member took part in (up to ``until`` when given)."""
    p = participations(until)
    query = select(p.c.member_id, func.max(p.c.held_on)).group_by(p.c.member_id)
    return {member_id: _as_date(day) for member_id, day in session.execute(query) if day is not None}


def last_talk_with(session: Session, member_id: str) -> date | None:
    """The date of the latest live talk this member took part in, or None."""
    p = participations()
    found = session.execute(select(func.max(p.c.held_on)).where(p.c.member_id == member_id)).scalar()
    return None if found is None else _as_date(found)


def _as_date(value: Any) -> date:
    """A day read through a union (stored as ISO text; SQLAlchemy may give either)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def talked_pairs(session: Session, start: date, end: date) -> set[frozenset[str]]:
    """Pairs {talker, member} of live talks from ``start`` to ``end`` whose talker is a member."""
    query = (select(Talk.by_member_id, TalkMember.member_id).join(TalkMember, TalkMember.talk_id == Talk.id)
             .where(Talk.deleted.is_(False), TalkMember.deleted.is_(False), Talk.by_member_id.is_not(None),
                    Talk.held_on >= start, Talk.held_on <= end).distinct())
    return {frozenset((by, member)) for by, member in session.execute(query) if by is not None}
