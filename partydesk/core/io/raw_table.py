"""The roster reader's output types (花名册导入的原始表格) and the helpers every file format shares.

A reader only finds the table and reports what each cell physically held; field values are judged
later by the domain rules. ``RawTable``/``RawRow``/``RawCell`` are what the importer consumes, whatever
the file format (CSV, .xlsx/.xlsm, .xls, .xlsb, .ods); ``SheetFacts`` carries what a workbook reader
learns beside the cell values (formulas without a result, error cells, hidden rows, merged ranges).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from partydesk.core.errors import ValidationError
from partydesk.core.io.roster_headers import (
    HEADER_SCAN_ROWS,
    MIN_KNOWN_HEADERS,
    count_known_headers,
    guess_mapping,
    is_fill_down_column,
    match_header,
)

CellValue = str | int | float | date | datetime | None
SourceKind = Literal["xlsx", "xls", "xlsb", "ods", "csv"]
# (row, column), both 0-based as the workbook readers count them.
Coordinate = tuple[int, int]

SAVE_AS_ADVICE = "请在 Excel/WPS 中另存为 .xlsx（Excel 工作簿）或 CSV 后再导入。"


class ImportRejected(ValidationError):
    """The whole file cannot be imported; ``code`` says why, ``message`` says what to do.

    Codes: "file_type", "encoding", "no_header", "too_large", "unreadable". For "encoding", ``line`` and
    ``byte_offset`` (0-based, within the file) locate the first undecodable byte.
    """

    code = "import_rejected"

    def __init__(self, message: str, *, code: str, line: int | None = None, byte_offset: int | None = None) -> None:
        super().__init__(message, code=code)
        self.line = line
        self.byte_offset = byte_offset


@dataclass(frozen=True, slots=True)
class RawCell:
    """One cell as stored in the file, before any field validation."""

    value: CellValue
    column_letter: str
    is_number: bool = False
    """The cell was stored as a number (not text): fatal for ID numbers, which lose digits."""
    is_formula_without_value: bool = False
    """A formula with no cached result: the saving tool never calculated it, so the value is unknown."""
    merged_from: str | None = None
    """Top-left coordinate ("B5") of the merged range covering this cell, unless this is the top-left."""
    is_error: bool = False
    """An Excel error value such as "#N/A" or "#REF!" (kept as that text in ``value``)."""
    shown: str = ""
    """How the file shows a number or date cell, where that decides its reading (``SheetFacts.shown``)."""


@dataclass(frozen=True, slots=True)
class RawRow:
    """One non-empty data row below the header."""

    row_number: int
    cells: dict[int, RawCell]
    """Non-empty or flagged cells by 0-based column index; a missing index means an empty cell."""
    hidden: bool = False
    """The row is hidden in Excel; the importer asks the user before skipping such rows."""


@dataclass(frozen=True, slots=True)
class RawTable:
    """The roster table found in a file: its header row and the data rows below it."""

    header_row: int
    """The header's (last) row; the data begin below it."""
    headers: list[str]
    rows: list[RawRow]
    date1904: bool
    source_kind: SourceKind
    encoding: str = ""
    """The text encoding a CSV was decoded with ("utf-8", "utf-8-sig" or "gb18030"); "" for workbooks."""
    sheet_name: str = ""
    hidden_columns: frozenset[int] = field(default_factory=frozenset)
    other_sheets: tuple[str, ...] = ()
    """Later visible sheets of the workbook that have a roster header too (only ``sheet_name`` is read)."""
    header_first: int = 0
    """The header's first row when it takes two (a form's grouped headings); 0 when it is ``header_row`` alone."""


