"""Chart builders on plain data with Agg: what is drawn (bar heights, labels, keys), and saving each format."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from partydesk.core.charts import activity, members
from partydesk.core.charts.common import NO_ATTENDANCE, NO_MEETINGS, NO_MEMBERS, NO_STUDY, to_png
from partydesk.core.charts.export import save_figure


def _texts(fig: object) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]  # type: ignore[attr-defined]


def test_bars_draw_one_bar_per_bucket_with_its_height_label_and_key() -> None:
    """Heights are the counts, tick labels the bucket names, each bar's gid the key that lists its members."""
    fig = members.bars("性别", ["男", "女"], [27, 9], ["gender:1", "gender:2"])
    ax = fig.axes[0]
    assert [p.get_height() for p in ax.patches] == [27, 9]
    to_png(fig)  # lay out so tick labels exist
    assert [t.get_text() for t in ax.get_xticklabels()] == ["男", "女"]
    assert [members.picked_key(p) for p in ax.patches] == ["gender:1", "gender:2"]
    assert ax.get_title() == "性别"
    assert {"27", "9"} <= set(_texts(fig))


def test_horizontal_bars_put_the_first_bucket_on_top() -> None:
    """党小组 sizes read top-down in the given order; widths are the counts."""
    fig = members.bars("各党小组人数", ["第一党小组", "第二党小组"], [9, 4], ["group:一", "group:二"], horizontal=True)
    ax = fig.axes[0]
    assert [p.get_width() for p in ax.patches] == [9, 4]
    first, second = ax.patches
    assert first.get_y() < second.get_y() and ax.yaxis_inverted()


def test_pie_has_a_wedge_per_bucket_with_count_and_share() -> None:
    """Two slices of 3 and 1: wedge angles in proportion, labels 3人 75%, keys on wedges."""
    fig = members.pie("正式党员与预备党员", ["正式党员", "预备党员"], [3, 1], ["category:1", "category:2"])
    wedges = fig.axes[0].patches
    spans = [abs(w.theta2 - w.theta1) for w in wedges]
    assert spans == pytest.approx([270, 90])
    assert [members.picked_key(w) for w in wedges] == ["category:1", "category:2"]
    assert "3人\n75%" in _texts(fig) and "正式党员" in _texts(fig)


def test_a_thin_wedge_carries_its_count_in_its_label() -> None:
    """35 and 1: the 1 has no room inside its wedge, so its label says 预备党员 1人; the big one keeps 35人 97%."""
    fig = members.pie("正式党员与预备党员", ["正式党员", "预备党员"], [35, 1])
    texts = _texts(fig)
    assert "预备党员 1人" in texts and "正式党员" in texts and "35人\n97%" in texts


def test_a_pie_of_nothing_says_there_is_no_data() -> None:
    """A branch with no members yet gets a note, not an error."""
    fig = members.pie("年龄结构", [], [])
    assert NO_MEMBERS in _texts(fig) and not fig.axes[0].patches


def test_joined_per_year_places_bars_at_their_years() -> None:
    """A bar at 1998 of height 2 and at 2024 of height 5."""
    fig = members.joined_per_year(["1998", "2024"], [2, 5], ["joined:1998", "joined:2024"])
    bars = fig.axes[0].patches
    assert [round(b.get_x() + b.get_width() / 2) for b in bars] == [1998, 2024]
    assert [b.get_height() for b in bars] == [2, 5]


def test_meetings_by_type_draws_required_and_held_side_by_side() -> None:
    """Grey required bars then red held bars, in type order, with the type names as ticks."""
    fig = activity.meetings_by_type([("支部党员大会", 4, 3), ("党课", 4, 4)])
    ax = fig.axes[0]
    assert [p.get_height() for p in ax.patches] == [4, 4, 3, 4]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["支部党员大会", "党课"]


