"""Corrections (SYNC.md "Only the owner edits a record; others send corrections against the version they
saw"): a committee's edit of a branch's member travels down with the version it replaced, applies at the
branch when the branch has not changed the record since, waits in the branch's conflict queue otherwise,
comes back up and converges; a record the receiver owns is taken only as a correction from its parent."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.clock import Version
from partydesk.core.domain.member_events import EventKind
from partydesk.core.exchange import container, crypto
from partydesk.core.exchange.canonical import canonical, data_hash
from partydesk.core.services import audit, members
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.sync_conflicts import open_conflicts, resolve
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import ImportReport, import_package
from partydesk.core.services.sync_keys import site_keys
from partydesk.core.storage.database import Database
from partydesk.core.storage.sync_records import owned_records
from partydesk.core.storage.tables import Member, MemberEventRow
from tests.core.exchange.conftest import Sites

TODAY = date(2026, 11, 30)


def up(sites: Sites) -> ImportReport:
    done = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)
    return import_package(sites.committee, LOCAL_USER, done.path)


def down(sites: Sites) -> ImportReport:
    code = own_organisation(sites.branch).code  # type: ignore[union-attr]
    done = export_package(sites.committee, LOCAL_USER, to_org_code=code, out_dir=sites.stick)
    return import_package(sites.branch, LOCAL_USER, done.path)


def first_member(sites: Sites) -> str:
    return sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[0]


def row(db: Database, member_id: str) -> tuple[str, str, str, str]:
    with db.read() as session:
        found = session.get(Member, member_id)
        assert found is not None
        return found.phone, found.address, found.version, found.owner_site


def correct_phone(sites: Sites, member_id: str, phone: str = "13900000000") -> None:
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).phone = phone  # type: ignore[union-attr]


def edit_address(db: Database, member_id: str, address: str) -> None:
    with db.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).address = address  # type: ignore[union-attr]


def branch_site(sites: Sites) -> str:
    return sites.branch.site.site_id  # type: ignore[union-attr]


def dump(db: Database, site: str) -> dict[str, Any]:
    with db.read() as session:
        return {r["id"]: (r["version"], r["deleted"], r["data"]) for r in owned_records(session, site, 0)}


def test_a_correction_applies_where_the_branch_has_not_changed_the_record(sites: Sites) -> None:
    """Owner kept, the committee's version taken, the audit entry says 上级更正; back up, nothing conflicts."""
    member_id = first_member(sites)
    up(sites)
    assert not members.get_member(sites.branch, LOCAL_USER, member_id).corrected  # type: ignore[union-attr]
    _phone, _address, before, _owner = row(sites.branch, member_id)
    correct_phone(sites, member_id)
    phone, _address, corrected, owner = row(sites.committee, member_id)
    assert owner == branch_site(sites) and Version.decode(corrected).site_id == sites.committee.site.site_id  # type: ignore[union-attr]
    report = down(sites)
    assert report.status == "applied" and report.counts["updated"] == 1 and report.counts["conflict"] == 0
    assert row(sites.branch, member_id) == (phone, row(sites.branch, member_id)[1], corrected, branch_site(sites))
    assert row(sites.branch, member_id)[2] != before
    stored = members.get_member(sites.branch, LOCAL_USER, member_id)
    assert stored is not None and stored.corrected  # the member page says 上级更正
    entry = audit.list_entries(sites.branch, LOCAL_USER, limit=1)[0]
    assert entry.action == "sync.import" and "上级更正" in entry.summary
    back = up(sites)
    assert back.counts["conflict"] == 0 and back.counts["rejected"] == 0
    assert dump(sites.committee, branch_site(sites)) == dump(sites.branch, branch_site(sites))


def test_a_correction_meeting_a_branch_edit_waits_in_the_branch_queue(sites: Sites) -> None:
    """The branch changed the record after the version the committee saw: its row stays, both are queued."""
    member_id = first_member(sites)
    up(sites)
    correct_phone(sites, member_id)
    edit_address(sites.branch, member_id, "幸福南路9号")
    kept = row(sites.branch, member_id)
    report = down(sites)
    assert report.counts["conflict"] == 1 and report.counts["updated"] == 0
    assert row(sites.branch, member_id) == kept
    [view] = open_conflicts(sites.branch)
    assert view.record_id == member_id
    assert view.reason.startswith("双方都改过这条记录：上级是在本单位较早的版本上更正的")
    assert {d.field for d in view.differences} >= {"phone", "address"}
    # Whose each version is and when it was made, to weigh them by.
    assert view.provenance.startswith("收到的版本：“中共示范街道工作委员会”（上级更正）于 20")
    assert "导入。\n本机的版本：20" in view.provenance and view.provenance.endswith("修改。")


