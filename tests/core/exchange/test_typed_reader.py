"""Reading records typed (``sync_typed``) decides nothing on its own: whatever it accepts, the reader accepts
with the very same records, and those records stage to the very same values and problems; whatever is
unusual it leaves to the reader. An import of a clean package goes the typed way, and one it leaves goes the
reader's way with the same outcome."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.core.changes import LOCAL_USER
from partydesk.core.exchange import container, reader
from partydesk.core.exchange.canonical import canonical, data_hash
from partydesk.core.exchange.errors import PackageRejected
from partydesk.core.exchange.reader import parse_records
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_rejections import rejections
from partydesk.core.services.sync_stage import Origin, stage_all
from partydesk.core.storage import sync_fast, sync_typed
from partydesk.core.storage.database import open_database
from partydesk.core.storage.stamping import utc_now
from partydesk.core.storage.sync_records import SYNC_TYPES
from tests.core.exchange.conftest import Sites
from tests.core.exchange.forge import reseal
from tests.core.exchange.test_fast_paths import NESTED, damaged, lines
from tests.core.exchange.test_round_trip import COMMITTEE_CODE, dump
from tests.core.exchange.test_stage import SPOILS

NOW = utc_now()


def outcome(jsonl: bytes) -> list[dict[str, Any]] | None:
    try:
        return parse_records(jsonl)
    except PackageRejected:
        return None


def staged(records: list[Any], site: str) -> list[tuple[Any, str]]:
    return [(s.values, s.problem) for s in stage_all(records, Origin(site, "committee-site", "", NOW))]


def test_a_real_package_reads_typed_as_the_reader_parses_it(sites: Sites) -> None:
    found = lines(sites)
    jsonl = b"\n".join(found) + b"\n"
    typed = sync_typed.read(memoryview(jsonl))
    assert typed is not None and len(typed) == len(found) > 50
    parsed = parse_records(jsonl)
    assert [sync_typed.plain(r) for r in typed] == parsed
    site = parsed[0]["owner_site"]
    assert staged(typed, site) == staged(parsed, site)
    assert all(values is not None for values, _problem in staged(typed, site))
    member = next(r for r in typed if r["type"] == "member")
    assert member["data"]["name"] == member["data"].get("name") and member["data"].get("nope", 1) == 1
    assert dict(member["data"].items()) == next(p["data"] for p in parsed if p["id"] == member["id"])


def _line(record: dict[str, Any]) -> bytes:
    return canonical(record)


@pytest.mark.parametrize("how", ["two on a line", "spaces only", "leading space", "wrong hash",
                                 "number for text", "null for text", "text too long", "unknown field",
                                 "missing field", "same id twice", "unknown type", "true for a number",
                                 "over the size limit"])
def test_anything_unusual_is_left_to_the_reader(sites: Sites, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    found = lines(sites)
    records = [json.loads(line) for line in found]
    at = next(i for i, r in enumerate(records) if r["type"] == "member")
    record = copy.deepcopy(records[at])
    batch = list(found)

    def rehash() -> None:
        record["row_hash"] = data_hash(record["data"])
        batch[at] = _line(record)

    if how == "two on a line":
        batch[at:at + 2] = [batch[at] + b" " + batch[at + 1], b""]
    elif how == "spaces only":
        batch.insert(at, b"   ")
    elif how == "leading space":
        batch[at] = b" " + batch[at]
    elif how == "wrong hash":
        record["row_hash"] = "0" * 64
        batch[at] = _line(record)
    elif how == "number for text":
        record["data"]["name"] = 5
        rehash()
    elif how == "null for text":
        record["data"]["name"] = None
        rehash()
    elif how == "text too long":
        record["data"]["name"] = "长" * 300
        rehash()
    elif how == "unknown field":
        record["data"]["extra"] = "x"
        rehash()
    elif how == "missing field":
        del record["data"]["name"]
        rehash()
    elif how == "same id twice":
        batch.append(batch[at])
    elif how == "unknown type":
        record["type"] = "unknown"
        batch[at] = _line(record)
    elif how == "true for a number":
        record["type_version"] = True
        batch[at] = _line(record)
    else:
        monkeypatch.setattr(reader, "MAX_RECORD_BYTES", max(map(len, found)) - 1)
    jsonl = b"\n".join(batch) + b"\n"
    assert sync_typed.read(jsonl) is None
    if how in ("number for text", "null for text", "text too long", "unknown field", "missing field",
               "unknown type", "true for a number"):
        assert outcome(jsonl) is not None  # the reader takes it (staging then judges the record)


def test_an_empty_file_and_empty_lines(sites: Sites) -> None:
    """Nothing is no records to both; an empty line inside (which the reader skips) is left to the reader, and
    a file without its last line break is read alike."""
    assert sync_typed.read(b"") == [] == parse_records(b"")
    found = lines(sites)
    assert sync_typed.read(b"\n".join([*found[:3], b"", *found[3:]])) is None
    assert outcome(b"\n".join([*found[:3], b"", *found[3:]])) == parse_records(b"\n".join(found))
    for jsonl in (b"\n".join(found), b"\n".join(found) + b"\n"):
        typed = sync_typed.read(jsonl)
        assert typed is not None and [sync_typed.plain(r) for r in typed] == parse_records(jsonl)


def test_spaces_between_values_are_read_as_the_reader_reads_them(sites: Sites) -> None:
    """The hash covers the canonical text of the data as parsed, not the bytes as laid out: a line with spaces
    between its values is the same record to both."""
    found = lines(sites)
    spaced = [line.replace(b'"data":{', b'"data": { ', 1).replace(b'","', b'", "') for line in found]
    assert spaced != found
    jsonl = b"\n".join(spaced)
    typed = sync_typed.read(jsonl)
    assert typed is not None and [sync_typed.plain(r) for r in typed] == parse_records(jsonl) == parse_records(
        b"\n".join(found))


def spoiled(record: dict[str, Any], spoil: tuple[str, Any]) -> None:
    """``record`` with one field set as ``SPOILS`` says ("data.-name": the field taken out)."""
    path, value = spoil
    if path.startswith("data.-"):
        del record["data"][path[6:]]
    elif path.startswith("data."):
        record["data"][path[5:]] = value
    else:
        record[path] = value


@pytest.mark.parametrize("spoil", SPOILS, ids=[f"{path}={value!r}"[:40] for path, value in SPOILS])
def test_a_spoiled_field_stages_typed_as_parsed(sites: Sites, spoil: tuple[str, Any]) -> None:
    """Each way a sender could spoil one field: read typed or left to the reader, the same verdict."""
    found = lines(sites)
    records = [json.loads(line) for line in found]
    at = next(i for i, r in enumerate(records) if r["type"] == "member")
    record = records[at]
    spoiled(record, spoil)
    record["row_hash"] = data_hash(record["data"])
    jsonl = b"\n".join([*found[:at], canonical(record), *found[at + 1:]])
    parsed = parse_records(jsonl)
    typed = sync_typed.read(jsonl)
    site = records[-1]["owner_site"]
    if typed is not None:
        assert [sync_typed.plain(r) for r in typed] == parsed
        assert staged(typed, site) == staged(parsed, site)


def test_whatever_it_accepts_the_reader_accepts_alike(sites: Sites) -> None:
    """Real lines, damaged or reshaped at random: typed reading accepts only what the reader accepts, with the
    same records, staged to the same values and problems."""
    found = lines(sites)
    records = [json.loads(line) for line in found]
    site = records[0]["owner_site"]
    members = [i for i, r in enumerate(records) if r["type"] == "member"][:6]

    @settings(max_examples=300, deadline=None)
    @given(st.data())
    def one(draw: st.DataObject) -> None:
        batch = [found[i] for i in members] + list(found[-4:])
        at = draw.draw(st.integers(0, len(members) - 1))
        how = draw.draw(st.sampled_from(["flip", "cut", "blank", "reshape", "spoil", "space"]))
        if how in ("flip", "cut"):
            batch[at] = damaged(draw, batch[at], how)
        elif how == "blank":
            batch.insert(at, b"")
        elif how == "space":
            where = draw.draw(st.integers(0, len(batch[at])))
            batch[at] = batch[at][:where] + b" " + batch[at][where:]
        else:
            record = json.loads(batch[at])
            if how == "reshape":
                record["data"][draw.draw(st.sampled_from(sorted(record["data"])))] = draw.draw(NESTED)
            else:
                spoiled(record, draw.draw(st.sampled_from(SPOILS)))
            record["row_hash"] = data_hash(record["data"])
            batch[at] = canonical(record)
        jsonl = b"\n".join(batch)
        typed = sync_typed.read(jsonl)
        if typed is None:
            return
        expected = outcome(jsonl)
        assert expected is not None and [sync_typed.plain(r) for r in typed] == expected
        assert staged(typed, site) == staged(expected, site)

    one()


def rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table's rows as stored, hashes and change counters included."""
    with sqlite3.connect(path) as connection:
        return {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall()
                for t in (str(kind.model.__table__.name) for kind in SYNC_TYPES)}  # type: ignore[attr-defined]


