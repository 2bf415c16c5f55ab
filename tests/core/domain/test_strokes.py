"""Surname stroke counts (按姓氏笔画) for the characters of GB 2312."""

from __future__ import annotations

from partydesk.core.domain.strokes import BY_COUNT, stroke_count


def test_common_surnames_have_their_stroke_counts() -> None:
    """Counts of the mainland forms: 丁 2, 王 4, 刘 6, 李 7, 周 8, 赵 9, 黄 11, 程 12, 蔡 14."""
    expected = {"丁": 2, "王": 4, "刘": 6, "李": 7, "周": 8, "赵": 9, "黄": 11, "程": 12, "蔡": 14}
    assert {char: stroke_count(char) for char in expected} == expected


def test_every_gb2312_character_is_counted_once() -> None:
    """All 6 763 characters of GB 2312, none twice; a Latin letter has no count."""
    chars = "".join(BY_COUNT.values())
    assert len(chars) == len(set(chars)) == 6763
    assert stroke_count("A") is None and stroke_count("") is None
