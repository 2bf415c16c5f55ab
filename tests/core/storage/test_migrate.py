"""New, older, newer and foreign files are each handled as DESIGN.md says (ST-8, D-8)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from partydesk.core.errors import (
    BackupError,
    CorruptDatabaseError,
    KnownError,
    NotPartydeskDatabaseError,
    SchemaTooNewError,
)
from partydesk.core.services.maintenance import backup_file, list_backups
from partydesk.core.storage import migrate
from partydesk.core.storage.backup import verify_backup
from partydesk.core.storage.base import Base
from partydesk.core.storage.database import open_database
from partydesk.core.storage.engine import APPLICATION_ID, make_engine


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_is_exactly_one_alembic_head() -> None:
    """Two heads would mean two diverging schemas."""
    assert len(migrate.script_directory().get_heads()) == 1


def test_revisions_read_from_file_names_match_alembics_chain() -> None:
    """The cheap start-up view of the migrations equals alembic's own, in order."""
    chain = [s.revision for s in migrate.script_directory().walk_revisions()]
    assert migrate.known_revisions() == list(reversed(chain))
    assert migrate.head_revision() == migrate.script_directory().get_current_head()


def test_new_file_gets_current_schema_stamped_and_marked(db_path: Path) -> None:
    """A new file is created at head, with our application_id and user_version."""
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrate.schema_number(migrate.head_revision())
    conn.close()
    assert migrate.inspect_file(db_path).state is migrate.FileState.CURRENT


def test_migrations_build_the_same_schema_as_the_tables(tmp_path: Path) -> None:
    """Running every migration from empty gives exactly the schema the ORM tables declare."""
    engine = make_engine(tmp_path / "m.db")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_older_file_gets_a_real_verified_pre_upgrade_backup_then_is_upgraded(tmp_path: Path) -> None:
    """The real backup runs first: a verified copy of the old schema, named pre-upgrade, then the upgrade."""
    revisions = [s.revision for s in migrate.script_directory().walk_revisions()]
    oldest, head = revisions[-1], revisions[0]
    path = tmp_path / "old.db"
    engine = make_engine(path)
    migrate.upgrade(engine, target=oldest)
    engine.dispose()
    assert migrate.inspect_file(path).state is migrate.FileState.OLDER
    open_database(path, backup=backup_file).close()
    made = list_backups(path)
    assert [b.reason for b in made] == [f"pre-upgrade-{oldest}-to-{head}"]
    assert verify_backup(made[0].path)
    conn = sqlite3.connect(made[0].path)
    try:  # the backup holds the file as it was before the upgrade
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == oldest
    finally:
        conn.close()
    assert migrate.inspect_file(path).state is migrate.FileState.CURRENT


def test_a_failing_pre_upgrade_backup_stops_the_upgrade(tmp_path: Path) -> None:
    """No verified backup, no upgrade: the file stays at its old revision, byte for byte."""
    revisions = [s.revision for s in migrate.script_directory().walk_revisions()]
    path = tmp_path / "old.db"
    engine = make_engine(path)
    migrate.upgrade(engine, target=revisions[-1])
    engine.dispose()
    before = _digest(path)

    def failing(_path: Path, _reason: str) -> object:
        raise BackupError("备份失败（测试）")

    with pytest.raises(BackupError):
        open_database(path, backup=failing)
    assert _digest(path) == before
    assert migrate.inspect_file(path).revision == revisions[-1]


def test_newer_schema_is_refused_and_left_byte_for_byte(db_path: Path) -> None:
    """A file from a newer program is refused and not changed at all."""
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.execute("PRAGMA user_version = 9999")
    conn.commit()
    conn.close()
    before = _digest(db_path)
    with pytest.raises(SchemaTooNewError) as err:
        open_database(db_path)
    assert "更新版本" in err.value.message
    assert _digest(db_path) == before
    assert not Path(f"{db_path}-wal").exists()


@pytest.mark.parametrize(
    "content",
    [b"\x00" * 4096, "姓名,身份证号\n张三,110105194912310021\n".encode(), b"PK\x03\x04 not a database"],
    ids=["zeros", "csv", "zip"],
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(db_path: Path, content: bytes) -> None:
    """Anything that is not an SQLite file is refused with a clear message and not changed."""
    db_path.write_bytes(content)
    with pytest.raises(NotPartydeskDatabaseError):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_another_programs_sqlite_file_is_refused_untouched(db_path: Path) -> None:
    """An SQLite file that is not ours (no application_id) is refused and not changed."""
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('hello')")
    conn.commit()
    conn.close()
    before = _digest(db_path)
    with pytest.raises(NotPartydeskDatabaseError) as err:
        open_database(db_path)
    assert "不是 partydesk 数据库" in err.value.message
    assert _digest(db_path) == before


def test_corrupt_file_is_refused_before_anything_is_written(db_path: Path) -> None:
    """A damaged page fails the start-up check; the program writes nothing to the file."""
    db = open_database(db_path)
    db.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    assert len(data) >= 3 * page
    data[page: page + 12] = b"\x00" * 12  # page 2 (a table's root) loses its b-tree header
    db_path.write_bytes(bytes(data))
    before = _digest(db_path)
    with pytest.raises(CorruptDatabaseError):
        open_database(db_path)
    assert _digest(db_path) == before


def test_a_new_database_is_refused_in_a_folder_holding_another(tmp_path: Path) -> None:
    """Backups, stored files and logs sit beside the database: a second one in the same folder is refused,
    naming the one there and a folder of its own, and nothing is created. The first one, still open (its
    newest pages only in the write-ahead log), counts; another program's SQLite file and a hidden restore
    copy do not; a database in a folder of its own opens."""
    first = open_database(tmp_path / "a.db")
    try:
        with pytest.raises(KnownError, match=r"a\.db") as refused:
            open_database(tmp_path / "b.db")
        assert refused.value.code == "folder_taken"
        assert str(tmp_path / "b" / "b.db") in refused.value.message
        assert not (tmp_path / "b.db").exists()
        (tmp_path / "b.db").write_bytes(b"")  # an empty file left by a crash is not set up there either
        with pytest.raises(KnownError, match="单独的文件夹"):
            open_database(tmp_path / "b.db")
        assert (tmp_path / "b.db").stat().st_size == 0
        open_database(tmp_path / "a.db").close()  # the one already there opens as ever
    finally:
        first.close()
    other = tmp_path / "other"
    other.mkdir()
    with sqlite3.connect(other / "notes.db") as conn:
        conn.execute("CREATE TABLE t (x)")
    (other / ".partydesk.db.restore-1.db").write_bytes((tmp_path / "a.db").read_bytes())
    open_database(other / "partydesk.db").close()


def test_the_application_id_is_found_while_it_is_only_in_the_log(tmp_path: Path) -> None:
    """A database another window has open may hold its first pages only in the write-ahead log: it still
    counts as a partydesk database beside a new one."""
    writer = sqlite3.connect(tmp_path / "a.db")
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(f"PRAGMA application_id={APPLICATION_ID}")
    writer.execute("CREATE TABLE t (x)")
    writer.commit()
    try:
        assert int.from_bytes((tmp_path / "a.db").read_bytes()[68:72], "big") != APPLICATION_ID
        assert migrate.other_database_beside(tmp_path / "b.db") == tmp_path / "a.db"
    finally:
        writer.close()
