"""The minutes of a meeting (会议记录) as HTML for ``QTextDocument``, in the usual paper layout.

Title and organisation, a bordered header table (topic, time, place, chair, recorder, 应到/实到/请假/缺席
with names and reasons, 列席, the quorum), then the numbered sections (agenda, the record of the meeting,
votes, decisions) and the signature lines for the chair and the recorder. Page numbers are not HTML:
the PDF writer and the printer (``gui/pdf.py``) paint them in the footer of every page.

The HTML keeps to what ``QTextDocument`` renders (tables with ``border``/``cellpadding``, inline CSS for
size and weight); every value is escaped and the stored body passes through ``minutes_body``, so nothing
typed into a record can add markup of its own.
"""

from __future__ import annotations

from html import escape

from partydesk.core.io.minutes_body import blocks_html
from partydesk.core.io.minutes_data import (
    BLANK_LINES,
    GRID_COLUMNS,
    SIGNATURES,
    MinutesData,
    grid_columns,
    header_rows,
    motion_result,
    record_blocks,
    sections,
)

__all__ = ["KEEP_WITH_END", "KEEP_WITH_NEXT", "minutes_html"]

# The anchor naming where the end of a document starts that a printout keeps on one page (``gui.pdf``).
KEEP_WITH_END = "keep-with-end"
KEEP_WITH_NEXT = "keep-with-next"  # a section heading's anchor: printed, never the last line of a page

LABEL_BG = "#f2f2f2"
TEXT_STYLE = "font-size:12pt; line-height:150%; margin-top:2px; margin-bottom:2px;"
INDENT = "text-indent:24pt;"  # two characters, as Chinese paragraphs begin
_TABLE = ('<table width="100%" border="1" cellspacing="0" cellpadding="6" '
          'style="border-collapse:collapse; border-color:#000000; border-style:solid;">')


def _label(text: str) -> str:
    return (f'<td width="14%" align="center" style="background-color:{LABEL_BG}; white-space:nowrap;">'
            f"{escape(text)}</td>")


def _value(text: str, *, colspan: int = 1) -> str:
    span = f' colspan="{colspan}"' if colspan > 1 else ' width="36%"'
    return f"<td{span}>{escape(text) if text else '&nbsp;'}</td>"


def _name_grid(names: list[str]) -> str:
    """Many names in a borderless grid: in running text a name could break over two lines ("李晓/梅") and read
    as two people (as the Word copy, ``minutes_docx._name_grid``)."""
    columns = grid_columns(names)
    cells = [f'<td width="{100 // columns}%">{escape(name)}</td>' for name in names]
    cells += ["<td></td>"] * (-len(cells) % columns)
    rows = ["<tr>" + "".join(cells[i:i + columns]) + "</tr>" for i in range(0, len(cells), columns)]
    return '<table width="100%" border="0" cellspacing="0" cellpadding="1">' + "".join(rows) + "</table>"


def _header(data: MinutesData) -> str:
    rows = []
    for row in header_rows(data):
        if len(row) == 1 and row[0][0] == "出席人员" and len(data.present) > GRID_COLUMNS:
            rows.append(_label(row[0][0]) + f'<td colspan="3">{_name_grid([p.name for p in data.present])}</td>')
        elif len(row) == 1:
            rows.append(_label(row[0][0]) + _value(row[0][1], colspan=3))
        else:
            rows.append("".join(_label(label) + _value(value) for label, value in row))
    return _TABLE + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def _text(stored: str, blank_lines: int) -> str:
    blocks = record_blocks(stored)
    if not blocks:  # an empty record prints as room to write in
        return f'<p style="{TEXT_STYLE}">' + "<br>" * blank_lines + "&nbsp;</p>"
    return blocks_html(blocks, paragraph_style=TEXT_STYLE + INDENT, list_style=TEXT_STYLE)


def _motions(data: MinutesData) -> str:
    head = "".join(f'<td align="center" width="{w}" style="background-color:{LABEL_BG};">{h}</td>'
                   for h, w in (("表决事项", "48%"), ("赞成", "13%"), ("反对", "13%"), ("弃权", "13%"),
                                ("结果", "13%")))
    rows = "".join(
        f"<tr><td>{escape(m.title)}</td><td align=\"center\">{m.votes_for}</td><td align=\"center\">{m.against}</td>"
        f"<td align=\"center\">{m.abstain}</td><td align=\"center\">{motion_result(m)}</td></tr>"
        for m in data.motions)
    return _TABLE + f"<tr>{head}</tr>{rows}</table>"


def _section(key: str, data: MinutesData) -> str:
    if key == "agenda":
        return (f'<ol style="{TEXT_STYLE}">' + "".join(f"<li>{escape(item)}</li>" for item in data.agenda)
                + "</ol>")
    if key == "motions":
        return _motions(data)
    return _text(data.body if key == "body" else data.decisions, BLANK_LINES[key])


def minutes_html(data: MinutesData) -> str:
    """The minutes as a complete HTML document."""
    parts = [f'<p align="center" style="font-size:18pt; font-weight:bold; margin-bottom:4px;">{escape(data.title)}</p>']
    if data.organisation:
        parts.append(f'<p align="center" style="font-size:11pt; margin-top:0px; margin-bottom:10px;">'
                     f"{escape(data.organisation)}</p>")
    parts.append(_header(data))
    listed = sections(data)
    for at, (key, heading) in enumerate(listed):
        # The last section goes with the signatures: printed, it starts a new page rather than leave them alone.
        # Every heading goes with the lines under it: it never ends a page alone.
        anchor = KEEP_WITH_END if at == len(listed) - 1 else f"{KEEP_WITH_NEXT}-{at}"
        text = f'<a name="{anchor}">{escape(heading)}</a>'
        parts.append(f'<p style="font-size:12pt; font-weight:bold; margin-top:14px; margin-bottom:4px;">{text}</p>')
        parts.append(_section(key, data))
    line = "_" * 16
    parts.append('<table width="100%" cellspacing="0" cellpadding="4" style="margin-top:30px;"><tr>'
                 + "".join(f'<td width="50%">{escape(s)}{line}</td>' for s in SIGNATURES) + "</tr></table>")
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + escape(data.title)
            + '</title></head><body style="font-size:10.5pt;">' + "".join(parts) + "</body></html>")
