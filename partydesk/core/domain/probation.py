"""Probation (预备期) and 留党察看 arithmetic: when a period ends, counted from dated events.

* Probation is one year from the admitting 支部大会 (党章 Art. 7); it may be extended once, by at least
  six months and at most one year (发展党员工作细则). 转正 takes effect on the day it ends (预备期满之日).
* 留党察看 lasts one or two years (党章 Art. 40); during it the member has no vote. It ends early only by a
  decision: 恢复党员权利 or 开除党籍.

A 延长预备期 event's ``detail`` is its length in months ("6"…"12"); a 党纪处分 event's ``detail`` is the
处分 code, and for 留党察看 the period after a colon ("4:12").
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from partydesk.core.domain import partial_date
from partydesk.core.domain.codes import CodeTable
from partydesk.core.domain.member_events import EventKind, MemberEvent, event_order

# 党纪处分 (党章 Art. 40), in increasing weight.
DISCIPLINE = CodeTable("党纪处分", [("1", "警告"), ("2", "严重警告"), ("3", "撤销党内职务"), ("4", "留党察看"),
                                    ("5", "开除党籍")])
OBSERVATION = "4"  # 留党察看
EXPULSION = "5"  # 开除党籍
OBSERVATION_MONTHS = (12, 24)  # one or two years


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it has no such day (31 Jan + 1 = 28/29 Feb)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if months > 0 and add_months(start, months) > end:
        months -= 1
    elif months < 0 and add_months(start, months) < end:
        months += 1
    return months


def extension_months(events: Iterable[MemberEvent]) -> int:
    """The recorded extension of probation in months (0 when none; only one is ever allowed)."""
    total = 0
    for ev in events:
        if ev.kind is EventKind.PROBATION_EXTENDED:
            total += int(ev.detail) if ev.detail.isdigit() else 0
    return total


def probation_end(joined_on: date | None, events: Iterable[MemberEvent], *, months: int = 12) -> date | None:
    """预备期满之日: ``months`` after 入党 plus any extension; None without an 入党 date.

    Known as precisely as 入党 is: a 入党 of 2025年02月 ends in 2026年02月 (a ``PartialDate``), never on a
    made-up first of the month. Compare it with ``partial_date``'s functions, show it with ``partial_date.text``.
    """
    if joined_on is None:
        return None
    ends = add_months(partial_date.first_day(joined_on), months + extension_months(events))
    return partial_date.make(ends, partial_date.precision_of(joined_on))


def off_probation_end(confirmed_on: date, joined_on: date | None, events: Iterable[MemberEvent], *,
                      months: int = 12) -> str:
    """The warning for a 转正 date other than 预备期满之日 ("" when it is that day, or when 入党 is not known).

    The end is known as precisely as 入党 is: a 入党 of 2008年07月 ends in 2009年07月, which a 转正 of
    2009年07月 or of 2009-07-01 meets; dates are shown as precisely as they are known.
    """
    ends = probation_end(joined_on, events, months=months)
    if ends is None or joined_on is None:
        return ""
    if partial_date.compare(confirmed_on, ends) == 0:
        return ""
    return (f"转正日期一般为预备期满之日（{partial_date.text(ends)}），"
            f"填写的是{partial_date.text(confirmed_on)}，请核对")


def discipline_detail(code: str, months: int | None = None) -> str:
    """The stored detail of a 党纪处分 event: the code, and for 留党察看 its period ("4:24")."""
    return f"{code}:{months}" if code == OBSERVATION and months else code


def parse_discipline(detail: str) -> tuple[str, int | None]:
    """(code, months) of a 党纪处分 event's detail; months only for 留党察看."""
    code, _, months = detail.partition(":")
    return code, (int(months) if months.isdigit() else None)


def describe_discipline(detail: str) -> str:
    """A 党纪处分 in words: "留党察看二年" or "警告"."""
    code, months = parse_discipline(detail)
    name = DISCIPLINE.name(code) if code in DISCIPLINE else code
    if code == OBSERVATION and months:
        return f"{name}{'一' if months == 12 else '二'}年" if months in OBSERVATION_MONTHS else f"{name}{months}个月"
    return name


@dataclass(frozen=True)
class Observation:
    """One 留党察看: when it started, when its period ends, and when a decision closed it (None: not yet)."""

    start: date
    ends: date
    decided_on: date | None

    def active_on(self, day: date) -> bool:
        """The member is under it on ``day``: started, period not over, no decision yet."""
        if day < self.start or day >= self.ends:
            return False
        return self.decided_on is None or day < self.decided_on


def observations(events: Iterable[MemberEvent]) -> list[Observation]:
    """Every 留党察看 in date order, each closed by the next 恢复党员权利 or 开除党籍 after it."""
    found: list[Observation] = []
    for ev in sorted(events, key=event_order):
        if ev.on_date is None:
            continue
        if ev.kind is EventKind.DISCIPLINE:
            code, months = parse_discipline(ev.detail)
            if code == OBSERVATION:
                found.append(Observation(ev.on_date, add_months(ev.on_date, months or 24), None))
                continue
            if code != EXPULSION:
                continue
        elif ev.kind is not EventKind.RIGHTS_RESTORED:
            continue
        if found and found[-1].decided_on is None:
            last = found[-1]
            found[-1] = Observation(last.start, last.ends, ev.on_date)
    return found


def under_observation(events: Iterable[MemberEvent], day: date) -> bool:
    """The member is under 留党察看 on ``day`` and so has no vote (党章 Art. 40)."""
    return any(o.active_on(day) for o in observations(events))


def open_observation(events: Iterable[MemberEvent]) -> Observation | None:
    """The 留党察看 no decision has closed yet, or None."""
    found = observations(events)
    return found[-1] if found and found[-1].decided_on is None else None
