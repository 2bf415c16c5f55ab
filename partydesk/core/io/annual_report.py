"""The yearly report's content (年度党建工作台账) as a list of blocks, shared by the .docx and the PDF.

A block is a heading, a paragraph, a table (headers and rows of text) or a picture (a chart's PNG).
``annual_report_docx`` and ``annual_report_html`` only lay blocks out, so both documents always say the
same thing in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from partydesk.core.domain.partial_date import in_words

TITLE = "年度党建工作台账"


class AnnualReport(Protocol):
    """What the report is made from (``services.annual_report.AnnualReport``; io knows no use case)."""

    @property
    def organisation(self) -> str: ...

    @property
    def year(self) -> int: ...

    @property
    def as_of(self) -> date: ...

    @property
    def dashboard(self) -> Any: ...  # services.dashboard.Dashboard: figures, structure, meetings_by_type

    @property
    def register(self) -> Sequence[Any]: ...  # held_on, type_name, topic, party_group, expected, present, branch

    @property
    def study(self) -> Sequence[tuple[str, str]] | None: ...

    @property
    def charts(self) -> Sequence[tuple[str, bytes]]: ...

    @property
    def set_aside(self) -> Sequence[tuple[str, str, str]]: ...  # to-dos dismissed or snoozed: 事项, 处理, 原因

    @property
    def structure_titles(self) -> dict[str, str]: ...

    @property
    def findings(self) -> Sequence[Any]: ...

    @property
    def activities(self) -> Sequence[Any]: ...  # start_on, end_on, form_name, topic, hours_tenths, participants, branch

    @property
    def own_courses(self) -> int: ...

    @property
    def talks(self) -> Sequence[Any]: ...  # held_on, by_name, with_names, topic, branch

    @property
    def talked_with(self) -> int: ...


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


@dataclass(frozen=True)
class Picture:
    title: str
    png: bytes


Block = Heading | Paragraph | Table | Picture


SIGN = "_" * 14  # room to sign by hand on the printed page (a line: spaces run together in the PDF's layout)


def file_name(organisation: str, year: int, suffix: str) -> str:
    """"<organisation><year>年度党建工作台账.<suffix>"."""
    return f"{organisation}{year}{TITLE}.{suffix}"


def _share(n: float, total: float) -> str:
    return f"{n / total:.1%}" if total else "—"


def blocks(report: AnnualReport) -> list[Block]:
    """The whole report, in reading order."""
    snap, fig = report.dashboard, report.dashboard.figures
    charts = dict(report.charts)
    out: list[Block] = [
        Heading(f"{report.organisation}\n{report.year}年度党建工作台账", 0),
        Paragraph(f"统计截至 {in_words(report.as_of)}。党员结构按花名册现状统计。"),
        Heading("一、主要数据"),
        Table(("项目", "数值"), [
            ("党员总数", f"{fig.members} 名" + (f"（其中 {fig.on_two_rolls} 人同时在两个支部的花名册上，只计一次；"
                                               f"各支部人数相加为 {fig.entries} 名）" if fig.on_two_rolls else "")),
            ("其中预备党员", f"{fig.probationary} 名"),
            ("规定会议（已开/应开）", f"{fig.meetings_held} / {fig.meetings_required} 次"),
            ("学时进度达标率（按已过时间折算）",
             "无可统计的党员（花名册中还没有党员）" if fig.study_share is None else f"{fig.study_share:.0%}"),
            # Those of section 六, not the program's own reminders (a USB backup): the workbench counts them too.
            ("未办结的待办事项", f"{len(report.findings)} 项" + (f"（另有 {len(report.set_aside)} 项已忽略或暂缓）"
                                                              if report.set_aside else "")),
        ]),
        Heading("二、党员队伍结构"),
    ]
    if fig.on_two_rolls:  # a transfer under way, or a mistake: the tables count the person once, and say so
        per_branch = "branches" in report.structure_titles  # that table lists each branch's roll as it is
        out.append(Paragraph(f"有 {fig.on_two_rolls} 人（公民身份号码相同）同时在两个支部的花名册上，本部分各表只计一次"
                             + ("（“各支部党员人数”按各支部的花名册统计，分别计入）" if per_branch else "")
                             + "。请核实其组织关系。"))
    for name, title in report.structure_titles.items():
        buckets = snap.structure.get(name, [])
        total = sum(b.value for b in buckets)
        out.append(Heading(title, 2))
        rows = [(b.label, f"{b.value:g}", _share(b.value, total)) for b in buckets]
        out.append(Table(("支部" if name == "branches" else "类别", "人数", "占比"), rows))
        if title in charts:
            out.append(Picture(title, charts[title]))
    out.append(Heading("三、组织生活"))
    by_type = [(n, str(r), str(h)) for n, r, h in snap.meetings_by_type]
    out.append(Table(("会议类型", "应开（次）", "已开（次）"), by_type))
    for title in ("各类会议应开与已开", "每月会议召开情况", "组织生活出席率"):
        if title in charts:
            out.append(Picture(title, charts[title]))
    out.append(Heading("会议登记", 2))
    if report.register and any(getattr(m, "branch", "") for m in report.register):  # a committee's, of all
        out.append(Table(("日期", "支部", "会议类型", "主题", "党小组", "应到", "实到"), [
            (f"{m.held_on:%Y-%m-%d}", m.branch, m.type_name, m.topic, m.party_group, str(m.expected), str(m.present))
            for m in report.register]))
    elif report.register:
        out.append(Table(("日期", "会议类型", "主题", "党小组", "应到", "实到"), [
            (f"{m.held_on:%Y-%m-%d}", m.type_name, m.topic, m.party_group, str(m.expected), str(m.present))
            for m in report.register]))
    else:
        out.append(Paragraph(f"{report.year}年没有会议记录。"))
    out.append(Heading("四、学习培训"))
    if report.study is None:
        out.append(Paragraph("学习培训记录尚未在本程序中登记，学时统计请另附。"))
    else:
        out.append(Table(("项目", "情况"), list(report.study)))
    out += _activities(report)
    out += _talks(report)
    out.append(Heading("六、待办事项与存在问题"))
    if report.findings:
        out.append(Table(("程度", "事项", "期限"), [
            (f.severity.label, f.message, f"{f.due:%Y-%m-%d}" if f.due else "") for f in report.findings]))
    else:
        out.append(Paragraph("没有未办结的待办事项。"))
    if report.set_aside:
        out.append(Paragraph(f"另有 {len(report.set_aside)} 项待办事项已忽略或暂缓，处理和原因如下："))
        out.append(Table(("事项", "处理", "原因"), list(report.set_aside)))
    out.append(Paragraph("（数据备份、数据交换等程序自身的提醒不列入本台账。）"))
    # Signed and stamped as the committee files it, after the last section: who answers for the figures.
    out += [Paragraph(f"填报单位（盖章）：{report.organisation}"),
            Paragraph(f"书记（签字）：{SIGN}　　填报人（签字）：{SIGN}"), Paragraph("填报日期：______年____月____日")]
    return out


def _with_branch(report_lines: Sequence[Any], headers: tuple[str, ...],
                 rows: list[tuple[str, ...]]) -> Table:
    """The table, with a 支部 column after the date when the lines are of several branches (a committee's)."""
    if any(getattr(line, "branch", "") for line in report_lines):
        return Table((headers[0], "支部", *headers[1:]),
                     [(row[0], line.branch, *row[1:]) for line, row in zip(report_lines, rows, strict=True)])
    return Table(headers, rows)


def _days(start: date, end: date) -> str:
    if end == start:
        return f"{start:%Y-%m-%d}"
    return f"{start:%Y-%m-%d} 至 " + (f"{end:%m-%d}" if end.year == start.year else f"{end:%Y-%m-%d}")


def _activities(report: AnnualReport) -> list[Block]:
    """学习活动登记: each organised activity; members' own courses counted after it."""
    out: list[Block] = [Heading("学习活动登记", 2)]
    if report.activities:
        out.append(_with_branch(report.activities, ("日期", "形式", "主题", "学时", "参加人数"), [
            (_days(a.start_on, a.end_on), a.form_name, a.topic, f"{a.hours_tenths / 10:g}", str(a.participants))
            for a in report.activities]))
    else:
        out.append(Paragraph(f"{report.year}年没有登记集体学习、党课或培训班。"))
    if report.own_courses:
        out.append(Paragraph(f"另有党员个人参加的网络培训、自学等 {report.own_courses} 项，计入各人学时，不逐项列出。"))
    return out


def _talks(report: AnnualReport) -> list[Block]:
    """五、谈心谈话: how many talks, how many members were talked with, then each talk (never what was said)."""
    members = report.dashboard.figures.members
    out: list[Block] = [Heading("五、谈心谈话"), Table(("项目", "情况"), [
        ("谈心谈话", f"{len(report.talks)} 次"),
        ("谈话涉及党员", f"{report.talked_with} 名" + (f"（在册 {members} 名，{_share(report.talked_with, members)}）"
                                                   if members else "")),
    ])]
    out.append(Heading("谈话登记", 2))
    if report.talks:
        out.append(_with_branch(report.talks, ("日期", "谈话人", "谈话对象", "主题"), [
            (f"{t.held_on:%Y-%m-%d}", t.by_name, t.with_names, t.topic) for t in report.talks]))
    else:
        out.append(Paragraph(f"{report.year}年没有谈心谈话记录。"))
    return out
