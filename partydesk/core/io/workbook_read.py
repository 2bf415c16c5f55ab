"""Reading a roster workbook (.xlsx/.xlsm, .xls, .xlsb, .ods) with python-calamine, a Rust reader.

calamine reads a 10 000-row roster 12–23× faster than openpyxl did. It returns values only, so what the
importer must also know comes from the file itself: ``xlsx_scan`` (formulas without a result, error
cells, hidden rows and columns, the 1904 date system, the filled range), ``ods_scan`` (the same plus
merged ranges, which calamine gives for .xlsx and .xls only) and ``xls_scan`` (error cells, hidden rows
and columns, the date system; BIFF always stores a formula's result). For .xlsb calamine's values are all
there is: hidden rows and columns are not reported, an error cell reads as empty, serial numbers typed
into date columns are taken in the 1900 date system (real date cells are converted by calamine in the
workbook's own system), and there are no merged ranges, so a merged cell reads as empty below its first
row (a merged 党小组 is then missing for those members, a merged 姓名 rejects them as nameless).

The format is told by the file's content, not its name: an .xls saved as ".xlsx" is read as .xls.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from partydesk.core.io.ods_scan import ods_layout
from partydesk.core.io.raw_table import (
    SAVE_AS_ADVICE,
    CellValue,
    Coordinate,
    ImportRejected,
    RawCell,
    RawRow,
    RawTable,
    SheetFacts,
    SourceKind,
    column_letter,
    fill_columns,
    find_header,
    header_block,
    header_text,
    is_blank,
    no_header,
    nothing_in_it,
    too_many_columns,
    too_many_rows,
    unreadable,
)
from partydesk.core.io.roster_headers import HEADER_SCAN_ROWS
from partydesk.core.io.xls_scan import xls_layout
from partydesk.core.io.xlsx_scan import check_extent, sheet_facts, style_kinds, workbook_layout

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")  # the stream a password-protected .xlsx keeps in OLE
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_DAMAGED = "无法读取这个工作簿（文件可能已损坏）。" + SAVE_AS_ADVICE
_PASSWORD = "这个工作簿设置了打开密码，无法读取。请在 Excel/WPS 中取消打开密码并另存为 .xlsx 后再导入。"
# Excel keeps 15 significant digits; a whole number within them is an int, as the user typed it.
_EXACT_INTEGER = 1e15
# Distinct texts a column may show before its cells stop being shared (names and IDs never repeat).
_CACHED_TEXTS = 200


class _Layout:
    """What the container says before calamine reads it: the format and each sheet's facts."""

    def __init__(self, kind: SourceKind, date1904: bool = False) -> None:
        self.kind = kind
        self.date1904 = date1904
        self.sheet_facts: dict[str, SheetFacts] = {}
        """Facts read up front (.ods, .xls), by sheet name; .xlsx sheets are scanned one by one."""
        self.xlsx_parts: dict[str, str] = {}
        self.xlsx_styles: dict[int, str] = {}  # cell style index → how its number format shows a roster date


def _sniff(file: Path, *, max_unpacked: int, max_cells: int) -> _Layout:
    """The workbook's format by content, with the checks that must run before calamine allocates."""
    try:
        with file.open("rb") as handle:
            head = handle.read(8)
        if head.startswith(_OLE_MAGIC):
            data = file.read_bytes()
            if _ENCRYPTED in data:
                raise ImportRejected(_PASSWORD, code="file_type")
            xls = xls_layout(data)
            layout = _Layout("xls", xls.date1904)
            layout.sheet_facts = xls.sheets
            return layout
        if not zipfile.is_zipfile(file):
            raise unreadable("文件内容不是有效的 Excel 工作簿（可能已损坏或不是表格文件）。" + SAVE_AS_ADVICE)
        with zipfile.ZipFile(file) as archive:
            if sum(info.file_size for info in archive.infolist()) > max_unpacked:
                raise ImportRejected("工作簿解压后过大，无法导入。请拆分后分批导入。", code="too_large")
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").startswith(_ODS_MIME):
                ods = ods_layout(archive, max_cells=max_cells)
                layout = _Layout("ods", ods.date1904)
                layout.sheet_facts = ods.sheets
                return layout
            if "xl/workbook.bin" in names:
                return _Layout("xlsb")
            if "xl/workbook.xml" not in names:
                raise unreadable("文件内容不是有效的 Excel 工作簿（可能已损坏或不是 .xlsx）。" + SAVE_AS_ADVICE)
            date1904, parts = workbook_layout(archive)
            layout = _Layout("xlsx", date1904)
            layout.xlsx_parts = parts
            layout.xlsx_styles = style_kinds(archive)
            return layout
    except ImportRejected:
        raise
    except MemoryError as exc:
        raise ImportRejected("工作簿太大，内存不足以读取。请拆分后分批导入。", code="too_large") from exc
    except (OSError, zipfile.BadZipFile, RuntimeError, KeyError, SyntaxError) as exc:
        # RuntimeError: an encrypted zip member; SyntaxError: ElementTree's ParseError on damaged XML.
        raise unreadable(_DAMAGED) from exc


