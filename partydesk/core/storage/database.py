"""Opening a database file safely, and the read/write sessions every repository and service uses.

``open_database`` keeps a strict order so that an upgrade can never strand an install: inspect the file
read-only (refusing foreign, newer or damaged files untouched) → ``quick_check`` on the raw file → for an
older schema, a verified backup named ``pre-upgrade-<from>-to-<to>`` (never thinned) → all migrations in
one transaction → only then anything built on the current models (the site row, the rule upkeep). A
failed migration rolls back and leaves the file as it was; the error names the backup.

``Database.write(actor, action=...)`` is the one way to write: one transaction, the actor and clock
attached for stamping, one hash-chained audit row appended before the commit when anything changed,
database errors turned into KnownErrors and the transaction rolled back.

A database found damaged while open (SQLite reports its file malformed on a read or a write) becomes
read-only for the rest of the session (RELIABILITY ST-7): the file with its WAL and SHM is copied aside at
once, every later ``write`` is refused before it begins (``DamagedInSessionError``), and closing neither
checkpoints nor optimises, so nothing more is written to it. Reading goes on, for what can still be read.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from partydesk.core.changes import SYSTEM_ACTOR, Actor
from partydesk.core.clock import HybridClock
from partydesk.core.errors import (
    CorruptDatabaseError,
    DamagedInSessionError,
    EmptyDatabaseError,
    KnownError,
    MigrationFailedError,
    known_error_from_db,
)
from partydesk.core.storage import audit, backup, migrate, rowhash
from partydesk.core.storage.engine import log_sqlite_version, make_engine, make_private
from partydesk.core.storage.settings_repo import ensure_rules
from partydesk.core.storage.stamping import (
    INFO_ACTOR,
    INFO_CHANGES,
    INFO_CLOCK,
    INFO_REMOTE,
    INFO_WROTE,
    clock_from_site,
)
from partydesk.core.storage.tables import Site

log = logging.getLogger(__name__)

# backup(path, reason) -> the backup made (a BackupInfo or a Path); it must verify what it wrote.
BackupHook = Callable[[Path, str], object]
PRE_UPGRADE = backup.PRE_UPGRADE


@dataclass(frozen=True)
class SiteInfo:
    """This installation, as the rest of the program sees it."""

    site_id: str
    role: str
    organisation_id: str | None


BULK_CACHE_MIB = 64  # SQLite's page cache for a bulk write (the default is 2 MB)


class Database:
    """One open database file: one engine with one connection, and this site's clock."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.clock: HybridClock | None = None
        self.site: SiteInfo | None = None
        self.changed = False
        # Set when the file is found damaged while open: from then on read-only (``_found_damaged``), a copy of it
        # put in ``quarantine_dir`` (none is made without one).
        self.damaged: DamagedInSessionError | None = None
        self.quarantine_dir: Path | None = None
        self._folding: threading.Thread | None = None  # ``checkpoint_after``'s checkpoint, while it runs
        self.reload_site()

    def reload_site(self) -> None:
        """Read the site row (after first-run set-up, or at open)."""
        with self._sessions() as session:
            row = session.execute(select(Site).where(Site.id == 1)).scalar_one_or_none()
            if row is None:
                self.site, self.clock = None, None
                return
            self.site = SiteInfo(row.site_id, row.role, row.organisation_id)
            if self.clock is None:
                self.clock = clock_from_site(row)

    @property
    def needs_setup(self) -> bool:
        """True until first-run set-up has created the site row."""
        return self.site is None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed."""
        try:
            with self._sessions() as session:
                yield session
                session.rollback()
        except SQLAlchemyError as exc:
            raise self._noticed(_known(exc)) from exc
        except sqlite3.Error as exc:  # the driver's own cursor (SQLAlchemy never saw it): raised as it is
            self._noticed(known_error_from_db(exc) or exc)
            raise

    def _noticed(self, error: BaseException) -> BaseException:
        """``error`` as raised to the caller; when it says the file is damaged, the database is read-only from
        then on (``_found_damaged``, the first time) and the error says so."""
        if isinstance(error, CorruptDatabaseError):
            if self.damaged is None:
                return self._found_damaged()
            # Met again (or in a file opened only to look at): this part cannot be read, then why and what to do.
            return DamagedInSessionError("这部分内容在数据库文件损坏的地方，读不出来。" + self.damaged.message)
        return error

    def _refusal(self) -> DamagedInSessionError:
        assert self.damaged is not None
        return DamagedInSessionError(self.damaged.message)  # a new one each time: a raise keeps its traceback

    def _found_damaged(self) -> DamagedInSessionError:
        """Read-only from now on: the file, its WAL and SHM copied aside together (where the caller said), and
        the error every later write gets."""
        kept = None
        if self.quarantine_dir is not None:
            try:
                kept = backup.quarantine(self.path, self.quarantine_dir)
            except KnownError:
                log.exception("could not copy the damaged database aside")
        log.error("database found damaged while open; read-only from now on (copy: %s)", kept)
        where = f"损坏的文件已另存一份到：{kept}。" if kept is not None else ""
        self.damaged = DamagedInSessionError(
            "数据库文件已损坏。为保护数据，程序已转为只读模式：还能查看、打印和导出能读出的内容，但不能再修改，"
            f"修改也不会保存。{where}请用“文件 → 从备份恢复…”恢复最近的备份，或关闭程序后重新打开，按提示恢复。")
        return self.damaged

    @contextmanager
    def write(self, actor: Actor, *, action: str, remote: bool = False) -> Iterator[Session]:
        """One write transaction: commits when the block ends, rolls back on any exception.

        ``action`` names the kind of change for the audit trail ("member.add", "rule.update" …).
        ``remote=True`` applies records received from another site: they keep their version, author
        and owner (see ``stamping``). When the block changed any record, one audit row naming the
        actor, the action, the record ids and the changed field names is appended before the commit.
        """
        if not action:
            raise ValueError("Database.write needs an action name for the audit trail")
        if self.damaged is not None:
            raise self._refusal()  # before any transaction: a damaged file is not written again
        session = self._sessions()
        session.info[INFO_ACTOR] = actor
        changes = audit.ChangeLog()
        session.info[INFO_CHANGES] = changes
        if remote:
            session.info[INFO_REMOTE] = True
        if self.clock is not None:
            session.info[INFO_CLOCK] = self.clock
        try:
            yield session
            session.flush()
            if not changes.empty:
                audit.append(session, actor, action=action, record_ids=changes.record_ids,
                             summary=changes.summary())
            session.commit()
            if session.info.get(INFO_WROTE) and actor.role != "system":
                self.changed = True
        except SQLAlchemyError as exc:
            _rollback_quietly(session)
            raise self._noticed(_known(exc)) from exc
        except BaseException as exc:
            _rollback_quietly(session)
            if isinstance(exc, sqlite3.Error):  # the driver's own cursor: raised as it is
                self._noticed(known_error_from_db(exc) or exc)
            raise
        finally:
            session.close()

    def _pragma(self, sql: str) -> list[str]:
        return _pragma(self.engine, sql)

    @contextmanager
    def large_cache(self, mebibytes: int = BULK_CACHE_MIB) -> Iterator[None]:
        """SQLite's page cache raised to ``mebibytes`` for the block, then set back (which frees it again).

        Writing a hundred thousand rows into indexed tables touches index pages all over the file: with the
        default 2 MB cache most of them are read again for every few rows, with 64 MB they stay. Only the
        limit changes; the cache grows as far as the work needs and no further.
        """
        before = self._pragma("PRAGMA cache_size")[0]
        self._pragma(f"PRAGMA cache_size=-{int(mebibytes) * 1024}")
        try:
            yield
        finally:
            self._pragma(f"PRAGMA cache_size={int(before)}")

    @contextmanager
    def checkpoint_after(self) -> Iterator[None]:
        """SQLite's automatic checkpoint held back for the block; after it, the WAL is folded into the file on a
        thread of its own, with a connection of its own (a PASSIVE checkpoint: readers and writers go on).

        A write of a hundred thousand rows leaves a WAL of a couple of hundred megabytes. Folded at the
        commit, as SQLite does by itself, it would keep the caller waiting a second more after the data is
        already safe in the WAL (``synchronous=FULL``); SQLite's own advice for such writes is to turn the
        automatic checkpoint off and run it on another thread (wal.html, "Automatic Checkpoint"). A crash
        before the fold loses nothing: the next connection reads the WAL, and folds it in its turn.
        """
        before = self._pragma("PRAGMA wal_autocheckpoint")[0]
        self._pragma("PRAGMA wal_autocheckpoint=0")
        try:
            yield
        finally:
            self._pragma(f"PRAGMA wal_autocheckpoint={int(before)}")
            self._fold_in_background()

    def _fold_in_background(self) -> None:
        self.wait_for_fold()
        if self.damaged is not None:
            return  # nothing more is written to a damaged file

        def fold() -> None:
            try:
                with closing(sqlite3.connect(self.path, check_same_thread=False)) as connection:
                    connection.execute("PRAGMA busy_timeout=5000")
                    connection.execute("PRAGMA synchronous=FULL")  # the file synced before the WAL is reused
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            except sqlite3.Error:  # folded later: by the next automatic checkpoint, or on closing
                log.warning("background checkpoint failed", exc_info=True)

        self._folding = threading.Thread(target=fold, name="wal-checkpoint", daemon=True)
        self._folding.start()

    def wait_for_fold(self) -> None:
        """Return once a checkpoint ``checkpoint_after`` started has finished."""
        folding, self._folding = self._folding, None
        if folding is not None:
            folding.join()

    def quick_check(self) -> list[str]:
        """``PRAGMA quick_check`` (engine-specific, hence here): an empty list means the file is sound."""
        return _quick_check(self.engine)

    def integrity_problems(self) -> list[str]:
        """``integrity_check``, ``foreign_key_check`` and every row's content hash; empty when all pass."""
        rows = self._pragma("PRAGMA integrity_check")
        problems = [] if rows == ["ok"] else rows
        problems += [f"foreign key: {r}" for r in self._pragma("PRAGMA foreign_key_check")]
        if not problems:
            raw = self.engine.raw_connection()
            try:
                problems += rowhash.problems(raw.driver_connection)
            except Exception as exc:
                raise _known(exc) from exc
            finally:
                raw.close()
        return problems

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before a backup or on close), so the file stands alone."""
        self.wait_for_fold()
        if self.damaged is not None:
            return  # nothing more is written to a damaged file
        self._pragma("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Let SQLite refresh its query statistics where this session showed they are missing or stale
        (``PRAGMA optimize``: about 0.2 s once at 100 000 members, nothing when they are current; only
        counts are stored), checkpoint, and release the connection. A damaged file (``damaged``) is only
        let go: nothing more is written to it."""
        self.wait_for_fold()
        if self.damaged is not None:
            self.engine.dispose()
            return
        try:
            _pragma(self.engine, "PRAGMA analysis_limit=0", "PRAGMA optimize")
        except Exception:  # statistics only speed queries up: they never stand in the way of closing
            log.warning("optimize on close failed", exc_info=True)
        try:
            self.checkpoint()
        except KnownError:
            log.warning("checkpoint on close failed", exc_info=True)
        self.engine.dispose()


