"""Salvage of a damaged database into a new file (RELIABILITY ST-7, the last way back after the backups).

SQLite's own ``.recover`` lives in its command-line shell, which an office PC does not have; this does the
same work through the driver, table by table: the new file gets the damaged one's schema (its tables and
indexes as the file itself declares them, its schema version and mark), then every row that can still be
read. A stretch of a table on a damaged page cannot be read: the reader skips past it by rowid and goes on
with the rows after it, counting each such stretch. What is kept must also be sound: a row whose content no
longer matches its row hash is left out (its bytes were changed on disk), and so is a row that names a
parent row which did not come back (an attendance of a lost meeting), so the new file passes every check a
backup must pass. Triggers are made after the rows are in, so copying fires none of them.

The damaged file is never written: the work is done on a private copy of it (with its WAL, which holds
committed changes the main file lacks).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from partydesk.core.atomicfile import known_error_from_os
from partydesk.core.errors import BackupError, known_error_from_db
from partydesk.core.progress import NULL_PROGRESS, Progress
from partydesk.core.storage import rowhash

log = logging.getLogger(__name__)

_SIDECARS = ("-wal", "-shm")
_LOWEST, _HIGHEST = -(2**63), 2**63 - 1
_BATCH = 2000


@dataclass(frozen=True)
class TableSalvage:
    """One table of a salvage: the rows kept, the rows read but left out (content not matching its hash, a
    duplicate, or naming a parent row that was lost), and the stretches that could not be read at all."""

    table: str
    kept: int
    left_out: int = 0
    unreadable: int = 0
    from_backup: tuple[int, ...] = ()  # rowids, among ``kept``, of rows the salvage lost that the backup gave back

    @property
    def whole(self) -> bool:
        return not self.left_out and not self.unreadable and not self.from_backup


@dataclass(frozen=True)
class SalvageReport:
    """What a salvage brought back, per table in the file's own order."""

    path: Path
    tables: tuple[TableSalvage, ...]

    @property
    def whole(self) -> bool:
        """Whether every row of every table came back (nothing unreadable, nothing left out)."""
        return all(t.whole for t in self.tables)

    def of(self, table: str) -> TableSalvage | None:
        return next((t for t in self.tables if t.table == table), None)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Reader:
    """Rows of one table in rowid order, skipping past what cannot be read (``stretches``: the rowid ranges
    skipped, each as (last rowid read, first point past it that reads), the end of the table for the last)."""

    def __init__(self, conn: sqlite3.Connection, table: str, columns: list[str]) -> None:
        self.conn = conn
        self.stretches: list[tuple[int, int]] = []
        self.select = (f"SELECT rowid, {', '.join(map(_quoted, columns))} FROM {_quoted(table)} "
                       "WHERE rowid > ? ORDER BY rowid")

    def rows(self) -> Iterator[tuple[object, ...]]:
        after: int | None = _LOWEST
        while after is not None:
            try:
                for row in self.conn.execute(self.select, (after,)):
                    after = row[0]
                    yield row[1:]
                return
            except sqlite3.DatabaseError:
                resume = self._resume_after(after)
                self.stretches.append((after, _HIGHEST if resume is None else resume))
                after = resume

    def _readable_after(self, point: int) -> bool:
        try:
            self.conn.execute(self.select + " LIMIT 1", (point,)).fetchall()
        except sqlite3.DatabaseError:
            return False
        return True

    def _resume_after(self, failed: int) -> int | None:
        """The smallest point past ``failed`` from which the next row reads (None: nothing further reads).
        Steps doubling from ``failed`` find a readable point, then halving finds the first one."""
        step = 1
        while not self._readable_after(min(failed + step, _HIGHEST)):
            if failed + step >= _HIGHEST:
                return None
            step *= 2
        low, high = failed + step // 2, min(failed + step, _HIGHEST)  # low fails (or is ``failed``), high reads
        while high - low > 1:
            middle = (low + high) // 2
            if self._readable_after(middle):
                high = middle
            else:
                low = middle
        return high