def _facts(file: Path, layout: _Layout, sheet: str, max_cells: int) -> SheetFacts:
    if layout.kind == "ods":
        return layout.sheet_facts.get(sheet, SheetFacts(merged=[]))
    if layout.kind == "xls":
        return layout.sheet_facts.get(sheet, SheetFacts())
    part = layout.xlsx_parts.get(sheet)
    if layout.kind != "xlsx" or part is None:
        return SheetFacts()
    try:
        with zipfile.ZipFile(file) as archive:
            data = archive.read(part)
    except (OSError, zipfile.BadZipFile, RuntimeError, KeyError) as exc:
        raise unreadable(_DAMAGED) from exc
    check_extent(data, sheet, max_cells)
    return sheet_facts(data, layout.xlsx_styles)


def _typed(value: Any) -> CellValue:
    """A calamine value as the importer sees it ("" means empty)."""
    if value.__class__ is float:
        return int(value) if value.is_integer() and abs(value) < _EXACT_INTEGER else value
    if isinstance(value, (time, timedelta)):
        # Time-of-day and duration cells have no meaning in a roster; text is enough to report them.
        return value.isoformat() if isinstance(value, time) else str(value)
    if value is None or isinstance(value, (str, int, date)):
        return value
    return str(value)


class _CellMaker:
    """Builds RawCells for one sheet, with the flags its facts call for."""

    def __init__(self, facts: SheetFacts) -> None:
        self.facts = facts
        self.letters: list[str] = []

    def letter(self, column: int) -> str:
        while len(self.letters) <= column:
            self.letters.append(column_letter(len(self.letters) + 1))
        return self.letters[column]

    def cell(self, where: Coordinate, value: Any, merged_from: str | None = None) -> RawCell | None:
        """The cell at ``where`` (0-based) holding calamine's ``value``; None when it is simply empty."""
        if value == "" or value is None:
            error = self.facts.errors.get(where)
            if error is not None:
                return RawCell(error, self.letter(where[1]), is_error=True, merged_from=merged_from)
            if where in self.facts.formulas_without_value:
                return RawCell(None, self.letter(where[1]), is_formula_without_value=True, merged_from=merged_from)
            return None
        typed = _typed(value)
        number = typed.__class__ in (int, float)  # bool is an int subclass but not a number cell
        return RawCell(typed, self.letter(where[1]), is_number=number, merged_from=merged_from,
                       shown=self.facts.shown.get(where, ""))


def read_workbook(
    file: Path, mapping: Mapping[int, str] | None, *, max_rows: int, max_unpacked: int, max_cells: int,
    max_columns: int, max_merged: int,
) -> RawTable:
    """The roster table of the first visible sheet with a header row; ImportRejected when impossible."""
    layout = _sniff(file, max_unpacked=max_unpacked, max_cells=max_cells)
    try:
        with file.open("rb") as handle:
            workbook = CalamineWorkbook.from_filelike(handle)
    except PasswordError as exc:
        raise ImportRejected(_PASSWORD, code="file_type") from exc
    except MemoryError as exc:
        raise ImportRejected("工作簿太大，内存不足以读取。请拆分后分批导入。", code="too_large") from exc
    except (CalamineError, OSError, ValueError) as exc:
        if layout.kind == "xls":
            raise ImportRejected("无法读取这个文件：它可能设置了打开密码，或已损坏。请在 Excel/WPS 中取消打开密码"
                                 "并另存为 .xlsx 后再导入。", code="file_type") from exc
        raise unreadable(_DAMAGED) from exc
    try:
        found: RawTable | None = None
        others: list[str] = []
        looked_at: list[str] = []  # the visible sheets read for a header
        any_text = False
        for meta in workbook.sheets_metadata:
            if meta.visible != SheetVisibleEnum.Visible or meta.typ != SheetTypeEnum.WorkSheet:
                continue
            if found is not None:  # only named, so the office knows they were not read
                try:
                    _facts(file, layout, meta.name, max_cells)  # (refuses a range too wide before calamine reads it)
                except ImportRejected:
                    continue
                if _header_row(workbook, meta.name) is not None:
                    others.append(meta.name)
                continue
            facts = _facts(file, layout, meta.name, max_cells)
            header_row = _header_row(workbook, meta.name)
            looked_at.append(meta.name)
            any_text = any_text or header_row is not None or _has_text(workbook, meta.name)
            if header_row is not None:
                sheet = workbook.get_sheet_by_name(meta.name)
                try:
                    values = sheet.to_python(skip_empty_area=False)
                except CalamineError as exc:
                    raise unreadable(_DAMAGED) from exc
                limits = _Limits(max_rows, max_columns, max_merged)
                found = _table(values, header_row, facts, mapping, layout, meta.name, sheet.merged_cell_ranges,
                               limits)
    finally:
        workbook.close()
    if found is None:
        raise no_header() if any_text else nothing_in_it(looked_at)
    return replace(found, other_sheets=tuple(others)) if others else found


