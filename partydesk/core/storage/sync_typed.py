"""Reading a well-formed ``records.jsonl`` straight into typed records (msgspec), every check made while parsing.

Each record type has a record class and a data class built from its table's columns: the data's columns
exactly (no field missing, none unknown), each of the column's JSON type, text no longer than the column
allows, null only where the column takes it (dates are text here: staging checks each distinct one).
``read`` decodes the whole file with them in one C pass and then checks what the reader checks of every
line (one JSON object a line, no line over the size limit, the ``row_hash`` of each record's canonical
data, no id twice). It returns the records only when all of them
pass; otherwise None, and the file is read again by ``reader.parse_records`` (orjson, dicts), which
accepts or refuses exactly as always and names the line at fault. So this path decides nothing alone: it
only reaches the usual outcome (every record sound) several times faster, and hands the values on as one
tuple per record (``values``) instead of a dict to pick apart.

The records behave as the parsed dicts do where the import reads them: ``record["id"]``,
``record.get("data")``, ``record["data"].get("name")``; ``plain`` gives the dict itself where one is
stored or compared.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from concurrent.futures import Future
from functools import cache
from operator import attrgetter, eq, methodcaller, sub
from typing import Annotated, Any, cast

import msgspec
from sqlalchemy import Boolean, Date, DateTime, Integer

from partydesk.core.exchange import parallel, reader
from partydesk.core.storage.sync_records import SYNC_TYPES, SyncType

_RECORD_FIELDS = (("base_version", str | None), ("deleted", bool), ("id", str), ("owner_site", str),
                  ("row_hash", str), ("type_version", int), ("updated_at", str), ("updated_by", str),
                  ("version", str))


class Data(msgspec.Struct, forbid_unknown_fields=True):
    """A record's ``data``, read as a mapping of column to value (as the parsed dict is)."""

    def __getitem__(self, name: str) -> Any:
        if name not in self.__struct_fields__:
            raise KeyError(name)
        return getattr(self, name)

    def get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name) if name in self.__struct_fields__ else default

    def keys(self) -> tuple[str, ...]:
        return self.__struct_fields__

    def values(self) -> tuple[Any, ...]:
        return msgspec.structs.astuple(self)

    def items(self) -> Iterator[tuple[str, Any]]:
        return zip(self.__struct_fields__, msgspec.structs.astuple(self), strict=True)

    def __iter__(self) -> Iterator[str]:
        return iter(self.__struct_fields__)

    def __len__(self) -> int:
        return len(self.__struct_fields__)

    def __contains__(self, name: object) -> bool:
        return name in self.__struct_fields__


class Record(msgspec.Struct, tag_field="type", forbid_unknown_fields=True):
    """One line of the file; ``record[key]`` as the parsed dict's (looked up in C: the import reads a few
    keys of each of hundreds of thousands of records)."""

    __getitem__ = object.__getattribute__

    def get(self, name: str, default: Any = None) -> Any:
        return getattr(self, name, default)


Mapping.register(Data)
_METHODS = frozenset(dir(Data)) | frozenset(dir(Record)) | {"type"}


def _column_type(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, Boolean):
        found: Any = bool
    elif isinstance(kind, Integer):
        found = int
    elif isinstance(kind, (Date, DateTime)):
        # Text here; staging holds each distinct date to be a real day written as stored (``YYYY-MM-DD``
        # exactly), which says all a pattern would, once per distinct value instead of once per record.
        found = str
    else:
        length = getattr(kind, "length", None)
        found = Annotated[str, msgspec.Meta(max_length=length)] if length else str
    return found | None if column.nullable else found


def _typed(kind: SyncType) -> type[Record] | None:
    """The record class of one type; None for a type this path leaves to the reader (a column named as one
    of the classes' own attributes). A time in the data is read as text and checked when staged."""
    columns = kind.columns
    names = [c.name for c in columns]
    if _METHODS & set(names) or names != sorted(names):
        return None  # (the data is hashed as encoded in field order, which must be the canonical, sorted one)
    data = msgspec.defstruct(f"{kind.name}_data", [(c.name, _column_type(c)) for c in columns], bases=(Data,))
    record = msgspec.defstruct(f"{kind.name}_record", [*_RECORD_FIELDS, ("data", data)], bases=(Record,),
                               tag=kind.name, namespace={"type": kind.name})
    return cast("type[Record]", record)


@cache
def _decoder() -> msgspec.json.Decoder[Any] | None:
    classes = [found for found in map(_typed, SYNC_TYPES) if found is not None]  # (a record of any other
    if not classes:  # type is a decoding error: the file goes to the reader)
        return None
    return msgspec.json.Decoder(classes[0] if len(classes) == 1 else _union(classes))


def _union(classes: list[type[Record]]) -> Any:
    found: Any = classes[0]
    for more in classes[1:]:
        found = found | more
    return found


