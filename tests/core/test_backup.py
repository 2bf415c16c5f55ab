"""Tests for verified rotating backups, restore and quarantine (ST-4, ST-7, D-4, D-7)."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from partydesk.core.errors import BackupError, DiskFullError
from partydesk.core.progress import Cancelled, Progress
from partydesk.core.storage import backup
from partydesk.core.storage.backup import (
    SOURCE_CORRUPT,
    BackupInfo,
    list_backups,
    make_backup,
    quarantine,
    restore_backup,
    verify_backup,
)

NOW = datetime(2024, 6, 15, 12, 0, 0)


# --------------------------------------------------------------------------------------------
# helpers


def _open_writer(path: Path) -> sqlite3.Connection:
    """A connection set up like the app's (WAL + FULL), with automatic checkpoints off."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=5000")
    # Keep everything in the -wal file so the tests prove the backup reads it.
    conn.execute("PRAGMA wal_autocheckpoint=0")
    return conn


def _rows(path: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, name FROM member ORDER BY id").fetchall()
    finally:
        conn.close()


def _insert(conn: sqlite3.Connection, names: list[str]) -> None:
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO member(name, blob) VALUES (?, randomblob(800))", [(n,) for n in names])
    conn.execute("COMMIT")


@pytest.fixture
def wal_db(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """A WAL database with ~200 rows (many pages) and its open writer connection."""
    path = tmp_path / "data" / "partydesk.db"
    path.parent.mkdir()
    conn = _open_writer(path)
    conn.execute("CREATE TABLE member(id INTEGER PRIMARY KEY, name TEXT NOT NULL, blob BLOB)")
    conn.execute("CREATE INDEX member_name ON member(name)")
    _insert(conn, [f"党员{i:04d}" for i in range(200)])
    yield path, conn
    conn.close()


def _corrupt(path: Path) -> None:
    """Overwrite the middle pages of a closed database with garbage (a torn or bad-sector file)."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    start = 2 * page
    data[start : start + 4 * page] = b"\xa5" * (4 * page)
    path.write_bytes(bytes(data))


def _closed_copy(wal_db: tuple[Path, sqlite3.Connection], dest: Path) -> Path:
    """Checkpointed copy of the fixture database as a plain closed file."""
    path, conn = wal_db
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(path, dest)
    return dest


def _bounded(callback: Callable[[int, int, str], None] | None = None, limit: int = 1000) -> Progress:
    """Progress that fails the test instead of hanging if a copy keeps restarting (livelock)."""
    calls = 0

    def step(done: int, total: int, text: str) -> None:
        nonlocal calls
        calls += 1
        if calls > limit:
            raise AssertionError(f"backup did not finish after {limit} steps: it keeps restarting")
        if callback is not None:
            callback(done, total, text)

    return Progress(step)


def _all_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


# --------------------------------------------------------------------------------------------
# make_backup


def test_backup_includes_uncheckpointed_wal_data_while_writer_is_open(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """Data committed only to the -wal file, with the app's writer still open, is in the backup."""
    path, conn = wal_db
    _insert(conn, ["只在WAL里"])
    assert Path(f"{path}-wal").stat().st_size > 0
    info = make_backup(path, tmp_path / "backups", reason="manual", now=NOW)
    assert ("只在WAL里",) in [(name,) for _id, name in _rows(info.path)]
    assert len(_rows(info.path)) == 201
    # The writer keeps working afterwards: the backup connection left no lock behind.
    _insert(conn, ["之后"])


def test_backup_is_one_verified_self_contained_file_with_the_agreed_name(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """The backup is named partydesk-YYYYMMDD-HHMMSS-<reason>.db, DELETE mode, and verifies."""
    path, _conn = wal_db
    folder = tmp_path / "backups"
    info = make_backup(path, folder, reason="exit", now=NOW)
    assert info == BackupInfo(
        path=folder / "partydesk-20240615-120000-exit.db",
        created=NOW,
        reason="exit",
        size=info.path.stat().st_size,
    )
    header = info.path.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback-journal file format, not WAL
    assert _all_files(folder) == ["partydesk-20240615-120000-exit.db"]
    assert verify_backup(info.path)


def test_two_backups_in_the_same_second_get_a_sequence_number(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """A second backup within the same second gets -2 and sorts as the newer one."""
    path, _conn = wal_db
    folder = tmp_path / "backups"
    first = make_backup(path, folder, reason="migration", now=NOW)
    second = make_backup(path, folder, reason="import", now=NOW)
    assert second.path.name == "partydesk-20240615-120000-2-import.db"
    assert [b.path for b in list_backups(folder)] == [second.path, first.path]


def test_backup_reports_progress_in_page_chunks(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Progress is reported once per chunk of pages and ends at done == total."""
    path, _conn = wal_db
    monkeypatch.setattr(backup, "_PAGES_PER_STEP", 8)
    seen: list[tuple[int, int]] = []
    make_backup(path, tmp_path / "b", reason="manual", progress=Progress(lambda d, t, _s: seen.append((d, t))))
    assert len(seen) > 5
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_cancelled_backup_leaves_no_file(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancelling mid-copy raises Cancelled and leaves the backup folder empty."""
    path, _conn = wal_db
    monkeypatch.setattr(backup, "_PAGES_PER_STEP", 8)
    progress = Progress(lambda done, _t, _s: progress.cancel() if done > 16 else None)
    folder = tmp_path / "backups"
    with pytest.raises(Cancelled):
        make_backup(path, folder, reason="manual", progress=progress)
    assert _all_files(folder) == []


def test_chunked_backup_copies_one_snapshot_while_another_connection_commits(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Commits between copy steps neither restart the copy nor leak into it: it is one snapshot."""
    path, conn = wal_db
    monkeypatch.setattr(backup, "_PAGES_PER_STEP", 4)
    steps = 0

    def write_between_steps(_done: int, _total: int, _text: str) -> None:
        nonlocal steps
        steps += 1
        _insert(conn, [f"step{steps}"])

    info = make_backup(path, tmp_path / "b", reason="manual", progress=_bounded(write_between_steps))
    assert steps > 5
    assert verify_backup(info.path)
    assert len(_rows(info.path)) == 200
    assert len(_rows(path)) == 200 + steps


def test_backup_taken_while_another_thread_keeps_writing_passes_integrity_check(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """D-7: a writer thread commits continuously during the backup; the copy is intact and consistent."""
    path, conn = wal_db
    monkeypatch.setattr(backup, "_PAGES_PER_STEP", 4)
    stop = threading.Event()
    written = 0

    def writer() -> None:
        nonlocal written
        while not stop.is_set():
            _insert(conn, [f"并发{written}"])
            written += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        infos = [make_backup(path, tmp_path / "b", reason="manual", progress=_bounded()) for _ in range(3)]
    finally:
        stop.set()
        thread.join()
    assert written > 0
    for info in infos:
        assert verify_backup(info.path)
        ids = [row_id for row_id, _name in _rows(info.path)]
        # A consistent snapshot holds a gap-free prefix of the committed rows.
        assert ids == list(range(1, len(ids) + 1))
        assert 200 <= len(ids) <= 200 + written


def test_corrupt_source_raises_backup_error_and_leaves_no_file(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """A damaged database is refused with BackupError(code=SOURCE_CORRUPT); nothing is written."""
    source = _closed_copy(wal_db, tmp_path / "broken.db")
    _corrupt(source)
    folder = tmp_path / "backups"
    with pytest.raises(BackupError) as caught:
        make_backup(source, folder, reason="exit", now=NOW)
    assert caught.value.code == SOURCE_CORRUPT
    assert "损坏" in caught.value.message
    assert _all_files(folder) == []


def test_garbage_source_raises_backup_error_and_leaves_no_file(tmp_path: Path) -> None:
    """A file that is not SQLite at all is refused the same way."""
    source = tmp_path / "notes.db"
    source.write_bytes(b"this is not a database" * 500)
    folder = tmp_path / "backups"
    with pytest.raises(BackupError):
        make_backup(source, folder, reason="exit")
    assert _all_files(folder) == []


def test_disk_full_during_copy_raises_disk_full_and_keeps_previous_backups(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """D-4: ENOSPC in the copy step -> DiskFullError, temp file gone, earlier backups byte-identical."""
    path, _conn = wal_db
    folder = tmp_path / "backups"
    earlier = make_backup(path, folder, reason="manual", now=NOW)
    before = earlier.path.read_bytes()

    def full(_source: Path, target: Path, _progress: Progress | None) -> None:
        target.write_bytes(b"partial pages")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_copy_database", full)
    with pytest.raises(DiskFullError) as caught:
        make_backup(path, folder, reason="exit", now=NOW + timedelta(hours=1))
    assert "磁盘空间已满" in caught.value.message
    assert _all_files(folder) == [earlier.path.name]
    assert earlier.path.read_bytes() == before
    assert verify_backup(earlier.path)


def test_sqlite_full_from_the_backup_api_raises_disk_full(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """D-4: a real SQLITE_FULL while writing the copy (page limit on the target) -> DiskFullError."""
    path, _conn = wal_db
    real_connect = backup._connect

    def tiny_target(p: Path, *, readonly: bool) -> sqlite3.Connection:
        conn = real_connect(p, readonly=readonly)
        if not readonly:
            conn.execute("PRAGMA max_page_count=10")
        return conn

    monkeypatch.setattr(backup, "_connect", tiny_target)
    folder = tmp_path / "backups"
    with pytest.raises(DiskFullError):
        make_backup(path, folder, reason="exit")
    assert _all_files(folder) == []


def test_backup_reason_must_be_an_ascii_slug(wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path) -> None:
    """A reason that would make the file name ambiguous or non-ASCII is a programming error."""
    path, _conn = wal_db
    for bad in ("退出", "2-exit", "Exit", "a b", ""):
        with pytest.raises(ValueError):
            make_backup(path, tmp_path, reason=bad)


def test_missing_database_raises_backup_error(tmp_path: Path) -> None:
    """Backing up a file that does not exist is a clear BackupError."""
    with pytest.raises(BackupError):
        make_backup(tmp_path / "nope.db", tmp_path / "b", reason="exit")


# --------------------------------------------------------------------------------------------
# list / verify


def test_list_backups_is_newest_first_and_ignores_other_files(tmp_path: Path) -> None:
    """Only well-formed backup names are listed, newest first; temp files and others are ignored."""
    for name in (
        "partydesk-20240101-080000-exit.db",
        "partydesk-20240301-080000-before-restore.db",
        "partydesk-20240301-080000-2-manual.db",
        "partydesk-20241301-080000-exit.db",  # month 13: not a date
        ".partydesk-backup-abc.tmp",
        "notes.txt",
        "partydesk-20240101-080000-exit.db-journal",
    ):
        (tmp_path / name).write_bytes(b"x")
    listed = list_backups(tmp_path)
    assert [(b.path.name, b.reason) for b in listed] == [
        ("partydesk-20240301-080000-2-manual.db", "manual"),
        ("partydesk-20240301-080000-before-restore.db", "before-restore"),
        ("partydesk-20240101-080000-exit.db", "exit"),
    ]
    assert listed[0].created == datetime(2024, 3, 1, 8, 0, 0)
    assert list_backups(tmp_path / "missing") == []


def test_verify_backup_accepts_a_good_backup(wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path) -> None:
    """A fresh backup verifies."""
    info = make_backup(wal_db[0], tmp_path / "b", reason="manual")
    assert verify_backup(info.path)


@pytest.mark.parametrize("damage", ["truncated_mid_page", "truncated_at_page", "garbage", "empty", "zeroed_pages"])
def test_verify_backup_rejects_damaged_files(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path, damage: str
) -> None:
    """Truncated, zeroed, empty or non-SQLite files do not verify."""
    info = make_backup(wal_db[0], tmp_path / "b", reason="manual")
    data = info.path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    damaged = {
        "truncated_mid_page": data[: len(data) // 2 + 100],
        "truncated_at_page": data[: len(data) - page],
        "garbage": b"\x13" * len(data),
        "empty": b"",
        "zeroed_pages": data[: 2 * page] + b"\x00" * (len(data) - 2 * page),
    }[damage]
    info.path.write_bytes(damaged)
    assert not verify_backup(info.path)


def test_verify_backup_is_false_for_a_missing_file(tmp_path: Path) -> None:
    """A path that does not exist does not verify (and is not created)."""
    assert not verify_backup(tmp_path / "gone.db")
    assert not (tmp_path / "gone.db").exists()


# --------------------------------------------------------------------------------------------
# restore and quarantine


def test_restore_round_trip_returns_the_backup_state_and_makes_a_safety_backup(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """After restore the database equals the backup; the replaced state is kept as before-restore."""
    path, conn = wal_db
    info = make_backup(path, tmp_path / "backups", reason="manual", now=NOW)
    expected = _rows(info.path)
    _insert(conn, ["恢复后应消失"])
    conn.close()
    safety_dir = tmp_path / "safety"
    safety = restore_backup(info.path, path, safety_backup_dir=safety_dir)
    assert _rows(path) == expected
    assert safety is not None and safety.reason == "before-restore"
    assert safety.path.parent == safety_dir
    assert len(_rows(safety.path)) == len(expected) + 1
    assert not Path(f"{path}-wal").exists()
    assert not Path(f"{path}-shm").exists()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    # The restored file opens normally in the app's WAL mode.
    reopened = _open_writer(path)
    _insert(reopened, ["继续使用"])
    reopened.close()


def test_restore_refuses_a_corrupt_backup_and_leaves_the_database_byte_for_byte(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """A backup that fails verification is refused; db, its -wal, and the folders are untouched."""
    path, conn = wal_db
    info = make_backup(path, tmp_path / "backups", reason="manual", now=NOW)
    _corrupt(info.path)
    _insert(conn, ["最新"])
    conn.close()
    before = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    safety_dir = tmp_path / "safety"
    with pytest.raises(BackupError):
        restore_backup(info.path, path, safety_backup_dir=safety_dir)
    assert {p.name: p.read_bytes() for p in path.parent.iterdir()} == before
    assert not safety_dir.exists()


def test_restore_over_a_corrupt_database_quarantines_it_with_its_wal(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """A damaged current file is copied raw with -wal/-shm into quarantine, then replaced."""
    path, _conn = wal_db
    info = make_backup(path, tmp_path / "backups", reason="manual", now=NOW)
    (tmp_path / "broken").mkdir()
    broken = _closed_copy(wal_db, tmp_path / "broken" / "partydesk.db")
    _corrupt(broken)
    Path(f"{broken}-wal").write_bytes(b"leftover wal frames")
    safety_dir = tmp_path / "safety"
    result = restore_backup(info.path, broken, safety_backup_dir=safety_dir)
    assert result is None
    [folder] = list((safety_dir / "quarantine").iterdir())
    assert {"partydesk.db", "partydesk.db-wal"} <= {p.name for p in folder.iterdir()}
    assert (folder / "partydesk.db-wal").read_bytes() == b"leftover wal frames"
    assert _rows(broken) == _rows(info.path)
    assert not Path(f"{broken}-wal").exists()


def test_restore_into_a_missing_database_needs_no_safety_backup(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """Restoring where no database exists yet just creates it and returns None."""
    info = make_backup(wal_db[0], tmp_path / "backups", reason="manual")
    target = tmp_path / "new" / "partydesk.db"
    target.parent.mkdir()
    assert restore_backup(info.path, target, safety_backup_dir=tmp_path / "safety") is None
    assert _rows(target) == _rows(info.path)


def test_restore_aborts_untouched_when_the_old_file_cannot_be_saved(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disk full for both the safety backup and the raw copy -> DiskFullError, database unchanged."""
    path, conn = wal_db
    info = make_backup(path, tmp_path / "backups", reason="manual")
    _insert(conn, ["不能丢"])
    conn.close()
    before = path.read_bytes()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_copy_database", full)
    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(DiskFullError):
        restore_backup(info.path, path, safety_backup_dir=tmp_path / "safety")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_quarantine_copies_database_wal_and_shm_together(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """ST-7: the quarantine folder holds db + -wal + -shm, and the copy still opens with the WAL data."""
    path, conn = wal_db
    _insert(conn, ["仅在WAL"])
    folder = quarantine(path, tmp_path / "quarantine")
    assert folder.parent == tmp_path / "quarantine"
    assert folder.name.startswith("partydesk-")
    assert sorted(p.name for p in folder.iterdir()) == ["partydesk.db", "partydesk.db-shm", "partydesk.db-wal"]
    for suffix in ("", "-wal"):
        assert (folder / f"partydesk.db{suffix}").read_bytes() == Path(f"{path}{suffix}").read_bytes()
    conn.close()
    assert ("仅在WAL",) in [(name,) for _id, name in _rows(folder / "partydesk.db")]
    second = quarantine(path, tmp_path / "quarantine")
    assert second != folder  # the WAL was folded in on closing: the file changed


def test_a_damaged_file_unchanged_since_its_copy_is_not_copied_again(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """Opened again (looked at read-only day after day), the same damaged file keeps its one copy; a changed byte
    in the file or its WAL, or a WAL come or gone, makes a new one."""
    path, conn = wal_db
    _insert(conn, ["仅在WAL"])
    place = tmp_path / "quarantine"
    first = quarantine(path, place)
    assert quarantine(path, place) == first
    assert len([p for p in place.iterdir() if not p.name.startswith(".")]) == 1
    wal = Path(f"{path}-wal")
    data = bytearray(wal.read_bytes())
    data[-1] ^= 0xFF
    wal.write_bytes(bytes(data))
    second = quarantine(path, place)
    assert second != first and (second / "partydesk.db-wal").read_bytes() == bytes(data)
    assert quarantine(path, place) == second
    conn.close()
    wal.unlink(missing_ok=True)
    assert quarantine(path, place) not in (first, second)


def test_a_file_where_the_backup_folder_should_be_is_said_plainly(
    wal_db: tuple[Path, sqlite3.Connection], tmp_path: Path
) -> None:
    """The backups folder replaced by a plain file: a known error naming the place and saying nothing was done
    (before, a bare FileExistsError, shown as the program's crash dialog, in the middle of a roster import)."""
    path, _conn = wal_db
    blocker = tmp_path / "backups"
    blocker.write_bytes(b"not a folder")
    with pytest.raises(BackupError, match="同名的文件，不是文件夹") as refused:
        make_backup(path, blocker, reason="import", now=NOW)
    assert str(blocker) in refused.value.message
    with pytest.raises(BackupError, match="同名的文件"):
        make_backup(path, blocker / "inner", reason="import", now=NOW)
