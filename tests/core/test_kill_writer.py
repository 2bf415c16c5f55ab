"""RELIABILITY D-1: SIGKILL of a writer at random moments never corrupts the file or loses an acknowledged commit.

A writer process opens the database the way the app does and loops over two service writes: it saves
the organisation with a sequence number ``n`` in three of its fields (one transaction, which also bumps
the site's ``change_seq`` and HLC), then sets a rule to a value derived from ``n`` (a second
transaction), and only then prints ``ACK n``. After each kill the file must pass ``integrity_check``,
hold every acknowledged ``n``, and show no partial transaction. A second test kills the very first run
before SQLite has checkpointed anything into the main file.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.maintenance import check_database
from partydesk.core.services.rules import set_rule
from partydesk.core.services.setup import OrganisationInput, initialise_site
from partydesk.core.storage.database import open_database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL does not exist on Windows"),
]

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
SEED = int(os.environ.get("PARTYDESK_KILL_SEED", "20240701"))
RULE = "meeting.general.months"

WRITER = textwrap.dedent(
    f"""
    import os
    import sys
    from pathlib import Path

    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.rules import set_rule
    from partydesk.core.services.setup import OrganisationInput, own_organisation, update_organisation
    from partydesk.core.storage.database import open_database

    db = open_database(Path(sys.argv[1]))
    org = own_organisation(db)
    n = int(org.code.lstrip("N"))
    # One write(2) of a short line to a pipe is atomic: a kill never leaves half an ACK behind.
    os.write(1, f"READY {{n}}\\n".encode())
    while True:
        n += 1
        update_organisation(db, LOCAL_USER, org_id=org.id, data=OrganisationInput(
            name=f"断电测试支部{{n}}", code=f"N{{n}}", org_type=org.org_type, secretary=f"书记{{n}}"))
        set_rule(db, LOCAL_USER, key={RULE!r}, value=n % 12 + 1)
        os.write(1, f"ACK {{n}}\\n".encode())
    """
)


def _rule_value(n: int) -> int:
    return n % 12 + 1


def _reader(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def _state(path: Path) -> dict[str, object]:
    """What the file holds, read with plain sqlite3 before the app opens it again."""
    conn = sqlite3.connect(str(path))
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        name, code, secretary, org_seq, org_version = conn.execute(
            "SELECT name, code, secretary, change_seq, version FROM organisation").fetchone()
        site_seq, hlc_last = conn.execute("SELECT change_seq, hlc_last FROM site WHERE id = 1").fetchone()
        (rule,) = conn.execute("SELECT value FROM rule WHERE key = ?", (RULE,)).fetchone()
    finally:
        conn.close()
    return {"integrity": integrity, "name": name, "code": code, "secretary": secretary, "org_seq": org_seq,
            "org_version": org_version, "site_seq": site_seq, "hlc_last": hlc_last, "rule": rule}


def test_sigkilled_writer_never_corrupts_or_loses_acknowledged_commits(db_path: Path) -> None:
    """20 SIGKILLs at random moments: integrity_check ok, every ACKed n stored, no half-applied write."""
    db = open_database(db_path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="断电测试支部0", code="N0"),
                    role="branch")
    set_rule(db, LOCAL_USER, key=RULE, value=_rule_value(0))
    db.close()
    base_seq = _state(db_path)["site_seq"]
    assert isinstance(base_seq, int)

    rng = random.Random(SEED)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    acked = 0  # the highest n the writer acknowledged, over all runs
    floor = 0  # what the file held after the previous kill
    total_acks = 0
    for kill in range(KILLS):
        context = f"kill {kill + 1}/{KILLS}, seed {SEED}"
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8",
        ) as proc:
            lines: queue.Queue[str | None] = queue.Queue()
            reader = threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True)
            reader.start()
            first = lines.get(timeout=60)
            if first is None or not first.startswith("READY") or not first.endswith("\n"):
                proc.kill()
                errors = proc.stderr.read() if proc.stderr else ""
                pytest.fail(f"{context}: writer did not start: {first!r}\n{errors}")
            assert int(first.split()[1]) == floor, context
            time.sleep(rng.uniform(0.05, 0.4))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            reader.join(timeout=30)
            stderr = proc.stderr.read() if proc.stderr else ""
        assert proc.returncode == -signal.SIGKILL, f"{context}: writer ended by itself:\n{stderr}"
        acks = []
        while (line := lines.get_nowait()) is not None:
            assert line.startswith("ACK ") and line.endswith("\n"), f"{context}: unexpected output {line!r}"
            acks.append(int(line.split()[1]))
        if acks:
            assert acks == list(range(floor + 1, acks[-1] + 1)), context
            acked = acks[-1]
            total_acks += len(acks)

        state = _state(db_path)
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
        # acknowledged it is there.
        assert state["rule"] in {_rule_value(stored), _rule_value(stored - 1)}, context
        if stored == acked:
            assert state["rule"] == _rule_value(stored), f"{context}: acknowledged rule write lost"
        floor = stored

    assert total_acks >= KILLS, "the writer hardly wrote: the kills did not land during writes"
    db = open_database(db_path)
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
