"""Salvage of a damaged database (RELIABILITY ST-7): every row still readable comes back into a file that passes
every check a backup must pass, the lost members are named from the newest backup, and a salvage that cannot
be done changes nothing."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import create_demo, demo_members
from partydesk.core.errors import BackupError, CorruptDatabaseError
from partydesk.core.progress import Cancelled, Progress
from partydesk.core.services import maintenance
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.salvage import SALVAGED, salvage_damaged
from partydesk.core.services.store import open_store, quarantine_damaged
from partydesk.core.storage.backup import file_problems
from partydesk.core.storage.salvage import salvage


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo branch (60 members, a year of meetings, talks and study), made once."""
    path = tmp_path_factory.mktemp("demo") / "partydesk.db"
    create_demo(path, members=60)
    return path


@pytest.fixture
def office(tmp_path: Path, demo_file: Path) -> Path:
    """The demo's file in an office folder of its own, with one verified backup."""
    path = tmp_path / "office" / "partydesk.db"
    path.parent.mkdir()
    shutil.copyfile(demo_file, path)
    db = open_store(path)
    maintenance.backup_now(db, reason="manual")
    db.close()
    return path


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        return conn.execute(sql).fetchall()


def _wreck(path: Path, table: str, pages: slice) -> None:
    """Overwrite some of ``table``'s leaf pages with garbage (a bad sector)."""
    with sqlite3.connect(path) as conn:
        found = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                                            "ORDER BY pageno", (table,))]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    for page in found[pages]:
        data[(page - 1) * size:page * size] = b"\xa5" * size
    path.write_bytes(bytes(data))


def test_the_readable_rows_come_back_and_the_lost_members_are_named(office: Path) -> None:
    """No backup to lean on: what was on the damaged page is gone, and so is every row naming it (a lost
    member's attendance), so that the file passes every check; the loss is said."""
    for old in maintenance.list_backups(office):
        old.path.unlink()
    members = dict(_rows(office, "SELECT id, name FROM member"))
    meetings = _rows(office, "SELECT * FROM meeting ORDER BY id")
    _wreck(office, "member", slice(3, 4))
    with pytest.raises(CorruptDatabaseError):
        open_store(office)
    kept = quarantine_damaged(office)

    done = salvage_damaged(office, kept)

    db = open_store(office)  # opens as any sound file does
    db.close()
    assert file_problems(office) == []
    back = dict(_rows(office, "SELECT id, name FROM member"))
    assert 0 < len(back) < len(members) and set(back.items()) <= set(members.items())
    assert done.report.of("member").unreadable == 1  # type: ignore[union-attr]
    assert _rows(office, "SELECT * FROM meeting ORDER BY id") == meetings  # a table on sound pages: whole
    assert done.report.of("meeting").whole  # type: ignore[union-attr]
    assert not _rows(office, "SELECT 1 FROM meeting_attendance WHERE member_id NOT IN (SELECT id FROM member)")
    assert done.report.of("meeting_attendance").left_out > 0  # type: ignore[union-attr]
    said = done.in_words()
    assert "读不出来：党员。" in said and "没有保留：党员的变动记录、" in said and done.compared_with is None
    # The salvaged file is backed up at once; the damaged one waits in quarantine as it was.
    assert [b.reason for b in maintenance.list_backups(office)] == [SALVAGED]
    assert (kept / office.name).is_file()


def test_members_lost_on_a_damaged_page_come_back_from_the_backup_and_are_named(office: Path) -> None:
    """With a backup, the rows on a damaged page come back as the backup holds them (a member, a meeting's
    attendance), so nothing that names them is dropped either; the office is told whom, to check what changed
    since."""
    members = dict(_rows(office, "SELECT id, name FROM member"))
    attendance = _rows(office, "SELECT * FROM meeting_attendance ORDER BY rowid")
    _wreck(office, "member", slice(3, 4))
    _wreck(office, "meeting_attendance", slice(20, 22))
    done = salvage_damaged(office, quarantine_damaged(office))

    assert file_problems(office) == []
    assert dict(_rows(office, "SELECT id, name FROM member")) == members
    assert sorted(_rows(office, "SELECT * FROM meeting_attendance")) == sorted(attendance)
    assert done.report.of("meeting_attendance").from_backup  # type: ignore[union-attr]
    given = done.members_from_backup
    assert given and set(given) < set(members.values()) and not done.missing_members
    assert all(name in done.in_words() for name in given) and "备份当时的样子" in done.in_words()


