"""RELIABILITY D-1: SIGKILL at random moments never corrupts the file or leaves half a transaction.

100 kills in all, each followed by ``integrity_check`` and a check that the data is wholly before or
wholly after the write in flight:

- 70 during service writes: the writer saves the organisation with a sequence number ``n`` in three
  fields (one transaction, which also bumps ``change_seq``, the HLC and the audit trail), then sets a
  rule from ``n`` (a second transaction), and only then prints ``ACK n``; every acknowledged ``n`` must
  be stored;
- 10 during a bulk insert of members (the importer's Core fast path, one transaction);
- 10 during the upgrade of a copy of the stored schema-0002 database to head;
- 10 during verified backups of a database holding thousands of members.

The writers are forked from one "zygote" process that has already imported the program, so a kill
costs milliseconds rather than a Python start-up. A last test kills the very first run before SQLite
has checkpointed anything into the main file.
"""

from __future__ import annotations

import contextlib
import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.maintenance import backup_dir, check_database, list_backups
from partydesk.core.services.rules import set_rule
from partydesk.core.services.setup import OrganisationInput, initialise_site
from partydesk.core.storage import migrate
from partydesk.core.storage.backup import verify_backup
from partydesk.core.storage.database import open_database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork do not exist on Windows"),
]

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_0002 = ROOT / "tests" / "data" / "schemas" / "0002.db"
WRITER_KILLS, BULK_KILLS, UPGRADE_KILLS, BACKUP_KILLS = 70, 10, 10, 10
BULK = 1500
SEED = int(os.environ.get("PARTYDESK_KILL_SEED", "20240701"))
RULE = "meeting.general.months"

ZYGOTE = textwrap.dedent(
    f"""
    import os
    import random
    import sys
    import time
    import traceback
    from pathlib import Path

    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.demo import demo_members
    from partydesk.core.services import maintenance
    from partydesk.core.services.bulk import insert_members
    from partydesk.core.services.rules import set_rule
    from partydesk.core.services.setup import OrganisationInput, own_organisation, update_organisation
    from partydesk.core.storage import migrate
    from partydesk.core.storage.database import open_database

    migrate.script_directory()  # load alembic now, so a child's time goes to its job

    def say(text):
        # One write(2) of a short line to a pipe is atomic: a kill never leaves half a line behind.
        os.write(1, (text + "\\n").encode())

    def writer(path):
        db = open_database(Path(path))
        org = own_organisation(db)
        n = int(org.code.lstrip("N"))
        say(f"READY {{n}}")
        while True:
            n += 1
            update_organisation(db, LOCAL_USER, org_id=org.id, data=OrganisationInput(
                name=f"断电测试支部{{n}}", code=f"N{{n}}", org_type=org.org_type, secretary=f"书记{{n}}"))
            set_rule(db, LOCAL_USER, key={RULE!r}, value=n % 12 + 1)
            say(f"ACK {{n}}")

    def bulk(path, seed):
        db = open_database(Path(path))
        members = demo_members(random.Random(int(seed)), {BULK})
        say("READY")
        started = time.perf_counter()
        insert_members(db, LOCAL_USER, members)
        say(f"ACK {{time.perf_counter() - started:.3f}}")

    def upgrade(path):
        original = migrate.upgrade

        def traced(engine, target="head"):
            say("MIGRATING")
            started = time.perf_counter()
            original(engine, target)
            say(f"MIGRATED {{time.perf_counter() - started:.3f}}")

        migrate.upgrade = traced
        open_database(Path(path), backup=maintenance.backup_file)
        say("ACK")

    def backup(path):
        db = open_database(Path(path))
        say("READY")
        while True:
            info = maintenance.backup_now(db, reason="manual")
            say(f"ACK {{info.path.name}}")

    JOBS = {{"writer": writer, "bulk": bulk, "upgrade": upgrade, "backup": backup}}
    for line in sys.stdin:
        name, *args = line.split()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                JOBS[name](*args)
            except BaseException:
                traceback.print_exc()
                code = 3
            os._exit(code)
        say(f"PID {{pid}}")
        _, status = os.waitpid(pid, 0)
        say(f"DEAD {{status}}")
    """
)