def test_a_branch_edit_on_top_of_a_taken_correction_is_an_update_at_the_committee(sites: Sites) -> None:
    """The branch took the correction, then edited: its package names the correction as base, and the
    committee takes the edit without a conflict; every record is then equal on both sides."""
    member_id = first_member(sites)
    up(sites)
    correct_phone(sites, member_id)
    down(sites)
    edit_address(sites.branch, member_id, "幸福南路9号")
    name = row_name(sites.committee, member_id)
    report = up(sites)
    assert report.counts["conflict"] == 0 and report.counts["updated"] >= 1
    # Unlike the correction in 家庭住址 (changed since): said, in that field, as this package cannot tell a change
    # made after taking the correction from one kept over it; the member not said a second time among the changed.
    assert report.declined == [f"{name}（家庭住址）"] and report.changed == []
    assert row(sites.committee, member_id)[:2] == ("13900000000", "幸福南路9号")
    assert dump(sites.committee, branch_site(sites)) == dump(sites.branch, branch_site(sites))
    correct_phone(sites, member_id, "13700000000")  # a second correction, on top of the branch's version
    assert down(sites).counts["updated"] == 1
    assert row(sites.branch, member_id)[0] == "13700000000"


def set_phone(db: Database, member_id: str, phone: str) -> None:
    with db.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).phone = phone  # type: ignore[union-attr]


@pytest.mark.parametrize("in_order", [True, False])
def test_a_branch_that_takes_a_correction_after_its_own_edit_ends_equal_to_its_committee(
        sites: Sites, in_order: bool) -> None:
    """The committee corrects a phone while the branch edits it and sends the edit; the branch then meets the
    correction and takes it. Its decision is a new version of its own, named as made on the correction, so
    at the committee it overtakes the older edit still on its way (whichever package comes first): the
    waiting conflict closes by itself, and both sides hold the corrected phone."""
    member_id = first_member(sites)
    up(sites)
    correct_phone(sites, member_id, "13900001111")
    set_phone(sites.branch, member_id, "13800002222")
    earlier = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path
    assert down(sites).counts["conflict"] == 1
    [waiting] = open_conflicts(sites.branch)
    resolve(sites.branch, LOCAL_USER, waiting.id, take_incoming=True)
    assert row(sites.branch, member_id)[0] == "13900001111"
    later = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path
    for path in ([earlier, later] if in_order else [later, earlier]):
        report = import_package(sites.committee, LOCAL_USER, path)
        assert report.status == "applied" and report.declined == []  # the correction taken: nothing to say
    assert open_conflicts(sites.committee) == []
    assert row(sites.committee, member_id)[0] == "13900001111"
    assert dump(sites.committee, branch_site(sites)) == dump(sites.branch, branch_site(sites))
    assert down(sites).counts["conflict"] == 0 and open_conflicts(sites.branch) == []


def test_an_event_recorded_at_the_committee_belongs_to_the_member_s_branch(sites: Sites) -> None:
    """members.add_event at the committee: the event (and the member's derived fields) are the branch's
    records, travel down as corrections, and show in the member's history there."""
    # Someone not already away (the demo roll has migrants, and ids are random from run to run).
    member_id = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER) if not r.migrant)[0]
    up(sites)
    members.add_event(sites.committee, LOCAL_USER, member_id=member_id, kind=EventKind.MIGRANT_OUT, on_date=TODAY,
                      detail="北京市海淀区", today=TODAY)
    with sites.committee.read() as session:
        event = session.query(MemberEventRow).filter_by(member_id=member_id, kind="migrant_out").one()
        assert event.owner_site == branch_site(sites)
    report = down(sites)
    assert report.counts["new"] == 1 and report.counts["conflict"] == 0
    assert EventKind.MIGRANT_OUT in [e.kind for e in members.member_events(sites.branch, LOCAL_USER, member_id)]
    assert up(sites).counts["conflict"] == 0
    assert dump(sites.committee, branch_site(sites)) == dump(sites.branch, branch_site(sites))


