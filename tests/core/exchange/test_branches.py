"""The branches of a file: one in a branch's own file, the committee and its branches in a committee file
(own first), and the same person on two branches' rolls found from the roster rows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member import input_from_data
from partydesk.core.domain.organisation import short_name
from partydesk.core.services.branches import branches, shared_people, shared_with
from partydesk.core.services.members import MemberInvalid, add_member, get_member, update_member
from partydesk.core.storage import member_repo
from partydesk.core.storage.database import Database, open_database
from tests.core.exchange.conftest import Sites
from tests.core.exchange.two_branches import (
    BRANCHES,
    COMMITTEE_CODE,
    build_committee,
    copy_committee,
    shared_person_id_number,
)


@pytest.fixture(scope="module")
def committee_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_committee(tmp_path_factory.mktemp("committee"))


@pytest.fixture
def committee(committee_file: Path) -> Database:
    db = open_database(committee_file)
    yield db
    db.close()


def test_a_branch_file_is_single_branch(sites: Sites) -> None:
    """A branch's own file lists its one organisation, marked own; not multi-branch."""
    found = branches(sites.branch)
    assert not found.multi
    assert [b.code for b in found.items] == ["3301060012"]
    assert found.own is not None and found.own.code == "3301060012"


def test_a_committee_before_any_import_is_single_branch(sites: Sites) -> None:
    """The committee's own organisation alone: no branch column yet."""
    found = branches(sites.committee)
    assert not found.multi and [b.code for b in found.items] == ["1000"]


def test_a_committee_lists_itself_first_then_its_branches_by_code(committee: Database) -> None:
    """After two imports: own organisation first, then both branches, with their names."""
    found = branches(committee)
    assert found.multi
    assert [b.code for b in found.items] == [COMMITTEE_CODE, *(code for code, *_ in BRANCHES)]
    assert [b.own for b in found.items] == [True, False, False]
    assert found.name_of(found.items[1].org_id) == BRANCHES[0][1]


def test_the_person_on_both_rolls_is_flagged_in_both(committee: Database) -> None:
    """shared_people names the two roster rows of the shared ID number, and nobody else."""
    with committee.read() as session:
        rows = member_repo.roster_rows(session)
    flagged = shared_people(rows)
    number = shared_person_id_number()
    assert flagged == {r.id for r in rows if r.id_number == number}
    assert len(flagged) == 2
    assert len({r.org_id for r in rows if r.id in flagged}) == 2
    where = shared_with(rows, branches(committee))
    assert sorted(where.values()) == sorted(name for _code, name, *_ in BRANCHES)  # each names the other one


def test_two_rows_of_one_organisation_are_not_flagged(committee: Database) -> None:
    """A number entered twice in one branch is the duplicate check's business, not a cross-branch flag."""
    with committee.read() as session:
        rows = member_repo.roster_rows(session)
    one_branch = [r for r in rows if r.org_id == rows[0].org_id]
    twin = one_branch[1]._replace(id_number=one_branch[0].id_number, id="twin")
    assert shared_people([one_branch[0], twin]) == frozenset()


def test_the_committee_corrects_a_person_on_both_rolls(committee_file: Path, tmp_path: Path) -> None:
    """Each branch's record of the shared person can be corrected in the committee's file (the other roll's
    copy is no duplicate of it); the same number twice on one roll is still refused."""
    db = open_database(copy_committee(committee_file, tmp_path))
    try:
        number = shared_person_id_number()
        with db.read() as session:
            ids = [r.id for r in member_repo.roster_rows(session) if r.id_number == number]
        for member_id in ids:
            record = get_member(db, LOCAL_USER, member_id)
            fixed = replace(input_from_data(record.data), native_place="河北保定", phone="13900001111")
            update_member(db, LOCAL_USER, member_id=member_id, data=fixed)
            assert get_member(db, LOCAL_USER, member_id).data.native_place == "河北保定"
        again = input_from_data(get_member(db, LOCAL_USER, ids[0]).data)
        add_member(db, LOCAL_USER, data=again)  # onto the committee's own roll: a third roll
        with pytest.raises(MemberInvalid, match="不能登记两次"):
            add_member(db, LOCAL_USER, data=again)  # twice on that roll
    finally:
        db.close()


@pytest.mark.parametrize(("name", "short"), [
    ("中共示范社区第一支部委员会", "示范社区第一支部"), ("中共示范小学党支部", "示范小学党支部"),
    ("中共示范街道工作委员会", "示范街道党工委"), ("中共示范公司委员会", "示范公司党委"),
    ("第二支部委员会", "第二支部"), ("委员会", "委员会"), ("中共", "中共"), ("", "")])
def test_a_branch_name_is_shortened_as_offices_write_it_in_a_table(name: str, short: str) -> None:
    """No 中共 before, 支部委员会 → 支部, 工作委员会 → 党工委, 委员会 → 党委; never shortened to nothing."""
    assert short_name(name) == short


@pytest.mark.parametrize(("names", "shorts"), [
    (["中共示范街道工作委员会", "中共示范街道幸福社区第一支部委员会", "中共示范街道西溪社区第二支部委员会"],
     ["党工委", "幸福社区第一支部", "西溪社区第二支部"]),  # the street every name begins with is left off
    (["中共示范街道幸福社区第一支部委员会", "中共示范街道幸福社区第二支部委员会"],
     ["第一支部", "第二支部"]),  # one community: its name too
    (["中共示范街道幸福社区第一支部委员会"], ["示范街道幸福社区第一支部"]),  # one name: as ``short_name``
    (["第一支部委员会", "第二支部委员会"], ["第一支部", "第二支部"]),  # no place shared: nothing left off
    (["中共示范村党支部", "中共示范村支部委员会"], ["示范村党支部", "示范村支部"]),  # the rest would be too short
    (["中共幸福社区委员会", "中共幸福社区第一支部委员会", "中共幸福社区第二支部委员会"],
     ["党委", "第一支部", "第二支部"]),  # a community's 党委 and its branches: 党委 alone is still plain
])
def test_a_committee_s_branches_are_told_apart_by_what_their_names_do_not_share(
        names: list[str], shorts: list[str]) -> None:
    """A 支部 column of sixty branches of one street: 示范街道幸福社区… five times over tells nothing apart."""
    from partydesk.core.domain.organisation import short_names

    assert [short_names(names)[name] for name in names] == shorts
