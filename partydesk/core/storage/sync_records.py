"""The record types that travel in packages, and each row in its canonical exchange form (SYNC.md).

``SYNC_TYPES`` lists every synced table in the order an import applies them (parents before children, so
foreign keys hold inside the one transaction). A record is the row's own columns as JSON (``data``: dates
and times as ISO text) plus the sync bookkeeping at the top level; ``row_hash`` is the SHA-256 of the
canonical JSON of ``data`` and is checked on import. A new synced table is one line here (and a bump of
its ``type_version`` when its columns change).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, select
from sqlalchemy.orm import Session

from partydesk.core.exchange.canonical import canonical_text, data_hash
from partydesk.core.storage.base import Base, SyncMixin
from partydesk.core.storage.meeting_tables import (
    Meeting,
    MeetingAgendaItem,
    MeetingAttachment,
    MeetingAttendance,
    MeetingGuest,
    MeetingMotion,
)
from partydesk.core.storage.notice_tables import Notice, NoticeAttachment
from partydesk.core.storage.study_tables import Certification, StudyActivity, StudyCredit, StudyMaterial
from partydesk.core.storage.tables import Member, MemberEventRow, Organisation
from partydesk.core.storage.talk_tables import Talk, TalkMember

_quote = json.encoder.encode_basestring  # a JSON string as canonical_text writes it (ensure_ascii off)

BOOKKEEPING = frozenset({"id", "owner_site", "version", "change_seq", "deleted", "updated_at", "updated_by",
                         "row_hash"})


@dataclass(frozen=True)
class SyncType:
    """One synced table: its name in packages, its format version and its model."""

    name: str
    type_version: int
    model: type[Base]

    @property
    def columns(self) -> list[Any]:
        """The table's own columns (without the bookkeeping), in name order."""
        return _columns(self.model)


@cache
def _columns(model: type[Base]) -> list[Any]:
    table = model.__table__
    return sorted((c for c in table.columns if c.name not in BOOKKEEPING), key=lambda c: c.name)


SYNC_TYPES: list[SyncType] = [
    SyncType("organisation", 1, Organisation),
    SyncType("member", 1, Member),
    SyncType("member_event", 1, MemberEventRow),
    SyncType("meeting", 1, Meeting),
    SyncType("meeting_attendance", 1, MeetingAttendance),
    SyncType("meeting_guest", 1, MeetingGuest),
    SyncType("meeting_agenda_item", 1, MeetingAgendaItem),
    SyncType("meeting_motion", 1, MeetingMotion),
    SyncType("meeting_attachment", 1, MeetingAttachment),
    SyncType("study_activity", 1, StudyActivity),
    SyncType("study_credit", 1, StudyCredit),
    SyncType("certification", 1, Certification),
    SyncType("study_material", 1, StudyMaterial),
    SyncType("notice", 1, Notice),
    SyncType("notice_attachment", 1, NoticeAttachment),
    SyncType("talk", 1, Talk),
    SyncType("talk_member", 1, TalkMember),
]
TYPES_BY_NAME = {t.name: t for t in SYNC_TYPES}