def _reader(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


class Zygote:
    """The forking parent of every writer; ``run`` starts a job, kills it, and returns what it printed."""

    def __init__(self, log: Path) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        env["PYTHONIOENCODING"] = "utf-8"
        self.log = log
        self._stderr = log.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE], cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._stderr, text=True, encoding="utf-8", bufsize=1,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=_reader, args=(self.proc.stdout, self.lines), daemon=True)
        self._reader.start()

    def _next(self, context: str) -> str:
        try:
            line = self.lines.get(timeout=60)
        except queue.Empty:
            pytest.fail(f"{context}: no output for 60 s\n{self.log.read_text(encoding='utf-8')}")
        if line is None:
            pytest.fail(f"{context}: the zygote died\n{self.log.read_text(encoding='utf-8')}")
        assert line.endswith("\n"), f"{context}: half a line {line!r}"
        return line.strip()

    def run(self, context: str, job: str, *args: str, kill_after: str, delay: float) -> tuple[list[str], bool]:
        """Run ``job``; once it prints ``kill_after``, wait ``delay`` s and SIGKILL it.

        Returns its output lines and whether the kill ended it (False: it had already finished).
        """
        assert self.proc.stdin is not None
        self.proc.stdin.write(" ".join((job, *args)) + "\n")
        self.proc.stdin.flush()
        first = self._next(context)
        assert first.startswith("PID "), f"{context}: {first!r}"
        pid = int(first.split()[1])
        out: list[str] = []
        while not (line := self._next(context)).startswith(kill_after):
            assert not line.startswith("DEAD"), f"{context}: ended early\n{self.log.read_text(encoding='utf-8')}"
            out.append(line)
        out.append(line)
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):  # it may have finished already
            os.kill(pid, signal.SIGKILL)
        while not (line := self._next(context)).startswith("DEAD "):
            out.append(line)
        status = int(line.split()[1])
        if os.WIFEXITED(status):
            assert os.WEXITSTATUS(status) == 0, f"{context}: job failed\n{self.log.read_text(encoding='utf-8')}"
            return out, False
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, context
        return out, True

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._stderr.close()


@pytest.fixture
def zygote(tmp_path: Path) -> Iterator[Zygote]:
    """One forking parent for the whole test."""
    z = Zygote(tmp_path / "zygote-stderr.txt")
    yield z
    z.close()


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _integrity(path: Path) -> list[object]:
    return [r[0] for r in _query(path, "PRAGMA integrity_check")]


def _rule_value(n: int) -> int:
    return n % 12 + 1


def _state(path: Path) -> dict[str, object]:
    """What the file holds, read with plain sqlite3 before the app opens it again."""
    ((name, code, secretary, org_seq, org_version),) = _query(
        path, "SELECT name, code, secretary, change_seq, version FROM organisation")
    ((site_seq, hlc_last),) = _query(path, "SELECT change_seq, hlc_last FROM site WHERE id = 1")
    ((rule,),) = _query(path, f"SELECT value FROM rule WHERE key = '{RULE}'")
    ((audits, last_action),) = _query(
        path, "SELECT count(*), (SELECT action FROM audit ORDER BY seq DESC LIMIT 1) FROM audit")
    return {"integrity": _integrity(path), "name": name, "code": code, "secretary": secretary,
            "org_seq": org_seq, "org_version": org_version, "site_seq": site_seq, "hlc_last": hlc_last,
            "rule": rule, "audits": audits, "last_action": last_action}


def _new_branch(path: Path) -> None:
    db = open_database(path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="断电测试支部0", code="N0"),
                    role="branch")
    set_rule(db, LOCAL_USER, key=RULE, value=_rule_value(0))
    db.close()


def test_sigkilled_writers_never_corrupt_or_leave_half_a_write(tmp_path: Path, zygote: Zygote) -> None:
    """100 SIGKILLs across service writes, a bulk insert, an upgrade and backups: always whole, always sound."""
    rng = random.Random(SEED)
    _kill_service_writes(tmp_path / "writes" / "partydesk.db", zygote, rng)
    bulk_db = tmp_path / "bulk" / "partydesk.db"
    _kill_bulk_inserts(bulk_db, zygote, rng)
    _kill_upgrades(tmp_path / "upgrades", zygote, rng)
    _kill_backups(bulk_db, zygote, rng)