def test_meetings_by_month_stacks_types_and_draws_the_required_line() -> None:
    """The second type's March bar sits on the first one's; the line holds the monthly requirement."""
    held = {"支部党员大会": [0, 0, 1] + [0] * 9, "党课": [0, 0, 2] + [0] * 9}
    fig = activity.meetings_by_month(held, [0, 0, 2] + [0] * 9, 2026)
    ax = fig.axes[0]
    march = [p for p in ax.patches if round(p.get_x() + p.get_width() / 2) == 2]
    assert [(p.get_y(), p.get_height()) for p in march] == [(0, 1), (1, 2)]
    assert list(ax.lines[0].get_ydata())[2] == 2
    assert ax.lines[0].get_label() == "当月到期应开"  # a quarter's meeting counts in its last month, said so
    assert ax.get_title() == "2026年每月会议召开情况"


def test_attendance_trend_plots_rates_in_percent() -> None:
    """0.5 and 0.875 are drawn as 50 and 87.5, labelled 50% and 88%."""
    fig = activity.attendance_trend([("2026-03", 0.5), ("2026-04", 0.875)])
    assert list(fig.axes[0].lines[0].get_ydata()) == [50, 87.5]
    assert {"50%", "88%"} <= set(_texts(fig))


def test_a_month_without_meetings_stays_on_the_axis_as_a_gap() -> None:
    """October then December, across a November without meetings: November is on the axis, marked, with no point
    (the line does not run on as if it had been a month like the others)."""
    fig = activity.attendance_trend([("2026-10", 0.8), ("2026-12", 0.9)])
    line = fig.axes[0].lines[0]
    assert list(line.get_xdata()) == ["2026-10", "2026-11", "2026-12"]
    heights = list(line.get_ydata())
    assert heights[0] == 80 and heights[2] == 90 and math.isnan(heights[1])
    assert "无会议" in _texts(fig)
    assert list(activity.attendance_trend([("2025-12", 1.0), ("2026-01", 0.5)]).axes[0].lines[0].get_xdata()) == [
        "2025-12", "2026-01"]


def test_study_chart_says_when_there_is_no_study_data() -> None:
    """With nobody counted the chart says so instead of drawing empty bars."""
    assert NO_STUDY in _texts(activity.study_hours(None, None))
    fig = activity.study_hours(30, 36)
    assert [p.get_height() for p in fig.axes[0].patches] == [30, 6]
    # On track against the year gone by, said so: the study page counts those who finished the whole year.
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels == ["进度达标", "进度落后"] and "已过时间折算" in fig.axes[0].get_title()


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_a_chart_saves_as_png_svg_and_pdf(tmp_path: Path, suffix: str, magic: bytes) -> None:
    """The suffix picks the format."""
    out = save_figure(members.bars("性别", ["男"], [1]), tmp_path / f"chart{suffix}")
    assert out.read_bytes().startswith(magic)


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    """A .gif is not written."""
    with pytest.raises(ValueError):
        save_figure(members.bars("性别", ["男"], [1]), tmp_path / "chart.gif")
    assert not (tmp_path / "chart.gif").exists()


def test_few_bars_are_drawn_thinner_than_many() -> None:
    """Two branches get bars of 0.5, four party groups matplotlib's usual 0.8."""
    two = members.bars("各支部党员人数", ["甲", "乙"], [5, 3], horizontal=True)
    four = members.bars("各党小组人数", list("甲乙丙丁"), [1, 2, 3, 4], horizontal=True)
    assert [round(p.get_height(), 2) for p in two.axes[0].patches] == [0.5, 0.5]
    assert {round(p.get_height(), 2) for p in four.axes[0].patches} == {0.8}


def test_the_unit_of_the_y_axis_stands_upright_above_it() -> None:
    """"人" and "次" are written upright (Chinese on its side reads badly), above the axis."""
    fig = members.bars("学历", ["大学本科", "中专"], [16, 4])
    label = fig.axes[0].yaxis.label
    assert (label.get_text(), label.get_rotation()) == ("人", 0.0)
    assert fig.axes[0].yaxis.label.get_position()[1] > 1.0
    trend = activity.attendance_trend([("2026-03", 0.5)])
    assert trend.axes[0].yaxis.label.get_rotation() == 0.0


def test_meeting_charts_with_nothing_due_or_held_say_so() -> None:
    """A committee before its first branch package: no bars, no line, the note that there are no meetings yet."""
    for fig in (activity.meetings_by_type([]), activity.meetings_by_month({}, [0] * 12, 2026)):
        ax = fig.axes[0]
        assert NO_MEETINGS in _texts(fig)
        assert not ax.patches and not ax.lines and not ax.axison
    busy = activity.meetings_by_month({}, [0, 0, 1, *[0] * 9], 2026)
    assert NO_MEETINGS not in _texts(busy) and busy.axes[0].lines


