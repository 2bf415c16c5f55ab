"""Rows of a roster sheet that are not people: 合计, 填表人, 审核人, 制表日期, 注：… and empty rows.

Forms from an organisation department (组织部门) end with a total line, the names of who filled in and
who checked the form, a date and notes; pre-numbered forms have rows holding only a 序号. The import
lists such rows as skipped instead of rejecting them as members with no ID number. A row is taken
for a footer only when it carries a label from ``FOOTER_LABELS`` (or a 签字/盖章 line) and no ID
number: a real person whose row merely lacks fields is still checked, and reported, like any other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from partydesk.core.io.raw_table import RawRow

# A label at the start of the row's first text, followed by a colon, a space, a number or nothing.
FOOTER_LABELS: tuple[str, ...] = (
    "合计", "总计", "小计", "共计", "总人数", "填表人", "填报人", "制表人", "统计人", "审核人", "审批人", "复核人",
    "负责人", "单位负责人", "联系人", "制表日期", "填表日期", "填报日期", "报送日期",
    "制表时间", "填表时间", "填报时间", "注", "备注", "说明", "填表说明",
)
_LABEL = re.compile(
    "^(" + "|".join(sorted(map(re.escape, FOOTER_LABELS), key=len, reverse=True)) + r")(?:$|[:：\s\d(（]|人$)"
)
# Labels that stand alone only with a colon ("注：…"): a bare 注 or 说明 could be someone's text.
_NEEDS_COLON = frozenset({"注", "备注", "说明"})
_SIGN = re.compile(r"(签字|签名|盖章|签章)")
_ID_LIKE = re.compile(r"\d{14,17}[\dXx]")
_SHOWN = 40


def _clean(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", folded).strip()


def _texts(raw: RawRow) -> list[str]:
    return [t for _i, c in sorted(raw.cells.items()) if c.value is not None and (t := _clean(str(c.value)))]


def footer_label(raw: RawRow, mapping: Mapping[int, str]) -> str | None:
    """The label that makes ``raw`` a footer line ("合计", "填表人", …), or None for a row to check."""
    id_columns = [i for i, key in mapping.items() if key == "id_number"]
    if any(_ID_LIKE.search(_clean(str(raw.cells[i].value))) for i in id_columns
           if i in raw.cells and raw.cells[i].value is not None):
        return None
    texts = _texts(raw)
    if not texts:
        return None
    first = texts[0].replace(" ", "") if len(texts[0]) <= 4 else texts[0]  # "合 计" as forms space it
    match = _LABEL.match(first)
    if match is not None:
        label = match.group(1)
        rest = first[len(label):]
        if label not in _NEEDS_COLON or rest[:1] in (":", "："):
            return label
    if all(_SIGN.search(t) or _LABEL.match(t) for t in texts) and any(_SIGN.search(t) for t in texts):
        return "签字"
    return None


def is_empty_row(raw: RawRow, mapping: Mapping[int, str]) -> bool:
    """True when no mapped column holds anything: a blank or only-序号 line of a pre-numbered form."""
    return not any(i in mapping and ((c.value is not None and str(c.value).strip()) or c.is_formula_without_value
                                     or c.is_error) for i, c in raw.cells.items())


def row_text(raw: RawRow) -> str:
    """The row's texts as written, joined by spaces and cut short, for the skipped-rows list."""
    text = " ".join(t for _i, c in sorted(raw.cells.items())
                    if c.value is not None and (t := re.sub(r"\s+", " ", str(c.value)).strip()))
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
