"""The meeting body's simple rich text (bold, lists, paragraphs) as blocks, and back to safe HTML.

The record dialog stores the body as HTML from a ``QTextEdit`` (a whole document with a style sheet,
``<p>`` with inline styles, ``<span style="font-weight:700">``, ``<ul>``/``<ol>``); older records and the
command line store plain text. Both become a list of ``Block``s — a paragraph or a list item made of
plain or bold runs — which the .docx writer turns into paragraphs and ``blocks_html`` into HTML that
carries nothing but ``<p>``, ``<b>``, ``<ul>``/``<ol>``/``<li>`` and escaped text. Anything else (scripts,
styles, images, links, tables) is dropped, its text kept where it is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

__all__ = ["Block", "Run", "blocks_html", "blocks_text", "body_blocks", "plain_text"]

BLOCK_TAGS = frozenset({"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre",
                        "ul", "ol", "table", "hr"})
BOLD_TAGS = frozenset({"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"})
HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript"})
_TAG = re.compile(r"<\s*[a-zA-Z/!]")
_SPACE = re.compile(r"\s+")
_WEIGHT = re.compile(r"font-weight\s*:\s*([a-z0-9]+)", re.IGNORECASE)
# Tags whose style may set the weight of the text inside them (a QTextEdit puts a bold line's weight on its
# <p> or <li> and un-bolds stretches of it with <span style="font-weight:400">).
WEIGHT_TAGS = frozenset({"span", "p", "li", "div", "font", "td", "body"})


def _weight(tag: str, attrs: list[tuple[str, str | None]]) -> bool | None:
    """Whether the tag makes its text bold (True), not bold (False), or leaves it as around it (None).

    Every ``style`` attribute is read, the last weight given winning (a QTextEdit writes a list item's
    character format and its block format as two ``style`` attributes of one ``<li>``)."""
    style = " ".join(value for name, value in attrs if name == "style" and value)
    found = _WEIGHT.findall(style)
    if found:
        weight = found[-1].lower()
        return weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
    return True if tag in BOLD_TAGS else None


@dataclass(frozen=True)
class Run:
    """A stretch of text, bold or not."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph, or an item of a bulleted (``ul``) or numbered (``ol``) list (``number`` counts from 1)."""

    runs: tuple[Run, ...]
    list_kind: str = ""
    number: int = 0

    @property
    def text(self) -> str:
        """The block's text without formatting."""
        return "".join(r.text for r in self.runs)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._runs: list[Run] = []
        self._bold: list[tuple[str, bool | None]] = []  # (tag, its weight: ``_weight``) of each open tag we track
        self._lists: list[list[int | str]] = []  # [kind, items so far]
        self._hidden = 0
        self._item: tuple[str, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden += 1
            return
        if tag in BLOCK_TAGS:
            self._end_block()
        if tag in ("ul", "ol"):
            self._lists.append([tag, 0])
        elif tag == "li" and self._lists:
            top = self._lists[-1]
            top[1] = int(top[1]) + 1
            self._item = (str(top[0]), int(top[1]))
        if tag in BOLD_TAGS or tag in WEIGHT_TAGS:
            if tag in BLOCK_TAGS:  # a paragraph left open (<p>…<p>) does not go on weighing on the next one
                self._close(tag)
            self._bold.append((tag, _weight(tag, attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._end_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
            return
        if tag in BLOCK_TAGS:
            self._end_block()
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        self._close(tag)

    def _close(self, tag: str) -> None:
        """Forget the innermost open ``tag`` and everything opened inside it."""
        for index in range(len(self._bold) - 1, -1, -1):
            if self._bold[index][0] == tag:
                del self._bold[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        text = _SPACE.sub(" ", data)
        if not text.strip() and not self._runs:
            return
        bold = next((weight for _tag, weight in reversed(self._bold) if weight is not None), False)
        if self._runs and self._runs[-1].bold == bold:
            self._runs[-1] = Run(self._runs[-1].text + text, bold)
        else:
            self._runs.append(Run(text, bold))

    def _end_block(self) -> None:
        runs = _trimmed(self._runs)
        self._runs = []
        if runs:
            kind, number = self._item or ("", 0)
            self.blocks.append(Block(tuple(runs), kind, number))
        self._item = None

    def close(self) -> None:
        super().close()
        self._end_block()


def _trimmed(runs: list[Run]) -> list[Run]:
    out = list(runs)
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        out[0] = Run(out[0].text.lstrip(), out[0].bold)
        out[-1] = Run(out[-1].text.rstrip(), out[-1].bold)
    return out


def body_blocks(text: str) -> list[Block]:
    """The blocks of a stored body: HTML when it holds tags, otherwise plain text with one paragraph a line."""
    if not text or not text.strip():
        return []
    if not _TAG.search(text):
        return [Block((Run(line.strip()),)) for line in text.splitlines() if line.strip()]
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.blocks


def plain_text(text: str) -> str:
    """The stored body as plain text, one block a line (list items keep their bullet or number)."""
    return blocks_text(body_blocks(text))


def blocks_text(blocks: list[Block]) -> str:
    """``blocks`` as plain text, one a line (list items keep their bullet or number)."""
    lines = []
    for block in blocks:
        mark = f"{block.number}. " if block.list_kind == "ol" else "• " if block.list_kind == "ul" else ""
        lines.append(mark + block.text)
    return "\n".join(lines)


def _runs_html(runs: tuple[Run, ...]) -> str:
    return "".join(f"<b>{escape(r.text)}</b>" if r.bold else escape(r.text) for r in runs)


def blocks_html(blocks: list[Block], *, paragraph_style: str = "", list_style: str = "") -> str:
    """Safe HTML of ``blocks``: paragraphs, bold, and lists grouped back into ``<ul>``/``<ol>``."""
    style = f' style="{escape(paragraph_style)}"' if paragraph_style else ""
    in_list = f' style="{escape(list_style)}"' if list_style else ""
    out: list[str] = []
    open_list = ""
    for block in blocks:
        if block.list_kind != open_list:
            if open_list:
                out.append(f"</{open_list}>")
            if block.list_kind:
                out.append(f"<{block.list_kind}{in_list}>")
            open_list = block.list_kind
        if block.list_kind:
            out.append(f"<li>{_runs_html(block.runs)}</li>")
        else:
            out.append(f"<p{style}>{_runs_html(block.runs)}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    return "".join(out)