def _has_text(workbook: CalamineWorkbook, name: str) -> bool:
    """Whether any cell of the sheet holds something (asked only of a sheet without a header)."""
    try:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=True)
    except CalamineError as exc:
        raise unreadable(_DAMAGED) from exc
    return any(not is_blank(header_text(_typed(v))) for row in rows for v in row)


def _header_row(workbook: CalamineWorkbook, name: str) -> int | None:
    """The row number of the sheet's roster header among its first rows, or None."""
    try:
        top = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=HEADER_SCAN_ROWS)
    except CalamineError as exc:
        raise unreadable(_DAMAGED) from exc
    return find_header({n: {c: header_text(_typed(v)) for c, v in enumerate(row)}
                        for n, row in enumerate(top, start=1)})


def _table(
    values: Sequence[Sequence[Any]],
    header_row: int,
    facts: SheetFacts,
    mapping: Mapping[int, str] | None,
    layout: _Layout,
    sheet_name: str,
    calamine_merged: list[tuple[Coordinate, Coordinate]] | None,
    limits: _Limits,
) -> RawTable:
    merged = _clipped(facts.merged if facts.merged is not None else (calamine_merged or []), values, limits)
    maker = _CellMaker(facts)
    first, header_row, header_cells = _header(values, header_row, merged)
    covered = {
        (r, c)
        for (top, left), (bottom, right) in merged
        for r in range(max(top, header_row), bottom + 1)
        for c in range(left, right + 1)
        if (r, c) != (top, left)
    }
    rows = _own_cells(values, header_row, maker, covered, limits.rows)
    # Width from content only: a header row formatted out to column XFD must not make 16 384 columns.
    width = max([*(c + 1 for c in header_cells), *(c + 1 for cells in rows.values() for c in cells)], default=0)
    if width > limits.columns:
        widest = max(rows, key=lambda n: max(rows[n], default=0), default=header_row - 1)
        raise too_many_columns(widest + 1, width, limits.columns)
    headers = [header_cells.get(c, "") for c in range(width)]
    touched = _apply_merged(values, merged, rows, header_row, width, fill_columns(headers, mapping), maker)
    for n in touched:
        rows[n] = dict(sorted(rows[n].items()))  # cells from merged ranges were added out of column order
    hidden = facts.hidden_rows
    return RawTable(
        header_row=header_row,
        headers=headers,
        rows=[RawRow(n + 1, cells, hidden=n in hidden) for n, cells in rows.items()],
        date1904=layout.date1904,
        source_kind=layout.kind,
        sheet_name=sheet_name,
        hidden_columns=frozenset(c for c in facts.hidden_columns if c < width),
        header_first=first if first != header_row else 0,
    )


def _header(values: Sequence[Sequence[Any]], found: int,
            merged: list[tuple[Coordinate, Coordinate]]) -> tuple[int, int, dict[int, str]]:
    """``header_block`` over the sheet: the text of the rows around ``found``, each merged range's text in
    every cell it covers (序号 merged down two header rows names the column in both)."""
    near = range(max(found - 2, 0), min(found + 1, len(values)))  # 0-based: the rows above, at and below
    texts: dict[int, dict[int, str]] = {
        r + 1: {c: text for c, value in enumerate(values[r]) if not is_blank(text := header_text(_typed(value)))}
        for r in near}
    spans_below = above = False  # a merged header cell reaching down from ``found``, or into it from the row above
    for (top, left), (bottom, right) in merged:
        if bottom < near.start or top >= near.stop:
            continue
        text = header_text(_typed(values[top][left])) if left < len(values[top]) else ""
        for r in range(max(top, near.start), min(bottom, near.stop - 1) + 1):
            for c in range(left, right + 1):
                if not is_blank(text):
                    texts[r + 1].setdefault(c, text)
        spans_below = spans_below or (top == found - 1 and bottom >= found)
        above = above or (top == found - 2 and bottom >= found - 1 and not is_blank(text))
    first, last, names = header_block(texts, found, spans_below=spans_below)
    return (found - 1 if above else first), last, names


