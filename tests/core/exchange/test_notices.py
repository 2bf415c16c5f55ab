"""Notices and study materials sent down, and attachment files carried in packages both ways: a committee
and two demo branches on real database files exchanging real packages through a folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from partydesk.core import attachments
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import engine
from partydesk.core.checks.findings import Severity, Target
from partydesk.core.checks.notices import (
    branches_yet_to_report_done,
    read_notices_with_deadline,
    unread_notices_with_deadline,
)
from partydesk.core.demo import populate
from partydesk.core.domain.notices import NoticeData, NoticeFile
from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.domain.study_records import MaterialData
from partydesk.core.errors import ValidationError
from partydesk.core.exchange import container
from partydesk.core.services import dashboard_scope, meeting_records, meetings, notices, study, study_files
from partydesk.core.services.sync_blobs import blob_path
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.meeting_repo import MeetingData
from partydesk.core.storage.notice_tables import NoticeReceipt
from tests.core.exchange.conftest import introduce, make_committee
from tests.core.exchange.forge import reseal
from tests.core.exchange.test_rejections import state
from tests.core.services.test_meetings import all_present

COMMITTEE, EAST, WEST = "1000", "3301060012", "3301060013"


@dataclass
class Tree:
    """A committee, two branches registered with it, a stick, and a folder of files to attach."""

    committee: Database
    east: Database
    west: Database
    stick: Path
    files: Path


def branch(path: Path, code: str, name: str, seed: int) -> Database:
    db = open_database(path)
    populate(db, seed=seed, members=6, organisation=OrganisationInput(name=name, code=code, org_type="党支部"))
    return db


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Tree]:
    for name in ("c", "e", "w", "stick", "files"):
        (tmp_path / name).mkdir()
    committee = make_committee(tmp_path / "c" / "committee.db", COMMITTEE)
    east = branch(tmp_path / "e" / "east.db", EAST, "中共示范街道幸福社区第一支部委员会", 1)
    west = branch(tmp_path / "w" / "west.db", WEST, "中共示范街道幸福社区第二支部委员会", 2)
    introduce(east, committee)
    introduce(west, committee)
    yield Tree(committee, east, west, tmp_path / "stick", tmp_path / "files")
    for db in (committee, east, west):
        db.close()


def stored(db: Database, folder: Path, name: str, content: bytes) -> NoticeFile:
    source = folder / name
    source.write_bytes(content)
    put = attachments.put(attachments.store_root(db.path), source)
    return NoticeFile(put.sha256, put.name, put.mime, put.size)


def notice(db: Database, title: str, *, to: list[str] | None = None, files: tuple[NoticeFile, ...] = (),
           deadline: date | None = None) -> str:
    data = NoticeData(title, f"{title}的正文", date(2026, 11, 20), "中共示范街道工作委员会", deadline)
    return notices.add_notice(db, LOCAL_USER, data=data, files=files, to=to or [], to_all=to is None).notice_id


def send_down(tree: Tree, to: Database, code: str) -> Path:
    path = export_package(tree.committee, LOCAL_USER, to_org_code=code, out_dir=tree.stick).path
    assert import_package(to, LOCAL_USER, path).status == "applied"
    return path


def store_files(db: Database) -> list[Path]:
    root = attachments.store_root(db.path)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_notice_goes_only_to_the_branches_it_is_addressed_to(tree: Tree) -> None:
    """One notice to all, one to the east branch only: each branch receives exactly what is addressed to it."""
    notice(tree.committee, "关于开展主题党日活动的通知")
    notice(tree.committee, "关于东片支部换届的通知", to=[EAST])
    send_down(tree, tree.east, EAST)
    send_down(tree, tree.west, WEST)
    east = {n.data.title for n in notices.list_notices(tree.east)}
    west = {n.data.title for n in notices.list_notices(tree.west)}
    assert east == {"关于开展主题党日活动的通知", "关于东片支部换届的通知"}
    assert west == {"关于开展主题党日活动的通知"}
    assert all(n.received and n.unread for n in notices.list_notices(tree.west))
    mine = {n.data.title: n.targets for n in notices.list_notices(tree.committee)}
    assert mine == {"关于开展主题党日活动的通知": (EAST, WEST), "关于东片支部换届的通知": (EAST,)}
    up = export_package(tree.west, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert import_package(tree.committee, LOCAL_USER, up.path).acknowledged == 1
    again = export_package(tree.committee, LOCAL_USER, to_org_code=WEST, out_dir=tree.stick)
    assert (again.kind, again.counts) == ("receipt", {}), "acknowledged: not sent again"


def test_addressing_an_unknown_branch_is_refused(tree: Tree) -> None:
    """A notice goes only to registered child sites; nothing is written otherwise."""
    with pytest.raises(ValidationError) as caught:
        notice(tree.committee, "发错了", to=["9999"])
    assert caught.value.code == "unknown_target"
    assert notices.list_notices(tree.committee) == []


def test_notice_files_arrive_with_equal_bytes_and_reimport_is_a_no_op(tree: Tree) -> None:
    """The attachment's bytes equal after the trip; importing the same package again changes nothing."""
    content = "第一条 ……".encode() * 5000 + bytes(range(256))
    file = stored(tree.committee, tree.files, "活动方案.docx", content)
    notice(tree.committee, "关于开展主题党日活动的通知", to=[EAST], files=(file,))
    path = send_down(tree, tree.east, EAST)
    (got,) = notices.list_notices(tree.east)
    assert got.files == (file,)
    assert blob_path(tree.east.path, "notice_attachment",
                     file.sha256).read_bytes() == content
    before, files_before = state(tree.east), store_files(tree.east)
    again = import_package(tree.east, LOCAL_USER, path)
    assert again.status == "already_imported"
    assert (state(tree.east), store_files(tree.east)) == (before, files_before)