def test_the_office_s_own_settings_come_back_from_the_backup_with_counters_past_every_row(office: Path) -> None:
    """The site row (this office's identity, clock and change counter) sits on the file's second page, written
    with every change. Lost, it comes back from the backup, its counter and clock moved past what the
    salvaged rows already carry, so no change number or version is handed out twice."""
    db = open_store(office)
    insert_members(db, LOCAL_USER, demo_members(random.Random(7), 1))  # after the backup: later numbers
    db.close()
    data = bytearray(office.read_bytes())
    data[4096:4096 + 12] = b"\x00" * 12  # page 2 (the site table) loses its header
    office.write_bytes(bytes(data))
    done = salvage_damaged(office, quarantine_damaged(office))
    assert done.report.of("site").from_backup  # type: ignore[union-attr]
    seq, last, site_id = _rows(office, "SELECT change_seq, hlc_last, site_id FROM site")[0]
    for (table,) in _rows(office, "SELECT name FROM sqlite_master m WHERE type = 'table' AND name != 'site' AND "
                                  "EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'change_seq')"):
        highest, newest = _rows(office, f"SELECT max(change_seq), max(version) FROM {table} "
                                        f"WHERE version LIKE '%{site_id}'")[0]
        assert highest is None or seq >= highest, table
        assert newest is None or last >= newest, table
    assert file_problems(office) == []


def test_without_a_backup_a_lost_site_row_is_refused_and_nothing_changes(office: Path) -> None:
    for old in maintenance.list_backups(office):
        old.path.unlink()
    data = bytearray(office.read_bytes())
    data[4096:4096 + 12] = b"\x00" * 12
    office.write_bytes(bytes(data))
    with pytest.raises(BackupError, match="基本设置"):
        salvage_damaged(office, quarantine_damaged(office))
    assert office.read_bytes() == bytes(data)


def test_a_row_whose_bytes_changed_on_disk_is_left_out(tmp_path: Path, demo_file: Path) -> None:
    """SQLite reads it without complaint; its row hash tells it was changed, so it is not salvaged as sound."""
    source = tmp_path / "partydesk.db"
    shutil.copyfile(demo_file, source)
    with sqlite3.connect(source) as conn:
        changed = conn.execute("SELECT id FROM member ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE member SET phone = '13900000000' WHERE id = ?", (changed,))
    conn.close()
    report = salvage(source, tmp_path / "out.db")
    assert report.of("member").left_out == 1 and report.of("member").unreadable == 0  # type: ignore[union-attr]
    assert not _rows(tmp_path / "out.db", f"SELECT 1 FROM member WHERE id = '{changed}'")
    assert file_problems(tmp_path / "out.db") == []


def test_a_sound_file_comes_back_whole(tmp_path: Path, demo_file: Path) -> None:
    report = salvage(demo_file, tmp_path / "out.db")
    assert report.whole
    for table in ("member", "meeting", "meeting_attendance", "audit", "study_credit", "alembic_version"):
        assert _rows(tmp_path / "out.db", f"SELECT * FROM {table} ORDER BY rowid") == \
            _rows(demo_file, f"SELECT * FROM {table} ORDER BY rowid")
    assert _rows(tmp_path / "out.db", "PRAGMA user_version") == _rows(demo_file, "PRAGMA user_version")


def test_a_file_whose_schema_cannot_be_read_is_refused_and_nothing_changes(office: Path) -> None:
    data = bytearray(office.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the first page: the schema's root
    office.write_bytes(bytes(data))
    kept = quarantine_damaged(office)
    with pytest.raises(BackupError, match="表结构"):
        salvage_damaged(office, kept)
    assert office.read_bytes() == bytes(data)
    assert sorted(p.name for p in office.parent.iterdir()) == ["backups", "partydesk.db"]


def test_a_cancelled_salvage_changes_nothing(office: Path) -> None:
    _wreck(office, "member", slice(3, 4))
    damaged = office.read_bytes()
    kept = quarantine_damaged(office)
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        salvage_damaged(office, kept, progress)
    assert office.read_bytes() == damaged
    assert sorted(p.name for p in office.parent.iterdir()) == ["backups", "partydesk.db"]


def test_a_full_disk_during_the_salvage_is_said_and_nothing_changes(office: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from partydesk.core.errors import DiskFullError
    from partydesk.core.storage import salvage as storage_salvage

    _wreck(office, "member", slice(3, 4))
    damaged = office.read_bytes()
    kept = quarantine_damaged(office)

    def full(*_args: object) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13  # type: ignore[attr-defined]  # SQLITE_FULL
        raise error

    monkeypatch.setattr(storage_salvage, "_copy_table", full)
    with pytest.raises(DiskFullError, match="磁盘空间已满"):
        salvage_damaged(office, kept)
    assert office.read_bytes() == damaged
    assert sorted(p.name for p in office.parent.iterdir()) == ["backups", "partydesk.db"]
