"""Roster export use case (花名册导出): which members, under which masking, into the 花名册 workbook.

ID numbers and phones are masked by default (``domain.masking``, RELIABILITY.md §3.5). An export with
full numbers is personal data: it is audited (``services.audit.record_access``, action
"export.unmasked", the member ids and a summary without numbers or names) and its footer names who
exported it and when. Codes are written as their Chinese names, dates as date cells, ID numbers and
phones as text cells, so importing an unmasked export back changes nothing. The file itself is written
by ``core.io.roster_export``, which knows no database.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any, Literal

from partydesk.core.atomicfile import atomic_write
from partydesk.core.changes import Actor
from partydesk.core.domain import fields
from partydesk.core.domain.fields import FieldType
from partydesk.core.domain.masking import Masking, shown
from partydesk.core.domain.roster import RosterRow
from partydesk.core.errors import ValidationError
from partydesk.core.io.roster_export import RosterSheet, SheetColumn, roster_bytes
from partydesk.core.io.roster_print import PrintSheet, print_bytes, print_plan
from partydesk.core.progress import Progress
from partydesk.core.services import audit
from partydesk.core.services.branches import branches
from partydesk.core.services.members import roster
from partydesk.core.services.setup import own_organisation
from partydesk.core.storage.database import Database
from partydesk.core.storage.settings_repo import OrganisationRecord

Layout = Literal["full", "print"]

# (header, field key) in the usual 花名册 order (the field registry's export order); 序号 is the line
# number and no field.
EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("序号", ""), *((fields.label(key, short=True), key) for key in fields.export_order())
)
TEXT_KEYS = frozenset({"id_number", "phone"})
"""Columns written as text cells ('@'): digits that must never become numbers."""
_KEYS = tuple(key for _header, key in EXPORT_COLUMNS[1:])
_TYPES = {key: fields.field(key).type for key in _KEYS}
# Short, fixed-form columns read best centred; names and free text stay left-aligned.
_CENTRED = frozenset({"", "gender", "ethnicity", "id_type", "category", "membership_status",
                      *(k for k in _KEYS if _TYPES[k] in (FieldType.DATE, FieldType.FLAG))})
COLUMNS = tuple(
    SheetColumn(header, "date" if _TYPES.get(key) is FieldType.DATE else "text" if key in TEXT_KEYS else "general",
                key in _CENTRED)
    for header, key in EXPORT_COLUMNS
)


PRINT_COLUMNS: tuple[str, ...] = (
    "name", "gender", "ethnicity", "birth_date", "education", "category", "joined_on", "confirmed_on",
    "work_unit", "work_post", "party_group", "phone",
)
"""The 报送版's columns unless the user chooses others (序号 comes first and is no field): 工作单位 as well as
工作岗位, as the 组织部门's forms have 工作单位及职务 (a roster read from one fills 工作单位 alone)."""


def print_columns(keys: Sequence[str] | None) -> tuple[str, ...]:
    """The chosen print columns in 花名册 order; ValidationError naming an unknown key or an empty choice."""
    if keys is None:
        return PRINT_COLUMNS
    wanted = [k.strip() for k in keys if k.strip()]
    unknown = [k for k in wanted if k not in _KEYS]
    if unknown:
        raise ValidationError(f"没有这一列：{'、'.join(unknown)}。可选的列：{','.join(_KEYS)}", field="columns",
                              code="unknown_column")
    if not wanted:
        raise ValidationError("报送版至少要选一列。", field="columns", code="required")
    return tuple(k for k in _KEYS if k in wanted)


def signers(organisation: OrganisationRecord | None) -> tuple[str, str]:
    """(负责人, 制表人) as the organisation's details name them: the secretary and the contact person."""
    if organisation is None:
        return "", ""
    return organisation.secretary, organisation.contact


def _converter(key: str, masking: Masking, flag_text: bool) -> Callable[[Any], Any]:
    """How one field's stored value is shown: codes as Chinese names, masked numbers, flags as 是/否."""
    table = fields.field(key).table
    if table is not None:
        names = dict(table.items())
        return lambda value: names.get(value, value) if value else value
    if fields.field(key).masked:
        return lambda value: shown(key, value, masking)
    if flag_text and _TYPES[key] is FieldType.FLAG:
        return lambda value: "是" if value else "否"
    return lambda value: value


