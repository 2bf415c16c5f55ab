"""Benchmark: the exchange at scale (SYNC.md), each figure with a baseline measured in the same run.

Run from the repository root:  python tests/perf/bench_sync.py [--members 100000] [--branches 200]

1. A snapshot of a branch with ``--members`` members exported, then imported into an empty committee,
   against raw ``sqlite3.executemany`` of the same rows (every synced table) into empty tables (target
   ratio ≤ 4); also into empty tables carrying the real tables' secondary indexes, for reference. The
   import returns once its data is committed; the folding of its WAL into the file, which goes on after
   on a thread of its own, is measured beside it (the baseline's commit folds its WAL itself).
2. Re-import of the same package: a reported no-op (target under 1 s).
3. ``--branches`` packages of 40 members each, on one stick, checked and imported into one committee database
   as a folder (time per package, one backup before the first); then one more package imported on its own,
   which backs up the committee's whole file first.
   Beside each of the first two, the memory the process held at its peak above what it held before, against
   the package's size (Linux only: the peak is read from ``/proc``, reset before each).
4. That committee's comparison of its branches (各支部对比), against one run of the workbench's to-do checks
   over the same file in the same run (the comparison includes one such run; the rest is each branch's
   figures).

Prints one JSON object. Not a pytest test; CI does not fail on timings.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from partydesk.core.changes import LOCAL_USER
from partydesk.core.checks import engine
from partydesk.core.demo import demo_members
from partydesk.core.domain.organisation import OrganisationInput
from partydesk.core.progress import Progress
from partydesk.core.services import committee as committee_view
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.setup import initialise_site
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_folder import check_folder, import_checked
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_keys import own_card, register_card
from partydesk.core.storage.database import Database, open_database


def branch(path: Path, code: str, members: int, seed: int) -> Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name=f"第{code}支部委员会", code=code),
                    role="branch")
    insert_members(db, LOCAL_USER, demo_members(random.Random(seed), members))
    return db


def committee(path: Path) -> Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(name="中共示范街道工作委员会", code="1000",
                                                                    org_type="党委"), role="committee")
    return db


def introduce(a: Database, b: Database) -> None:
    register_card(b, LOCAL_USER, own_card(a)[1], confirmed=True)
    register_card(a, LOCAL_USER, own_card(b)[1], confirmed=True)


def _rss_mb(field: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_reset() -> float | None:
    """Start measuring the process's peak memory afresh; the memory it holds now (MB), None where unknown."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")  # resets the peak resident set size (VmHWM)
    except OSError:
        return None
    return _rss_mb("VmRSS")


def peak_above(before: float | None) -> float | None:
    """The peak memory (MB) since ``peak_reset`` above what was held then."""
    peak = _rss_mb("VmHWM") if before is not None else None
    return None if peak is None or before is None else round(peak - before)


