"""Member charts (党员结构图): bars and pies of buckets, and members joined per year.

Builders take plain data — labels, values and the bucket keys that list each bar's members — and
return a ``matplotlib.figure.Figure`` (never pyplot). Every bar or wedge carries its key as its ``gid``
and is pickable, so a window can open the roster filtered to what was clicked (``picked_key``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from partydesk.core.charts.common import (
    COUNTS,
    GREY,
    NO_MEMBERS,
    new_figure,
    say_empty,
    turnable,
    unit_label,
    whole_numbers,
)

RED = "#c8102e"
PALETTE = ("#c8102e", "#e8a33d", "#3d7ab8", "#5c9e4a", "#8c5aa8", "#d4644a", "#4aa3a3", "#9a9a9a")


def _mark(artists: Sequence[Any], keys: Sequence[str] | None) -> None:
    for i, artist in enumerate(artists):
        if keys is not None and i < len(keys):
            artist.set_gid(keys[i])
            artist.set_picker(True)


def _tidy(ax: Any) -> None:
    ax.spines[["top", "right"]].set_visible(False)


def bar_thickness(count: int) -> float:
    """Bars as thick as matplotlib's 0.8 from four on; fewer get thinner, so two branches are not two slabs."""
    return 0.8 if count >= 4 else 0.2 * count + 0.1


def bars(title: str, labels: Sequence[str], values: Sequence[float], keys: Sequence[str] | None = None, *,
         unit: str = "人", horizontal: bool = False, width: float = 4.5, height: float = 3.0,
         empty: str = NO_MEMBERS, chosen: str | None = None) -> Any:
    """One bar per bucket with its value written on it; ``horizontal`` for long labels (党小组). With no
    bucket holding anything, the note ``empty`` instead of axes. The bar keyed ``chosen`` in red and the others
    grey, when one is chosen to be seen among the rest."""
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    if not any(values):
        say_empty(ax, title, empty)
        return fig
    thickness = bar_thickness(len(values))
    color: str | list[str] = RED
    if chosen is not None and keys is not None and chosen in keys:
        color = [RED if key == chosen else GREY for key in keys]
    if horizontal:
        drawn = ax.barh(list(labels), list(values), height=thickness, color=color)
        ax.invert_yaxis()  # first bucket on top, as read
        ax.set_xlabel(unit)
        if unit in COUNTS:
            whole_numbers(ax.xaxis)
    else:
        drawn = ax.bar(list(labels), list(values), width=thickness, color=color)
        unit_label(ax, unit)
        turnable(ax)  # upright where they fit, turned on a narrow chart
    ax.bar_label(drawn, fmt="%g", padding=2)
    _mark(drawn.patches, keys)
    ax.set_title(title)
    _tidy(ax)
    return fig


SMALL_SHARE = 4  # per cent: a thinner wedge has no room for its count and share inside


def pie(title: str, labels: Sequence[str], values: Sequence[float], keys: Sequence[str] | None = None, *,
        width: float = 4.5, height: float = 3.0, empty: str = NO_MEMBERS) -> Any:
    """A pie of buckets with the count and share on each wedge (empty buckets left out by the caller); the note
    ``empty`` when there is nothing to share out."""
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    if not any(values):
        say_empty(ax, title, empty)
        return fig
    ax.set_title(title, pad=14)  # room for the label of a thin wedge at the top
    total = sum(values)
    # A wedge too thin to hold its count carries it in its label instead (预备党员 1人).
    named = [f"{label} {value:g}人" if value * 100 < SMALL_SHARE * total else label
             for label, value in zip(labels, values, strict=True)]
    wedges, _texts, _auto = ax.pie(
        list(values), labels=named, colors=[PALETTE[i % len(PALETTE)] for i in range(len(values))],
        autopct=lambda pct: f"{round(pct * total / 100):d}人\n{pct:.0f}%" if pct >= SMALL_SHARE else "",
        startangle=90, counterclock=False, textprops={"fontsize": 9},
    )
    for wedge, text in zip(wedges, _auto, strict=True):  # the count inside: white on a dark wedge, dark on a light
        red, green, blue, _alpha = wedge.get_facecolor()
        text.set_color("white" if 0.299 * red + 0.587 * green + 0.114 * blue < 0.6 else "#222222")
    _mark(wedges, keys)
    ax.axis("equal")
    return fig


def joined_per_year(years: Sequence[str], values: Sequence[float], keys: Sequence[str] | None = None, *,
                    width: float = 6.0, height: float = 3.0) -> Any:
    """Members on the roll by the year they joined; every fifth year is labelled so labels never collide."""
    fig = new_figure(width, height)
    ax = fig.add_subplot()
    if not any(values):
        say_empty(ax, "党员入党年份分布", NO_MEMBERS)
        return fig
    positions = [int(y) for y in years]
    drawn = ax.bar(positions, list(values), color=RED, width=0.8)
    _mark(drawn.patches, keys)
    ax.set_title("党员入党年份分布")
    unit_label(ax, "人")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _tidy(ax)
    return fig


def picked_key(artist: Any) -> str | None:
    """The bucket key of a clicked bar or wedge (its ``gid``), or None."""
    gid = artist.get_gid() if artist is not None else None
    return gid if isinstance(gid, str) and gid else None
