"""The activity brief (活动简报) as HTML for one long picture, sized for a WeChat public-account article.

The GUI paints it with ``QTextDocument`` 900 px wide (``gui/pdf.html_to_png``); sizes are in px so the
picture looks the same on any screen. Photos are referenced by name (``photo-0`` …) and handed to the
painter as images, so the HTML itself never loads a file. Every text is escaped.
"""

from __future__ import annotations

from html import escape

from partydesk.core.io.brief_data import BriefData

__all__ = ["IMAGE_WIDTH", "MARGIN", "brief_html", "photo_name"]

IMAGE_WIDTH = 900  # px: the width WeChat articles show pictures at without scaling them up
MARGIN = 40
ACCENT = "#b8141b"  # the red of Party publicity headings


def photo_name(index: int) -> str:
    """The resource name the HTML uses for photo ``index``."""
    return f"photo-{index}"


def brief_html(data: BriefData, photo_heights: list[int] | None = None) -> str:
    """The brief as HTML; ``photo_heights`` gives each photo's height at the content width (keeps aspect)."""
    content = IMAGE_WIDTH - 2 * MARGIN
    parts = [
        f'<p style="font-size:20px; color:{ACCENT}; font-weight:bold; margin-bottom:6px;">活动简报</p>',
        f'<p style="font-size:40px; font-weight:bold; margin-top:0px; margin-bottom:14px;">{escape(data.title)}</p>',
        f'<p style="font-size:22px; color:#666666; margin-bottom:8px;">{escape(data.organisation)}'
        f"&nbsp;&nbsp;&nbsp;{escape(data.date_text())}</p>",
        # A thin red rule: a one-cell table whose only text is a tiny space (an empty cell takes a line's height).
        f'<table width="100%" cellspacing="0" cellpadding="0"><tr><td style="background-color:{ACCENT}; '
        'font-size:3px;">&nbsp;</td></tr></table>',
    ]
    parts += [f'<p style="font-size:28px; line-height:170%; text-indent:56px; margin-top:8px;">{escape(p)}</p>'
              for p in data.paragraphs()]
    for index, _photo in enumerate(data.photos):
        height = photo_heights[index] if photo_heights and index < len(photo_heights) else 0
        size = f' width="{content}"' + (f' height="{height}"' if height else "")
        parts.append(f'<p align="center" style="margin-top:20px;"><img src="{photo_name(index)}"{size}></p>')
    if data.names:
        parts.append(f'<p style="font-size:24px; line-height:160%; margin-top:24px; color:#333333;">'
                     f"<b>参加人员：</b>{escape('、'.join(data.names))}</p>")
    parts.append(f'<p align="right" style="font-size:22px; color:#666666; margin-top:30px;">'
                 f"{escape(data.organisation)}</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"
