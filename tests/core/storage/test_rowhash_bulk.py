"""The bulk insert's row hasher gives exactly the hash of the ORM path and of migration 0004's frozen copy."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from hypothesis import example, given
from hypothesis import strategies as st

from partydesk.core.storage import rowhash
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member, MemberEventRow
from tests.core.io.test_roster_import import ID2, member, seed

_MIGRATION = Path(rowhash.__file__).parent / "migrations" / "versions" / "0004_row_hash.py"


def _frozen_digest() -> Callable[[str, list[tuple[str, object]]], str]:
    spec = importlib.util.spec_from_file_location("migration_0004", _MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return cast(Callable[[str, list[tuple[str, object]]], str], module._digest)


FROZEN = _frozen_digest()
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(), st.dates(),
    st.datetimes(min_value=datetime(1000, 1, 1)), st.floats(allow_nan=False),
)


@given(st.dictionaries(st.sampled_from([c.name for c in MemberEventRow.__table__.columns]), VALUES))
@example({"note": 1e-07, "detail": 2**64})  # a float orjson writes otherwise (1e-7); a number beyond 64 bits
def test_row_hasher_matches_the_generic_digest_and_the_migration(values: dict[str, Any]) -> None:
    """Any values, missing columns included (their defaults count), hash as digest and 0004 hash them."""
    values["id"] = "e1"  # the one default that is not a constant: a fresh id
    hasher = rowhash.RowHasher(MemberEventRow.__table__)
    fast = hasher(values)
    assert fast == rowhash.values_hash(MemberEventRow.__table__, values)
    full = [(c.name, values[c.name] if c.name in values else rowhash._default(c))
            for c in MemberEventRow.__table__.columns]
    assert fast == FROZEN("member_event", full)
    assert hasher(values) == fast  # the remembered timestamp text gives the same answer again


PLAIN_VALUES = st.one_of(
    st.none(), st.text(), st.text(alphabet=st.characters(max_codepoint=0x7F)),
    st.integers(min_value=-(2**63), max_value=2**64 - 1), st.integers(),
    st.sampled_from(["\u2028", "\x7f", "\\", '"', "/", "\U0001f600", "\x00\x1f\t\n"]),
)


@given(st.lists(st.tuples(st.text(), PLAIN_VALUES)))
def test_the_fast_encoding_hashes_what_the_json_module_writes(pairs: list[tuple[str, object]]) -> None:
    """Plain values (text, numbers to 64 bits and beyond, None, every escape) hash through orjson exactly as
    through the standard encoder, which ``check-db`` of older releases and the migrations use."""
    expected = hashlib.sha256(
        json.dumps(["t", [list(p) for p in pairs]], ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    assert rowhash.sorted_pairs_hash("t", pairs) == expected.hexdigest()
    assert rowhash.sorted_pairs_hash("t", tuple(pairs)) == expected.hexdigest()


@given(st.lists(st.lists(st.one_of(PLAIN_VALUES, st.booleans(), st.floats(allow_nan=False)), min_size=3,
                         max_size=3)))
def test_rows_hash_each_as_its_pairs_do(rows: list[list[object]]) -> None:
    """The bulk writers' loop gives each row the hash of its pairs, whatever the values: plain ones through
    orjson, a flag or a float (which orjson writes otherwise) or a number beyond 64 bits the standard way."""
    names = ["a", "b", "c"]
    assert rowhash.sorted_rows_hashes("t", names, map(tuple, rows)) == [
        hashlib.sha256(json.dumps(["t", [[n, v] for n, v in zip(names, row, strict=True)]], ensure_ascii=False,
                                  separators=(",", ":")).encode("utf-8")).hexdigest() for row in rows]


def test_one_timestamp_object_then_another_with_a_different_value() -> None:
    """The shared-timestamp shortcut never hands one row's time to the next row."""
    hasher = rowhash.RowHasher(MemberEventRow.__table__)
    first = {"id": "e1", "updated_at": datetime(2026, 1, 1, 8, 0), "on_date": date(2026, 1, 1)}
    second = {"id": "e1", "updated_at": datetime(2026, 1, 1, 8, 0, 0, 1), "on_date": date(2026, 1, 1)}
    assert hasher(first) != hasher(second)
    assert hasher(second) == rowhash.values_hash(MemberEventRow.__table__, second)


def test_bulk_and_orm_paths_hash_the_same_member_alike(db: Database) -> None:
    """A member stored by the bulk insert carries the hash the ORM stamping computes from the same row."""
    seed(db, member("李梅", ID2, birth_date=None, address='路"42"号\\\n'))
    with sqlite3.connect(db.path) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM member").fetchone())
    assert row["birth_date"] is None  # None is stored as NULL, not as a column default
    orm = Member(**{k: v for k, v in row.items() if k not in ("updated_at", "row_hash", "birth_date",
                                                             "joined_on", "confirmed_on")})
    orm.updated_at = datetime.fromisoformat(row["updated_at"])
    orm.birth_date = None
    orm.joined_on = date.fromisoformat(row["joined_on"])
    orm.confirmed_on = date.fromisoformat(row["confirmed_on"])
    orm.lost_since = orm.migrant_since = None
    rowhash.stamp(orm, new=True)
    assert orm.row_hash == row["row_hash"]
    assert db.integrity_problems() == []