def test_a_received_notice_does_not_travel_back_up(tree: Tree) -> None:
    """The branch's next upward package carries its own records and the receipt, not the committee's notice."""
    notice(tree.committee, "通知", to=[EAST], files=(stored(tree.committee, tree.files, "a.pdf", b"%PDF-1"),))
    send_down(tree, tree.east, EAST)
    up = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick, snapshot=True)
    assert "notice" not in up.counts and "notice_attachment" not in up.counts
    assert import_package(tree.committee, LOCAL_USER, up.path).acknowledged == 1


@pytest.mark.parametrize("damage", ["flipped", "swapped"])
def test_a_tampered_blob_rejects_the_package_before_any_write(tree: Tree, damage: str) -> None:
    """A blob whose bytes no longer hash to its name (one bit flipped, or another file's bytes) is refused
    even inside a correctly encrypted and signed package: no record, no ledger row, no file."""
    first = stored(tree.committee, tree.files, "方案.docx", b"plan " * 1000)
    second = stored(tree.committee, tree.files, "名单.xlsx", b"list " * 900)
    notice(tree.committee, "通知", to=[EAST], files=(first, second))
    path = export_package(tree.committee, LOCAL_USER, to_org_code=EAST, out_dir=tree.stick).path

    def tamper(entries: dict[str, bytes]) -> None:
        a, b = container.BLOBS + first.sha256, container.BLOBS + second.sha256
        if damage == "flipped":
            entries[a] = entries[a][:10] + bytes([entries[a][10] ^ 1]) + entries[a][11:]
        else:
            entries[a], entries[b] = entries[b], entries[a]

    bad = reseal(path, tree.committee, tamper, tree.stick / "bad.pdsync")
    before = state(tree.east)
    report = import_package(tree.east, LOCAL_USER, bad)
    assert (report.status, report.reason) == ("rejected", "damaged")
    assert "附件摘要" in report.message
    assert state(tree.east) == before and store_files(tree.east) == []
    assert import_package(tree.east, LOCAL_USER, path).status == "applied"  # the genuine one still imports