@dataclass
class SheetFacts:
    """What a workbook's XML says about one sheet beyond its cell values (0-based coordinates).

    python-calamine returns values only: an error cell and a formula without a cached result both come
    back as "", and it knows nothing of hidden rows and columns. ``merged`` is None when the format's
    reader supplies the merged ranges itself.
    """

    formulas_without_value: set[Coordinate] = field(default_factory=set)
    errors: dict[Coordinate, str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    merged: list[tuple[Coordinate, Coordinate]] | None = None
    shown: dict[Coordinate, str] = field(default_factory=dict)
    """Number and date cells whose number format decides how a roster reads them: ``ym`` a date shown as
    year and month only (``yyyy.mm``: the day is not part of what the office wrote), ``d2`` a number shown
    with two decimals (2008.1 shown as ``2008.10``: October)."""


def column_letter(number: int) -> str:
    """The spreadsheet name of 1-based column ``number``: 1 → "A", 27 → "AA"."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """The 1-based number of column ``letters``: "A" → 1, "AA" → 27."""
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def unreadable(message: str) -> ImportRejected:
    """The file cannot be read at all (damaged, locked, not what its name says)."""
    return ImportRejected(message, code="unreadable")


def too_many_rows(limit: int) -> ImportRejected:
    """More data rows than one import may hold."""
    return ImportRejected(f"表格超过 {limit} 行，无法一次导入。请拆分后分批导入。", code="too_large")


def too_wide_range(sheet: str, last_column: int, last_row: int, limit: int) -> ImportRejected:
    """Filled cells spanning more than ``limit`` cells: refused before the reader allocates them."""
    cells = last_column * last_row
    return ImportRejected(
        f"工作表“{sheet}”的内容范围过大：一直到第 {column_letter(last_column)} 列、第 {last_row} 行，"
        f"约 {cells:,} 个单元格，超过一次最多导入的 {limit:,} 个单元格。如果是远离表格的地方误填了内容，"
        "请删除表格右侧和下方多余的内容；否则请拆分后分批导入。",
        code="too_large",
    )


def too_many_columns(row: int, count: int, limit: int) -> ImportRejected:
    """A row with more columns than any roster has."""
    return ImportRejected(
        f"第 {row} 行有 {count:,} 列，超过花名册最多 {limit} 列的上限，文件可能已损坏或不是花名册。"
        "请删除多余的列后再导入。",
        code="too_large",
    )


def no_header() -> ImportRejected:
    """No row near the top names enough known fields."""
    return ImportRejected(
        f"在表格前 {HEADER_SCAN_ROWS} 行中没有找到表头：表头行至少要有 {MIN_KNOWN_HEADERS} 个"
        "可识别的列名（如 姓名、性别、身份证号）。请检查是否选对了文件和工作表。",
        code="no_header",
    )


def nothing_in_it(sheets: Sequence[str] = ()) -> ImportRejected:
    """The file (or every visible sheet of it) holds no text at all: said as that, not as a missing header."""
    where = ("工作表“" + "”“".join(sheets) + "”" + ("都" if len(sheets) > 1 else "")) if sheets else "这个文件"
    return ImportRejected(
        f"{where}是空的，没有可导入的内容。请检查是否选对了文件；如果花名册在另一个文件或工作表里，请打开那个文件，"
        "或在 Excel/WPS 中把花名册复制到第一个工作表后保存再导入。",
        code="no_header",
    )


def is_blank(value: CellValue) -> bool:
    """Empty, or text of nothing but spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def header_text(value: object) -> str:
    """A header cell as text ("" for an empty one)."""
    return "" if value is None else str(value)


def find_header(rows: Mapping[int, Mapping[int, str]]) -> int | None:
    """The first row number (1-based) among the top rows whose cells name enough known fields."""
    for number in range(1, HEADER_SCAN_ROWS + 1):
        if count_known_headers(list(rows.get(number, {}).values())) >= MIN_KNOWN_HEADERS:
            return number
    return None


def header_block(rows: Mapping[int, Mapping[int, str]], found: int, *,
                 spans_below: bool = False) -> tuple[int, int, dict[int, str]]:
    """The header as a form lays it out over two rows: its first and last rows (1-based) and each column's
    name.

    Forms from 组织部门 often group columns under a heading (基本情况 over 姓名、性别…; 入党情况 over 入党时间、
    转正时间), with the ungrouped names (序号, 联系电话) merged down both rows. ``found`` is the row
    ``find_header`` chose, ``rows`` the text of the rows near it, a merged cell's text in every cell it covers
    where the format says so. Each column is named by its lowest text in the header:

    - the row below ``found`` belongs to the header when a merged cell of ``found`` reaches down into it
      (``spans_below``), or when every text in it is a column name (a CSV of such a form: 入党时间、转正时间
      under 入党情况), and then the data begin below it;
    - a column empty in the header takes the row above's text when that is a column name (联系电话 above,
      in a file that does not say its cells were merged).
    """
    below = {c: t for c, t in rows.get(found + 1, {}).items() if t.strip()}
    two_rows = below and (spans_below or all(match_header(t) is not None for t in below.values()))
    names = {c: t for c, t in rows.get(found, {}).items() if t.strip()}
    if two_rows:
        names.update(below)
    first = found
    for c, text in rows.get(found - 1, {}).items():
        if c not in names and text.strip() and match_header(text) is not None:
            names[c], first = text, found - 1
    return first, (found + 1 if two_rows else found), dict(sorted(names.items()))


def fill_columns(headers: list[str], mapping: Mapping[int, str] | None) -> frozenset[int]:
    """The 0-based columns whose merged cells are filled down (党小组, 工作单位, 支部…)."""
    chosen = guess_mapping(headers) if mapping is None else mapping
    return frozenset(i for i, text in enumerate(headers) if is_fill_down_column(text, chosen.get(i)))
