"""The dry run of a roster import (花名册导入): every row of the file decided against the stored roster.

``plan_import(db, path, mapping=...)`` reads the file (``io.roster_read``), interprets each cell
(``io.roster_plan.cell_value``), checks each row as a member (``domain.member.check_member``, with the
office's rule table) and matches it by ID number against the live roster. Nothing is written; the plan
carries a fingerprint of the roster so that ``roster_import.apply_import`` can refuse a stale plan.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from partydesk.core.domain import fields
from partydesk.core.domain.idnumber import normalize_id_number, upgrade_15_to_18
from partydesk.core.domain.member import CheckRules, MemberData, MemberInput, Value, check_member, input_from_data
from partydesk.core.domain.roster import RosterRow
from partydesk.core.domain.validate import Issue
from partydesk.core.errors import ValidationError
from partydesk.core.io.raw_table import column_letter as get_column_letter
from partydesk.core.io.roster_headers import FIELD_KEYS, guess_mapping
from partydesk.core.io.roster_plan import (
    RENAME_CONFLICT,
    ImportPlan,
    PlannedRow,
    RowIssue,
    cell_problem,
    cell_value,
    check_mapping,
)
from partydesk.core.io.roster_read import ImportRejected, RawRow, RawTable, read_table
from partydesk.core.progress import Progress
from partydesk.core.services.members import check_rules
from partydesk.core.storage import member_repo
from partydesk.core.storage.database import Database

__all__ = ["plan_import", "roster_fingerprint"]

_STEP = 500
_DATA_FIELDS = tuple(MemberData.__dataclass_fields__)


def roster_fingerprint(rows: Sequence[RosterRow]) -> str:
    """A digest of the whole live roster, to tell whether it changed between planning and applying."""
    digest = hashlib.sha256()
    for row in sorted(rows):
        digest.update(repr(tuple(row)).encode("utf-8"))
    return digest.hexdigest()


def _stored_data(row: RosterRow) -> MemberData:
    return MemberData(**{name: getattr(row, name) for name in _DATA_FIELDS})


def plan_import(
    db: Database,
    path: str | os.PathLike[str],
    *,
    mapping: Mapping[int, str] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    skip_hidden_rows: bool = False,
) -> ImportPlan:
    """The dry run: decide every row of ``path`` against the database; nothing is written.

    ``mapping`` (column index → field key, as ``resolve_mapping`` returns) defaults to the guess.
    Raises ImportRejected when the file cannot be read or has no ID number column, Cancelled when
    ``progress`` is cancelled. Hidden rows are planned like the others unless ``skip_hidden_rows``.
    """
    if progress is not None:
        progress.step(0, 1, "读取文件")
    table = read_table(path, mapping=mapping)
    chosen = guess_mapping(table.headers) if mapping is None else check_mapping(table.headers, mapping)
    if "id_number" not in chosen.values():
        raise ImportRejected(
            "没有找到“公民身份号码”列，无法把表中人员与已有党员对应。请在列对应中指定身份证号所在的列。",
            code="no_id_column",
        )
    today = today or date.today()
    rules = check_rules(db)
    # Matching needs every live member, whoever reads: no personal data leaves this function but the
    # matched ids, so the roster is read through the repository rather than the actor-checked service.
    with db.read() as session:
        stored_rows = member_repo.roster_rows(session, include_departed=True)
    stored: dict[str, RosterRow] = {}
    for stored_row in stored_rows:
        stored.setdefault(stored_row.id_number, stored_row)

    planner = _RowPlanner(table, chosen, stored, today, rules)
    planned: list[PlannedRow] = []
    skipped: list[int] = []
    total = len(table.rows)
    for done, raw in enumerate(table.rows):
        if progress is not None and done % _STEP == 0:
            progress.step(done, total, "检查表格数据")
        if skip_hidden_rows and raw.hidden:
            skipped.append(raw.row_number)
            continue
        planned.append(planner.plan(raw))
    if progress is not None:
        progress.step(total, total, "检查表格数据")
    return ImportPlan(Path(path), list(table.headers), chosen, planned, today, roster_fingerprint(stored_rows),
                      tuple(skipped))


class _RowPlanner:
    """Turns raw rows into decisions; remembers the ID numbers already seen in the file."""

    def __init__(self, table: RawTable, mapping: dict[int, str], stored: dict[str, RosterRow], today: date,
                 rules: CheckRules) -> None:
        self.table = table
        self.mapping = mapping
        self.column_of = {key: index for index, key in mapping.items()}
        self.absent = [k for k in FIELD_KEYS if k not in self.column_of]
        self.stored = stored
        self.today = today
        self.rules = rules
        self.seen: dict[str, int] = {}

    def _where(self, key: str) -> tuple[str, str]:
        index = self.column_of.get(key)
        if index is None:
            return "", fields.label(key) if fields.is_field(key) else ""
        return get_column_letter(index + 1), self.table.headers[index]

    def _issue(self, row: int, key: str, code: str, message: str,
               severity: Literal["error", "warning"] = "error") -> RowIssue:
        column, header = self._where(key) if key else ("", "")
        return RowIssue(row, column, header, key, code, message, severity)

    def plan(self, raw: RawRow) -> PlannedRow:
        number = raw.row_number
        values: dict[str, Value] = {}
        cell_issues: list[RowIssue] = []
        for index, key in self.mapping.items():
            cell = raw.cells.get(index)
            if cell is None:
                continue
            try:
                values[key] = cell_value(cell, key, date1904=self.table.date1904)
            except ValidationError as exc:
                cell_issues.append(self._issue(number, key, exc.code, exc.message))
                continue
            note = cell_problem(cell, key, values[key])
            if note is not None:
                cell_issues.append(self._issue(number, key, *note))
        bad_keys = {i.field for i in cell_issues if i.severity == "error"}

        match_key = _match_key(values.get("id_number"))
        match = self.stored.get(match_key) if match_key else None
        if match is not None and self.absent:
            kept = input_from_data(_stored_data(match))
            for key in self.absent:
                values[key] = getattr(kept, key)
        result = check_member(MemberInput(**values), today=self.today, rules=self.rules)
        issues = cell_issues + [self._from_check(number, i) for i in result.issues if i.field not in bad_keys]

        # A masked or numeric ID identifies nobody, so it cannot duplicate another row either.
        key_for_dupes = "" if "id_number" in bad_keys else (
            result.data.id_number if result.data is not None else match_key)
        if key_for_dupes:
            first = self.seen.setdefault(key_for_dupes, number)
            if first != number:
                issues.append(self._issue(
                    number, "id_number", "duplicate_in_file",
                    f"公民身份号码与第 {first} 行重复：同一人在表中出现了两次，只导入第一次出现的行"))
        issues.sort(key=lambda i: (i.severity != "error", _column_order(i.column)))
        if result.data is None or any(i.severity == "error" for i in issues):
            return PlannedRow(number, "rejected", tuple(issues), raw=raw)
        data = result.data
        match = self.stored.get(data.id_number) or match
        if match is None:
            return PlannedRow(number, "new", tuple(issues), data)
        old = _stored_data(match)
        changed = tuple(k for k in _DATA_FIELDS if getattr(old, k) != getattr(data, k))
        if old.name != data.name:
            issues.insert(0, self._issue(
                number, "name", RENAME_CONFLICT,
                f"公民身份号码与已有党员“{old.name}”相同，但表中姓名是“{data.name}”。如果是同一人改了名，请确认这一行；"
                "否则是身份证号填错了，请改正。未确认前这一行不会导入。", "warning"))
            return PlannedRow(number, "conflict", tuple(issues), data, match.id, changed, name_on_record=old.name)
        return PlannedRow(number, "updated" if changed else "unchanged", tuple(issues), data, match.id, changed)

    def _from_check(self, row: int, issue: Issue) -> RowIssue:
        return self._issue(row, issue.field, issue.code, issue.message, issue.severity)


def _match_key(value: Value) -> str:
    """The ID number a row would be matched on; "" when the cell cannot identify anyone."""
    if not isinstance(value, str):
        return ""
    number = normalize_id_number(value)
    if len(number) == 15 and number.isascii() and number.isdigit():
        return upgrade_15_to_18(number)
    return number


def _column_order(letter: str) -> tuple[int, str]:
    return (len(letter) if letter else 99, letter)
