"""Reading a roster CSV: strict decoding (UTF-8 with or without BOM, then GB18030) and the table in it.

GB18030 is a superset of the GBK that Chinese Excel writes. Nothing is ever dropped or replaced: a byte
neither encoding accepts rejects the file with its line and position. Row numbers are record numbers,
which is the row Excel shows when it opens the file; every value is text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from partydesk.core.io.raw_table import (
    SAVE_AS_ADVICE,
    ImportRejected,
    RawCell,
    RawRow,
    RawTable,
    column_letter,
    find_header,
    header_block,
    no_header,
    nothing_in_it,
    too_many_columns,
    too_many_rows,
    unreadable,
)
from partydesk.core.io.roster_headers import HEADER_SCAN_ROWS, MIN_KNOWN_HEADERS, count_known_headers

_UTF8_BOM = b"\xef\xbb\xbf"


def read_csv(file: Path, *, max_rows: int, max_columns: int, max_cells: int) -> RawTable:
    """The roster table of a CSV file; ImportRejected when it cannot be decoded, passes a limit or has no header."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise unreadable("无法打开所选文件（文件不存在、正被占用或没有读取权限）。") from exc
    if data.startswith(b"PK\x03\x04"):
        raise ImportRejected("这个文件其实是 Excel 工作簿而不是 CSV：请把扩展名改为 .xlsx 后再导入。", code="file_type")
    text, encoding = decode_csv_bytes(data)
    _check_shape(text, max_columns=max_columns, max_cells=max_cells)
    records = _parse_csv(text)
    top = {n: dict(enumerate(records[n - 1])) for n in range(1, min(len(records), HEADER_SCAN_ROWS + 1) + 1)}
    found = find_header(top)
    if found is None:
        raise no_header() if any(v.strip() for record in records for v in record) else nothing_in_it()
    first, header_row, names = header_block(top, found)

    rows: list[RawRow] = []
    width = max([len(records[header_row - 1]), *(c + 1 for c in names)])
    for number in range(header_row + 1, len(records) + 1):
        values = records[number - 1]
        if all(not v.strip() for v in values):
            continue
        cells = {i: RawCell(value=v, column_letter=column_letter(i + 1)) for i, v in enumerate(values) if v.strip()}
        rows.append(RawRow(row_number=number, cells=cells))
        width = max(width, len(values))
        if len(rows) > max_rows:
            raise too_many_rows(max_rows)
    headers = [names.get(c, "") for c in range(width)]
    return RawTable(
        header_row=header_row, headers=headers, rows=rows, date1904=False, source_kind="csv", encoding=encoding,
        header_first=first if first != header_row else 0,
    )


def _check_shape(text: str, *, max_columns: int, max_cells: int) -> None:
    """Refuse a line with more separators than ``max_columns`` allows, or more cells in all, before parsing.

    The csv module would build every field of a line first: 9.5 million commas are 9.5 million strings.
    Counting separators per physical line overestimates only where a quoted field holds one, which no
    roster has hundreds of.
    """
    cells = 0
    for number, line in enumerate(text.splitlines(), start=1):
        fields = max(line.count(","), line.count("\t")) + 1
        if fields > max_columns:
            raise too_many_columns(number, fields, max_columns)
        cells += fields
        if cells > max_cells:
            raise ImportRejected(
                f"CSV 文件到第 {number} 行已超过 {max_cells:,} 个单元格，超过一次最多能导入的数量。请拆分后分批导入。",
                code="too_large",
            )


def _parse_csv(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise unreadable(f"CSV 文件第 {reader.line_num} 行格式错误，无法读取。" + SAVE_AS_ADVICE) from exc
    # Some exports (WPS "文本文件", database tools) separate with tabs; try them when commas find no header.
    if not any(count_known_headers(r) >= MIN_KNOWN_HEADERS for r in records[:HEADER_SCAN_ROWS]):
        tab_reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=False)
        try:
            tabbed = list(tab_reader)
        except csv.Error as exc:
            raise unreadable(f"CSV 文件第 {tab_reader.line_num} 行格式错误，无法读取。" + SAVE_AS_ADVICE) from exc
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
