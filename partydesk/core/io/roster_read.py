"""Reading layer of the roster importer (花名册导入): an .xlsx or .csv file in, raw cells out.

This layer only finds the table and reports what each cell physically held; it never judges field
values (dates, ID numbers, phones are validated later, by the domain rules). So that validation can
catch Excel's damage, the raw facts are kept rather than smoothed over (RELIABILITY.md §4.3, §0 item 15):

* typed values stay typed: an ID typed as a number comes back as the float/int Excel stored, with
  ``is_number`` set, never stringified (an 18-digit number has already lost its last digits);
* a formula whose cached value is None (the file was saved by a tool that does not calculate) is
  flagged instead of looking like an empty cell;
* merged ranges are filled down only in group-like columns (党小组, 工作单位, 支部…); elsewhere the
  covered cells stay empty and carry ``merged_from`` so validation can flag them;
* CSV bytes are decoded strictly (UTF-8 with or without BOM, then GB18030, a superset of the GBK that
  Chinese Excel writes), and a byte neither can decode rejects the file with its position.

Row and column numbers: ``RawRow.row_number`` is 1-based as Excel shows it (for CSV, the record number,
which is the row Excel shows when it opens the file); column indexes are 0-based positions in
``RawTable.headers``. Multi-row headers (a group title over sub-headers) are not supported: the first row
with enough known headers is the header and a sub-header row below it is read as data.
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from partydesk.core.errors import ValidationError
from partydesk.core.io.roster_headers import (
    HEADER_SCAN_ROWS,
    MIN_KNOWN_HEADERS,
    count_known_headers,
    guess_mapping,
    is_fill_down_column,
)

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DATA_ROWS = 200_000
# A 50 MB xlsx is a zip; its XML can inflate far beyond what openpyxl can hold in memory (zip bombs).
MAX_XLSX_UNPACKED_BYTES = 600 * 1024 * 1024

CellValue = str | int | float | date | datetime | None
SourceKind = Literal["xlsx", "csv"]

_UTF8_BOM = b"\xef\xbb\xbf"
_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_SAVE_AS_ADVICE = "请在 Excel/WPS 中另存为 .xlsx（Excel 工作簿）或 CSV 后再导入。"


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
    headers: list[str]
    rows: list[RawRow]
    date1904: bool
    source_kind: SourceKind
    encoding: str = ""
    """The text encoding a CSV was decoded with ("utf-8", "utf-8-sig" or "gb18030"); "" for xlsx."""
    sheet_name: str = ""
    hidden_columns: frozenset[int] = field(default_factory=frozenset)


def read_table(path: str | os.PathLike[str], *, mapping: Mapping[int, str] | None = None) -> RawTable:
    """Read the roster table from an .xlsx or .csv file; raise ImportRejected when that is impossible.

    ``mapping`` (column index → field key) decides which merged columns are filled down; without it
    the guessed mapping is used. After the user corrects the mapping, read again with it.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix in {".xls", ".et", ".ett", ".ods", ".wps"}:
        raise ImportRejected(f"不能直接读取 {suffix} 文件：{_SAVE_AS_ADVICE}", code="file_type")
    if suffix not in _XLSX_SUFFIXES and suffix != ".csv":
        raise ImportRejected(
            f"不支持这种文件（{suffix or '无扩展名'}）：只能导入 .xlsx 或 .csv。{_SAVE_AS_ADVICE}",
            code="file_type",
        )
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise _unreadable("无法打开所选文件（文件不存在、正被占用或没有读取权限）。") from exc
    if size > MAX_FILE_BYTES:
        raise ImportRejected(
            f"文件太大（{size / 1024 / 1024:.1f} MB），最多能导入 {MAX_FILE_BYTES // 1024 // 1024} MB 的文件。"
            "请拆分后分批导入。",
            code="too_large",
        )
    if suffix == ".csv":
        return _read_csv(file)  # no merged cells in CSV, so the mapping changes nothing
    return _read_xlsx(file, mapping)


def _unreadable(message: str) -> ImportRejected:
    return ImportRejected(message, code="unreadable")


def _too_many_rows() -> ImportRejected:
    return ImportRejected(f"表格超过 {MAX_DATA_ROWS} 行，无法一次导入。请拆分后分批导入。", code="too_large")


def _no_header() -> ImportRejected:
    return ImportRejected(
        f"在表格前 {HEADER_SCAN_ROWS} 行中没有找到表头：表头行至少要有 {MIN_KNOWN_HEADERS} 个"
        "可识别的列名（如 姓名、性别、身份证号）。请检查是否选对了文件和工作表。",
        code="no_header",
    )


def _is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_text(value: object) -> str:
    return "" if value is None else str(value)