def test_a_record_whose_file_is_missing_is_rejected_and_names_no_file(tree: Tree) -> None:
    """A package without the file a record names: that record is rejected, the notice itself arrives."""
    file = stored(tree.committee, tree.files, "方案.docx", b"plan")
    notice(tree.committee, "通知", to=[EAST], files=(file,))
    path = export_package(tree.committee, LOCAL_USER, to_org_code=EAST, out_dir=tree.stick).path
    bad = reseal(path, tree.committee, lambda e: e.pop(container.BLOBS + file.sha256), tree.stick / "no-blob.pdsync")
    report = import_package(tree.east, LOCAL_USER, bad)
    assert report.status == "applied" and report.counts["rejected"] == 1
    assert report.rejected[0][0] == "notice_attachment" and "附件文件" in report.rejected[0][2]
    (got,) = notices.list_notices(tree.east)
    assert got.files == () and store_files(tree.east) == []


@pytest.mark.parametrize("fail_at", ["record", "blobs", "ledger", "commit"])
def test_a_failed_apply_leaves_no_record_and_no_file(tree: Tree, fail_at: str) -> None:
    """A failure at any step after the files were written rolls the records back and removes the files it
    created (a file that was there before stays)."""
    already = stored(tree.east, tree.files, "旧.pdf", b"old file")  # the branch holds this one already
    fresh = stored(tree.committee, tree.files, "新.pdf", b"new file")
    stored(tree.committee, tree.files, "旧.pdf", b"old file")
    notice(tree.committee, "通知", to=[EAST], files=(already, fresh))
    path = export_package(tree.committee, LOCAL_USER, to_org_code=EAST, out_dir=tree.stick).path
    before, files_before = state(tree.east), store_files(tree.east)

    def step(name: str) -> None:
        if name == fail_at:
            raise RuntimeError(fail_at)

    with pytest.raises(RuntimeError):
        import_package(tree.east, LOCAL_USER, path, step=step)
    assert state(tree.east) == before and notices.list_notices(tree.east) == []
    assert store_files(tree.east) == files_before
    assert import_package(tree.east, LOCAL_USER, path).status == "applied"
    assert blob_path(tree.east.path, "notice_attachment", fresh.sha256).read_bytes() == b"new file"


def test_meeting_photos_travel_upward(tree: Tree) -> None:
    """A branch's meeting photo reaches the committee's store with the same bytes."""
    source = tree.files / "现场.jpg"
    source.write_bytes(b"\xff\xd8 photo " * 300)
    photo = attachments.put(attachments.store_root(tree.east.path), source)
    meetings.add_meeting(tree.east, LOCAL_USER, MeetingData(type_code="general", topic="学习会",
                                                            held_on=date(2026, 10, 8)),
                         statuses=all_present(tree.east, "general", date(2026, 10, 8)), attachments=[photo])
    up = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert up.counts["meeting_attachment"] >= 1
    assert import_package(tree.committee, LOCAL_USER, up.path).status == "applied"
    assert blob_path(tree.committee.path, "meeting_attachment", photo.sha256).read_bytes() == source.read_bytes()


def test_study_materials_sent_down_arrive_read_only_at_the_chosen_branch(tree: Tree) -> None:
    """A committee's material addressed to one branch arrives there (with its file) as 上级下发, and only there."""
    source = tree.files / "党章学习.pdf"
    source.write_bytes(b"%PDF-1.7 charter " * 200)
    sha = study_files.store_file(tree.committee.path, source)
    study.add_material(tree.committee, LOCAL_USER, MaterialData("党章学习辅导", "党章", date(2026, 11, 1),
                                                                sha, source.name))
    study.add_material(tree.committee, LOCAL_USER, MaterialData("委员会内部资料", link="https://example.org"))
    (sent, _), = [m for m in study.search_materials(tree.committee) if m[1].title == "党章学习辅导"]
    notices.send_material(tree.committee, LOCAL_USER, sent, to=[EAST])
    send_down(tree, tree.east, EAST)
    titles = {m.title for _id, m in study.search_materials(tree.east)}
    assert "党章学习辅导" in titles and "委员会内部资料" not in titles
    assert notices.material_sources(tree.east) == {sent: ("parent", "中共示范街道工作委员会")}
    assert blob_path(tree.east.path, "study_material", sha).read_bytes() == source.read_bytes()
    assert not any(m.title == "党章学习辅导" for _id, m in study.search_materials(tree.west))
    with pytest.raises(ValidationError) as caught:
        notices.send_material(tree.east, LOCAL_USER, sent, to=[WEST])
    assert caught.value.code == "not_owner"


