"""Workbench benchmark: key figures, findings and chart data at 100 000 members, and the first draw.

Run: ``python tests/perf/bench_dashboard.py [--members 100000] [--repeat 3] [--db PATH]``. Not collected by
pytest. Builds a demo database of that size in a temp dir (``partydesk demo --members N``; scale runs get
members only, so the meeting tables are empty there), then prints one JSON object:

The database is first opened, read by the workbench and closed once (a previous session: closing lets
SQLite keep its query statistics, as every start after the first finds them), then measured:

- ``snapshot_s``: ``dashboard.snapshot`` — every key figure, every check's findings and all chart data —
  best of ``--repeat``, with ``parts_s`` the time of each part (structure, joined, meetings, attendance,
  findings per check); target under 1 s;
- ``baseline_count_s``: in the same run, one plain ``SELECT count(*)`` pass over the same tables (member,
  member_event, meeting, meeting_attendance, finding_dismissal), best of ``--repeat``; ``ratio`` is
  snapshot over baseline;
- ``todos_shown_s``: offscreen, from creating the workbench page to its key figures and to-dos being
  shown (the snapshot read on the DB lane, matplotlib imported meanwhile on the file lane);
  ``first_draw_s``: to the first paint of its first chart (drawn right after the to-dos, from the same
  snapshot); ``matplotlib_loaded_before`` says whether matplotlib was already imported when the page was
  created (it must not be).

To keep the 100 000-member database between runs, build it once (``partydesk demo --members 100000 --db
PATH``) and pass ``--db PATH``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TABLES = ("member", "member_event", "meeting", "meeting_attendance", "finding_dismissal")
TODAY = date(2026, 11, 30)


def best_s(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def build_db(members: int, folder: Path) -> Path:
    """A demo database with ``members`` members."""
    from partydesk.core.demo import create_demo

    path = folder / "bench.db"
    create_demo(path, members=members)
    return path


def count_pass(db: Any) -> None:
    """One plain ``SELECT count(*)`` over each table the workbench reads."""
    from sqlalchemy import text

    with db.read() as session:
        for table in TABLES:
            session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def parts(db: Any) -> dict[str, float]:
    """Each part of the snapshot timed once (after a warm run)."""
    from partydesk.core.checks import engine
    from partydesk.core.checks.findings import CHECKS
    from partydesk.core.services import dashboard

    engine.load_all()
    out: dict[str, float] = {}
    for name, fn in (("structure", lambda: dashboard.structure(db, TODAY)),
                     ("joined", lambda: dashboard.joined_per_year(db, TODAY)),
                     ("meetings", lambda: dashboard.meetings_this_year(db, TODAY)),
                     ("attendance", lambda: dashboard.attendance_trend(db, TODAY)),
                     ("key_figures_without_findings", lambda: dashboard.key_figures(db, TODAY, by_type=[],
                                                                                    open_todos=0))):
        out[name] = round(best_s(fn, 1), 3)
    for name, check in CHECKS.items():
        out[f"check {name}"] = round(best_s(lambda check=check: list(check(db, TODAY)), 1), 3)
    return out


def first_draw(db: Any) -> dict[str, Any]:
    """Seconds from creating the workbench page to the first paint of its first chart."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from partydesk.gui.app import create_application  # the program's fonts (CJK first), as at start-up
    from partydesk.gui.context import make_context

    app = QApplication.instance() or create_application(sys.argv[:1])
    loaded_before = "matplotlib" in sys.modules
    ctx = make_context(db)
    painted: list[float] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    start = time.perf_counter()
    from partydesk.gui.pages.workbench import WorkbenchPage

    shown: list[float] = []
    original = WorkbenchPage._loaded

    def loaded(self: Any, snapshot: Any) -> None:
        original(self, snapshot)
        self.repaint()  # the key figures and to-dos on screen, before the charts' turn
        shown.append(time.perf_counter())

    WorkbenchPage._loaded = loaded  # type: ignore[method-assign]
    page = WorkbenchPage(ctx, today=TODAY)
    page.resize(1200, 640)
    page.show()
    watch = Watch()
    deadline = start + 60
    while not (painted and shown) and time.perf_counter() < deadline:
        app.processEvents()
        canvas = page.charts["meetings_by_type"].canvas
        if canvas is not None and not canvas.property("watched"):
            canvas.setProperty("watched", True)
            canvas.installEventFilter(watch)
        time.sleep(0.001)
    result = {"todos_shown_s": round(shown[0] - start, 3) if shown else None,
              "first_draw_s": round(painted[0] - start, 3) if painted else None,
              "matplotlib_loaded_before": loaded_before}
    page.close()
    WorkbenchPage._loaded = original  # type: ignore[method-assign]
    ctx.runner.shutdown()
    return result


def measure(db_path: Path, repeat: int) -> dict[str, Any]:
    """Open the database and take every measurement."""
    from partydesk.core.services import dashboard
    from partydesk.core.services.store import open_store

    previous = open_store(db_path, backups=False)  # a session before this one: the workbench read, then the
    dashboard.snapshot(previous, TODAY)            # close that lets SQLite keep its statistics, as every
    previous.close()                               # start after the first finds them
    db = open_store(db_path, backups=False)
    try:
        drawn = first_draw(db)  # first: matplotlib must not be loaded yet
        with db.read() as session:
            from sqlalchemy import text

            members = session.execute(text("SELECT count(*) FROM member")).scalar_one()
            meetings = session.execute(text("SELECT count(*) FROM meeting")).scalar_one()
        dashboard.snapshot(db, TODAY)  # warm the page cache like a second start would
        snap = best_s(lambda: dashboard.snapshot(db, TODAY), repeat)
        base = best_s(lambda: count_pass(db), repeat)
        findings = len(dashboard.snapshot(db, TODAY).findings)
        return {"members": members, "meetings": meetings, "findings": findings, "snapshot_s": round(snap, 3),
                "baseline_count_s": round(base, 4), "ratio": round(snap / base, 1) if base else None,
                "target_s": 1.0, "parts_s": parts(db), **drawn}
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the database, measure, print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", type=Path, help="reuse this database instead of building one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="partydesk-bench-") as tmp:
        build_s = None
        db_path = args.db
        if db_path is None:
            start = time.perf_counter()
            db_path = build_db(args.members, Path(tmp))
            build_s = round(time.perf_counter() - start, 1)
        result = measure(db_path, args.repeat)
        result["build_db_s"] = build_s
        print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
