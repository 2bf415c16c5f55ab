"""Staging a package's records column by column gives exactly what checking each record on its own gives:
on a real branch's records, and on the same records with one field spoiled in each of the ways a buggy or
hostile sender could spoil it (the bad record named with its reason, the others still staged)."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.core.services.sync_stage import Origin, stage_all, stage_one
from partydesk.core.storage.stamping import utc_now
from partydesk.core.storage.sync_records import owned_lines
from tests.core.exchange.conftest import make_branch

# The staging clock check compares each record's version with "now": the records are written today, so now
# is the real time (a fixed day turns into a clock 24 h behind the records as the calendar moves on).
NOW = utc_now()


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], str]:
    db = make_branch(Path(tmp_path_factory.mktemp("stage")) / "b.db", members=8)
    site = db.site.site_id  # type: ignore[union-attr]
    with db.read() as session:
        records = [json.loads(line) for _k, line in owned_lines(session, site, 0)]
    db.close()
    return records, site


def one_by_one(records: list[dict[str, Any]], origin: Origin) -> list[Any]:
    return [stage_one(r, origin) for r in records]


def test_a_clean_package_stages_as_record_by_record(package: tuple[list[dict[str, Any]], str]) -> None:
    records, site = package
    origin = Origin(site, "committee-site", "", NOW)
    staged = stage_all(records, origin)
    assert staged == one_by_one(records, origin)
    assert all(s.values is not None for s in staged) and len({r["type"] for r in records}) >= 3


def test_records_of_types_interleaved_come_back_in_the_order_given(package: tuple[list[dict[str, Any]], str]) -> None:
    """A package whose types are not one after another (another writer's layout) is staged record for record
    in its own order."""
    records, site = package
    mixed = list(records)
    random.Random(7).shuffle(mixed)
    assert [r["type"] for r in mixed] != sorted(r["type"] for r in mixed)
    origin = Origin(site, "committee-site", "", NOW)
    staged = stage_all(mixed, origin)
    assert staged == one_by_one(mixed, origin)
    assert [s.record for s in staged] == mixed


SPOILS: list[tuple[str, Any]] = [
    ("data.name", None), ("data.name", 5), ("data.name", "长" * 300), ("data.name", "   "),
    ("data.birth_date", "2019-02-30"), ("data.birth_date", "20190301"), ("data.birth_date", 20190301),
    ("data.birth_date", None), ("data.migrant", 1), ("data.migrant", None), ("data.id_number", "110101199003071234"),
    ("data.extra", "x"), ("data.-name", None), ("type_version", 99), ("type_version", "1"), ("type", "unknown"),
    ("owner_site", "someone-else"), ("owner_site", "committee-site"), ("version", "12-000001-x"),
    ("version", "000000001000000-000001-site"), ("version", "９99999999999999-000001-site"),
    ("updated_at", "yesterday"), ("updated_at", 5), ("updated_by", None), ("deleted", 0),
    # the quick path for plainly valid resident IDs against the full check
    ("data.id_number", "11010519491231002x"), ("data.id_number", "11010519491231002X"),
    ("data.id_number", "810000199001010014"), ("data.id_number", "110105202612010013"),
    ("data.id_number", "１１０１０５１９４９１２３１００２Ｘ"), ("data.id_number", "110105490101001"),
    ("data.id_type", "港澳台居民居住证"), ("data.id_type", "2"), ("data.id_type", "4"), ("data.id_type", "居民身份证"),
    ("data.id_type", ""),
    ("data.id_type", "不存在的证件"), ("data.name", ""), ("deleted", True),
]


def test_one_spoiled_field_gives_the_same_outcome(package: tuple[list[dict[str, Any]], str]) -> None:
    clean, site = package

    @settings(max_examples=150, deadline=None)
    @given(spoil=st.sampled_from(SPOILS), pick=st.integers(min_value=0, max_value=10_000), parent=st.booleans())
    def check(spoil: tuple[str, Any], pick: int, parent: bool) -> None:
        records = copy.deepcopy(clean)
        members = [r for r in records if r["type"] == "member"]
        target = members[pick % len(members)]
        path, value = spoil
        if path.startswith("data."):
            key = path[5:]
            if key.startswith("-"):
                del target["data"][key[1:]]
            else:
                target["data"][key] = value
        else:
            target[path] = value
        origin = Origin(site, "committee-site", "parent-site" if parent else "", NOW)
        staged = stage_all(records, origin)
        expected = one_by_one(records, origin)
        assert [(s.values, s.problem) for s in staged] == [(s.values, s.problem) for s in expected]
        assert [s.record for s in staged] == records  # the order kept
        assert sum(s.values is None for s in expected) <= 1

    check()


def test_a_version_past_the_calendar_is_refused_not_a_crash(package: tuple[list[dict[str, Any]], str]) -> None:
    """A wall time of 999 999 999 999 999 ms (beyond year 9999) is an untrustworthy clock, said so."""
    records, site = package
    record = copy.deepcopy(next(r for r in records if r["type"] == "member"))
    record["version"] = "999999999999999-000001-" + site
    origin = Origin(site, "committee-site", "", NOW)
    for staged in (stage_one(record, origin), stage_all([record], origin)[0]):
        assert staged.values is None and "不可信" in staged.problem


def test_a_clean_package_is_staged_without_going_record_by_record(
        package: tuple[list[dict[str, Any]], str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The column-by-column checks accept a package as our writer lays it out (a snapshot of a large branch
    would otherwise take the slow path, a record at a time)."""
    records, site = package
    from partydesk.core.services import sync_stage

    def refused(*_args: object) -> None:
        raise AssertionError("staged record by record")

    monkeypatch.setattr(sync_stage, "stage_one", refused)
    staged = stage_all(records, Origin(site, "committee-site", "", NOW))
    assert len(staged) == len(records) and all(s.values is not None for s in staged)
