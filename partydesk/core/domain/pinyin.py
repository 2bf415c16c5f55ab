"""Pinyin search and sort keys for names: "zhangsan zs" for 张三, so either form finds the member.

The key starts with the full pinyin, so sorting by it orders names as a Chinese roster is ordered
(by surname reading). Surnames whose reading differs from the character's everyday one (曾 zeng, 单
shan, 解 xie …) get their surname reading. pypinyin is imported on first use only (it loads sizeable
tables); keys are computed when a member is saved and stored with the record, so searching never calls it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Surname readings that differ from the default reading pypinyin gives the character.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "盖": "ge",
    "乐": "yue", "缪": "miao", "覃": "qin", "翟": "zhai", "繁": "po", "种": "chong", "隗": "wei", "员": "yun",
    "秘": "bi", "召": "shao", "黑": "he", "折": "she", "说": "yue", "宿": "su", "长": "chang", "重": "chong",
}


@lru_cache(maxsize=1)
def _pinyin() -> Any:
    """pypinyin's ``lazy_pinyin`` (same converter, same defaults) remembering each character's reading.

    ``pypinyin.lazy_pinyin`` builds a new converter per call and turns every tone-marked reading into
    plain letters afresh (regular expressions per character); a roster of 10 000 names repeats a few
    thousand characters. The phrase lookup, which decides a character's reading from its neighbours,
    still runs for every name: only the final, pure style step is remembered.
    """
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    class _RememberingConverter(UltimateConverter):
        def __init__(self) -> None:
            super().__init__()
            self._styled: dict[tuple[object, ...], Any] = {}

        def convert_style(self, han: str, orig_pinyin: str, style: Any, strict: Any, **kwargs: Any) -> Any:
            if kwargs:
                return super().convert_style(han, orig_pinyin, style, strict, **kwargs)
            key = (han, orig_pinyin, style, strict)
            found = self._styled.get(key)
            if found is None:
                found = super().convert_style(han, orig_pinyin, style, strict)
                if len(self._styled) < _STYLED_LIMIT:
                    self._styled[key] = found
            return found

    return Pinyin(_RememberingConverter())


_STYLED_LIMIT = 50_000


def syllables(name: str) -> list[str]:
    """``pypinyin.lazy_pinyin(name, style=Style.NORMAL, errors="default")``, faster over many names."""
    from pypinyin import Style

    return list(_pinyin().lazy_pinyin(name, style=Style.NORMAL, errors="default"))


@lru_cache(maxsize=4096)
@lru_cache(maxsize=16384)
def _reading(char: str) -> str:
    """One character's reading in plain lower-case letters (the character itself when it has none)."""
    from pypinyin import Style

    return "".join(_pinyin().lazy_pinyin(char, style=Style.NORMAL, errors="default")).lower()


@lru_cache(maxsize=65536)
def name_order(name: str) -> str:
    """The key names are ordered by, as a Chinese list orders them: reading by reading, the surname by its
    surname reading, each reading followed by a space, so one sorts before a longer reading it begins
    (李 li before 林 lin, 詹 zhan before 张 zhang, where the stored key run together puts 林兰强 "linlanqiang"
    before 李晓梅 "lixiaomei"). Plain text compared as it is: SQLite sorts by it too (``name_order`` is a
    function of every connection) and gives the same order as Python.
    """
    if not isinstance(name, str):  # called by SQLite: never raise there
        return ""
    readings = [_reading(char) for char in name]
    if readings and name[0] in SURNAME_READINGS:
        readings[0] = SURNAME_READINGS[name[0]]
    return " ".join(readings)


def pinyin_key(name: str) -> str:
    """Full pinyin then initials, lower-case, space separated; characters without a reading are kept."""
    full = syllables(name)
    if full and name[:1] in SURNAME_READINGS:
        full[0] = SURNAME_READINGS[name[0]]
    initials = "".join(p[0] for p in full if p)
    return f"{''.join(full)} {initials}".lower().replace("·", "")
