"""Line breaks of our own in inline messages: never inside a number, a date or a code, never before a closing mark or
after an opening one (标点禁则), and never wider than asked."""

from __future__ import annotations

from hypothesis import given
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
    assert "".join(lines) == MESSAGE
    for whole in ("13912345678", "2021-07-01", "2021/7/1", "2021.7.1", "20210701", "2019.3", "201903"):
        assert any(whole in line for line in lines), whole
    assert not any(line[0] in NOT_AT_START for line in lines if line)
    assert not any(line[-1] in NOT_AT_END for line in lines if line)


def test_an_id_number_message_does_not_start_a_line_with_a_comma() -> None:
    text = "公民身份号码校验位错误：按前17位，最后一位应为 9，填的是 0，请与身份证逐位核对"
    for width in range(16, 60):
        lines = wrap_lines(text, width, advance).split("\n")
        assert not any(line.startswith(("，", "：")) for line in lines), (width, lines)
        assert "".join(lines) == text


def test_a_run_longer_than_a_line_is_broken_where_it_must_be() -> None:
    assert wrap_lines("号码 123456789012345678901234", 10, advance).split("\n") == [
        "号码 12345", "6789012345", "678901234"]


@given(st.text(alphabet="中国共产党支部会议，。（）“”0123456789-./ab \n", max_size=80), st.integers(6, 40))
def test_nothing_is_lost_and_no_line_is_too_wide(text: str, width: int) -> None:
    wrapped = wrap_lines(text, width, advance)
    assert wrapped.replace("\n", "") == text.replace("\n", "")
    assert wrapped.count("\n") >= text.count("\n")
    assert all(advance(line) <= width for line in wrapped.split("\n"))
