"""Shared set-up for chart builders: CJK fonts first, no pyplot, PNG rendering.

matplotlib is imported here only, and this module is imported only when a chart is first built, so it
never slows start-up (DESIGN.md "GUI").
"""

from __future__ import annotations

import io
from typing import Any

CJK_FONTS = ["Microsoft YaHei", "SimHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "DejaVu Sans"]

_configured = False


def configure() -> None:
    """Apply the font list and the minus-sign setting once per process."""
    global _configured
    if _configured:
        return
    import matplotlib

    matplotlib.rcParams["font.sans-serif"] = CJK_FONTS
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False
    _configured = True


def new_figure(width_in: float = 6.0, height_in: float = 3.5) -> Any:
    """A bare ``matplotlib.figure.Figure`` (never pyplot: no global state, safe in tests and threads)."""
    configure()
    from matplotlib.figure import Figure

    return Figure(figsize=(width_in, height_in), dpi=100, layout="constrained")


def to_png(figure: Any) -> bytes:
    """Render a figure to PNG bytes with the Agg backend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buf = io.BytesIO()
    figure.savefig(buf, format="png")
    return buf.getvalue()


COUNTS = frozenset({"人", "名", "次", "个"})  # units of things counted whole


def unit_label(ax: Any, text: str) -> None:
    """The y axis's unit ("人", "次", "出席率（%）") written upright above the axis, as Chinese charts do:
    Chinese turned on its side reads badly. An axis of people or meetings is marked in whole numbers only
    (no 0.2 of a meeting when every bar is 0 or 1)."""
    ax.set_ylabel(text, rotation=0, ha="center", va="bottom")
    ax.yaxis.set_label_coords(0.0, 1.02)
    if text in COUNTS:
        whole_numbers(ax.yaxis)


def whole_numbers(axis: Any) -> None:
    """Ticks on ``axis`` at whole numbers only, as many as its length has room for (at the workbench's smallest,
    ten ticks on a short axis ran their numbers into each other)."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 5, 10], integer=True))


GREY = "#9a9a9a"

# What an empty chart says instead of drawing axes from −0.04 to 0.04: that there is nothing yet, and what to do.
NO_MEMBERS = "还没有党员记录\n在“党员”页导入或添加党员后显示"
NO_MEETINGS = "还没有会议记录\n在“会议”页记录会议、或导入支部数据包后显示"
NO_ATTENDANCE = "还没有会议出席记录\n在“会议”页记录会议和出席情况后显示"
NO_STUDY = "还没有党员的学时可统计\n在“党员”页添加党员、在“学习”页记录学习后显示"


def say_empty(ax: Any, title: str, note: str) -> None:
    """A chart with no data: its title and a centred grey note, no axes, ticks or frame."""
    ax.set_title(title)
    ax.text(0.5, 0.5, note, transform=ax.transAxes, ha="center", va="center", ma="center", color=GREY,
            fontsize=10, linespacing=1.6)
    ax.set_axis_off()


def bar_chart(title: str, labels: list[str], values: list[float], *, unit: str = "") -> Any:
    """A simple labelled bar chart."""
    fig = new_figure()
    ax = fig.add_subplot()
    bars = ax.bar(labels, values, color="#c8102e")
    ax.bar_label(bars, fmt="%g")
    ax.set_title(title)
    if unit:
        unit_label(ax, unit)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


_TURNABLE = "partydesk_turnable"  # an axes whose x labels turn when they do not fit side by side
TURN_DEGREES = 30


def turnable(ax: Any) -> None:
    """Let ``fit_x_labels`` turn ``ax``'s x labels when the chart is drawn too narrow for them."""
    setattr(ax, _TURNABLE, True)


def fit_x_labels(figure: Any, renderer: Any) -> bool:
    """Turn the x labels of each ``turnable`` axes by ``TURN_DEGREES`` where the widest would not fit its share
    of the axis (a chart on a small window: 30–49年50年及以上 ran together), and back upright where it would.
    Returns whether anything changed (the figure is then to be drawn again)."""
    changed = False
    for ax in figure.axes:
        labels = [t for t in ax.get_xticklabels() if t.get_text()]
        if not getattr(ax, _TURNABLE, False) or not labels:
            continue
        share = ax.get_window_extent(renderer).width / len(labels)
        widest = max(renderer.get_text_width_height_descent(t.get_text(), t.get_fontproperties(), ismath=False)[0]
                     for t in labels)
        turn = widest > share * 0.95  # a little room between neighbours
        if turn != bool(labels[0].get_rotation()):
            for label in labels:
                label.set_rotation(TURN_DEGREES if turn else 0)
                label.set_horizontalalignment("right" if turn else "center")
            changed = True
    return changed
