"""The dry run names the members a package adds (the first few, all counted) and the records it refuses, so an
office reads who comes in and what is left out before it says yes."""

from __future__ import annotations

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import members
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_preview import ADDED_NAMED
from partydesk.core.services.sync_words import added_in_words
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member
from tests.core.exchange.conftest import Sites

COMMITTEE = "1000"


def spoil_id_number(db: Database, member_id: str) -> None:
    """The member's ID number with a wrong check digit, written past the form (as an older program might have)."""
    with db.write(LOCAL_USER, action="test.spoil") as session:
        row = session.get(Member, member_id)
        assert row is not None
        row.id_number = row.id_number[:-1] + ("1" if row.id_number[-1] == "0" else "0")


def test_a_first_package_names_the_first_members_it_adds_and_counts_them_all(sites: Sites) -> None:
    """12 members in a first package: the dry run names the first ten (as the package has them) and counts twelve;
    in words "…等 12 名". The import says the same. A member's record kept after a transfer out (the branch's
    history) is no member added."""
    gone = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[-1]
    with sites.branch.write(LOCAL_USER, action="test.transfer") as session:
        row = session.get(Member, gone)
        assert row is not None
        row.in_branch = False
    roster = {r.id: r.name for r in members.roster(sites.branch, LOCAL_USER) if r.id != gone}
    assert len(roster) > ADDED_NAMED
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    report = import_package(sites.committee, LOCAL_USER, sent.path, dry_run=True)
    assert report.added_count == len(roster) and len(report.added) == ADDED_NAMED
    assert set(report.added) <= set(roster.values()) and report.counts["new"] > len(roster) + 1
    assert added_in_words(report.added, report.added_count).endswith(f"等 {len(roster)} 名")
    assert report.to_json()["added_members_count"] == len(roster)
    done = import_package(sites.committee, LOCAL_USER, sent.path)
    assert (done.added, done.added_count) == (report.added, report.added_count)
    again = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick / "again")
    assert import_package(sites.committee, LOCAL_USER, again.path, dry_run=True).added_count == 0  # none new


def test_a_refused_member_is_named_with_its_reason(sites: Sites) -> None:
    """A member whose ID number fails its check digit is refused (with the changes of their record): the dry run
    names the member, not only an id, and says the rest in words."""
    member_id, name = sorted((r.id, r.name) for r in members.roster(sites.branch, LOCAL_USER))[0]
    spoil_id_number(sites.branch, member_id)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    report = import_package(sites.committee, LOCAL_USER, sent.path, dry_run=True)
    refused = [(kind, record_id) for kind, record_id, _reason in report.rejected]
    assert ("member", member_id) in refused
    at = refused.index(("member", member_id))
    assert "校验位" in report.rejected[at][2] and report.rejected_words[at] == name
    assert len(report.rejected_words) == len(report.rejected)
    others = [w for (kind, _i, _r), w in zip(report.rejected, report.rejected_words, strict=True) if kind != "member"]
    assert all(w == "" or "“" in w for w in others), others  # a talk by its topic; a detail by its kind and reason
    assert name not in report.added and report.added_count == len(members.roster(sites.branch, LOCAL_USER)) - 1


def test_few_added_members_are_named_without_a_count() -> None:
    assert added_in_words(["王芳", "李强"], 2) == "王芳、李强"
    assert added_in_words(["王芳"], 3) == "王芳等 3 名"
