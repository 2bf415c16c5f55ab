"""Opening a database file safely, and the read/write sessions every repository and service uses.

``open_database`` inspects the file untouched, runs ``quick_check`` before anything is written, backs an
older file up before migrating it, and hands back a ``Database``. ``Database.write(actor)`` is the one
way to write: one transaction, the actor and clock attached for stamping, database errors turned into
KnownErrors and the transaction rolled back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from partydesk.core.changes import SYSTEM_ACTOR, Actor
from partydesk.core.clock import HybridClock
from partydesk.core.errors import CorruptDatabaseError, KnownError, known_error_from_db
from partydesk.core.storage import migrate
from partydesk.core.storage.engine import log_sqlite_version, make_engine
from partydesk.core.storage.settings_repo import ensure_rules
from partydesk.core.storage.stamping import INFO_ACTOR, INFO_CLOCK, INFO_WROTE, clock_from_site
from partydesk.core.storage.tables import Site

log = logging.getLogger(__name__)

BackupHook = Callable[[Path, str], object]


@dataclass(frozen=True)
class SiteInfo:
    """This installation, as the rest of the program sees it."""

    site_id: str
    role: str
    organisation_id: str | None


class Database:
    """One open database file: one engine with one connection, and this site's clock."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.clock: HybridClock | None = None
        self.site: SiteInfo | None = None
        self.changed = False
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
            raise _known(exc) from exc

    @contextmanager
    def write(self, actor: Actor, *, action: str = "") -> Iterator[Session]:
        """One write transaction: commits when the block ends, rolls back on any exception."""
        session = self._sessions()
        session.info[INFO_ACTOR] = actor
        if self.clock is not None:
            session.info[INFO_CLOCK] = self.clock
        try:
            yield session
            session.commit()
            if session.info.get(INFO_WROTE) and actor.role != "system":
                self.changed = True
        except SQLAlchemyError as exc:
            _rollback_quietly(session)
            raise _known(exc) from exc
        except BaseException:
            _rollback_quietly(session)
            raise
        finally:
            session.close()

    def _pragma(self, sql: str) -> list[str]:
        # Outside any transaction: wal_checkpoint cannot run inside one, and a check needs no lock.
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            rows = [str(r[0]) for r in cur.execute(sql).fetchall()]
            cur.close()
            return rows
        except Exception as exc:
            raise _known(exc) from exc
        finally:
            raw.close()

    def quick_check(self) -> list[str]:
        """``PRAGMA quick_check`` (engine-specific, hence here): an empty list means the file is sound."""
        rows = self._pragma("PRAGMA quick_check")
        return [] if rows == ["ok"] else rows

    def integrity_problems(self) -> list[str]:
        """The full ``integrity_check`` plus ``foreign_key_check``; empty when both pass."""
        rows = self._pragma("PRAGMA integrity_check")
        problems = [] if rows == ["ok"] else rows
        problems += [f"foreign key: {r}" for r in self._pragma("PRAGMA foreign_key_check")]
        return problems

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before a backup or on close), so the file stands alone."""
        self._pragma("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Checkpoint and release the connection."""
        try:
            self.checkpoint()
        except KnownError:
            log.warning("checkpoint on close failed", exc_info=True)
        self.engine.dispose()


def _rollback_quietly(session: Session) -> None:
    # After SQLITE_FULL, SQLite has already rolled back; a second ROLLBACK raises. Tolerate it.
    try:
        session.rollback()
    except SQLAlchemyError:
        log.debug("rollback after failure raised", exc_info=True)


def _known(exc: BaseException) -> BaseException:
    mapped = known_error_from_db(exc)
    return mapped if mapped is not None else exc


def open_database(path: Path, *, backup: BackupHook | None = None) -> Database:
    """Open (creating if new) the database at ``path``; see the module docstring for the order of checks.

    ``backup(path, reason)`` is called before a migration; a failing backup stops the migration.
    """
    log_sqlite_version()
    path = path.resolve()
    found = migrate.inspect_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        if found.state is migrate.FileState.NEW:
            migrate.create_schema(engine)
        db = Database(path, engine) if found.state is not migrate.FileState.NEW else None
        if db is not None:
            problems = db.quick_check()
            if problems:
                raise CorruptDatabaseError(
                    "数据库文件检查未通过，可能已损坏。为保护数据，程序不会写入它；请从备份恢复。",
                    code="corrupt",
                )
        if found.state is migrate.FileState.OLDER:
            if backup is not None:
                engine.dispose()
                backup(path, "migration")
            migrate.upgrade(engine)
        if db is None:
            db = Database(path, engine)
        with db.write(SYSTEM_ACTOR) as session:
            ensure_rules(session)
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
