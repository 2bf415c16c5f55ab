"""Table rows kept whole on printed pages (``gui.pdf``'s layout of a document).

Qt breaks a table row of several lines where a page ends: a long 主题 begun at the foot of one page and
finished under the repeated header of the next, beside cells left empty there, or a 支部 cut in two. Each
such row (not over half a page tall) starts the next page whole instead:

- a row below the first body row: the row above it is made taller, its cells padded at the bottom, until Qt
  finds no room for the row on the page and moves it, as it moves a row of one line, drawing the row above
  down to the page's foot;
- the first body row: the table starts the next page (its header would otherwise stand alone over half a
  row; a heading over the table then goes with it, ``gui.pdf``'s heading rule).

The rows are taken in document order and the document is laid out again after each move (every later position
depends on it). ``undo`` takes back the moves after a point: a heading moved afterwards shifts what follows it,
and a row made taller for its old position would leave a blank band in the middle of a page.

Each move lays the rest of the document out again, so a long document costs more per move and has more rows
to move: the moves stop once ``PAGES_BUDGET`` pages in all have been laid out again (a committee's yearly
report of 100 pages and more; those rows keep Qt's breaks). A 57-page committee report took 7 s to lay out
here against 2 s without the moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat, QTextTable, QTextTableCellFormat

CSS_DPI = 96  # the pixels of the HTML's sizes (a cell's padding) are 1/96 inch on the page
ROW_TRIES = 3  # heights tried for the row above one moved (the first is right for the documents' tables)
PAGES_BUDGET = 800  # pages laid out again for rows moved, at most (about 7 s here at 300 dpi)


@dataclass
class _Moved:
    """A move to take back: a table that was made to start a page, or a row padded (its cells' formats before)."""

    table: QTextTable
    row: int  # -1: the table's own page break
    formats: list[Any]
    position: int  # where in the document (the row's first cell, or the table's start): the moves are in order


class RowKeeper:
    """Keeps the rows of ``document``'s top-level tables whole on its pages; ``scale``: device units per CSS
    pixel (the unit of a cell's padding)."""

    def __init__(self, document: QTextDocument, scale: float) -> None:
        self.document = document
        self.scale = scale
        self.layout = document.documentLayout()
        self.page = document.pageSize().height()
        self.moved: list[_Moved] = []
        self.spent = 0  # pages laid out again so far

    def keep_whole(self) -> bool:
        """Move every row a page's foot divides (see the module's docstring); whether any was moved."""
        start = (0, 0)  # (table, row) to look from: the rows before are settled
        before = len(self.moved)
        pages = self.document.pageCount()  # (once: asking again would lay the whole document out at each move)
        while self.spent < PAGES_BUDGET:
            found = self._row_across_foot(start)
            if found is None:
                break
            index, table, row, top = found
            start = (index, row + 1)
            self.spent += max(1, pages - int(top // self.page))
            if row == table.format().headerRowCount():
                self._start_page(table)
                start = (index + 1, 0)
            else:
                self._move_row(table, row, top)
        return len(self.moved) > before

    def undo(self, *, after: int = 0) -> None:
        """Take back the moves at or after the document position ``after`` (all by default), the latest first:
        those before it stand as they were."""
        while self.moved and self.moved[-1].position >= after:
            moved = self.moved.pop()
            if moved.row < 0:
                self._set_page_break(moved.table, moved.formats[0])
            else:
                self._restore(moved.table, moved.row, moved.formats)

    # -- finding ---------------------------------------------------------------------------------------

    def _row_across_foot(self, start: tuple[int, int]) -> tuple[int, QTextTable, int, float] | None:
        """The first row from ``start`` (a table's index and a row) on whose lines a page's foot divides, not over
        half a page tall: (its table's index, the table, the row, its text's top)."""
        tables = [f for f in self.document.rootFrame().childFrames() if isinstance(f, QTextTable)]
        for index in range(start[0], len(tables)):
            table = tables[index]
            first = table.format().headerRowCount()
            for row in range(max(first, start[1]) if index == start[0] else first, table.rows()):
                top, bottom = self._extent(table, row)
                if int(top // self.page) != int((bottom - 1) // self.page) and bottom - top < self.page / 2:
                    return index, table, row, top
        return None

    def _extent(self, table: QTextTable, row: int) -> tuple[float, float]:
        """The top of the first line and the bottom of the last of a table row's cells, as laid out."""
        tops, bottoms = [], []
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            tops.append(self.layout.blockBoundingRect(self.document.findBlock(cell.firstPosition())).top())
            bottoms.append(self.layout.blockBoundingRect(self.document.findBlock(cell.lastPosition())).bottom())
        return min(tops), max(bottoms)

    # -- moving ----------------------------------------------------------------------------------------

    def _start_page(self, table: QTextTable) -> None:
        """The table starts the next page (its first body row would not fit under its header on this one)."""
        before = table.format().pageBreakPolicy()
        self._set_page_break(table, before | QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        self.moved.append(_Moved(table, -1, [before], table.firstPosition()))

    def _set_page_break(self, table: QTextTable, policy: Any) -> None:
        fmt = table.format()
        fmt.setPageBreakPolicy(policy)
        table.setFormat(fmt)

    def _move_row(self, table: QTextTable, row: int, top: float) -> None:
        """Pad the row above ``row`` (whose text begins at ``top``) so that ``row`` starts the next page, the row
        above staying where it is; as it was when no padding tried does that."""
        foot = (int(top // self.page) + 1) * self.page
        above = self._extent(table, row - 1)
        gap = top - above[1]  # between the two rows' text: padding and the border
        # The row's text moved to ``gap`` above the foot puts its top edge below the last line Qt fills and
        # leaves the row above, with its new padding, inside the page (tables' border and padding as written).
        extra = foot - top - gap
        formats = [table.cellAt(row - 1, c).format().toTableCellFormat() for c in range(table.columns())]
        for _attempt in range(ROW_TRIES):
            self._pad_row(table, row - 1, formats, extra / self.scale)
            now = self._extent(table, row)[0]
            if self._extent(table, row - 1)[0] != above[0]:
                extra -= gap / 2  # too much: the row above no longer fits there and went along
            elif now < foot:
                extra += gap / 2  # too little: the row still begins on this page
            elif now < foot + self.page / 2:
                self.moved.append(_Moved(table, row - 1, formats, table.cellAt(row - 1, 0).firstPosition()))
                return
            else:
                break
        self._restore(table, row - 1, formats)

    def _restore(self, table: QTextTable, row: int, formats: list[Any]) -> None:
        """Each cell of ``row`` with its format as it was (``formats``), in one edit."""
        edit = QTextCursor(self.document)
        edit.beginEditBlock()
        for column, fmt in enumerate(formats):
            table.cellAt(row, column).setFormat(fmt)
        edit.endEditBlock()

    def _pad_row(self, table: QTextTable, row: int, formats: list[Any], extra: float) -> None:
        """Each cell of ``row`` with its format as in ``formats``, ``extra`` more bottom padding; laid out again
        once (one edit: each cell's change on its own would lay the rest of the document out again)."""
        edit = QTextCursor(self.document)
        edit.beginEditBlock()
        for column, fmt in enumerate(formats):
            padded = QTextTableCellFormat(fmt)
            own = fmt.bottomPadding()
            padded.setBottomPadding((own if own > 0 else table.format().cellPadding()) + extra)
            table.cellAt(row, column).setFormat(padded)
        edit.endEditBlock()
