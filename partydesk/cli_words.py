"""argparse's own words (usage, headings, its error messages) in Chinese like the rest of the command line.

argparse looks each up through its module's ``_`` at the moment it prints, so that is where they are given.
"""

from __future__ import annotations

import argparse

_ZH = {
    "usage: ": "用法：", "positional arguments": "位置参数", "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必填参数：%s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "unrecognized arguments: %s": "无法识别的参数：%s", "expected one argument": "这个参数需要一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
}
_english = argparse._  # type: ignore[attr-defined]


def _in_chinese(message: str) -> str:
    return _ZH.get(message) or _english(message)


def install() -> None:
    """Make argparse speak Chinese (idempotent)."""
    argparse._ = _in_chinese  # type: ignore[attr-defined]
