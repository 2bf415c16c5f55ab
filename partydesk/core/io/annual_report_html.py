"""The yearly report as HTML for Qt's PDF writer (QTextDocument's HTML subset): charts as data: URLs.

Self-contained, so the same text can go to any HTML → PDF writer (``gui.pdf.html_to_pdf``).
"""

from __future__ import annotations

import base64
from html import escape

from partydesk.core.io.annual_report import AnnualReport, Heading, Paragraph, Picture, Table, blocks
from partydesk.core.io.minutes_html import KEEP_WITH_NEXT

STYLE = ("body { font-size: 10.5pt; } h1 { font-size: 14pt; margin-top: 14pt; } h2 { font-size: 12pt; } "
         ".title { font-size: 18pt; font-weight: bold; text-align: center; } "
         "table { border-collapse: collapse; margin-bottom: 8pt; } th { background: #eeeeee; } "
         "td, th { border: 1px solid #555555; padding: 3px 6px; }")


def report_html(report: AnnualReport, *, image_width: int = 600) -> str:
    """The report as one HTML string.

    Every heading carries a ``KEEP_WITH_NEXT`` anchor: the PDF writer (``gui.pdf``) starts a new page before
    one that would stand at the foot of a page without the lines under it. The parts otherwise follow one
    another (forcing each onto a page of its own left pages nearly empty)."""
    parts = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"]
    headings = 0
    for block in blocks(report):
        if isinstance(block, Heading):
            if block.level == 0:
                parts.append("<p class='title'>" + "<br>".join(escape(x) for x in block.text.split("\n")) + "</p>")
            else:
                headings += 1
                text = f"<a name='{KEEP_WITH_NEXT}-h{headings}'>{escape(block.text)}</a>"
                parts.append(f"<h{block.level}>{text}</h{block.level}>")
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
            body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'>"  # (thead: on every page)
                         f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        elif isinstance(block, Picture):
            data = base64.b64encode(block.png).decode("ascii")
            parts.append(f"<p align='center'><img src='data:image/png;base64,{data}' width='{image_width}'></p>")
    parts.append("</body></html>")
    return "".join(parts)