def _pragma(engine: Engine, *sql: str) -> list[str]:
    # Outside any transaction: wal_checkpoint cannot run inside one, and a check needs no lock. With several
    # statements (one connection, in order), the rows of the last.
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        rows: list[str] = []
        for statement in sql:
            rows = [str(r[0]) for r in cur.execute(statement).fetchall()]
        cur.close()
        return rows
    except Exception as exc:
        raise _known(exc) from exc
    finally:
        raw.close()


def _refuse_shared_folder(path: Path) -> None:
    """A new database goes in a folder of its own (``migrate.other_database_beside`` says why)."""
    other = migrate.other_database_beside(path)
    if other is not None:
        raise KnownError(
            f"文件夹 {path.parent} 里已经有一个 partydesk 数据库（{other.name}）。每个数据库要放在单独的文件夹里："
            "备份、附件和日志都保存在数据库旁边，两个数据库放在一起会互相删掉备份和附件。"
            f"请换一个文件夹，例如 {path.parent / path.stem / path.name}。", code="folder_taken")


def _quick_check(engine: Engine) -> list[str]:
    rows = _pragma(engine, "PRAGMA quick_check")
    return [] if rows == ["ok"] else rows


def _rollback_quietly(session: Session) -> None:
    # After SQLITE_FULL, SQLite has already rolled back; a second ROLLBACK raises. Tolerate it.
    try:
        session.rollback()
    except SQLAlchemyError:
        log.debug("rollback after failure raised", exc_info=True)


