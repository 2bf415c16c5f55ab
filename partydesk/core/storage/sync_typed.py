"""Reading a well-formed ``records.jsonl`` straight into typed records (msgspec), every check made while parsing.

Each record type has a record class and a data class built from its table's columns: the data's columns
exactly (no field missing, none unknown), each of the column's JSON type, text no longer than the column
allows, null only where the column takes it. ``read`` decodes the whole file with them in one C pass and
then checks what the reader checks of every line (one JSON object a line, no line over the size limit, the
``row_hash`` of each record's canonical data, no id twice). It returns the records only when all of them
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
from functools import cache
from itertools import repeat
from operator import attrgetter, eq, methodcaller, sub
from typing import Annotated, Any, cast

import msgspec
from sqlalchemy import Boolean, Date, DateTime, Integer

from partydesk.core.exchange import reader
from partydesk.core.storage.sync_records import SYNC_TYPES, SyncType

_RECORD_FIELDS = (("base_version", str | None), ("deleted", bool), ("id", str), ("owner_site", str),
                  ("row_hash", str), ("type_version", int), ("updated_at", str), ("updated_by", str),
                  ("version", str))
_DATE = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]  # checked as a date afterwards


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
    elif isinstance(kind, Date):
        found = _DATE
    elif isinstance(kind, DateTime):
        found = str
    else:
        length = getattr(kind, "length", None)
        found = Annotated[str, msgspec.Meta(max_length=length)] if length else str
    return found | None if column.nullable else found


def _typed(kind: SyncType) -> type[Record] | None:
    """The record class of one type; None for a type this path leaves to the reader (a column named as one
    of the classes' own attributes). A time in the data is read as text and checked when staged."""
    columns = kind.columns
    if _METHODS & {c.name for c in columns}:
        return None
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


_encode = msgspec.json.Encoder(order="sorted").encode  # sorted keys, no spaces: canonical for these values
_sha256, _hexdigest = hashlib.sha256, methodcaller("hexdigest")
_data, _row_hash, _id = attrgetter("data"), attrgetter("row_hash"), attrgetter("id")
_LINE_BREAK = re.compile(b"\n")
_OPEN = 0x7B  # "{"


def read(jsonl: bytes | memoryview) -> list[Record] | None:
    """Every record of ``jsonl`` typed, when every line is one sound record (None when anything is not).

    A view is read in place: a snapshot's lines are a quarter of a gigabyte. Every pass below is a chain
    of C calls over the records, none holding a list beside them.
    """
    decode = _decoder()
    lines = _lines(jsonl)
    if decode is None or lines is None:
        return None
    try:
        records: list[Record] = decode.decode_lines(jsonl)
        if len(records) != lines or len(set(map(_id, records))) != len(records):
            return None
        sound = all(map(eq, map(_hexdigest, map(_sha256, map(_encode, map(_data, records)))),
                        map(_row_hash, records)))
    except (msgspec.MsgspecError, ValueError, TypeError, UnicodeError):
        return None
    return records if sound else None


def _lines(data: bytes | memoryview) -> int | None:
    """How many lines ``data`` holds, when each begins with ``{`` and none is over the size limit (so each
    holds at least one JSON value: with as many records as lines, exactly one); None otherwise, and for an
    empty line anywhere but at the very end (left to the reader, which skips it)."""
    size = len(data)
    if size == 0:
        return 0
    ends = [found.start() for found in _LINE_BREAK.finditer(data)]
    if not ends or ends[-1] != size - 1:
        ends.append(size)  # the last line, without a break of its own
    begins = [0, *map((1).__add__, ends[:-1])]
    lengths = list(map(sub, ends, begins))
    if min(lengths) == 0 or max(lengths) > reader.MAX_RECORD_BYTES:
        return None
    if not all(map(eq, map(data.__getitem__, begins), repeat(_OPEN))):
        return None
    return len(ends)


def plain(record: Any) -> Any:
    """A record as the dict the reader would have parsed (any other value as it is)."""
    if isinstance(record, Record):
        found = msgspec.structs.asdict(record)
        found["type"] = record["type"]
        found["data"] = msgspec.structs.asdict(record.data)  # type: ignore[attr-defined]
        return found
    return record
