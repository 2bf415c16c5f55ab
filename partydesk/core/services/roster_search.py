"""Roster search (花名册查找): the one matching rule shared by the roster page and its benchmark.

A query is either *text* or *digits*:

- text matches a substring of the name (case-insensitive, for Latin names too), of the pinyin
  initials or of the full pinyin: "zs", "zhangsan", "zhang san", "张" and "三" all find 张三;
- digits (optionally ending in X: "002X", "5678") match the *end* of the ID number or of the phone
  (a landline's digits without its dashes), which is how offices read numbers out to each other.

Facets narrow further: 人员类别, 党小组, 党籍状态, 失联, 流动, 在册, and 所在支部 in a committee file.

Speed: at 100 000 members every keystroke filters the whole roster, so each row's searchable text is
joined once, at load, into two haystack strings; matching is then one ``in`` per row inside a list
comprehension, the fastest loop Python has. Fields are separated by "\\x01", which no query contains,
so a match cannot straddle two fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Literal

from partydesk.core.domain.roster import RosterRow

SEP = "\x01"
QueryKind = Literal["all", "text", "digits"]

__all__ = [
    "RosterFacets",
    "RosterIndex",
    "SearchQuery",
    "digits_haystack",
    "filter_rows",
    "parse_query",
    "text_haystack",
]


def text_haystack(row: RosterRow) -> str:
    """Name (case-folded), pinyin initials and full pinyin, each closed by SEP."""
    pinyin = row.pinyin.replace(" ", SEP)
    return f"{SEP}{row.name.casefold()}{SEP}{pinyin}{SEP}"


def digits_haystack(row: RosterRow) -> str:
    """ID number (upper case) and phone digits, each closed by SEP so "tail + SEP" finds an ending."""
    phone = row.phone.replace("-", "")
    return f"{SEP}{row.id_number.upper()}{SEP}{phone}{SEP}"


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: what kind it is and the needles to look for in the haystacks."""

    kind: QueryKind
    needles: tuple[str, ...] = ()


def parse_query(text: str) -> SearchQuery:
    """Decide whether ``text`` is a name/pinyin query or a number ending; blank text matches all."""
    stripped = text.strip()
    if not stripped:
        return SearchQuery("all")
    compact = "".join(ch for ch in stripped if not ch.isspace() and ch != "-").upper()
    body = compact[:-1] if compact.endswith("X") else compact
    if body and body.isascii() and body.isdigit():
        return SearchQuery("digits", (compact + SEP,))
    folded = stripped.casefold()
    needles = [folded]
    joined = "".join(folded.split())
    if joined != folded:
        # "zhang san" is typed with a space as often as without; the name itself may contain one.
        needles.append(joined)
    return SearchQuery("text", tuple(needles))


@dataclass(frozen=True)
class RosterFacets:
    """Facet filters; ``None`` means "any". Codes are the stored codes (category "1", status "10")."""

    category: str | None = None
    party_group: str | None = None
    membership_status: str | None = None
    lost_contact: bool | None = None
    migrant: bool | None = None
    in_branch: bool | None = None
    org_id: str | None = None  # one organisation of a committee file (所在支部)

    def conditions(self) -> list[tuple[int, object]]:
        """(RosterRow field position, required value) for every facet that is set."""
        positions = {name: RosterRow._fields.index(name) for name in RosterRow._fields}
        return [
            (positions[f.name], getattr(self, f.name))
            for f in fields(self) if getattr(self, f.name) is not None
        ]

    @property
    def active(self) -> bool:
        """Whether any facet is set."""
        return any(getattr(self, f.name) is not None for f in fields(self))


NO_FACETS = RosterFacets()


class RosterIndex:
    """The roster rows with their haystacks, in one order; ``reorder`` keeps all three aligned."""

    __slots__ = ("digits", "rows", "text")

    def __init__(self, rows: Sequence[RosterRow]) -> None:
        self.rows: list[RosterRow] = list(rows)
        self.text: list[str] = [text_haystack(r) for r in self.rows]
        self.digits: list[str] = [digits_haystack(r) for r in self.rows]

    def __len__(self) -> int:
        return len(self.rows)

    def reorder(self, order: Sequence[int]) -> None:
        """Put the rows (and their haystacks) in ``order``, a permutation of row positions."""
        rows, text, digits = self.rows, self.text, self.digits
        self.rows = [rows[i] for i in order]
        self.text = [text[i] for i in order]
        self.digits = [digits[i] for i in order]


def filter_rows(index: RosterIndex, query: SearchQuery, facets: RosterFacets = NO_FACETS) -> list[RosterRow]:
    """The rows of ``index`` matching ``query`` and ``facets``, in the index's order."""
    if query.kind == "all":
        picked = list(index.rows)
    else:
        hays = index.digits if query.kind == "digits" else index.text
        if len(query.needles) == 1:
            needle = query.needles[0]
            picked = [r for r, h in zip(index.rows, hays, strict=True) if needle in h]
        else:
            first, second = query.needles[0], query.needles[1]
            picked = [r for r, h in zip(index.rows, hays, strict=True) if first in h or second in h]
    for position, value in facets.conditions():
        picked = [r for r in picked if r[position] == value]
    return picked
