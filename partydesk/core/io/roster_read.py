"""Reading layer of the roster importer (花名册导入): a spreadsheet or CSV file in, raw cells out.

Workbooks (.xlsx/.xlsm, .xls, .xlsb, .ods) are read with python-calamine (``workbook_read``), CSV with
the standard library (``csv_read``). This layer only finds the table and reports what each cell
physically held; it never judges field values (dates, ID numbers, phones are validated later, by the
domain rules). So that validation can catch Excel's damage, the raw facts are kept rather than
smoothed over (RELIABILITY.md §4.3, §0 item 15):

* typed values stay typed: an ID typed as a number comes back as the number Excel stored, with
  ``is_number`` set, never stringified (an 18-digit number has already lost its last digits);
* a formula whose cached value is missing (the file was saved by a tool that does not calculate) is
  flagged instead of looking like an empty cell;
* merged ranges are filled down only in group-like columns (党小组, 工作单位, 支部…); elsewhere the
  covered cells stay empty and carry ``merged_from`` so validation can flag them;
* CSV bytes are decoded strictly (UTF-8 with or without BOM, then GB18030), and a byte neither can
  decode rejects the file with its position.

Row and column numbers: ``RawRow.row_number`` is 1-based as Excel shows it (for CSV, the record number,
which is the row Excel shows when it opens the file); column indexes are 0-based positions in
``RawTable.headers``. Multi-row headers (a group title over sub-headers) are not supported: the first row
with enough known headers is the header and a sub-header row below it is read as data.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from partydesk.core.io.csv_read import decode_csv_bytes, read_csv
from partydesk.core.io.raw_table import (
    SAVE_AS_ADVICE,
    CellValue,
    ImportRejected,
    RawCell,
    RawRow,
    RawTable,
    SourceKind,
    unreadable,
)
from partydesk.core.io.workbook_read import read_workbook

__all__ = [
    "MAX_COLUMNS",
    "MAX_DATA_ROWS",
    "MAX_FILE_BYTES",
    "MAX_SHEET_CELLS",
    "MAX_XLSX_UNPACKED_BYTES",
    "WORKBOOK_SUFFIXES",
    "CellValue",
    "ImportRejected",
    "RawCell",
    "RawRow",
    "RawTable",
    "SourceKind",
    "decode_csv_bytes",
    "read_table",
]

# The limits keep any file an office PC (4–8 GB) can be handed within about 500 MB and a few seconds to
# read, and say which limit was passed. Each is checked before the cells it guards are built: the
# file size first, the unpacked size and the filled range of a workbook before calamine reads it, the
# columns and line lengths of a CSV before it is split into fields.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DATA_ROWS = 100_000
# A 50 MB workbook is a zip; its XML can inflate far beyond what fits in memory (zip bombs).
MAX_XLSX_UNPACKED_BYTES = 600 * 1024 * 1024
# calamine holds a sheet as a dense rectangle, and each cell becomes a Python value and a RawCell
# (about 250 bytes all told): 1.5 million cells (50 000 rows of 30 columns) stay near 400 MB, while a
# stray value at XFD1 over 10 000 rows would be 164 million cells.
MAX_SHEET_CELLS = 1_500_000
# No roster form has more; a row wider than this is a damaged or hostile file.
MAX_COLUMNS = 256
# Merged ranges are listed one by one; more than this is no hand-made roster.
MAX_MERGED_RANGES = 20_000

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
# WPS's own formats (.et/.ett sheets, .wps documents) are not read; WPS saves .xlsx on request.
_WPS_SUFFIXES = frozenset({".et", ".ett", ".wps"})


def read_table(path: str | os.PathLike[str], *, mapping: Mapping[int, str] | None = None) -> RawTable:
    """Read the roster table from a workbook or CSV file; raise ImportRejected when that is impossible.

    ``mapping`` (column index → field key) decides which merged columns are filled down; without it
    the guessed mapping is used. After the user corrects the mapping, read again with it.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix in _WPS_SUFFIXES:
        raise ImportRejected(f"不能直接读取 WPS 的 {suffix} 文件：{SAVE_AS_ADVICE}", code="file_type")
    if suffix not in WORKBOOK_SUFFIXES and suffix != ".csv":
        raise ImportRejected(
            f"不支持这种文件（{suffix or '无扩展名'}）：只能导入 Excel 工作簿（.xlsx .xls .xlsm .xlsb）、"
            f"OpenDocument 表格（.ods）或 .csv。{SAVE_AS_ADVICE}",
            code="file_type",
        )
    try:
        size = file.stat().st_size
    except OSError as exc:
        raise unreadable("无法打开所选文件（文件不存在、正被占用或没有读取权限）。") from exc
    if size > MAX_FILE_BYTES:
        raise ImportRejected(
            f"文件太大（{size / 1024 / 1024:.1f} MB），最多能导入 {MAX_FILE_BYTES // 1024 // 1024} MB 的文件。"
            "请拆分后分批导入。",
            code="too_large",
        )
    if suffix == ".csv":
        # No merged cells in CSV, so the mapping changes nothing.
        return read_csv(file, max_rows=MAX_DATA_ROWS, max_columns=MAX_COLUMNS, max_cells=MAX_SHEET_CELLS)
    return read_workbook(file, mapping, max_rows=MAX_DATA_ROWS, max_unpacked=MAX_XLSX_UNPACKED_BYTES,
                         max_cells=MAX_SHEET_CELLS, max_columns=MAX_COLUMNS, max_merged=MAX_MERGED_RANGES)
