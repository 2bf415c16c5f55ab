"""What an .ods file (OpenDocument, LibreOffice/WPS) says beyond its cell values, from content.xml.

python-calamine reads ODS values but gives no merged ranges for ODS, reads error cells as "", and knows
nothing of hidden rows and columns. One streaming pass over content.xml collects, per sheet: merged
ranges (``number-columns-spanned``/``number-rows-spanned``), hidden (collapsed or filtered) rows and
columns, error cells (``calcext:value-type="error"``), formulas saved without a result, how far the
filled cells reach (refused past the cell budget, before calamine allocates them), and the null date
(1904-01-01 is the Mac date system for serial numbers in date columns).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from partydesk.core.io.raw_table import SheetFacts, too_wide_range

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_T = f"{{{_TABLE}}}"
_CELL_TAGS = frozenset({f"{_T}table-cell", f"{_T}covered-table-cell"})
_HIDDEN = frozenset({"collapse", "filter"})
# A row or column repeated this often is trailing formatting: a real roster has no such runs of
# identical hidden rows, and marking them one by one would cost a million set entries.
_MAX_MARKED_REPEAT = 10_000


@dataclass
class OdsLayout:
    """Every sheet's facts by sheet name, and whether serial numbers count from 1904."""

    date1904: bool = False
    sheets: dict[str, SheetFacts] = field(default_factory=dict)


def _int(value: str | None, default: int = 1) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


class _Walker:
    """Tracks the row and column position while content.xml streams past."""

    def __init__(self, max_cells: int) -> None:
        self.max_cells = max_cells
        self.layout = OdsLayout()
        self.facts = SheetFacts(merged=[])
        self.sheet = ""
        self.row = 0
        self.column = 0
        self.table_column = 0
        self.last_row = 0
        self.last_column = 0
        self.depth = 0  # nested tables (rare sub-tables) are skipped

    def start_table(self, element: ElementTree.Element) -> None:
        self.depth += 1
        if self.depth == 1:
            self.sheet = element.get(f"{_T}name", "")
            self.facts = SheetFacts(merged=[])
            self.row = self.table_column = self.last_row = self.last_column = 0

    def end_table(self) -> None:
        self.depth -= 1
        if self.depth == 0:
            self.layout.sheets[self.sheet] = self.facts

    def column_element(self, element: ElementTree.Element) -> None:
        repeat = _int(element.get(f"{_T}number-columns-repeated"))
        if element.get(f"{_T}visibility") in _HIDDEN and repeat <= _MAX_MARKED_REPEAT:
            self.facts.hidden_columns.update(range(self.table_column, self.table_column + repeat))
        self.table_column += repeat

    def end_row(self, element: ElementTree.Element) -> None:
        repeat = _int(element.get(f"{_T}number-rows-repeated"))
        if element.get(f"{_T}visibility") in _HIDDEN and repeat <= _MAX_MARKED_REPEAT:
            self.facts.hidden_rows.update(range(self.row, self.row + repeat))
        self.row += repeat
        self.column = 0
        element.clear()

    def end_cell(self, element: ElementTree.Element) -> None:
        repeat = _int(element.get(f"{_T}number-columns-repeated"))
        kind = element.get(f"{{{_OFFICE}}}value-type")
        formula = element.get(f"{_T}formula")
        filled = kind is not None or formula is not None or len(element) > 0
        if filled and element.tag == f"{_T}table-cell":
            self._filled(element, kind, formula, repeat)
        self.column += repeat

    def _filled(self, element: ElementTree.Element, kind: str | None, formula: str | None, repeat: int) -> None:
        self.last_row = max(self.last_row, self.row + 1)
        self.last_column = max(self.last_column, self.column + repeat)
        if self.last_row * self.last_column > self.max_cells:
            raise too_wide_range(self.sheet, self.last_column, self.last_row, self.max_cells)
        where = (self.row, self.column)
        if element.get(f"{{{_CALCEXT}}}value-type") == "error":
            self.facts.errors[where] = "".join(element.itertext()).strip() or "#VALUE!"
        elif formula is not None and kind is None:
            self.facts.formulas_without_value.add(where)
        rows = _int(element.get(f"{_T}number-rows-spanned"))
        columns = _int(element.get(f"{_T}number-columns-spanned"))
        if (rows > 1 or columns > 1) and self.facts.merged is not None:
            self.facts.merged.append((where, (self.row + rows - 1, self.column + columns - 1)))


def ods_layout(archive: zipfile.ZipFile, *, max_cells: int) -> OdsLayout:
    """The facts of every sheet in an .ods archive; ImportRejected ("too_large") for a sheet too wide."""
    walker = _Walker(max_cells)
    with archive.open("content.xml") as content:
        for event, element in ElementTree.iterparse(content, events=("start", "end")):
            tag = element.tag
            if tag == f"{_T}table":
                walker.start_table(element) if event == "start" else walker.end_table()
            elif tag == f"{_T}null-date" and event == "end":
                walker.layout.date1904 = element.get(f"{_T}date-value", "").startswith("1904")
            elif event != "end" or walker.depth != 1:
                continue
            elif tag in _CELL_TAGS:
                walker.end_cell(element)
            elif tag == f"{_T}table-row":
                walker.end_row(element)
            elif tag == f"{_T}table-column":
                walker.column_element(element)
    return walker.layout
