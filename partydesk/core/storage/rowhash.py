"""A content hash on every synced row, to catch a flipped byte that SQLite's own checks miss.

``integrity_check`` and ``quick_check`` both miss a damaged byte in a column no index covers
(RELIABILITY §0.5, reproduced here): a member's address could change on disk with nobody noticing.
Every row of a table with a ``row_hash`` column carries the SHA-256 of its other columns, written in the
same flush (``stamping``) or bulk insert (``member_repo``) as the row. ``problems`` recomputes it from
what the file holds — for ``check-db``, backup verification and before a restore — and names each row
that does not match.

The hash is taken over the values as SQLite stores them (dates as ISO text, booleans as 0/1), so a row
read through the ORM and the same row read raw give the same hash. Like the backup code, ``problems``
speaks SQLite through a DB-API connection. A migration that adds or changes a column of a hashed table
must rehash its rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from operator import itemgetter
from typing import Any

import orjson
from sqlalchemy import FromClause, inspect

HASH_COLUMN = "row_hash"
# SQLAlchemy's storage format for DateTime on SQLite.
_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


def _stored(value: object) -> object:
    """A value as SQLite holds it."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime(_DATETIME)
    if isinstance(value, date):
        return value.isoformat()
    return value


# One encoder for every row: ``json.dumps`` with these options builds a new one per call. A row is a
# flat list of scalars, so the cycle check (which changes nothing in the output) is skipped.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str, check_circular=False).encode


_dumps = orjson.dumps
_second = itemgetter(1)


def _payload_hash(table: str, pairs: Sequence[tuple[str, object]]) -> str:
    """SHA-256 of ``[table,[[column,value],…]]`` as ``_encode`` writes it, in UTF-8.

    When every value is exactly text, a whole number or None, orjson writes the very same bytes (a test
    holds them together for any text and any 64-bit number) in a third of the time; any other value (a
    float, a bool, a subclass), a number beyond 64 bits or text orjson refuses takes ``_encode``.
    """
    if _PLAIN.issuperset(map(type, map(_second, pairs))):
        try:
            return hashlib.sha256(_dumps((table, pairs))).hexdigest()
        except TypeError:  # orjson.JSONEncodeError: a number beyond 64 bits, a lone surrogate
            pass
    return hashlib.sha256(_encode([table, pairs]).encode("utf-8")).hexdigest()


def sorted_pairs_hash(table: str, pairs: Sequence[tuple[str, object]]) -> str:
    """The row hash from (column, value) pairs already in column-name order, every value already as stored
    (``digest`` after its sorting and conversion; for writers that lay their rows out so once)."""
    return _payload_hash(table, pairs)


def sorted_rows_hashes(table: str, names: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """``sorted_pairs_hash`` of each row, given as its values in the order of ``names`` (column names in
    name order), every value already as stored: one loop for a bulk writer, each row's values taken as plain
    (``_payload_hash``) by one check over the row rather than over its pairs."""
    plain, sha256, dumps = _PLAIN.issuperset, hashlib.sha256, _dumps
    found: list[str] = []
    add = found.append
    for values in rows:
        pairs = tuple(zip(names, values, strict=True))
        if plain(map(type, values)):
            try:
                add(sha256(dumps((table, pairs))).hexdigest())
                continue
            except TypeError:  # as in ``_payload_hash``
                pass
        add(_payload_hash(table, pairs))
    return found


def digest(table: str, items: Iterable[tuple[str, object]]) -> str:
    """The row hash of ``table``'s row with these (column, value) pairs (the hash column is left out)."""
    pairs = sorted(((k, _stored(v)) for k, v in items if k != HASH_COLUMN), key=lambda kv: kv[0])
    return _payload_hash(table, pairs)


def _default(column: Any) -> object:
    default = column.default
    if default is None:
        return None
    return default.arg(None) if default.is_callable else default.arg


# Values SQLite holds as they are (exact types: bool is an int subclass and is stored as 0/1).
_PLAIN = frozenset({str, int, type(None)})
_ABSENT = object()


class RowHasher:
    """``values_hash`` for many rows of one table: the column order and defaults are worked out once.

    Gives exactly ``digest``'s hash (a test holds them together), only faster: the pairs come out of
    the sorted column list already in order, the same timestamp shared by a batch is formatted once,
    and plain strings, numbers and None skip the conversion.
    """

    def __init__(self, table: FromClause) -> None:
        self.name = str(getattr(table, "name", ""))
        ordered = sorted((c for c in table.columns if c.name != HASH_COLUMN), key=lambda c: c.name)
        self.columns = [(c.name, c) for c in ordered]
        self._last_datetime: tuple[datetime, str] | None = None

    def _convert(self, value: object) -> object:
        if isinstance(value, datetime):
            last = self._last_datetime
            if last is not None and last[0] is value:
                return last[1]
            text = value.strftime(_DATETIME)
            self._last_datetime = (value, text)
            return text
        if isinstance(value, date):
            return value.isoformat()
        return _stored(value)

    def __call__(self, values: Mapping[str, Any]) -> str:
        """The hash of a row about to be inserted: absent columns take their defaults."""
        convert, get, plain = self._convert, values.get, _PLAIN
        pairs = []
        for name, column in self.columns:
            value = get(name, _ABSENT)
            if value is _ABSENT:
                value = _default(column)
            if type(value) not in plain:
                value = convert(value)
            pairs.append((name, value))
        return _payload_hash(self.name, pairs)


def values_hash(table: FromClause, values: Mapping[str, Any]) -> str:
    """The hash of a row about to be inserted by a Core statement: absent columns take their defaults."""
    name = str(getattr(table, "name", ""))
    return digest(name, ((c.name, values[c.name] if c.name in values else _default(c)) for c in table.columns))


def stamp(obj: Any, *, new: bool) -> None:
    """Set ``obj.row_hash`` from its columns; a new row first gets its column defaults filled in.

    Filling them here, not in the INSERT, makes the hash cover exactly what will be written.
    """
    state = inspect(obj)
    mapper = state.mapper
    pairs = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if new and prop.key not in state.dict and column.default is not None:
            setattr(obj, prop.key, _default(column))
        pairs.append((column.name, getattr(obj, prop.key)))
    obj.row_hash = digest(mapper.local_table.name, pairs)


def hashed_tables(conn: Any) -> list[str]:
    """Tables of the file that carry a row hash."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if any(c[1] == HASH_COLUMN for c in conn.execute(f'PRAGMA table_info("{n}")'))]


def problems(conn: Any, *, limit: int = 20) -> list[str]:
    """One Chinese line per row whose content does not match its hash (at most ``limit``)."""
    found: list[str] = []
    for table in hashed_tables(conn):
        cursor = conn.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cursor.description]
        at = names.index(HASH_COLUMN)
        key = names.index("id") if "id" in names else 0
        for row in cursor:
            if row[at] != digest(table, zip(names, row, strict=True)):
                found.append(f"{table} 表中的记录 {row[key]} 内容与校验值不符（可能被改动或已损坏）")
                if len(found) >= limit:
                    return found
    return found