def test_an_unread_notice_with_a_deadline_is_a_finding_until_opened(tree: Tree) -> None:
    """Unread and due: a to-do that opens the notice; once opened (read), it is gone."""
    notice(tree.committee, "报送材料", to=[EAST], deadline=date(2026, 12, 5))
    notice(tree.committee, "无期限的通知", to=[EAST])
    send_down(tree, tree.east, EAST)
    (finding,) = unread_notices_with_deadline(tree.east, date(2026, 11, 30))
    assert finding.target is not None and finding.target.kind == "notice" and finding.due == date(2026, 12, 5)
    assert "报送材料" in finding.message and finding.message.endswith("（办完后在通知中点“标为已办理…”）")
    assert list(unread_notices_with_deadline(tree.committee, date(2026, 11, 30))) == []  # not to the writer
    notices.mark_read(tree.east, LOCAL_USER, finding.target.key)
    assert list(unread_notices_with_deadline(tree.east, date(2026, 11, 30))) == []
    assert notices.mark_read(tree.east, LOCAL_USER, finding.target.key).kinds == frozenset()


def test_a_read_notice_keeps_its_deadline_on_the_board_until_set_aside(tree: Tree) -> None:
    """Opening a notice is not doing what it asks: once read, its deadline is a to-do of its own (通知办理),
    urgent within a week, overdue after; the office sets it aside (忽略, 已办理) when done. A withdrawn notice
    asks nothing."""
    from partydesk.core import checks
    from partydesk.core.checks import engine

    notice(tree.committee, "报送材料", to=[EAST], deadline=date(2026, 12, 5))
    send_down(tree, tree.east, EAST)
    (unread,) = unread_notices_with_deadline(tree.east, date(2026, 11, 30))
    assert list(read_notices_with_deadline(tree.east, date(2026, 11, 30))) == []  # one to-do at a time
    notices.mark_read(tree.east, LOCAL_USER, unread.target.key)
    (due,) = read_notices_with_deadline(tree.east, date(2026, 11, 30))
    assert (due.code, due.severity, due.due) == ("notice.deadline", Severity.WARNING, date(2026, 12, 5))
    assert due.message.startswith("上级通知《报送材料》要求于 2026-12-05 前办理")
    (late,) = read_notices_with_deadline(tree.east, date(2026, 12, 6))
    assert late.severity is Severity.OVERDUE
    assert len(list(read_notices_with_deadline(tree.east, date(2027, 1, 4)))) == 1  # 30 days after: still there
    assert list(read_notices_with_deadline(tree.east, date(2027, 1, 5))) == []  # then it goes by itself
    checks.load_all()
    assert "notice.deadline" in {f.code for f in engine.open_findings(tree.east, date(2026, 12, 6))}
    engine.dismiss(tree.east, LOCAL_USER, late, reason="已办理")
    assert "notice.deadline" not in {f.code for f in engine.open_findings(tree.east, date(2026, 12, 6))}
    assert list(read_notices_with_deadline(tree.committee, date(2026, 11, 30))) == []  # not to the writer
    engine.restore(tree.east, LOCAL_USER, late)
    notices.withdraw_notice(tree.committee, LOCAL_USER, late.subject, reason="另行通知", today=date(2026, 12, 1))
    send_down(tree, tree.east, EAST)
    assert list(read_notices_with_deadline(tree.east, date(2026, 12, 6))) == []


