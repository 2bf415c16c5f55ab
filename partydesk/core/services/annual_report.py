"""The yearly branch report (年度党建工作台账): everything it prints, gathered once for one year.

Figures are judged on the year's last day (or today, for the year under way); the member structure is
the roster as it stands. The charts are drawn here as PNG (core.charts, Agg) so the .docx and the PDF
carry the same pictures. The study summary is the study ledger's year (``study_reports.training_summary``).
Its to-dos are the workbench's less the program's housekeeping reminders (``AnnualReport.findings``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from partydesk.core.checks import engine
from partydesk.core.checks.findings import Finding
from partydesk.core.domain.meetings import TYPES_BY_CODE
from partydesk.core.domain.study import FORMS_BY_CODE
from partydesk.core.services import branches, dashboard, dashboard_scope, study, study_reports, talks
from partydesk.core.services.dashboard import BRANCHES_TITLE, STRUCTURE_TITLES, Dashboard
from partydesk.core.services.meetings import meetings_of_year
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage.database import Database
from partydesk.core.storage.finding_repo import DISMISSED

REPORT_TITLE = "年度党建工作台账"
CHARTS = ("meetings_by_type", "meetings_by_month", "attendance", "age", "party_age", "education", "category")


@dataclass(frozen=True)
class RegisterLine:
    """One meeting of the register (会议登记): date, type, topic, group, 应到 and 实到."""

    held_on: date
    type_name: str
    topic: str
    party_group: str
    expected: int
    present: int
    branch: str = ""  # in a committee's report of all its branches: whose meeting (short name)


@dataclass(frozen=True)
class StudyLine:
    """One organised study activity of the year (学习活动登记): its days, form, topic, 学时 and how many took part."""

    start_on: date
    end_on: date
    form_name: str
    topic: str
    hours_tenths: int
    participants: int
    branch: str = ""


@dataclass(frozen=True)
class TalkLine:
    """One talk of the year (谈心谈话登记): date, who talked, with whom, about what (never what was said)."""

    held_on: date
    by_name: str
    with_names: str
    topic: str
    branch: str = ""


@dataclass(frozen=True)
class AnnualReport:
    """What the yearly report holds."""

    organisation: str
    year: int
    as_of: date
    dashboard: Dashboard
    register: list[RegisterLine]
    study: list[tuple[str, str]] | None  # (item, value) from the study module, None without it
    charts: list[tuple[str, bytes]]  # (title, PNG)
    several: bool = False  # a committee's report of all its branches
    activities: list[StudyLine] = field(default_factory=list)  # organised ones: not a member's own course
    own_courses: int = 0  # members' own courses and reading of the year (counted, not listed)
    talks: list[TalkLine] = field(default_factory=list)  # oldest first
    talked_with: int = 0  # members talked with at least once in the year
    # The to-dos of the Party work set aside on the report's day, as decided: (事项, 处理, 原因). A document for
    # filing lists them with their reasons, or what the office decided not to do would simply vanish from it.
    set_aside: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def structure_titles(self) -> dict[str, str]:
        """Structure dimension -> its Chinese title, in report order. Of all a committee's branches, members per
        branch (``branches``) instead of per 党小组: 第一党小组 of several branches are several groups, and
        added together they would mean nothing."""
        if not self.several:
            return dict(STRUCTURE_TITLES)
        return {("branches" if name == "group" else name): (BRANCHES_TITLE if name == "group" else title)
                for name, title in STRUCTURE_TITLES.items()}

    @property
    def findings(self) -> list[Finding]:
        """The to-dos of the Party work open on the report's day: the program's own reminders (a USB backup,
        the data exchange: ``Finding.housekeeping``) are the workbench's, not a document's for filing."""
        return [f for f in self.dashboard.findings if not f.housekeeping]


def _hours(tenths: int) -> str:
    return f"{tenths / 10:g} 学时"


def _study_summary(db: Database, year: int, as_of: date, org_id: str | None) -> list[tuple[str, str]] | None:
    s = study_reports.training_summary(db, year, as_of=as_of, org_id=org_id)
    if not s.members:
        return None
    return [("在册党员（年内）", f"{s.members} 名"), ("参加学习培训", f"{s.trained} 名"),
            ("完成全年规定学时", f"{s.completed} 名"),
            ("支部委员完成规定学时", f"{s.leaders_completed} / {s.leaders} 名"),
            ("累计学时", _hours(s.total_tenths) + (f"（含启用本程序前补录的 {_hours(s.earlier_tenths)}）"
                                                 if s.earlier_tenths else "")),
            ("人均学时", _hours(s.average_tenths))]


def chart_pngs(snap: Dashboard, names: tuple[str, ...] = CHARTS) -> list[tuple[str, bytes]]:
    """The report's charts drawn as PNG, with their titles."""
    from partydesk.core.charts import activity, members
    from partydesk.core.charts.export import figure_png

    out: list[tuple[str, bytes]] = []
    for name in names:
        if name in snap.structure:
            buckets = snap.structure[name]
            draw = members.pie if name in ("age", "category") else members.bars
            fig = draw(STRUCTURE_TITLES[name], [b.label for b in buckets], [b.value for b in buckets], width=6.0,
                       height=3.2)
            out.append((STRUCTURE_TITLES[name], figure_png(fig)))
        elif name == "meetings_by_type":
            # A year gone by is judged on its last day: the whole year, not "this year so far".
            span = f"{snap.today.year}年全年" if snap.today.month == 12 and snap.today.day == 31 else activity.SO_FAR
            out.append(("各类会议应开与已开", figure_png(activity.meetings_by_type(snap.meetings_by_type, width=6.5,
                                                                                 span=span))))
        elif name == "meetings_by_month":
            m = snap.meetings_by_month
            fig = activity.meetings_by_month(m.held, m.required, m.year, width=6.5)
            out.append(("每月会议召开情况", figure_png(fig)))
        elif name == "attendance":
            out.append(("组织生活出席率", figure_png(activity.attendance_trend(snap.attendance, width=6.5))))
    return out


