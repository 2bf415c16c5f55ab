"""Small hostile files are refused (or read) within a memory ceiling, with a message naming the limit.

Each import runs as ``partydesk roster import --dry-run`` in a child process whose address space is
capped, so a regression ends in a failed test instead of swapping the machine. The time figures of
issue 7 (under 10 s each) are measured by tests/perf/bench_hostile_files.py, not asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from partydesk.core.demo import create_demo
from tests.core.hardening import hostile

# Peak resident memory allowed to one import of a file up to 10 MB (issue 7: under 500 MB).
RSS_LIMIT_MB = 500
# Address-space cap for the child: above the RSS goal (Python and its libraries map more than they use),
# far below what the old bombs reached.
ADDRESS_SPACE = 2 * 1024**3

# The child's own peak: VmHWM, the high-water mark of its address space, which is new after exec. Not
# ru_maxrss: Linux keeps that across fork and exec, so a child of a test process grown to 800 MB (a worker
# that ran many tests) would report 800 MB however little it used.
_CHILD = textwrap.dedent("""
    import json, re, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
    from partydesk.cli import main
    code = main(sys.argv[1:])
    with open("/proc/self/status", encoding="ascii") as status:
        peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1))
    print(json.dumps({{"peak_kb": peak}}), file=sys.stderr)
    sys.exit(code)
""")


def _import(db: Path, path: Path) -> tuple[int, dict[str, object], int]:
    """Dry-run import of ``path`` under the cap: (exit code, JSON reply, peak RSS in MB)."""
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD.format(cap=ADDRESS_SPACE), "roster", "import", str(path),
         "--db", str(db), "--dry-run", "--json"],
        capture_output=True, text=True, timeout=300,
    )
    tail = proc.stderr.strip().splitlines()
    assert tail, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    peak_mb = json.loads(tail[-1])["peak_kb"] // 1024
    reply = json.loads(proc.stdout.strip().splitlines()[-1])
    return proc.returncode, reply, peak_mb


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "pd.db"
    create_demo(path, seed=11, members=5)
    return path


BOMBS: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # name -> (builder, file name, a word the refusal must contain)
    "far cell": (hostile.far_cell, "far.xlsx", "列"),
    "cell bomb": (hostile.cell_bomb, "cells.xlsx", "单元格"),
    "million rows": (hostile.million_rows, "rows.xlsx", "行"),
    "comma csv": (hostile.comma_csv, "commas.csv", "列"),
    "wide csv": (hostile.wide_csv, "wide.csv", "列"),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BOMBS))
def test_hostile_file_is_refused_within_the_memory_ceiling(name: str, db: Path, tmp_path: Path) -> None:
    """Each bomb ends in a message that names the limit passed, exit 1, and stays under 500 MB."""
    build, file_name, word = BOMBS[name]
    path = build(tmp_path / file_name)
    assert path.stat().st_size <= 10 * 1024 * 1024
    code, reply, peak_mb = _import(db, path)
    assert code == 1, reply
    message = str(reply.get("message", ""))
    assert word in message, message
    assert any(ch.isdigit() for ch in message), message  # the limit itself is named
    assert peak_mb < RSS_LIMIT_MB, f"{name}: peak {peak_mb} MB"


@pytest.mark.slow
def test_merge_bomb_is_read_clipped_to_the_data(db: Path, tmp_path: Path) -> None:
    """A 2 KB file merging F2:XFD1048576 (once 4 GB in 40 s) is read as the one member it holds."""
    code, reply, peak_mb = _import(db, hostile.merge_bomb(tmp_path / "merge.xlsx"))
    assert code == 0, reply
    assert (reply["new"], reply["rejected"]) == (1, 0)
    assert peak_mb < RSS_LIMIT_MB


def test_merged_group_cell_within_the_data_still_fills_down(db: Path, tmp_path: Path) -> None:
    """Clipping merges to the data keeps an ordinary merged 党小组 cell working for every row it covers."""
    rows = [hostile._row_xml(1, [*hostile.HEADER, "党小组"]),
            hostile._row_xml(2, [*hostile.ROW, "第一党小组"]),
            hostile._row_xml(3, ["李四", "女", "110105194912310046", "1991-07-01", "正式党员"])]
    path = hostile.write_xlsx(tmp_path / "ok.xlsx", rows, merges=["F2:F1048576"])
    code, reply, peak_mb = _import(db, path)
    assert code == 0, reply
    assert (reply["new"], reply["rejected"]) == (2, 0)
    assert peak_mb < RSS_LIMIT_MB