def test_a_wedge_count_is_written_to_stand_out_from_its_colour() -> None:
    """White on the dark party red, dark on the light orange: each count readable on its wedge."""
    fig = members.pie("正式党员与预备党员", ["正式党员", "预备党员"], [3, 1])
    inside = {t.get_text(): t.get_color() for t in fig.axes[0].texts if "人\n" in t.get_text()}
    assert inside == {"3人\n75%": "white", "1人\n25%": "#222222"}


def _shows_axes(fig: object) -> bool:
    """Whether anything of the axes is drawn: the frame, a spine, a tick or a tick label."""
    to_png(fig)  # lay out, so ticks exist
    ax = fig.axes[0]  # type: ignore[attr-defined]
    if ax.axison and (ax.patch.get_visible() or any(s.get_visible() for s in ax.spines.values())):
        return True
    ticks = [*ax.xaxis.get_major_ticks(), *ax.yaxis.get_major_ticks()]
    return ax.axison and any(t.get_visible() and (t.tick1line.get_visible() or t.label1.get_visible()) for t in ticks)


EMPTY_CHARTS = [
    ("education bars", lambda: members.bars("学历", [], []), NO_MEMBERS),
    ("group bars", lambda: members.bars("各党小组人数", [], [], [], horizontal=True), NO_MEMBERS),
    ("category pie", lambda: members.pie("正式党员与预备党员", [], []), NO_MEMBERS),
    ("joined", lambda: members.joined_per_year([], []), NO_MEMBERS),
    ("attendance", lambda: activity.attendance_trend([]), NO_ATTENDANCE),
    ("study", lambda: activity.study_hours(None, None), NO_STUDY),
    ("by type", lambda: activity.meetings_by_type([]), NO_MEETINGS),
]


@pytest.mark.parametrize(("build", "note"), [(b, n) for _name, b, n in EMPTY_CHARTS],
                         ids=[name for name, _b, _n in EMPTY_CHARTS])
def test_an_empty_chart_draws_no_axes_but_a_centred_note(build: Any, note: str) -> None:
    """No data: no axes running −0.04 to 0.04, no ticks; the title and a centred note saying what to do."""
    fig = build()
    assert not _shows_axes(fig)
    (text,) = [t for t in fig.axes[0].texts if t.get_text() == note]
    assert text.get_position() == (0.5, 0.5) and (text.get_ha(), text.get_va()) == ("center", "center")
    assert "后显示" in note and fig.axes[0].get_title()


def test_a_chart_with_data_keeps_its_axes_and_no_note() -> None:
    """The same builders with data draw their axes and ticks as before, and say nothing about being empty."""
    notes = {NO_MEMBERS, NO_ATTENDANCE, NO_STUDY, NO_MEETINGS}
    for fig in (members.bars("学历", ["大学本科"], [3]), members.joined_per_year(["2001"], [2]),
                activity.attendance_trend([("2026-03", 0.5)]), activity.study_hours(3, 4)):
        assert _shows_axes(fig) and not notes & set(_texts(fig))
        assert fig.axes[0].get_xticklabels() and (fig.axes[0].patches or fig.axes[0].lines)
    pie = members.pie("正式党员与预备党员", ["正式党员"], [3])
    assert pie.axes[0].patches and not notes & set(_texts(pie))


def test_counts_of_meetings_and_people_are_marked_in_whole_numbers() -> None:
    """Every bar 0 or 1: the axis reads 0 and 1, never 0.2, 0.4 … of a meeting."""
    for fig in (activity.meetings_by_type([("支委会", 1, 0), ("党课", 1, 1)]),
                activity.meetings_by_month({"支委会": [0] * 11 + [1]}, [0] * 11 + [1], 2026)):
        ax = fig.axes[0]
        fig.canvas.draw()
        ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
        assert ticks and all(float(t).is_integer() for t in ticks), ticks
    fig = members.bars("人数", ["甲", "乙"], [1, 0], unit="人", horizontal=True)
    fig.canvas.draw()
    assert all(float(t).is_integer() for t in fig.axes[0].get_xticks())