def test_deleting_a_meeting_keeps_a_file_a_received_notice_still_names(tree: Tree) -> None:
    """Meeting and notice files share one store: the last meeting naming a file goes, the notice keeps it."""
    form = stored(tree.committee, tree.files, "签到表模板.xlsx", b"sign-in form")
    notice(tree.committee, "通知", to=[EAST], files=(form,))
    send_down(tree, tree.east, EAST)
    photo = attachments.put(attachments.store_root(tree.east.path), tree.files / "签到表模板.xlsx")
    added = meetings.add_meeting(tree.east, LOCAL_USER, MeetingData(type_code="general", topic="学习会",
                                                                    held_on=date(2026, 10, 8)),
                                 statuses=all_present(tree.east, "general", date(2026, 10, 8)),
                                 attachments=[photo])
    meeting_records.delete_meeting(tree.east, LOCAL_USER, added.meeting_id)
    assert blob_path(tree.east.path, "notice_attachment", form.sha256).read_bytes() == b"sign-in form"


def test_files_too_large_for_one_package_are_refused_at_export(tree: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    """The files of one package stay within half the reader's package cap; beyond it the export says so and
    writes nothing (no file, no ledger row)."""
    notice(tree.committee, "通知", to=[EAST], files=(stored(tree.committee, tree.files, "大.pdf", b"x" * 6000),))
    before = state(tree.committee)
    monkeypatch.setattr(container, "MAX_PACKAGE_BYTES", 10_000)
    with pytest.raises(ValidationError) as caught:
        export_package(tree.committee, LOCAL_USER, to_org_code=EAST, out_dir=tree.stick)
    assert caught.value.code == "too_many_blobs"
    assert state(tree.committee) == before and list(tree.stick.iterdir()) == []


def test_the_committee_sees_how_far_a_notice_got_to_each_branch(tree: Tree) -> None:
    """Waiting until a package to the branch is written, then written until the branch's receipt comes
    back, then received; the other branch, not written to, still waiting."""
    notice(tree.committee, "关于换届的通知", to=[EAST, WEST])

    def delivery() -> dict[str, str]:
        (row,) = notices.list_notices(tree.committee)
        return dict(zip(row.targets, row.delivery, strict=True))

    assert delivery() == {EAST: "waiting", WEST: "waiting"}
    down = export_package(tree.committee, LOCAL_USER, to_org_code=EAST, out_dir=tree.stick)
    assert delivery() == {EAST: "written", WEST: "waiting"}
    assert import_package(tree.east, LOCAL_USER, down.path).status == "applied"
    receipt = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick / "up")
    assert import_package(tree.committee, LOCAL_USER, receipt.path).status == "applied"
    assert delivery() == {EAST: "received", WEST: "waiting"}


