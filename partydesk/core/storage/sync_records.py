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
from partydesk.core.storage.notice_tables import Notice, NoticeAttachment, NoticeReceipt
from partydesk.core.storage.study_tables import Certification, StudyActivity, StudyCredit, StudyMaterial
from partydesk.core.storage.sync_sql import line_query
from partydesk.core.storage.tables import Member, MemberEventRow, Organisation
from partydesk.core.storage.talk_tables import Talk, TalkMember

_quote = json.encoder.encode_basestring  # a JSON string as canonical_text writes it (ensure_ascii off)

BOOKKEEPING = frozenset({"id", "owner_site", "version", "change_seq", "deleted", "updated_at", "updated_by",
                         "row_hash"})


@dataclass(frozen=True)
class SyncType:
    """One synced table: its name in packages, its format version and its model; ``added`` names the columns a
    later format version brought (column, version): a record of an earlier version, from an office that has not
    upgraded yet, comes without them and they are stored empty (each such column is nullable)."""

    name: str
    type_version: int
    model: type[Base]
    added: tuple[tuple[str, int], ...] = ()

    @property
    def columns(self) -> list[Any]:
        """The table's own columns (without the bookkeeping), in name order."""
        return _columns(self.model)

    def absent_in(self, type_version: int) -> frozenset[str]:
        """The columns a record of ``type_version`` does not carry (added by a later version)."""
        return frozenset(name for name, since in self.added if since > type_version)


@cache
def _columns(model: type[Base]) -> list[Any]:
    table = model.__table__
    return sorted((c for c in table.columns if c.name not in BOOKKEEPING), key=lambda c: c.name)


SYNC_TYPES: list[SyncType] = [
    SyncType("organisation", 2, Organisation, added=(("records_began", 2),)),
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
    SyncType("notice_receipt", 1, NoticeReceipt),
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


def owned_lines(session: Session, owner_site: str, after_seq: int,
                only: Collection[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """(type, JSON line) of every record owned by ``owner_site`` changed after ``after_seq``, in apply order.

    Each line is canonical JSON with ``data`` first, rendered by SQLite (``sync_sql``): Python hashes the
    data's own text (canonical already, so the hash any reader recomputes from the parsed data) and joins
    it with the bookkeeping around the hash.
    """
    sha256 = hashlib.sha256
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for kind in SYNC_TYPES:
            if only is not None and kind.name not in only:
                continue
            sql = line_query(str(kind.model.__table__.name), kind.name, kind.type_version,  # type: ignore[attr-defined]
                             tuple(kind.columns))
            if sql is None:
                yield from _lines_in_python(session, kind, owner_site, after_seq)
                continue
            name = kind.name
            for data, before, after in cursor.execute(sql, (owner_site, after_seq)):
                yield name, b"".join((b'{"data":', data, before, sha256(data).hexdigest().encode("ascii"), after))
    finally:
        cursor.close()


def _lines_in_python(session: Session, kind: SyncType, owner_site: str, after_seq: int) -> Iterator[tuple[str, bytes]]:
    """The lines of a table too wide for one ``json_object``, encoded in Python (the same text)."""
    table: Any = kind.model.__table__
    query = (select(table).where(table.c.owner_site == owner_site, table.c.change_seq > after_seq)
             .order_by(table.c.change_seq))
    for row in session.execute(query):
        record = to_record(kind, row)
        data = record.pop("data")
        yield kind.name, ('{"data":' + canonical_text(data) + "," + canonical_text(record)[1:]).encode("utf-8")


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
