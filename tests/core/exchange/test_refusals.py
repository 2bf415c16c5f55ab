"""Refused records are refused whole (with their details) and told back to their sender, which shows them and
sends them again until they are taken (services/sync_refusals.py, sync_orphans.py).

The committee here runs "an older program": one whose meeting records are of an older format, so it refuses
the branch's meetings as 记录格式比本程序新 — as a committee that has not yet upgraded would."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import engine
from partydesk.core.exchange.canonical import canonical, data_hash
from partydesk.core.exchange.container import RECORDS
from partydesk.core.services import sync_refusals
from partydesk.core.services.setup import own_organisation
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage import refusal_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance
from partydesk.core.storage.sync_records import TYPES_BY_NAME
from tests.core.exchange.conftest import Sites
from tests.core.exchange.forge import reseal

COMMITTEE = "1000"
NEWER = "记录格式比本程序新，请升级"


@contextmanager
def older_meetings() -> Iterator[None]:
    """While inside: this process reads meeting records as a program one format older would."""
    kind = TYPES_BY_NAME["meeting"]
    TYPES_BY_NAME["meeting"] = dataclasses.replace(kind, type_version=kind.type_version - 1)
    try:
        yield
    finally:
        TYPES_BY_NAME["meeting"] = kind


def code_of(db: Database) -> str:
    org = own_organisation(db)
    assert org is not None
    return org.code


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.query(model).count()


def refused_findings(db: Database) -> list[str]:
    return [f.message for f in engine.open_findings(db, date.today()) if f.code == "exchange.refused"]


def test_the_details_of_a_refused_meeting_are_refused_with_it_and_the_rest_is_imported(sites: Sites) -> None:
    """Before, the first attendance row of a refused meeting broke the foreign key and the whole package
    failed with a database error; now each detail is refused naming its meeting, and the members arrive."""
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    with older_meetings():
        report = import_package(sites.committee, LOCAL_USER, sent.path)
    assert report.status == "applied", report.message
    reasons = {(kind, reason) for kind, _id, reason in report.rejected}
    assert ("meeting", NEWER) in reasons
    assert ("meeting_attendance", "所属的会议没有被接收") in reasons
    assert report.counts["rejected"] >= sent.counts["meeting"] + sent.counts["meeting_attendance"]
    assert count(sites.committee, Meeting) == 0 and count(sites.committee, MeetingAttendance) == 0
    assert report.counts["new"] >= sent.counts["member"]


def test_the_branch_is_told_what_was_refused_and_sends_it_again_until_taken(sites: Sites) -> None:
    branch, committee = sites.branch, sites.committee
    meetings = count(branch, Meeting)
    up = export_package(branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    with older_meetings():
        assert import_package(committee, LOCAL_USER, up.path).counts["rejected"] > meetings

    # The committee's next package down tells the branch, which says so and puts it on its board.
    down = export_package(committee, LOCAL_USER, to_org_code=code_of(branch), out_dir=sites.stick)
    assert down.kind == "downward" and down.counts["record_refusal"] > meetings
    told = import_package(branch, LOCAL_USER, down.path)
    assert told.status == "applied"
    named = sync_refusals.NAMED
    assert meetings > named and sum(NEWER in line for line in told.returned) == named  # named, with the reason
    assert "的会议“" in told.returned[0] and told.returned_more == meetings - named  # the rest counted
    assert told.returned_details > 0  # the details counted, not listed
    board = refused_findings(branch)
    assert len(board) == 1
    assert board[0].startswith(f"中共示范街道工作委员会没有接收本单位的 {meetings} 条记录（{NEWER}）：")
    assert "的会议“" in board[0] and "等，连同其明细" in board[0]

    # Nothing was edited, yet the next package up carries the refused records again.
    again = export_package(branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    assert again.counts.get("meeting") == meetings
    taken = import_package(committee, LOCAL_USER, again.path)  # the committee has upgraded meanwhile
    assert taken.counts["rejected"] == 0 and count(committee, Meeting) == meetings

    # The committee says it took them; the branch's to-do goes, and they are not sent a third time.
    cleared = export_package(committee, LOCAL_USER, to_org_code=code_of(branch), out_dir=sites.stick)
    report = import_package(branch, LOCAL_USER, cleared.path)
    assert report.returned == [] and report.returned_taken == down.counts["record_refusal"]
    assert refused_findings(branch) == []
    assert export_package(branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick).kind == "receipt"


def test_a_record_refused_again_as_before_is_not_told_twice(sites: Sites) -> None:
    branch, committee = sites.branch, sites.committee
    up = export_package(branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    with older_meetings():
        import_package(committee, LOCAL_USER, up.path)
    down = export_package(committee, LOCAL_USER, to_org_code=code_of(branch), out_dir=sites.stick)
    import_package(branch, LOCAL_USER, down.path)
    again = export_package(branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    with older_meetings():
        assert import_package(committee, LOCAL_USER, again.path).counts["rejected"] > 0  # refused once more
    later = export_package(committee, LOCAL_USER, to_org_code=code_of(branch), out_dir=sites.stick)
    assert "record_refusal" not in later.counts  # the branch acknowledged the first telling
    assert len(refused_findings(branch)) == 1


def test_a_word_older_than_the_one_held_changes_nothing(sites: Sites) -> None:
    """Packages imported out of order: a refusal decided before the clearing already held does not come back."""
    peer = "p" * 36
    cleared_at, refused_at = "2026-11-02T10:00:00", "2026-11-01T10:00:00"
    item = {"record_type": "meeting", "record_id": "m1", "version": "v1", "reason": NEWER}
    with sites.branch.write(LOCAL_USER, action="test") as session:
        refusal_repo.take(session, peer, [{**item, "state": "refused", "at": refused_at}])
        fresh, cleared = refusal_repo.take(session, peer, [{**item, "state": "cleared", "at": cleared_at}])
        assert (fresh, cleared) == ([], 1)
        fresh, cleared = refusal_repo.take(session, peer, [{**item, "state": "refused", "at": refused_at}])
        assert (fresh, cleared) == ([], 0)
        assert refusal_repo.refused_here(session) == []


@pytest.mark.parametrize("change", [
    {"state": "forgotten"}, {"at": "yesterday"}, {"at": "2026-11-01T10:00:00+08:00"}, {"reason": 7},
    {"record_id": "x" * 65}, {"extra": "field"},
])
def test_a_malformed_refusal_rejects_the_package_before_any_write(sites: Sites, tmp_path: Path,
                                                                  change: dict[str, object]) -> None:
    branch, committee = sites.branch, sites.committee
    with older_meetings():
        import_package(committee, LOCAL_USER,
                       export_package(branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick).path)
    down = export_package(committee, LOCAL_USER, to_org_code=code_of(branch), out_dir=sites.stick)

    def spoil(entries: dict[str, bytes]) -> None:
        lines = entries[RECORDS].split(b"\n")
        for at, line in enumerate(lines):
            record = json.loads(line) if line else {}
            if record.get("type") == refusal_repo.REFUSAL_TYPE:
                record["data"] = {**record["data"], **change}
                record["row_hash"] = data_hash(record["data"])
                lines[at] = canonical(record)
                break
        entries[RECORDS] = b"\n".join(lines)

    bad = reseal(down.path, committee, spoil, tmp_path / "bad.pdsync")
    report = import_package(branch, LOCAL_USER, bad)
    assert (report.status, report.reason) == ("rejected", "damaged") and "退回记录" in report.message
    with branch.read() as session:
        assert refusal_repo.refused_here(session) == []


def test_one_refused_member_is_named_and_its_to_do_opens_the_member(sites: Sites) -> None:
    from partydesk.core.storage.sync_repo import peers
    from partydesk.core.storage.tables import Member

    with sites.branch.read() as session:
        member = session.query(Member).filter(Member.deleted.is_(False)).order_by(Member.name).first()
        assert member is not None
        member_id, name = member.id, member.name
        committee = next(p for p in peers(session) if p.relation == "parent")
    with sites.branch.write(LOCAL_USER, action="test") as session:
        refusal_repo.take(session, committee.site_id, [{
            "record_type": "member", "record_id": member_id, "version": "v", "reason": "公民身份号码校验位不正确",
            "state": "refused", "at": "2026-11-01T10:00:00"}])
    [finding] = [f for f in engine.open_findings(sites.branch, date.today()) if f.code == "exchange.refused"]
    said = f"中共示范街道工作委员会没有接收本单位的党员“{name}”的档案（公民身份号码校验位不正确）。"
    assert finding.message.startswith(said) and finding.target is not None
    assert (finding.target.kind, finding.target.key) == ("member", member_id)


def test_a_long_refusal_is_one_to_do_that_looks_up_only_the_records_it_names(
        sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every member refused for one reason (a committee on an older program refusing a snapshot): one to-do
    naming five and counting the rest, and only those five looked up, so the board stays quick however many."""

    from partydesk.core.storage.sync_repo import peers
    from partydesk.core.storage.tables import Member

    with sites.branch.read() as session:
        ids = [m.id for m in session.query(Member).filter(Member.deleted.is_(False))]
        committee = next(p for p in peers(session) if p.relation == "parent")
    with sites.branch.write(LOCAL_USER, action="test") as session:
        refusal_repo.take(session, committee.site_id, [
            {"record_type": "member", "record_id": i, "version": "v", "reason": NEWER, "state": "refused",
             "at": "2026-11-01T10:00:00"} for i in ids])
    looked_up: list[str] = []
    original = sync_refusals.describe
    monkeypatch.setattr(sync_refusals, "describe", lambda s, t, i: looked_up.append(i) or original(s, t, i))
    [finding] = [f for f in engine.open_findings(sites.branch, date.today()) if f.code == "exchange.refused"]
    assert len(ids) > 5 and f"没有接收本单位的 {len(ids)} 条记录（{NEWER}）：党员“" in finding.message
    assert len(looked_up) == 5