def test_a_branch_that_opens_a_notice_reports_it_read_with_its_next_package(tree: Tree) -> None:
    """回执: the first opening at a branch is a record of that branch's own, carried up; the committee's list
    then says which branches have read the notice, and when. Opening it again, or at the committee, or a
    package down to a branch, carries no receipt."""
    sent = notice(tree.committee, "关于报送党员信息的通知", deadline=date(2026, 12, 5))
    send_down(tree, tree.east, EAST)
    send_down(tree, tree.west, WEST)
    assert notices.mark_read(tree.east, LOCAL_USER, sent).kinds
    assert notices.mark_read(tree.east, LOCAL_USER, sent).kinds == frozenset(), "read already: nothing new"
    up = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert up.counts.get("notice_receipt") == 1
    assert import_package(tree.committee, LOCAL_USER, up.path).status == "applied"
    west_up = export_package(tree.west, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert "notice_receipt" not in west_up.counts, "the west branch has not opened it"
    assert import_package(tree.committee, LOCAL_USER, west_up.path).status == "applied"
    (row,) = notices.list_notices(tree.committee)
    assert row.targets == (EAST, WEST) and row.read_count == 1
    east_read, west_read = row.read_by_target
    (at_branch,) = notices.list_notices(tree.east)
    assert east_read is not None and east_read == at_branch.read_at and west_read is None
    notices.mark_read(tree.committee, LOCAL_USER, sent)  # the writer opening its own notice: no receipt
    assert _receipt_owners(tree.committee) == [tree.east.site.site_id]
    with tree.committee.write(LOCAL_USER, action="test") as session:  # as if it read its own parent's notice
        session.add(NoticeReceipt(notice_id="from-the-county", read_at=datetime(2026, 12, 1), deleted=False))
    down = export_package(tree.committee, LOCAL_USER, to_org_code=EAST, out_dir=tree.stick, snapshot=True)
    assert "notice_receipt" not in down.counts, "receipts only go up"
    again = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert "notice_receipt" in again.counts, "not yet acknowledged: sent again (SYNC.md)"
    assert import_package(tree.committee, LOCAL_USER, again.path).status == "applied"
    assert notices.list_notices(tree.committee)[0].read_by_target == (east_read, None), "one receipt, not two"


def _receipt_owners(db: Database) -> list[str]:
    from sqlalchemy import select

    with db.read() as session:
        return list(session.scalars(select(NoticeReceipt.owner_site)))


def test_a_notice_due_within_the_month_says_notice_not_hint(tree: Tree) -> None:
    """A notice due in 20 days is 注意, as a meeting due within the month is (it was 提示 beside them); one due
    in six weeks is 提示."""
    notice(tree.committee, "报送年度总结", to=[EAST], deadline=date(2026, 12, 20))
    notice(tree.committee, "报送明年计划", to=[EAST], deadline=date(2027, 1, 15))
    send_down(tree, tree.east, EAST)
    found = {f.message[:12]: f.severity for f in unread_notices_with_deadline(tree.east, date(2026, 11, 30))}
    assert found == {"上级通知《报送年度总结》": Severity.WARNING, "上级通知《报送明年计划》": Severity.INFO}


def test_a_branch_marks_a_notice_done_and_the_committee_sees_it(tree: Tree) -> None:
    """已办理: the branch says it has done what the notice asks; its deadline leaves the branch's board, its next
    package carries it up, and the committee's list says which branch has done it and when. It is said once;
    the committee cannot mark its own notice, and a withdrawn notice asks nothing."""
    sent = notice(tree.committee, "报送材料", deadline=date(2026, 12, 5))
    send_down(tree, tree.east, EAST)
    send_down(tree, tree.west, WEST)
    assert [f.code for f in unread_notices_with_deadline(tree.east, date(2026, 11, 30))] == ["notice.unread"]
    assert notices.mark_done(tree.east, LOCAL_USER, sent).kinds  # done without opening first: read as well
    (mine,) = notices.list_notices(tree.east)
    assert mine.done_at is not None and mine.read_at is not None and not mine.unread
    assert list(read_notices_with_deadline(tree.east, date(2026, 11, 30))) == []
    from partydesk.core.services import audit

    before = audit.list_entries(tree.east, LOCAL_USER, limit=1)
    with pytest.raises(ValidationError) as again:
        notices.mark_done(tree.east, LOCAL_USER, sent)
    assert again.value.code == "done"
    with pytest.raises(ValidationError) as unknown:
        notices.mark_done(tree.east, LOCAL_USER, "no-such-notice")
    assert unknown.value.code == "missing" and unknown.value.message == "找不到这份通知。"
    assert audit.list_entries(tree.east, LOCAL_USER, limit=1) == before, "a refusal writes nothing, not even audit"
    with pytest.raises(ValidationError) as own:
        notices.mark_done(tree.committee, LOCAL_USER, sent)
    assert own.value.code == "own"
    up = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert import_package(tree.committee, LOCAL_USER, up.path).status == "applied"
    (row,) = notices.list_notices(tree.committee)
    assert row.targets == (EAST, WEST) and row.done_count == 1 and row.read_count == 1
    assert row.done_by_target == (mine.done_at, None)
    notices.withdraw_notice(tree.committee, LOCAL_USER, sent, reason="另行通知", today=date(2026, 12, 1))
    send_down(tree, tree.west, WEST)
    with pytest.raises(ValidationError) as withdrawn:
        notices.mark_done(tree.west, LOCAL_USER, sent)
    assert withdrawn.value.code == "withdrawn"


def test_a_notice_read_first_then_done_updates_the_one_receipt(tree: Tree) -> None:
    """Opened (the receipt goes up), then done later: the same receipt, changed, goes up again."""
    sent = notice(tree.committee, "报送材料", to=[EAST], deadline=date(2026, 12, 5))
    send_down(tree, tree.east, EAST)
    notices.mark_read(tree.east, LOCAL_USER, sent)
    first = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert import_package(tree.committee, LOCAL_USER, first.path).status == "applied"
    assert notices.list_notices(tree.committee)[0].done_count == 0
    send_down(tree, tree.east, EAST)  # the committee's receipt: the first package is acknowledged
    notices.mark_done(tree.east, LOCAL_USER, sent)
    later = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert later.counts == {"notice_receipt": 1}
    report = import_package(tree.committee, LOCAL_USER, later.path)
    assert report.counts["updated"] == 1 and report.counts["new"] == 0
    (row,) = notices.list_notices(tree.committee)
    assert row.read_count == 1 and row.done_count == 1 and len(_receipt_owners(tree.committee)) == 1


def test_the_committee_is_told_which_branches_have_not_reported_a_notice_done_after_its_deadline(
        tree: Tree) -> None:
    """通知催办: after the deadline, the committee's board names each branch yet to report the notice done and how
    far it got (read, unread, not confirmed delivered); a branch that reports it done drops out, and the line
    goes once all have, a month after the deadline, or when the notice is withdrawn. Branches never see it."""
    sent = notice(tree.committee, "报送年度总结", deadline=date(2026, 12, 5))
    send_down(tree, tree.east, EAST)
    notices.mark_read(tree.east, LOCAL_USER, sent)
    up = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert import_package(tree.committee, LOCAL_USER, up.path).status == "applied"

    def pending(today: date) -> list[str]:
        return [f.message for f in engine.open_findings(tree.committee, today) if f.code == "notice.branches_pending"]

    assert pending(date(2026, 12, 5)) == [], "on the deadline day nothing is late yet"
    (line,) = pending(date(2026, 12, 6))
    assert line == ("通知《报送年度总结》已过办理期限（2026-12-05），尚有 2 个支部未报告已办理："
                    "幸福社区第一支部（已读）、幸福社区第二支部（尚未确认送达）")
    (found,) = [f for f in engine.open_findings(tree.committee, date(2026, 12, 6))
                if f.code == "notice.branches_pending"]
    assert (found.severity, found.subject, found.target) == (Severity.OVERDUE, sent, Target("notice", sent))
    send_down(tree, tree.west, WEST)
    reply = export_package(tree.west, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)  # acknowledges
    assert import_package(tree.committee, LOCAL_USER, reply.path).status == "applied"
    assert "第二支部（未读）" in pending(date(2026, 12, 6))[0]
    notices.mark_done(tree.east, LOCAL_USER, sent)
    done = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert import_package(tree.committee, LOCAL_USER, done.path).status == "applied"
    assert pending(date(2026, 12, 6)) == ["通知《报送年度总结》已过办理期限（2026-12-05），尚有 1 个支部未报告已办理："
                                          "幸福社区第二支部（未读）"]
    # The workbench scoped to a branch lists the line when that branch is among those yet to report.
    found = engine.open_findings(tree.committee, date(2026, 12, 6))
    orgs = {b.code: b.org_id for b in dashboard_scope.branches(tree.committee)}
    scoped = {code: [f.code for f in dashboard_scope.scope_findings(tree.committee, found, org)]
              for code, org in orgs.items()}
    assert "notice.branches_pending" in scoped[WEST] and "notice.branches_pending" not in scoped[EAST]
    assert pending(date(2027, 1, 4)) and not pending(date(2027, 1, 5)), "a month after the deadline it goes"
    assert "notice.branches_pending" not in {f.code for f in engine.open_findings(tree.west, date(2026, 12, 6))}
    notices.mark_done(tree.west, LOCAL_USER, sent)
    last = export_package(tree.west, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert import_package(tree.committee, LOCAL_USER, last.path).status == "applied"
    assert pending(date(2026, 12, 6)) == [], "every branch has reported it done"


def test_a_withdrawn_notice_asks_the_committee_to_chase_nobody(tree: Tree) -> None:
    sent = notice(tree.committee, "报送年度总结", to=[EAST], deadline=date(2026, 12, 5))
    assert [f.code for f in branches_yet_to_report_done(tree.committee, date(2026, 12, 6))] == [
        "notice.branches_pending"]
    notices.withdraw_notice(tree.committee, LOCAL_USER, sent, reason="另行通知", today=date(2026, 12, 1))
    assert list(branches_yet_to_report_done(tree.committee, date(2026, 12, 6))) == []


def test_a_long_list_of_branches_yet_to_report_names_five_and_points_to_the_notice() -> None:
    from partydesk.core.checks.notices import _listed

    names = [f"第{n}支部（未读）" for n in range(1, 8)]
    assert _listed(names[:5]) == "、".join(names[:5])
    assert _listed(names) == "、".join(names[:5]) + "等（详见通知）"


def test_a_material_deleted_at_the_committee_goes_from_the_branch_it_was_sent_to(tree: Tree) -> None:
    """删除 of the committee's own material: gone from its library, and from the branch's with the next package
    there; a branch cannot delete what came from above, nor the committee a branch's own; a material deleted
    before it ever went down is not sent at all."""
    study.add_material(tree.committee, LOCAL_USER, MaterialData("党章学习辅导", "党章", link="https://example.org/a"))
    study.add_material(tree.committee, LOCAL_USER, MaterialData("写错标题的资料", link="https://example.org/b"))
    ids = {m.title: i for i, m in study.search_materials(tree.committee)}
    notices.send_material(tree.committee, LOCAL_USER, ids["党章学习辅导"], to=[EAST])
    send_down(tree, tree.east, EAST)
    assert "党章学习辅导" in {m.title for _id, m in study.search_materials(tree.east)}
    with pytest.raises(ValidationError) as from_above:
        study.delete_material(tree.east, LOCAL_USER, ids["党章学习辅导"])
    assert from_above.value.code == "not_owner"
    study.delete_material(tree.committee, LOCAL_USER, ids["党章学习辅导"])
    notices.send_material(tree.committee, LOCAL_USER, ids["写错标题的资料"], to=[EAST])
    study.delete_material(tree.committee, LOCAL_USER, ids["写错标题的资料"])  # before any package carried it
    assert {m.title for _id, m in study.search_materials(tree.committee)} == set()
    down = export_package(tree.committee, LOCAL_USER, to_org_code=EAST, out_dir=tree.stick)
    assert down.counts == {"study_material": 1}, "the deletion of the one it had; not the one it never had"
    assert import_package(tree.east, LOCAL_USER, down.path).status == "applied"
    assert "党章学习辅导" not in {m.title for _id, m in study.search_materials(tree.east)}
    with pytest.raises(ValidationError) as gone:
        study.delete_material(tree.committee, LOCAL_USER, ids["党章学习辅导"])
    assert gone.value.code == "unknown_material"
    (own, _data), *_rest = study.search_materials(tree.east)  # the demo branch's own library
    up = export_package(tree.east, LOCAL_USER, to_org_code=COMMITTEE, out_dir=tree.stick)
    assert import_package(tree.committee, LOCAL_USER, up.path).status == "applied"
    with pytest.raises(ValidationError) as branch_own:
        study.delete_material(tree.committee, LOCAL_USER, own)
    assert branch_own.value.code == "not_owner"
