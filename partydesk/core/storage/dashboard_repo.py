"""SQL aggregates for the workbench (工作台): counts grouped in the database, never a load of every member.

Each function takes a read session and returns plain tuples or dicts. A *bucket* is one bar or slice
of a structure chart; ``bucket_condition`` turns its key ("gender:2", "age:36-45", "missing:joined_on")
into the same condition the count used, so opening a bar lists exactly the members it counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, extract, func, literal, or_, select, true
from sqlalchemy.orm import Session

from partydesk.core.domain.structure import AGE_BANDS, PARTY_AGE_BANDS, UNKNOWN, Band, education_groups
from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance
from partydesk.core.storage.tables import MEMBER_NAME_ORDER, Member

PLAIN_FACETS = {"gender": Member.gender, "ethnicity": Member.ethnicity, "category": Member.category,
                "group": Member.party_group, "education_code": Member.education}


def on_roll(org_id: str | None = None) -> ColumnElement[bool]:
    """Live members on the roll (在册): not deleted, not transferred out; of one organisation when
    ``org_id`` is given (a committee's file holds many branches), else of every one in the file."""
    live = and_(Member.deleted.is_(False), Member.in_branch.is_(True))
    return live if org_id is None else and_(live, Member.org_id == org_id)


def _band_case(column: Any, bands: Iterable[Band], today: date, *, extra: ColumnElement[bool] | None = None) -> Any:
    whens: list[tuple[ColumnElement[bool], Any]] = [(column.is_(None), literal(UNKNOWN))]
    for band in bands:
        earliest, latest = band.dates(today)
        cond = column <= latest if earliest is None else and_(column > earliest, column <= latest)
        whens.append((cond, literal(band.key)))
    if extra is not None:
        whens.insert(0, (extra, literal("probationary")))
    return case(*whens, else_=literal(UNKNOWN))


def _education_case() -> Any:
    return case(*[(Member.education.in_(sorted(codes)), literal(group)) for group, codes in education_groups()],
                else_=literal(UNKNOWN))


def dimension(name: str, today: date) -> Any:
    """The SQL expression a structure chart groups by: a column or a band of dates."""
    if name in PLAIN_FACETS:
        return PLAIN_FACETS[name]
    if name == "age":
        return _band_case(Member.birth_date, AGE_BANDS, today)
    if name == "party_age":
        return _band_case(Member.confirmed_on, PARTY_AGE_BANDS, today, extra=Member.category == "2")
    if name == "education":
        return _education_case()
    if name == "joined":
        return extract("year", Member.joined_on)
    raise KeyError(name)


def grouped(session: Session, name: str, today: date) -> dict[str, int]:
    """Members on the roll counted by one dimension: bucket value -> count."""
    dim = dimension(name, today).label("bucket")
    rows = session.execute(select(dim, func.count()).where(on_roll()).group_by(dim))
    return {("" if b is None else str(int(b)) if isinstance(b, float) else str(b)): n for b, n in rows}


def grouped_together(session: Session, names: Sequence[str], today: date, *, org_id: str | None = None,
                     leave_out: Sequence[str] = ()) -> dict[str, dict[str, int]]:
    """Members on the roll counted by several dimensions in ONE grouped pass: name -> bucket -> count.

    The database groups by every dimension at once (a few thousand combinations at most, the dimensions
    being small) and the combinations are summed per dimension here: one scan of the member table
    instead of one per chart. The members ``leave_out`` names (a person's second entry on a committee's
    rolls, ``two_rolls_repo.Repeats``) are counted by their ids alone and taken off, so the scan stays on
    the narrow index.
    """
    dims = [dimension(n, today).label(f"d{i}") for i, n in enumerate(names)]
    out: dict[str, dict[str, int]] = {n: {} for n in names}

    def add(where: ColumnElement[bool], sign: int) -> None:
        for row in session.execute(select(*dims, func.count()).where(where).group_by(*dims)):
            n = row[-1] * sign
            for name, value in zip(names, row[:-1], strict=False):
                key = "" if value is None else str(int(value)) if isinstance(value, float) else str(value)
                out[name][key] = out[name].get(key, 0) + n

    add(on_roll(org_id), 1)
    for chunk in _chunks(leave_out):
        add(and_(on_roll(org_id), Member.id.in_(chunk)), -1)
    return out


def _chunks(ids: Sequence[str], size: int = 500) -> list[Sequence[str]]:
    """``ids`` in slices well under SQLite's bound-parameter limit."""
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def bucket_condition(key: str, today: date) -> ColumnElement[bool]:
    """The condition behind a bucket key ``"<dimension>:<value>"`` or ``"missing:<field>"``."""
    name, _, value = key.partition(":")
    if name == "missing":
        column = getattr(Member, value)
        return or_(column.is_(None), column == "") if column.type.python_type is str else column.is_(None)
    if name == "all":
        return true()
    if name == "joined":
        return extract("year", Member.joined_on) == int(value)
    if name == "org":
        return Member.org_id == value
    return dimension(name, today) == value  # type: ignore[no-any-return]


def member_ids(session: Session, key: str, today: date, *, org_id: str | None = None,
               leave_out: Sequence[str] = ()) -> list[str]:
    """Ids of the members on the roll in one bucket (of one organisation, if given), in roster order, less
    those ``leave_out`` names (left out of the count too)."""
    rows = session.execute(select(Member.id).where(on_roll(org_id), bucket_condition(key, today))
                           .order_by(MEMBER_NAME_ORDER))
    left = frozenset(leave_out)
    return [r[0] for r in rows if r[0] not in left]


def empty_counts(session: Session, keys: Iterable[str]) -> dict[str, int]:
    """Field key -> how many members on the roll have it empty, all counted in one query."""
    keys = list(keys)
    sums = [func.coalesce(func.sum(case((bucket_condition(f"missing:{k}", date.min), 1), else_=0)), 0)
            for k in keys]
    row = session.execute(select(*sums).where(on_roll())).one()
    return dict(zip(keys, (int(n) for n in row), strict=True))


def posts_off_roll(session: Session) -> list[tuple[str, str, str]]:
    """(id, name, 党内职务 code) of every live member no longer on the roll who still holds a post."""
    rows = session.execute(select(Member.id, Member.name, Member.party_post).where(
        Member.deleted.is_(False), Member.in_branch.is_(False), func.coalesce(Member.party_post, "") != ""))
    return [(str(i), str(n), str(p)) for i, n, p in rows]


def roll_counts(session: Session, org_id: str | None = None, *, leave_out: Sequence[str] = ()) -> tuple[int, int]:
    """(members on the roll, of whom 预备党员), less the members ``leave_out`` names: at a committee a person on
    two branches' rolls (a transfer under way) is two entries and, left out once, one person."""
    probationary = func.coalesce(func.sum(case((Member.category == "2", 1), else_=0)), 0)
    total, prob = session.execute(select(func.count(), probationary).where(on_roll(org_id))).one()
    for chunk in _chunks(leave_out):
        less, less_prob = session.execute(select(func.count(), probationary)
                                          .where(on_roll(org_id), Member.id.in_(chunk))).one()
        total, prob = total - less, prob - less_prob
    return int(total), int(prob)


def attendance_by_month(session: Session, start: date, end: date, *,
                        org_id: str | None = None) -> list[tuple[int, int, int, int]]:
    """(year, month, expected, present) over live meetings from ``start`` to ``end`` (of one organisation)."""
    a = MeetingAttendance
    year, month = extract("year", Meeting.held_on), extract("month", Meeting.held_on)
    present = func.coalesce(func.sum(case((a.status == "present", 1), else_=0)), 0)
    query = (select(year, month, func.count(a.id), present).join(Meeting, Meeting.id == a.meeting_id)
             .where(Meeting.deleted.is_(False), a.deleted.is_(False), Meeting.held_on >= start, Meeting.held_on <= end,
                    true() if org_id is None else Meeting.org_id == org_id)
             .group_by(year, month).order_by(year, month))
    return [(int(y), int(m), int(e), int(p)) for y, m, e, p in session.execute(query)]