def test_a_clean_import_reads_typed_and_one_left_to_the_reader_ends_alike(
        sites: Sites, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)
    path = sites.committee.path
    sites.committee.close()
    shutil.copytree(path.parent, tmp_path / "twin")  # the file with its keys beside it
    twin = tmp_path / "twin" / path.name
    committee = open_database(path)
    with monkeypatch.context() as typed_only:
        typed_only.setattr(reader, "parse_records", lambda _jsonl: pytest.fail("read by the reader"))
        typed = import_package(committee, LOCAL_USER, sent.path)
    assert typed.status == "applied" and typed.counts["new"] > 50
    other = open_database(twin)
    with monkeypatch.context() as reader_only:
        reader_only.setattr(sync_typed.Reading, "read", lambda _self, _jsonl: None)
        parsed = import_package(other, LOCAL_USER, sent.path)
    assert parsed.status == "applied", parsed.message
    assert parsed.counts == typed.counts
    owner = sites.branch.site.site_id  # type: ignore[union-attr]
    assert dump(other, owner) == dump(committee, owner) != {}
    committee.close()
    other.close()
    assert rows(twin) == rows(path)


def test_a_line_just_at_the_size_limit_is_still_read_typed(sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines are measured one by one only where a stretch of half the limit holds no line break; a line as
    long as the limit allows is then read, one byte longer is left to the reader (which refuses it)."""
    found = lines(sites)
    jsonl = b"\n".join(found) + b"\n"
    longest = max(map(len, found))
    monkeypatch.setattr(reader, "MAX_RECORD_BYTES", longest)
    assert sync_typed.read(jsonl) is not None
    monkeypatch.setattr(reader, "MAX_RECORD_BYTES", longest - 1)
    assert sync_typed.read(jsonl) is None


@pytest.mark.parametrize("indexes_rebuilt", [False, True])
def test_a_wrong_row_hash_found_after_writing_rolls_back_and_is_refused_as_the_reader_refuses_it(
        sites: Sites, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, indexes_rebuilt: bool) -> None:
    """The typed import writes before the row hashes are confirmed (beside the last index build, when the
    indexes are set aside; otherwise right after the writes): one record whose hash does not match takes
    the whole write back, and the package is read again by the reader, which refuses it naming the record,
    as an import that never went the typed way does. Nothing of it stays."""
    if indexes_rebuilt:
        monkeypatch.setattr(sync_fast, "REBUILD_MIN_ROWS", 1)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE_CODE, out_dir=sites.stick)

    def spoil(entries: dict[str, bytes]) -> None:
        found = entries[container.RECORDS].split(b"\n")
        at = max(i for i, line in enumerate(found) if line.startswith(b'{"data":') and b'"member_event"' in line)
        record = json.loads(found[at])
        record["row_hash"] = "0" * 64
        found[at] = _line(record)
        entries[container.RECORDS] = b"\n".join(found)

    bad = reseal(sent.path, sites.branch, spoil, tmp_path / sent.path.name)
    before = rows(sites.committee.path)
    calls: list[str] = []
    for name in ("start", "confirm"):
        original = getattr(sync_typed.Reading, name)
        monkeypatch.setattr(sync_typed.Reading, name,
                            lambda self, _n=name, _o=original: (calls.append(_n), _o(self))[1])
    report = import_package(sites.committee, LOCAL_USER, bad)
    assert calls == (["start", "confirm"] if indexes_rebuilt else ["confirm"])
    assert (report.status, report.reason) == ("rejected", "damaged")
    assert "记录摘要" in report.message
    assert rows(sites.committee.path) == before
    assert [r.reason for r in rejections(sites.committee)] == ["damaged"]  # refused once, not twice
    monkeypatch.setattr(sync_typed.Reading, "read", lambda _self, _jsonl: None)
    again = import_package(sites.committee, LOCAL_USER, bad)
    assert (again.status, again.reason, again.message) == (report.status, report.reason, report.message)
