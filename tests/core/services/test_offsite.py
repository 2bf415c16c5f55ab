"""备份到U盘 (RELIABILITY ST-5): an encrypted copy on a stick, read back before it is called safe, that brings
the office's records and files back on this computer or on a new one, and nothing without its passphrase."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import tracemalloc
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import text

from partydesk.core import attachments, leftovers
from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks.backup import offsite_backup
from partydesk.core.errors import BackupError, DiskFullError, OtherOrganisationError
from partydesk.core.progress import Cancelled, Progress
from partydesk.core.services import maintenance, meeting_records, meetings, offsite
from partydesk.core.services.offsite import WrongPassphraseError
from partydesk.core.services.setup import OrganisationInput, initialise_site
from partydesk.core.storage import backup_files
from partydesk.core.storage import offsite as offsite_file
from partydesk.core.storage.database import Database, open_database
from partydesk.core.storage.meeting_repo import MeetingData
from tests.conftest import set_up_on
from tests.core.services.test_meetings import add, all_present

PASS = "幸福社区支部2026"


pytestmark = pytest.mark.usefixtures("cheap_offsite_key")


def _names(db: Database) -> list[str]:
    with db.read() as session:
        return sorted(session.execute(text("SELECT name FROM member WHERE deleted = 0")).scalars())


def _names_in(db_path: Path) -> list[str]:
    """The members of the database file at ``db_path`` (opened, read, closed)."""
    again = open_database(db_path)
    try:
        return _names(again)
    finally:
        again.close()


def _with_photo(db: Database, tmp_path: Path) -> str:
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(b"photo of the meeting")
    stored = attachments.put(attachments.store_root(db.path), photo)
    data = MeetingData(type_code="general", topic="学习", held_on=date(2026, 6, 1))
    added = meetings.add_meeting(db, LOCAL_USER, data, statuses=all_present(db, "general", data.held_on),
                                 attachments=[stored])
    return added.meeting_id


def test_a_new_computer_gets_the_records_and_their_files_back(db: Database, tmp_path: Path, stick: Path) -> None:
    """The old computer is gone: a fresh install, nothing beside it, takes everything back from the stick."""
    add(db, "王书记", seed=1, post="书记")
    add(db, "李四", seed=2)
    meeting_id = _with_photo(db, tmp_path)
    written = offsite.write(db, stick, PASS)
    assert (written.members, written.files) == (2, 1)
    assert written.path.parent == stick and written.path.name.startswith("partydesk-1001-")
    raw = written.path.read_bytes()
    for secret in ("王书记".encode(), "李四".encode(), b"photo of the meeting", b"SQLite format 3"):
        assert secret not in raw, "the stick holds nothing readable without the passphrase"

    new = tmp_path / "新电脑" / "partydesk.db"
    new.parent.mkdir()
    open_database(new).close()  # first start on the new computer: an empty file awaiting set-up
    offsite.restore(new, written.path, PASS)

    again = open_database(new)
    try:
        assert _names(again) == ["李四", "王书记"]
        record = meeting_records.get_record(again, meeting_id)
        assert record is not None and [a.name for a in record.attachments] == ["合影.jpg"]
        stored = attachments.path_of(attachments.store_root(new), record.attachments[0].sha256)
        assert stored.read_bytes() == b"photo of the meeting"
    finally:
        again.close()
    assert not [p for p in new.parent.iterdir() if p.name.startswith(".offsite-restore-")], "decrypted copy removed"
    # The new computer's own backups hold the records now in use, photo included (the stick may be lost
    # next), and the newest of them is not the copy of the empty file it replaced.
    newest = maintenance.last_backup(new)
    assert newest is not None and newest.reason == "restored"
    # The empty file it replaced held nothing: no "before restore" copy of it, with no organisation or member.
    assert [b.reason for b in maintenance.list_backups(new)] == ["restored"]
    assert maintenance.backup_contents(newest.path) is not None
    assert maintenance.backup_contents(newest.path).members == 2  # type: ignore[union-attr]
    mirror = maintenance.backup_dir(new) / "files"
    assert [p.read_bytes() for p in mirror.rglob("*") if p.is_file()] == [b"photo of the meeting"]


def test_the_wrong_passphrase_opens_nothing_and_changes_nothing(db: Database, stick: Path) -> None:
    add(db, "王书记", seed=1)
    written = offsite.write(db, stick, PASS)
    add(db, "李四", seed=2)
    db.close()
    before = db.path.read_bytes()
    with pytest.raises(WrongPassphraseError, match="口令不对"):
        offsite.restore(db.path, written.path, PASS + "x")
    with pytest.raises(WrongPassphraseError):
        offsite.check(db.path, written.path, "幸福社区支部２０２６")  # full-width digits are other characters
    assert db.path.read_bytes() == before
    offsite.restore(db.path, written.path, PASS)
    assert _names_in(db.path) == ["王书记"]


@pytest.mark.parametrize("where", ["magic", "header", "ciphertext", "tag", "truncated"])
def test_a_damaged_or_doctored_file_is_refused_before_anything_is_written(
        db: Database, stick: Path, where: str) -> None:
    add(db, "王书记", seed=1)
    written = offsite.write(db, stick, PASS)
    data = bytearray(written.path.read_bytes())
    header_end = len(offsite_file.MAGIC) + 4 + int.from_bytes(data[8:12], "big")
    if where == "magic":
        data[0] ^= 0x01
    elif where == "header":  # the organisation's name in the clear part: bound as associated data
        at = data.index("中共".encode())
        data[at:at + 6] = "中国".encode()
    elif where == "ciphertext":
        data[header_end + 40] ^= 0x80
    elif where == "tag":
        data[-1] ^= 0x01
    else:
        del data[-1000:]
    written.path.write_bytes(bytes(data))
    db.close()
    before = db.path.read_bytes()
    with pytest.raises(BackupError) as refused:
        offsite.restore(db.path, written.path, PASS)
    assert refused.value.code == ("not_offsite" if where == "magic" else "damaged")
    assert "当前数据库没有改动" in refused.value.message
    assert db.path.read_bytes() == before


def test_a_doctored_cost_cannot_make_the_reader_allocate_gigabytes(db: Database, stick: Path) -> None:
    written = offsite.write(db, stick, PASS)
    data = written.path.read_bytes().replace(b'"n": 1024', b'"n": 1073741824')
    written.path.write_bytes(data)
    with pytest.raises(BackupError) as refused:
        offsite_file.decrypt(written.path, PASS)
    assert refused.value.code == "damaged"


def test_another_organisations_backup_needs_saying_so(db: Database, tmp_path: Path, stick: Path) -> None:
    (tmp_path / "other").mkdir()
    other = open_database(tmp_path / "other" / "o.db")
    initialise_site(other, LOCAL_USER, organisation=OrganisationInput(name="中共示例社区第二支部委员会", code="1002"),
                    role="branch")
    written = offsite.write(other, stick, PASS)
    other.close()
    db.close()
    with pytest.raises(OtherOrganisationError):
        offsite.check(db.path, written.path, PASS)
    assert offsite.check(db.path, written.path, PASS, other_organisation=True).organisation_code == "1002"


def test_a_weak_passphrase_or_a_folder_beside_the_database_is_refused(db: Database, stick: Path) -> None:
    with pytest.raises(BackupError, match="至少要 8 个字符"):
        offsite.write(db, stick, "1234567")
    with pytest.raises(BackupError, match="全是空格"):
        offsite.write(db, stick, " " * 9)
    with pytest.raises(BackupError, match="数据库所在的文件夹"):
        offsite.write(db, db.path.parent, PASS)
    maintenance.backup_dir(db.path).mkdir(exist_ok=True)
    with pytest.raises(BackupError, match="数据库所在的文件夹"):
        offsite.write(db, maintenance.backup_dir(db.path), PASS)
    with pytest.raises(BackupError, match="找不到文件夹"):
        offsite.write(db, stick / "拔掉了", PASS)
    assert list(stick.iterdir()) == []


def test_a_full_stick_keeps_what_it_had_and_no_half_file(db: Database, stick: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first = offsite.write(db, stick, PASS, now=datetime(2026, 11, 1, 9))
    real = offsite.atomic_writer

    @contextlib.contextmanager
    def on_a_full_stick(path: Path) -> Iterator[_FillsUp]:
        with real(path) as handle:
            yield _FillsUp(handle, room=3000)  # the header goes in, the stick is full during the data

    monkeypatch.setattr(offsite, "atomic_writer", on_a_full_stick)
    with pytest.raises(DiskFullError):
        offsite.write(db, stick, PASS, now=datetime(2026, 11, 8, 9))
    assert [p.name for p in stick.iterdir()] == [first.path.name], "no temp file, no half backup"
    assert offsite.last_written(db.path) == datetime(2026, 11, 1, 9)
    assert not list(maintenance.backup_dir(db.path).glob(".*.tmp")), "the zip made on the way is removed"


class _FillsUp:
    """A file on a stick with ``room`` bytes free: the write that needs more finds the disk full."""

    def __init__(self, handle: BinaryIO, room: int) -> None:
        self.handle, self.room = handle, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            raise OSError(28, "No space left on device")
        self.room -= len(data)
        return self.handle.write(data)


def test_a_backup_larger_than_memory_allows_goes_through_a_chunk_at_a_time(db: Database, tmp_path: Path,
                                                                           stick: Path) -> None:
    """Years of meeting photos may be gigabytes on a computer with little RAM: writing, checking and restoring
    hold a chunk at a time, never the whole backup (here 24 MB of photos, at most a few MB held at once)."""
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(os.urandom(24 * 1024 * 1024))
    stored = attachments.put(attachments.store_root(db.path), photo)
    meetings.add_meeting(db, LOCAL_USER, MeetingData(type_code="general", topic="学习", held_on=date(2026, 6, 1)),
                         statuses={}, attachments=[stored])
    tracemalloc.start()
    try:
        written = offsite.write(db, stick, PASS)
        _size, wrote_peak = tracemalloc.get_traced_memory()
        db.close()
        shutil.rmtree(attachments.store_root(db.path))  # the restore brings the photo back from the stick
        tracemalloc.reset_peak()
        offsite.restore(db.path, written.path, PASS)
        _size, restore_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written.size > 24 * 1024 * 1024
    print(f"peak while writing {wrote_peak / 2**20:.1f} MB, while restoring {restore_peak / 2**20:.1f} MB")
    assert wrote_peak < 8 * 1024 * 1024 and restore_peak < 8 * 1024 * 1024, (wrote_peak, restore_peak)
    again = open_database(db.path)
    try:
        root = attachments.store_root(db.path)
        assert attachments.path_of(root, stored.sha256).read_bytes() == photo.read_bytes()
    finally:
        again.close()


@pytest.mark.parametrize("during", ["写入", "核对"])
def test_a_cancel_while_writing_or_checking_leaves_the_stick_as_it_was(db: Database, stick: Path,
                                                                       during: str) -> None:
    first = offsite.write(db, stick, PASS, now=datetime(2026, 11, 1, 9))

    def stop_there(_done: int, _total: int, text: str) -> None:
        if during in text:
            progress.cancel()

    progress = Progress(stop_there)
    with pytest.raises(Cancelled):
        offsite.write(db, stick, PASS, now=datetime(2026, 11, 8, 9), progress=progress)
    assert [p.name for p in stick.iterdir()] == [first.path.name]
    assert offsite.last_written(db.path) == datetime(2026, 11, 1, 9)
    assert not list(maintenance.backup_dir(db.path).glob(".*.tmp"))


def test_a_cancel_while_packing_many_files_stops_between_them_and_leaves_nothing(db: Database, tmp_path: Path) -> None:
    files = []
    for number in range(3):
        photo = tmp_path / f"{number}.jpg"
        photo.write_bytes(b"photo %d" % number)
        files.append((f"files/attachments/{number:02d}/{'0' * 62}", photo))
    backups = maintenance.backup_dir(db.path)
    backups.mkdir(exist_ok=True)
    seen: list[int] = []

    def check() -> None:
        seen.append(1)
        if len(seen) == 2:
            raise Cancelled()

    with pytest.raises(Cancelled), offsite_file.bundled(db.path, files, scratch=backups, check=check):
        pass
    assert len(seen) == 2 and not list(backups.glob(".*.tmp"))


def test_this_computers_disk_full_while_packing_is_a_clear_refusal(db: Database, stick: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The zip is made on this computer's disk first: when that is full, the office is told so (not a crash),
    and neither the stick nor the backup folder keeps anything of it."""
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    with pytest.raises(DiskFullError):
        offsite.write(db, stick, PASS)
    assert list(stick.iterdir()) == []
    assert not list(maintenance.backup_dir(db.path).glob(".*.tmp"))


