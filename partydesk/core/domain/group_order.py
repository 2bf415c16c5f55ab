"""The order of 党小组 names wherever they are listed for choice or grouping: their numbers, not their code points.

Sorted as plain strings 第一、第三、第二、第四 follow Unicode (一 U+4E00, 三 U+4E09, 二 U+4E8C, 四 U+56DB), and by
pinyin 第二 (er) comes first. Offices number their groups, in Chinese numerals (第一 … 第十、第十一、第二十三,
第一百零二) or in digits (第1、第2、第10, full-width too), so a name's numbers are compared as numbers and the
text between them by pinyin (the usual collation, as names are). Names with a number come first, those
without after them by pinyin (离退休党小组), and no group (an empty name) last.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partydesk.core.domain.pinyin import syllables

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
_UNITS = {"十": 10, "百": 100}
# 百 only after a digit (一百零二), never starting a number: 百花党小组 has none. 两 is not an ordinal (两新组织).
_NUMBER = re.compile(r"(\d+|[零〇一二三四五六七八九十]+(?:百[零〇一二三四五六七八九十]*)?)")

# A part of the key: (0, number) for a number, (1, pinyin, text) for the text between numbers; the leading
# kind keeps a number and a text from ever being compared with each other.
Part = tuple[int, int] | tuple[int, str, str]


def chinese_numeral(text: str) -> int:
    """The value of a Chinese numeral as written in names: 十一 11, 二十 20, 一百零二 102, 一〇一 101."""
    if not any(c in _UNITS for c in text):  # written digit by digit: 一〇一
        return int("".join(str(_DIGITS[c]) for c in text))
    total = digit = 0
    for c in text:
        if c in _UNITS:
            total += (digit or 1) * _UNITS[c]  # 十一: a unit without a digit before it counts once
            digit = 0
        else:
            digit = _DIGITS[c]
    return total + digit


@lru_cache(maxsize=1024)
def _text(part: str) -> Part:
    return (1, "".join(syllables(part)).lower(), part)


@lru_cache(maxsize=1024)
def group_sort_key(name: str) -> tuple[object, ...]:
    """Sort key for a 党小组 name: 第二 before 第十 before 第十二, 第2 before 第10, 第一 beside 第1; names without a
    number after those with one, by pinyin; the empty name last."""
    name = name.strip()
    if not name:
        return (2,)
    pieces = _NUMBER.split(name)  # text, number, text, number, …, text
    if len(pieces) == 1:
        return (1, _text(name))
    parts = tuple(_text(p) if i % 2 == 0 else (0, int(p) if p.isdigit() else chinese_numeral(p))
                  for i, p in enumerate(pieces))
    return (0, parts, name)