def test_a_withdrawn_detail_of_a_refused_record_is_refused_with_it(sites: Sites) -> None:
    """A member refused, with an event of theirs withdrawn (a tombstone, which still names the member): the
    tombstone is refused with the member, not left to break the key and fail the whole package."""
    from partydesk.core.domain.member_events import EventKind
    from partydesk.core.services import members

    branch, committee = sites.branch, sites.committee
    person = members.roster(branch, LOCAL_USER)[0].id
    event = next(e for e in members.member_events(branch, LOCAL_USER, person) if e.kind is not EventKind.JOINED)
    members.withdraw_event(branch, LOCAL_USER, event_id=event.id, reason="录错")
    up = export_package(branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    kind = TYPES_BY_NAME["member"]
    TYPES_BY_NAME["member"] = dataclasses.replace(kind, type_version=kind.type_version - 1)
    try:
        report = import_package(committee, LOCAL_USER, up.path)
    finally:
        TYPES_BY_NAME["member"] = kind
    assert report.status == "applied", report.message
    assert ("member_event", event.id, "所属的党员档案没有被接收") in report.rejected



def test_every_refused_record_is_sent_again_once_read_a_batch_at_a_time(
        sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every member refused (a snapshot refused whole): each is sent again once, read a few ids per query
    rather than one query per record; one the package carries already, or no longer held here, is not."""
    from sqlalchemy import event

    from partydesk.core.storage.sync_repo import peers
    from partydesk.core.storage.tables import Member

    with sites.branch.read() as session:
        ids = sorted(m.id for m in session.query(Member))
        committee = next(p for p in peers(session) if p.relation == "parent")
    with sites.branch.write(LOCAL_USER, action="test") as session:
        refusal_repo.take(session, committee.site_id, [
            {"record_type": "member", "record_id": i, "version": "v", "reason": NEWER, "state": "refused",
             "at": "2026-11-01T10:00:00"} for i in [*ids, "no-such-member"]])
    monkeypatch.setattr(refusal_repo, "_ID_BATCH", 4)
    queries: list[str] = []

    def heard(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        queries.append(statement)

    event.listen(sites.branch.engine, "before_cursor_execute", heard)
    try:
        with sites.branch.read() as session:
            carried = [("member", json.dumps({"data": {}, "id": ids[0]}, separators=(",", ":")).encode())]
            lines = refusal_repo.resend_lines(session, sites.branch.site.site_id, committee.site_id, carried)
    finally:
        event.remove(sites.branch.engine, "before_cursor_execute", heard)
    sent = [json.loads(line)["id"] for _kind, line in lines]
    assert sorted(sent) == ids[1:]  # each once; not the one carried, not the one unknown here
    assert len(ids) > 8 and len([q for q in queries if "FROM member" in q]) == -(-(len(ids) - 1) // 4)
