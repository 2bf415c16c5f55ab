"""The exchange after an office restores its database from a backup (or salvages it): a package number once
written is never written again, so the other side does not take the next package for a forked sender."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import DEMO_ORG
from partydesk.core.domain.notices import NoticeData
from partydesk.core.progress import Progress
from partydesk.core.services import maintenance, notices, sync_received
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_folder import check_folder, import_checked
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database, open_database
from tests.core.exchange.conftest import Sites

COMMITTEE = "1000"
BRANCH = DEMO_ORG.code


def _notice(sites: Sites, title: str) -> None:
    data = NoticeData(title, f"{title}的正文", date(2026, 11, 20), "中共示范街道工作委员会", None)
    notices.add_notice(sites.committee, LOCAL_USER, data=data, to_all=True)


def test_a_branch_restored_from_a_backup_does_not_number_a_package_twice(sites: Sites) -> None:
    """The backup was made before a package went to the committee: restored, the file knows nothing of that
    package, yet the next one gets a number after it and is imported, not refused as a fork."""
    path = sites.branch.path
    backup = maintenance.backup_now(sites.branch)
    first = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    assert import_package(sites.committee, LOCAL_USER, first.path).status == "applied"
    sites.branch.close()
    maintenance.restore(path, backup.path)
    sites.branch = open_database(path)

    again = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    assert again.channel_seq > first.channel_seq
    report = import_package(sites.committee, LOCAL_USER, again.path)
    assert report.status == "applied", report.reason


def test_a_committee_restored_from_a_backup_does_not_number_a_notice_twice(sites: Sites) -> None:
    """The same downward: the committee's next package to the branch after a restore is taken by the branch."""
    path = sites.committee.path
    backup = maintenance.backup_now(sites.committee)
    _notice(sites, "第一份通知")
    first = export_package(sites.committee, LOCAL_USER, to_org_code=BRANCH, out_dir=sites.stick)
    assert import_package(sites.branch, LOCAL_USER, first.path).status == "applied"
    sites.committee.close()
    maintenance.restore(path, backup.path)
    sites.committee = open_database(path)

    _notice(sites, "第二份通知")
    again = export_package(sites.committee, LOCAL_USER, to_org_code=BRANCH, out_dir=sites.stick)
    assert again.channel_seq > first.channel_seq
    report = import_package(sites.branch, LOCAL_USER, again.path)
    assert report.status == "applied", report.reason


def _members(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(text("SELECT count(*) FROM member")).scalar_one())


def test_packages_imported_after_the_backup_are_kept_and_import_again_after_a_restore(sites: Sites) -> None:
    """The committee restores a backup made before it imported a branch's package: that package's copy, kept
    beside the backups, is listed as missing from the restored records and brings them back when its folder
    is imported; the list is then empty. A dry run or a refused package leaves no copy."""
    path = sites.committee.path
    backup = maintenance.backup_now(sites.committee)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    assert import_package(sites.committee, LOCAL_USER, sent.path, dry_run=True).status == "dry_run"
    assert sync_received.waiting(sites.committee) == []
    assert not sync_received.folder_of(path).exists() or not list(sync_received.folder_of(path).iterdir())
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    [kept] = sync_received.folder_of(path).iterdir()
    assert kept.read_bytes() == sent.path.read_bytes() and kept.stem.endswith(sent.package_id)
    (kept.parent / "同事放进来的文件.pdsync").write_bytes(b"not a package")  # not named as kept: never listed
    held = _members(sites.committee)
    assert held > 0 and sync_received.waiting(sites.committee) == []

    sites.committee.close()
    maintenance.restore(path, backup.path)
    sites.committee = open_database(path)
    assert _members(sites.committee) == 0
    assert sync_received.waiting(sites.committee) == [kept]

    entries = check_folder(sites.committee, LOCAL_USER, sync_received.folder_of(path), Progress())
    assert import_checked(sites.committee, LOCAL_USER, entries, Progress()).applied == 1
    assert _members(sites.committee) == held
    assert sync_received.waiting(sites.committee) == [] and kept.is_file()


def test_a_refused_package_leaves_no_copy(sites: Sites, tmp_path: Path) -> None:
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    damaged = tmp_path / sent.path.name
    data = bytearray(sent.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    assert import_package(sites.committee, LOCAL_USER, damaged).status == "rejected"
    folder = sync_received.folder_of(sites.committee.path)
    assert not folder.exists() or not list(folder.iterdir())


def test_an_export_whose_number_cannot_be_noted_keeps_nothing(sites: Sites, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk where the number is noted: the export fails, its package is removed from the stick, the
    ledger hears of nothing, and the next export takes the same number."""
    from partydesk.core.errors import DiskFullError
    from partydesk.core.services import sync_channels
    from partydesk.core.storage import sync_repo

    def full(*_args: object) -> None:
        raise DiskFullError("磁盘已满")

    monkeypatch.setattr(sync_channels, "note_written", full)
    with pytest.raises(DiskFullError):
        export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    assert list(sites.stick.iterdir()) == []
    with sites.branch.read() as session:
        assert sync_repo.packages(session) == []
    monkeypatch.undo()
    assert export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick).channel_seq == 1
    assert sync_channels.last_written(sites.branch.path) == {sites.committee.site.site_id: 1}  # type: ignore[union-attr]


def test_the_restore_command_names_the_packages_to_import_again_and_how(
        sites: Sites, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.core.test_cli import run

    path = sites.committee.path
    backup = maintenance.backup_now(sites.committee)
    sent = export_package(sites.branch, LOCAL_USER, to_org_code=COMMITTEE, out_dir=sites.stick)
    assert import_package(sites.committee, LOCAL_USER, sent.path).status == "applied"
    held = _members(sites.committee)
    sites.committee.close()
    code, out, err = run(capsys, "restore", "--db", str(path), str(backup.path))
    assert code == 0, err
    assert "缺少之后导入的 1 个数据包" in out
    command = out.split("重新导入：")[1].strip()
    argv = [part.strip('"') for part in command.removeprefix("partydesk ").split(" ")]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    sites.committee = open_database(path)
    assert _members(sites.committee) == held
