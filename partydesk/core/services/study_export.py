"""The yearly study report workbook: the branch's 党员培训情况 summary, the 学时台账 and each member's sheet.

Sheet one has the shape of the 党员培训情况 table of the annual statistics report (DOMAIN.md §2.8): how
many members there were and how many trained and completed their hours (all members, and of them the
branch secretary and committee members), then 活动次数, 参加人次 and 学时 by form of study. Sheet two is
the ledger in name order — a record, no rank. Then one 学时登记表 per member: each credited activity and
the total against what was required. Hours are written as numbers with one decimal.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from partydesk.core.domain.study import FORMS_BY_CODE
from partydesk.core.domain.study_records import ActivityData
from partydesk.core.io.study_sheets import Block, Table, write_workbook
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.study_reports import LedgerRow, ledger, member_entries, training_summary
from partydesk.core.storage.database import Database

# As the ledger on screen says it: mid-year, short of the whole year is not yet 未完成.
STANDING_WORDS = {"done": "已完成", "incomplete": "未完成", "behind": "进度偏慢", "on_schedule": "进度正常"}


def _h(tenths: int) -> float:
    return tenths / 10


def summary_table(db: Database, year: int, org: str, *, as_of: date) -> Table:
    """The 党员培训情况 sheet."""
    s = training_summary(db, year, as_of=as_of)
    people = Block(["项目", "党员（人）", "其中：支部书记和委员（人）"], [
        ["年内在册党员", s.members, s.leaders],
        ["参加培训的党员", s.trained, s.leaders_trained],
        ["达到规定学时的党员", s.completed, s.leaders_completed],
        ["未达到规定学时的党员", s.members - s.completed, s.leaders - s.leaders_completed],
    ])
    forms = Block(["学习形式", "活动次数", "参加人次", "学时"],
                  [[f.name, f.activities, f.attendances, _h(f.tenths)] for f in s.forms],
                  ["合计", sum(f.activities for f in s.forms), sum(f.attendances for f in s.forms), _h(s.total_tenths)])
    average = Block(["人均学时"], [[_h(s.average_tenths)]])
    earlier = (f"学时含启用本程序前按原台账补录的 {_h(s.earlier_tenths):g} 学时（不计活动次数和参加人次）。"
               if s.earlier_tenths else "")
    return Table("培训情况", f"{org}{year}年党员培训情况",
                 f"统计截至 {as_of:%Y-%m-%d}；学时按年度计算，跨年度的培训按天数分摊。{earlier}",
                 [people, forms, average], footer_left=org)


def ledger_table(rows: list[LedgerRow], year: int, org: str, *, as_of: date) -> Table:
    """The 学时台账 sheet, in name order."""
    body = [[n + 1, r.name, r.party_group, "支部委员" if r.leader else "党员", r.days_on_roll, _h(r.required),
             _h(r.credited), STANDING_WORDS[r.standing]] for n, r in enumerate(rows)]
    total = ["", "合计", "", "", None, _h(sum(r.required for r in rows)), _h(sum(r.credited for r in rows)), ""]
    return Table("学时台账", f"{org}{year}年党员学习培训学时台账",
                 f"统计截至 {as_of:%Y-%m-%d}；年中入党、转入或转出的党员按在册天数折算应完成学时。",
                 [Block(["序号", "姓名", "党小组", "身份", "在册天数", "应完成学时", "已完成学时", "完成情况"], body,
                        total)], footer_left=org)


def _when(data: ActivityData) -> date | str:
    """The day of an activity, or its first and last day when it ran over several."""
    if data.end_on == data.start_on:
        return data.start_on
    return f"{data.start_on:%Y-%m-%d}—{data.end_on:%Y-%m-%d}"


def _topic(data: ActivityData, year: int) -> str:
    """The topic, with a note when the activity ran into another year (its hours are shared by days)."""
    if data.start_on.year == data.end_on.year:
        return data.topic
    return f"{data.topic}（跨年，按在{year}年的天数计入）"


def member_table(db: Database, row: LedgerRow, year: int, org: str) -> Table:
    """One member's 学时登记表."""
    entries = member_entries(db, row.member_id, year)
    body = [[n + 1, _when(data), FORMS_BY_CODE[data.form_code].name if data.form_code in FORMS_BY_CODE else "",
             _topic(data, year), data.organiser, _h(tenths)] for n, (data, tenths) in enumerate(entries)]
    total = ["", None, "", "合计", "", _h(sum(t for _d, t in entries))]
    return Table(row.name, f"{row.name} {year}年学习培训学时登记表",
                 f"党组织：{org}    身份：{'支部委员' if row.leader else '党员'}    应完成学时：{_h(row.required):g}"
                 f"    已完成学时：{_h(row.credited):g}",
                 [Block(["序号", "日期", "形式", "学习内容", "组织单位", "学时"], body, total)], footer_left=org)


def report_tables(db: Database, year: int, *, as_of: date | None = None) -> list[Table]:
    """The sheets of the year's study workbook (database reads only; writing is ``write_workbook``)."""
    day = min(as_of or date.today(), date(year, 12, 31))
    org_record = own_organisation(db)
    org = org_record.name if org_record is not None else ""
    rows = ledger(db, year, as_of=day)
    tables = [summary_table(db, year, org, as_of=day), ledger_table(rows, year, org, as_of=day)]
    return tables + [member_table(db, r, year, org) for r in rows]


def write_study_report(db: Database, year: int, out: str | os.PathLike[str], *, as_of: date | None = None) -> Path:
    """Write the year's study workbook to ``out``; returns the path written."""
    return write_workbook(out, report_tables(db, year, as_of=as_of))