def _kill_service_writes(path: Path, zygote: Zygote, rng: random.Random) -> None:
    path.parent.mkdir()
    _new_branch(path)
    base = _state(path)
    base_seq, base_audits = base["site_seq"], base["audits"]
    assert isinstance(base_seq, int) and isinstance(base_audits, int)
    acked = 0  # the highest n the writer acknowledged, over all runs
    floor = 0  # what the file held after the previous kill
    total_acks = 0
    rules_committed = 0  # rule writes that reached the file, over all runs
    prev_rule = base["rule"]
    for kill in range(WRITER_KILLS):
        context = f"service-write kill {kill + 1}/{WRITER_KILLS}, seed {SEED}"
        out, killed = zygote.run(context, "writer", str(path), kill_after="READY",
                                 delay=rng.uniform(0.02, 0.15))
        assert killed, f"{context}: the writer ended by itself"
        assert out[0] == f"READY {floor}", context
        acks = [int(line.split()[1]) for line in out[1:]]
        assert all(line.startswith("ACK ") for line in out[1:]), f"{context}: {out}"
        if acks:
            assert acks == list(range(floor + 1, acks[-1] + 1)), context
            acked = acks[-1]
            total_acks += len(acks)

        state = _state(path)
        assert state["integrity"] == ["ok"], f"{context}: {state['integrity']}"
        stored = int(str(state["code"]).lstrip("N"))
        # Every acknowledged commit is there; at most the one in flight after the last ACK got further.
        assert acked <= stored <= max(acked, floor) + 1, f"{context}: stored {stored}, last ACK {acked}"
        assert stored >= floor, context
        # The organisation write is all or nothing ...
        assert state["name"] == f"断电测试支部{stored}", context
        assert state["secretary"] == f"书记{stored}", context
        # ... and its bookkeeping moved with it in the same transaction: one change_seq per save.
        assert state["org_seq"] == state["site_seq"] == base_seq + stored, context
        assert state["org_version"] == state["hlc_last"], context
        # The rule write that follows each save either committed or not, never anything else; once
        # acknowledged it is there. A rule write cut off by a kill is never retried (the next run
        # starts at the next n), so before this run's first rule write the file holds the old value.
        if stored == floor:
            assert state["rule"] == prev_rule, context
            rules_now = 0
        else:
            done = state["rule"] == _rule_value(stored)
            other = prev_rule if stored == floor + 1 else _rule_value(stored - 1)
            assert done or state["rule"] == other, f"{context}: rule {state['rule']}"
            rules_now = stored - floor - 1 + int(done)
        if stored == acked:
            assert state["rule"] == _rule_value(stored), f"{context}: acknowledged rule write lost"
        # One audit row per committed write, in the same transaction as the write.
        rules_committed += rules_now
        assert state["audits"] == base_audits + stored + rules_committed, context
        prev_rule = state["rule"]
        floor = stored
    assert total_acks >= WRITER_KILLS, "the writer hardly wrote: the kills did not land during writes"


def _counts(path: Path) -> tuple[int, int, int]:
    ((members, events, audits),) = _query(
        path, "SELECT (SELECT count(*) FROM member), (SELECT count(*) FROM member_event), "
              "(SELECT count(*) FROM audit)")
    return int(members), int(events), int(audits)  # type: ignore[call-overload]


def _seq_consistent(path: Path) -> bool:
    """The site's change_seq equals the newest change_seq of any record: counters moved with the rows."""
    ((site, newest),) = _query(path, "SELECT (SELECT change_seq FROM site), max(s) FROM ("
                                     "SELECT max(change_seq) AS s FROM organisation UNION ALL "
                                     "SELECT max(change_seq) FROM member UNION ALL "
                                     "SELECT max(change_seq) FROM member_event)")
    return site == newest


def _kill_bulk_inserts(path: Path, zygote: Zygote, rng: random.Random) -> None:
    path.parent.mkdir()
    _new_branch(path)
    outcomes = []
    duration = 0.0  # how long one bulk insert takes here; learnt from the runs that finish
    for kill in range(BULK_KILLS):
        context = f"bulk-insert kill {kill + 1}/{BULK_KILLS}, seed {SEED}"
        members, events, audits = _counts(path)
        # The first run is killed only after its commit, which also tells how long an insert takes.
        out, _killed = zygote.run(context, "bulk", str(path), str(SEED + kill),
                                  kill_after="ACK" if kill == 0 else "READY",
                                  delay=rng.uniform(0.0, 1.2 * duration))
        duration = next((float(line.split()[1]) for line in out if line.startswith("ACK ")), duration)
        assert _integrity(path) == ["ok"], context
        after = _counts(path)
        applied = after[0] == members + BULK
        # Wholly before or wholly after: members, their events and the one audit row move together.
        assert after in {(members, events, audits)} or (applied and after[1] > events and after[2] == audits + 1), \
            f"{context}: {after} from {(members, events, audits)}"
        if any(line.startswith("ACK") for line in out):
            assert applied, f"{context}: an acknowledged bulk insert was lost"
        assert _seq_consistent(path), context
        outcomes.append(applied)
    assert not all(outcomes[1:]), "no kill landed before a bulk insert committed"


