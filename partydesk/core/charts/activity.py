"""Activity charts (组织生活图): meetings held against required, attendance trend, study hours.

Plain data in, ``Figure`` out (never pyplot); used by the workbench and the yearly report alike.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from partydesk.core.charts.common import (
    GREY,
    NO_ATTENDANCE,
    NO_MEETINGS,
    NO_STUDY,
    new_figure,
    say_empty,
    turnable,
    unit_label,
)
from partydesk.core.charts.members import PALETTE, RED

MONTHS = [f"{m}月" for m in range(1, 13)]
def _nothing(ax: Any, title: str) -> None:
    """An empty chart says so, without axes (a new branch, or a committee before its first branch package)."""
    say_empty(ax, title, NO_MEETINGS)


SO_FAR = "今年截至今日"


def meetings_by_type(rows: Sequence[tuple[str, int, int]], *, width: float = 5.0, height: float = 3.0,
                     span: str = SO_FAR) -> Any:
    """Per meeting type, required so far (grey) beside held (red), each with its number; ``span`` says over what
    time (a year gone by: 2025年全年)."""
    title = f"各类会议应开与已开（{span}）"
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    if not rows:
        _nothing(ax, title)
        return fig
    names = [r[0] for r in rows]
    xs = list(range(len(rows)))
    required = ax.bar([x - 0.2 for x in xs], [r[1] for r in rows], width=0.4, color=GREY, label="应开")
    held = ax.bar([x + 0.2 for x in xs], [r[2] for r in rows], width=0.4, color=RED, label="已开")
    ax.bar_label(required, fmt="%g", fontsize=8)
    ax.bar_label(held, fmt="%g", fontsize=8)
    ax.set_xticks(xs, names, rotation=30, ha="right", fontsize=8)
    middle, half = (len(rows) - 1) / 2, max(len(rows), 3) / 2  # one or two types: bars of the usual width
    ax.set_xlim(middle - half, middle + half)
    ax.set_title(title)
    unit_label(ax, "次")
    # Beside the bars, not over them: with one or two types the tallest bar reaches the corner it would take.
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def meetings_by_month(held: Mapping[str, Sequence[int]], required: Sequence[int], year: int, *,
                      width: float = 6.0, height: float = 3.0) -> Any:
    """Meetings held each month, stacked by type, with the number due by the end of that month as a line."""
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    if not any(any(counts) for counts in held.values()) and not any(required):
        _nothing(ax, f"{year}年每月会议召开情况")
        return fig
    bottom = [0] * 12
    for i, (name, counts) in enumerate(held.items()):
        ax.bar(MONTHS, list(counts), bottom=bottom, color=PALETTE[i % len(PALETTE)], label=name)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    # A quarter's or a year's meeting is due by the end of its last month, so it counts there, wherever in the
    # period it was held: the legend says what the line counts.
    ax.plot(MONTHS, list(required), color="black", marker="o", markersize=3, linewidth=1, label="当月到期应开")
    ax.set_title(f"{year}年每月会议召开情况")
    unit_label(ax, "次")
    ax.tick_params(axis="x", labelsize=8)
    turnable(ax)  # 10月11月12月 run together on a small window: turned then
    # Under the chart across its width: beside it, eight entries in two columns took half a small window.
    fig.legend(*ax.get_legend_handles_labels(), fontsize=7, frameon=False, ncols=3, loc="outside lower center")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def _months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` ("YYYY-MM"), both included."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    out = []
    while (year, month) <= end:
        out.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def attendance_trend(points: Sequence[tuple[str, float]], *, width: float = 5.0, height: float = 3.0) -> Any:
    """Attendance rate per month (0–100 %), with each point's value."""
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    if not points:
        say_empty(ax, "组织生活出席率", NO_ATTENDANCE)
        return fig
    given = {label: rate * 100 for label, rate in points}
    labels = _months_between(points[0][0], points[-1][0])
    # A month without meetings stays on the axis, a gap in the line: skipped, the line ran on as if it had none.
    rates = [given.get(label, math.nan) for label in labels]
    ax.plot(labels, rates, color=RED, marker="o")
    for x, y in zip(labels, rates, strict=True):
        if math.isnan(y):
            ax.annotate("无会议", (x, 2), ha="center", fontsize=7, color=GREY)
        else:
            ax.annotate(f"{y:.0f}%", (x, y), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=7)
    ax.set_ylim(0, 105)
    unit_label(ax, "出席率（%）")
    ax.set_title("组织生活出席率")
    ax.tick_params(axis="x", labelsize=7, rotation=45)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


STUDY_TITLE = "学时进度（按今年已过时间折算）"


def study_hours(on_track: int | None, counted: int | None, *, width: float = 4.5, height: float = 3.0) -> Any:
    """Members on track for their yearly study hours against those behind; a note when nobody is counted.

    On track is against the share of the year gone by (the workbench's card), not the whole year's quota that the
    study page counts as done: the title and bars say so, or the two figures would be taken for one."""
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    if on_track is None or counted is None or not counted:
        say_empty(ax, STUDY_TITLE, NO_STUDY)
        return fig
    ax.set_title(STUDY_TITLE)
    drawn = ax.bar(["进度达标", "进度落后"], [on_track, counted - on_track], color=[RED, GREY])
    ax.bar_label(drawn, fmt="%g")
    ax.margins(y=0.12)  # room for the count over the taller bar
    unit_label(ax, "人")
    ax.spines[["top", "right"]].set_visible(False)
    return fig
