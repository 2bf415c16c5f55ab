"""Member dates keep their precision in the database: records, roster rows, events, row hashes, migration."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain import fields
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.member_events import EventKind
from partydesk.core.domain.partial_date import PartialDate, Precision, precision_of
from partydesk.core.services.members import add_member, get_member, member_events, roster, update_member
from partydesk.core.storage import rowhash
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.tables import Member, MemberEventRow
from tests.core.domain.test_member_partial_dates import make_id

TODAY = date(2026, 11, 30)
SCHEMA_0002 = Path(__file__).resolve().parents[2] / "data" / "schemas" / "0002.db"


def member(**over: object) -> MemberInput:
    """张三, 正式党员, joined 2000.7 and confirmed 2001年7月, started work 1990年."""
    values: dict[str, object] = {"name": "张三", "id_number": make_id(date(1972, 11, 5)), "category": "正式党员",
                                 "joined_on": "2000.7", "confirmed_on": "2001年7月", "work_started_on": "1990年"}
    values.update(over)
    return MemberInput(**values)  # type: ignore[arg-type]


def test_every_date_field_has_a_precision_column() -> None:
    """The member table has <date>_precision for each date of the registry, and events have theirs."""
    columns = set(Member.__table__.columns.keys())
    assert {f"{k}_precision" for k in fields.keys_of(fields.FieldType.DATE)} <= columns
    assert "on_date_precision" in MemberEventRow.__table__.columns


def test_month_and_year_dates_come_back_as_written(db: Database) -> None:
    """Saved as 2000.7 / 2001年7月 / 1990年, read back as months and a year, in the record and the roster."""
    saved = add_member(db, LOCAL_USER, data=member(), today=TODAY)
    record = get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None
    assert record.data.joined_on == PartialDate(2000, 7, 1, Precision.MONTH)
    assert record.data.confirmed_on == PartialDate(2001, 7, 1, Precision.MONTH)
    assert record.data.work_started_on == PartialDate(1990, 1, 1, Precision.YEAR)
    assert record.data.birth_date == date(1972, 11, 5)
    (row,) = roster(db, LOCAL_USER)
    assert (row.joined_on, row.confirmed_on, row.work_started_on, row.birth_date) == (
        record.data.joined_on, record.data.confirmed_on, record.data.work_started_on, record.data.birth_date)
    events = {e.kind: e.on_date for e in member_events(db, LOCAL_USER, saved.member_id)}
    assert precision_of(events[EventKind.JOINED]) is Precision.MONTH
    assert precision_of(events[EventKind.CONFIRMED]) is Precision.MONTH


def test_saving_the_same_months_again_changes_nothing(db: Database) -> None:
    """The form saved unchanged: the month-only 入党 and 转正 events are not re-dated, the row not rewritten."""
    saved = add_member(db, LOCAL_USER, data=member(), today=TODAY)
    before = (member_events(db, LOCAL_USER, saved.member_id), get_member(db, LOCAL_USER, saved.member_id))
    update_member(db, LOCAL_USER, member_id=saved.member_id, data=member(), today=TODAY)
    after = (member_events(db, LOCAL_USER, saved.member_id), get_member(db, LOCAL_USER, saved.member_id))
    assert after == before


def test_precision_changes_are_saved_both_ways(db: Database) -> None:
    """A month corrected to a day, and a day back to a month, are stored; nothing else changes."""
    saved = add_member(db, LOCAL_USER, data=member(), today=TODAY)
    update_member(db, LOCAL_USER, member_id=saved.member_id, data=member(joined_on="2000.7.1"), today=TODAY)
    record = get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and record.data.joined_on == date(2000, 7, 1)
    assert precision_of(record.data.joined_on) is Precision.DAY
    update_member(db, LOCAL_USER, member_id=saved.member_id, data=member(joined_on="2000年"), today=TODAY)
    record = get_member(db, LOCAL_USER, saved.member_id)
    assert record is not None and record.data.joined_on == PartialDate(2000, 1, 1, Precision.YEAR)
    (row,) = roster(db, LOCAL_USER)
    assert row.joined_on == PartialDate(2000, 1, 1, Precision.YEAR)


def test_rows_with_partial_dates_keep_their_hash(db: Database, db_path: Path) -> None:
    """The row hash covers the precision columns, exactly as SQLite stores them."""
    add_member(db, LOCAL_USER, data=member(), today=TODAY)
    conn = sqlite3.connect(db_path)
    try:
        assert rowhash.problems(conn) == []
        stored = conn.execute("SELECT joined_on, joined_on_precision, work_started_on_precision FROM member").fetchone()
        assert stored == ("2000-07-01", "month", "year")
        conn.execute("UPDATE member SET joined_on_precision = 'day'")
        conn.commit()
        assert len(rowhash.problems(conn)) == 1, "a changed precision is caught like any changed value"
    finally:
        conn.close()


def test_upgrade_from_0002_keeps_every_date_known_to_the_day(tmp_path: Path) -> None:
    """Migration 0010: every existing member date and event date is day precision, and reads as before."""
    path = tmp_path / "office" / "partydesk.db"
    path.parent.mkdir()
    shutil.copyfile(SCHEMA_0002, path)
    conn = sqlite3.connect(path)
    before = conn.execute("SELECT id, birth_date, joined_on, confirmed_on FROM member ORDER BY id").fetchall()
    conn.close()
    db = open_database(path)
    try:
        rows = {r.id: r for r in roster(db, LOCAL_USER)}
        assert len(rows) == len(before) >= 30
        for member_id, birth, joined, confirmed in before:
            row = rows[member_id]
            for stored, value in ((birth, row.birth_date), (joined, row.joined_on), (confirmed, row.confirmed_on)):
                assert (value.isoformat() if value else None) == stored
                assert value is None or type(value) is date
    finally:
        db.close()
    conn = sqlite3.connect(path)
    try:
        kinds = {c: conn.execute(f"SELECT DISTINCT {c} FROM member").fetchall()
                 for c in ("birth_date_precision", "joined_on_precision", "confirmed_on_precision",
                           "work_started_on_precision", "lost_since_precision", "migrant_since_precision")}
        assert all(v == [("day",)] for v in kinds.values()), kinds
        assert conn.execute("SELECT DISTINCT on_date_precision FROM member_event").fetchall() == [("day",)]
        assert rowhash.problems(conn) == []
    finally:
        conn.close()