def _known(exc: BaseException) -> BaseException:
    mapped = known_error_from_db(exc)
    return mapped if mapped is not None else exc


def open_database(path: Path, *, backup: BackupHook | None = None, create: bool = True,
                  quarantine_dir: Path | None = None) -> Database:
    """Open (creating if new) the database at ``path``; see the module docstring for the order of steps.

    ``backup(path, reason)`` makes the verified pre-upgrade backup (default: ``backups`` beside the
    file); a failing backup stops the upgrade before anything is written. With ``create`` false a
    missing or empty file is an error; with it true (init, first-run set-up) a missing file is created,
    and an empty one too, unless backups beside it show a database was there: then the empty file is
    an EmptyDatabaseError naming the newest verified backup, never silently rebuilt. ``quarantine_dir`` is
    where a copy goes when the file is found damaged while open (none is made without it).
    """
    log_sqlite_version()
    path = path.resolve()
    found = migrate.inspect_file(path)
    if found.state is migrate.FileState.EMPTY:
        _refuse_empty(path, create=create)
        found = migrate.Inspection(migrate.FileState.NEW)
    elif found.state is migrate.FileState.NEW and not create:
        raise KnownError(f"找不到数据库文件：{path}。请先运行 partydesk init 或用 --db 指定文件。", code="no_db")
    if found.state is migrate.FileState.NEW:
        _refuse_shared_folder(path)
    make_private(path)
    engine = make_engine(path)
    try:
        if found.state is migrate.FileState.NEW:
            migrate.create_schema(engine)
        else:
            # The raw file only: nothing here touches a table through the current models.
            if _quick_check(engine):
                raise CorruptDatabaseError(
                    "数据库文件检查未通过，可能已损坏。为保护数据，程序不会写入它；请从备份恢复。",
                    code="corrupt",
                )
            if found.state is migrate.FileState.OLDER:
                engine.dispose()
                _upgrade(engine, path, str(found.revision), backup)
        db = Database(path, engine)
        with db.write(SYSTEM_ACTOR, action="system.rules") as session:
            ensure_rules(session)
        db.quarantine_dir = quarantine_dir  # damage found from here on is copied aside (before, the caller does)
        return db
    except KnownError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise _known(exc) from exc
    except BaseException:
        engine.dispose()
        raise


