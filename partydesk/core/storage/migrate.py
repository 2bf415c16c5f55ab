"""Schema life cycle: recognise a file, create a new one, upgrade an older one, refuse a newer or foreign one.

A file is inspected through an immutable read-only connection first, so a file we refuse is left
byte-for-byte untouched. ``script_location`` is resolved at run time from this package, which works
from the source tree and from the PyInstaller bundle (the migrations ship there as data with .py files).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import Connection, Engine

from partydesk.core.errors import (
    CorruptDatabaseError,
    NotPartydeskDatabaseError,
    SchemaTooNewError,
    known_error_from_db,
)
from partydesk.core.storage import tables  # noqa: F401  (registers every table on the metadata)
from partydesk.core.storage.base import Base
from partydesk.core.storage.engine import APPLICATION_ID

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
SQLITE_MAGIC = b"SQLite format 3\x00"


class FileState(Enum):
    """What ``inspect_file`` found."""

    NEW = "new"
    EMPTY = "empty"  # a zero-byte file: new only where nothing was before (see open_database)
    CURRENT = "current"
    OLDER = "older"


@dataclass(frozen=True)
class Inspection:
    """The state of a database file and, for an existing one, its schema revision."""

    state: FileState
    revision: str | None = None


def alembic_config() -> Config:
    """An Alembic config whose script location is found at run time, not from an .ini file."""
    from alembic.config import Config  # alembic costs ~0.2 s to import: only when migrating

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_directory() -> ScriptDirectory:
    """The migration scripts shipped with this program."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> list[str]:
    """Revision ids of the shipped migrations, oldest first, read from their file names ("0002_x.py").

    Opening a current file needs only this, not alembic; a test checks it against alembic's own view.
    """
    names = sorted(p.name for p in VERSIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py"))
    return [name[:4] for name in names]


def head_revision() -> str:
    """The newest schema revision this program knows."""
    revisions = known_revisions()
    if not revisions:
        raise RuntimeError("no migrations found")
    return revisions[-1]


def schema_number(revision: str) -> int:
    """The integer stored in ``PRAGMA user_version`` for a revision id such as "0002"."""
    return int(revision)


def _read_only(path: Path) -> sqlite3.Connection:
    # immutable=1: no locks, no -wal/-shm files created, nothing written to the file.
    uri = f"file:{quote(str(path))}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True)


@contextmanager
def _snapshot(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only view of ``path`` as it stands, WAL included, that writes nothing to it.

    After a crash the newest commits (even the whole schema, before the first checkpoint) live only in
    the WAL, which an immutable read ignores: then a private copy of both files is opened instead.
    """
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        with tempfile.TemporaryDirectory(prefix="partydesk-inspect-") as tmp:
            copy = Path(tmp) / "inspect.db"
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, Path(f"{copy}-wal"))
            conn = sqlite3.connect(copy)
            try:
                yield conn
            finally:
                conn.close()
        return
    conn = _read_only(path)
    try:
        yield conn
    finally:
        conn.close()


@dataclass(frozen=True)
class FileContents:
    """Who a database file belongs to and how many members it holds (shown before a restore)."""

    organisation_code: str
    organisation_name: str
    members: int


def read_contents(path: Path) -> FileContents:
    """The organisation and member count of a partydesk file, read without writing to it.

    Call after ``inspect_file`` has accepted the file. Raises CorruptDatabaseError when it cannot be read.
    """
    try:
        with _snapshot(path) as conn:
            org = conn.execute(
                "SELECT o.code, o.name FROM site s JOIN organisation o ON o.id = s.organisation_id WHERE s.id = 1"
            ).fetchone()
            members = conn.execute("SELECT count(*) FROM member WHERE deleted = 0").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        mapped = known_error_from_db(exc)
        raise mapped or CorruptDatabaseError(f"“{path.name}”无法读取，可能已损坏。") from exc
    code, name = (str(org[0]), str(org[1])) if org else ("", "")
    return FileContents(code, name, int(members))


def is_set_up(path: Path) -> bool:
    """Whether the partydesk file at ``path`` went through first-run set-up (it has its site row): a file
    without one was never written to, as every write needs the site. Read without writing to it; True when
    it cannot be read (in doubt, a file is treated as holding records)."""
    try:
        with _snapshot(path) as conn:
            return int(conn.execute("SELECT count(*) FROM site").fetchone()[0]) > 0
    except (sqlite3.DatabaseError, OSError):
        return True


def other_database_beside(path: Path) -> Path | None:
    """Another partydesk database in ``path``'s folder, or None. Backups, stored files and logs go in folders
    beside the database, so two databases in one folder would thin each other's backups and remove files the
    other still uses. Hidden files (a restore's temporary copy) and files that cannot be read are passed over.
    """
    try:
        siblings = sorted(path.parent.glob("*.db"))
    except OSError:
        return None
    for sibling in siblings:
        if sibling.name.startswith(".") or sibling.resolve() == path.resolve() or not sibling.is_file():
            continue
        if _is_ours(sibling):
            return sibling
    return None


def _is_ours(path: Path) -> bool:
    """Whether ``path`` is a partydesk database: its header's application id, or, while that may still sit in
    the write-ahead log of a new file, the id as SQLite reads it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(72)
        if header[:len(SQLITE_MAGIC)] == SQLITE_MAGIC and int.from_bytes(header[68:72], "big") == APPLICATION_ID:
            return True
        if not Path(f"{path}-wal").exists():
            return False
        with _snapshot(path) as conn:
            return bool(conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID)
    except (OSError, sqlite3.DatabaseError):
        return False


def inspect_file(path: Path) -> Inspection:
    """Classify ``path`` without writing to it; raise a KnownError for files we must not touch."""
    if not path.exists():
        return Inspection(FileState.NEW)
    if path.stat().st_size == 0:
        return Inspection(FileState.EMPTY)
    with path.open("rb") as fh:
        magic = fh.read(len(SQLITE_MAGIC))
    if magic != SQLITE_MAGIC:
        raise NotPartydeskDatabaseError(f"“{path.name}”不是 partydesk 数据库文件，程序没有改动它。请选择正确的文件。")
    try:
        with _snapshot(path) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_version = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
    except sqlite3.DatabaseError as exc:
        mapped = known_error_from_db(exc)
        raise mapped or CorruptDatabaseError("数据库文件无法读取，可能已损坏。") from exc
    name = path.name
    if app_id != APPLICATION_ID or revision is None:
        raise NotPartydeskDatabaseError(
            f"“{name}”是其他程序的数据库，不是 partydesk 数据库，程序没有改动它。"
        )
    rev = str(revision[0])
    known = set(known_revisions())
    head = head_revision()
    if rev not in known or user_version > schema_number(head):
        raise SchemaTooNewError(
            f"这个数据库由更新版本的 partydesk 创建（结构版本 {user_version}，本程序只认识到 "
            f"{schema_number(head)}）。请安装新版本后再打开；程序没有改动这个文件。"
        )
    return Inspection(FileState.CURRENT if rev == head else FileState.OLDER, rev)


def _mark(conn: Connection, revision: str) -> None:
    # Bumped last, inside the same transaction as the schema change (ST-8).
    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.exec_driver_sql(f"PRAGMA user_version = {schema_number(revision)}")


def create_schema(engine: Engine) -> None:
    """A new file: create every table, stamp it at head, mark it as ours — one transaction."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        cfg.attributes["connection"] = conn
        command.stamp(cfg, "head")
        _mark(conn, head_revision())


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to ``target`` in one transaction; on failure the old schema stays."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        rev = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
        _mark(conn, str(rev))
