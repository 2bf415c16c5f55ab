"""Roster column headers (花名册表头): the member fields, the header spellings offices use, and mapping.

Offices keep rosters in spreadsheets they designed themselves, so one field appears under many names
("身份证号", "公民身份号码", "身份证号码（必填）"). Headers are compared after normalising away the noise
people add (spaces, full-width forms, "*" marks, bracketed hints); the reading layer uses
``count_known_headers`` to find the header row, and the column-mapping step starts from
``guess_mapping``, which the user can correct with ``resolve_mapping``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from partydesk.core.domain import fields

# From the field registry: the field keys in 花名册 order, and the header spellings of each.
FIELD_KEYS: tuple[str, ...] = fields.KEYS
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = fields.header_synonyms()

# Group-like fields: offices merge one value over a block of members (one 党小组, one 单位), so a merged
# range there means "the same for every row" and is filled down. Never personal fields: a merged name or
# ID number is a layout mistake that validation must flag, not a value to copy.
FILL_DOWN_FIELDS: frozenset[str] = frozenset({"party_group", "work_unit", "membership_status", "category"})

# Columns that name the branch (支部) are not member fields, but they are merged the same way.
BRANCH_HEADERS: frozenset[str] = frozenset(
    {"支部", "党支部", "所在支部", "所属支部", "党组织", "所在党组织", "所属党组织", "支部名称", "党组织名称",
     "所在党支部", "所属党支部", "党支部名称"}
)

HEADER_SCAN_ROWS = 10
"""The header row must be within this many rows from the top (title rows may sit above it)."""

MIN_KNOWN_HEADERS = 3
"""A row is the header row when at least this many of its cells name distinct known fields."""

# Zero-width and BOM characters survive NFKC and str.isspace(), but come in with copy-paste.
_INVISIBLE = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]+")
# Bracketed hints such as "(必填)", "【18位】", "〔选填〕"; an unclosed "(" runs to the end of the text.
_BRACKETED = re.compile(r"[(\[【〔《<].*?(?:[)\]】〕》>]|$)")
_MARKS = re.compile(r"[*※:#]+")


def normalize_header(text: str) -> str:
    """Reduce a header cell to the form used for matching: NFKC, no spaces, hints or marks, case-folded."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _INVISIBLE.sub("", folded)
    folded = _BRACKETED.sub("", folded)
    folded = _MARKS.sub("", folded)
    return folded.casefold()


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for key, spellings in HEADER_SYNONYMS.items():
        for spelling in spellings:
            normal = normalize_header(spelling)
            # Two fields sharing a spelling would make the guess depend on dict order: fail at import.
            if index.setdefault(normal, key) != key:
                raise AssertionError(f"header spelling {spelling!r} is listed for two fields")
    return index


_SYNONYM_INDEX = _build_index()
_BRANCH_INDEX = frozenset(normalize_header(h) for h in BRANCH_HEADERS)


def match_header(text: str) -> str | None:
    """The field key a header cell names, or None when it is not a known spelling."""
    return _SYNONYM_INDEX.get(normalize_header(text))


def count_known_headers(cells: Sequence[str]) -> int:
    """How many distinct fields the cells of a row name; used to recognise the header row."""
    return len({key for text in cells if (key := match_header(text)) is not None})


def guess_mapping(headers: Sequence[str]) -> dict[int, str]:
    """Map column index (0-based, as in ``headers``) to field key for every recognised header.

    When two columns name the same field (say 手机 and 联系电话), the first one gets it and the other
    stays unmapped, so the mapping step shows it and the user decides.
    """
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, text in enumerate(headers):
        key = match_header(text)
        if key is not None and key not in taken:
            mapping[index] = key
            taken.add(key)
    return mapping


def unmapped_headers(headers: Sequence[str], mapping: Mapping[int, str]) -> list[tuple[int, str]]:
    """The (column index, header as written) pairs that have a non-blank header but no field."""
    return [(index, text) for index, text in enumerate(headers) if text.strip() and index not in mapping]


def resolve_mapping(headers: Sequence[str], overrides: Mapping[int, str | None] | None = None) -> dict[int, str]:
    """The guessed mapping with the user's choices applied on top.

    ``overrides`` maps a column index to a field key, or to None to ignore that column. A field the user
    assigns to a column is taken away from whichever column had guessed it, so each field still comes
    from one column. Unknown field keys or column indexes are programming errors (ValueError): the GUI
    only offers real ones.
    """
    mapping = guess_mapping(headers)
    for index, key in (overrides or {}).items():
        if not 0 <= index < len(headers):
            raise ValueError(f"column index {index} is outside the {len(headers)} columns")
        if key is not None and key not in HEADER_SYNONYMS:
            raise ValueError(f"unknown field key {key!r}")
    for index, key in (overrides or {}).items():
        mapping.pop(index, None)
        if key is None:
            continue
        for other in [i for i, k in mapping.items() if k == key]:
            del mapping[other]
        mapping[index] = key
    return dict(sorted(mapping.items()))


def is_fill_down_column(header: str, key: str | None) -> bool:
    """True for group-like columns whose merged ranges are copied into every row they cover."""
    return key in FILL_DOWN_FIELDS or normalize_header(header) in _BRANCH_INDEX
