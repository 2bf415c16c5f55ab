"""Benchmark: importing a 10 000-row roster .xlsx, against openpyxl merely reading the same file.

Run from the repository root:  python tests/perf/bench_roster_import.py [--rows 10000] [--repeat 3]

The file is a real unmasked export of a demo branch (26 columns, the usual 花名册 layout). The import is
timed end to end into a freshly set-up branch: ``plan_import`` (read, map, check, match) plus
``apply_import`` (backup, one transaction of bulk inserts). The baseline, measured in the same run, is
openpyxl (the reader the importer used before python-calamine) loading the same workbook in read-only
(streaming) mode and iterating every cell value; its default mode is printed too, and so is calamine's
own read (``read_table``). Target: ratio ≤ 1.0 (the whole import is faster than the old reader's plain
read). Prints one JSON object. Not a pytest test (the name does not match test_*.py): CI does not fail
on timings; openpyxl comes with the test extra.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import DEMO_ORG, demo_members
from partydesk.core.domain.masking import Masking
from partydesk.core.domain.member import MemberData
from partydesk.core.io.roster_read import read_table
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.roster_export import export_roster
from partydesk.core.services.roster_import import apply_import, plan_import
from partydesk.core.services.setup import initialise_site
from partydesk.core.storage.database import open_database

TODAY = date(2026, 11, 1)


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def unique_members(count: int) -> list[MemberData]:
    """Demo members (distinct ID numbers, as the generator guarantees)."""
    return demo_members(random.Random(1), count)


def openpyxl_read(path: Path, *, read_only: bool) -> int:
    """Load the workbook and touch every cell value; returns the number of rows."""
    wb = openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    rows = sum(1 for _ in wb.active.iter_rows(values_only=True))
    wb.close()
    return rows


def main() -> int:
    """Build the file, time both sides, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the SQLite version notice is not part of the figures

    with tempfile.TemporaryDirectory(prefix="bench-roster-") as tmp:
        folder = Path(tmp)
        db = open_database(folder / "source.db")
        initialise_site(db, LOCAL_USER, organisation=DEMO_ORG, role="branch")
        insert_members(db, LOCAL_USER, unique_members(args.rows), today=TODAY)
        roster_file = folder / "roster.xlsx"
        export_roster(db, LOCAL_USER, roster_file, masking=Masking.FULL, today=TODAY)
        db.close()

        baseline_ro = best_of(args.repeat, lambda: openpyxl_read(roster_file, read_only=True))
        baseline_full = best_of(args.repeat, lambda: openpyxl_read(roster_file, read_only=False))
        calamine_read = best_of(args.repeat, lambda: read_table(roster_file))

        plan_times, apply_times, totals = [], [], []
        unchanged_s = 0.0
        for attempt in range(args.repeat):
            target = open_database(folder / f"target{attempt}" / "target.db")  # a folder each, as for any database
            initialise_site(target, LOCAL_USER, organisation=DEMO_ORG, role="branch")
            start = time.perf_counter()
            plan = plan_import(target, roster_file, today=TODAY)
            planned = time.perf_counter()
            result = apply_import(target, LOCAL_USER, plan)
            done = time.perf_counter()
            if result.new != args.rows or plan.rejected:
                print(f"unexpected result: {plan.summary()['rejected']} rejected, {result.new} new", file=sys.stderr)
                return 1
            plan_times.append(planned - start)
            apply_times.append(done - planned)
            totals.append(done - start)
            if attempt == 0:
                start = time.perf_counter()
                again = plan_import(target, roster_file, today=TODAY)
                unchanged_s = time.perf_counter() - start
                assert again.unchanged == args.rows
            target.close()

    best = min(range(args.repeat), key=lambda i: totals[i])
    print(json.dumps({
        "rows": args.rows,
        "import_s": round(totals[best], 3),
        "plan_s": round(plan_times[best], 3),
        "apply_s": round(apply_times[best], 3),
        "calamine_read_table_s": round(calamine_read, 3),
        "openpyxl_read_only_s": round(baseline_ro, 3),
        "ratio": round(totals[best] / baseline_ro, 2),
        "target_ratio": 1.0,
        "openpyxl_default_mode_s": round(baseline_full, 3),
        "openpyxl_read_only_vs_calamine_read": round(baseline_ro / calamine_read, 1),
        "reimport_all_unchanged_plan_s": round(unchanged_s, 3),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
