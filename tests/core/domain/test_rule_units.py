"""Rule values in the units people use: 元 for stored 分, % for stored basis points."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partydesk.core.domain.rules import format_value, parse_value, shown_unit


def test_money_and_rates_are_shown_in_yuan_and_percent() -> None:
    """300000 分 reads 3000.00 元; 50 基点 reads 0.5 %; other units are shown as stored."""
    assert (format_value("分", 300_000), shown_unit("分")) == ("3000.00", "元")
    assert (format_value("分", 20), format_value("基点", 50), format_value("基点", 100)) == ("0.20", "0.5", "1")
    assert (format_value("月", 3), shown_unit("月")) == ("3", "月")


@given(st.integers(min_value=0, max_value=10_000_000), st.sampled_from(["分", "基点", "月", "天"]))
def test_a_shown_value_reads_back_as_stored(value: int, unit: str) -> None:
    """Whatever is shown can be typed back unchanged."""
    assert parse_value(format_value(unit, value), unit=unit, minimum=0, maximum=10_000_000) == value


@pytest.mark.parametrize(("typed", "unit", "reason"), [
    ("三千", "分", "不是数字"), ("1e999", "分", "允许的范围"), ("nan", "基点", "不是数字"),
    ("0.001", "分", "最多填2位小数"), ("1.5", "月", "只能填整数"), ("13", "月", "允许的范围是 1 到 12 月"),
])
def test_refused_values_say_why(typed: str, unit: str, reason: str) -> None:
    """A value that cannot be stored is refused with a Chinese reason."""
    with pytest.raises(ValueError, match=reason):
        parse_value(typed, unit=unit, minimum=1 if unit == "月" else 0, maximum=12 if unit == "月" else 10_000_000)


def test_a_choice_rule_is_shown_and_typed_by_name() -> None:
    choices = ("不计入", "计入")
    assert (format_value("", 0, choices), format_value("", 1, choices)) == ("不计入", "计入")
    assert parse_value(" 不计入 ", unit="", minimum=0, maximum=1, choices=choices) == 0
    assert parse_value("1", unit="", minimum=0, maximum=1, choices=choices) == 1
    with pytest.raises(ValueError, match="请选择：不计入、计入"):
        parse_value("是", unit="", minimum=0, maximum=1, choices=choices)
