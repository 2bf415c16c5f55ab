"""党籍 checks: decisions the office owes a member (DOMAIN.md §2.7, §2.7a).

* A 预备党员 past the end of probation with no decision (转正, 延长 or 取消).
* A member out of contact for the rule's months with no 停止党籍 decision.
* Two years of 停止党籍: the member is to be removed (按自行脱党除名).
* 留党察看 ending within 30 days, or ended with no decision (恢复党员权利 or 开除党籍).

Each reads only the members it judges (probationers, the lost, the suspended, those with a 处分), narrowed
in SQL, with the events of the kinds it needs (``workbench_repo.status_rows_where``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from partydesk.core.checks import grouping, memo
from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.domain import partial_date
from partydesk.core.domain.member import CATEGORY_PROBATIONARY
from partydesk.core.domain.member_events import STATUS_SUSPENDED, EventKind, event_order
from partydesk.core.domain.membership import DZ, JY, XZ
from partydesk.core.domain.partial_date import in_words
from partydesk.core.domain.probation import add_months, describe_discipline, observations, probation_end
from partydesk.core.services.members import status_rules
from partydesk.core.storage import meeting_repo, member_repo, workbench_repo
from partydesk.core.storage.database import Database

SOON_DAYS = 30  # 留党察看 ending within this many days is announced


def _all_rows(db: Database) -> list[member_repo.StatusRow]:
    with db.read() as session:
        return workbench_repo.status_rows_any(session)


def _rows(db: Database, which: str) -> list[member_repo.StatusRow]:
    """The members on the roll a check judges, with their 党籍 events: one read shared by the four checks
    of a run (``memo``), each keeping its own by the condition ``workbench_repo.status_rows_where`` uses."""
    return [r for r in memo.shared(("status_rows", id(db)), lambda: _all_rows(db)) if _judged_by(which, r)]


def _orgs(db: Database) -> dict[str, str]:
    """member id -> org id of every member the 党籍 checks judge (read with them)."""
    return {r.id: r.org_id for r in memo.shared(("status_rows", id(db)), lambda: _all_rows(db))}


def _judged_by(which: str, row: member_repo.StatusRow) -> bool:
    """Whether ``row`` meets the condition of ``workbench_repo.status_rows_where(which)``."""
    if which == "probationary":
        return row.category == CATEGORY_PROBATIONARY
    if which == "lost":
        return bool(row.lost_contact)
    if which == "suspended":
        return row.membership_status == STATUS_SUSPENDED
    return any(ev.kind is EventKind.DISCIPLINE for ev in row.events)


def _finding(code: str, severity: Severity, row: member_repo.StatusRow, message: str, due: date,
             rule: str) -> Finding:
    return Finding(code=code, severity=severity, subject=row.id, message=message, due=due, rule=rule,
                   target=Target("member", row.id))


@check("member.probation_overdue")
def probation_overdue(db: Database, today: date) -> Iterator[Finding]:
    """预备党员 whose probation (with any extension) ended before today and who are still 预备党员; more
    than ``grouping.NAMED_AT_MOST`` in one organisation: one summary."""
    yield from grouping.regroup(db, "member.probation_overdue", list(_probation_overdue_each(db, today)),
                                rule=f"{DZ}第七条；{XZ}", orgs=_orgs(db),
                                text=lambda g: f"{g.count} 名预备党员预备期已届满，尚未讨论转正")


def _probation_overdue_each(db: Database, today: date) -> Iterator[Finding]:
    months = status_rules(db).probation_months
    for row in _rows(db, "probationary"):
        if row.category != CATEGORY_PROBATIONARY:
            continue
        ends = probation_end(row.joined_on, row.events, months=months)
        # Overdue once the whole period it ends in is past (a month-only 入党 ends some day in that month).
        if ends is not None and partial_date.last_day(ends) < today:
            yield _finding("member.probation_overdue", Severity.OVERDUE, row,
                           f"{row.name}预备期已于{partial_date.text(ends)}届满，尚未记录转正：应经支部党员大会讨论，"
                           "决定转正、延长预备期或取消预备党员资格",
                           partial_date.last_day(ends), f"{DZ}第七条；{XZ}")


@check("member.lost_undecided")
def lost_undecided(db: Database, today: date) -> Iterator[Finding]:
    """Members lost for the rule's months or more whose 党籍 is still 正常 (no 停止党籍 decision); more than
    ``grouping.NAMED_AT_MOST`` in one organisation: one summary."""
    months = status_rules(db).lost_months
    found = list(_lost_undecided_each(db, today))
    # A member whose records disagree (marked lost, seen since) is named on his own, never counted in the summary
    # of those lost for the months.
    yield from (f for f in found if f.code == LOST_SEEN)
    yield from grouping.regroup(db, "member.lost_undecided", [f for f in found if f.code != LOST_SEEN], rule=JY,
                                orgs=_orgs(db),
                                text=lambda g: f"{g.count} 名党员失去联系已满{months}个月，尚未作出停止党籍的决定")


LOST_SEEN = "member.lost_seen"  # the lost-contact check's to-do when the records disagree

# What shows a member marked lost was in touch after all, as the to-do says it: (since then, the record, where to
# correct a wrong one). A meeting attended comes first on the same day, then a talk, then study.
_SEEN = {"meeting": ("参加了组织生活", "最后一次参加组织生活", "会议记录"),
         "talk": ("有与其谈心谈话的记录", "最后一次谈心谈话", "谈话记录"),
         "study": ("有其参加学习培训的记录", "最后一次学习培训", "学习记录")}


def _last_seen(db: Database, ids: list[str]) -> dict[str, tuple[date, str]]:
    """member id -> (the latest day the records show the member in touch, which record) over meetings attended,
    talks held with the member and study credited."""
    with db.read() as session:
        found = {"meeting": meeting_repo.last_attended_of(session, ids),
                 "talk": workbench_repo.last_talked_with(session, ids),
                 "study": workbench_repo.last_studied(session, ids)}
    out: dict[str, tuple[date, str]] = {}
    for kind in reversed(_SEEN):  # study, talk, then meeting: on the same day the later one in _SEEN's order wins
        for member_id, day in found[kind].items():
            if member_id not in out or day >= out[member_id][0]:
                out[member_id] = (day, kind)
    return out


def _lost_undecided_each(db: Database, today: date) -> Iterator[Finding]:
    """失联 is counted from the last time the records show the member in touch (a meeting attended, a talk held
    with them, study credited): a member marked lost who was seen since is counted from then, and until the months
    are full the to-do says the records disagree."""
    rules = status_rules(db)
    rows = [row for row in _rows(db, "lost")
            if row.lost_contact and row.lost_since is not None and row.membership_status != STATUS_SUSPENDED]
    if not rows:
        return
    seen = _last_seen(db, [row.id for row in rows])
    for row in rows:
        assert row.lost_since is not None
        last, kind = seen.get(row.id, (None, "meeting"))
        since = last if last is not None and last > row.lost_since else row.lost_since
        what, counted_from, record = _SEEN[kind]
        due = add_months(since, rules.lost_months)
        if due <= today:  # 注意 on the day the months are full, 逾期 from the day after (as a talk's follow-up)
            counted = f"自{in_words(since)}" if since == row.lost_since else f"自{in_words(since)}{counted_from}"
            yield _finding("member.lost_undecided", Severity.OVERDUE if due < today else Severity.WARNING, row,
                           f"{row.name}失去联系已满{rules.lost_months}个月（{counted}），"
                           "经查找仍无音讯的，应作出停止党籍的决定", due, JY)
        elif since != row.lost_since:  # marked lost, yet seen since: one of the records is wrong
            yield _finding(LOST_SEEN, Severity.WARNING, row,
                           f"{row.name}标为失联（自{in_words(row.lost_since)}），但{in_words(since)}{what}："
                           f"已恢复联系的，应记录恢复联系；误记的，应改正{record}",
                           since, JY)


@check("member.probation_ending")
def probation_ending(db: Database, today: date) -> Iterator[Finding]:
    """预备党员 whose probation ends within ``SOON_DAYS``: the written application for full membership is
    due about a month before the end (DOMAIN.md step 22), and the 支部大会 to discuss it after."""
    months = status_rules(db).probation_months
    for row in _rows(db, "probationary"):
        if row.category != CATEGORY_PROBATIONARY:
            continue
        ends = probation_end(row.joined_on, row.events, months=months)
        if ends is None:
            continue
        last = partial_date.last_day(ends)
        if today <= last <= today + timedelta(days=SOON_DAYS):
            yield _finding("member.probation_ending", Severity.WARNING, row,
                           f"{row.name}预备期将于{partial_date.text(ends)}届满：请提醒本人提交书面转正申请，"
                           "届满后由支部党员大会讨论其转正", last, f"{DZ}第七条；{XZ}")


grouping.regroup_lister("member.probation_overdue", lambda db, today: list(_probation_overdue_each(db, today)))
grouping.regroup_lister("member.lost_undecided", lambda db, today: [
    f for f in _lost_undecided_each(db, today) if f.code != LOST_SEEN])


def _suspended_since(row: member_repo.StatusRow) -> date | None:
    since = None
    for ev in sorted(row.events, key=event_order):
        if ev.kind is EventKind.SUSPENDED or (ev.kind is EventKind.STATUS and ev.detail == STATUS_SUSPENDED):
            since = ev.on_date
        elif ev.kind is EventKind.RESTORED or (ev.kind is EventKind.STATUS and ev.detail != STATUS_SUSPENDED):
            since = None
    return since


@check("member.suspended_too_long")
def suspended_too_long(db: Database, today: date) -> Iterator[Finding]:
    """Members under 停止党籍 for the rule's years (two): to be removed as 自行脱党."""
    years = status_rules(db).suspended_years
    for row in _rows(db, "suspended"):
        if row.membership_status != STATUS_SUSPENDED:
            continue
        since = _suspended_since(row)
        if since is None:
            continue
        due = add_months(since, years * 12)
        if due <= today:
            yield _finding("member.suspended_too_long", Severity.OVERDUE, row,
                           f"{row.name}停止党籍已满{years}年（自{in_words(since)}），仍无联系的应按自行脱党予以除名",
                           due, JY)


@check("member.observation_ending")
def observation_ending(db: Database, today: date) -> Iterator[Finding]:
    """留党察看 ending within 30 days (notice), or ended with no decision (overdue)."""
    for row in _rows(db, "disciplined"):
        found = observations(row.events)
        if not found or found[-1].decided_on is not None:
            continue
        obs = found[-1]
        what = next((describe_discipline(ev.detail) for ev in row.events
                     if ev.kind is EventKind.DISCIPLINE and ev.on_date == obs.start), "留党察看")
        if obs.ends <= today:
            yield _finding("member.observation_ending", Severity.OVERDUE, row,
                           f"{row.name}{what}已于{in_words(obs.ends)}期满，尚未作出恢复党员权利或开除党籍的决定",
                           obs.ends, f"{DZ}第四十条")
        elif obs.ends <= today + timedelta(days=SOON_DAYS):
            yield _finding("member.observation_ending", Severity.WARNING, row,
                           f"{row.name}{what}将于{in_words(obs.ends)}期满，届时应作出决定",
                           obs.ends, f"{DZ}第四十条")
