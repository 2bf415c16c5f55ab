"""Step 7 of an import (SYNC.md): every incoming record checked and turned into the values it will be stored
as, or rejected with the reason shown to the office.

``stage_all`` checks the records of one type together, column by column: the set of Python types each
column holds, the longest text, the distinct dates and times, the oldest and newest version. A well-formed
package passes in a few C-level passes per column instead of a Python call per value. Any group where
something is off is checked again record by record (``stage_one``), which names the problem of each bad
record; so the outcome is exactly ``stage_one``'s for every record, only reached faster for the usual case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import chain, groupby, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from msgspec.structs import astuple
from sqlalchemy import Boolean, Date, DateTime, Integer

from partydesk.core.clock import COUNTER_WIDTH, WALL_WIDTH, Version
from partydesk.core.errors import ValidationError
from partydesk.core.exchange.manifest import Manifest
from partydesk.core.storage.sync_fast import decoder, stored_time
from partydesk.core.storage.sync_records import TYPES_BY_NAME, SyncType
from partydesk.core.storage.sync_typed import Data, Record

EARLIEST = datetime(2020, 1, 1)  # no partydesk package or record can be older: a clock at 2000 is wrong
FUTURE_SLACK = timedelta(hours=24)
_VERSION = re.compile(rf"[0-9]{{{WALL_WIDTH}}}-[0-9]{{{COUNTER_WIDTH}}}-.+", re.S)
_NONE = type(None)


class Staged(NamedTuple):
    """One incoming record after validation: its column values as stored (``SyncType.columns`` order), or
    why it was rejected. (A named tuple: a snapshot stages hundreds of thousands, and a tuple is made in a
    fraction of a frozen class's time.)"""

    record: Any  # the parsed dict, or ``sync_typed.Record``
    values: tuple[Any, ...] | None
    problem: str = ""


@dataclass(frozen=True)
class Origin:
    """Whose records a package may carry: the sender's own, and ours only when a parent corrects them."""

    sender: str
    own_site: str
    parent: str
    now: datetime

    @classmethod
    def of(cls, manifest: Manifest, now: datetime, own_site: str, parent: str) -> Origin:
        return cls(manifest.origin.site_id, own_site, parent, now)


def stage_all(records: Sequence[dict[str, Any]], origin: Origin) -> list[Staged]:
    """Every record staged, in the order given.

    The records are grouped by type with C-level sorts (stable, so each group keeps the given order); a
    package as our writer lays it out, one type after another, comes back in one concatenation.
    """
    types = list(map(str, map(itemgetter("type"), records)))
    order = sorted(range(len(records)), key=types.__getitem__)
    pieces: list[tuple[list[int], list[Staged]]] = []
    for name, run in groupby(order, key=types.__getitem__):
        indexes = list(run)
        group = list(map(records.__getitem__, indexes))
        kind = TYPES_BY_NAME.get(name)
        staged = _stage_group(kind, group, origin) if kind is not None else None
        pieces.append((indexes, staged if staged is not None else [stage_one(r, origin) for r in group]))
    if order == list(range(len(records))):  # already one type after another
        return list(chain.from_iterable(staged for _indexes, staged in pieces))
    out: list[Staged | None] = [None] * len(records)
    for indexes, staged in pieces:
        for i, item in zip(indexes, staged, strict=True):
            out[i] = item
    return out  # type: ignore[return-value]


def stage_one(record: dict[str, Any], origin: Origin) -> Staged:
    """One record checked on its own, with the reason when it is rejected."""
    kind = TYPES_BY_NAME.get(str(record["type"]))
    if kind is None:
        return Staged(record, None, f"不认识的记录类型 {record['type']}")
    if not isinstance(record["type_version"], int) or record["type_version"] > kind.type_version:
        return Staged(record, None, "记录格式比本程序新，请升级")
    if record["owner_site"] == origin.own_site and not origin.parent:
        return Staged(record, None, "本单位的记录只接受上级党委的更正")
    if record["owner_site"] not in (origin.sender, origin.parent and origin.own_site):
        return Staged(record, None, "记录不属于发送方，不能由它报送")
    try:
        version = Version.decode(str(record["version"]))
        values = decoder(kind)(record["data"], record["type_version"])
        datetime.fromisoformat(str(record["updated_at"]))
        if not isinstance(record["deleted"], bool) or not isinstance(record["updated_by"], str):
            raise TypeError("bookkeeping fields")
    except (ValueError, TypeError) as exc:
        return Staged(record, None, f"内容不合格式：{exc}")
    wall = wall_time(version.wall_ms)
    if wall < EARLIEST or wall > origin.now + FUTURE_SLACK:
        return Staged(record, None, f"修改时间 {wall:%Y-%m-%d} 不可信（对方电脑时钟有误）")
    problem = domain_problem(kind.name, dict(zip(decoder(kind).names, values, strict=True)), record["deleted"])
    return Staged(record, None if problem else values, problem)


def wall_time(milliseconds: int) -> datetime:
    """A version's wall time; ``datetime.max`` for one past the calendar (a clock set absurdly far ahead)."""
    try:
        return datetime(1970, 1, 1) + timedelta(milliseconds=milliseconds)
    except OverflowError:
        return datetime.max


def domain_problem(type_name: str, values: Mapping[str, Any], deleted: bool) -> str:
    """What the domain rules find wrong with a live record ('' when nothing)."""
    if type_name != "member" or deleted:
        return ""
    from partydesk.core.domain.idnumber import parse_id_number

    try:
        parse_id_number(str(values.get("id_number", "")), str(values.get("id_type", "")) or "1")
    except ValidationError as exc:
        return exc.message
    if not str(values.get("name", "")).strip():
        return "姓名为空"
    return ""


def _types(values: Iterable[Any]) -> set[type]:
    return set(map(type, values))


def _stage_group(kind: SyncType, group: list[dict[str, Any]], origin: Origin) -> list[Staged] | None:
    """The group staged column by column, or None when any check fails (then each record on its own)."""
    field = itemgetter
    typed = isinstance(group[0], Record)  # (the types of its fields were checked as it was read)
    if not typed and _types(map(field("type_version"), group)) != {int}:
        return None
    if max(map(field("type_version"), group)) > kind.type_version:
        return None
    if kind.added and min(map(field("type_version"), group)) < kind.type_version:
        return None  # an earlier format carries fewer columns: each record is held to its own (``stage_one``)
    allowed = {origin.sender, origin.own_site} if origin.parent else {origin.sender}
    if not set(map(field("owner_site"), group)) <= allowed:
        return None
    versions = list(map(field("version"), group))
    if (not typed and _types(versions) != {str}) or not all(map(_VERSION.fullmatch, versions)):
        return None
    for edge in (min(versions), max(versions)):  # fixed-width wall time first: text order is time order
        wall = wall_time(int(edge[:WALL_WIDTH]))
        if wall < EARLIEST or wall > origin.now + FUTURE_SLACK:
            return None
    if not typed and (_types(map(field("deleted"), group)) != {bool}
                      or _types(map(field("updated_by"), group)) != {str}):
        return None
    times = list(map(field("updated_at"), group))
    try:
        if not typed and _types(times) != {str}:
            return None
        for text in set(times):
            stored_time(text)
    except ValueError:
        return None
    datas = list(map(field("data"), group))
    rows = _typed_rows(kind, datas) if typed else _data_rows(kind, datas)
    if rows is None:
        return None
    if kind.name == "member":
        return _members(kind, group, rows)
    return _all_staged(group, rows)


def _all_staged(group: list[Any], rows: list[tuple[Any, ...]]) -> list[Staged]:
    """Each record of the group staged with its values, nothing wrong."""
    return list(map(Staged._make, zip(group, rows, repeat(""))))


def _data_rows(kind: SyncType, datas: list[Any]) -> list[tuple[Any, ...]] | None:
    """Each record's data as a tuple of stored values, when every column of every record checks out."""
    code = decoder(kind)
    if _types(datas) != {dict} or set(map(len, datas)) != {len(code.names)} or len(code.names) < 2:
        return None  # (an itemgetter of a single name would give values, not tuples)
    try:  # as many keys as columns, every column among them: exactly the columns
        rows: list[tuple[Any, ...]] = list(map(itemgetter(*code.names), datas))
    except KeyError:
        return None
    # Column by column, each picked out of the rows on its own: ``zip(*rows)`` would walk hundreds of
    # thousands of row iterators in step, several times slower on a large group.
    for at, column in enumerate(kind.columns):
        if not _column_ok(column, list(map(itemgetter(at), rows))):
            return None
    return rows


def _typed_rows(kind: SyncType, datas: list[Any]) -> list[tuple[Any, ...]] | None:
    """``_data_rows`` for records ``sync_typed`` read: each column's type, length and nullability were checked
    as they were parsed (a date is text or, where the column takes it, null), so only the dates are left:
    each distinct one among all the date columns a real day, written as stored."""
    if any(isinstance(c.type, DateTime) for c in kind.columns) or not all(isinstance(d, Data) for d in datas):
        return None  # (a time in the data: each record staged on its own, as ``_column_ok`` has it)
    rows = list(map(astuple, datas))
    at = [i for i, column in enumerate(kind.columns) if isinstance(column.type, Date)]
    if not at:
        return rows
    dates = set(map(itemgetter(*at), rows)) if len(at) == 1 else set(chain.from_iterable(map(itemgetter(*at), rows)))
    dates.discard(None)
    return rows if _real_days(dates) else None


def _real_days(texts: Iterable[Any]) -> bool:
    """Whether each of ``texts`` is a day of the calendar written exactly as SQLite holds it (``YYYY-MM-DD``)."""
    try:
        return all(type(v) is str and date.fromisoformat(v).isoformat() == v for v in texts)
    except ValueError:
        return False


def _column_ok(column: Any, values: Sequence[Any]) -> bool:
    kind = column.type
    found = _types(values)
    if column.nullable:
        found.discard(_NONE)
    if isinstance(kind, Boolean):
        return found <= {bool}
    if isinstance(kind, Integer):
        return found <= {int}
    if found - {str}:
        return False
    if isinstance(kind, DateTime):
        return False
    if isinstance(kind, Date):  # stored as given only when it is already the exact text SQLite holds
        return _real_days(set(values) - {None})
    length = getattr(kind, "length", None)
    return length is None or max(map(len, filter(None, values)), default=0) <= length


def _members(kind: SyncType, group: list[dict[str, Any]], rows: list[tuple[Any, ...]]) -> list[Staged]:
    """Members checked against the domain rules: a plainly valid resident ID and a name pass at once (for the
    whole group when every member is so), any other row gets ``domain_problem``'s full check (and its
    message)."""
    from partydesk.core.domain.idnumber import RESIDENT_ID, plainly_valid_resident_id, resolved_type

    names = decoder(kind).names
    today = date.today()
    if _all_plainly_valid(rows, names, today):
        return _all_staged(group, rows)
    fields = itemgetter(names.index("id_number"), names.index("id_type"), names.index("name"))
    resident: dict[object, bool] = {}
    out = []
    for record, values in zip(group, rows, strict=True):
        number, id_type, name = fields(values)
        if id_type not in resident:
            resident[id_type] = isinstance(id_type, str) and resolved_type(id_type or "1") == RESIDENT_ID
        if resident[id_type] and isinstance(number, str) and isinstance(name, str) and not record["deleted"] \
                and plainly_valid_resident_id(number, today) and name.strip():
            out.append(Staged(record, values))
            continue
        problem = domain_problem("member", {"id_number": number, "id_type": id_type, "name": name}, record["deleted"])
        out.append(Staged(record, None if problem else values, problem))
    return out


def _all_plainly_valid(rows: list[tuple[Any, ...]], names: list[str], today: date) -> bool:
    """Whether every member of the group is named and holds a plainly valid resident ID, each check made once
    over the whole column (a deleted member so is accepted as it would be on its own)."""
    from partydesk.core.domain.idnumber import RESIDENT_ID, plainly_valid_resident_ids, resolved_type

    given = list(map(itemgetter(names.index("name")), rows))
    if not {str}.issuperset(map(type, given)) or not all(map(str.strip, given)):
        return False
    id_types = set(map(itemgetter(names.index("id_type")), rows))
    if not all(isinstance(t, str) and resolved_type(t or "1") == RESIDENT_ID for t in id_types):
        return False
    return plainly_valid_resident_ids(list(map(itemgetter(names.index("id_number")), rows)), today)