VIEWING_MESSAGE = ("这是一个已损坏的数据库文件，现在只读查看：还能查看、打印和导出能读出的内容，但不能修改，"
                   "损坏部分的记录可能缺少或读不出。要恢复，请用“文件 → 从备份恢复…”；"
                   "要抢救损坏文件里的内容，请关闭程序后重新打开，按提示选择“抢救”。")


def open_for_viewing(path: Path) -> Database:
    """A database found damaged at start-up, opened only to look at (RELIABILITY 0.6: "open read-only"):
    SQLite opens the file for reading only, and the database is marked damaged from the start, so every
    write is refused before it begins (``DamagedInSessionError``), no backup is made of it and closing writes
    nothing. Nothing is checked or upgraded first. KnownError when not even that much can be read: a file of
    an older version (its tables are not what this program reads), or one whose list of tables or site is
    unreadable."""
    log_sqlite_version()
    path = path.resolve()
    found = migrate.inspect_file(path)
    if found.state is not migrate.FileState.CURRENT:
        raise KnownError("这个文件是旧版本程序的数据库，损坏后不能只读查看：请恢复备份，或抢救能读出的内容。",
                         code="view_older")
    engine = make_engine(path, read_only=True)
    unreadable = KnownError("损坏的文件连本单位的基本信息都读不出，无法只读查看：请恢复备份，或抢救能读出的内容。",
                            code="view_unreadable")
    try:
        db = Database(path, engine)
    except (SQLAlchemyError, sqlite3.Error, KnownError) as exc:  # (a KnownError: a PRAGMA refused on connecting)
        engine.dispose()
        raise unreadable from exc
    if db.site is None:  # not set up, or its site row lost: nothing to look at (and no set-up on a damaged file)
        engine.dispose()
        raise unreadable
    db.damaged = DamagedInSessionError(VIEWING_MESSAGE)
    return db


def _refuse_empty(path: Path, *, create: bool) -> None:
    newest = next((b for b in backup.list_backups(backup.default_backup_dir(path)) if backup.verify_backup(b.path)),
                  None)
    if newest is not None:
        raise EmptyDatabaseError(
            f"数据库文件“{path.name}”是空的（0 字节），原有数据已丢失。程序不会把它当作新数据库。"
            f"最近一次经过校验的备份是“{newest.path.name}”（{newest.created:%Y-%m-%d %H:%M}），"
            f"请从它恢复：partydesk restore \"{newest.path}\" --db \"{path}\"。"
        )
    if not create:
        raise EmptyDatabaseError(
            f"数据库文件“{path.name}”是空的（0 字节），旁边也没有备份。如果这是新安装，请运行 partydesk init；"
            "否则请找回原来的数据库文件或备份。"
        )


def _upgrade(engine: Engine, path: Path, old: str, hook: BackupHook | None) -> None:
    """Verified pre-upgrade backup, then every migration in one transaction; the error names the backup."""
    new = migrate.head_revision()
    reason = f"{PRE_UPGRADE}-{old}-to-{new}"
    if hook is not None:
        made = hook(path, reason)
    else:
        made = backup.make_backup(path, backup.default_backup_dir(path), reason=reason)
    saved = getattr(made, "path", made)
    log.info("upgrading schema %s -> %s; backup %s", old, new, saved)
    try:
        migrate.upgrade(engine)
    except Exception as exc:
        log.exception("schema upgrade %s -> %s failed and was rolled back", old, new)
        engine.dispose()
        cause = known_error_from_db(exc)
        why = f"（{cause.message}）" if cause is not None else ""
        raise MigrationFailedError(
            f"数据库升级（结构版本 {old} → {new}）没有成功{why}，数据库文件保持原样，没有被改动。"
            f"升级前已做好并校验过的备份在：{saved}。请联系技术支持；需要时可用这个备份恢复。",
            backup_path=str(saved),
        ) from exc