def _shown_rows(rows: Sequence[RosterRow], masking: Masking, *, flag_text: bool) -> Iterator[list[Any]]:
    """Each member's exported fields, in column order, as the export shows them."""
    convert = [_converter(key, masking, flag_text) for key in _KEYS]
    values_of = attrgetter(*_KEYS)
    for row in rows:
        yield [show(value) for show, value in zip(convert, values_of(row), strict=True)]


@dataclass(frozen=True)
class ExportResult:
    """What ``export_roster`` wrote."""

    path: Path
    count: int
    masked: bool
    # The 报送版's columns fit one sheet wide at a readable size; False: each band of rows prints over several
    # sheets side by side (序号 and 姓名 repeated on each), to be said when the file is written.
    fits_width: bool = True


def member_values(row: RosterRow, *, masking: Masking = Masking.MASKED) -> dict[str, Any]:
    """One member as field key → display value: codes as Chinese names, flags as bool, dates as dates.

    ID number and phone appear as the masking policy shows them.
    """
    [shown_values] = _shown_rows([row], masking, flag_text=False)
    return {"id": row.id, **dict(zip(_KEYS, shown_values, strict=True)), "in_branch": row.in_branch}


def _rows(db: Database, actor: Actor, *, include_departed: bool) -> list[RosterRow]:
    return roster(db, actor, include_departed=include_departed)


def _count_summary(what: str, count: int) -> str:
    # Thousands separators: an audit summary may hold no run of six digits (it could be an ID or a phone).
    return f"{what}，{count:,} 人"


def roster_dicts(db: Database, actor: Actor, *, masking: Masking = Masking.MASKED) -> list[dict[str, Any]]:
    """Every live member as a JSON-ready dict under English keys (dates ISO, codes as Chinese names).

    Full numbers are audited as a "reveal" of every member listed.
    """
    rows = _rows(db, actor, include_departed=True)
    if masking is Masking.FULL:
        audit.record_access(db, actor, action="reveal", record_ids=[r.id for r in rows],
                            summary=_count_summary("列出花名册（完整号码）", len(rows)))
    return [
        {k: v.isoformat() if isinstance(v, date) else v for k, v in member_values(r, masking=masking).items()}
        for r in rows
    ]


BRANCH_COLUMN = SheetColumn("所在支部")
"""After 序号 when the rows come from several organisations (a committee's file)."""


def branch_names(db: Database) -> dict[str, str] | None:
    """org id -> name when the file holds several organisations' rolls (then the exports gain 所在支部 and
    list the members branch by branch), else None."""
    found = branches(db)
    return {b.org_id: b.name for b in found.items} if found.multi else None


def by_branch(rows: Sequence[RosterRow], names: Mapping[str, str] | None) -> list[RosterRow]:
    """``rows`` grouped by organisation in the order of ``names`` (this site's own first), each group in
    its given order; unchanged without ``names``."""
    if not names:
        return list(rows)
    order = {org_id: i for i, org_id in enumerate(names)}
    return sorted(rows, key=lambda r: order.get(r.org_id, len(order)))


def _with_branch(columns: Sequence[SheetColumn], lines: list[list[object]], rows: Sequence[RosterRow],
                 names: Mapping[str, str] | None, *, at: int = 1) -> tuple[tuple[SheetColumn, ...], list[list[object]]]:
    """The 所在支部 column inserted at position ``at`` (after 序号; after 序号 and 姓名 on the 报送版, whose
    first two columns repeat on every page)."""
    if not names:
        return tuple(columns), lines
    return ((*columns[:at], BRANCH_COLUMN, *columns[at:]),
            [[*line[:at], names.get(row.org_id, ""), *line[at:]] for line, row in zip(lines, rows, strict=True)])


