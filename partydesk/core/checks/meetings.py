"""Meeting checks: a required meeting not held in a period that has ended (未召开), one still to hold in a
period ending within a month (还未召开, a reminder before it is late), repeated absence, and the last twelve months'
records that name no 主持人 (授课人) or no 记录人.

Built on the compliance and attendance reports (``services.meeting_reports``), which are SQL aggregates.
In a committee's file each branch owes its own meetings: the calendar is judged branch by branch (never
pooled, or one branch's meeting would cover another's), the message names the branch, and the to-do's
calendar key carries the branch (``"<org id>#<type>|<group>|<period start>"``). The committee's own
organisation, a 党委, owes none of the branch meetings.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from partydesk.core.checks import grouping
from partydesk.core.checks.findings import Finding, Severity, Target, check
from partydesk.core.domain.meetings import TYPES_BY_CODE, meeting_type
from partydesk.core.domain.partial_date import in_words
from partydesk.core.services import meeting_reports
from partydesk.core.services.meeting_reports import PeriodCompliance
from partydesk.core.services.setup import site_role
from partydesk.core.storage import meeting_repo, todo_repo
from partydesk.core.storage.database import Database

BRANCH_MISSING_NAMED = 3  # in a committee's file, a branch's missed meetings one by one; beyond, one line


@check("meeting.missing")
def missing_meetings(db: Database, today: date) -> Iterator[Finding]:
    """Each ended period of this year (and of last year, until its report is done in January) in which a
    required type was held fewer times than required (periods before the file's records began are owed
    nothing: ``PeriodCompliance.before_records``). In a committee's file a branch that missed more than
    ``BRANCH_MISSING_NAMED`` gets one line saying how many, opening its calendar at the latest (sixty
    branches' every missed month would bury everything else on the committee's board)."""
    years = [today.year - 1, today.year] if today.month == 1 else [today.year]
    found = grouping.file_branches(db)
    if found.multi:
        scopes: list[tuple[str | None, str]] = [(b.org_id, f"{found.short_of(b.org_id)}：")
                                                for b in found.items if not b.own]
    elif site_role(db) == "committee":
        scopes = []  # a committee before its first branch package: its own organisation owes none
    else:
        scopes = [(None, "")]
    for org_id, named in scopes:
        missed = [row for year in years for row in meeting_reports.compliance(db, year, as_of=today, org_id=org_id)
                  if not (row.open or row.met or row.before_records)]
        if org_id is not None and len(missed) > BRANCH_MISSING_NAMED:
            yield _branch_missed(org_id, named, missed)
            continue
        for row in missed:
            key = f"{org_id}#{_cell(row)}" if org_id else _cell(row)
            yield _cell_finding("meeting.missing", Severity.OVERDUE, row, key,
                                f"{named}{row.period.label}未召开{row.type_name}{_group(row)}")


def _cell(row: PeriodCompliance) -> str:
    """The calendar cell of a period's requirement: ``"<type>|<group>|<period start>"``."""
    return f"{row.type_code}|{row.party_group}|{row.period.start.isoformat()}"


def _group(row: PeriodCompliance) -> str:
    return f"（{row.party_group}）" if row.party_group else ""


def _cell_finding(code: str, severity: Severity, row: PeriodCompliance, key: str, message: str) -> Finding:
    """A finding about one calendar cell (``key``), due at its period's end, under its type's rule."""
    return Finding(code=code, severity=severity, subject=key, message=message, due=row.period.end,
                   rule=meeting_type(row.type_code).rule_key or "", target=Target("calendar", key))


def _branch_missed(org_id: str, named: str, missed: list[PeriodCompliance]) -> Finding:
    """One line for a branch's many missed meetings: how many, the latest named, its calendar opened there."""
    latest = max(missed, key=lambda row: (row.period.end, row.type_code, row.party_group))
    group = _group(latest)
    key = f"{org_id}#{_cell(latest)}"
    return Finding(
        code="meeting.missing",
        severity=Severity.OVERDUE,
        subject=f"{org_id}#meeting.missing",
        message=f"{named}{len(missed)} 次规定的会议未按期召开，最近的是{latest.period.label}的{latest.type_name}{group}"
                "（详见该支部的年度日历）",
        due=latest.period.end,
        rule="",
        target=Target("calendar", key),
    )


DUE_SOON_DAYS = 31  # a month's meeting from its first day; a quarter's or a year's in its last month


