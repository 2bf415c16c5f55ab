"""A year's attendance statistics (党员出勤统计表) as .xlsx: one row per member expected at a meeting, as the
出勤统计 tab shows them, to print for 民主评议党员 or hand in.

Each member's meetings expected, attended, on leave and absent, the share attended, and a run of three or more
unexcused absences in a row (as of today, or the year's end for a past year), members in name order. In a
committee's file of several branches, with no branch chosen, each member says whose roll they are on. Laid out
to print (``io.register_sheet``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from partydesk.core.atomicfile import atomic_write
from partydesk.core.domain.pinyin import name_order
from partydesk.core.io.register_sheet import Column, register_bytes
from partydesk.core.services import branches, meeting_reports
from partydesk.core.services.meeting_reports import AttendanceRate
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage import workbench_repo
from partydesk.core.storage.database import Database

RUN_AT_LEAST = 3  # the run the 出勤统计 tab flags
COLUMNS = (Column("序号", 5, "number"), Column("姓名", 12, "centred"), Column("应到", 8, "number"),
           Column("出席", 8, "number"), Column("请假", 8, "number"), Column("缺席", 8, "number"),
           Column("出勤率", 9, "centred"), Column("连续缺席", 10, "centred"), Column("备注", 24))
BRANCH = Column("支部", 14, "centred")
NOTE = ("应到：本年度会议记录中本人列为应到的次数（支部党员大会、党小组会、党课、支委会等）；出勤率 = 出席 ÷ 应到，"
        "请假不计为出席。连续缺席：最近连续无故缺席 {n} 次及以上（请假不算缺席，并中断连续）。")


@dataclass(frozen=True)
class AttendanceSheet:
    """What the file holds: its title, columns and rows, and how many members it lists."""

    title: str
    columns: list[Column]
    rows: list[list[object]]

    @property
    def members(self) -> int:
        return len(self.rows)


def file_name(year: int) -> str:
    """The default file name: 党员出勤统计-2026.xlsx."""
    return f"党员出勤统计-{year}.xlsx"


def rate_text(rate: AttendanceRate) -> str:
    """The share attended as the sheet prints it: "92%", "—" when no meeting was expected."""
    return f"{rate.rate:.0%}" if rate.expected else "—"


def sheet_of(db: Database, year: int, *, today: date, org_id: str | None = None) -> AttendanceSheet:
    """``year``'s attendance of one organisation's meetings (``org_id``) or of every meeting in the file, the
    runs counted up to ``today`` (or the year's last day when it is over)."""
    until = min(today, date(year, 12, 31))
    rates = meeting_reports.attendance_rates(db, year, org_id=org_id)
    runs = meeting_reports.absent_in_a_row(db, times=RUN_AT_LEAST, until=until, org_id=org_id)
    held = branches.branches(db)
    several = held.multi and org_id is None  # a committee's whole file: whose roll each member is on
    own = own_organisation(db)
    name = held.name_of(org_id) if org_id is not None else ""
    organisation = name or (own.name if own is not None else "")
    run_of = {member_id: n for member_id, _name, n in runs}
    seen = {r.member_id for r in rates}
    # A member flagged with no meeting in the year (a run from the year before) is listed too, as on screen.
    listed = [*rates, *(AttendanceRate(mid, who, 0, 0, 0, pinyin=name_order(who))
                        for mid, who, _n in runs if mid not in seen)]
    orgs = _orgs_of(db, [r.member_id for r in listed if not r.org_id]) if several else {}
    rows: list[list[object]] = []
    for number, rate in enumerate(sorted(listed, key=lambda r: (r.pinyin, r.name)), start=1):
        run = run_of.get(rate.member_id, 0)
        branch = [held.short_of(rate.org_id or orgs.get(rate.member_id, ""))] if several else []
        rows.append([number, rate.name, *branch, rate.expected, rate.present, rate.leave, rate.absent,
                     rate_text(rate), f"{run} 次" if run else "", ""])
    columns = [*COLUMNS[:2], *([BRANCH] if several else []), *COLUMNS[2:]]
    so_far = f"（截至{until.month}月{until.day}日）" if date(year, 1, 1) <= until < date(year, 12, 31) else ""
    return AttendanceSheet(f"{organisation}{year}年党员出勤统计表{so_far}", columns, rows)


def _orgs_of(db: Database, member_ids: list[str]) -> dict[str, str]:
    if not member_ids:
        return {}
    with db.read() as session:
        return workbench_repo.org_of(session, member_ids)


def workbook(year: int, sheet: AttendanceSheet) -> bytes:
    """The sheet as the .xlsx file's bytes (no database: the file lane's part)."""
    return register_bytes(title=sheet.title, sheet_name=f"{year}年出勤统计", columns=sheet.columns, rows=sheet.rows,
                          empty=f"{year}年的会议记录中没有应到的党员（尚未记录会议或出席情况）。",
                          note=NOTE.format(n=RUN_AT_LEAST))


def write_attendance_register(db: Database, year: int, path: Path, *, today: date, org_id: str | None = None) -> int:
    """Write ``year``'s attendance statistics to ``path`` (.xlsx), atomically; how many members it lists."""
    sheet = sheet_of(db, year, today=today, org_id=org_id)
    atomic_write(path, workbook(year, sheet))
    return sheet.members


__all__ = ["COLUMNS", "AttendanceSheet", "file_name", "sheet_of", "workbook", "write_attendance_register"]
