"""Where two versions of one value differ, character by character: the conflict review marks those
characters, so 会议室（三楼） against 会议室（四楼） shows the one character that tells them apart."""

from __future__ import annotations

from difflib import SequenceMatcher

Span = tuple[int, int]  # [start, end) in the text


def differing_spans(local: str, incoming: str) -> tuple[list[Span], list[Span]]:
    """The character ranges of ``local`` and of ``incoming`` that the other does not share (each list in
    text order, adjacent ranges joined). Equal texts give two empty lists; an empty text none of its own."""
    if local == incoming:
        return [], []
    ours: list[Span] = []
    theirs: list[Span] = []
    matcher = SequenceMatcher(None, local, incoming, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        _join(ours, a_start, a_end)
        _join(theirs, b_start, b_end)
    return ours, theirs


def _join(spans: list[Span], start: int, end: int) -> None:
    if start == end:
        return
    if spans and spans[-1][1] == start:
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))