@check("meeting.due_soon")
def meetings_due_soon(db: Database, today: date) -> Iterator[Finding]:
    """Each running period ending within ``DUE_SOON_DAYS`` whose required meeting is not yet held: a
    reminder (注意) while it can still be held, before ``meeting.missing`` finds it late. A branch's own file
    only: a committee sees its branches' shortfalls once they are late, not every branch's month ahead."""
    if grouping.file_branches(db).multi or site_role(db) == "committee":
        return
    for row in meeting_reports.compliance(db, today.year, as_of=today):
        if not row.open or row.met or row.period.start > today or (row.period.end - today).days >= DUE_SOON_DAYS:
            continue
        owed = f"还要召开 {row.required - row.held} 次" if row.held else "还未召开"
        yield _cell_finding("meeting.due_soon", Severity.WARNING, row, _cell(row),
                            f"{row.period.label}的{row.type_name}{_group(row)}{owed}，请在{in_words(row.period.end)}前召开")


@check("meeting.absent_in_a_row")
def absent_in_a_row(db: Database, today: date) -> Iterator[Finding]:
    """Members whose last three expected meetings were all unexcused absences: not those marked 失联, whose
    absence the lost-contact reminder (member.lost_undecided) already follows."""
    runs = meeting_reports.absent_in_a_row(db, times=3, until=today)
    with db.read() as session:
        away = meeting_repo.away_of(session, [member_id for member_id, _name, _run in runs])
    for member_id, name, run in runs:
        if away.get(member_id) == "lost":
            continue
        yield Finding(
            code="meeting.absent_in_a_row",
            severity=Severity.WARNING,
            subject=member_id,
            message=f"{name}连续{run}次无故缺席组织生活",
            due=None,
            rule="党章第九条",
            target=Target("member", member_id),
        )


@check("meeting.record_incomplete")
def incomplete_records(db: Database, today: date) -> Iterator[Finding]:
    """The meeting records of the last twelve months (last December's too, at the year's review) of this office that
    name no 主持人 or no 记录人 (a 党课 its 授课人 instead of a 主持人): a record's header names them and they sign
    it (DOMAIN §2.2). One to-do per record, opening it (dismissed or snoozed record by record); a committee's
    branches fill in their own records."""
    if db.site is None:
        return
    with db.read() as session:
        rows = todo_repo.meeting_signers(session, today - timedelta(days=365), today, db.site.site_id)
    for meeting_id, held_on, code, topic, chair, recorder, lecturer in rows:
        leads = ("授课人", lecturer) if code == "lecture" else ("主持人", chair)
        wanting = "、".join(word for word, given in (leads, ("记录人", recorder)) if not given.strip())
        if wanting:
            name = TYPES_BY_CODE[code].name if code in TYPES_BY_CODE else code
            yield Finding(code="meeting.record_incomplete", severity=Severity.WARNING, subject=meeting_id,
                          message=f"{held_on:%Y-%m-%d}{name}“{topic}”的记录未填{wanting}",
                          due=None, rule="会议记录", target=Target("meeting", meeting_id))


_MARKED = {"leave": "请假", "absent": "缺席"}


@check("meeting.signer_away")
def signers_away(db: Database, today: date) -> Iterator[Finding]:
    """The meeting records of the last twelve months of this office whose 主持人, 记录人 or 授课人 is, by name, one
    of its expected members marked 请假 or 缺席: who led, recorded or taught a meeting was at it, and signs its
    record (DOMAIN §2.2). A slip in the attendance or in the name, to be checked; one to-do per record, opening
    it. A name two members share is left alone while either of them was present."""
    if db.site is None:
        return
    start = today - timedelta(days=365)
    with db.read() as session:
        marks = todo_repo.signer_marks(session, start, today, db.site.site_id)
        rows = todo_repo.meeting_signers(session, start, today, db.site.site_id) if marks else []
    for meeting_id, held_on, code, topic, chair, recorder, lecturer in rows:
        marked = marks.get(meeting_id, {})
        roles = [("主持人", chair), ("授课人", lecturer if code == "lecture" else ""), ("记录人", recorder)]
        said = []
        for word, name in roles:
            found = marked.get(name) if name else None
            if found and "present" not in found:
                said.append(f"{word}{name}被记为{_MARKED['absent' if 'absent' in found else 'leave']}")
        if said:
            kind = TYPES_BY_CODE[code].name if code in TYPES_BY_CODE else code
            yield Finding(code="meeting.signer_away", severity=Severity.WARNING, subject=meeting_id,
                          message=f"{held_on:%Y-%m-%d}{kind}“{topic}”的{'，'.join(said)}",
                          due=None, rule="会议记录", target=Target("meeting", meeting_id))