# No spaces, fields in their order, which ``_typed`` holds to be the sorted one: canonical for these values
# (asking the encoder to sort them again would take almost three times as long).
_encode = msgspec.json.Encoder().encode
_sha256, _hexdigest = hashlib.sha256, methodcaller("hexdigest")
_data, _row_hash, _id = attrgetter("data"), attrgetter("row_hash"), attrgetter("id")
_LINE_BREAK = re.compile(b"\n")
_OPEN, _BREAK = 0x7B, 0x0A  # "{", "\n"


def read(jsonl: bytes | memoryview) -> list[Record] | None:
    """Every record of ``jsonl`` typed, when every line is one sound record (None when anything is not).

    A view is read in place: a snapshot's lines are a quarter of a gigabyte. Every pass below is a chain
    of C calls over the records, none holding a list beside them.
    """
    records = _unhashed(jsonl)
    return records if records is not None and hashes_match(records) else None


def _unhashed(jsonl: bytes | memoryview) -> list[Record] | None:
    """``read`` but for the row hashes."""
    decode = _decoder()
    lines = _lines(jsonl)
    if decode is None or lines is None:
        return None
    try:
        records: list[Record] = decode.decode_lines(jsonl)
    except (msgspec.MsgspecError, ValueError, TypeError, UnicodeError):
        return None
    if len(records) != lines or len(set(map(_id, records))) != len(records):
        return None
    return records


_SLICE = 4096  # records hashed in one C pass: a thread doing it lets others in between passes


def hashes_match(records: list[Record]) -> bool:
    """Whether each record's ``row_hash`` is the SHA-256 of its data's canonical JSON."""
    try:
        for at in range(0, len(records), _SLICE):
            part = records[at:at + _SLICE]
            if not all(map(eq, map(_hexdigest, map(_sha256, map(_encode, map(_data, part)))), map(_row_hash, part))):
                return False
    except (msgspec.MsgspecError, ValueError, TypeError, UnicodeError):
        return False
    return True


class Unsound(Exception):
    """Records read typed whose row hashes do not all match (``Reading.confirm``): nothing of them may be
    kept, and the package is read again the reader's way, which refuses it naming the record."""


class Reading:
    """``read`` with the row-hash check kept for later, where the import has a core to spare for it.

    The import writes a snapshot's records while their hashes are still being checked: ``start`` begins
    the check on a second core while SQLite builds a table's indexes again (one long call that lets go of
    the interpreter lock), and ``confirm`` waits for its verdict (or makes the check, when it was never
    started) before anything is committed or shown. On ``Unsound`` the caller rolls back and reads the
    package again the reader's way: a package is applied or refused exactly as when ``read`` checked it.
    """

    def __init__(self) -> None:
        self.records: list[Record] | None = None
        self._verdict: Future[bool] | None = None

    def read(self, jsonl: bytes | memoryview) -> list[Record] | None:
        """The records typed, their row hashes not yet checked; None as ``read`` gives it."""
        self.records = _unhashed(jsonl)
        return self.records

    def start(self) -> None:
        """Begin checking the row hashes on a second core."""
        if self.records is not None and self._verdict is None:
            self._verdict = parallel.started(hashes_match, self.records)

    def confirm(self) -> None:
        """Return once every row hash matched; ``Unsound`` when one did not."""
        if self.records is None:
            return
        sound = self._verdict.result() if self._verdict is not None else hashes_match(self.records)
        if not sound:
            raise Unsound


_NOT_OPENING = re.compile(rb"\n(?!\{)")  # a line break not followed by the "{" a record begins with


def _lines(data: bytes | memoryview) -> int | None:
    """How many lines ``data`` holds, when each begins with ``{`` and none is over the size limit (so each
    holds at least one JSON value: with as many records as lines, exactly one); None otherwise, and for an
    empty line anywhere but at the very end (left to the reader, which skips it).

    Three scans in C, none making an object per line: the breaks counted, any break before something else
    than ``{`` looked for, and a break looked for in every stretch of half the size limit (a longer line
    would span a whole stretch; only when some stretch holds none are the lines measured one by one).
    """
    size = len(data)
    if size == 0:
        return 0
    if data[0] != _OPEN:
        return None
    wrong = _NOT_OPENING.search(data)
    if wrong is not None and wrong.start() != size - 1:
        return None
    span = max(1, reader.MAX_RECORD_BYTES // 2)
    if not all(_LINE_BREAK.search(data, at, at + span) for at in range(0, size - span, span)):
        ends = [found.start() for found in _LINE_BREAK.finditer(data)] + [size]
        if max(map(sub, ends, [-1, *ends[:-1]])) - 1 > reader.MAX_RECORD_BYTES:
            return None
    breaks = len(_LINE_BREAK.findall(data))
    return breaks if data[size - 1] == _BREAK else breaks + 1  # (the last line may end without a break)


def plain(record: Any) -> Any:
    """A record as the dict the reader would have parsed (any other value as it is)."""
    if isinstance(record, Record):
        found = msgspec.structs.asdict(record)
        found["type"] = record["type"]
        found["data"] = msgspec.structs.asdict(record.data)  # type: ignore[attr-defined]
        return found
    return record
