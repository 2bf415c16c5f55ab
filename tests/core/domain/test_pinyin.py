"""Pinyin keys: the remembering converter reads every character and name exactly as pypinyin does."""

from __future__ import annotations

import random

from pypinyin import Style, lazy_pinyin

from partydesk.core.demo import demo_members
from partydesk.core.domain.pinyin import name_order, pinyin_key, syllables

# Characters whose reading depends on the neighbouring characters (phrases), and mixed text.
PHRASE_NAMES = ["张长江", "曾重阳", "单于长乐", "李行长", "王朝阳", "解放", "阿卜杜·热合曼", "Anna张", "乐乐", "区长"]


def test_every_cjk_character_reads_as_pypinyin_reads_it() -> None:
    """All 20 992 basic CJK ideographs, each twice (the second time from memory), match lazy_pinyin."""
    chars = [chr(cp) for cp in range(0x4E00, 0xA000)]
    for _ in range(2):
        mine = [syllables(ch) for ch in chars]
        assert mine == [lazy_pinyin(ch, style=Style.NORMAL, errors="default") for ch in chars]


def test_names_read_as_pypinyin_reads_them_phrases_included() -> None:
    """Generated names and names holding phrases keep pypinyin's readings, neighbours considered."""
    names = PHRASE_NAMES + [m.name for m in demo_members(random.Random(3), 2000)]
    for name in names + names:
        assert syllables(name) == lazy_pinyin(name, style=Style.NORMAL, errors="default")


def test_key_is_full_pinyin_then_initials_with_surname_readings() -> None:
    """张三 -> "zhangsan zs"; 曾 as a surname reads zeng; 长江 keeps its phrase reading."""
    assert pinyin_key("张三") == "zhangsan zs"
    assert pinyin_key("曾长江") == "zengchangjiang zcj"


def test_name_order_sorts_a_reading_before_a_longer_one_it_begins() -> None:
    """李 li < 林 lin, 詹 zhan < 张 zhang, 陈 chen < 程 cheng; 曾 as a surname reads zeng; text compares as is."""
    names = ["张三", "林兰强", "詹伟", "李晓梅", "程斌", "陈红", "曾强", "蔡斌"]
    assert sorted(names, key=name_order) == ["蔡斌", "陈红", "程斌", "李晓梅", "林兰强", "曾强", "詹伟", "张三"]
    assert name_order("曾强") == "zeng qiang"
    assert name_order(None) == ""  # type: ignore[arg-type]  (SQLite may hand it a NULL)