def executemany_baseline(source: Path, target: Path, *, indexes: bool = False) -> float:
    """Raw sqlite3: every row the snapshot carries (each synced table), executemany'd into empty tables of
    the same shape in a new file, one transaction (with ``indexes``, the tables' secondary indexes too,
    as the real tables have them: an extra figure, the target is against the bare tables)."""
    from partydesk.core.storage.sync_records import SYNC_TYPES

    tables = [str(kind.model.__table__.name) for kind in SYNC_TYPES]  # type: ignore[attr-defined]
    with sqlite3.connect(source) as src:
        shapes = {t: src.execute("SELECT sql FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0] for t in tables}
        extra = [r[0] for t in tables for r in src.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (t,))]
        rows = {t: src.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    for create in [*shapes.values(), *(extra if indexes else [])]:
        conn.execute(create)
    start = time.perf_counter()
    for table, found in rows.items():
        if found:
            marks = ",".join("?" * len(found[0]))
            conn.executemany(f'INSERT INTO "{table}" VALUES ({marks})', found)
    conn.commit()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--branches", type=int, default=200)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    # Everything is written under one temporary folder, removed at the end (a 100 000-member run leaves
    # over a gigabyte of databases and packages otherwise).
    with tempfile.TemporaryDirectory(prefix="pd-bench-sync-") as folder:
        figures = measure(Path(folder), args.members, args.branches)
    print(json.dumps(figures, ensure_ascii=False))


def measure(root: Path, members: int, branches: int) -> dict[str, object]:
    """Every figure of the benchmark, written under ``root``."""
    big = branch(root / "b" / "b.db", "1001", members, 1)
    hub = committee(root / "c" / "c.db")
    introduce(big, hub)
    held = peak_reset()
    start = time.perf_counter()
    sent = export_package(big, LOCAL_USER, to_org_code="1000", out_dir=root / "stick", snapshot=True)
    exported = time.perf_counter() - start
    export_mb = peak_above(held)
    held = peak_reset()
    start = time.perf_counter()
    report = import_package(hub, LOCAL_USER, sent.path)
    imported = time.perf_counter() - start
    import_mb = peak_above(held)
    # The import returns once its data is committed (safe in the WAL); the WAL is folded into the file after,
    # on a thread of its own (Database.checkpoint_after). How long that goes on is measured too, waited for
    # before anything else runs.
    start = time.perf_counter()
    hub.wait_for_fold()
    folded = time.perf_counter() - start
    assert report.status == "applied" and report.counts["new"] == sum(sent.counts.values()), report.to_json()
    start = time.perf_counter()
    again = import_package(hub, LOCAL_USER, sent.path)
    reimport = time.perf_counter() - start
    assert again.status == "already_imported"
    big.close()
    baseline = executemany_baseline(root / "b" / "b.db", root / "raw.db")
    indexed = executemany_baseline(root / "b" / "b.db", root / "raw-indexed.db", indexes=True)
    hub.close()

    many = committee(root / "m" / "m.db")
    for number in range(branches):
        small = branch(root / f"s{number}" / "s.db", f"2{number:04d}", 40, 100 + number)
        introduce(small, many)
        export_package(small, LOCAL_USER, to_org_code="1000", out_dir=root / "stick")
        small.close()
    # As a committee takes a stick from every branch: the folder checked (every dry run), then imported,
    # one transaction per package and one backup before the first (services.sync_folder).
    start = time.perf_counter()
    entries = check_folder(many, LOCAL_USER, root / "stick", Progress())
    check_seconds = time.perf_counter() - start
    start = time.perf_counter()
    done = import_checked(many, LOCAL_USER, entries, Progress())
    many_seconds = time.perf_counter() - start
    assert done.applied == branches and not done.failed
    # The committee's comparison of its branches (各支部对比), against one run of the workbench's to-do checks
    # over the same file, which it includes: the rest is each branch's figures.
    start = time.perf_counter()
    engine.open_findings(many, date.today())
    checks_seconds = time.perf_counter() - start
    start = time.perf_counter()
    compared = committee_view.comparison(many)
    comparison_seconds = time.perf_counter() - start
    assert len(compared) == branches
    # One more package on its own, as the import wizard takes a single file: with its backup of the
    # committee's whole file (now holding every branch), which is most of its time.
    late = branch(root / "late" / "s.db", "29999", 40, 99)
    introduce(late, many)
    single = export_package(late, LOCAL_USER, to_org_code="1000", out_dir=root / "late-stick").path
    late.close()
    start = time.perf_counter()
    assert import_package(many, LOCAL_USER, single).status == "applied"
    single_seconds = time.perf_counter() - start
    many.close()
    package_mib = sent.path.stat().st_size / 2**20
    return {
        "members": members, "records": sum(sent.counts.values()),
        "package_mb": round(sent.path.stat().st_size / 1e6, 1),
        "export_s": round(exported, 2), "import_s": round(imported, 2),
        "executemany_baseline_s": round(baseline, 2),
        "ratio_export_import_vs_executemany": round((exported + imported) / baseline, 2), "target_ratio": 4,
        "import_wal_fold_after_s": round(folded, 2),
        "ratio_with_the_fold_vs_executemany": round((exported + imported + folded) / baseline, 2),
        "executemany_with_indexes_s": round(indexed, 2),
        "ratio_vs_executemany_with_indexes": round((exported + imported) / indexed, 2),
        "export_peak_memory_mb": export_mb, "import_peak_memory_mb": import_mb,
        "import_peak_memory_vs_package": round(import_mb / package_mib, 2) if import_mb else None,
        "reimport_s": round(reimport, 3), "reimport_target_s": 1,
        "branches": branches, "branch_folder_check_s": round(check_seconds, 2),
        "branch_packages_s": round(many_seconds, 2),
        "per_branch_package_ms": round(1000 * many_seconds / max(1, branches), 1),
        "single_package_with_backup_ms": round(1000 * single_seconds, 1),
        "comparison_s": round(comparison_seconds, 2), "todo_checks_baseline_s": round(checks_seconds, 2),
        "ratio_comparison_vs_checks": round(comparison_seconds / checks_seconds, 2),
    }


if __name__ == "__main__":
    main()