def reseal(path: Path, sender: Database, change: Any, out: Path) -> Path:
    """The package at ``path`` with its records changed by ``change``, encrypted and signed again by ``sender``."""
    parts = container.read_outer(path.read_bytes())
    manifest = json.loads(parts.manifest)
    keys = site_keys(sender)
    payload = manifest["payload"]
    recipients = payload["recipients"]
    wrapped = next(r["wrapped_key"] for r in recipients if r["key_id"] == keys.key_id)
    data_key = crypto.unwrap_key(wrapped, keys.encryption, keys.key_id)
    plaintext = crypto.open_sealed(parts.payload, crypto.unb64(payload["nonce"]), data_key,
                                   manifest["package_id"].encode("ascii"))
    jsonl, blobs = container.read_inner(plaintext)
    records = [json.loads(line) for line in jsonl.split(b"\n") if line]
    change(records)
    for record in records:
        record["row_hash"] = data_hash(record["data"])
    inner = container.pack_inner(b"".join(canonical(r) + b"\n" for r in records), blobs)
    with sender.read() as session:
        from partydesk.core.storage import sync_repo

        peer_key = sync_repo.peer_key(session, next(r["key_id"] for r in recipients if r["key_id"] != keys.key_id))
    assert peer_key is not None
    sealed = crypto.seal(inner, {peer_key.key_id: crypto.unb64(peer_key.encryption_public),
                                 keys.key_id: keys.encryption_public}, manifest["package_id"].encode("ascii"))
    payload.update(size=len(sealed.ciphertext), sha256=crypto.sha256_hex(sealed.ciphertext),
                   plaintext_sha256=crypto.sha256_hex(inner), nonce=crypto.b64(sealed.nonce),
                   recipients=[{"key_id": k, "wrapped_key": w} for k, w in sorted(sealed.wrapped.items())])
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    out.write_bytes(container.pack_outer(container.OuterParts(body, crypto.sign(keys.signing, body),
                                                              sealed.ciphertext)))
    return out


def test_a_record_the_receiver_owns_is_refused_from_anyone_but_its_parent(sites: Sites, tmp_path: Path) -> None:
    """A branch's package carrying a record owned by the committee: that record is rejected, the rest applies."""
    committee_site = sites.committee.site.site_id  # type: ignore[union-attr]
    done = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick)

    def claim(records: list[dict[str, Any]]) -> None:
        target = next(r for r in records if r["type"] == "member_event")
        target["owner_site"], target["base_version"] = committee_site, target["version"]

    forged = reseal(done.path, sites.branch, claim, tmp_path / "forged.pdsync")
    report = import_package(sites.committee, LOCAL_USER, forged)
    assert report.status == "applied" and report.counts["rejected"] == 1
    assert report.rejected[0][2] == "本单位的记录只接受上级党委的更正"
    honest = import_package(sites.committee, LOCAL_USER, reseal(done.path, sites.branch, lambda r: None,
                                                                 tmp_path / "same.pdsync"))
    assert honest.status == "already_imported"


def test_the_dry_run_names_the_members_the_committee_corrects_or_deletes(sites: Sites) -> None:
    """A branch importing its committee's package is told, before anything is written, which of its own
    members the package corrects or deletes, by the names they have here (a deletion's tombstone carries no
    name), and how many other records of its own it changes; a package without corrections says nothing."""
    first, second = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[:2]
    names = {m: members.get_member(sites.branch, LOCAL_USER, m).data.name for m in (first, second)}  # type: ignore[union-attr]
    up(sites)
    correct_phone(sites, first)
    members.delete_member(sites.committee, LOCAL_USER, member_id=second, reason="录入重复")
    code = own_organisation(sites.branch).code  # type: ignore[union-attr]
    done = export_package(sites.committee, LOCAL_USER, to_org_code=code, out_dir=sites.stick)
    preview = import_package(sites.branch, LOCAL_USER, done.path, dry_run=True)
    said = preview.corrections
    assert f"更正党员“{names[first]}”的档案" in said and f"删除党员“{names[second]}”" in said
    with sites.branch.read() as session:
        events = session.query(MemberEventRow).filter(MemberEventRow.member_id == second).count()
    others = [line for line in said if line.startswith("更正本单位的其他记录")]
    assert (len(said), bool(others)) == (3 if events else 2, bool(events))
    assert import_package(sites.branch, LOCAL_USER, done.path).corrections == said
    assert up(sites).corrections == []


def row_name(db: Database, member_id: str) -> str:
    with db.read() as session:
        found = session.get(Member, member_id)
        assert found is not None
        return found.name