def roster_sheet(
    rows: Sequence[RosterRow], *, branch: str, masking: Masking, today: date, exported_by: str = "",
    names: Mapping[str, str] | None = None, part: str = "",
) -> RosterSheet:
    """The 花名册 workbook's content for ``rows``: title, subtitle, columns and display values (with 所在支部
    after 序号 when ``names`` maps the rows' organisations; ``part``: the words for a part of the roll, in the
    title)."""
    subtitle = f"导出日期：{today.isoformat()}，共 {len(rows)} 人"
    footer = ""
    if masking is Masking.MASKED:
        subtitle += "。公民身份号码和联系电话已隐藏部分数字，本表不能用于导入更新；如需导入，请导出完整号码。"
    else:
        subtitle += "。本表含完整的公民身份号码和联系电话，请妥善保管，用后及时删除。"
        footer = _full_numbers_footer(exported_by)
    lines: list[list[object]] = [
        [number, *values] for number, values in enumerate(_shown_rows(rows, masking, flag_text=True), start=1)
    ]
    columns, lines = _with_branch(COLUMNS, lines, rows, names)
    return RosterSheet(title=f"{branch}党员花名册{_part(part)}", subtitle=subtitle, columns=columns, rows=lines,
                       footer_left=footer)


def _part(words: str) -> str:
    """A part of the roll exported, said in the title: "（第一党小组、预备党员）"; "" for the whole roll."""
    return f"（{words}）" if words else ""


def _full_numbers_footer(exported_by: str) -> str:
    # A display name, never a user id: the page is read by people who know the 制表人 by name.
    return f"含完整身份证号码 导出人：{exported_by or '未署名'} {datetime.now():%Y-%m-%d %H:%M}"


def print_sheet(
    rows: Sequence[RosterRow], *, branch: str, masking: Masking, today: date, columns: Sequence[str] | None = None,
    leader: str = "", preparer: str = "", names: Mapping[str, str] | None = None, part: str = "",
) -> PrintSheet:
    """The 报送版 (print layout) of ``rows``: the chosen columns after 序号 (and 所在支部 third when ``names``
    maps the rows' organisations), sign-off lines, no program notes."""
    keys = print_columns(columns)
    where = [_KEYS.index(k) for k in keys]
    by_key = {header_key[1]: column for header_key, column in zip(EXPORT_COLUMNS, COLUMNS, strict=True)}
    lines: list[list[object]] = [
        [number, *(values[i] for i in where)]
        for number, values in enumerate(_shown_rows(rows, masking, flag_text=True), start=1)
    ]
    shown, lines = _with_branch([COLUMNS[0], *(by_key[k] for k in keys)], lines, rows, names, at=2)
    return PrintSheet(
        title=f"{branch}党员花名册{_part(part)}", unit=branch, filled_on=f"{today.year}年{today.month}月{today.day}日",
        columns=list(shown), rows=lines, leader=leader, preparer=preparer,
        footer_left=_full_numbers_footer(preparer) if masking is Masking.FULL else "",
    )


def export_roster(
    db: Database,
    actor: Actor,
    path: str | os.PathLike[str],
    *,
    masking: Masking = Masking.MASKED,
    include_departed: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    layout: Layout = "full",
    columns: Sequence[str] | None = None,
    preparer: str | None = None,
) -> ExportResult:
    """Write the roster to ``path`` (.xlsx) atomically; masked unless ``masking`` is FULL (then audited).

    Members transferred out (no longer in the branch) are left out unless ``include_departed``. The
    workbook is built in memory first, so a cancelled ``progress`` leaves no file and no audit row.
    ``layout`` "print" writes the 报送版 with ``columns`` (field keys; ``PRINT_COLUMNS`` by default).
    The exporter is named by ``preparer``, by default the organisation's contact person (制表人).
    """
    org = own_organisation(db)
    leader, contact = signers(org)
    name = contact if preparer is None else preparer.strip()
    names = branch_names(db)
    rows = by_branch(_rows(db, actor, include_departed=include_departed), names)
    branch, day = (org.name if org else ""), today or date.today()
    fits = True
    if layout == "print":
        sheet = print_sheet(rows, branch=branch, masking=masking, today=day, columns=columns, leader=leader,
                            preparer=name, names=names)
        data, fits = print_bytes(sheet), print_plan(sheet).fit_width
    else:
        data = roster_bytes(roster_sheet(rows, branch=branch, masking=masking, today=day, exported_by=name,
                                         names=names), progress=progress)
    if masking is Masking.FULL:
        # Audited before the file exists: a file with full numbers never appears without its record.
        audit.record_access(db, actor, action="export.unmasked", record_ids=[r.id for r in rows],
                            summary=_count_summary("导出花名册（完整号码）", len(rows)))
    target = Path(path)
    atomic_write(target, data)
    return ExportResult(target, len(rows), masking is Masking.MASKED, fits)
