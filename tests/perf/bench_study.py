"""Study ledger benchmark: a year's 学时 per member in one SQL aggregate against a plain Python sum.

Run: ``python tests/perf/bench_study.py [--members 100000] [--entries 20] [--repeat 3] [--db PATH]``. Not
collected by pytest. Builds a demo-style database of that many members (``--db`` reuses a file made by an
earlier run) and gives every member ``--entries`` credited study entries in one year (activities with
the whole roll as participants, Core inserts), then prints one JSON object:

- ``sql_ms``: ``study_repo.credited_by_member`` — the ledger's credited column as one grouped sum;
- ``python_ms``: the baseline measured in the same run: the same live rows fetched (``credit_rows``) and
  summed per member in a dict, with ``fetch_ms`` and ``sum_ms`` its two parts; ``ratio`` is python / sql;
- ``same``: both give the same totals for every member;
- ``ledger_s``: the whole ledger (``study_reports.ledger``: the days on the roll from one grouped query,
  events replayed only for members with an event that can move the roll, each member's quota pro rata
  to those days, and the SQL sum), best of ``--repeat``;
- ``replay_ledger_s``: its baseline in the same run, the ledger reckoned as it was before: every member's
  roll with events built in Python (``meeting_repo.roll_members``) and replayed (``study_quota.quota_of``),
  once; ``ledger_ratio`` is replay / ledger, and ``ledger_same`` says both give the same rows;
- ``build_s``: making the data (not part of any figure above).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

YEAR = 2026


def best_ms(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def build(path: Path, members: int, entries: int) -> None:
    """A database of ``members`` members, each credited in ``entries`` activities of YEAR."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.demo import create_demo
    from partydesk.core.storage import study_repo
    from partydesk.core.storage.database import open_database
    from partydesk.core.storage.study_repo import ActivityData, Credit

    create_demo(path, members=members)
    db = open_database(path)
    try:
        assert db.site is not None and db.site.organisation_id is not None
        with db.read() as session:
            from partydesk.core.storage import meeting_repo

            ids = [m.id for m in meeting_repo.roll_members(session)]
        for n in range(entries):
            day = date(YEAR, 1, 5) + timedelta(days=n * 17)
            data = ActivityData("collective", f"集体学习第{n + 1}次", day, day, 10 + 10 * (n % 4))
            credits = [Credit(member_id, YEAR, data.hours_tenths) for member_id in ids]
            with db.write(LOCAL_USER, action="study.add") as session:
                study_repo.insert_bulk(session, db.site.organisation_id, [(data, credits)])
    finally:
        db.close()


def measure(path: Path, repeat: int) -> dict[str, Any]:
    """The SQL aggregate against the Python sum over the same rows, and the whole ledger once."""
    from partydesk.core.services import study_reports
    from partydesk.core.storage import study_repo
    from partydesk.core.storage.database import open_database

    db = open_database(path)
    try:
        with db.read() as session:
            sql = study_repo.credited_by_member(session, YEAR)
            sql_ms = best_ms(lambda: study_repo.credited_by_member(session, YEAR), repeat)
            fetch_ms = best_ms(lambda: study_repo.credit_rows(session, YEAR), repeat)
            rows = study_repo.credit_rows(session, YEAR)

            def python_sum() -> dict[str, int]:
                totals: dict[str, int] = {}
                for member_id, tenths in rows:
                    totals[member_id] = totals.get(member_id, 0) + tenths
                return totals

            sum_ms = best_ms(python_sum, repeat)
            same = python_sum() == sql
        as_of = date(YEAR, 11, 30)
        ledger = study_reports.ledger(db, YEAR, as_of=as_of)
        ledger_s = best_ms(lambda: study_reports.ledger(db, YEAR, as_of=as_of), repeat) / 1000
        start = time.perf_counter()
        replay = replay_ledger(db, as_of)
        replay_s = time.perf_counter() - start
        ledger_same = replay == [(r.member_id, r.days_on_roll, r.required, r.expected, r.credited) for r in ledger]
    finally:
        db.close()
    python_ms = fetch_ms + sum_ms
    return {"rows": len(rows), "members": len(sql), "sql_ms": round(sql_ms, 1), "python_ms": round(python_ms, 1),
            "fetch_ms": round(fetch_ms, 1), "sum_ms": round(sum_ms, 1), "ratio": round(python_ms / sql_ms, 2),
            "same": same, "ledger_s": round(ledger_s, 2), "replay_ledger_s": round(replay_s, 2),
            "ledger_ratio": round(replay_s / ledger_s, 1), "ledger_same": ledger_same, "ledger_rows": len(ledger)}


def replay_ledger(db: Any, as_of: date) -> list[tuple[str, int, int, int, int]]:
    """The baseline: the ledger as reckoned before, every member's events replayed in Python."""
    from partydesk.core.domain.study_quota import expected_on, quota_of
    from partydesk.core.services.rules import rule_values
    from partydesk.core.storage import meeting_repo, study_repo

    rules = rule_values(db)
    with db.read() as session:
        people = meeting_repo.roll_members(session)
        credited = study_repo.credited_by_member(session, YEAR)
    out = []
    for m in people:
        quota, spans = quota_of(m, YEAR, rules)
        got = credited.get(m.id, 0)
        if quota.days_on_roll or got:
            out.append((m.id, quota.days_on_roll, quota.required_tenths, expected_on(quota, spans, as_of), got))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.db"
        build_s = 0.0
        if not path.exists():
            start = time.perf_counter()
            build(path, args.members, args.entries)
            build_s = time.perf_counter() - start
        result = {"members_asked": args.members, "entries": args.entries, "build_s": round(build_s, 1),
                  **measure(path, args.repeat)}
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
