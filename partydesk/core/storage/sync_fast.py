"""The bulk paths of the exchange: many received rows decoded, checked and written at once.

A snapshot of a large branch carries hundreds of thousands of records, so the per-record work is kept to
what the guarantees need and the rest is done once per table:

- ``Decoder``: a record's ``data`` back to column values as SQLite stores them (dates as ISO text),
  checked through the column converters, looked up once;
- ``HashingWriter``: INSERT and UPDATE statements handed to the driver's ``executemany`` inside the
  caller's transaction, each row with its ``row_hash`` (``rowhash``'s ``[table,[[column,value],…]]`` over
  the values as stored), the pairs picked in column-name order by one C call per row and encoded by
  orjson (``rowhash``; in SQL, with a ``json_array`` call per column, it took four times as long). A
  test holds every hash so written equal to what ``check-db`` recomputes, for any text;
- ``indexes_set_aside``: a table's secondary indexes dropped while it receives more rows than it holds, and
  built again from their own SQL once the rows are in (sorting once is cheaper than inserting into them
  row by row, and SQLite may sort on a second core: ``sorter_threads``), all inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from itertools import repeat
from operator import add, itemgetter
from typing import Any

from sqlalchemy import Boolean, Date, DateTime
from sqlalchemy.orm import Session

from partydesk.core.storage.rowhash import HASH_COLUMN, sorted_rows_hashes
from partydesk.core.storage.sync_records import SyncType, converter

Processor = Callable[[Any], Any] | None


class Decoder:
    """Turns a record's ``data`` into column values for one record type (checked, as ``decode_data``)."""

    def __init__(self, kind: SyncType) -> None:
        self.kind = kind
        self.names = [c.name for c in kind.columns]
        self.expected = frozenset(self.names)
        self.steps = [(c.name, _remembered(_as_stored(converter(c))) if isinstance(c.type, (Date, DateTime))
                       else converter(c)) for c in kind.columns]

    def __call__(self, data: Mapping[str, Any], type_version: int | None = None) -> tuple[Any, ...]:
        """Column values as stored, in column order; ValueError/TypeError naming the first bad column. A record
        of an earlier ``type_version`` carries exactly the columns it had, the later ones stored empty."""
        absent = self.kind.absent_in(type_version) if type_version is not None else frozenset()
        expected = self.expected - absent
        if len(data) != len(expected) or not expected.issuperset(data):
            missing, extra = sorted(expected - set(data)), sorted(set(data) - expected)
            raise ValueError(f"fields do not match: missing {missing}, unknown {extra}")
        if absent:
            return tuple([None if name in absent else convert(data[name]) for name, convert in self.steps])
        return tuple([convert(data[name]) for name, convert in self.steps])


_DECODERS: dict[str, Decoder] = {}
_MEMO_LIMIT = 50_000


_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's storage format for DateTime on SQLite, as ``rowhash``


