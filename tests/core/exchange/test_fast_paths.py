"""The bulk paths of the exchange give exactly what the general ones give: the lines an export writes are
canonical JSON with ``data`` first, the reader accepts either layout and checks the row hash on both, the
row hashes written by an import match what ``check-db`` recomputes, and rows stored through the driver read
back as the ORM wrote them."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Boolean, create_engine, event, text
from sqlalchemy.orm import Session

from partydesk.core.changes import LOCAL_USER
from partydesk.core.exchange import container
from partydesk.core.exchange.canonical import canonical, canonical_text, data_hash
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.reader import _all_sound, _line_by_line, parse_records
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage import rowhash, sync_repo
from partydesk.core.storage.sync_fast import HashingWriter
from partydesk.core.storage.sync_records import SYNC_TYPES, owned_lines
from tests.core.exchange.conftest import Sites, make_branch
from tests.core.exchange.forge import resign
from tests.core.exchange.test_round_trip import dump


def lines(sites: Sites) -> list[bytes]:
    with sites.branch.read() as session:
        return [line for _kind, line in owned_lines(session, sites.branch.site.site_id, 0)]  # type: ignore[union-attr]


def test_export_lines_are_canonical_with_data_first(sites: Sites) -> None:
    """Each line is the canonical data followed by the canonical bookkeeping, exactly."""
    found = lines(sites)
    assert len(found) > 50
    for line in found:
        record = json.loads(line)
        data = record.pop("data")
        assert line == b'{"data":' + canonical(data) + b"," + canonical(record)[1:]


def test_reader_checks_the_hash_on_both_layouts(sites: Sites) -> None:
    """Our layout and a re-ordered line both parse to the same records; a changed value fails either way."""
    found = lines(sites)
    ours = parse_records(b"\n".join(found))
    reordered = [canonical_text(json.loads(line)).encode() for line in found]  # "data" no longer first
    assert parse_records(b"\n".join(reordered)) == ours
    for batch in (found, reordered):
        bad = batch[0].replace(b'"deleted":false', b'"deleted":false ', 1)  # harmless: still valid
        assert parse_records(bad) == ours[:1]
        tampered = json.loads(batch[1])
        key = sorted(tampered["data"])[0]
        tampered["data"][key] = "changed"
        text = canonical(tampered) if batch is reordered else (
            b'{"data":' + canonical(tampered["data"]) + b"," + canonical(
                {k: v for k, v in tampered.items() if k != "data"})[1:])
        with pytest.raises(PackageRejected):
            parse_records(text)


FLAT = st.one_of(st.none(), st.booleans(), st.integers(), st.text(),
                 st.floats(allow_nan=False, allow_infinity=False),
                 st.sampled_from([1e-07, 2.5e-05, -0.0, 1e16]))  # floats orjson writes otherwise (1e-7)
NESTED = st.recursive(FLAT, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                      max_leaves=6)


@given(st.dictionaries(st.text(), NESTED))
@example({"hours": 1e-07, "name": "王"})  # a float orjson writes otherwise (1e-7), beside flat values
@example({"count": 2**64, "b": True})  # a number beyond orjson's 64 bits
def test_the_quick_data_hash_is_the_canonical_one(data: dict[str, Any]) -> None:
    """Any data (keys in any script, numbers beyond 64 bits, floats, nested values) hashes as canonical JSON."""
    assert data_hash(data) == hashlib.sha256(canonical(data)).hexdigest()


def _outcome(jsonl: bytes) -> list[dict[str, Any]] | None:
    try:
        return _line_by_line(jsonl)
    except PackageRejected:
        return None


def damaged(draw: st.DataObject, line: bytes, how: str) -> bytes:
    """``line`` with one bit flipped ("flip") or one byte cut out ("cut"), where ``draw`` picks."""
    where = draw.draw(st.integers(0, len(line) - 1))
    out = bytearray(line)
    if how == "flip":
        out[where] ^= 1 << draw.draw(st.integers(0, 7))
    else:
        del out[where]
    return bytes(out)


def test_all_at_once_and_line_by_line_accept_the_same_lines(sites: Sites) -> None:
    """Real lines, damaged or reshaped at random: the all-at-once check accepts only what the line-by-line
    reader accepts, with the same records, and ``parse_records`` gives the line-by-line verdict."""
    found = lines(sites)
    assert _all_sound(found) == _line_by_line(b"\n".join(found)) and len(found) > 50

    def reshaped(line: bytes, value: object, same_id_as: bytes) -> list[bytes]:
        record = json.loads(line)
        record["data"][sorted(record["data"])[0]] = value
        record["row_hash"] = data_hash(record["data"])
        twin = dict(json.loads(same_id_as), id=record["id"])
        return [canonical(record), canonical(twin)]

    @settings(max_examples=300, deadline=None)
    @given(st.data())
    def one(draw: st.DataObject) -> None:
        batch = list(found[:6])
        at = draw.draw(st.integers(0, len(batch) - 1))
        how = draw.draw(st.sampled_from(["flip", "cut", "repeat", "blank", "reshape"]))
        if how in ("flip", "cut"):
            batch[at] = damaged(draw, batch[at], how)
        elif how == "repeat":
            batch.append(batch[at])
        elif how == "blank":
            batch.insert(at, b"")
        else:
            batch[at:at + 1] = reshaped(batch[at], draw.draw(NESTED), batch[-1])[:draw.draw(st.integers(1, 2))]
        jsonl = b"\n".join(batch)
        expected = _outcome(jsonl)
        quick = _all_sound([line for line in batch if line])
        assert quick is None or quick == expected
        if expected is None:
            with pytest.raises(PackageRejected):
                parse_records(jsonl)
        else:
            assert parse_records(jsonl) == expected

    one()


def test_records_are_read_a_block_at_a_time_as_one(sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    """The payload's lines are copied out a few at a time (blocks ending at a line break, here a few lines
    long): every block boundary gives the same records as reading the whole text line by line, without
    falling back to it; a repeated record in a later block, or a line over the limit, is still named."""
    from partydesk.core.exchange import reader

    found = lines(sites)
    jsonl = b"\n".join(found) + b"\n"
    expected = _line_by_line(jsonl)
    assert len(found) > 50
    for block in (max(map(len, found)) + 1, 3 * max(map(len, found)), 10**6):
        monkeypatch.setattr(reader, "_BLOCK", block)
        with monkeypatch.context() as quick_only:
            quick_only.setattr(reader, "_line_by_line", lambda _text: pytest.fail("fell back to line by line"))
            assert parse_records(memoryview(jsonl)) == expected
            assert parse_records(jsonl.rstrip(b"\n")) == expected
        repeated = b"\n".join([*found, found[3]])
        with pytest.raises(PackageRejected, match=f"第 {len(found) + 1} 条记录重复"):
            parse_records(memoryview(repeated))
    monkeypatch.setattr(reader, "_BLOCK", 3 * max(map(len, found)))
    monkeypatch.setattr(reader, "MAX_RECORD_BYTES", max(map(len, found)) - 1)
    with pytest.raises(PackageRejected, match="条记录过大"):
        parse_records(jsonl)


def test_a_second_data_field_is_refused(sites: Sites) -> None:
    """A line of our layout that repeats ``data`` after the bookkeeping is refused, not half-read."""
    line = lines(sites)[0]
    with pytest.raises(PackageRejected):
        parse_records(line[:-1] + b',"data":{}}')


def test_rows_written_by_the_bulk_writer_carry_the_hash_check_db_recomputes(tmp_path: Path) -> None:
    """Every row of every synced table, written again through ``HashingWriter`` (and a member with any text
    in its address), gets exactly the hash ``rowhash.digest`` gives over what the file then holds."""
    db = make_branch(tmp_path / "b.db", members=4)
    path = db.path
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    with Session(engine) as session, session.begin():
        for kind in SYNC_TYPES:
            table = kind.model.__table__
            writer = HashingWriter(session, table, [c.name for c in kind.columns])
            rows = [tuple(r) for r in session.execute(text(
                f'SELECT {", ".join(writer.names)} FROM "{table.name}"'))]
            # Flags as staging gives them (True/False), but ``deleted`` as the 0/1 the apply gives it.
            flags = [at for at, name in enumerate(writer.names)
                     if isinstance(table.c[name].type, Boolean) and name != "deleted"]
            rows = [tuple(bool(v) if at in flags and v is not None else v for at, v in enumerate(row)) for row in rows]
            if kind.name == "organisation":  # the site's own organisation: overwritten in place
                writer.update(writer.hashed(rows))
            else:  # the others taken out and inserted again (foreign keys are not enforced here)
                session.execute(text(f'DELETE FROM "{table.name}"'))
                writer.insert(writer.hashed(rows))
    member = SYNC_TYPES[1]

    @settings(max_examples=150, deadline=None)
    @given(address=st.text())
    def one_member(address: str) -> None:
        with Session(engine) as session, session.begin():
            writer = HashingWriter(session, member.model.__table__, [c.name for c in member.columns])
            row = list(session.execute(text(f"SELECT {', '.join(writer.names)} FROM member LIMIT 1")).one())
            row[writer.names.index("address")] = address
            writer.update(writer.hashed([tuple(row)]))
        with sqlite3.connect(path) as conn:
            assert rowhash.problems(conn) == []

    one_member()
    engine.dispose()
    conn = sqlite3.connect(path)
    try:
        assert rowhash.problems(conn) == []
        cursor = conn.execute('SELECT * FROM "member"')
        names = [d[0] for d in cursor.description]
        stored = [dict(zip(names, row, strict=True)) for row in cursor]
        assert stored and all(r["row_hash"] == rowhash.digest("member", r.items()) for r in stored)
    finally:
        conn.close()


def test_imported_rows_carry_valid_hashes_and_read_back_equal(sites: Sites) -> None:
    """After an import (new rows, then updated rows), check-db finds nothing and the dumps are equal."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick, snapshot=True)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    from partydesk.core.services import members

    first = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[0]
    members.delete_member(sites.branch, LOCAL_USER, member_id=first, reason="迁出")
    update = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    report = import_package(sites.committee, LOCAL_USER, update.path)
    assert report.counts["updated"] >= 1
    conn = sqlite3.connect(sites.committee.path)
    try:
        assert rowhash.problems(conn) == []
    finally:
        conn.close()
    site = sites.branch.site.site_id  # type: ignore[union-attr]
    assert dump(sites.committee, site) == dump(sites.branch, site)


