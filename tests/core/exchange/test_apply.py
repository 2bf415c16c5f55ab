"""Applying a package: a failure at any step leaves the committee as it was; conflicts are queued and the
local row stays; a delete never comes back; packages out of order or missing converge; the dry run writes
nothing."""

from __future__ import annotations

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import members
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage import sync_fast, sync_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member
from tests.core.exchange.conftest import Sites
from tests.core.exchange.test_rejections import state

COMMITTEE = "1000"


def first_member(sites: Sites) -> str:
    roster = members.roster(sites.branch, LOCAL_USER)
    return sorted(r.id for r in roster)[0]


class Boom(RuntimeError):
    pass


def schema(db: Database) -> list[tuple[str, str, str]]:
    with db.read() as session:
        return [tuple(r) for r in session.connection().exec_driver_sql(  # type: ignore[misc]
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name").all()]


@pytest.mark.parametrize("aside", [False, True], ids=["indexes-kept", "indexes-set-aside"])
@pytest.mark.parametrize("fail_at", ["record#1", "record#7", "record#last", "ledger", "acks", "commit"])
def test_failure_at_any_step_of_the_apply_leaves_the_database_as_it_was(
        sites: Sites, fail_at: str, aside: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception between any two steps of the one transaction rolls everything back: with the tables'
    indexes set aside for a bulk write too (then they are back, as they were)."""
    if aside:
        monkeypatch.setattr(sync_fast, "REBUILD_MIN_ROWS", 1)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    total = sum(sent.counts.values())
    target = {"record#1": 1, "record#7": 7, "record#last": total}.get(fail_at)
    seen = {"record": 0}

    def step(name: str) -> None:
        if name == "record":
            seen["record"] += 1
            if seen["record"] == target:
                raise Boom(fail_at)
        elif name == fail_at:
            raise Boom(fail_at)

    before, shape = state(sites.committee), schema(sites.committee)
    with pytest.raises(Boom):
        import_package(sites.committee, LOCAL_USER, sent.path, step=step)
    assert state(sites.committee) == before
    assert schema(sites.committee) == shape
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"  # and it still can


def test_dry_run_classifies_and_writes_nothing(sites: Sites) -> None:
    """The dry run counts what would happen; the database is unchanged and the real import still applies."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    before = state(sites.committee)
    dry = import_package(sites.committee, LOCAL_USER, sent.path, dry_run=True)
    assert dry.status == "dry_run" and dry.counts["new"] == sum(sent.counts.values())
    assert state(sites.committee) == before
    assert import_package(sites.committee, LOCAL_USER, sent.path).counts == dry.counts


def test_incoming_change_over_a_local_correction_is_queued_not_overwritten(sites: Sites) -> None:
    """The committee corrected a phone; the branch then changed the same member: conflict, local row kept."""
    member_id = first_member(sites)
    first = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    import_package(sites.committee, LOCAL_USER, first.path)
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).phone = "13900000000"  # type: ignore[union-attr]
    with sites.branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).address = "幸福南路9号"  # type: ignore[union-attr]
    second = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    report = import_package(sites.committee, LOCAL_USER, second.path)
    assert report.counts["conflict"] == 1
    with sites.committee.read() as session:
        row = session.get(Member, member_id)
        assert row is not None and row.phone == "13900000000" and row.address != "幸福南路9号"
        queued = sync_repo.open_conflicts(session)
    assert [(c.record_type, c.record_id) for c in queued] == [("member", member_id)]
    assert queued[0].incoming["data"]["address"] == "幸福南路9号"


def test_a_delete_never_comes_back_and_out_of_order_packages_converge(sites: Sites) -> None:
    """The package with the delete arrives first, the older one after it: the member stays deleted."""
    member_id = first_member(sites)
    older = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    members.delete_member(sites.branch, LOCAL_USER, member_id=member_id, reason="录入重复")
    newer = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    late = import_package(sites.committee, LOCAL_USER, newer.path)
    assert late.status == "applied" and "缺少" in late.gap  # the first package has not arrived: a gap
    stale = import_package(sites.committee, LOCAL_USER, older.path)
    assert stale.status == "applied" and stale.counts["new"] == 0 and stale.counts["updated"] == 0
    with sites.committee.read() as session:  # the gap is filled: the later package no longer notes it
        assert {e.channel_seq: e.gap for e in sync_repo.packages(session)} == {1: "", 2: ""}
    with sites.committee.read() as session:
        row = session.get(Member, member_id)
        assert row is not None and row.deleted and row.id_number == ""  # the tombstone carries no personal data
    branch_site = sites.branch.site.site_id  # type: ignore[union-attr]
    from tests.core.exchange.test_round_trip import dump

    assert dump(sites.committee, branch_site) == dump(sites.branch, branch_site)


def test_the_committee_is_told_by_name_which_members_a_package_deletes(sites: Sites) -> None:
    """A branch deletes a member it had sent before: the dry run and the import name that member (as the
    committee holds them), where the counts alone say only "updated 1"."""
    member_id = first_member(sites)
    name = next(r.name for r in members.roster(sites.branch, LOCAL_USER) if r.id == member_id)
    assert import_package(sites.committee, LOCAL_USER, export_package(
        sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick).path).removed == []
    members.delete_member(sites.branch, LOCAL_USER, member_id=member_id, reason="录入重复")
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    assert import_package(sites.committee, LOCAL_USER, sent.path, dry_run=True).removed == [name]
    report = import_package(sites.committee, LOCAL_USER, sent.path)
    assert report.removed == [name] and report.counts["updated"] >= 1
    assert report.to_json()["removed_members"] == [name]


def test_the_import_names_what_it_wrote_for_the_open_pages(sites: Sites) -> None:
    """A page refreshes by what an import changed: every member it wrote (an event names its member, an
    attendance its meeting), and past the limit only the kind, so the page reloads whole."""
    from partydesk.core.changes import ChangeKind
    from partydesk.core.storage.meeting_tables import Meeting

    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    with sites.branch.read() as session:
        member_ids = {m.id for m in session.query(Member)}
        meeting_ids = {m.id for m in session.query(Meeting)}
    assert member_ids and meeting_ids
    report = import_package(sites.committee, LOCAL_USER, sent.path)
    assert report.status == "applied"
    assert report.changes.ids_of(ChangeKind.MEMBER) == member_ids
    assert report.changes.ids_of(ChangeKind.MEETING) == meeting_ids
    assert {ChangeKind.SYNC, ChangeKind.ORGANISATION} <= report.changes.kinds



def test_past_the_limit_the_import_names_only_the_kind(sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    from partydesk.core.changes import ChangeKind
    from partydesk.core.services import sync_import

    monkeypatch.setattr(sync_import, "_MANY_CHANGED", 3)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    report = import_package(sites.committee, LOCAL_USER, sent.path)
    assert ChangeKind.MEMBER in report.changes.kinds
    assert report.changes.ids_of(ChangeKind.MEMBER) is None
    assert report.changes.ids_of(ChangeKind.ORGANISATION) is not None  # one organisation: named


def test_the_committee_is_told_which_members_a_package_changes_and_in_which_fields(sites: Sites) -> None:
    """A branch edits two of its members (a phone and a work unit) and only stamps a third again: the dry run
    and the import name the two as the committee holds them, each with the fields that change, and leave out
    the one whose content is the same."""
    from partydesk.core.domain.member import input_from_data, with_changes
    from partydesk.core.services import sync_field_words
    from partydesk.core.storage import sync_records

    first = import_package(sites.committee, LOCAL_USER, export_package(
        sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick).path)
    assert first.changed == [] and first.changed_count == 0  # all new: nothing changed
    ids = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[:3]
    names = {r.id: r.name for r in members.roster(sites.committee, LOCAL_USER)}
    for member_id, changes in ((ids[0], {"phone": "13900001111", "work_unit": "第一小学"}),
                               (ids[1], {"work_unit": "县农机站"})):
        record = members.get_member(sites.branch, LOCAL_USER, member_id)
        assert record is not None
        members.update_member(sites.branch, LOCAL_USER, member_id=member_id,
                              data=input_from_data(with_changes(record.data, **changes)))
    with sites.branch.write(LOCAL_USER, action="test.restamp") as session:  # sent again, content the same
        sync_repo.restamp(session, sync_records.TYPES_BY_NAME["member"], ids[2])
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    phone, unit = (sync_field_words.label("member", k) for k in ("phone", "work_unit"))
    expected = sorted([f"{names[ids[0]]}（{unit}、{phone}）", f"{names[ids[1]]}（{unit}）"])  # in the form's order
    dry = import_package(sites.committee, LOCAL_USER, sent.path, dry_run=True)
    assert sorted(dry.changed) == expected and dry.changed_count == 2
    report = import_package(sites.committee, LOCAL_USER, sent.path)
    assert sorted(report.changed) == expected and report.counts["updated"] >= 3
    assert sorted(report.to_json()["changed_members"]) == expected


def test_past_the_named_members_the_rest_are_counted(sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    """More members changed than are named one by one: the first are named, all are counted."""
    from partydesk.core.domain.member import input_from_data, with_changes
    from partydesk.core.services import sync_preview
    from partydesk.core.services.sync_words import changed_in_words

    import_package(sites.committee, LOCAL_USER, export_package(
        sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick).path)
    ids = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[:5]
    for member_id in ids:
        record = members.get_member(sites.branch, LOCAL_USER, member_id)
        assert record is not None
        members.update_member(sites.branch, LOCAL_USER, member_id=member_id,
                              data=input_from_data(with_changes(record.data, work_unit="县农机站")))
    monkeypatch.setattr(sync_preview, "NAMED", 2)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    dry = import_package(sites.committee, LOCAL_USER, sent.path, dry_run=True)
    assert len(dry.changed) == 2 and dry.changed_count == 5
    assert changed_in_words(dry.changed, dry.changed_count).endswith("；另有 3 名")
