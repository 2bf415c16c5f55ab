"""Text made safe for a spreadsheet cell, and its width, shared by every workbook we write.

Excel and WPS run text starting with = + - @ (and tab or CR, which some parsers strip first) as a formula
when it is pasted or saved as CSV and opened again (CSV/formula injection, RELIABILITY.md §4.3); such text
is prefixed with ', which the importer removes again. Control characters other than tab, LF and CR are
not allowed in the XML of an .xlsx: Excel reports such a file as damaged, so they become "?".
"""

from __future__ import annotations

import math
import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_WIDE = re.compile(r"[^\x00-\u2e7f]")
# Excel's limit for one cell; longer text would be cut by the writer without a word.
MAX_CELL_TEXT = 32_767


def neutralise(text: str) -> str:
    """Text safe for a cell: control characters become "?", and formula-like text gets a leading '."""
    text = _CONTROL.sub("?", text)
    text = "'" + text if text.startswith(_FORMULA_START) else text
    return text[:MAX_CELL_TEXT]


def display_width(text: str) -> int:
    """Width in Latin character cells: CJK and other wide characters count two."""
    return len(text) + len(_WIDE.findall(text))


def wrapped_lines(value: object, width: float) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` Latin characters wide, as an office suite
    lays it out (a wrapped line is taken a unit shorter than the column, as breaks fall between characters).
    A cell that wraps needs its row made that tall: no office suite grows a row when it opens a file."""
    if not isinstance(value, str) or not value:
        return 1
    used = display_width(value)
    return 1 if used <= width - 2 else math.ceil(used / max(1.0, width - 3))