def test_a_re_import_is_recognised_from_the_signed_manifest_alone(sites: Sites, tmp_path: Path) -> None:
    """Already imported: a no-op even with the payload replaced or a bit flipped (nothing is decrypted or
    written), which the message names as a damaged copy; a package not yet imported with a damaged payload
    still gets the full checks and is refused."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    other = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    a, b = (container.read_outer(p.path.read_bytes()) for p in (sent, other))
    renamed = tmp_path / "renamed.pdsync"
    renamed.write_bytes(container.pack_outer(container.OuterParts(a.manifest, a.signature, b.payload)))
    again = import_package(sites.committee, LOCAL_USER, renamed)
    assert again.status == "already_imported" and again.package_id == sent.package_id and "导入过" in again.message
    assert "损坏" in again.message  # the copy is told apart from the package that was imported
    flipped = bytearray(sent.path.read_bytes())
    flipped[len(flipped) // 2] ^= 0x01  # a bit of the encrypted payload
    (tmp_path / "flipped.pdsync").write_bytes(bytes(flipped))
    damaged = import_package(sites.committee, LOCAL_USER, tmp_path / "flipped.pdsync")
    assert damaged.status == "already_imported" and "损坏" in damaged.message
    whole = import_package(sites.committee, LOCAL_USER, sent.path)
    assert whole.status == "already_imported" and "损坏" not in whole.message
    swapped = tmp_path / "swapped.pdsync"
    swapped.write_bytes(container.pack_outer(container.OuterParts(b.manifest, b.signature, a.payload)))
    assert import_package(sites.committee, LOCAL_USER, swapped).reason == "damaged"
    forged = resign(sent.path, sites.committee, lambda m: None, tmp_path / "forged.pdsync")
    assert import_package(sites.committee, LOCAL_USER, forged).reason == "bad_signature"


def test_a_snapshot_larger_than_the_table_builds_its_indexes_again_with_statistics(
        sites: Sites, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A committee holding one branch's 12 members, with query statistics, imports a 20-member branch's
    snapshot with the indexes set aside (the threshold lowered to these small branches): it ends with the
    same indexes from the same SQL, statistics counting all 32 members, a sound file, and the records as
    sent."""
    from partydesk.core.storage import sync_fast
    from tests.core.exchange.conftest import introduce

    def indexes(db: Any) -> list[tuple[str, str]]:
        with db.read() as session:
            return [tuple(r) for r in session.connection().exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all()]

    first = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick, snapshot=True)
    assert import_package(sites.committee, LOCAL_USER, first.path).status == "applied"
    with sites.committee.write(LOCAL_USER, action="test.analyze") as session:
        session.connection().exec_driver_sql("ANALYZE")
    larger = make_branch(tmp_path / "larger.db", seed=7, members=20)
    introduce(larger, sites.committee)
    before = indexes(sites.committee)
    monkeypatch.setattr(sync_fast, "REBUILD_MIN_ROWS", 1)
    set_aside: list[bool] = []
    original = sync_fast.indexes_set_aside

    @contextmanager
    def watched(*args: Any) -> Iterator[bool]:
        with original(*args) as aside:
            set_aside.append(aside)
            yield aside

    monkeypatch.setattr(sync_repo, "indexes_set_aside", watched)
    sorting: list[int] = []  # SQLite's helper threads allowed as each index is built

    def threads(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("CREATE INDEX"):
            sorting.append(conn.connection.driver_connection.execute("PRAGMA threads").fetchone()[0])

    event.listen(sites.committee.engine, "before_cursor_execute", threads)
    sent = export_package(larger, LOCAL_USER, to_org_code="1000", out_dir=sites.stick, snapshot=True)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    event.remove(sites.committee.engine, "before_cursor_execute", threads)
    assert True in set_aside
    assert indexes(sites.committee) == before
    assert sorting and set(sorting) == {sync_fast.SORTER_THREADS}  # the sorts may use the second core
    with sites.committee.read() as session:  # and the connection is left as it was
        assert session.connection().exec_driver_sql("PRAGMA threads").scalar_one() == 0
    with sites.committee.read() as session:
        stats = dict(session.connection().exec_driver_sql(
            "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'member'").all())
    assert {"ix_member_roll", "ix_member_key", "ix_member_id_number"} <= set(stats)
    assert all(int(stat.split()[0]) == 32 for stat in stats.values())
    assert sites.committee.integrity_problems() == []
    owner = larger.site.site_id  # type: ignore[union-attr]
    assert dump(sites.committee, owner) == dump(larger, owner)
    larger.close()
