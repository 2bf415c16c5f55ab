"""The year's talk register (谈心谈话登记表) as .xlsx: one row per talk, oldest first, for the file and for the
committee's inspection.

Date, who talked, with whom, in what form, on what, and the follow-up with its date and whether it is done;
never what was said (the record's 谈话内容 stays in the program, as in the year's report). In a committee's
file of several branches each talk says whose it is. Laid out to print (``io.register_sheet``).
"""

from __future__ import annotations

from pathlib import Path

from partydesk.core.atomicfile import atomic_write
from partydesk.core.domain.talks import FORMS_BY_CODE
from partydesk.core.io.register_sheet import Column, register_bytes
from partydesk.core.services import branches, talks
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage.database import Database

COLUMNS = (Column("序号", 5, "number"), Column("日期", 11, "date"), Column("谈话人", 14, "centred"),
           Column("谈话对象", 20), Column("形式", 14, "centred"), Column("主题", 30), Column("跟进事项", 22),
           Column("跟进期限", 11, "date"), Column("办结", 6, "centred"))
BRANCH = Column("支部", 14, "centred")


def file_name(year: int) -> str:
    """The default file name: 谈心谈话登记-2026.xlsx."""
    return f"谈心谈话登记-{year}.xlsx"


def register_rows(db: Database, year: int) -> tuple[str, list[Column], list[list[object]]]:
    """The organisation's name, the columns and the rows of ``year``'s talk register."""
    org = own_organisation(db)
    held = branches.branches(db)
    several = held.multi  # a committee's file: whose each talk is
    columns = [COLUMNS[0], COLUMNS[1], *([BRANCH] if several else []), *COLUMNS[2:]]
    rows: list[list[object]] = []
    for number, talk in enumerate(sorted(talks.talks_of_year(db, year), key=lambda t: t.data.held_on), start=1):
        data = talk.data
        form = FORMS_BY_CODE[data.form].name if data.form in FORMS_BY_CODE else data.form
        done = ("是" if data.follow_up_done else "否") if data.follow_up else ""
        rows.append([number, data.held_on, *([held.short_of(talk.org_id)] if several else []), data.by_name,
                     "、".join(talk.with_names), form, data.topic, data.follow_up, data.follow_up_on, done])
    return (org.name if org else ""), columns, rows


def workbook(year: int, organisation: str, columns: list[Column], rows: list[list[object]]) -> bytes:
    """``register_rows`` laid out as the .xlsx file's bytes (no database: the file lane's part)."""
    return register_bytes(title=f"{organisation}{year}年谈心谈话登记表", sheet_name=f"{year}年谈心谈话",
                          columns=columns, rows=rows, empty=f"{year}年没有谈心谈话记录。")


def write_talk_register(db: Database, year: int, path: Path) -> int:
    """Write ``year``'s talk register to ``path`` (.xlsx), atomically; how many talks it lists."""
    organisation, columns, rows = register_rows(db, year)
    atomic_write(path, workbook(year, organisation, columns, rows))
    return len(rows)


__all__ = ["COLUMNS", "file_name", "register_rows", "workbook", "write_talk_register"]