def test_a_short_count_axis_keeps_its_numbers_apart() -> None:
    """At the workbench's smallest (a chart 1.6 inches tall), 44 meetings due: the y axis's numbers do not run
    into each other (ten ticks would), and a taller chart still gets more of them."""
    rows = [("支部党员大会", 4, 4), ("支部委员会会议", 11, 9), ("党小组会", 44, 39), ("党课", 4, 3)]
    counts = []
    for height in (1.6, 4.0):
        fig = activity.meetings_by_type(rows, width=5.0, height=height)
        fig.canvas.draw()
        ax = fig.axes[0]
        low, high = ax.get_ylim()
        labels = [t for t in ax.get_yticklabels() if t.get_text() and low <= t.get_position()[1] <= high]
        boxes = sorted((label.get_window_extent() for label in labels), key=lambda b: b.y0)
        assert all(below.y1 <= above.y0 for below, above in pairwise(boxes)), height
        counts.append(len(labels))
    assert 3 <= counts[0] < counts[1], counts


def test_bar_labels_turn_only_when_the_chart_is_too_narrow_for_them() -> None:
    """党龄结构's seven labels stand upright on a wide chart; drawn narrower than they need side by side (a small
    window: 30–49年50年及以上 ran together) they turn; wide again, upright again."""
    from partydesk.core.charts.common import fit_x_labels

    labels = ["不满5年", "5–9年", "10–19年", "20–29年", "30–49年", "50年及以上", "预备党员"]
    fig = members.bars("党龄结构", labels, [2, 5, 10, 7, 9, 2, 1], width=9.0)
    fig.canvas.draw()
    renderer = fig._get_renderer()
    assert not fit_x_labels(fig, renderer) and not fig.axes[0].get_xticklabels()[0].get_rotation()
    fig.set_size_inches(2.6, 3.0)
    fig.canvas.draw()
    assert fit_x_labels(fig, renderer) and fig.axes[0].get_xticklabels()[0].get_rotation() == 30
    fig.set_size_inches(9.0, 3.0)
    fig.canvas.draw()
    assert fit_x_labels(fig, renderer) and not fig.axes[0].get_xticklabels()[0].get_rotation()


def _boxes(fig: Any) -> tuple[Any, list[Any]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    legend = (fig.axes[0].get_legend() or fig.legends[0]).get_window_extent(renderer)
    return legend, [p.get_window_extent(renderer) for p in fig.axes[0].patches if p.get_height()]


def test_the_legends_of_the_meeting_charts_cover_no_bar() -> None:
    """With one meeting type its red 已开 bar reached the corner the key took, and the key hid it; the monthly
    chart's eight keys beside it took half a small window: under it now, and neither covers a bar."""
    legend, bars = _boxes(activity.meetings_by_type([("支部党员大会", 4, 4)]))
    assert bars and not any(legend.overlaps(bar) for bar in bars)
    held = {name: [3] * 12 for name in ("支部党员大会", "支部委员会会议", "党小组会", "党课", "主题党日", "组织生活会")}
    fig = activity.meetings_by_month(held, [6] * 12, 2026, width=4.0)
    legend, bars = _boxes(fig)
    assert bars and not any(legend.overlaps(bar) for bar in bars)
    assert legend.y1 <= fig.axes[0].get_window_extent().y0, "under the chart, not a column beside it"


def test_the_month_labels_turn_when_the_monthly_chart_is_narrow() -> None:
    """1月…12月 on a small window ran together (10月1月2月): turned there, upright on a wide chart."""
    from partydesk.core.charts.common import fit_x_labels

    fig = activity.meetings_by_month({"党课": [1] * 12}, [1] * 12, 2026, width=2.5)
    fig.canvas.draw()
    assert fit_x_labels(fig, fig._get_renderer()) and fig.axes[0].get_xticklabels()[0].get_rotation()
    fig.set_size_inches(9.0, 3.0)
    fig.canvas.draw()
    assert fit_x_labels(fig, fig._get_renderer()) and not fig.axes[0].get_xticklabels()[0].get_rotation()
