"""Roster search: name, pinyin initials, full pinyin, number endings and facets."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partydesk.core.domain.pinyin import pinyin_key
from partydesk.core.domain.roster import RosterRow
from partydesk.core.services.roster_search import (
    RosterFacets,
    RosterIndex,
    filter_rows,
    parse_query,
)


def row(name: str, *, id_number: str = "11010519491231002X", phone: str = "13812345678", category: str = "1",
        party_group: str = "第一党小组", status: str = "10", lost: bool = False, migrant: bool = False,
        in_branch: bool = True) -> RosterRow:
    """A roster row with the fields search looks at; the rest are plausible defaults."""
    return RosterRow(
        id=f"id-{name}-{id_number}", name=name, pinyin=pinyin_key(name), gender="1", ethnicity="01",
        birth_date=date(1949, 12, 31), id_type="1", id_number=id_number, education="20", degree="", category=category,
        joined_on=date(1975, 7, 1), confirmed_on=date(1976, 7, 1), party_group=party_group, party_post="",
        work_post="", work_unit="",
        work_started_on=None, phone=phone, address="", native_place="", membership_status=status,
        lost_contact=lost, lost_since=None, lost_cause="", migrant=migrant, migrant_destination="",
        migrant_since=None, in_branch=in_branch, notes="",
    )


ROWS = [
    row("张三", id_number="330106198001010012", phone="13812345678"),
    row("李四", id_number="11010519491231002X", phone="0571-86001234", category="2", party_group="第二党小组"),
    row("王五", id_number="330106199002020034", phone="13900000013", lost=True),
    row("赵钱", id_number="330106199003030056", phone="", migrant=True, in_branch=False, status="20"),
    row("John Smith", id_number="E87650000", phone=""),
]


def names(text: str, facets: RosterFacets = RosterFacets()) -> list[str]:  # noqa: B008 - immutable
    """The names the rule finds for ``text``, in roster order."""
    return [r.name for r in filter_rows(RosterIndex(ROWS), parse_query(text), facets)]


@pytest.mark.parametrize("text", ["zs", "ZS", "zhangsan", "zhang", "zhang san", "张", "张三", "三", "angs"])
def test_name_and_pinyin_find_zhang_san(text: str) -> None:
    """Initials, full pinyin (prefix or inside, any case, with or without a space) and characters all match."""
    assert names(text) == ["张三"]


def test_blank_query_matches_everyone() -> None:
    """An empty or blank search box shows the whole roster."""
    assert len(names("")) == len(ROWS)
    assert len(names("   ")) == len(ROWS)


def test_latin_names_match_case_insensitively() -> None:
    """A Latin name is found whatever the case, with its space."""
    assert names("john s") == ["John Smith"]
    assert names("SMITH") == ["John Smith"]


def test_digits_match_the_end_of_id_or_phone() -> None:
    """A number query matches the last digits of an ID or a phone, not digits in the middle."""
    assert names("002X") == ["李四"]
    assert names("002x") == ["李四"]
    assert names("0012") == ["张三"]
    assert names("5678") == ["张三"]
    assert names("1234") == ["李四"]  # the landline 0571-86001234
    assert names("13") == ["王五"]  # 139 0000 0013 ends in 13; 138… only starts with it
    assert names("1980") == []  # birth year in the middle of an ID is not a match


def test_digits_with_dashes_or_spaces_are_one_number() -> None:
    """Typed separators inside a number are ignored."""
    assert names("8600-1234") == ["李四"]
    assert names("5 678") == ["张三"]


def test_a_lone_x_is_a_text_query() -> None:
    """'x' alone is not a number ending; it searches names and pinyin."""
    assert parse_query("x").kind == "text"
    assert parse_query("12x").kind == "digits"


def test_facets_narrow_the_result() -> None:
    """Each facet keeps only rows with that value; facets combine with the text query."""
    assert names("", RosterFacets(category="2")) == ["李四"]
    assert names("", RosterFacets(party_group="第二党小组")) == ["李四"]
    assert names("", RosterFacets(lost_contact=True)) == ["王五"]
    assert names("", RosterFacets(migrant=True)) == ["赵钱"]
    assert names("", RosterFacets(in_branch=False)) == ["赵钱"]
    assert names("", RosterFacets(membership_status="20")) == ["赵钱"]
    assert names("w", RosterFacets(category="1", lost_contact=False)) == []
    assert names("w", RosterFacets(category="1")) == ["王五"]
    assert not RosterFacets().active
    assert RosterFacets(migrant=False).active


def test_reorder_keeps_haystacks_with_their_rows() -> None:
    """After reordering, a query still finds the right row."""
    index = RosterIndex(ROWS)
    index.reorder(list(reversed(range(len(ROWS)))))
    assert [r.name for r in filter_rows(index, parse_query("ls"))] == ["李四"]
    assert [r.name for r in filter_rows(index, parse_query("5678"))] == ["张三"]


@given(st.text(max_size=6))
def test_any_query_returns_a_subset_in_order(text: str) -> None:
    """Whatever is typed, the result is a subsequence of the roster and never raises."""
    found = filter_rows(RosterIndex(ROWS), parse_query(text))
    positions = [ROWS.index(r) for r in found]
    assert positions == sorted(positions)


@given(st.sampled_from(ROWS), st.integers(min_value=1, max_value=6))
def test_every_id_ending_finds_its_member(member: RosterRow, length: int) -> None:
    """The last n characters of a member's ID number always find that member."""
    if not member.id_number[-1].isdigit() and member.id_number[-1] != "X":
        return
    tail = member.id_number[-length:]
    if not tail.rstrip("X").isdigit():
        return
    assert member in filter_rows(RosterIndex(ROWS), parse_query(tail))
