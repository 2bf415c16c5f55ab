"""The file side of a roster import (花名册导入): preview, what a cell means, and the plan's records.

The import use case lives in ``services.roster_import``; this module only reads files and describes
them, touching no database:

1. ``preview(path)`` reads the file and shows what was found: the header row, the guessed column
   mapping, unmapped headers, the first rows as text, and file-level warnings (hidden rows, numeric ID
   cells, formulas without values). The user corrects the mapping with ``roster_headers.resolve_mapping``.
2. ``services.roster_plan.plan_import(db, path, mapping=...)`` is the dry run: every data row becomes
   ``new`` (ID number not in the database), ``updated`` (matched by ID number, some field differs),
   ``unchanged`` (matched, every field equal) or ``rejected`` (one or more errors, each with row, column,
   a stable code and a Chinese message), recorded as the ``ImportPlan`` defined here. ``cell_value`` and
   ``cell_problem`` say what each cell holds. Nothing is written.
3. ``services.roster_import.apply_import(db, actor, plan)`` writes the plan all-or-nothing.

Rules the plan follows (RELIABILITY.md §4.3, §0 item 15):

* a cell is judged as the file stored it: an ID number stored as a number is rejected
  (``id_excel_number``), never repaired; a masked ID from a masked export (``****…1234``) is rejected
  (``id_masked``); a formula without a cached value is rejected (``formula_no_value``); an Excel error
  value is rejected (``cell_error``); a name or ID cell covered by a merged range is rejected
  (``merged_cell``); a second row with an ID number already seen in the file is rejected
  (``duplicate_in_file``);
* dates come as date cells, Excel serial numbers (1900 or 1904 system), or text in the usual forms;
  出生日期, 入党日期, 转正日期 and 参加工作日期 may be known only to the month or the year (``1972.11``,
  ``2019年3月``, ``1972年``, or the numbers 2019.3 and 1972 in a General cell) and keep that precision;
* an update replaces the stored fields with the file's values, except fields the file has no column
  for, and empty cells where the record holds a value, which keep their stored value (a file without a
  手机 column, or with a phone left unfilled, does not wipe phones; the plan names the fields so kept);
* "unchanged" means the checked record equals the stored one field by field, so exporting the roster
  unmasked and importing it back reports every row unchanged.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from partydesk.core.domain import fields, partial_date
from partydesk.core.domain.member import DATES, PARTIAL_DATES, MemberData, Value
from partydesk.core.domain.partial_date import PartialDate, Precision, parse_number
from partydesk.core.domain.validate import excel_serial_to_date
from partydesk.core.errors import ValidationError
from partydesk.core.io.footer_rows import footer_label, is_empty_row
from partydesk.core.io.raw_table import column_letter as get_column_letter
from partydesk.core.io.roster_headers import FIELD_KEYS, guess_mapping, unmapped_headers
from partydesk.core.io.roster_read import RawCell, RawRow, RawTable, read_table

PREVIEW_ROWS = 50
# "conflict": the ID number matches a member on record but the name differs — a rename, or a wrong ID
# number that would silently turn one member into another. Applied only when confirmed for that row.
Action = Literal["new", "updated", "unchanged", "conflict", "rejected"]

_YEAR_MONTH_TEXT = re.compile(r"(?:19|20)\d{2}\s*(?:[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月?)")
_SERIAL_TEXT = re.compile(r"\d{5}(?:\.\d+)?")  # 10000–99999: 1927–2173, never a yyyymmdd or a year
_YMD_NUMBER = re.compile(r"(19|20)\d{6}|(19|20)\d{4}")  # 20190301 or 201903 typed as a number
# What our export (and careful users) put before text that Excel would otherwise run as a formula.
_NEUTRALISED = re.compile(r"'(?=[=+\-@\t\r])")
Note = tuple[str, str, Literal["error", "warning"]]
"""(code, message, severity) of a problem with one cell."""


@dataclass(frozen=True)
class RowIssue:
    """One problem found in one row: where it is, a stable ``code`` and a Chinese ``message``.

    ``column`` is the column letter as Excel shows it ("" when the file has no column for the field),
    ``header`` the header text as written in the file (or the field's Chinese name when there is no
    column), ``field`` the field key ("" for row-level problems).
    """

    row: int
    column: str
    header: str
    field: str
    code: str
    message: str
    severity: Literal["error", "warning"] = "error"
    name: str = ""
    """The row's 姓名 as written in the file ("" when it has none), so a problem list says whose row it is."""

    def as_dict(self) -> dict[str, object]:
        """The JSON shape used by the command line: row, name, column, header, field, code, message."""
        return {"row": self.row, "name": self.name, "column": self.column, "header": self.header,
                "field": self.field, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class SkippedRow:
    """A row below the header that is not a person (合计, 填表人, 注：…, or nothing in a mapped column)."""

    row: int
    reason: str
    """Chinese: what the row was taken for ("合计行", "空行", …)."""
    text: str = ""
    """The row's text as written, shortened, so the user can see what was left out."""


RENAME_CONFLICT = "rename_conflict"


def _shown(key: str, value: object) -> str:
    """One stored value as the import's list of changes shows it (masked where the roster masks it)."""
    from partydesk.core.domain.masking import Masking, shown

    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return partial_date.text(value)
    text = str(value)
    table = fields.code_tables().get(key)
    if table is not None and text in table:
        return table.name(text)
    return shown(key, text, Masking.MASKED)


@dataclass(frozen=True)
class PlannedRow:
    """The decision for one data row of the file."""

    row: int
    action: Action
    issues: tuple[RowIssue, ...] = ()
    """Errors (only for ``rejected``) and warnings, in column order."""
    data: MemberData | None = None
    """The checked record that would be stored; None for rejected rows."""
    member_id: str | None = None
    """The matched member for ``updated`` and ``unchanged`` rows."""
    changed_fields: tuple[str, ...] = ()
    """Field keys whose value the update changes (``updated`` rows only)."""
    raw: RawRow | None = None
    """The row as read from the file; kept for rejected rows so they can be saved with the reasons."""
    name_on_record: str = ""
    """For ``conflict`` rows: the matched member's name as stored (the file's is ``data.name``)."""
    was: MemberData | None = None
    """For ``updated`` and ``conflict`` rows: the matched member's record as stored, before the update."""

    def changes(self) -> list[tuple[str, str, str]]:
        """What the update changes, field by field, as the office reads it: (field name, stored, file's), coded
        values by their names, dates as on forms, ID and phone numbers masked as the roster shows them."""
        if self.was is None or self.data is None:
            return []
        return [(fields.label(key), _shown(key, getattr(self.was, key)), _shown(key, getattr(self.data, key)))
                for key in self.changed_fields]

    @property
    def errors(self) -> list[RowIssue]:
        """The error-level issues (non-empty exactly when the row is rejected)."""
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[RowIssue]:
        """The warnings, which do not stop the row from being imported."""
        return [i for i in self.issues if i.severity == "warning"]


@dataclass(frozen=True)
class ImportPlan:
    """The dry-run result: every row's decision, and what ``apply_import`` needs to write it."""

    path: Path
    headers: list[str]
    mapping: dict[int, str]
    rows: list[PlannedRow]
    today: date
    fingerprint: str
    """A digest of the roster the plan was made against; the apply refuses if the roster has changed."""
    skipped_hidden: tuple[int, ...] = ()
    """Row numbers of hidden rows left out because the caller asked to skip them."""
    skipped: tuple[SkippedRow, ...] = ()
    """Rows that are not people (footer labels, rows empty in every mapped column): listed, not checked."""
    fixed_values: dict[str, str] = field(default_factory=dict)
    """Field key -> the one value given for every row (for fields no column maps to)."""

    @property
    def category_from_dates(self) -> bool:
        """True when the file gives no 人员类别 (no column, no fixed value): each row's is read from its dates."""
        return "category" not in self.mapping.values() and "category" not in self.fixed_values

    def _count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def new(self) -> int:
        """Rows that add a member."""
        return self._count("new")

    @property
    def updated(self) -> int:
        """Rows that change a matched member."""
        return self._count("updated")

    @property
    def unchanged(self) -> int:
        """Rows equal to their matched member."""
        return self._count("unchanged")

    @property
    def rejected(self) -> int:
        """Rows with at least one error."""
        return self._count("rejected")

    @property
    def conflict(self) -> int:
        """Rows whose ID number matches a member of another name (applied only when confirmed)."""
        return self._count("conflict")

    @property
    def conflict_rows(self) -> list[PlannedRow]:
        """The conflict rows, in file order."""
        return [r for r in self.rows if r.action == "conflict"]

    @property
    def rejected_rows(self) -> list[PlannedRow]:
        """The rejected rows, in file order."""
        return [r for r in self.rows if r.action == "rejected"]

    @property
    def errors(self) -> list[RowIssue]:
        """Every error of every rejected row, in file order."""
        return [i for r in self.rows for i in r.errors]

    @property
    def warnings(self) -> list[RowIssue]:
        """Every warning of the rows that would be imported."""
        return [i for r in self.rows if r.action != "rejected" for i in r.warnings]

    def summary(self) -> dict[str, Any]:
        """Counts plus one entry per error in ``rows`` (the shape the command line prints as JSON)."""
        return {
            "new": self.new, "updated": self.updated, "unchanged": self.unchanged, "conflict": self.conflict,
            "rejected": self.rejected,
            "rows": [i.as_dict() for i in self.errors],
            "warnings": [i.as_dict() for i in self.warnings if i.code != RENAME_CONFLICT],
            "conflicts": [{"row": r.row, "member_id": r.member_id, "name_on_record": r.name_on_record,
                           "name_in_file": r.data.name if r.data is not None else ""} for r in self.conflict_rows],
            "skipped": [{"row": s.row, "reason": s.reason, "text": s.text} for s in self.skipped],
            "category_from_dates": self.category_from_dates,
        }


@dataclass(frozen=True)
class PreviewRow:
    """One data row as text for the preview grid: one string per header column."""

    row: int
    texts: tuple[str, ...]
    hidden: bool = False
    flags: dict[int, str] = field(default_factory=dict)
    """Column index → a short Chinese note about a cell worth a look ("存为数字", "公式无结果", …)."""


@dataclass(frozen=True)
class ImportPreview:
    """What ``preview`` found in a file, for the wizard's first page."""

    path: Path
    source_kind: str
    sheet_name: str
    encoding: str
    header_row: int
    headers: list[str]
    column_letters: list[str]
    mapping: dict[int, str]
    """Column index → field key: the guess, or the mapping the caller passed."""
    unmapped: list[tuple[int, str]]
    """(column index, header) of non-blank headers that map to no field; they are ignored."""
    missing_fields: list[str]
    """Field keys no column maps to: new members get them empty, matched members keep theirs."""
    rows: list[PreviewRow]
    """The first ``PREVIEW_ROWS`` data rows."""
    total_rows: int
    warnings: list[str]
    """File-level notes in Chinese (hidden rows and columns, numeric IDs, formulas, encoding)."""
    not_people: dict[int, str] = field(default_factory=dict)
    """Row number → why it is no member (表尾“合计”行, 空行): such rows are listed as skipped, not checked."""
    header_first: int = 0
    """The header's first row when it takes two (``RawTable.header_first``); 0 otherwise."""

    @property
    def header_rows(self) -> str:
        """The header's row number as the office reads it: "3", or "2–3" for a header over two rows."""
        return f"{self.header_first}–{self.header_row}" if self.header_first else str(self.header_row)


def cell_text(cell: RawCell | None) -> str:
    """A cell as the preview shows it: dates as YYYY-MM-DD, whole numbers without ".0"."""
    if cell is None or cell.value is None:
        return ""
    value = cell.value
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _flag(cell: RawCell, key: str | None) -> str | None:
    if cell.is_formula_without_value:
        return "公式无结果"
    if cell.is_error:
        return "错误值"
    if cell.is_number and key == "id_number":
        return "存为数字"
    if cell.merged_from is not None:
        return f"合并自 {cell.merged_from}" if cell.value is not None else f"被 {cell.merged_from} 合并"
    return None


def check_mapping(headers: Sequence[str], mapping: Mapping[int, str]) -> dict[int, str]:
    """A copy of ``mapping`` after checking it; ValueError on unknown keys, indexes or a field used twice."""
    seen: set[str] = set()
    for index, key in mapping.items():
        if not 0 <= index < len(headers):
            raise ValueError(f"column index {index} is outside the {len(headers)} columns")
        if key not in FIELD_KEYS:
            raise ValueError(f"unknown field key {key!r}")
        if key in seen:
            raise ValueError(f"field {key!r} is mapped to two columns")
        seen.add(key)
    return dict(sorted(mapping.items()))


def preview(path: str | os.PathLike[str], *, mapping: Mapping[int, str] | None = None) -> ImportPreview:
    """Read ``path`` and describe it for the mapping step; raises ImportRejected if it cannot be read."""
    table = read_table(path, mapping=mapping)
    chosen = guess_mapping(table.headers) if mapping is None else check_mapping(table.headers, mapping)
    width = len(table.headers)
    rows = [
        PreviewRow(
            raw.row_number,
            tuple(cell_text(raw.cells.get(i)) for i in range(width)),
            raw.hidden,
            {i: note for i, c in raw.cells.items() if (note := _flag(c, chosen.get(i))) is not None},
        )
        for raw in table.rows[:PREVIEW_ROWS]
    ]
    return ImportPreview(
        path=Path(path), source_kind=table.source_kind, sheet_name=table.sheet_name, encoding=table.encoding,
        header_row=table.header_row, header_first=table.header_first, headers=list(table.headers),
        column_letters=[get_column_letter(i + 1) for i in range(width)], mapping=chosen,
        unmapped=unmapped_headers(table.headers, chosen),
        missing_fields=[k for k in FIELD_KEYS if k not in chosen.values()], rows=rows,
        total_rows=len(table.rows), warnings=_file_warnings(table, chosen),
        not_people={raw.row_number: reason for raw in table.rows
                    if (reason := not_person_reason(raw, chosen)) is not None},
    )


def not_person_reason(raw: RawRow, mapping: Mapping[int, str]) -> str | None:
    """Why ``raw`` is no member and is skipped (表尾“合计”行, 空行), or None for a row to check."""
    label = footer_label(raw, mapping)
    if label is not None:
        return f"表尾“{label}”行"
    return "空行" if is_empty_row(raw, mapping) else None


def _rows_text(numbers: Sequence[int]) -> str:
    """"第 3、5 行" / "第 3、5、… 等 12 行": the row numbers as a user reads them in Excel."""
    shown = "、".join(str(n) for n in numbers[:10])
    return f"第 {shown}" + (f" 等 {len(numbers)} 行" if len(numbers) > 10 else " 行")


def _these(numbers: Sequence[int]) -> str:
    return "这些行" if len(numbers) > 1 else "这一行"


def _file_warnings(table: RawTable, mapping: Mapping[int, str]) -> list[str]:
    warnings: list[str] = []
    if "id_number" not in mapping.values():
        warnings.append("没有找到“公民身份号码”列：无法导入。请在列对应中指定身份证号所在的列。")
    if table.source_kind == "csv" and table.encoding == "gb18030":  # (UTF-8 is only said in the file's facts)
        warnings.append("CSV 文件按 GBK/GB18030 编码读取：如果预览中的姓名等文字是乱码，请在 Excel/WPS 中"
                        "另存为“CSV UTF-8”后再导入。")
    if table.other_sheets:
        names = "、".join(f"“{name}”" for name in table.other_sheets)
        warnings.append(f"工作簿中的工作表{names}也有花名册表头，但这次只读取“{table.sheet_name}”：如需导入它，"
                        "请在 Excel/WPS 中把它另存为单独的工作簿，再导入一次。")
    hidden = [r.row_number for r in table.rows if r.hidden]
    if hidden:
        warnings.append(f"{_rows_text(hidden)}在 Excel 中被隐藏，也会一并导入：如果是已不在本支部的人员，"
                        "请在 Excel/WPS 中删除这些行后再导入。")
    hidden_mapped = sorted(i for i in table.hidden_columns if i in mapping)
    if hidden_mapped:
        letters = "、".join(get_column_letter(i + 1) for i in hidden_mapped)
        warnings.append(f"第 {letters} 列在 Excel 中被隐藏，但会被导入；不需要时请在列对应中设为“不导入”。")
    id_columns = {i for i, k in mapping.items() if k == "id_number"}
    numeric = [r.row_number for r in table.rows if any(r.cells[i].is_number for i in id_columns if i in r.cells)]
    if numeric:
        warnings.append(f"{_rows_text(numeric)}的身份证号被 Excel 存成了数字，后几位已丢失，{_these(numeric)}将被拒绝："
                        "请把该列设为“文本”格式后重新录入。")
    formulas = [r.row_number for r in table.rows if any(
        c.is_formula_without_value for i, c in r.cells.items() if i in mapping)]
    if formulas:
        warnings.append(f"{_rows_text(formulas)}含有没有计算结果的公式，{_these(formulas)}将被拒绝："
                        "请在 Excel/WPS 中打开并保存一次，或把公式粘贴为数值。")
    return warnings


def cell_value(cell: RawCell, key: str, *, date1904: bool) -> Value:
    """The value to check for the cell of field ``key``; ValidationError for an unreadable serial date.

    ``date1904``: the workbook counts serial dates from 1904 (old Mac Excel).
    """
    value = cell.value
    if cell.is_formula_without_value or cell.is_error:
        return None
    if cell.shown and key in DATES:
        shown = _as_shown(cell, key)
        if shown is not None:
            return shown
    if isinstance(value, datetime):
        return value.date() if key in DATES or value.time() == datetime.min.time() else value.isoformat(" ")
    if value is None or isinstance(value, (date, bool)):
        return value
    if value.__class__ is str and key not in DATES and not value.startswith("'"):
        return value  # plain text, by far the most common cell: nothing to convert (runs per cell)
    label = fields.label(key)
    if isinstance(value, (int, float)):
        if key == "id_number":
            return value  # the checker rejects a number cell (id_excel_number); never repaired
        if key in DATES:
            if float(value).is_integer() and _YMD_NUMBER.fullmatch(str(int(value))):
                return int(value)
            # 2019.3 typed into a General cell is the number 2019.3, and 1972 the number 1972; as serials
            # they would be days in 1905, which no member's date is.
            found = parse_number(float(value), field=label)
            if found is not None:
                if key not in PARTIAL_DATES:
                    raise _no_day(label, cell_text(cell))
                return found
            return excel_serial_to_date(float(value), date1904=date1904, field=label)
        return str(int(value)) if float(value).is_integer() else str(value)
    text = _NEUTRALISED.sub("", value, count=1) if value.startswith("'") else value
    if key in DATES and _SERIAL_TEXT.fullmatch(text.strip()):
        return excel_serial_to_date(float(text), date1904=date1904, field=label)
    if key in DATES and key not in PARTIAL_DATES and _YEAR_MONTH_TEXT.fullmatch(text.strip()):
        raise _no_day(label, text.strip())
    return text


def _as_shown(cell: RawCell, key: str) -> date | None:
    """A date cell or a number in a date column read as the file shows it (``RawCell.shown``): a real date
    shown as ``1980.05`` is May 1980, not 1 May (the office never wrote a day, and the ID's birthday then
    disagreed); 2008.1 shown with two decimals, ``2008.10``, is October. None: read the usual way."""
    value, label = cell.value, fields.label(key)
    if isinstance(value, date) and cell.shown in ("ym", "y"):
        day = value.date() if isinstance(value, datetime) else value
        if key not in PARTIAL_DATES:
            raise _no_day(label, f"{day.year}.{day.month:02d}" if cell.shown == "ym" else str(day.year))
        return partial_date.make(day, Precision.MONTH if cell.shown == "ym" else Precision.YEAR)
    if isinstance(value, float) and cell.shown.startswith("d") and not value.is_integer() and 1900 <= value < 2100:
        text = f"{value:.{int(cell.shown[1:])}f}"
        if key not in PARTIAL_DATES:
            raise _no_day(label, text)
        return partial_date.parse_text(text, field=label)
    return None


def _no_day(label: str, shown: str) -> ValidationError:
    return ValidationError(f"{label}只写到月或年（{shown}），请补全日：写成完整的年、月、日，如 2019.3.15",
                           field=label, code="date_no_day")


def cell_problem(cell: RawCell, key: str, value: Value) -> Note | None:
    """What is wrong with a cell as stored (a formula without value, an error, a merge, a masked number)."""
    if not (cell.is_formula_without_value or cell.is_error or cell.merged_from is not None
            or key in ("id_number", "phone") or isinstance(value, PartialDate)):
        return None  # the usual cell: none of the checks below can apply (runs per cell)
    label = fields.label(key)
    if isinstance(value, PartialDate) and isinstance(cell.value, float) and f"{cell.value:.2f}".endswith("10") \
            and not cell.shown.startswith("d"):  # (shown with its decimals, the file says which month it is)
        # Excel keeps 2019.10 typed into a General cell as 2019.1 and shows it so: read as January, and said.
        return ("date_ambiguous", f"{label}单元格是数字 {cell.value:g}，按 {partial_date.text(value)} 读取；"
                f"如果是 10 月，请把单元格设为“文本”格式后写成 {value.year}.10", "warning")
    if cell.is_formula_without_value:
        return ("formula_no_value", f"{label}单元格是公式，但文件中没有保存计算结果（可能由不计算公式的软件生成）："
                "请在 Excel/WPS 中打开并保存一次，或把公式粘贴为数值", "error")
    if cell.is_error:
        return "cell_error", f"{label}单元格是错误值“{cell.value}”，请改正公式或填写实际内容", "error"
    if cell.merged_from is not None and value is None:
        if key in ("name", "id_number"):
            return ("merged_cell", f"{label}单元格与 {cell.merged_from} 合并了：每人的{label}须单独填写，"
                    "请取消合并单元格后逐行填写", "error")
        return "merged_cell", f"{label}单元格被 {cell.merged_from} 合并，按空白处理", "warning"
    if key == "id_number" and isinstance(value, str) and "*" in value:
        return ("id_masked", "公民身份号码已隐藏部分数字（来自脱敏导出的花名册），无法核对身份："
                "请导出花名册时选择“完整号码”，或填写完整的身份证号", "error")
    if key == "phone" and isinstance(value, str) and "*" in value:
        return ("phone_masked", "联系电话已隐藏部分数字（来自脱敏导出的花名册）：请填写完整号码或清空此格",
                "error")
    return None