def test_a_branch_that_keeps_its_own_version_over_a_correction_is_taken_at_the_committee(sites: Sites) -> None:
    """The committee corrects again while the branch edits (each unseen by the other): the committee keeps its
    correction, the branch meets it as a conflict and keeps its own number. That decision, made having seen the
    correction, goes up naming it as base: the committee takes it as an update, not as a conflict of its own
    (which said, wrongly, that the branch had not seen its change), and both sides hold the branch's number."""
    member_id = first_member(sites)
    up(sites)
    correct_phone(sites, member_id, "13800001111")
    down(sites)
    set_phone(sites.branch, member_id, "13900002222")
    correct_phone(sites, member_id, "13700003333")
    early = up(sites)  # the committee's later correction stands until the branch decides, and it is said so
    assert (early.counts["conflict"], early.counts["unchanged"]) == (0, 1)
    assert early.held == [row_name(sites.committee, member_id)] and early.to_json()["held_members"] == early.held
    assert down(sites).counts["conflict"] == 1
    [waiting] = open_conflicts(sites.branch)
    resolve(sites.branch, LOCAL_USER, waiting.id, take_incoming=False)
    name = row_name(sites.committee, member_id)
    package = export_package(sites.branch, LOCAL_USER, to_org_code="1000", out_dir=sites.stick).path
    assert import_package(sites.committee, LOCAL_USER, package, dry_run=True).declined == [f"{name}（联系电话）"]
    report = import_package(sites.committee, LOCAL_USER, package)
    assert (report.counts["conflict"], report.counts["updated"]) == (0, 1) and open_conflicts(sites.committee) == []
    # The committee is told its correction was not taken, and of what, not only "1 updated".
    assert report.declined == [f"{name}（联系电话）"] and report.to_json()["corrections_differing"] == report.declined
    assert row(sites.committee, member_id)[0] == row(sites.branch, member_id)[0] == "13900002222"
    assert dump(sites.committee, branch_site(sites)) == dump(sites.branch, branch_site(sites))
    assert down(sites).counts["conflict"] == 0 and open_conflicts(sites.branch) == []


def test_a_meeting_the_branch_changed_before_a_correction_reached_it_is_said_to_be_held(sites: Sites) -> None:
    """The branch changes a meeting's place, then the committee corrects it before the change comes up: the
    committee's correction stays (counted unchanged) and the report names the meeting, so the committee is not
    told only 未变 of a record the branch did change."""
    from partydesk.core.storage.meeting_tables import Meeting

    up(sites)
    with sites.branch.write(LOCAL_USER, action="test.edit") as session:
        meeting = session.query(Meeting).order_by(Meeting.id).first()
        assert meeting is not None
        meeting_id, said = meeting.id, f"会议“{meeting.topic}”（{meeting.held_on:%Y-%m-%d}）"
        meeting.place = "社区党群服务中心会议室（三楼）"
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Meeting, meeting_id).place = "社区党群服务中心会议室（四楼）"  # type: ignore[union-attr]
    report = up(sites)
    assert report.counts["conflict"] == 0
    assert report.held == [] and report.held_other == [said]
    assert report.to_json()["held_other"] == report.held_other


def test_a_record_only_sent_again_under_a_correction_is_not_said_to_be_changed(sites: Sites) -> None:
    """The committee corrects a meeting; the branch, with no receipt back yet, sends everything again, that
    meeting as the committee first had it: nothing is said to be changed by the branch (it was, wrongly)."""
    from partydesk.core.storage.meeting_tables import Meeting

    up(sites)
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        meeting = session.query(Meeting).order_by(Meeting.id).first()
        assert meeting is not None
        meeting.place = "社区党群服务中心会议室（四楼）"
    report = up(sites)
    assert report.counts["unchanged"] > 0 and (report.held, report.held_other) == ([], [])


def test_a_corrected_meeting_is_named_to_the_branch(sites: Sites) -> None:
    """The committee corrects a branch's meeting: the branch's check names the meeting (会议“…”), not only
    "其他记录 1 条"."""
    from partydesk.core.storage.meeting_tables import Meeting

    up(sites)
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        meeting = session.query(Meeting).order_by(Meeting.id).first()
        assert meeting is not None
        named = f"更正会议“{meeting.topic}”（{meeting.held_on:%Y-%m-%d}）"
        meeting.place = "社区党群服务中心会议室（四楼）"
    said = down(sites).corrections
    assert said == [named], said


def test_the_correction_bases_of_more_records_than_sqlite_binds_are_read_at_once(sites: Sites) -> None:
    """A re-sent snapshot may name tens of thousands of records: their correction bases are read in one query,
    not one bound value per id (SQLite refuses more than its limit of bound values)."""
    from partydesk.core.storage.downward_repo import corrected_bases

    member_id = first_member(sites)
    up(sites)
    correct_phone(sites, member_id)
    ids = [member_id, *(f"no-such-{n:06d}" for n in range(260_000))]  # past 32766 (Windows) and 250000 (Debian)
    with sites.committee.read() as session:
        found = corrected_bases(session, "member", ids)
    assert found == {member_id: row(sites.branch, member_id)[2]}  # the branch's version the correction replaced


