"""Benchmark: exporting a 10 000-member roster to .xlsx, against XlsxWriter writing the same cells bare.

Run from the repository root:  python tests/perf/bench_roster_export.py [--members 10000] [--repeat 3]

The export is ``services.roster_export.export_roster`` end to end (roster read, masking, the 花名册
layout with its formats, column widths and print set-up, the atomic write with read-back). The baseline,
measured in the same run, is XlsxWriter writing the very same values (as the export's rows hold them)
with ``write()`` and no formatting at all, into memory, then to a file. Target: ratio ≤ 1.5. Prints one
JSON object. Not a pytest test (the name does not match test_*.py): CI does not fail on timings.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import xlsxwriter

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import DEMO_ORG, demo_members
from partydesk.core.domain.masking import Masking
from partydesk.core.services.bulk import insert_members
from partydesk.core.services.members import roster
from partydesk.core.services.roster_export import export_roster, roster_sheet
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


def bare_write(rows: list[list[object]], headers: list[str], path: Path) -> None:
    """XlsxWriter with no formats: the header and every value through ``write()``, then saved."""
    output = io.BytesIO()
    wb = xlsxwriter.Workbook(output, {"in_memory": True, "default_date_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet()
    ws.write_row(0, 0, headers)
    for number, values in enumerate(rows, start=1):
        ws.write_row(number, 0, values)
    wb.close()
    path.write_bytes(output.getvalue())


def main() -> int:
    """Build the branch, time both sides, print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the SQLite version notice is not part of the figures

    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        folder = Path(tmp)
        db = open_database(folder / "branch.db")
        initialise_site(db, LOCAL_USER, organisation=DEMO_ORG, role="branch")
        insert_members(db, LOCAL_USER, demo_members(random.Random(1), args.members), today=TODAY)
        members = roster(db, LOCAL_USER, include_departed=False)
        sheet = roster_sheet(members, branch="示范支部", masking=Masking.FULL, today=TODAY)
        rows = [list(line) for line in sheet.rows]
        headers = [column.header for column in sheet.columns]

        baseline = best_of(args.repeat, lambda: bare_write(rows, headers, folder / "bare.xlsx"))
        masked = best_of(args.repeat, lambda: export_roster(db, LOCAL_USER, folder / "masked.xlsx", today=TODAY))
        full = best_of(args.repeat, lambda: export_roster(db, LOCAL_USER, folder / "full.xlsx",
                                                          masking=Masking.FULL, today=TODAY))
        db.close()

    print(json.dumps({
        "members": args.members,
        "export_masked_s": round(masked, 3),
        "export_full_s": round(full, 3),
        "xlsxwriter_bare_s": round(baseline, 3),
        "ratio": round(masked / baseline, 2),
        "ratio_full": round(full / baseline, 2),
        "target_ratio": 1.5,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