def _kill_upgrades(folder: Path, zygote: Zygote, rng: random.Random) -> None:
    # The 0002 columns only: later schemas add columns (row_hash) that the upgrade fills in, and 0005
    # recodes 工作岗位, 证件类型 and 备注 (test_migrate_schemas checks those).
    recoded = {"work_post", "id_type", "notes"}
    columns = {t: ", ".join(r[1] for r in _query(FIXTURE_0002, f"PRAGMA table_info({t})") if r[1] not in recoded)
               for t in ("member", "member_event")}
    rows = {t: _query(FIXTURE_0002, f"SELECT {c} FROM {t} ORDER BY id") for t, c in columns.items()}
    head = migrate.head_revision()
    duration = 0.1  # how long the migration itself takes here; learnt from the runs that finish
    for kill in range(UPGRADE_KILLS):
        context = f"upgrade kill {kill + 1}/{UPGRADE_KILLS}, seed {SEED}"
        path = folder / f"copy{kill}" / "partydesk.db"
        path.parent.mkdir(parents=True)
        shutil.copyfile(FIXTURE_0002, path)
        out, _killed = zygote.run(context, "upgrade", str(path), kill_after="MIGRATING",
                                  delay=rng.uniform(0.0, 1.3 * duration))
        duration = next((float(line.split()[1]) for line in out if line.startswith("MIGRATED ")), duration)
        assert _integrity(path) == ["ok"], context
        ((revision,),) = _query(path, "SELECT version_num FROM alembic_version")
        ((user_version,),) = _query(path, "PRAGMA user_version")
        has_audit = bool(_query(path, "SELECT 1 FROM sqlite_master WHERE name = 'audit'"))
        # The schema is wholly old or wholly new: revision, user_version and the new table agree.
        assert (revision, user_version, has_audit) in {("0002", 2, False), (head, int(head), True)}, context
        if any(line.startswith("MIGRATED") for line in out):
            assert revision == head, context
        for table, expected in rows.items():
            assert _query(path, f"SELECT {columns[table]} FROM {table} ORDER BY id") == expected, f"{context}: {table}"
        made = list_backups(path)
        assert made and all(verify_backup(b.path) for b in made), context
        open_database(path).close()  # the next start finishes (or has nothing left to do)
        assert _query(path, "SELECT version_num FROM alembic_version") == [(head,)], context


def _kill_backups(path: Path, zygote: Zygote, rng: random.Random) -> None:
    members = _counts(path)
    interrupted = 0
    for kill in range(BACKUP_KILLS):
        context = f"backup kill {kill + 1}/{BACKUP_KILLS}, seed {SEED}"
        _out, killed = zygote.run(context, "backup", str(path), kill_after="READY", delay=rng.uniform(0.0, 0.6))
        assert killed, context
        assert _integrity(path) == ["ok"] and _counts(path) == members, context
        # A kill in the middle of a copy leaves its hidden temp file (never a final name) behind.
        temps = list(backup_dir(path).glob(".partydesk-backup-*"))
        interrupted += bool(temps)
        for temp in temps:
            temp.unlink()
        # Anything under a backup's final name was verified before the rename: a kill leaves at most a
        # hidden temp file, never a half-written backup posing as a good one.
        for info in list_backups(path):
            assert verify_backup(info.path), f"{context}: {info.path.name}"
            info.path.unlink()  # keep the disk use of the test small
    assert interrupted >= 1, "no kill landed in the middle of a backup"
    db = open_database(path)
    try:
        assert check_database(db).ok
    finally:
        db.close()


FIRST_RUN = textwrap.dedent(
    """
    import os
    import sys
    from pathlib import Path

    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.setup import OrganisationInput, initialise_site
    from partydesk.core.storage.database import open_database

    db = open_database(Path(sys.argv[1]))
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="首次运行支部", code="N1"), role="branch")
    os.write(1, b"ACK\\n")
    os.kill(os.getpid(), 9)  # before any checkpoint: the new schema and the set-up live only in the WAL
    """
)


def test_first_run_killed_before_its_first_checkpoint_still_opens(db_path: Path) -> None:
    """A power cut right after first-run set-up: the next start opens the file with the set-up in it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run([sys.executable, "-c", FIRST_RUN, str(db_path)], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout == "ACK\n"
    assert Path(f"{db_path}-wal").stat().st_size > 0
    db = open_database(db_path)
    try:
        assert db.site is not None
        assert check_database(db).ok
    finally:
        db.close()