def _find_header(rows: Mapping[int, Mapping[int, str]]) -> int | None:
    """The first row number (1-based) among the top rows whose cells name enough known fields."""
    for number in range(1, HEADER_SCAN_ROWS + 1):
        if count_known_headers(list(rows.get(number, {}).values())) >= MIN_KNOWN_HEADERS:
            return number
    return None


def _fill_columns(headers: list[str], mapping: Mapping[int, str] | None) -> frozenset[int]:
    chosen = guess_mapping(headers) if mapping is None else mapping
    return frozenset(i for i, text in enumerate(headers) if is_fill_down_column(text, chosen.get(i)))


# --- xlsx -----------------------------------------------------------------------------------------


@contextmanager
def _quiet_openpyxl() -> Iterator[None]:
    # openpyxl warns about features it drops (data validation extensions, odd styles); they mean
    # nothing to the user and must not become errors under warnings-as-errors.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"openpyxl(\..*)?$")
        yield


def _check_workbook_container(file: Path) -> None:
    """Reject what is not an xlsx zip, or would inflate past the memory budget, before openpyxl sees it."""
    try:
        with file.open("rb") as handle:
            magic = handle.read(8)
        unpacked: int | None = None
        if zipfile.is_zipfile(file):
            with zipfile.ZipFile(file) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile) as exc:
        raise _unreadable("无法读取这个工作簿（文件可能已损坏或正被占用）。" + _SAVE_AS_ADVICE) from exc
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        # An OLE container: an .xls renamed to .xlsx, or an xlsx with an opening password.
        raise ImportRejected(
            "这个文件不是 .xlsx 格式（可能是改了扩展名的 .xls，或设置了打开密码）。"
            "请在 Excel/WPS 中取消打开密码并另存为 .xlsx 后再导入。",
            code="file_type",
        )
    if unpacked is None:
        raise _unreadable("文件内容不是有效的 Excel 工作簿（可能已损坏或不是 .xlsx）。" + _SAVE_AS_ADVICE)
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ImportRejected("工作簿解压后过大，无法导入。请拆分后分批导入。", code="too_large")


def _load_workbook(file: Path, *, read_only: bool, data_only: bool) -> Any:
    try:
        with _quiet_openpyxl():
            return openpyxl.load_workbook(file, read_only=read_only, data_only=data_only, keep_links=False)
    except MemoryError as exc:
        raise ImportRejected("工作簿太大，内存不足以读取。请拆分后分批导入。", code="too_large") from exc
    except Exception as exc:  # openpyxl raises anything from KeyError to XML errors on damaged files
        raise _unreadable("无法读取这个工作簿（文件可能已损坏）。" + _SAVE_AS_ADVICE) from exc


def _cells_by_row(ws: Any) -> dict[int, dict[int, Any]]:
    # Worksheet._cells holds only the cells present in the file. Public iteration (iter_rows) creates
    # a cell for every coordinate of the used rectangle, so one stray cell far to the right of a
    # 5 000-row roster would cost millions of objects.
    by_row: dict[int, dict[int, Any]] = {}
    for (row, column), cell in ws._cells.items():
        by_row.setdefault(row, {})[column] = cell
    return by_row


def _pick_sheet(wb: Any) -> tuple[Any, dict[int, dict[int, Any]], int]:
    """The first visible sheet that has a header row (an instructions sheet may come first)."""
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        by_row = _cells_by_row(ws)
        top = {
            number: {c: _header_text(cell.value) for c, cell in by_row.get(number, {}).items()}
            for number in range(1, HEADER_SCAN_ROWS + 1)
        }
        header_row = _find_header(top)
        if header_row is not None:
            return ws, by_row, header_row
    raise _no_header()


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s/>]")


def _has_formulas(file: Path) -> bool:
    """Whether any worksheet part holds a formula element (<f>), found by scanning the raw XML.

    Hand-typed rosters rarely contain formulas, and skipping the second openpyxl pass then halves the
    reading time.
    """
    try:
        with zipfile.ZipFile(file) as archive:
            for name in archive.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                with archive.open(name) as part:
                    tail = b""
                    while chunk := part.read(1 << 20):
                        # Keep a few bytes of the previous chunk so a tag split between reads is found.
                        if _FORMULA_TAG.search(tail + chunk):
                            return True
                        tail = chunk[-16:]
    except (OSError, zipfile.BadZipFile, RuntimeError) as exc:  # RuntimeError: encrypted member
        raise _unreadable("无法读取这个工作簿（文件可能已损坏）。" + _SAVE_AS_ADVICE) from exc
    return False