def annual_report(db: Database, year: int, *, today: date | None = None,
                  org_id: str | None = None) -> AnnualReport:
    """Gather the report of ``year``, judged on its last day or on ``today`` if earlier: of this office, or in a
    committee's file of one branch (``org_id``: its figures, meetings and study, under its name)."""
    today = today or date.today()
    as_of = min(today, date(year, 12, 31))
    snap = dashboard.snapshot(db, as_of, org_id=org_id)
    # The report's attendance covers its own year, January to the day judged (the workbench's rolling twelve
    # months would reach into the year before).
    snap = replace(snap, attendance=dashboard.attendance_trend(db, as_of, months=as_of.month, org_id=org_id))
    org = own_organisation(db)
    name = org.name if org else ""
    held = branches.branches(db)
    if org_id is not None:
        name = held.name_of(org_id) or name
    several = org_id is None and held.multi  # a committee's report of every branch: each meeting says whose
    register = [RegisterLine(m.held_on, TYPES_BY_CODE[m.type_code].name if m.type_code in TYPES_BY_CODE
                             else m.type_code, m.topic, m.party_group, m.expected, m.present,
                             held.short_of(m.org_id) if several else "")
                for m in meetings_of_year(db, year, org_id)]
    if several:  # the structure the report prints: members per branch in place of the groups (structure_titles)
        snap = replace(snap, structure={**snap.structure, "branches": snap.branches})
    def mine(org: str) -> bool:  # of the branch reported on, or of any when the report is of the whole file
        return org_id is None or org == org_id

    def whose(org: str) -> str:
        return held.short_of(org) if several else ""

    done = [a for a in study.activities_of_year(db, year) if mine(a.org_id) and a.data.start_on <= as_of]
    activities = [StudyLine(a.data.start_on, a.data.end_on, FORMS_BY_CODE[a.data.form_code].name
                            if a.data.form_code in FORMS_BY_CODE else a.data.form_code, a.data.topic,
                            a.data.hours_tenths, a.participants, whose(a.org_id))
                  for a in done if not a.data.individual]
    held_talks = sorted((t for t in talks.talks_of_year(db, year) if mine(t.org_id) and t.data.held_on <= as_of),
                        key=lambda t: t.data.held_on)
    talk_lines = [TalkLine(t.data.held_on, t.data.by_name, "、".join(t.with_names), t.data.topic, whose(t.org_id))
                  for t in held_talks]
    return AnnualReport(name, year, as_of, snap, register, _study_summary(db, year, as_of, org_id),
                        chart_pngs(snap), several, activities=activities,
                        own_courses=sum(1 for a in done if a.data.individual), talks=talk_lines,
                        talked_with=len({m for t in held_talks for m in t.data.with_ids}),
                        set_aside=_set_aside(db, as_of, org_id))


def _set_aside(db: Database, as_of: date, org_id: str | None) -> list[tuple[str, str, str]]:
    """The Party work's to-dos dismissed or snoozed on ``as_of`` (of one branch with ``org_id``), in words."""
    decided = engine.board(db, as_of).set_aside
    if org_id is not None:
        kept = {id(f) for f in dashboard_scope.scope_findings(db, [f for f, _d in decided], org_id)}
        decided = [(f, d) for f, d in decided if id(f) in kept]
    return [(f.message, "忽略" if d.state == DISMISSED else f"暂缓至{d.until:%Y-%m-%d}" if d.until else "暂缓",
             d.reason) for f, d in decided if not f.housekeeping]
