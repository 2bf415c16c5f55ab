"""Benchmark: each hostile file of issue 7 through ``partydesk roster import --dry-run``, under /usr/bin/time -v.

Run from the repository root:  python tests/perf/bench_hostile_files.py

Targets: every input up to 10 MB is refused or read in under 10 s and under 500 MB peak memory. The
baseline, measured in the same run, is the same command on a good 2-row roster, so the figures show what
the hostile input adds to the program's own start-up. Prints one JSON object. Not a pytest test.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from partydesk.core.demo import create_demo
from tests.core.hardening import hostile


def measure(db: Path, path: Path) -> dict[str, object]:
    """Seconds and peak MB of one dry-run import, from GNU time's own report."""
    proc = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-m", "partydesk", "roster", "import", str(path),
         "--db", str(db), "--dry-run", "--json"],
        capture_output=True, text=True, timeout=600,
    )
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    assert wall and rss, proc.stderr
    hours = int(wall.group(1) or 0)
    seconds = hours * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    reply = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else {}
    return {"bytes": path.stat().st_size, "seconds": round(seconds, 2), "peak_mb": int(rss.group(1)) // 1024,
            "exit": proc.returncode, "message": str(reply.get("message", ""))[:120]}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "pd.db"
        create_demo(db, seed=11, members=5)
        good = hostile.write_xlsx(folder / "good.xlsx", hostile.good_roster_rows())
        results = {"baseline (2-row roster)": measure(db, good)}
        for name, build in [("merge bomb", hostile.merge_bomb), ("far cell", hostile.far_cell),
                            ("cell bomb", hostile.cell_bomb), ("million rows", hostile.million_rows),
                            ("comma csv", hostile.comma_csv), ("wide csv", hostile.wide_csv)]:
            suffix = ".csv" if "csv" in name else ".xlsx"
            results[name] = measure(db, build(folder / f"{name.replace(' ', '_')}{suffix}"))
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
