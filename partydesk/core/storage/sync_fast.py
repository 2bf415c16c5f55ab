"""The bulk paths of the exchange: many received rows decoded, checked and written at once.

A snapshot of a large branch carries hundreds of thousands of records, so the per-record work is kept to
what the guarantees need and the rest is done once per table:

- ``Decoder``: a record's ``data`` back to column values through the column converters, looked up once;
- ``BulkWriter``: INSERT and UPDATE statements compiled once by SQLAlchemy for the session's dialect and
  handed to the driver's ``executemany`` with the dialect's own bind processors applied (dates and times
  stored exactly as the ORM stores them), inside the caller's transaction. The SQL is the dialect's, so
  this stays as portable as the Core statements it replaces, without their per-row parameter handling.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Date, DateTime, bindparam, insert, update
from sqlalchemy.orm import Session

from partydesk.core.storage.rowhash import HASH_COLUMN
from partydesk.core.storage.rowhash import _encode as rowhash_encode
from partydesk.core.storage.rowhash import _stored as rowhash_stored
from partydesk.core.storage.sync_records import SyncType, converter

Processor = Callable[[Any], Any] | None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a package's records are built or read.

    A big package means hundreds of thousands of small dicts alive at once; each full collection walks
    all of them, repeatedly, for no gain (the records hold no cycles). Reference counting still frees
    everything as usual, and the collector's previous state is restored on the way out.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class Decoder:
    """Turns a record's ``data`` into column values for one record type (checked, as ``decode_data``)."""

    def __init__(self, kind: SyncType) -> None:
        self.kind = kind
        self.names = [c.name for c in kind.columns]
        self.expected = frozenset(self.names)
        self.steps = [(c.name, _remembered(converter(c)) if isinstance(c.type, (Date, DateTime)) else converter(c))
                      for c in kind.columns]

    def __call__(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """Column values; ValueError/TypeError naming the first bad column."""
        if len(data) != len(self.expected) or not self.expected.issuperset(data):
            missing, extra = sorted(self.expected - set(data)), sorted(set(data) - self.expected)
            raise ValueError(f"fields do not match: missing {missing}, unknown {extra}")
        return {name: convert(data[name]) for name, convert in self.steps}


_DECODERS: dict[str, Decoder] = {}
_MEMO_LIMIT = 50_000


def _remembered(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``convert`` remembering its answers: dates repeat across thousands of rows (the same birthdays, the same
    day of joining, one import time), and parsing or formatting one is the costly part of a column."""
    memo: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        try:
            return memo[value]
        except KeyError:
            pass
        except TypeError:  # not hashable: a malformed value, let the converter say why
            return convert(value)
        found = convert(value)
        if len(memo) < _MEMO_LIMIT:
            memo[value] = found
        return found

    return remembered


def decoder(kind: SyncType) -> Decoder:
    """The decoder of a record type (made once)."""
    found = _DECODERS.get(kind.name)
    if found is None or found.kind is not kind:
        found = _DECODERS[kind.name] = Decoder(kind)
    return found


class _Statement:
    """One statement compiled for a dialect, with the order and bind processors of its parameters."""

    def __init__(self, session: Session, statement: Any, columns: Mapping[str, Any]) -> None:
        connection = session.connection()
        dialect = connection.dialect
        compiled = statement.compile(dialect=dialect)
        self.connection = connection
        self.sql = str(compiled)
        self.positional = bool(dialect.positional)
        names: list[str] = list(compiled.positiontup or []) if self.positional else list(compiled.binds)
        self.names = names
        self.processors: list[Processor] = []
        for name in names:
            column = columns[name]
            process = column.type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None and isinstance(column.type, (Date, DateTime)):
                process = _remembered(process)
            self.processors.append(process)

    def run(self, rows: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> None:
        """Execute for every row; ``keys[i]`` is the row key feeding parameter ``self.names[i]``."""
        processed = [(i, p) for i, p in enumerate(self.processors) if p is not None]
        params: list[Any] = []
        for row in rows:
            values = [row[k] for k in keys]
            for i, process in processed:
                values[i] = process(values[i])  # bind processors pass None through
            params.append(tuple(values) if self.positional else dict(zip(self.names, values, strict=True)))
        self.connection.exec_driver_sql(self.sql, params)


class BulkWriter:
    """Inserts and overwrites whole rows of one table in the session's transaction."""

    def __init__(self, session: Session, table: Any) -> None:
        self.session = session
        self.table = table
        self._insert: _Statement | None = None
        self._update: _Statement | None = None

    def insert(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """INSERT every row (each holding every column)."""
        if not rows:
            return
        if self._insert is None:
            columns = {c.key: c for c in self.table.columns}
            self._insert = _Statement(self.session, insert(self.table).values(
                {c.key: bindparam(c.key) for c in self.table.columns}), columns)
        self._insert.run(rows, self._insert.names)

    def update(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Overwrite every column but ``id`` of the rows with these ids."""
        if not rows:
            return
        if self._update is None:
            columns = {f"_{c.key}": c for c in self.table.columns}
            statement = update(self.table).where(self.table.c.id == bindparam("_id")).values(
                {c.key: bindparam(f"_{c.key}") for c in self.table.columns if c.key != "id"})
            self._update = _Statement(self.session, statement, columns)
        self._update.run(rows, [name[1:] for name in self._update.names])


_quote = json.encoder.encode_basestring  # a JSON string as ``rowhash`` encodes it (ensure_ascii off)
_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's storage format for DateTime on SQLite, as ``rowhash``


@lru_cache(maxsize=65_536)
def _json_time(value: date) -> str:
    """A date or time as ``rowhash`` stores it, quoted (the same values recur across many rows)."""
    if isinstance(value, datetime):
        return f'"{value.strftime(_DATETIME)}"'
    return f'"{value.isoformat()}"'


def _json_scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return str(_quote(value))
    if value is None:
        return "null"
    if kind is bool:
        return "1" if value else "0"
    if kind is int:
        return int.__repr__(value)
    if kind is datetime or kind is date:
        return _json_time(value)
    return str(rowhash_encode(rowhash_stored(value)))


class FastRowHasher:
    """``rowhash.digest`` of whole rows of one table, written out directly instead of through a JSON
    encoder: the same bytes (a test holds them together), a fraction of the work per row."""

    def __init__(self, table: Any) -> None:
        name = str(table.name)
        self.names = sorted(c.name for c in table.columns if c.name != HASH_COLUMN)
        self.head = "[" + _quote(name) + ",["
        self.prefixes = [("[" if i == 0 else ",[") + _quote(n) + "," for i, n in enumerate(self.names)]

    def __call__(self, values: Mapping[str, Any]) -> str:
        """The row hash of a row holding every column."""
        scalar = _json_scalar
        parts = [self.head]
        for prefix, name in zip(self.prefixes, self.names, strict=True):
            parts.append(prefix)
            parts.append(scalar(values[name]))
            parts.append("]")
        parts.append("]]")
        return hashlib.sha256("".join(parts).encode("utf-8")).hexdigest()
