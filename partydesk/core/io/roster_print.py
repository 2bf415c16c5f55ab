"""The 花名册 报送版: the print layout a committee accepts, written with XlsxWriter.

A title row ("中共XX支部委员会党员花名册"), a line with 填报单位（盖章） and 填报日期, the header row, the
members, then the 负责人 and 制表人 lines; the chosen columns only, no notes from the program on the page,
"第 &P 页 共 &N 页" in the footer. A4 landscape, text in 宋体 11 pt, and printed text never below
``print_scale.MIN_PRINTED_PT``: the page is fitted to one sheet wide only when that keeps the text at least that size
(``print_plan``), otherwise it prints at a fixed scale and runs over pages, with the header row and the
序号/姓名 columns repeated on every page. The complete layout for data exchange is ``roster_export``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import xlsxwriter

from partydesk.core.domain.partial_date import PartialDate
from partydesk.core.domain.partial_date import dotted as partial_dotted
from partydesk.core.io import print_scale
from partydesk.core.io.print_scale import PrintPlan
from partydesk.core.io.roster_export import WORKBOOK_OPTIONS, SheetColumn, _excel_serial
from partydesk.core.io.sheet_text import display_width, neutralise, wrapped_lines

FONT = "宋体"
FONT_PT = 11.0
LINE_PT = 15.0  # one line of 11 pt text in a row, as Excel and LibreOffice lay it out
HEADER_ROW = 3
"""The 1-based header row (title and the 填报单位 line are above it)."""
MARGIN_IN = 0.4
# A4 landscape is 297 mm wide; Excel lays columns out at 96 pixels per inch at 100 %.
_PAGE_WIDTH_PX = print_scale.page_pixels(MARGIN_IN)
# Longer text wraps within the cell instead of widening the page. 22 holds every 学历 (省(区、市)委党校研究生)
# and 工人（工勤技能人员） on one line; only the two long 企事业单位、社会组织… 岗位 wrap.
_MAX_WIDTH = 22
FOOTER = "&C第 &P 页 共 &N 页"
REPEATED_COLUMNS = 2
"""序号 and 姓名, printed on every page when the table runs over several pages wide."""


@dataclass(frozen=True)
class PrintSheet:
    """Everything the printed 花名册 shows; ``rows`` hold str, int, date or None per column."""

    title: str
    unit: str
    """填报单位 (the organisation's name); the seal goes beside it."""
    filled_on: str
    """填报日期 as printed, e.g. 2026年11月30日."""
    columns: Sequence[SheetColumn]
    rows: Sequence[Sequence[object]]
    leader: str = ""
    """负责人 (the secretary), or "" for a line to sign by hand."""
    preparer: str = ""
    """制表人: the person who made the table, by name (never a user id)."""
    footer_left: str = ""
    sheet_name: str = "花名册"


def print_plan(sheet: PrintSheet) -> PrintPlan:
    """Column widths and the print scaling that keeps printed text at ``MIN_PRINTED_PT`` or more."""
    widths = [display_width(c.header) for c in sheet.columns]
    for row in sheet.rows:
        for index, value in enumerate(row):
            if isinstance(value, str):
                widths[index] = max(widths[index], display_width(value))
    final = [float(max(10, w) if c.kind == "date" else min(_MAX_WIDTH, max(4, w))) + 2
             for c, w in zip(sheet.columns, widths, strict=True)]
    return print_scale.print_plan(final, page_px=_PAGE_WIDTH_PX, font_pt=FONT_PT)


def print_bytes(sheet: PrintSheet) -> bytes:
    """The print-layout workbook as bytes, built in memory."""
    output = io.BytesIO()
    wb = xlsxwriter.Workbook(output, WORKBOOK_OPTIONS)
    wb.set_properties({"title": sheet.title})
    ws = wb.add_worksheet(sheet.sheet_name)
    base = {"font_name": FONT, "font_size": FONT_PT, "valign": "vcenter"}
    cell = {**base, "border": 1, "text_wrap": True}
    plan = print_plan(sheet)
    first, last = plan.first_page_span(REPEATED_COLUMNS)
    half = first + max(0, (last - first) // 2)
    _merge(ws, 0, first, last, sheet.title, wb.add_format({**base, "bold": True, "font_size": 18, "align": "center"}))
    ws.set_row(0, 36)
    left = wb.add_format({**base, "align": "left"})
    right = wb.add_format({**base, "align": "right"})
    _pair(ws, 1, (first, half, last), f"填报单位（盖章）：{sheet.unit}", f"填报日期：{sheet.filled_on}",
          (left, right), split=plan.fit_width)
    ws.set_row(1, 24)
    head = wb.add_format({**cell, "bold": True, "align": "center"})
    formats = [wb.add_format({**cell, **_style(c)}) for c in sheet.columns]
    header = HEADER_ROW - 1
    for index, column in enumerate(sheet.columns):
        ws.write_string(header, index, neutralise(column.header), head)
    for number, values in enumerate(sheet.rows, start=1):
        lines = max((wrapped_lines(v, w) for v, w in zip(values, plan.widths, strict=True)), default=1)
        if lines > 1:  # a wrapped cell needs the row to grow with it: no office suite does that on opening
            ws.set_row(header + number, LINE_PT * lines + 3)
        for index, value in enumerate(values):
            fmt = formats[index]
            if isinstance(value, str) and value:
                ws.write_string(header + number, index, neutralise(value), fmt)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                ws.write_number(header + number, index, value, fmt)
            elif isinstance(value, PartialDate):
                ws.write_string(header + number, index, partial_dotted(value), fmt)  # 2019.03, 1972
            elif value is not None and value != "" and hasattr(value, "toordinal"):
                ws.write_number(header + number, index, _excel_serial(value), fmt)  # type: ignore[arg-type]
            else:
                ws.write_blank(header + number, index, None, fmt)
    sign = header + len(sheet.rows) + 2
    _pair(ws, sign, (first, half, last), f"负责人：{sheet.leader or '　' * 8}",
          f"制表人：{sheet.preparer or '　' * 8}", (left, right), split=plan.fit_width)
    ws.set_row(sign, 30)
    for index, width in enumerate(plan.widths):
        ws.set_column(index, index, width)
    _page_setup(ws, sheet, plan)
    wb.close()
    return output.getvalue()


def _merge(ws: object, row: int, first: int, last: int, text: str, fmt: object) -> None:
    if last > first:
        ws.merge_range(row, first, row, last, neutralise(text), fmt)  # type: ignore[attr-defined]
    else:
        ws.write_string(row, first, neutralise(text), fmt)  # type: ignore[attr-defined]


def _pair(ws: object, row: int, span: tuple[int, int, int], one: str, two: str, fmts: tuple[object, object], *,
          split: bool) -> None:
    """Two items on a line: at both ends of a fitted page, or together in one cell on the first page."""
    first, half, last = span
    if split and half < last:
        _merge(ws, row, first, half, one, fmts[0])
        _merge(ws, row, half + 1, last, two, fmts[1])
    else:
        _merge(ws, row, first, last, one + "　" * 6 + two, fmts[0])


def _style(column: SheetColumn) -> dict[str, object]:
    if column.kind == "date":
        # As offices print dates (1972.11.05); a date known only to the month prints as 1972.11.
        return {"num_format": "yyyy.mm.dd", "align": "center"}
    style: dict[str, object] = {"num_format": "@"} if column.kind == "text" else {}
    if column.centred:
        style["align"] = "center"
    return style


def _page_setup(w: xlsxwriter.worksheet.Worksheet, sheet: PrintSheet, plan: PrintPlan) -> None:
    w.set_landscape()
    w.set_paper(9)  # A4
    w.set_margins(left=MARGIN_IN, right=MARGIN_IN, top=0.6, bottom=0.7)
    w.repeat_rows(HEADER_ROW - 1)
    w.freeze_panes(HEADER_ROW, min(2, len(sheet.columns)))
    if plan.fit_width:
        w.fit_to_pages(1, 0)
        w.center_horizontally()
    else:
        w.set_print_scale(plan.scale)
        w.repeat_columns(0, min(REPEATED_COLUMNS, len(sheet.columns)) - 1)
    w.hide_gridlines(2)  # the cells carry their own borders; nothing else is drawn
    footer = FOOTER
    if sheet.footer_left:
        footer = "&L" + sheet.footer_left.replace("&", "&&") + footer
    w.set_footer(footer)
