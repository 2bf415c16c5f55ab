"""The conflict review marks the characters in which two versions of a value differ."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from partydesk.core.domain.text_diff import differing_spans


def _unmarked(text: str, spans: list[tuple[int, int]]) -> str:
    kept = set(range(len(text))) - {i for start, end in spans for i in range(start, end)}
    return "".join(text[i] for i in sorted(kept))


def test_one_character_apart_marks_that_character_on_each_side() -> None:
    assert differing_spans("会议室（三楼）", "会议室（四楼）") == ([(4, 5)], [(4, 5)])


def test_added_text_is_marked_only_where_it_was_added() -> None:
    assert differing_spans("幸福路9号", "幸福南路9号") == ([], [(2, 3)])
    assert differing_spans("13900001234", "") == ([(0, 11)], [])


def test_equal_values_mark_nothing() -> None:
    assert differing_spans("王建国", "王建国") == ([], [])


def test_neighbouring_changes_are_one_mark() -> None:
    ours, theirs = differing_spans("2019-03-01", "2019-04-02")
    assert ours == [(6, 7), (9, 10)] and theirs == [(6, 7), (9, 10)]
    assert differing_spans("张三丰", "李四丰") == ([(0, 2)], [(0, 2)])


@given(st.text(max_size=30), st.text(max_size=30))
def test_what_is_left_unmarked_is_the_same_on_both_sides(local: str, incoming: str) -> None:
    ours, theirs = differing_spans(local, incoming)
    assert _unmarked(local, ours) == _unmarked(incoming, theirs)
    for text, spans in ((local, ours), (incoming, theirs)):
        assert all(0 <= start < end <= len(text) for start, end in spans)
        assert all(a[1] < b[0] for a, b in pairwise(spans)), "in order, touching ones joined"
    if local != incoming:
        assert ours or theirs