@dataclass(frozen=True)
class _Limits:
    rows: int
    columns: int
    merged: int


def _clipped(
    merged: list[tuple[Coordinate, Coordinate]], values: Sequence[Sequence[Any]], limits: _Limits
) -> list[tuple[Coordinate, Coordinate]]:
    """Merged ranges cut to the cells the sheet holds: a range over F2:XFD1048576 covers no more than the data.

    Expanding such a range cell by cell once took 4 GB for a 2 KB file.
    """
    if len(merged) > limits.merged:
        raise ImportRejected(
            f"表格中有 {len(merged):,} 个合并单元格区域，超过一次最多能处理的 {limits.merged:,} 个。"
            "请取消合并单元格（或另存为 .csv）后再导入。",
            code="too_large",
        )
    last_row = len(values) - 1
    last_column = max((len(row) for row in values), default=0) - 1
    clipped = []
    for (top, left), (bottom, right) in merged:
        if top > last_row or left > last_column:
            continue
        clipped.append(((top, left), (min(bottom, last_row), min(right, last_column))))
    return clipped


def _own_cells(
    values: Sequence[Sequence[Any]], header_row: int, maker: _CellMaker, covered: set[Coordinate], max_rows: int
) -> dict[int, dict[int, RawCell]]:
    """The non-blank cells of each data row (0-based row → column → cell); rows with none are skipped.

    This loop runs once per cell (260 000 for a 10 000-member roster), so plain text, by far the most
    common cell, takes a short path, and a column's repeated texts (性别, 民族, 党小组…) share one
    immutable RawCell until the column shows too many different values to be worth caching.
    """
    rows: dict[int, dict[int, RawCell]] = {}
    flagged = maker.facts.errors.keys() | maker.facts.formulas_without_value
    width = max((len(row) for row in values), default=0)
    letters = [maker.letter(c) for c in range(width)]
    caches: list[dict[str, RawCell] | None] = [{} for _ in range(width)]
    for r in range(header_row, len(values)):
        own: dict[int, RawCell] = {}
        for c, value in enumerate(values[r]):
            if value.__class__ is str:
                if not value or value.isspace():
                    flagged_cell = maker.cell((r, c), value) if not value and (r, c) in flagged else None
                    if flagged_cell is not None:
                        own[c] = flagged_cell
                    continue
                if covered and (r, c) in covered:
                    continue  # covered cells are built from the merged ranges afterwards
                cache = caches[c]
                if cache is None:
                    own[c] = RawCell(value, letters[c])
                    continue
                cell = cache.get(value)
                if cell is None:
                    cell = cache[value] = RawCell(value, letters[c])
                    if len(cache) > _CACHED_TEXTS:
                        caches[c] = None
                own[c] = cell
            elif not (covered and (r, c) in covered):
                made = maker.cell((r, c), value)
                if made is not None:
                    own[c] = made
        if own:
            rows[r] = own
            if len(rows) > max_rows:
                raise too_many_rows(max_rows)
    return rows


def _apply_merged(
    values: Sequence[Sequence[Any]],
    merged: list[tuple[Coordinate, Coordinate]],
    rows: dict[int, dict[int, RawCell]],
    header_row: int,
    width: int,
    fill: frozenset[int],
    maker: _CellMaker,
) -> set[int]:
    """Mark every covered cell of a merged range in the kept rows; fill it in group-like columns.

    Returns the rows that received cells.
    """
    touched: set[int] = set()
    for (top, left), (bottom, right) in merged:
        origin = f"{column_letter(left + 1)}{top + 1}"
        source = values[top][left] if top < len(values) and left < len(values[top]) else ""
        # A range starting in the header or title rows is layout, never a value for the data rows.
        can_fill = top >= header_row
        for r in range(max(top, header_row), bottom + 1):
            cells = rows.get(r)
            if cells is None:
                continue
            touched.add(r)
            for c in range(left, min(right, width - 1) + 1):
                if (r, c) == (top, left):
                    continue
                filled = maker.cell((top, left), source, origin) if can_fill and c in fill else None
                if filled is not None:
                    cells[c] = RawCell(filled.value, maker.letter(c), filled.is_number,
                                       filled.is_formula_without_value, origin, filled.is_error, filled.shown)
                else:
                    cells[c] = RawCell(value=None, column_letter=maker.letter(c), merged_from=origin)
    return touched
