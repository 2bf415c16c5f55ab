"""Heart-to-heart talks (谈心谈话) as data: the forms a talk takes, and when a member is next due one.

A branch keeps in touch with its members by talking with each of them; DOMAIN.md §2.2 gives at least one
talk a year among committee members and members, as local practice (seu.edu.cn), so the interval is the
rule ``meeting.heart_talk.months`` (各地做法) rather than a national number. The interval is rolling: a
member is due a talk that many months after the last one, or after coming onto the roll when there was
none yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from partydesk.core.domain.meeting_roll import RollMember
from partydesk.core.domain.meetings import add_months, month_end
from partydesk.core.domain.member_events import EventKind

RULE_KEY = "meeting.heart_talk.months"
SOON_DAYS = 30  # a member due within this many days is shown as 即将到期
# A member with no talk recorded whose interval ran out before the file began its records is not owed one at
# once: whether a talk was held then is not known. The office has this many months from that day to enter the
# talks held before or to hold them (a new branch's board is not a list of its whole roll, all 逾期, on day one).
NEW_RECORDS_MONTHS = 3


@dataclass(frozen=True)
class TalkForm:
    """One form a talk takes (个别谈心, 集体谈心 …): a stable code and its Chinese name."""

    code: str
    name: str


TALK_FORMS: tuple[TalkForm, ...] = (
    TalkForm("individual", "个别谈心"),
    TalkForm("group", "集体谈心"),
    TalkForm("reminder", "谈话提醒"),
    TalkForm("visit", "上门走访"),
    TalkForm("phone", "电话、视频谈心"),
    TalkForm("other", "其他"),
)
FORMS_BY_CODE: dict[str, TalkForm] = {f.code: f for f in TALK_FORMS}


def form_name(code: str) -> str:
    """The Chinese name of a form code (the code itself when unknown, e.g. from a newer program)."""
    form = FORMS_BY_CODE.get(code)
    return form.name if form is not None else code


def talk_due(last_talk: date | None, on_roll_since: date | None, months: int,
             records_began: date | None = None) -> date | None:
    """The day by which the member should next be talked with: ``months`` after the last talk, or after
    coming onto the roll when there was none; None (due at once, with no day to show) when neither date is
    known.

    With no talk recorded, never before ``NEW_RECORDS_MONTHS`` after the file began its records
    (``records_began``): a day long past (a year after joining in 2000) would read as a deadline the office
    missed, when it only had not entered the talk yet. The interval then counts from ``floor_start``."""
    if last_talk is not None:
        return same_day_months_later(last_talk, months)
    if on_roll_since is None:
        return None
    floor = floor_start(records_began, months)
    return same_day_months_later(max(on_roll_since, floor) if floor is not None else on_roll_since, months)


def floor_start(records_began: date | None, months: int) -> date | None:
    """The day a member with no talk recorded counts from at the earliest: the first of the month the records
    began in, ``months`` less ``NEW_RECORDS_MONTHS`` back, so the talk falls due on the first of the month
    ``NEW_RECORDS_MONTHS`` after that month (None when the records have no day). Whole months from a month's
    first day, so SQL works out the same day (``todo_repo.Floor``)."""
    if records_began is None:
        return None
    return add_months(records_began.replace(day=1), floor_shift(months))


def floor_shift(months: int) -> int:
    """The months ``floor_start`` moves from the first of the month the records began in (negative: back)."""
    return NEW_RECORDS_MONTHS - months


def latest_start(bound: date, months: int) -> date:
    """The latest day a talk interval can start (last talk, or coming onto the roll) and still fall due
    on or before ``bound``: the due day ``same_day_months_later(start, months)`` never falls as the start
    moves later, so "due by ``bound``" is "started by this day", a condition SQL can count."""
    day = same_day_months_later(bound, -months)
    while same_day_months_later(day + timedelta(days=1), months) <= bound:
        day += timedelta(days=1)
    while same_day_months_later(day, months) > bound:
        day -= timedelta(days=1)
    return day


def same_day_months_later(day: date, months: int) -> date:
    """The same day of the month ``months`` later, or that month's last day when it is shorter
    (31 January + 1 month = 28 or 29 February)."""
    first = add_months(day, months)
    return first.replace(day=min(day.day, month_end(first.year, first.month).day))


def on_roll_since(member: RollMember, day: date) -> date | None:
    """When the member came onto this branch's roll, as of ``day``: the latest 转入 or 入党 dated on or
    before it, else the record's 入党日期 (None when nothing is known)."""
    arrivals = [ev.on_date for ev in member.events if ev.kind in (EventKind.JOINED, EventKind.TRANSFER_IN)
                and ev.on_date is not None and ev.on_date <= day]
    if arrivals:
        return max(arrivals)
    return member.joined_on if member.joined_on is not None and member.joined_on <= day else None