def _as_stored(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``convert`` (a checked JSON value to a date or time) giving the text SQLite stores instead."""
    def stored(value: Any) -> Any:
        found = convert(value)
        if isinstance(found, datetime):
            return found.strftime(_DATETIME)
        return None if found is None else found.isoformat()

    return stored


_STORED_TIMES: dict[str, str] = {}


def stored_time(text: str) -> str:
    """An ISO 8601 time (a record's ``updated_at``) as SQLite stores it; ValueError when it is not one."""
    found = _STORED_TIMES.get(text)
    if found is None:
        found = datetime.fromisoformat(text).strftime(_DATETIME)
        if len(_STORED_TIMES) < _MEMO_LIMIT:
            _STORED_TIMES[text] = found
    return found


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


def _sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_FLAG_STORED = {True: 1, False: 0}  # a flag as SQLite holds it (None stays None)

BOOKKEEPING_ORDER = ("id", "owner_site", "version", "deleted", "updated_at", "updated_by", "change_seq")


class HashingWriter:
    """Inserts and overwrites whole rows of one synced table, each with its row hash.

    Rows are tuples in ``names`` order: the record's own columns (``SyncType.columns`` order), then the
    bookkeeping in ``BOOKKEEPING_ORDER``, every value as SQLite stores it (text, whole numbers, booleans,
    dates as ISO text, ``updated_at`` in SQLAlchemy's storage format). Booleans are written as the 0 and 1
    SQLite keeps, so the hash covers what the file holds.
    """

    def __init__(self, session: Session, table: Any, data_columns: Sequence[str]) -> None:
        self.connection = session.connection()
        self.table_name = str(table.name)
        self.names = [*data_columns, *BOOKKEEPING_ORDER]
        stored = {c.name for c in table.columns if c.name != HASH_COLUMN}
        if set(self.names) != stored or len(self.names) != len(stored):
            raise ValueError(f"{table.name}: the written columns must be every column but the row hash")
        order = sorted(range(len(self.names)), key=self.names.__getitem__)
        self._sorted_names = [self.names[i] for i in order]
        self._in_name_order = itemgetter(*order)
        self._flags = [i for i, name in enumerate(self.names) if isinstance(table.c[name].type, Boolean)]
        number = {name: i + 1 for i, name in enumerate(self.names)}
        digest = f"?{len(self.names) + 1}"
        quoted = _sql_name(self.table_name)
        self.insert_sql = (f"INSERT INTO {quoted} ({', '.join(map(_sql_name, self.names))}, {HASH_COLUMN}) "
                           f"VALUES ({', '.join(f'?{number[n]}' for n in self.names)}, {digest})")
        assignments = ", ".join(f"{_sql_name(n)} = ?{number[n]}" for n in self.names if n != "id")
        self.update_sql = (f"UPDATE {quoted} SET {assignments}, {HASH_COLUMN} = {digest} "
                           f"WHERE id = ?{number['id']}")

    def hashed(self, rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """The rows as written: flags as 0/1, then the row hash. (A flag column given as 0/1 already, as
        ``deleted`` usually is, is found so by one pass over it, and the rows are not taken apart for it.)"""
        flags = [i for i in self._flags if bool in set(map(type, map(itemgetter(i), rows)))]
        if flags:
            rows = list(map(self._flags_stored, rows, repeat(flags)))
        hashes = sorted_rows_hashes(self.table_name, self._sorted_names, map(self._in_name_order, rows))
        return list(map(add, rows, zip(hashes)))  # (each hash as a one-value tuple, joined on in C)

    @staticmethod
    def _flags_stored(row: tuple[Any, ...], flags: list[int]) -> tuple[Any, ...]:
        values = list(row)
        for i in flags:
            values[i] = _FLAG_STORED.get(values[i], values[i])
        return tuple(values)

    def insert(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """INSERT rows as ``hashed`` gave them."""
        if rows:
            self.connection.exec_driver_sql(self.insert_sql, rows)

    def update(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Overwrite every column of the rows (as ``hashed`` gave them) with these ids."""
        if rows:
            self.connection.exec_driver_sql(self.update_sql, rows)


SORTER_THREADS = 2  # SQLite's helper threads for one large sort (its default is none)


@contextmanager
def sorter_threads(session: Session, threads: int = SORTER_THREADS) -> Iterator[None]:
    """SQLite may sort on ``threads`` more threads for the block (``PRAGMA threads``), then as before.

    Building an index is a sort of the whole table; with a helper thread the sorted runs are made on the
    second core, and the build of a 100 000-member table's indexes takes about a sixth less time. The
    setting only allows helpers where SQLite finds the sort large enough; it changes nothing in the file.
    """
    connection = session.connection()
    before = int(connection.exec_driver_sql("PRAGMA threads").scalar_one())
    connection.exec_driver_sql(f"PRAGMA threads={int(threads)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA threads={before}")


REBUILD_MIN_ROWS = 10_000  # below this, inserting into the indexes costs less than building them again


@contextmanager
def indexes_set_aside(session: Session, table_name: str, incoming: int) -> Iterator[bool]:
    """While the block writes ``incoming`` new rows into ``table_name``: when they are many and at least as
    many as the table holds (a first snapshot into a committee), its secondary indexes are dropped, then
    created again from their own SQL and, where the file keeps query statistics, analysed afresh (a dropped
    index loses its statistics). Yields whether they were set aside.

    Everything happens in the caller's transaction: when the block fails, the indexes stay dropped only
    until that transaction rolls back, which restores them with everything else. The indexes that enforce
    uniqueness (the primary key's, ``UNIQUE`` constraints') have no SQL of their own and always stay.
    """
    connection = session.connection()
    quoted = _sql_name(table_name)
    if incoming < REBUILD_MIN_ROWS or connection.exec_driver_sql(
            f"SELECT count(*) FROM {quoted}").scalar_one() > incoming:
        yield False
        return
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "ORDER BY name", (table_name,)).all()
    kept = connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
    stats = kept is not None and connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_stat1 WHERE tbl = ? LIMIT 1", (table_name,)).first() is not None
    for name, _sql in found:
        connection.exec_driver_sql(f"DROP INDEX {_sql_name(name)}")
    yield True
    with sorter_threads(session):
        for _name, sql in found:
            connection.exec_driver_sql(sql)
    if found and stats:
        connection.exec_driver_sql(f"ANALYZE {quoted}")
