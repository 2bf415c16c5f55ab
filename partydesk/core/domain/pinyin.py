"""Pinyin search keys for names: "zs zhangsan" for 张三, so either form finds the member.

pypinyin is imported on first use only (it loads sizeable tables); keys are computed when a member is
saved and stored with the record, so searching never calls it.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def pinyin_key(name: str) -> str:
    """Initials and full pinyin, lower-case, space separated; characters without a reading are kept."""
    from pypinyin import Style, lazy_pinyin

    full = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    initials = "".join(p[0] for p in full if p)
    return f"{initials} {''.join(full)}".lower().replace("·", "")