def test_a_restore_that_cannot_back_up_what_it_restored_is_still_a_restore(db: Database, tmp_path: Path,
                                                                            stick: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    add(db, "王书记", seed=1)
    written = offsite.write(db, stick, PASS)
    new = tmp_path / "新电脑" / "partydesk.db"
    new.parent.mkdir()
    open_database(new).close()

    def unreadable(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(backup_files, "mirror_files", unreadable)
    offsite.restore(new, written.path, PASS)  # no error: the records are back
    again = open_database(new)
    try:
        assert _names(again) == ["王书记"]
    finally:
        again.close()


def test_the_file_is_one_aes_gcm_message_over_the_zip_with_its_prefix_bound(db: Database, stick: Path) -> None:
    """Written a chunk at a time, the file is still the documented layout (and opens files written whole):
    MAGIC, header length, header, then AES-256-GCM of the zip, tag last, the whole prefix as associated data."""
    add(db, "王书记", seed=1)
    data = offsite.write(db, stick, PASS).path.read_bytes()
    size = int.from_bytes(data[len(offsite_file.MAGIC):len(offsite_file.MAGIC) + 4], "big")
    end = len(offsite_file.MAGIC) + 4 + size
    header = json.loads(data[len(offsite_file.MAGIC) + 4:end])
    kdf = header["kdf"]
    key, _check = offsite_file._derive(PASS, bytes.fromhex(kdf["salt"]), kdf["n"], kdf["r"], kdf["p"])
    plaintext = AESGCM(key).decrypt(bytes.fromhex(header["nonce"]), data[end:], data[:end])
    with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
        assert archive.namelist() == ["partydesk.db"]
        assert archive.read("partydesk.db").startswith(b"SQLite format 3")


def test_the_stick_keeps_the_newest_five_of_this_office(db: Database, stick: Path) -> None:
    (stick / "partydesk-9999-20200101-000000.pdbak").write_bytes(b"another office's")
    (stick / "照片.jpg").write_bytes(b"not ours")
    start = datetime(2026, 10, 1, 9)
    for week in range(7):
        written = offsite.write(db, stick, PASS, now=start + timedelta(weeks=week))
    ours = sorted(p.name for p in stick.glob("partydesk-1001-*.pdbak"))
    assert ours == [offsite_file.file_name("1001", start + timedelta(weeks=w)) for w in range(2, 7)]
    assert len(written.removed) == 1
    assert (stick / "partydesk-9999-20200101-000000.pdbak").exists() and (stick / "照片.jpg").exists()


def test_the_workbench_asks_for_one_every_week(db: Database, stick: Path) -> None:
    set_up_on(db, date(2026, 11, 1))
    assert list(offsite_backup(db, date(2026, 11, 7))) == []
    [never] = offsite_backup(db, date(2026, 11, 8))
    assert never.message.startswith("还没有把数据备份到U盘") and never.target is not None
    assert (never.target.kind, never.subject, never.due) == ("backup", "never", None)
    offsite.write(db, stick, PASS, now=datetime(2026, 11, 10, 16))
    assert list(offsite_backup(db, date(2026, 11, 16))) == []
    [late] = offsite_backup(db, date(2026, 11, 19))
    assert late.message == "已有9天没有把数据备份到U盘" and late.due == date(2026, 11, 17)


def test_a_killed_restore_leaves_no_decrypted_copy_after_the_next_start(db: Database, stick: Path) -> None:
    written = offsite.write(db, stick, PASS)
    killed = db.path.parent / ".offsite-restore-killed.tmp"
    with offsite.opened(db.path, written.path, PASS) as found:
        assert found.parent.parent == db.path.parent and found.parent.name.startswith(".offsite-restore-")
        shutil.copytree(found.parent, killed)  # what a kill in the middle of a restore leaves
    assert killed.is_dir() and not found.parent.exists()
    assert killed in leftovers.clean(db.path.parent)
    assert not killed.exists()


def test_a_computer_set_up_from_the_stick_counts_that_backup_as_its_last(db: Database, tmp_path: Path,
                                                                         stick: Path) -> None:
    written = offsite.write(db, stick, PASS, now=datetime(2026, 11, 28, 17))
    new = tmp_path / "新电脑" / "partydesk.db"
    new.parent.mkdir()
    open_database(new).close()
    assert offsite.last_written(new) is None
    offsite.restore(new, written.path, PASS)
    assert offsite.last_written(new) == datetime(2026, 11, 28, 17)
    assert offsite.last_folder(new) == stick
    again = open_database(new)
    try:
        assert list(offsite_backup(again, date(2026, 12, 1))) == [], "not told at once that it has none"
    finally:
        again.close()


def test_a_header_nested_thousands_deep_is_called_damaged(tmp_path: Path) -> None:
    """A file with the .pdbak beginning and a header that is one array inside another, thousands deep (beyond
    the JSON reader's recursion limit): refused as damaged, not an error escaping to the window."""
    deep = b"[" * 5000 + b"]" * 5000
    path = tmp_path / "deep.pdbak"
    path.write_bytes(offsite_file.MAGIC + len(deep).to_bytes(4, "big") + deep + b"\0" * 32)
    with pytest.raises(BackupError) as refused:
        offsite_file.read_header(path)
    assert refused.value.code == "damaged"


def _cut(path: Path, keep: int) -> None:
    path.write_bytes(path.read_bytes()[:keep])


def test_a_file_cut_short_is_named_so_before_the_passphrase_is_asked(db: Database, stick: Path) -> None:
    """A copy to the stick that stopped part-way (the stick pulled): the header's own size tells it at once, with
    how much is there and how much should be, before the passphrase (and its slow derivation) is asked."""
    written = offsite.write(db, stick, PASS)
    whole = written.path.stat().st_size
    assert 1024 <= whole < 1024**2
    _cut(written.path, whole // 2)
    for read in (lambda: offsite.header(written.path), lambda: offsite_file.decrypt(written.path, "anything at all")):
        with pytest.raises(BackupError) as refused:
            read()
        assert refused.value.code == "damaged"
        assert refused.value.message.startswith("这个U盘备份文件不完整：只有 ")
        assert f"应有 {whole / 1024:.1f}\u00a0KB。" in refused.value.message
        assert "当前数据库没有改动" in refused.value.message


def test_bytes_added_to_a_file_or_a_size_that_is_no_number_are_damage(db: Database, stick: Path) -> None:
    written = offsite.write(db, stick, PASS)
    data = written.path.read_bytes()
    written.path.write_bytes(data + b"\x00")
    with pytest.raises(BackupError) as refused:
        offsite.header(written.path)
    assert refused.value.message == offsite_file.DAMAGED
    for size in (b'"size": "12"', b'"size": -1', b'"size": true'):
        written.path.write_bytes(re.sub(rb'"size": \d+', size, data))
        with pytest.raises(BackupError) as refused:
            offsite.header(written.path)
        assert refused.value.message == offsite_file.DAMAGED, size


def test_a_backup_written_before_sizes_were_kept_still_restores(db: Database, stick: Path) -> None:
    """A header without the size (an older ``.pdbak``) is read as before: the tag is what checks it whole."""
    add(db, "王书记", seed=1, post="书记")
    written = offsite.write(db, stick, PASS)
    data = written.path.read_bytes()
    size = int.from_bytes(data[8:12], "big")
    header = json.loads(data[12:12 + size])
    del header["size"]
    bare = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    key, _check = offsite_file._derive(PASS, bytes.fromhex(header["kdf"]["salt"]), header["kdf"]["n"],
                                       header["kdf"]["r"], header["kdf"]["p"])
    prefix = offsite_file.MAGIC + len(bare).to_bytes(4, "big") + bare
    plain = AESGCM(key).decrypt(bytes.fromhex(header["nonce"]), data[12 + size:], data[:12 + size])
    written.path.write_bytes(prefix + AESGCM(key).encrypt(bytes.fromhex(header["nonce"]), plain, prefix))
    assert offsite.header(written.path).members == 1
    db.close()
    offsite.restore(db.path, written.path, PASS)
    assert _names_in(db.path) == ["王书记"]
    written.path.write_bytes(written.path.read_bytes()[:-100])
    with pytest.raises(BackupError) as refused:
        offsite_file.decrypt(written.path, PASS)
    assert refused.value.message == offsite_file.DAMAGED


def test_sizes_are_said_in_the_unit_an_office_reads() -> None:
    said = offsite_file._in_words
    assert [said(900), said(192_290), said(52 * 1024**2 + 300_000)] == [
        "900\u00a0字节", "187.8\u00a0KB", "52.3\u00a0MB"]
