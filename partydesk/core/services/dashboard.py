"""The workbench's figures (工作台数据): key figures and the data of every chart, from SQL aggregates.

``snapshot`` computes everything the workbench and the yearly report show in one pass: a handful of
grouped queries whatever the size of the roster, plus the checks engine's findings. ``member_ids``
lists the members behind one bar or slice (the same condition its count used), for the roster.

Study hours (学习学时达标) are the study ledger's answer (a member is on track who is not behind the
pro-rata hours owed by the day), counted from aggregates by ``services.study_track``.

In a committee's file holding several branches, ``org_id`` narrows everything to one branch
(``services.dashboard_scope``); without it the whole file is counted and ``branches`` gives the members
per branch (the branch selector's list).

Counted over the whole file, a person on the rolls of two branches (the same 公民身份号码, usually a transfer
one branch has not recorded yet) is one member: 党员总数, 预备党员 and every structure chart count that person
once (one of the entries stands for them, ``two_rolls_repo.Repeats``), and ``KeyFigures.on_two_rolls`` says how
many such people there are, so the page can say why the total is less than the branches' figures added up.
A branch's own figures (one ``org_id``, the members-per-branch chart, the committee's comparison) count its
roll as it is: each branch really lists the person. What reckons per record of a branch rather than per
person (meetings, attendance, the study share, the to-dos) is not deduplicated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from partydesk.core.checks import engine, grouping, memo
from partydesk.core.checks.findings import Finding
from partydesk.core.collector import collector_paused
from partydesk.core.domain import codes, group_order
from partydesk.core.domain.meetings import MEETING_TYPES
from partydesk.core.domain.organisation import short_names
from partydesk.core.domain.structure import AGE_BANDS, PARTY_AGE_BANDS, UNKNOWN, UNKNOWN_LABEL, education_group
from partydesk.core.services import branches, dashboard_scope, meeting_reports, study_track
from partydesk.core.services.branches import SINGLE, Branches
from partydesk.core.services.meeting_reports import PeriodCompliance
from partydesk.core.services.setup import site_role
from partydesk.core.storage import dashboard_repo, meeting_repo, workbench_repo
from partydesk.core.storage.database import Database


@dataclass(frozen=True)
class Bucket:
    """One bar or slice: the key that lists its members ("gender:2"), its label and its count."""

    key: str
    label: str
    value: float


@dataclass(frozen=True)
class KeyFigures:
    """The figures on top of the workbench."""

    members: int  # people on the roll; over a committee's whole file, a person on two branches' rolls once
    probationary: int
    meetings_held: int  # required meetings held so far this year (at most what each period asks)
    meetings_required: int  # required so far: the periods ended, and those running whose meeting was held
    study_on_track: int | None  # members on track for their study hours; None without the study module
    study_counted: int | None
    open_todos: int
    # Of the whole of a committee's file: the entries on the branches' rolls added up (``members`` counts each
    # person once), and how many people are on two or more rolls; 0 and 0 when they are the same.
    entries: int = 0
    on_two_rolls: int = 0

    @property
    def study_share(self) -> float | None:
        """Share of members on track for study hours (None when unknown)."""
        if self.study_on_track is None or not self.study_counted:
            return None
        return self.study_on_track / self.study_counted


@dataclass(frozen=True)
class MonthlyMeetings:
    """Meetings of one year per month: held per type, and required (each period of the year counted at its end
    month, whether it is over or not: the schedule)."""

    year: int
    held: dict[str, list[int]]  # type name -> 12 counts
    required: list[int]


@dataclass(frozen=True)
class Dashboard:
    """Everything the workbench draws, computed for one day."""

    today: date
    figures: KeyFigures
    structure: dict[str, list[Bucket]]  # dimension -> buckets, in display order
    joined: list[Bucket]
    meetings_by_type: list[tuple[str, int, int]]  # (type name, required so far, held so far)
    meetings_by_month: MonthlyMeetings
    attendance: list[tuple[str, float]]  # ("2026-03", rate 0..1), months with meetings only
    findings: list[Finding] = field(default_factory=list)
    org_id: str | None = None  # the branch shown; None: every organisation in the file
    branches: list[Bucket] = field(default_factory=list)  # members per branch ("org:<id>") when several, any scope
    organisations: Branches = SINGLE  # the organisations of the file, for the branch filter


STRUCTURE_TITLES = {"age": "年龄结构", "gender": "性别", "ethnicity": "民族", "education": "学历",
                    "party_age": "党龄结构", "category": "正式党员与预备党员", "group": "各党小组人数"}
BRANCHES_TITLE = "各支部党员人数"
NO_GROUP_LABEL = "未编入党小组"  # as the roster's 党小组 filter says it (a member in no group is no missing field)


def _labels(name: str) -> Callable[[str], str]:
    bands = {b.key: b.label for b in (AGE_BANDS if name == "age" else PARTY_AGE_BANDS)}
    tables = {"gender": codes.GENDER, "ethnicity": codes.ETHNICITY, "category": codes.MEMBER_CATEGORY}

    def label(value: str) -> str:
        if value in ("", UNKNOWN):
            return NO_GROUP_LABEL if name == "group" else UNKNOWN_LABEL
        if name in tables:
            return tables[name].name(value) if value in tables[name] else value
        if name == "party_age" and value == "probationary":
            return "预备党员"
        return bands.get(value, value) if name in ("age", "party_age") else value

    return label


def group_sort_key(name: str) -> tuple[object, ...]:
    """党小组 in their numbered order (``domain.group_order``), the members with no group last."""
    return group_order.group_sort_key("" if name == UNKNOWN else name)


def _order(name: str, counts: dict[str, int]) -> list[str]:
    if name == "group":
        return sorted(counts, key=group_sort_key)
    fixed = {"age": [b.key for b in AGE_BANDS], "party_age": [b.key for b in PARTY_AGE_BANDS] + ["probationary"],
             "education": list(codes.EDUCATION_GROUPS), "category": ["1", "2"]}.get(name)
    if fixed is None:
        return sorted(counts, key=lambda k: (k in ("", UNKNOWN), -counts[k], k))
    return [k for k in fixed if counts.get(k)] + [k for k in counts if k not in fixed]


def structure(db: Database, today: date, *, org_id: str | None = None) -> dict[str, list[Bucket]]:
    """Members on the roll by age band, gender, ethnicity, education group, 党龄 band, category, group."""
    return _structure_and_joined(db, today, org_id)[0]


def _structure_and_joined(db: Database, today: date,
                          org_id: str | None = None) -> tuple[dict[str, list[Bucket]], list[Bucket]]:
    out: dict[str, list[Bucket]] = {}
    twice = dashboard_scope.repeats(db, org_id).entries  # a person on two branches' rolls counted once
    with db.read() as session:
        # Plain columns in one pass (as cheap as a count), the two date bands in another: grouping by
        # all of them at once, or by the education CASE, costs several times more at 100 000 members.
        together = dashboard_repo.grouped_together(
            session, ["gender", "ethnicity", "education_code", "category", "group"], today, org_id=org_id,
            leave_out=twice)
        together.update(dashboard_repo.grouped_together(session, ["age", "party_age", "joined"], today,
                                                        org_id=org_id, leave_out=twice))
    education: dict[str, int] = {}
    for code, n in together.pop("education_code").items():
        group = education_group(code)
        education[group] = education.get(group, 0) + n
    together["education"] = education
    for name in STRUCTURE_TITLES:
        counts = together[name]
        label = _labels(name)
        out[name] = [Bucket(f"{name}:{k}", label(k), counts[k]) for k in _order(name, counts) if counts.get(k)]
    joined = [Bucket(f"joined:{y}", y, n) for y, n in sorted(together["joined"].items()) if y]
    return out, joined


def joined_per_year(db: Database, today: date, *, org_id: str | None = None) -> list[Bucket]:
    """Members on the roll by the year they joined, oldest first (years with none left out)."""
    return _structure_and_joined(db, today, org_id)[1]


def _counted_periods(db: Database, today: date, org_id: str | None) -> list[PeriodCompliance]:
    """The periods of ``today``'s year counted so far: every one that has ended, and every one still running
    in which the meeting was held already. A period still running without its meeting is neither owed nor
    missed yet (the calendar's 待召开), so the figures read as the calendar does: 已召开 of 已召开 + 未召开."""
    return [c for c in _year_periods(db, today, org_id)
            if c.period.start <= today and not (c.open and c.held < c.required)]


def _year_periods(db: Database, today: date, org_id: str | None) -> list[PeriodCompliance]:
    """The periods of ``today``'s year, but none that ended before the file's records began (the calendar's
    启用前).

    A file holding several branches is reckoned branch by branch: each branch owes its own meetings, and one
    branch's meetings never stand in for another's. A committee's own organisation owes none of them (before
    its first branch package nothing is due).
    """
    orgs: list[str | None] = [org_id]
    if org_id is None:
        held_by = [b.org_id for b in dashboard_scope.branches(db)]
        if len(held_by) > 1:
            orgs = list(held_by)
        elif site_role(db) == "committee":  # its own organisation owes no branch meetings: the branch, if any
            own = db.site.organisation_id if db.site is not None else None
            with db.read() as session:
                orgs = [o for o in workbench_repo.member_org_ids(session) if o != own]
        else:
            orgs = [None]
    return [c for org in orgs for c in meeting_reports.compliance(db, today.year, as_of=today, org_id=org)
            if not c.before_records]


def _by_type(rows: list[PeriodCompliance]) -> list[tuple[str, int, int]]:
    per_type: dict[str, list[int]] = {}
    for c in rows:
        counts = per_type.setdefault(c.type_name, [0, 0])
        counts[0] += c.required
        counts[1] += min(c.held, c.required)
    return [(t.name, per_type[t.name][0], per_type[t.name][1]) for t in MEETING_TYPES if t.name in per_type]


def meetings_by_type(db: Database, today: date, *, org_id: str | None = None) -> list[tuple[str, int, int]]:
    """Per type: (name, required so far, held so far, at most what each period asks) — see ``_counted_periods``."""
    return _by_type(_counted_periods(db, today, org_id))


def meetings_this_year(db: Database, today: date, *,
                       org_id: str | None = None) -> tuple[list[tuple[str, int, int]], MonthlyMeetings]:
    """``meetings_by_type`` and the monthly view (what each month asks, what was held), for ``today``'s year.

    A month's 应开 is what the periods ending in it ask, held or not, over or not: the year's schedule
    (December asks for its own meetings and the fourth quarter's and the year's, as the calendar's 待召开
    says), which does not move when a meeting is held. The figures per type count as the key figure does
    (``_counted_periods``)."""
    year = today.year
    periods = _year_periods(db, today, org_id)
    rows = [c for c in periods if c.period.start <= today and not (c.open and c.held < c.required)]
    required = [0] * 12
    for c in periods:
        required[c.period.end.month - 1] += c.required
    names = [t.name for t in MEETING_TYPES]
    held: dict[str, list[int]] = {}
    by_code = {t.code: t.name for t in MEETING_TYPES}
    with db.read() as session:
        for code, _group, y, m, n in meeting_repo.held_by_month(session, date(year, 1, 1), date(year, 12, 31),
                                                                org_id=org_id):
            if y == year:
                held.setdefault(by_code.get(code, code), [0] * 12)[m - 1] += n
    ordered = {n: held[n] for n in names if n in held}
    return _by_type(rows), MonthlyMeetings(year, ordered, required)


def attendance_trend(db: Database, today: date, months: int = 12, *,
                     org_id: str | None = None) -> list[tuple[str, float]]:
    """Attendance rate (present / expected) per month over the last ``months`` months (this one included) with
    meetings: twelve in December are January to December."""
    first = today.year * 12 + today.month - months  # months counted from year 0, the window's first
    start = date(first // 12, first % 12 + 1, 1)
    with db.read() as session:
        rows = dashboard_repo.attendance_by_month(session, start, today, org_id=org_id)
    return [(f"{y}-{m:02d}", p / e) for y, m, e, p in rows if e]


def study_progress(db: Database, year: int, today: date, *, org_id: str | None = None) -> tuple[int, int] | None:
    """(members on track for their study hours, members counted), or None when nobody is counted."""
    good, counted = study_track.on_track(db, year, as_of=today, org_id=org_id)
    return (good, counted) if counted else None


def findings(db: Database, today: date, *, org_id: str | None = None) -> list[Finding]:
    """The open to-dos of ``today``: all of them, or those about one branch's records, without the branch's name in
    front ("第二支部：…"): the workbench is showing that branch."""
    found = engine.open_findings(db, today)
    if org_id is None:
        return found
    unnamed = _unnamed(db, org_id)
    return [unnamed(f) for f in dashboard_scope.scope_findings(db, found, org_id)]


def set_aside(db: Database, today: date, *, org_id: str | None = None) -> list[tuple[Finding, engine.Dismissal]]:
    """The to-dos dismissed or still snoozed on ``today``, with the decision: all of them, or one branch's,
    named as ``findings`` names them."""
    hidden = engine.board(db, today).set_aside
    if org_id is None:
        return hidden
    mine = {id(f) for f in dashboard_scope.scope_findings(db, [f for f, _d in hidden], org_id)}
    unnamed = _unnamed(db, org_id)
    return [(unnamed(f), decision) for f, decision in hidden if id(f) in mine]


def _unnamed(db: Database, org_id: str) -> Callable[[Finding], Finding]:
    """A finding without the branch's name in front of its message ("第二支部：…")."""
    named = f"{grouping.file_branches(db).short_of(org_id)}："

    def unnamed(finding: Finding) -> Finding:
        if len(named) > 1 and finding.message.startswith(named):
            return replace(finding, message=finding.message[len(named):])
        return finding
    return unnamed


def key_figures(db: Database, today: date, *, by_type: list[tuple[str, int, int]] | None = None,
                open_todos: int | None = None, org_id: str | None = None) -> KeyFigures:
    """The figures on top; pass what ``snapshot`` computed already to avoid doing it twice."""
    twice = dashboard_scope.repeats(db, org_id)
    with db.read() as session:
        members, probationary = dashboard_repo.roll_counts(session, org_id, leave_out=twice.entries)
    if by_type is None:
        by_type = meetings_by_type(db, today, org_id=org_id)
    if open_todos is None:
        open_todos = len(findings(db, today, org_id=org_id))
    study = study_progress(db, today.year, today, org_id=org_id)
    return KeyFigures(members, probationary, sum(h for _n, _r, h in by_type), sum(r for _n, r, _h in by_type),
                      study[0] if study else None, study[1] if study else None, open_todos,
                      entries=members + len(twice.entries) if twice else 0, on_two_rolls=twice.people)


def members_per_branch(db: Database) -> list[Bucket]:
    """Members on the roll per organisation (key ``org:<id>``), when the file holds more than one."""
    held = dashboard_scope.branches(db)
    shorts = short_names(b.name for b in held if b.name)  # 幸福社区第一支部, not 中共示范街道幸福社区第一支部委员会
    return [Bucket(f"org:{b.org_id}", shorts.get(b.name) or b.code, b.members) for b in held] if len(held) > 1 else []


def snapshot(db: Database, today: date, *, org_id: str | None = None) -> Dashboard:
    """Everything the workbench shows for ``today``: of one branch (``org_id``) or of the whole file."""
    with collector_paused():  # many rows read at once, no cycles among them (core/collector.py)
        by_type, monthly = meetings_this_year(db, today, org_id=org_id)
        with memo.scope():  # the checks, the 学时 figure and the counts share their reads of the members
            todos = findings(db, today, org_id=org_id)
            figures = key_figures(db, today, by_type=by_type, open_todos=len(todos), org_id=org_id)
            structure_now, joined = _structure_and_joined(db, today, org_id)
        return Dashboard(today, figures, structure_now, joined, by_type, monthly,
                         attendance_trend(db, today, org_id=org_id), todos, org_id, members_per_branch(db),
                         branches.branches(db))


def member_ids(db: Database, key: str, today: date, *, org_id: str | None = None) -> list[str]:
    """The members on the roll behind one bucket or to-do key ("gender:2", "missing:joined_on"), or behind
    a summary to-do ("todo:<org id>#talk.none": the members its check would have named). As each was counted:
    a structure bucket or 党员总数 ("all:") of a committee's whole file lists a person on two rolls once, a
    branch's bar ("org:<id>") every entry of its roll."""
    if grouping.is_summary_key(key):
        return grouping.members_of(db, key, today)
    counted_once = key.partition(":")[0] not in ("org", "missing")
    twice = dashboard_scope.repeats(db, org_id).entries if counted_once else ()
    with db.read() as session:
        return dashboard_repo.member_ids(session, key, today, org_id=org_id, leave_out=twice)
