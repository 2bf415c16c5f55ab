"""党小组 order: numbers in names compared as numbers, Chinese numerals and digits alike, then pinyin."""

from __future__ import annotations

import random

import pytest

from partydesk.core.domain.group_order import chinese_numeral, group_sort_key

NUMBERED = ["第一党小组", "第二党小组", "第三党小组", "第四党小组", "第五党小组", "第六党小组", "第七党小组",
            "第八党小组", "第九党小组", "第十党小组", "第十一党小组", "第十二党小组", "第二十党小组", "第二十三党小组"]


def test_chinese_ordinals_sort_by_their_value_whatever_the_order_given() -> None:
    """第一 < 第二 < … < 第九 < 第十 < 第十一 < 第十二 < 第二十, from any shuffle (code points give 一三二四)."""
    shuffled = NUMBERED[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=group_sort_key) == NUMBERED
    assert sorted(["第四党小组", "第二党小组", "第三党小组", "第一党小组"]) != NUMBERED[:4]  # why the key is needed


def test_twelfth_comes_after_ninth() -> None:
    """第十二 after 第九 (as strings 十 U+5341 sorts before 九 U+4E5D, and 十二 before 九 by pinyin)."""
    assert group_sort_key("第九党小组") < group_sort_key("第十二党小组")


def test_arabic_digits_sort_by_value() -> None:
    """第2 before 第10 (as strings "10" < "2"); full-width digits read as digits."""
    assert sorted(["第10党小组", "第2党小组", "第1党小组", "第１１党小组"], key=group_sort_key) == [
        "第1党小组", "第2党小组", "第10党小组", "第１１党小组"]


def test_chinese_and_arabic_numbers_interleave_by_value() -> None:
    """第3 sits between 第二 and 第十; 第十 before 第12."""
    names = ["第12党小组", "第十党小组", "第3党小组", "第二党小组"]
    assert sorted(names, key=group_sort_key) == ["第二党小组", "第3党小组", "第十党小组", "第12党小组"]


def test_names_without_numbers_follow_by_pinyin_and_no_group_is_last() -> None:
    """机关 (jī) before 老干部 (lǎo) before 离退休 (lí), all after the numbered groups; the empty name last."""
    names = ["离退休党小组", "", "第二党小组", "老干部党小组", "机关党小组", "第一党小组"]
    assert sorted(names, key=group_sort_key) == ["第一党小组", "第二党小组", "机关党小组", "老干部党小组",
                                                 "离退休党小组", ""]


def test_words_that_merely_contain_number_characters_are_not_numbers() -> None:
    """百花 and 两新 (两新组织) are names, not 100 and 2."""
    assert sorted(["两新党小组", "第三党小组", "百花党小组"], key=group_sort_key) == ["第三党小组", "百花党小组",
                                                                                   "两新党小组"]


@pytest.mark.parametrize(("text", "value"), [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23),
                                             ("九十九", 99), ("一百", 100), ("一百零二", 102), ("一百一十", 110),
                                             ("一〇一", 101)])
def test_chinese_numerals_read_as_numbers(text: str, value: int) -> None:
    """Numerals as written in names, with and without 十 and 百."""
    assert chinese_numeral(text) == value
