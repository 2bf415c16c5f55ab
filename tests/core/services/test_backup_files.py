"""Backups carry the attachment store: a restore brings back the photos its rows name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from partydesk.core import attachments
from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import maintenance, meeting_records, meetings, study_files
from partydesk.core.storage import backup_files
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.meeting_repo import PRESENT, MeetingData
from tests.core.services.test_meetings import add


def _photo(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_restore_brings_back_a_photo_deleted_after_the_backup(db: Database, tmp_path: Path) -> None:
    secretary = add(db, "王书记", seed=1, post="书记")
    root = attachments.store_root(db.path)
    stored = attachments.put(root, _photo(tmp_path, "合影.jpg", b"photo of the meeting"))
    data = MeetingData(type_code="general", topic="学习", held_on=date(2026, 6, 1))
    added = meetings.add_meeting(db, LOCAL_USER, data, statuses={secretary: PRESENT}, attachments=[stored])
    info = maintenance.backup_now(db, reason="manual")
    meeting_records.delete_meeting(db, LOCAL_USER, added.meeting_id)
    assert not attachments.path_of(root, stored.sha256).exists()
    db.close()

    maintenance.restore(db.path, info.path)

    again = open_database(db.path)
    try:
        record = meeting_records.get_record(again, added.meeting_id)
        assert record is not None and [a.name for a in record.attachments] == ["合影.jpg"]
        assert attachments.path_of(root, stored.sha256).read_bytes() == b"photo of the meeting"
    finally:
        again.close()
    # The copy of what was replaced, then a backup of what was restored: the newest backup (the one recovery
    # from a damaged file takes) is what the office chose, not what it left.
    assert [b.reason for b in maintenance.list_backups(db.path)] == ["restored", "before-restore", "manual"]


def test_each_backup_copies_only_new_files_in_both_layouts(db: Database, tmp_path: Path) -> None:
    root = attachments.store_root(db.path)
    meeting_file = attachments.put(root, _photo(tmp_path, "a.jpg", b"meeting photo"))  # ab/<rest>
    study_sha = study_files.store_file(db.path, _photo(tmp_path, "b.pdf", b"study evidence"))  # ab/<full>
    backups = maintenance.backup_dir(db.path)
    assert backup_files.mirror_files(db.path, backups).copied == 2
    mirror = backup_files.mirror_root(backups)
    assert (mirror / meeting_file.sha256[:2] / meeting_file.sha256[2:]).read_bytes() == b"meeting photo"
    assert (mirror / study_sha[:2] / study_sha).read_bytes() == b"study evidence"
    assert backup_files.mirror_files(db.path, backups).copied == 0


def test_a_damaged_file_is_not_spread_into_the_backup(db: Database, tmp_path: Path) -> None:
    root = attachments.store_root(db.path)
    stored = attachments.put(root, _photo(tmp_path, "a.jpg", b"good bytes"))
    attachments.path_of(root, stored.sha256).write_bytes(b"bit rot")
    backups = maintenance.backup_dir(db.path)
    done = backup_files.mirror_files(db.path, backups)
    assert (done.copied, done.damaged) == (0, (stored.sha256,))
    assert not (backup_files.mirror_root(backups) / stored.sha256[:2] / stored.sha256[2:]).exists()
