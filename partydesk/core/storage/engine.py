"""The SQLite engine: the PRAGMAs of DESIGN.md applied and verified at every connect, one connection.

This module and the backup code are the only places that speak SQLite itself; everything else uses
dialect-neutral SQLAlchemy so a committee can later point the program at a server database.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from partydesk.core.domain.pinyin import name_order
from partydesk.core.errors import KnownError, ReadOnlyError

log = logging.getLogger(__name__)

# "PDSK": marks a file as ours in the SQLite header (offset 68), so a foreign file is never migrated.
APPLICATION_ID = 0x5044534B

PRAGMAS: tuple[tuple[str, str, object], ...] = (
    # (pragma, value set, value expected on read-back)
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", 2),
    ("foreign_keys", "ON", 1),
    ("busy_timeout", "5000", 5000),
    ("trusted_schema", "OFF", 0),
    ("secure_delete", "ON", 1),
    ("temp_store", "MEMORY", 2),
)

# SQLite 3.7.0–3.51.2 has a WAL-reset bug that needs two writers; we have one, but log it (RELIABILITY §0.2).
SAFE_SQLITE = (3, 51, 3)


def apply_pragmas(dbapi_conn: sqlite3.Connection) -> None:
    """Set every PRAGMA and read it back; refuse to go on if any did not take (ST-1)."""
    cur = dbapi_conn.cursor()
    try:
        for name, value, expected in PRAGMAS:
            cur.execute(f"PRAGMA {name}={value}")
            got = cur.execute(f"PRAGMA {name}").fetchone()[0]
            if isinstance(got, str):
                got = got.lower()
            if got != expected:
                if name == "journal_mode":
                    raise ReadOnlyError(
                        "无法以安全模式（WAL）打开数据库，可能位于网络盘、U 盘或只读位置。"
                        "请把数据库放在本机硬盘上。",
                        code="no_wal",
                    )
                raise KnownError(f"数据库设置 {name} 未能生效（{got!r}），为保护数据已停止。", code="pragma")
    finally:
        cur.close()


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and owner-only (0600) if it does not exist, in an owner-only folder.

    SQLite gives the -wal and -shm files the permissions of the database file, so this keeps all three
    from being readable by other users of the machine (they hold ID numbers). On Windows the file stays
    in the user's profile, which is already private.
    """
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def make_private(path: Path) -> None:
    """Create the database file owner-only if new, and take group/other access away from an older one.

    Called once the file is known to be ours. Files written before this rule were 0644.
    """
    create_private_file(path)
    if os.name == "posix":
        for item in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if item.exists() and item.stat().st_mode & 0o077:
                item.chmod(0o600)


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine over ``path`` with exactly one pooled connection (one writer: house rule 5).

    The connection is made by ``sqlite3.connect(path)`` itself: a path pasted into a ``sqlite:///`` URL
    would read ``%41`` as ``A`` and ``?`` as the start of a query, and open a different file.

    ``read_only``: SQLite opens the file for reading only (``mode=ro``, through a URI built from the path by
    ``Path.as_uri``, which escapes such characters), so no statement can change it; its transactions begin
    deferred, as a reader's.
    """

    def connect() -> sqlite3.Connection:
        if read_only:
            return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        return sqlite3.connect(os.fspath(path), check_same_thread=False)

    engine = create_engine(
        "sqlite://",
        creator=connect,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=30,
        # Error texts must never carry personal data into logs or crash reports (RELIABILITY X-10).
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide where transactions begin, so DDL is transactional too.
        dbapi_conn.isolation_level = None
        apply_pragmas(dbapi_conn)
        # Lists of people are ordered by ``name_order(name)`` in SQL, as the roster orders them in Python.
        dbapi_conn.create_function("name_order", 1, name_order, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def sqlite_version_info() -> tuple[int, ...]:
    """The version of the SQLite library in use."""
    return sqlite3.sqlite_version_info


def log_sqlite_version() -> None:
    """Log the library version and warn when it predates the WAL-reset fix."""
    version = sqlite3.sqlite_version
    if sqlite3.sqlite_version_info < SAFE_SQLITE:
        log.warning("SQLite %s predates 3.51.3 (WAL-reset fix); safe only with one writer", version)
    else:
        log.info("SQLite %s", version)
