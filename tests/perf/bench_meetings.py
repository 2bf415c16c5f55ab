"""Meetings benchmark on a committee file: 200 branches × five years (about 60 000 meetings, 1.5 million
attendance rows): the compliance calendar against a plain count, and the meetings page's first paint.

Run: ``python tests/perf/bench_meetings.py [--branches 200] [--years 5] [--repeat 5] [--db PATH]``. Not
collected by pytest. Generates the file with Core bulk inserts (not the services: a million ORM rows would
take minutes) in a temp dir, or reuses ``--db`` (made by an earlier run with ``--keep PATH``). Prints one
JSON object:

- ``rows``: meetings and attendance rows in the file;
- ``calendar``: ``meeting_reports.compliance`` for the latest year over the whole file (``file_ms``) and
  for one branch (``branch_ms``), against one plain ``SELECT count(*)`` over the attendance table in the
  same run (``count_ms``); best of ``--repeat``; the target is ``ratio`` (file / count) ≤ 3;
- ``attendance_ms``: ``attendance_rates`` and ``absent_in_a_row`` for the latest year (for the record);
- ``absence_runs``: ``meeting_repo.absence_runs`` over the whole file (``new_ms``) against the grouped-subquery
  query it replaced (``old_ms``, ``tests/core/absence_reference``) and a plain count of the absent rows
  (``count_ms``), all in the same run; ``same`` says both queries found the same runs; ``branch_ms`` is one
  branch (the 出勤统计 tab of a committee with a branch chosen);
- ``page``: offscreen, from creating the meetings page to the first paint of its list showing rows
  (``first_paint_s``; target under 0.5 s) and of its calendar tab (``calendar_paint_s``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.core.absence_reference

MEMBERS = 40  # per branch: two groups of 20, a committee of 6
GROUPS = ("第一党小组", "第二党小组")
TARGET_RATIO = 3.0
TARGET_PAINT_S = 0.5
CHUNK = 50_000


def _sync(site: str, seq: int, now: datetime) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "owner_site": site, "version": f"{seq:016d}", "change_seq": seq,
            "deleted": False, "updated_at": now, "updated_by": "bench"}


def build_db(path: Path, branches: int, years: int, last_year: int) -> None:
    """A committee file with ``branches`` branches of MEMBERS members and ``years`` years of meetings."""
    from sqlalchemy import insert

    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.setup import OrganisationInput, initialise_site
    from partydesk.core.storage.database import open_database
    from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance
    from partydesk.core.storage.tables import Member, Organisation

    rng = random.Random(9)
    db = open_database(path)
    initialise_site(db, LOCAL_USER, organisation=OrganisationInput(
        name="中共示范街道工作委员会", code="3301060000", org_type="党委", secretary="张明", contact="李华",
        phone="0571-86000000"), role="committee")
    assert db.site is not None
    site, parent, now, seq = db.site.site_id, db.site.organisation_id, datetime(2026, 11, 30), 1000
    orgs, members, meetings, attendance = [], [], [], []
    roster: dict[str, list[tuple[str, str, bool]]] = {}
    for b in range(branches):
        seq += 1
        org = {**_sync(site, seq, now), "code": f"33010600{b:03d}", "name": f"第{b + 1}支部", "org_type": "党支部",
               "parent_id": parent}
        orgs.append(org)
        roster[org["id"]] = []
        for i in range(MEMBERS):
            seq += 1
            member = {**_sync(site, seq, now), "org_id": org["id"], "name": f"党员{b}-{i}", "gender": "1",
                      "id_type": "01", "id_number": f"B{b:03d}{i:03d}", "category": "1",
                      "joined_on": date(2000, 1, 1), "party_group": GROUPS[i % 2], "party_post": "03" if i < 6 else ""}
            members.append(member)
            roster[org["id"]].append((member["id"], GROUPS[i % 2], i < 6))
    for org_id, people in roster.items():
        for year in range(last_year - years + 1, last_year + 1):
            for month in range(1, 13):
                plan = [("committee", ""), ("theme_day", ""), *(("group", g) for g in GROUPS)]
                if month in (1, 4, 7, 10):
                    plan += [("general", ""), ("lecture", "")]
                if month == 1:
                    plan += [("org_life", ""), ("appraisal", "")]
                for code, group in plan:
                    if rng.random() < 0.04:  # a few real gaps
                        continue
                    seq += 1
                    meeting = {**_sync(site, seq, now), "org_id": org_id, "type_code": code, "party_group": group,
                               "topic": f"{code}{year}{month}", "held_on": date(year, month, rng.randint(1, 28))}
                    meetings.append(meeting)
                    for member_id, member_group, committee in people:
                        if (code == "committee" and not committee) or (code == "group" and member_group != group):
                            continue
                        seq += 1
                        status = "present" if rng.random() < 0.9 else rng.choice(("leave", "absent"))
                        attendance.append({**_sync(site, seq, now), "meeting_id": meeting["id"],
                                           "member_id": member_id, "status": status, "voting": True, "reason": ""})
    with db.engine.begin() as conn:
        for table, rows in ((Organisation, orgs), (Member, members), (Meeting, meetings),
                            (MeetingAttendance, attendance)):
            for start in range(0, len(rows), CHUNK):
                conn.execute(insert(table), rows[start:start + CHUNK])
    db.close()


def best_ms(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def measure(db_path: Path, repeat: int, year: int) -> dict[str, Any]:
    """Every figure over the file at ``db_path``."""
    from sqlalchemy import func, select

    from partydesk.core.services import meeting_reports
    from partydesk.core.services.store import open_store
    from partydesk.core.storage.meeting_tables import Meeting, MeetingAttendance

    db = open_store(db_path, backups=False)
    today = date(year, 11, 30)
    result: dict[str, Any] = {}
    try:
        with db.read() as session:
            result["rows"] = {"meetings": session.scalar(select(func.count()).select_from(Meeting)),
                              "attendance": session.scalar(select(func.count()).select_from(MeetingAttendance))}
            branch = session.scalar(select(Meeting.org_id).limit(1))

        def plain_count() -> None:
            with db.read() as session:
                session.scalar(select(func.count()).select_from(MeetingAttendance))

        count_ms = best_ms(plain_count, repeat)
        file_ms = best_ms(lambda: meeting_reports.compliance(db, year, as_of=today), repeat)
        branch_ms = best_ms(lambda: meeting_reports.compliance(db, year, as_of=today, org_id=branch), repeat)
        result["calendar"] = {"count_ms": round(count_ms, 1), "file_ms": round(file_ms, 1),
                              "branch_ms": round(branch_ms, 1), "ratio": round(file_ms / count_ms, 2),
                              "target_ratio": TARGET_RATIO, "meets_target": file_ms / count_ms <= TARGET_RATIO}
        result["attendance_ms"] = {
            "rates": round(best_ms(lambda: meeting_reports.attendance_rates(db, year), 1), 1),
            "absent_in_a_row": round(best_ms(lambda: meeting_reports.absent_in_a_row(db, until=today), 1), 1)}
        result["absence_runs"] = _absence_runs(db, today, branch)
        result["page"] = _first_paint(db, today)
    finally:
        db.close()
    return result


def _absence_runs(db: Any, today: date, branch: str) -> dict[str, Any]:
    """The 出勤统计 runs against the query they replaced and a plain count of absences, best of two each."""
    from sqlalchemy import func, select

    from partydesk.core.storage import meeting_repo
    from partydesk.core.storage.meeting_tables import MeetingAttendance
    from tests.core.absence_reference import reference_runs

    found: dict[str, Any] = {}
    with db.read() as session:
        def absent_count() -> None:
            attendance = MeetingAttendance
            session.scalar(select(func.count()).select_from(attendance).where(attendance.status == "absent"))

        count_ms = best_ms(absent_count, 2)
        new_ms = best_ms(lambda: found.__setitem__("new", meeting_repo.absence_runs(session, today, 3)), 2)
        old_ms = best_ms(lambda: found.__setitem__("old", reference_runs(session, today, 3)), 2)
        branch_ms = best_ms(lambda: meeting_repo.absence_runs(session, today, 3, org_id=branch), 2)
    return {"count_ms": round(count_ms, 1), "new_ms": round(new_ms, 1), "old_ms": round(old_ms, 1),
            "branch_ms": round(branch_ms, 1), "speedup": round(old_ms / new_ms, 1),
            "new_over_count": round(new_ms / count_ms, 2), "runs": len(found["new"]),
            "same": found["new"] == found["old"]}


def _first_paint(db: Any, today: date) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from partydesk.gui.app import create_application
    from partydesk.gui.context import make_context
    from partydesk.gui.languages import install_language
    from partydesk.gui.pages.meetings import MeetingsPage

    app = create_application(sys.argv[:1])
    marks: dict[str, float] = {}

    class Watch(QObject):
        def __init__(self, key: str, has_rows: Callable[[], bool]) -> None:
            super().__init__()
            self.key, self.has_rows = key, has_rows

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and self.has_rows():
                marks.setdefault(self.key, time.perf_counter())
            return False

    with tempfile.TemporaryDirectory(prefix="partydesk-bench-") as tmp:
        ctx = make_context(db, settings=QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        install_language(app, "zh_CN", ctx.hub)
        try:
            start = time.perf_counter()
            page = MeetingsPage(ctx, today=today)
            view = page.list_view
            watch = Watch("rows", lambda: page.list_row_count() > 0)
            view.viewport().installEventFilter(watch)
            page.resize(1236, 700)
            page.show()
            _until(lambda: "rows" in marks, QApplication)
            shown = page.list_row_count()
            calendar_start = time.perf_counter()
            calendar_watch = Watch("calendar", lambda: page.calendar.model.rowCount() > 0)
            page.calendar.view.viewport().installEventFilter(calendar_watch)
            page.show_tab("calendar")
            _until(lambda: "calendar" in marks, QApplication)
            ctx.runner.wait_idle(60_000)
        finally:
            ctx.runner.shutdown()
    first = marks.get("rows", float("nan")) - start
    return {"first_paint_s": round(first, 3), "rows_shown": shown,
            "calendar_paint_s": round(marks.get("calendar", float("nan")) - calendar_start, 3),
            "target_s": TARGET_PAINT_S, "meets_target": first < TARGET_PAINT_S}


def _until(done: Callable[[], bool], qapplication: Any) -> None:
    deadline = time.perf_counter() + 120
    while not done() and time.perf_counter() < deadline:
        qapplication.processEvents()
        time.sleep(0.001)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--branches", type=int, default=200)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse a file made earlier (with --keep)")
    parser.add_argument("--keep", type=Path, help="build the file here and keep it")
    args = parser.parse_args()
    year = 2026
    with tempfile.TemporaryDirectory(prefix="partydesk-bench-") as tmp:
        path = args.db or args.keep or Path(tmp) / "committee.db"
        build_s = None
        if args.db is None:
            start = time.perf_counter()
            build_db(path, args.branches, args.years, year)
            build_s = round(time.perf_counter() - start, 1)
        result = {"branches": args.branches, "years": args.years, "build_s": build_s,
                  **measure(path, args.repeat, year)}
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