def _formula_cells(file: Path, sheet_name: str, first_row: int) -> set[tuple[int, int]]:
    """Coordinates of formula cells at or below ``first_row``.

    With data_only=True openpyxl shows a formula only as its cached value, so a formula with no cached
    value would look empty; a second, streaming pass without data_only tells them apart.
    """
    if not _has_formulas(file):
        return set()
    wb = _load_workbook(file, read_only=True, data_only=False)
    try:
        ws = wb[sheet_name]
        ws.reset_dimensions()  # the stored <dimension> can be wrong; read to the real end
        found: set[tuple[int, int]] = set()
        with _quiet_openpyxl():
            for row in ws.iter_rows(min_row=first_row):
                for cell in row:
                    if cell.data_type == "f":
                        found.add((cell.row, cell.column))
        return found
    except Exception as exc:
        raise _unreadable("无法读取这个工作簿（文件可能已损坏）。" + _SAVE_AS_ADVICE) from exc
    finally:
        wb.close()


def _typed_value(value: Any) -> CellValue:
    if isinstance(value, (time, timedelta)):
        # Time-of-day and duration cells have no meaning in a roster; text is enough to report them.
        return value.isoformat() if isinstance(value, time) else str(value)
    if value is None or isinstance(value, (str, int, float, date)):
        return value
    return str(value)


def _raw_cell(cell: Any, letter: str, formula: bool, merged_from: str | None = None) -> RawCell:
    value = _typed_value(cell.value)
    return RawCell(
        value=value,
        column_letter=letter,
        is_number=cell.data_type == "n" and isinstance(value, (int, float)) and not isinstance(value, bool),
        is_formula_without_value=formula and value is None,
        merged_from=merged_from,
        is_error=cell.data_type == "e",
    )


def _read_xlsx(file: Path, mapping: Mapping[int, str] | None) -> RawTable:
    _check_workbook_container(file)
    wb = _load_workbook(file, read_only=False, data_only=True)
    try:
        ws, by_row, header_row = _pick_sheet(wb)
        sheet_name: str = ws.title
        formulas = _formula_cells(file, sheet_name, header_row + 1)
        rows = _own_cells(by_row, header_row, formulas)

        header_cells = {
            column: _header_text(cell.value)
            for column, cell in by_row.get(header_row, {}).items()
            if not _is_blank(_header_text(cell.value))
        }
        # Width from content only: a header row formatted out to column XFD must not make 16 384 columns.
        width = max([*header_cells, *(index + 1 for cells in rows.values() for index in cells)], default=0)
        headers = [header_cells.get(column, "") for column in range(1, width + 1)]
        _apply_merged_ranges(ws, rows, header_row, width, _fill_columns(headers, mapping), formulas)

        hidden_columns = frozenset(
            index - 1
            for dim in ws.column_dimensions.values()
            if dim.hidden and dim.min is not None
            for index in range(dim.min, min(dim.max or dim.min, width) + 1)
        )
        return RawTable(
            header_row=header_row,
            headers=headers,
            rows=[
                RawRow(number, dict(sorted(rows[number].items())), hidden=_row_hidden(ws, number))
                for number in sorted(rows)
            ],
            date1904=wb.epoch == CALENDAR_MAC_1904,
            source_kind="xlsx",
            sheet_name=sheet_name,
            hidden_columns=hidden_columns,
        )
    finally:
        wb.close()


def _own_cells(
    by_row: Mapping[int, Mapping[int, Any]], header_row: int, formulas: set[tuple[int, int]]
) -> dict[int, dict[int, RawCell]]:
    """The non-blank cells of each data row; rows with none are skipped, even if a merge covers them."""
    rows: dict[int, dict[int, RawCell]] = {}
    for number, cells in by_row.items():
        if number <= header_row:
            continue
        own: dict[int, RawCell] = {}
        for column, cell in cells.items():
            if isinstance(cell, MergedCell):
                continue  # covered cells are built from the merged ranges afterwards
            raw = _raw_cell(cell, get_column_letter(column), (number, column) in formulas)
            if not _is_blank(raw.value) or raw.is_formula_without_value:
                own[column - 1] = raw
        if own:
            rows[number] = own
            if len(rows) > MAX_DATA_ROWS:
                raise _too_many_rows()
    return rows


def _row_hidden(ws: Any, number: int) -> bool:
    dim = ws.row_dimensions.get(number)  # .get: indexing the bound dict would create the entry
    return bool(dim is not None and dim.hidden)


def _apply_merged_ranges(
    ws: Any,
    rows: dict[int, dict[int, RawCell]],
    header_row: int,
    width: int,
    fill: frozenset[int],
    formulas: set[tuple[int, int]],
) -> None:
    """Mark every covered cell of a merged range in the kept rows; fill it in group-like columns."""
    for merged in ws.merged_cells.ranges:
        top, left = merged.min_row, merged.min_col
        source = ws._cells.get((top, left))
        origin = f"{get_column_letter(left)}{top}"
        # A range starting in the header or title rows is layout, never a value for the data rows.
        can_fill = top > header_row and source is not None
        for number in range(max(top, header_row + 1), merged.max_row + 1):
            cells = rows.get(number)
            if cells is None:
                continue
            for column in range(left, min(merged.max_col, width) + 1):
                if (number, column) == (top, left):
                    continue
                letter = get_column_letter(column)
                if can_fill and column - 1 in fill:
                    cells[column - 1] = _raw_cell(source, letter, (top, left) in formulas, origin)
                else:
                    cells[column - 1] = RawCell(value=None, column_letter=letter, merged_from=origin)