def _to_json(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_json(column: Any, value: object) -> object:
    """A JSON value back to the column's Python type; ValueError/TypeError when it cannot be."""
    return converter(column)(value)


@cache
def converter(column: Any) -> Callable[[object], object]:
    """The function turning a JSON value into ``column``'s Python value (checked), made once per column."""
    name, nullable, kind = column.name, column.nullable, column.type
    length = getattr(kind, "length", None)

    def empty() -> object:
        if not nullable:
            raise ValueError(f"{name} may not be empty")
        return None

    if isinstance(kind, DateTime):
        def convert(value: object) -> object:
            return empty() if value is None else datetime.fromisoformat(str(value))
    elif isinstance(kind, Date):
        def convert(value: object) -> object:
            if value is None:
                return empty()
            if not isinstance(value, str):
                raise TypeError(f"{name} must be a date")
            return date.fromisoformat(value)
    elif isinstance(kind, Boolean):
        def convert(value: object) -> object:
            if value is None:
                return empty()
            if not isinstance(value, bool):
                raise TypeError(f"{name} must be true or false")
            return value
    elif isinstance(kind, Integer):
        def convert(value: object) -> object:
            if value is None:
                return empty()
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be a whole number")
            return value
    else:
        def convert(value: object) -> object:
            if value is None:
                return empty()
            if not isinstance(value, str):
                raise TypeError(f"{name} must be text")
            if length is not None and len(value) > length:
                raise ValueError(f"{name} is longer than {length} characters")
            return value
    return convert


def to_record(kind: SyncType, row: Any) -> dict[str, object]:
    """One row (an ORM object or a Core row with the table's columns) as an exchange record."""
    data = {c.name: _to_json(getattr(row, c.name)) for c in kind.columns}
    return {
        "type": kind.name, "type_version": kind.type_version, "id": row.id, "owner_site": row.owner_site,
        "version": row.version, "base_version": None, "deleted": bool(row.deleted),
        "updated_at": _to_json(row.updated_at), "updated_by": row.updated_by, "data": data,
        "row_hash": data_hash(data),
    }


def _json_value(value: object) -> str:
    """One bookkeeping value as canonical JSON (text, whole numbers, booleans, null)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    return _quote(str(value))


def owned_lines(session: Session, owner_site: str, after_seq: int,
                only: Collection[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """(type, JSON line) of every record owned by ``owner_site`` changed after ``after_seq``, in apply order.

    Read as plain row tuples (no ORM objects). Each line is canonical JSON with ``data`` first: the data
    is encoded once, for its hash and for the line, and the bookkeeping fields (in their sorted order)
    are written straight out, so the reader can hash the data's own text.
    """
    sha256 = hashlib.sha256
    for kind in SYNC_TYPES:
        if only is not None and kind.name not in only:
            continue
        table: Any = kind.model.__table__
        names = [c.name for c in kind.columns]
        timed = [i for i, c in enumerate(kind.columns) if isinstance(c.type, (Date, DateTime))]
        head = ',"base_version":null,"deleted":'
        tail = f',"type":{_quote(kind.name)},"type_version":{kind.type_version},"updated_at":'
        query = (select(*(table.c[n] for n in names), table.c.id, table.c.owner_site, table.c.version,
                        table.c.deleted, table.c.updated_at, table.c.updated_by)
                 .where(table.c.owner_site == owner_site, table.c.change_seq > after_seq)
                 .order_by(table.c.change_seq))
        width = len(names)
        for row in session.execute(query):
            values = list(row[:width])
            for i in timed:
                if values[i] is not None:
                    values[i] = values[i].isoformat()
            data_text = canonical_text(dict(zip(names, values, strict=True)))
            record_id, owner, version, deleted, updated_at, updated_by = row[width:]
            line = "".join((
                '{"data":', data_text, head, "true" if deleted else "false",
                ',"id":', _json_value(record_id), ',"owner_site":', _json_value(owner),
                ',"row_hash":"', sha256(data_text.encode("utf-8")).hexdigest(), '"', tail,
                _json_value(_to_json(updated_at)), ',"updated_by":', _json_value(updated_by),
                ',"version":', _json_value(version), "}"))
            yield kind.name, line.encode("utf-8")


def owned_records(session: Session, owner_site: str, after_seq: int,
                  only: Collection[str] | None = None) -> Iterator[dict[str, object]]:
    """Every record owned by ``owner_site`` changed after ``after_seq`` (of the types ``only`` names, or all), in
    apply order, as dicts."""
    for _kind, line in owned_lines(session, owner_site, after_seq, only):
        yield json.loads(line)


def local_row(session: Session, kind: SyncType, record_id: str) -> SyncMixin | None:
    """The local row with this id, or None."""
    model: Any = kind.model
    row: SyncMixin | None = session.get(model, record_id)
    return row


def highest_seq(session: Session) -> int:
    """The site's change counter now (the upper end a package covers)."""
    from partydesk.core.storage.tables import Site

    site = session.execute(select(Site).where(Site.id == 1)).scalar_one()
    return int(site.change_seq)
