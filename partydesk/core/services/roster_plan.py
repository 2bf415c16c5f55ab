"""The dry run of a roster import (花名册导入): every row of the file decided against the stored roster.

``plan_import(db, path, mapping=...)`` reads the file (``io.roster_read``), interprets each cell
(``io.roster_plan.cell_value``), checks each row as a member (``domain.member.check_member``, with the
office's rule table) and matches it by ID number against the live roster. Nothing is written; the plan
carries a fingerprint of the roster so that ``roster_import.apply_import`` can refuse a stale plan.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from partydesk.core.domain import codes, fields, partial_date
from partydesk.core.domain.idnumber import normalize_id_number, parse_id_number, upgrade_15_to_18
from partydesk.core.domain.member import (
    CATEGORY_FULL,
    CheckResult,
    CheckRules,
    MemberData,
    MemberInput,
    Value,
    check_member,
    input_from_data,
)
from partydesk.core.domain.member_events import DerivedState
from partydesk.core.domain.membership import StatusRules, record_issues
from partydesk.core.domain.partial_date import PartialDate, Precision
from partydesk.core.domain.roster import RosterRow
from partydesk.core.domain.validate import Issue
from partydesk.core.errors import ValidationError
from partydesk.core.io.footer_rows import row_text
from partydesk.core.io.raw_table import column_letter as get_column_letter
from partydesk.core.io.roster_headers import FIELD_KEYS, guess_mapping
from partydesk.core.io.roster_plan import (
    RENAME_CONFLICT,
    ImportPlan,
    PlannedRow,
    RowIssue,
    SkippedRow,
    cell_problem,
    cell_text,
    cell_value,
    check_mapping,
    not_person_reason,
)
from partydesk.core.io.roster_read import ImportRejected, RawRow, RawTable, read_table
from partydesk.core.progress import Progress
from partydesk.core.services.import_category import infer_category
from partydesk.core.services.members import check_rules
from partydesk.core.services.rules import rule_values
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
    fixed_values: Mapping[str, str] | None = None,
) -> ImportPlan:
    """The dry run: decide every row of ``path`` against the database; nothing is written.

    ``mapping`` (column index → field key, as ``resolve_mapping`` returns) defaults to the guess.
    ``fixed_values`` (field key → text) gives one value for every row to fields no column maps to
    (the whole file is 第一党小组, or all 正式党员). Rows that are not people (合计, 填表人, 注：…, rows
    empty in every mapped column) are listed in ``skipped``. Without a 人员类别 column or value, each
    row's category is read from its dates (``import_category``).
    Raises ImportRejected when the file cannot be read or has no ID number column, ValidationError for
    a fixed value not in its code table, Cancelled when ``progress`` is cancelled. Hidden rows are
    planned like the others unless ``skip_hidden_rows``.
    """
    if progress is not None:
        progress.step(0, 1, "读取文件")
    table = read_table(path, mapping=mapping)
    chosen = guess_mapping(table.headers) if mapping is None else check_mapping(table.headers, mapping)
    fixed = check_fixed_values(chosen, fixed_values or {})
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

    planner = _RowPlanner(table, chosen, stored, today, rules, fixed, rule_values(db).get("probation.months", 12))
    planned: list[PlannedRow] = []
    skipped: list[int] = []
    not_people: list[SkippedRow] = []
    total = len(table.rows)
    for done, raw in enumerate(table.rows):
        if progress is not None and done % _STEP == 0:
            progress.step(done, total, "检查表格数据")
        if skip_hidden_rows and raw.hidden:
            skipped.append(raw.row_number)
            continue
        reason = not_person_reason(raw, chosen)
        if reason is not None:
            not_people.append(SkippedRow(raw.row_number, reason, row_text(raw)))
            continue
        planned.append(planner.plan(raw))
    if progress is not None:
        progress.step(total, total, "检查表格数据")
    return ImportPlan(Path(path), list(table.headers), chosen, planned, today, roster_fingerprint(stored_rows),
                      tuple(skipped), tuple(not_people), fixed)


def check_fixed_values(mapping: Mapping[int, str], fixed: Mapping[str, str]) -> dict[str, str]:
    """The fixed values, checked: ValueError for an unknown or mapped field (a programming error),
    ValidationError naming the field for a coded value not in its table; blank values are dropped."""
    result: dict[str, str] = {}
    mapped = set(mapping.values())
    for key, value in fixed.items():
        if not fields.is_field(key):
            raise ValueError(f"unknown field key {key!r}")
        if key in mapped:
            raise ValueError(f"field {key!r} has a column and a fixed value")
        text = str(value).strip()
        if not text:
            continue
        table = fields.field(key).table
        if table is not None:
            try:
                table.code_of(text)
            except ValidationError as exc:
                raise ValidationError(f"统一填写的{fields.label(key)}“{text}”不在代码表中，请从列表中选择",
                                      field=key, code=exc.code) from None
        result[key] = text
    return result


def _state_of(row: RosterRow | None) -> DerivedState | None:
    if row is None:
        return None
    return DerivedState(row.category, row.joined_on, row.confirmed_on, row.membership_status, row.lost_contact,
                        row.lost_since, row.lost_cause, row.migrant, row.migrant_destination, row.migrant_since, True)


class _RowPlanner:
    """Turns raw rows into decisions; remembers the ID numbers already seen in the file."""

    def __init__(self, table: RawTable, mapping: dict[int, str], stored: dict[str, RosterRow], today: date,
                 rules: CheckRules, fixed: dict[str, str], probation_months: int) -> None:
        self.table = table
        self.mapping = mapping
        self.column_of = {key: index for index, key in mapping.items()}
        self.fixed = fixed
        self.absent = [k for k in FIELD_KEYS if k not in self.column_of and k not in fixed]
        self.infer_category = "category" not in fixed
        self.probation_months = probation_months
        self.stored = stored
        self.today = today
        self.rules = rules
        self.status_rules = StatusRules(probation_months=probation_months)
        self.seen: dict[str, int] = {}
        self.rejected: set[int] = set()

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
        planned = self._plan(raw)
        if planned.action == "rejected":
            self.rejected.add(planned.row)
        name_column = self.column_of.get("name")
        name = cell_text(raw.cells.get(name_column)).strip() if name_column is not None else ""
        if not name or not planned.issues:
            return planned
        return dataclasses.replace(planned, issues=tuple(dataclasses.replace(i, name=name) for i in planned.issues))

    def _plan(self, raw: RawRow) -> PlannedRow:
        number = raw.row_number
        values: dict[str, Value] = dict(self.fixed)
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
        cell_issues = _birth_month_by_id(values, cell_issues)
        bad_keys = {i.field for i in cell_issues if i.severity == "error"}

        match_key = _match_key(values.get("id_number"))
        match = self.stored.get(match_key) if match_key else None
        kept = input_from_data(_stored_data(match)) if match is not None else None  # the record as input values
        if kept is not None:
            for key in self.absent:
                values[key] = getattr(kept, key)
        inferred: list[Issue] = _keep_confirmation(values, match, kept) + _keep_where_blank(values, kept, self.mapping)
        if self.infer_category and (self.column_of.get("category") is None or _blank(values.get("category"))):
            inferred += self._infer_category(values, match)
        result = check_member(MemberInput(**values), today=self.today, rules=self.rules)
        result = _keep_chosen_codes(result, match)
        if result.data is not None and (match is None or match.in_branch):  # the 党籍 transition table
            inferred += record_issues(result.data, _state_of(match), (), today=self.today, rules=self.status_rules)
        checked = result.issues + inferred + _reading_notes(values, {i.field for i in result.issues} | bad_keys)
        if result.data is not None and len(normalize_id_number(str(values.get("id_number") or ""))) == 15:
            checked.append(Issue("id_number", "id_upgraded", "公民身份号码是旧的 15 位号码，已按国家标准升为 18 位"
                                 "（出生年份补“19”，末尾加校验位），请与本人现在的身份证核对", "warning"))
        issues = cell_issues + [self._from_check(number, i) for i in checked if i.field not in bad_keys]

        # A masked or numeric ID identifies nobody, so it cannot duplicate another row either.
        key_for_dupes = "" if "id_number" in bad_keys else (
            result.data.id_number if result.data is not None else match_key)
        if key_for_dupes:
            first = self.seen.setdefault(key_for_dupes, number)
            if first != number:
                taken = (f"而第 {first} 行也未通过检查，两行都不会导入。请删去其中一行，改正另一行"
                         if first in self.rejected else "只导入第一次出现的行")
                issues.append(self._issue(number, "id_number", "duplicate_in_file",
                                          f"公民身份号码与第 {first} 行重复：同一人在表中出现了两次，{taken}"))
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
            return PlannedRow(number, "conflict", tuple(issues), data, match.id, changed, name_on_record=old.name,
                              was=old)
        return PlannedRow(number, "updated" if changed else "unchanged", tuple(issues), data, match.id, changed,
                          was=old if changed else None)

    def _infer_category(self, values: dict[str, Value], match: RosterRow | None) -> list[Issue]:
        """Set the category of a row that has none from its dates; the warnings that go with it."""
        has_column = "category" in self.column_of
        stored = (match.category if match is not None else "") if has_column else str(values.get("category") or "")
        code, note = infer_category(values.get("joined_on"), values.get("confirmed_on"), today=self.today,
                                    probation_months=self.probation_months, stored=stored)
        values["category"] = code
        if note is not None:
            return [note]
        if has_column:
            name = codes.MEMBER_CATEGORY.name(code)
            dated = "有转正日期" if code == CATEGORY_FULL else "没有转正日期"
            why = "按已有记录" if stored and code == stored else dated
            return [Issue("category", "category_inferred", f"人员类别为空，{why}，按“{name}”记录", "warning")]
        return []

    def _from_check(self, row: int, issue: Issue) -> RowIssue:
        return self._issue(row, issue.field, issue.code, issue.message, issue.severity)


def _keep_confirmation(values: dict[str, Value], match: RosterRow | None, kept: MemberInput | None) -> list[Issue]:
    """A row without a 转正日期 for a member whose 转正 is on record here keeps that 转正 (and 正式党员).

    A roster file is a copy of some earlier day; a blank 转正 cell in it does not mean the 转正 recorded here
    was a mistake. Applying the row as it stands would withdraw the recorded event and put the member back
    on probation, so the recorded values are kept, with a warning saying so and how to withdraw a 转正
    that really was entered by mistake (the member's 变动记录, with a reason)."""
    if match is None or kept is None or match.confirmed_on is None or not _blank(values.get("confirmed_on")):
        return []
    values["confirmed_on"], values["category"] = kept.confirmed_on, kept.category
    return [Issue("confirmed_on", "confirmation_kept",
                  f"已记录 {partial_date.text(match.confirmed_on)} 转正，表中没有转正日期：保留已有的转正记录和"
                  "“正式党员”，不按表改回。如转正确是录错，请在该党员的变动记录中撤销。", "warning")]


# Kept by rules of their own (_keep_confirmation, the category from the dates) or never blank in a row taken.
_OWN_RULES = frozenset({"confirmed_on", "category", "id_number", "name"})


def _keep_where_blank(values: dict[str, Value], kept: MemberInput | None, mapping: Mapping[int, str]) -> list[Issue]:
    """A row for a member on record whose cells are empty where the record holds a value keeps that value.

    An empty cell in a roster form means "not filled in", not "erase": an office's copy often leaves the phone
    or the 学历 blank. Applying it as it stands wiped what was recorded, with nothing said; now the recorded
    values stay, and a warning names them (a value really to be cleared is cleared in the member's record)."""
    if kept is None:
        return []
    fields_kept = []
    for key in dict.fromkeys(mapping.values()):
        if key in _OWN_RULES or not hasattr(kept, key) or not _blank(values.get(key)):
            continue
        stored = getattr(kept, key)
        if not _blank(stored):
            values[key] = stored
            fields_kept.append(key)
    if not fields_kept:
        return []
    said = "、".join(fields.label(key) for key in fields_kept)
    return [Issue(fields_kept[0], "blank_kept",
                  f"表中{said}为空：保留已有的记录，不按空白清除。如确需清空，请在该党员的档案中修改。", "warning")]


def _blank(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _reading_notes(values: Mapping[str, Value], flagged: set[str]) -> list[Issue]:
    """Warnings for coded values read with a caveat (学历 "大学", 民族 "穿青人"): never read silently."""
    notes: list[Issue] = []
    for key, table in fields.code_tables().items():
        value = values.get(key)
        if isinstance(value, str) and key not in flagged and (note := table.reading_note(value)) is not None:
            notes.append(Issue(key, "code_read_as", note, "warning"))
    return notes


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


def _birth_month_by_id(values: dict[str, Value], issues: list[RowIssue]) -> list[RowIssue]:
    """A birth date typed 1955.10 in a General cell (kept by Excel as the number 1955.1, read as January) is
    settled by the ID number where it says which: January confirmed, no warning; October, the date is read as
    October and the warning says so. Any other ID (or none) leaves the warning as it was."""
    ambiguous = next((i for i in issues if i.field == "birth_date" and i.code == "date_ambiguous"), None)
    given = values.get("birth_date")
    if ambiguous is None or not isinstance(given, PartialDate):
        return issues
    try:
        born = parse_id_number(str(values.get("id_number") or "")).birth_date
    except ValidationError:
        return issues
    if born is None or born.year != given.year or born.month not in (1, 10):
        return issues
    rest = [i for i in issues if i is not ambiguous]
    if born.month == 1:
        return rest
    values["birth_date"] = PartialDate(given.year, 10, precision=Precision.MONTH)
    return [*rest, dataclasses.replace(ambiguous, code="date_by_id", message=(
        f"出生日期单元格是数字 {given.year}.1，公民身份号码表明是 {given.year}年10月，按 10 月读取"))]


def _keep_chosen_codes(result: CheckResult, match: RosterRow | None) -> CheckResult:
    """A member already on the roll keeps the category chosen for a field the file fills with the office's own
    words (``KEPT_IN_NOTES``): importing the same form again must not empty a 工作岗位 chosen since."""
    kept = [i.field for i in result.issues if i.code == "kept_in_notes"]
    if match is None or result.data is None or not kept:
        return result
    chosen: dict[str, Any] = {key: value for key in kept if (value := getattr(match, key, ""))}
    return dataclasses.replace(result, data=dataclasses.replace(result.data, **chosen)) if chosen else result
