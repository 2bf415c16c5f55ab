"""The export lines SQLite renders (``sync_sql``) are exactly the canonical JSON Python would write: for every
synced table of a real branch, and for any text a member's fields can hold (quotes, backslashes, control
characters, characters outside the BMP), booleans both ways, NULL, and times with and without a fraction."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.core.exchange.canonical import canonical
from partydesk.core.storage.sync_records import SYNC_TYPES, _lines_in_python, owned_lines
from tests.core.exchange.conftest import make_branch


def _python_line(line: bytes) -> bytes:
    record = json.loads(line)
    data = record.pop("data")
    return b'{"data":' + canonical(data) + b"," + canonical(record)[1:]


def test_every_table_renders_as_python_encodes_it(tmp_path: Path) -> None:
    db = make_branch(tmp_path / "b.db", members=6)
    site = db.site.site_id  # type: ignore[union-attr]
    with db.read() as session:
        for kind in SYNC_TYPES:
            in_sql = [line for _k, line in owned_lines(session, site, 0, only={kind.name})]
            in_python = [line for _k, line in _lines_in_python(session, kind, site, 0)]
            assert in_sql == in_python, kind.name
        assert len([1 for _ in owned_lines(session, site, 0)]) > 30
    db.close()


def test_any_text_and_flag_renders_canonically(tmp_path: Path) -> None:
    db = make_branch(tmp_path / "b.db", members=1)
    site = db.site.site_id  # type: ignore[union-attr]
    with sqlite3.connect(db.path) as raw:
        member_id = raw.execute("SELECT id FROM member LIMIT 1").fetchone()[0]

    @settings(max_examples=300, deadline=None)
    @given(text=st.text(), flag=st.sampled_from([0, 1]), left=st.sampled_from([None, "2019-03-01"]),
           micro=st.sampled_from(["000000", "000001", "123456"]))
    def check(text: str, flag: int, left: str | None, micro: str) -> None:
        with sqlite3.connect(db.path) as raw:
            raw.execute("UPDATE member SET address = ?, name = ?, migrant = ?, left_on = ?, updated_at = ? "
                        "WHERE id = ?", (text, text[:20], flag, left, f"2026-11-30 08:09:10.{micro}", member_id))
        with db.read() as session:
            line = next(line for _k, line in owned_lines(session, site, 0, only={"member"}))
            python = next(line for _k, line in _lines_in_python(session, SYNC_TYPES[1], site, 0))
        assert line == python == _python_line(line)
        record = json.loads(line)
        assert record["data"]["address"] == text
        assert record["data"]["migrant"] is bool(flag) and record["data"]["left_on"] == left
        assert record["updated_at"] == "2026-11-30T08:09:10" + ("" if micro == "000000" else "." + micro)

    check()
    db.close()