def _open_copy(source: Path, folder: Path, *, with_wal: bool) -> sqlite3.Connection:
    copy = folder / source.name
    shutil.copyfile(source, copy)
    for suffix in _SIDECARS:
        part = Path(f"{source}{suffix}")
        if with_wal and part.is_file():
            shutil.copyfile(part, f"{copy}{suffix}")
    conn = sqlite3.connect(str(copy), isolation_level=None)
    conn.execute("PRAGMA trusted_schema=OFF")  # never run functions a damaged schema might name
    return conn


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return [(str(kind), str(name), str(sql)) for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY rowid")]


def _readable_source(source: Path, folder: Path) -> tuple[sqlite3.Connection, list[tuple[str, str, str]]]:
    """A connection to a private copy of ``source`` whose schema reads, with that schema: with the WAL
    first, and without it when the WAL itself is what is damaged."""
    for with_wal in (True, False):
        sub = folder / ("wal" if with_wal else "main")
        sub.mkdir()
        conn = None
        try:
            conn = _open_copy(source, sub, with_wal=with_wal)
            return conn, _schema(conn)
        except sqlite3.DatabaseError:
            if conn is not None:
                conn.close()
    raise BackupError("损坏的数据库连表结构都读不出来（文件开头已损坏），无法抢救。"
                      "请用U盘上的备份恢复，或请技术人员帮助。")


def salvage(source: Path, target: Path, progress: Progress = NULL_PROGRESS, *,
            fallback: Path | None = None) -> SalvageReport:
    """Every readable, sound row of the damaged database ``source`` into the new file ``target`` (which must
    not exist). BackupError when nothing can be salvaged; ``source`` is only read.

    ``fallback``, a verified backup of the same file, gives back what it holds of the stretches that could
    not be read (as it was when the backup was made), and any row a salvaged row names as its parent (an
    organisation its members belong to, a meeting its attendance belongs to), which would otherwise take
    those rows with it. This office's own settings (``site``: its identity, clock and change counter) come
    back so too; its counters are then moved past every salvaged row's (``_counters_past``)."""
    if target.exists():
        raise BackupError(f"抢救的目标文件已存在：{target}")
    try:
        with tempfile.TemporaryDirectory(prefix="pd-salvage-") as scratch:
            src, schema = _readable_source(source, Path(scratch))
            try:
                return _salvage_into(src, schema, target, progress, fallback)
            finally:
                src.close()
    except BaseException as exc:
        for suffix in ("", *_SIDECARS, "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{target}{suffix}").unlink()
        if isinstance(exc, (sqlite3.Error, OSError)):  # a full disk, a folder not writable: said, nothing used
            known = known_error_from_os(exc) if isinstance(exc, OSError) else known_error_from_db(exc)
            raise (known or BackupError(f"抢救时读写文件出错（{exc}），没有使用抢救的结果。")) from exc
        raise


def _salvage_into(src: sqlite3.Connection, schema: list[tuple[str, str, str]], target: Path,
                  progress: Progress, fallback: Path | None) -> SalvageReport:
    out = sqlite3.connect(str(target), isolation_level=None)
    try:
        out.execute("PRAGMA foreign_keys=OFF")
        out.execute("BEGIN")
        for pragma in ("application_id", "user_version"):
            with contextlib.suppress(sqlite3.DatabaseError):
                out.execute(f"PRAGMA {pragma} = {int(src.execute(f'PRAGMA {pragma}').fetchone()[0])}")
        for kind, _name, sql in schema:
            if kind in ("table", "index"):
                out.execute(sql)
        tables = [name for kind, name, _sql in schema if kind == "table"]
        counts: dict[str, list[int]] = {}
        given: dict[str, list[int]] = {}
        skipped: dict[str, list[tuple[int, int]]] = {}
        for number, table in enumerate(tables):
            progress.step(number, len(tables) + 1, table)
            counts[table], skipped[table] = _copy_table(src, out, table)
        if fallback is not None:
            for table, rows in _fill_from(out, fallback, skipped).items():
                counts[table][0] += len(rows)
                given[table] = rows
        for table, dropped in _drop_orphans(out).items():
            counts[table][0] -= dropped
            counts[table][1] += dropped
        _counters_past(out)
        for kind, _name, sql in schema:
            if kind not in ("table", "index"):
                out.execute(sql)
        out.execute("COMMIT")
        problems = [r[0] for r in out.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise BackupError(f"抢救出的文件未通过检查（{problems[0]}），没有使用。")
        progress.step(len(tables) + 1, len(tables) + 1)
    finally:
        out.close()
    report = SalvageReport(target, tuple(TableSalvage(t, counts[t][0], counts[t][1], counts[t][2],
                                                      tuple(given.get(t, ()))) for t in tables))
    log.warning("salvaged %s: %s", target.name, ", ".join(f"{t.table} {t.kept}/-{t.left_out}/~{t.unreadable}"
                                                             for t in report.tables if not t.whole) or "whole")
    return report


def _copy_table(src: sqlite3.Connection, out: sqlite3.Connection,
                table: str) -> tuple[list[int], list[tuple[int, int]]]:
    """[kept, left out, unreadable stretches] of one table copied from ``src`` into ``out``, and the rowid
    ranges of those stretches (``_Reader``)."""
    try:
        columns = [str(r[1]) for r in src.execute(f"PRAGMA table_info({_quoted(table)})")]
    except sqlite3.DatabaseError:
        return [0, 0, 1], [(_LOWEST, _HIGHEST)]
    reader = _Reader(src, table, columns)
    insert = (f"INSERT OR IGNORE INTO {_quoted(table)} ({', '.join(map(_quoted, columns))}) "
              f"VALUES ({', '.join('?' * len(columns))})")
    at = columns.index(rowhash.HASH_COLUMN) if rowhash.HASH_COLUMN in columns else None
    kept = left_out = 0
    batch: list[tuple[object, ...]] = []

    def flush() -> None:
        nonlocal kept, left_out
        done = out.executemany(insert, batch).rowcount
        kept += done
        left_out += len(batch) - done
        batch.clear()

    for row in reader.rows():
        if at is not None and row[at] != rowhash.digest(table, zip(columns, row, strict=True)):
            left_out += 1
            continue
        batch.append(row)
        if len(batch) >= _BATCH:
            flush()
    if batch:
        flush()
    return [kept, left_out, len(reader.stretches)], reader.stretches


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA {schema}.table_info({_quoted(table)})")]


def _fill_from(out: sqlite3.Connection, fallback: Path,
               skipped: dict[str, list[tuple[int, int]]]) -> dict[str, list[int]]:
    """The rows ``salvage``'s ``fallback`` gives back, their rowids per table (none where its tables differ):
    its rows in the rowid ranges that could not be read (a backup is a page-by-page copy: a row keeps its
    rowid), then any row a salvaged row names as its parent and that is still missing."""
    out.execute("COMMIT")  # ATTACH is not allowed inside a transaction
    out.execute("ATTACH DATABASE ? AS fallback", (f"{fallback.resolve().as_uri()}?mode=ro",))
    out.execute("BEGIN")
    filled: dict[str, list[int]] = {}

    def take(table: str, where: str = "", args: tuple[object, ...] = ()) -> int:
        names = _columns(out, "main", table)
        if not names or set(names) - set(_columns(out, "fallback", table)):
            return 0
        listed = ", ".join(map(_quoted, names))
        done = [int(r[0]) for r in out.execute(
            f"INSERT OR IGNORE INTO main.{_quoted(table)} ({listed}) SELECT {listed} FROM "
            f"fallback.{_quoted(table)} {where} RETURNING rowid", args).fetchall()]
        filled.setdefault(table, []).extend(done)
        return len(done)

    try:
        for table, stretches in skipped.items():
            for low, high in stretches:
                take(table, "WHERE rowid > ? AND rowid <= ?", (low, high))
        gained = True
        while gained:  # a parent given back may itself name a parent that was lost
            gained = False
            for table, rowid, parent, key in out.execute("PRAGMA main.foreign_key_check").fetchall():
                link = [(str(r[3]), str(r[4])) for r in out.execute(f"PRAGMA main.foreign_key_list({_quoted(table)})")
                        if r[0] == key]
                if rowid is None or len(link) != 1:
                    continue
                mine, theirs = link[0]
                value = out.execute(f"SELECT {_quoted(mine)} FROM main.{_quoted(table)} WHERE rowid = ?",
                                    (rowid,)).fetchone()[0]
                gained = take(str(parent), f"WHERE {_quoted(theirs)} = ?", (value,)) > 0 or gained
    except sqlite3.DatabaseError:
        log.warning("the backup could not give back lost rows", exc_info=True)
    out.execute("COMMIT")
    out.execute("DETACH DATABASE fallback")
    out.execute("BEGIN")
    return filled


def _counters_past(out: sqlite3.Connection) -> None:
    """This office's change counter and clock (``site``) at least as far as any salvaged row shows them: a
    ``site`` row given back from an older backup must not hand out a change number or a version again."""
    from partydesk.core.storage.clock_repo import SITE_AT

    found = out.execute("SELECT site_id, change_seq, hlc_last FROM site WHERE id = 1").fetchone() \
        if "site" in _tables(out) else None
    if found is None:
        return
    site_id, seq, last = found
    for table in _tables(out):
        names = _columns(out, "main", table)
        if "change_seq" in names and table != "site":
            seq = max(seq, out.execute(f"SELECT coalesce(max(change_seq), 0) FROM {_quoted(table)}").fetchone()[0])
        if "version" in names:
            last = max(last, out.execute(f"SELECT coalesce(max(version), '') FROM {_quoted(table)} "
                                         "WHERE substr(version, ?) = ?", (SITE_AT, site_id)).fetchone()[0])
    out.execute("UPDATE site SET change_seq = ?, hlc_last = ? WHERE id = 1", (seq, last))


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [str(r[0]) for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")]


def _drop_orphans(out: sqlite3.Connection) -> dict[str, int]:
    """Rows naming a parent row that is not in the new file, removed (again, as a removal may orphan more)."""
    dropped: dict[str, int] = {}
    while True:
        found = {(str(table), int(rowid)) for table, rowid, _parent, _key in
                 out.execute("PRAGMA foreign_key_check").fetchall() if rowid is not None}
        if not found:
            return dropped
        for table, rowid in found:
            out.execute(f"DELETE FROM {_quoted(table)} WHERE rowid = ?", (rowid,))
            dropped[table] = dropped.get(table, 0) + 1
