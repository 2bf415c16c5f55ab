"""Breaking a message into lines of our own (for labels whose word wrap Qt cannot size inside a scroll area).

Chinese may break between any two characters, but not inside a number, a date or a code ("2021-07-01", "2019.3",
"138****0001" stay whole) nor between a number and its unit ("7月", "3次"), not before a closing mark ("，" "。"
"）" never start a line) and not after an opening one ("（" "“" never end a line), as Chinese typesetting (标点禁则)
has it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A run that stays whole: letters, digits and the marks inside numbers, dates, times and masked numbers, with the
# unit a number is written with (2021年 7月 1日, 3次, 18学时 would read wrong split from their number).
_WHOLE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-:/_%*+×]*[年月日号时分秒次人名条项岁]?|.", re.S)
NOT_AT_START = frozenset("，。、；：！？）》」』】”’,.;:!?)]}%…—")
NOT_AT_END = frozenset("（《「『【“‘([{")


def wrap_lines(text: str, width: int, advance: Callable[[str], int]) -> str:
    """``text`` with line breaks so that no line is wider than ``width`` (as ``advance`` measures text), breaking
    only where Chinese text may break; its own line breaks are kept. A run wider than a whole line on its own is
    broken where it must be."""
    return "\n".join(line for paragraph in text.split("\n") for line in _paragraph(paragraph, width, advance))


def _paragraph(text: str, width: int, advance: Callable[[str], int]) -> list[str]:
    lines: list[list[str]] = [[]]
    for token in _tokens(text, width, advance):
        line = lines[-1]
        if not line or token.isspace() or advance("".join(line) + token) <= width:
            line.append(token)  # (a space where the line breaks is dropped with the line's end: the break itself)
            continue
        carried: list[str] = []
        if token in NOT_AT_START:  # the closing marks go down together, with the character before them
            while len(line) > 1 and line[-1] in NOT_AT_START:
                carried.insert(0, line.pop())
            if len(line) > 1:
                carried.insert(0, line.pop())
        opening: list[str] = []  # opening marks go down with what they open, spaces between them too
        while len(line) > 1 and (line[-1] in NOT_AT_END or line[-1].isspace()):
            opening.insert(0, line.pop())
        while opening and opening[0].isspace():  # (a space before them stays, dropped as the line's end)
            line.append(opening.pop(0))
        carried = [*opening, *carried]
        if carried and advance("".join(carried) + token) > width:  # too long to go down together: as it falls
            line.extend(carried)
            carried = []
        lines.append([*carried, token])
    return ["".join(line).rstrip(" ") for line in lines]


def _tokens(text: str, width: int, advance: Callable[[str], int]) -> list[str]:
    out: list[str] = []
    for token in _WHOLE.findall(text):
        if len(token) > 1 and advance(token) > width:
            out.extend(token)  # longer than a line: broken anywhere, as it has to be
        else:
            out.append(token)
    return out
