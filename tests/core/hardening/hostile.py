"""Builders for small files that once exhausted memory or time, made as raw bytes (no writer library).

A library writer cannot make most of them: openpyxl materialises every cell of a merged range, which is
the very bomb. So the .xlsx parts are written by hand, as small as Excel's own would be.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = ["姓名", "性别", "公民身份号码", "入党日期", "人员类别"]
ROW = ["张三", "男", "11010519491231002X", "1990-07-01", "正式党员"]

_CT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _row_xml(number: int, values: Iterable[str], first_col: int = 0) -> str:
    cells = "".join(
        f'<c r="{_column(first_col + i)}{number}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
        for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'


def write_xlsx(path: Path, sheet_rows: Iterable[str], *, merges: Iterable[str] = (), dimension: str = "") -> Path:
    """An .xlsx whose one sheet holds the given ``<row>`` elements (streamed into the zip)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WB)
        zf.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(_SHEET_HEAD.encode())
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            for row in sheet_rows:
                sheet.write(row.encode())
            sheet.write(b"</sheetData>")
            merge_list = list(merges)
            if merge_list:
                body = "".join(f'<mergeCell ref="{m}"/>' for m in merge_list)
                sheet.write(f'<mergeCells count="{len(merge_list)}">{body}</mergeCells>'.encode())
            sheet.write(b"</worksheet>")
    return path


def good_roster_rows() -> list[str]:
    """A header and one valid member."""
    return [_row_xml(1, HEADER), _row_xml(2, ROW)]


def merge_bomb(path: Path) -> Path:
    """A 2 KB roster with one merged range F2:XFD1048576 (once 4 GB in 40 s)."""
    return write_xlsx(path, good_roster_rows(), merges=["F2:XFD1048576"])


def far_cell(path: Path) -> Path:
    """A roster plus one value in the sheet's last cell: a dense reader would allocate 17 billion cells."""
    rows = [*good_roster_rows(), _row_xml(1048576, ["x"], first_col=16383)]
    return write_xlsx(path, rows)


def cell_bomb(path: Path, *, rows: int = 20_000, cols: int = 150) -> Path:
    """Tiny cells in a small file (once 78 s and 4.1 GB before being refused)."""
    def body() -> Iterable[str]:
        yield _row_xml(1, HEADER)
        line = "".join(f'<c r="{_column(c)}{{n}}"><v>1</v></c>' for c in range(cols))
        for n in range(2, rows + 2):
            yield f'<row r="{n}">' + line.replace("{n}", str(n)) + "</row>"
    return write_xlsx(path, body())


def million_rows(path: Path) -> Path:
    """One million one-cell rows (once refused only after 82 s at 2.3 GB)."""
    def body() -> Iterable[str]:
        yield _row_xml(1, HEADER)
        for n in range(2, 1_000_002):
            yield f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>'
    return write_xlsx(path, body())


def comma_csv(path: Path, size: int = 9_500_000) -> Path:
    """A CSV that is almost nothing but commas (once past 4 GB in 13 s)."""
    with path.open("wb") as fh:
        fh.write(",".join(HEADER).encode("utf-8") + b"\r\n")
        fh.write(b"," * size)
    return path


def wide_csv(path: Path) -> Path:
    """A roster with a value in column 20 004 (once a traceback)."""
    with path.open("wb") as fh:
        fh.write(",".join(HEADER).encode("utf-8") + b"\r\n")
        fh.write((",".join(ROW) + "," * 20_000 + "x\r\n").encode("utf-8"))
    return path
