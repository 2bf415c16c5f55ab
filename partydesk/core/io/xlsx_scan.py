"""What an .xlsx/.xlsm file says beyond its cell values, read from the raw XML next to python-calamine.

calamine returns values only. From the workbook XML we still need: the date system (1900 or 1904), which
sheet part holds which sheet, and per sheet the cells holding an error value or a formula without a
cached result (both look like empty cells in calamine), hidden rows and columns, and how far the filled
cells reach, so that a stray cell at XFD1 is refused instead of making calamine allocate a dense range
of 16 384 columns × every row (5 GB and 15 s for a 10 000-row roster). Each check first looks for its
marker with a plain byte search, so a hand-typed roster with none of them costs almost nothing.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from xml.etree import ElementTree

from partydesk.core.io.raw_table import SheetFacts, column_number, too_wide_range

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="[A-Z]*\d*:?([A-Z]+)(\d+)"')
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_COL = re.compile(rb'<(?:\w+:)?col\b[^>]*>')
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
# A cell with content (not self-closing): what calamine turns into a value and counts in its range.
_FILLED_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d+)"[^>]*?(?<!/)>\s*<(?!/)')
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s/>]")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_INLINE = re.compile(rb"<(?:\w+:)?is>")
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_ERROR_TYPE = re.compile(rb'\bt="e"')
_STRING_TYPE = re.compile(rb'\bt="(?:str|s|inlineStr)"')
_ATTR = re.compile(rb'\b(min|max|hidden)="([^"]*)"')


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def workbook_layout(archive: zipfile.ZipFile) -> tuple[bool, dict[str, str]]:
    """(date1904, sheet name → part name in the zip) from xl/workbook.xml and its relationships."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    date1904 = False
    sheets: dict[str, str] = {}
    for element in workbook.iter():
        name = _local(element.tag)
        if name == "workbookPr":
            date1904 = element.get("date1904", "").lower() in ("1", "true")
        elif name == "sheet":
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            sheets[element.get("name", "")] = rid
    targets: dict[str, str] = {}
    try:
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        rels = ElementTree.Element("none")
    for rel in rels.iter():
        target = rel.get("Target")
        if _local(rel.tag) == "Relationship" and target:
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            targets[rel.get("Id", "")] = part
    return date1904, {name: targets[rid] for name, rid in sheets.items() if rid in targets}


def check_extent(data: bytes, sheet: str, max_cells: int) -> None:
    """Refuse a sheet whose filled cells span more than ``max_cells`` (rows × columns)."""
    declared = _DIMENSION.search(data, 0, 4096)
    if declared is not None and column_number(declared[1].decode()) * int(declared[2]) <= max_cells:
        return  # the declared range holds every cell, styled ones included, and is small enough
    last_row, last_column = 0, 0
    for match in _FILLED_CELL.finditer(data):
        last_column = max(last_column, column_number(match[1].decode()))
        last_row = max(last_row, int(match[2]))
    if last_row * last_column > max_cells:
        raise too_wide_range(sheet, last_column, last_row, max_cells)


# Built-in number formats (no numFmt element of their own) that show a date as year and month only: 17
# mmm-yy, and the Chinese locale's yyyy"年"m"月" (27, 36, 50, 52, 57); and those showing two decimals.
BUILTIN_KINDS = {17: "ym", 27: "ym", 36: "ym", 50: "ym", 52: "ym", 57: "ym", 2: "d2", 4: "d2"}
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_DECIMALS = re.compile(r"[#,]*0\.(0+)")
_STYLED_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?\bs="(\d+)"[^>]*?)(?:/>|>)')


def format_kind(code: str) -> str:
    """How a number format shows a roster date: "ym" (year and month, no day), "y" (the year alone), "dN" (a
    number with N decimals) or "" (anything else)."""
    bare = _LITERALS.sub("", code.split(";")[0]).lower()
    if "y" in bare and not any(part in bare for part in ("d", "h", "s", "a")):
        return "ym" if "m" in bare else "y"
    decimals = _DECIMALS.fullmatch(bare.strip())
    return f"d{len(decimals[1])}" if decimals else ""


def style_kinds(archive: zipfile.ZipFile) -> dict[int, str]:
    """Cell style index → ``format_kind`` of its number format, for the styles where it is not ""."""
    try:
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return {}
    custom = {int(e.get("numFmtId", "-1")): e.get("formatCode", "") for e in styles.iter()
              if _local(e.tag) == "numFmt" and e.get("numFmtId", "").isdigit()}
    cell_styles = next((e for e in styles.iter() if _local(e.tag) == "cellXfs"), None)
    kinds: dict[int, str] = {}
    for index, xf in enumerate(e for e in (cell_styles if cell_styles is not None else ()) if _local(e.tag) == "xf"):
        number = int(xf.get("numFmtId", "0")) if xf.get("numFmtId", "0").isdigit() else 0
        kind = format_kind(custom[number]) if number in custom else BUILTIN_KINDS.get(number, "")
        if kind:
            kinds[index] = kind
    return kinds


def sheet_facts(data: bytes, styles: dict[int, str] | None = None) -> SheetFacts:
    """Error cells, formulas without a cached value, hidden rows and columns of one sheet's XML, and the
    number and date cells whose style (``styles``, from ``style_kinds``) decides how they read."""
    facts = SheetFacts()
    if styles:
        for match in _STYLED_CELL.finditer(data):
            kind = styles.get(int(match[2]))
            ref = _REF.search(match[1]) if kind else None
            if ref is not None and _STRING_TYPE.search(match[1]) is None:
                facts.shown[(int(ref[2]) - 1, column_number(ref[1].decode()) - 1)] = kind or ""
    if b"hidden=" in data:
        for match in _HIDDEN_ROW.finditer(data):
            number = _ROW_NUMBER.search(match[0])
            if number is not None:
                facts.hidden_rows.add(int(number[1]) - 1)
        for match in _COL.finditer(data):
            column: dict[bytes, bytes] = dict(_ATTR.findall(match[0]))
            first = column.get(b"min")
            if column.get(b"hidden") in (b"1", b"true") and first is not None:
                facts.hidden_columns.update(range(int(first) - 1, int(column.get(b"max", first))))
    if _FORMULA_TAG.search(data) is None and b't="e"' not in data:
        return facts
    for match in _CELL.finditer(data):
        attrs, body = match[1], match[2] or b""
        ref = _REF.search(attrs)
        if ref is None:
            continue  # a writer may leave out positions; calamine still reads the value
        where = (int(ref[2]) - 1, column_number(ref[1].decode()) - 1)
        value = _VALUE.search(body)
        if _ERROR_TYPE.search(attrs):
            facts.errors[where] = value[1].decode("utf-8", "replace") if value else "#VALUE!"
        elif _FORMULA_TAG.search(body) and _INLINE.search(body) is None and (
            value is None or (not value[1] and _STRING_TYPE.search(attrs) is None)
        ):
            facts.formulas_without_value.add(where)
    return facts
