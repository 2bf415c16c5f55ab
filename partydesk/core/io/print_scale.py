"""How wide a worksheet prints: fitted to one page wide while the text stays readable, else at a fixed scale over
several pages with the first columns repeated (the roster's layouts, ``roster_print`` and ``roster_export``).

Excel and LibreOffice shrink a sheet "fitted to one page wide" as far as it takes: a roster of 28 columns came out
in 3-point text nobody can read. The plan fits the page only while the body text stays at ``MIN_PRINTED_PT`` or
more; otherwise it prints at the scale that keeps that size, and the sheet runs over pages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

MIN_PRINTED_PT = 9.0
A4_LANDSCAPE_MM = 297


def column_pixels(width: float) -> int:
    """Excel's pixel width of a column ``width`` characters wide (default font, 7-pixel digits)."""
    return int(width * 12 + 0.5) if width < 1 else int(width * 7 + 5)


def page_pixels(margin_in: float, page_mm: float = A4_LANDSCAPE_MM) -> float:
    """The printable width of the page between its side margins, in Excel's pixels at 100 % (96 per inch)."""
    return (page_mm / 25.4 - 2 * margin_in) * 96


@dataclass(frozen=True)
class PrintPlan:
    """How the sheet goes onto paper: fitted to one page wide, or at ``scale`` % over several pages."""

    widths: tuple[float, ...]
    fit_width: bool
    scale: int
    """The print scale in per cent that the text is printed at (for a fitted page, Excel's own shrink)."""
    page_px: float
    font_pt: float

    @property
    def printed_pt(self) -> float:
        """The body text size on paper."""
        return self.font_pt * self.scale / 100

    def first_page_span(self, repeated: int) -> tuple[int, int]:
        """The columns a title or a line over the table sits over: all of them on a fitted page; otherwise those
        of the first page, after the ``repeated`` columns (a line starting in a repeated column would come back,
        cut off, on every later page)."""
        last = len(self.widths) - 1
        if self.fit_width:
            return 0, last
        # Within 70 % of the page: spreadsheet programs break columns a little earlier than this estimate.
        room = 0.7 * self.page_px * 100 / self.scale
        used, end = 0.0, 0
        for index, width in enumerate(self.widths):
            used += column_pixels(width)
            if used > room:
                break
            end = index
        first = min(repeated, end)
        return first, max(first, end)


def print_plan(widths: Sequence[float], *, page_px: float, font_pt: float) -> PrintPlan:
    """Fitted to the page width when that keeps ``font_pt`` text at ``MIN_PRINTED_PT`` or more, else the scale
    that does (columns of ``widths`` characters, as set on the sheet)."""
    final = tuple(widths)
    total = sum(column_pixels(w) for w in final)
    fitted = min(100, math.floor(100 * page_px / total)) if total else 100
    least = math.ceil(100 * MIN_PRINTED_PT / font_pt)
    if fitted >= least:
        return PrintPlan(final, True, fitted, page_px, font_pt)
    return PrintPlan(final, False, least, page_px, font_pt)