# --- csv ------------------------------------------------------------------------------------------


def _read_csv(file: Path) -> RawTable:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise _unreadable("无法打开所选文件（文件不存在、正被占用或没有读取权限）。") from exc
    if data.startswith(b"PK\x03\x04"):
        raise ImportRejected("这个文件其实是 Excel 工作簿而不是 CSV：请把扩展名改为 .xlsx 后再导入。", code="file_type")
    text, encoding = decode_csv_bytes(data)
    records = _parse_csv(text)
    top = {n: dict(enumerate(records[n - 1])) for n in range(1, min(len(records), HEADER_SCAN_ROWS) + 1)}
    header_row = _find_header(top)
    if header_row is None:
        raise _no_header()

    rows: list[RawRow] = []
    width = len(records[header_row - 1])
    for number in range(header_row + 1, len(records) + 1):
        values = records[number - 1]
        if all(not v.strip() for v in values):
            continue
        cells = {i: RawCell(value=v, column_letter=get_column_letter(i + 1)) for i, v in enumerate(values) if v.strip()}
        rows.append(RawRow(row_number=number, cells=cells))
        width = max(width, len(values))
        if len(rows) > MAX_DATA_ROWS:
            raise _too_many_rows()
    headers = list(records[header_row - 1]) + [""] * (width - len(records[header_row - 1]))
    return RawTable(
        header_row=header_row,
        headers=headers,
        rows=rows,
        date1904=False,
        source_kind="csv",
        encoding=encoding,
    )


def _parse_csv(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise _unreadable(f"CSV 文件第 {reader.line_num} 行格式错误，无法读取。" + _SAVE_AS_ADVICE) from exc
    # Some exports (WPS "文本文件", database tools) separate with tabs; try them when commas find no header.
    if not any(count_known_headers(r) >= MIN_KNOWN_HEADERS for r in records[:HEADER_SCAN_ROWS]):
        tab_reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=False)
        try:
            tabbed = list(tab_reader)
        except csv.Error as exc:
            raise _unreadable(f"CSV 文件第 {tab_reader.line_num} 行格式错误，无法读取。" + _SAVE_AS_ADVICE) from exc
        if any(count_known_headers(r) >= MIN_KNOWN_HEADERS for r in tabbed[:HEADER_SCAN_ROWS]):
            return tabbed
    return records


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes strictly as UTF-8 (with or without BOM), else GB18030; return (text, encoding).

    Nothing is ever dropped or replaced: a byte that neither encoding accepts raises ImportRejected
    ("encoding") naming its line and byte position.
    """
    bom = data.startswith(_UTF8_BOM)
    body = len(_UTF8_BOM) if bom else 0
    try:
        # Decoding after the BOM by hand keeps error offsets relative to the file (utf-8-sig's are not).
        return data[body:].decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as utf8_error:
        bad = body + utf8_error.start
        if bom or _looks_like_utf8(data[body:bad]):
            # A UTF-8 file with one bad byte often still "decodes" as GB18030, into mojibake; when the
            # file is clearly UTF-8, report its bad byte instead of guessing again.
            raise _encoding_error(data, bad) from utf8_error
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as gb_error:
            raise _encoding_error(data, gb_error.start) from gb_error


def _looks_like_utf8(prefix: bytes) -> bool:
    """True when the bytes before the UTF-8 failure hold at least two characters of three or more bytes.

    Everything before the failure point is valid UTF-8. GBK characters are two bytes and rarely line up
    into even one valid three-byte UTF-8 sequence, so two such characters are strong evidence of UTF-8.
    """
    text = prefix.decode("utf-8")
    return sum(1 for char in text if ord(char) >= 0x800) >= 2


def _encoding_error(data: bytes, offset: int) -> ImportRejected:
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    return ImportRejected(
        f"CSV 文件第 {line} 行第 {offset - line_start + 1} 个字节（0x{data[offset]:02X}，"
        f"全文第 {offset + 1} 个字节）无法识别为 UTF-8 或 GBK/GB18030 编码，文件可能已损坏。"
        "请用 Excel/WPS 打开后另存为“CSV UTF-8”或 .xlsx 再导入。",
        code="encoding",
        line=line,
        byte_offset=offset,
    )