def test_a_corrected_meeting_the_branch_keeps_as_it_was_is_said_to_the_committee(sites: Sites) -> None:
    """The committee corrects a meeting's 地点 while the branch changes its 主持人; the branch meets the correction
    as a conflict and keeps its own version. Back at the committee that version replaces the correction: the
    import names the meeting and the fields in which it differs from the correction (its 主持人, the 地点 not
    taken), and the committee holds the branch's 地点 again."""
    from partydesk.cli_sync import import_payload
    from partydesk.core.storage.meeting_tables import Meeting

    up(sites)
    with sites.committee.write(LOCAL_USER, action="test.correct") as session:
        meeting = session.query(Meeting).filter(Meeting.type_code == "committee").order_by(Meeting.held_on).first()
        assert meeting is not None
        meeting_id, place, said = meeting.id, meeting.place, f"会议“{meeting.topic}”（{meeting.held_on:%Y-%m-%d}）"
        meeting.place = "社区党群服务中心会议室（四楼）"
    with sites.branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Meeting, meeting_id).chair = "某某"  # type: ignore[union-attr]
    assert up(sites).declined == []  # the branch's edit made before it saw the correction: held, not declined
    assert down(sites).counts["conflict"] == 1
    [waiting] = open_conflicts(sites.branch)
    resolve(sites.branch, LOCAL_USER, waiting.id, take_incoming=False)
    report = up(sites)
    assert report.declined == [f"{said}：地点、主持人"], report.declined  # (in the record's order)
    said_by_cli = import_payload(report)["message"]  # `partydesk sync import` says it too
    assert f"采纳后又作了修改），按对方的版本更新：{said}：地点、主持人。" in said_by_cli
    with sites.committee.read() as session:
        assert session.get(Meeting, meeting_id).place == place  # type: ignore[union-attr]


def test_many_declined_corrections_are_named_up_to_a_limit_and_counted(sites: Sites,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two corrected members whose branch keeps its own versions, with room to name one: the first is named, and
    the count says two (the words add 另有 1 条其他记录)."""
    from partydesk.cli_sync import import_payload
    from partydesk.core.services import sync_preview

    first, second = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[:2]
    up(sites)
    for member_id in (first, second):
        correct_phone(sites, member_id)
        edit_address(sites.branch, member_id, "幸福南路9号")
    assert down(sites).counts["conflict"] == 2
    for waiting in open_conflicts(sites.branch):
        resolve(sites.branch, LOCAL_USER, waiting.id, take_incoming=False)
    monkeypatch.setattr(sync_preview, "NAMED", 1)
    report = up(sites)
    assert report.declined_count == 2 and len(report.declined) == 1
    assert "另有 1 条其他记录。" in import_payload(report)["message"]
    assert report.declined[0] in {f"{row_name(sites.committee, m)}（联系电话、家庭住址）" for m in (first, second)}


def test_only_named_fields_of_live_records_are_said_unlike_a_correction(sites: Sites) -> None:
    """Two corrected members the branch keeps its own way: one renamed (its 姓名 said, not the pinyin that goes with
    it), one deleted (said as a deletion, not as a version unlike the correction, with its wiped fields)."""
    renamed, deleted = sorted(r.id for r in members.roster(sites.branch, LOCAL_USER))[:2]
    up(sites)
    for member_id in (renamed, deleted):
        correct_phone(sites, member_id)
    with sites.branch.write(LOCAL_USER, action="test.edit") as session:
        member = session.get(Member, renamed)
        assert member is not None
        member.name, member.name_pinyin = "欧阳改名", "ouyanggaiming"  # (as the member form writes both)
    members.delete_member(sites.branch, LOCAL_USER, member_id=deleted, reason="录入重复")
    assert down(sites).counts["conflict"] == 2
    for waiting in open_conflicts(sites.branch):
        resolve(sites.branch, LOCAL_USER, waiting.id, take_incoming=False)
    gone, old_name = row_name(sites.committee, deleted), row_name(sites.committee, renamed)
    report = up(sites)
    assert report.declined == [f"{old_name}（姓名、联系电话）"] and report.declined_count == 1, report.declined
    assert report.removed == [gone]
