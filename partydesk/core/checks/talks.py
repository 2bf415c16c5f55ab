"""Talk checks (谈心谈话): a member on the roll not talked with within the rule's interval, a follow-up
left open past its date, and two committee members (支委) who have not talked with each other in it.

A member's next talk is due ``meeting.heart_talk.months`` after the last one (or after coming onto the
roll): past that day the finding is 逾期, within ``SOON_DAYS`` before it 注意. A follow-up is 注意 on its
own day and 逾期 from the day after. A committee pair is 注意: the committee is taken as it stands today.

Who is due a talk is counted per organisation in SQL (``storage.todo_repo``: the plain members, on the roll
from their admission day) plus the few members with an event that moves the roll, judged one by one as
``services.talks.talks_due`` does; members are named only in organisations with at most
``grouping.NAMED_AT_MOST`` of them due, the others get one summary (``checks.grouping``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy.orm import Session

from partydesk.core.checks import grouping, memo
from partydesk.core.checks.began import enter_earlier, recent_start
from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.domain.study_roll import MOVING_KINDS
from partydesk.core.domain.talks import RULE_KEY, SOON_DAYS, floor_shift, latest_start, same_day_months_later, talk_due
from partydesk.core.services import talks
from partydesk.core.services.talks import TalkDue
from partydesk.core.storage import settings_repo, todo_repo, workbench_repo
from partydesk.core.storage.database import Database


def _floor(own: date | None, months: int) -> todo_repo.Floor | None:
    """``todo_repo``'s floor: each organisation from the day its records began (``floor_start``), the file's own
    day for one whose record does not say it."""
    return todo_repo.Floor(own, floor_shift(months)) if own is not None else None


def _disagreeing(db: Database, session: Session) -> list[str] | None:
    """``todo_repo.disagreeing_ids``, read once per run of the checks (``memo``)."""
    return memo.shared(("talk_disagreeing", id(db)), lambda: todo_repo.disagreeing_ids(session))


def _replayed(db: Database, today: date, months: int) -> list[tuple[TalkDue, str]]:
    """The members outside the plain case (a moving event, no admission day known, or a record whose
    入党日期 is not its 入党 events') due a talk within ``SOON_DAYS``, judged one by one as
    ``talks.talks_due`` does, with their organisation."""
    soon = today + timedelta(days=SOON_DAYS)
    with db.read() as session:
        ids = todo_repo.talk_replay_ids(session, MOVING_KINDS, _disagreeing(db, session))
        if not ids:
            return []
        people = talks._on_roll_today(session, today, ids=ids)  # the roll rule talks_due applies
        last = todo_repo.last_talks(session, today, [p.id for p in people])
        orgs = workbench_repo.org_of(session, [p.id for p in people])
        by_org, own = settings_repo.began_by_organisation(session)
    out = []
    for p in people:
        due = talk_due(last.get(p.id), p.since, months, by_org.get(orgs.get(p.id, ""), own))
        if due is None or due <= soon:
            out.append((TalkDue(p.id, p.name, p.party_group, last.get(p.id), due), orgs.get(p.id, "")))
    return out


def _due(db: Database, today: date, months: int, org_ids: list[str] | None,
         replayed: list[tuple[TalkDue, str]]) -> list[tuple[TalkDue, str]]:
    """The members (of ``org_ids``, or all) due a talk within ``SOON_DAYS``, with their organisation."""
    soon = today + timedelta(days=SOON_DAYS)
    with db.read() as session:
        by_org, own = settings_repo.began_by_organisation(session)
        plain = todo_repo.talk_due_rows(session, today, soon_from=latest_start(soon, months),
                                        moving_kinds=MOVING_KINDS, org_ids=org_ids,
                                        disagreeing=_disagreeing(db, session), floor=_floor(own, months))
    out = [(TalkDue(m, name, group, last, talk_due(last, admitted, months, by_org.get(org, own))), org)
           for m, name, group, org, admitted, last in plain]
    return out + [(d, org) for d, org in replayed if org_ids is None or org in org_ids]


def _finding(due: TalkDue, today: date, months: int, earlier: str = "", *, own: bool = True) -> Finding:
    overdue = due.due is None or due.due < today
    last = f"上次 {due.last_talk:%Y-%m-%d}" if due.last_talk is not None else "尚无谈话记录"
    if due.due is None:
        message = f"{due.name}尚无谈心谈话记录"
    elif overdue and due.last_talk is None:  # (not "over 12 months": since when is not known)
        message = f"{due.name}尚无谈心谈话记录（应于 {due.due:%Y-%m-%d} 前开展）"
    elif overdue:
        message = f"{due.name}已超过{months}个月未开展谈心谈话（{last}）"
    else:
        message = f"{due.name}应于 {due.due:%Y-%m-%d} 前开展谈心谈话（{last}）"
    if due.last_talk is None:
        message += earlier
    return Finding(code="talk.none", severity=Severity.OVERDUE if overdue else Severity.WARNING,
                   subject=due.member_id, message=message, due=due.due, rule=RULE_KEY,
                   # A new talk with them, ready to record; a branch's member at its committee opens the member's
                   # record instead: the branch records its members' talks.
                   target=Target("talk_with", due.member_id) if own else Target("member", due.member_id))


def earlier_talks(db: Database, today: date) -> str:
    """What a to-do about a member never talked with ends with while the office is new to the program."""
    return enter_earlier(recent_start(db, today), "谈话", "“会议”页的“谈心谈话”")


def _summary_text(group: grouping.Group, months: int, earlier: str = "") -> str:
    if group.overdue == group.count:
        return f"{group.count} 名党员超过{months}个月未开展谈心谈话（或尚无谈话记录）{earlier}"
    if not group.overdue:
        return f"{group.count} 名党员 {SOON_DAYS} 天内应开展谈心谈话"
    # (Not "over twelve months": some may be overdue only as members never talked with since the records began.)
    return f"{group.count} 名党员需开展谈心谈话（其中 {group.overdue} 名已逾期）"


def due_groups(db: Database, today: date, months: int,
               replayed: list[tuple[TalkDue, str]]) -> dict[str, grouping.Group]:
    """Per organisation: the members due a talk within ``SOON_DAYS``, counted in SQL (plus the replayed)."""
    soon = today + timedelta(days=SOON_DAYS)
    with db.read() as session:
        floor = _floor(settings_repo.records_began(session), months)
        counts = todo_repo.talk_due_counts(session, today, soon_from=latest_start(soon, months),
                                           overdue_from=latest_start(today - timedelta(days=1), months),
                                           moving_kinds=MOVING_KINDS, disagreeing=_disagreeing(db, session),
                                           floor=floor)
    groups: dict[str, grouping.Group] = {}
    for org, (count, overdue, first) in counts.items():
        due = same_day_months_later(first, months) if first is not None else None
        grouping.add(groups, org, overdue, Severity.OVERDUE, due)
        grouping.add(groups, org, count - overdue, Severity.WARNING, due)
    for d, org in replayed:
        overdue = d.due is None or d.due < today
        grouping.add(groups, org, 1, Severity.OVERDUE if overdue else Severity.WARNING, d.due)
    return groups


@check("talk.none")
def members_due_a_talk(db: Database, today: date) -> Iterator[Finding]:
    """Members on the roll whose next talk is past due (逾期) or due within ``SOON_DAYS`` (注意); an
    organisation with more than ``grouping.NAMED_AT_MOST`` of them gets one summary instead."""
    months = talks.talk_months(db)
    replayed = _replayed(db, today, months)
    groups = due_groups(db, today, months, replayed)
    small = grouping.named(groups)
    earlier = earlier_talks(db, today)
    if small:
        mine = db.site.organisation_id if db.site is not None else None
        for due, org in _due(db, today, months, small, replayed):
            yield _finding(due, today, months, earlier, own=mine is None or org == mine)
    yield from grouping.summaries(db, "talk.none", groups, rule=RULE_KEY,
                                  text=lambda g: _summary_text(g, months, earlier),
                                  target=lambda org: Target("talks_due", org))  # the 应谈话 list, to record them


@grouping.lister("talk.none")
def members_due_in(db: Database, today: date, org_id: str) -> list[str]:
    """The members of ``org_id`` due a talk within ``SOON_DAYS`` (behind a summary finding)."""
    months = talks.talk_months(db)
    return [d.member_id for d, _org in _due(db, today, months, [org_id], _replayed(db, today, months))]


FOLLOW_UP_NOTICE_DAYS = 7


@check("talk.follow_up")
def follow_ups_open(db: Database, today: date) -> Iterator[Finding]:
    """Follow-ups not done by their date (``talks.follow_up_due``: a month after the talk when none was given):
    注意 from ``FOLLOW_UP_NOTICE_DAYS`` before it through the day itself (time to arrange what was promised),
    逾期 after it."""
    for record in talks.open_follow_ups(db):
        day = talks.follow_up_due(record)
        if day > today + timedelta(days=FOLLOW_UP_NOTICE_DAYS):
            continue
        who = "、".join(record.with_names) or "谈话对象"
        undated = "" if record.data.follow_up_on else f"（未定跟进日期，按谈话后 {talks.UNDATED_FOLLOW_UP_DAYS} 天计）"
        yield Finding(
            code="talk.follow_up",
            severity=Severity.OVERDUE if day < today else Severity.WARNING,
            subject=record.id,
            message=f"与{who}谈话（{record.data.held_on:%Y-%m-%d}）的跟进事项未完成：{_short(record.data.follow_up)}"
                    + undated,
            due=day,
            rule="谈心谈话跟进",
            target=Target("talk", record.id),
        )


def _short(text: str, limit: int = 30) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


PAIRS_NAMED_AT_MOST = 3  # pairs of one committee named one by one; more get one line (five 支委 are ten pairs)


@check("talk.committee")
def committee_pairs(db: Database, today: date) -> Iterator[Finding]:
    """Two committee members who have not talked with each other within the interval (注意); a committee with
    more than ``PAIRS_NAMED_AT_MOST`` such pairs gets one line naming them."""
    months = talks.talk_months(db)
    pairs = talks.committee_pairs_due(db, today)
    others = talks.not_own_members(db, [p.first_id for p in pairs])  # a branch's pair, at its committee
    with db.read() as session:
        orgs = workbench_repo.org_of(session, [p.first_id for p in pairs])
    by_org: dict[str, list[talks.CommitteePair]] = {}
    for pair in pairs:
        by_org.setdefault(orgs.get(pair.first_id, ""), []).append(pair)
    for org_id, found in by_org.items():
        if len(found) > PAIRS_NAMED_AT_MOST:
            named = "、".join(f"{p.first_name}与{p.second_name}" for p in found[:PAIRS_NAMED_AT_MOST])
            # The talks page, to record them; a branch's pairs at its committee open the first one's record (the
            # branch records its own talks).
            first = found[0].first_id
            yield Finding(
                code="talk.committee", severity=Severity.WARNING, subject=f"{org_id}#talk.committee",
                message=f"{len(found)} 对支委近{months}个月未相互谈心谈话：{named}等", due=None, rule=RULE_KEY,
                target=Target("member", first) if first in others else Target("talks_due", org_id))
            continue
        for pair in found:
            yield Finding(
                code="talk.committee",
                severity=Severity.WARNING,
                subject=f"{pair.first_id}|{pair.second_id}",
                message=f"支委{pair.first_name}与{pair.second_name}近{months}个月未相互谈心谈话",
                due=None,
                rule=RULE_KEY,
                # A new talk, the first with the second; a branch's pair at its committee opens the first's record.
                target=Target("member", pair.first_id) if pair.first_id in others
                else Target("talk_with", f"{pair.first_id}|{pair.second_id}"),
            )
