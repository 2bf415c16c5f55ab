"""How ``0002.db`` was made: the demo branch (seed 2026, 30 members) written by the program at schema 0002.

Run once, at commit 8f1eb4c (the last commit whose head migration was 0002), from the repository root:

    .venv/bin/python tests/data/schemas/make_0002.py

It must not be re-run with a newer program: the point of the file is to hold data written by the code
of its own schema. ``VACUUM INTO`` leaves one compact, self-contained file (no -wal), keeping the
application_id and user_version that mark it as a partydesk database; it is then switched to WAL, the
journal mode of every file the program writes.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from partydesk.core.demo import create_demo
from partydesk.core.storage.migrate import head_revision

HERE = Path(__file__).resolve().parent


def main() -> int:
    if head_revision() != "0002":
        print(f"this program is at schema {head_revision()}, not 0002: check out 8f1eb4c first", file=sys.stderr)
        return 1
    target = HERE / "0002.db"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "demo.db"
        create_demo(work, seed=2026, members=30)
        conn = sqlite3.connect(work)
        target.unlink(missing_ok=True)
        conn.execute("VACUUM INTO ?", (str(target),))
        conn.close()
    # Every file the program writes is in WAL mode; so is this one (closing it folds and removes the -wal).
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    print(f"wrote {target} ({target.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
