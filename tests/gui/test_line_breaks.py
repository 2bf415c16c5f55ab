"""Line breaks of our own in inline messages: never inside a number, a date or a code, never before a closing mark or
after an opening one (标点禁则), and never wider than asked."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import assume, example, given
from hypothesis import strategies as st

from partydesk.gui.widgets.line_breaks import NOT_AT_END, NOT_AT_START, wrap_lines


def advance(text: str) -> int:
    """A monospaced measure: a Chinese character or mark takes two columns, anything else one."""
    return sum(2 if ord(ch) > 0x2000 else 1 for ch in text)


MESSAGE = ("参加工作日期“13912345678”无法识别为日期：请写成 2021-07-01、2021/7/1、2021.7.1、2021年7月1日 或 20210701；"
           "只知道年月或年份的，写成 2019.3、2019年3月、201903 或 1972年")


def test_dates_and_numbers_stay_whole_and_no_line_starts_with_a_closing_mark() -> None:
    lines = wrap_lines(MESSAGE, 28, advance).split("\n")
    assert len(lines) > 3
    assert all(advance(line) <= 28 for line in lines)
    assert "".join(lines).replace(" ", "") == MESSAGE.replace(" ", "")  # (a space where a line breaks goes)
    for whole in ("13912345678", "2021-07-01", "2021/7/1", "2021.7.1", "20210701", "2019.3", "201903", "2021年",
                  "7月", "1日", "3月"):
        assert any(whole in line for line in lines), whole
    for width in range(14, 60):  # a number never ends a line whose next starts with its unit
        wrapped = wrap_lines(MESSAGE, width, advance).split("\n")
        assert not any(a[-1:].isdigit() and b[:1] in "年月日" for a, b in pairwise(wrapped)), wrapped
    assert not any(line[0] in NOT_AT_START for line in lines if line)
    assert not any(line[-1] in NOT_AT_END for line in lines if line)


def test_an_id_number_message_does_not_start_a_line_with_a_comma() -> None:
    text = "公民身份号码校验位错误：按前17位，最后一位应为 9，填的是 0，请与身份证逐位核对"
    for width in range(16, 60):
        lines = wrap_lines(text, width, advance).split("\n")
        assert not any(line.startswith(("，", "：")) for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_run_longer_than_a_line_is_broken_where_it_must_be() -> None:
    assert wrap_lines("号码 123456789012345678901234", 10, advance).split("\n") == [
        "号码 12345", "6789012345", "678901234"]


@given(st.text(alphabet="中国共产党支部会议，。（）“”0123456789-./ab \n", max_size=80), st.integers(6, 40))
def test_nothing_is_lost_and_no_line_is_too_wide(text: str, width: int) -> None:
    wrapped = wrap_lines(text, width, advance)
    assert wrapped.replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")  # (a space at a
    assert wrapped.count("\n") >= text.count("\n")                                               # break goes)
    assert all(advance(line) <= width for line in wrapped.split("\n"))


@given(st.text(alphabet="中国共产党支部会议研究发展，。、）”》“（《 ", max_size=80), st.integers(12, 40))
@example("““中“““中“ “", 12)  # an opening mark with a space after it, where the line breaks
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(text: str, width: int) -> None:
    """Runs of marks (“好的”。 件二），) go down whole with the character before them; no line is a lone space. (A
    run of marks too long to go down with its character falls as it must, so such runs are left out here.)"""
    marks = NOT_AT_START | NOT_AT_END | {" "}
    assume(not re.search(f"[{re.escape(''.join(marks))}]{{4}}", text))
    lines = wrap_lines(text, width, advance).split("\n")
    for line in lines[1:]:
        assert line.strip(), "no line of spaces only"
        assert line[0] not in NOT_AT_START, lines
    for line in lines[:-1]:
        assert line.rstrip()[-1:] not in NOT_AT_END, lines


def test_a_run_of_closing_marks_goes_down_whole_and_a_space_at_a_break_goes() -> None:
    """“好的”。 and 件二）， at every width: no line starts with a mark; a space where a line breaks is dropped
    rather than left alone on a line or at its start."""
    for text in ("他说：“好的”。然后散会", "附件一、附件二），谢谢大家", "编号为 A-3）。然后下一项"):
        for width in range(8, 2 * len(text) + 2):
            lines = wrap_lines(text, width, advance).split("\n")
            assert all(line and line[0] not in NOT_AT_START and not line[0].isspace() for line in lines[1:]), lines
            assert all(advance(line) <= width for line in lines), lines
