"""The workbench shows what needs doing first, then draws its charts from the same snapshot, once: the to-dos
never wait for matplotlib, and the charts are not drawn again when a reload brings the same data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.demo import populate
from partydesk.core.services import dashboard
from partydesk.core.storage.database import Database, open_database
from partydesk.gui.context import AppContext
from partydesk.gui.pages.workbench import WorkbenchPage
from tests.gui.conftest import WAIT_MS

TODAY = date(2026, 11, 30)


def test_the_todos_show_before_the_charts_are_drawn_and_the_charts_once(
        qtbot: QtBot, tmp_path: Path, app: QApplication, make_ctx: Callable[[Database], AppContext]) -> None:
    """One snapshot in: the to-do figure and board are filled before any chart is drawn; the first chart
    follows from the same data; the same snapshot again draws nothing anew."""
    del app
    database = open_database(tmp_path / "demo.db")
    populate(database)
    ctx = make_ctx(database)
    try:
        page = WorkbenchPage(ctx, today=TODAY)
        qtbot.addWidget(page)
        page.show()
        waiting = {f.value_label.text() for f in page.figures.values()}
        assert waiting == {"…"}, "until the snapshot comes in, the figures say they are coming, not that none exist"
        qtbot.waitUntil(lambda: page.snapshot is not None, timeout=WAIT_MS)
        ctx.runner.wait_idle(WAIT_MS)
        page.chart_data = None
        page.board.set_findings([])
        before = page.charts["meetings_by_type"].figure
        full = dashboard.snapshot(database, TODAY)
        page._loaded(full)  # as the DB lane hands it over: nothing is drawn before control returns
        assert page.figures["todoFigure"].value_label.text() == str(len(full.findings)) != "0"
        assert page.board.findings() == full.findings
        assert page.charts["meetings_by_type"].figure is before, "the charts wait for the to-dos to paint"
        qtbot.waitUntil(lambda: page.charts["meetings_by_type"].figure is not before, timeout=WAIT_MS)
        first = page.charts["meetings_by_type"].figure
        page._loaded(dashboard.snapshot(database, TODAY))
        QApplication.processEvents()
        assert page.charts["meetings_by_type"].figure is first, "the same data is not drawn twice"
    finally:
        ctx.runner.wait_idle(WAIT_MS)
        ctx.runner.shutdown()
        database.close()


def test_opening_a_summary_lists_its_members(qtbot: QtBot, db: Database, app: QApplication,
                                             make_ctx: Callable[[Database], AppContext]) -> None:
    """A summary of 12 members behind on study opens the roster filtered to those 12, under its message; the
    summary of the 12 due a talk opens the 应谈话 list, where their talks are recorded."""
    del app
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.domain.member import MemberData
    from partydesk.core.services.bulk import insert_members

    insert_members(db, LOCAL_USER, [
        MemberData(name=f"党员{i:02d}", gender="1", id_type="1", id_number=f"1101011990{i:04d}0011", category="1",
                   joined_on=date(1999, 1, 1), confirmed_on=date(2000, 1, 1)) for i in range(12)], today=TODAY)
    ctx = make_ctx(db)
    try:
        page = WorkbenchPage(ctx, today=TODAY)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.snapshot is not None, timeout=WAIT_MS)
        assert page.snapshot is not None
        (summary,) = [f for f in page.snapshot.findings if f.code == "study.behind"]
        with qtbot.waitSignal(page.membersRequested, timeout=WAIT_MS) as signal:
            page.open_finding(summary)
        ids, label = signal.args  # type: ignore[misc]
        assert len(ids) == 12 and label == summary.message
        (talks,) = [f for f in page.snapshot.findings if f.code == "talk.none"]
        with qtbot.waitSignal(page.targetRequested, timeout=WAIT_MS) as signal:
            page.open_finding(talks)
        assert signal.args == ["talks_due", db.site.organisation_id if db.site else ""]
    finally:
        ctx.runner.wait_idle(WAIT_MS)
        ctx.runner.shutdown()


def test_a_snapshot_that_cannot_be_read_says_so_on_the_board(qtbot: QtBot, tmp_path: Path, app: QApplication,
                                                            make_ctx: Callable[[Database], AppContext],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A read that fails (the file locked by another program) does not leave the page saying it is still
    checking: the board gives the reason, the figures never read are blank, the status bar says it too."""
    from partydesk.core.errors import KnownError
    from partydesk.gui import languages

    database = open_database(tmp_path / "demo.db")
    populate(database)
    ctx = make_ctx(database)
    languages.install_language(app, "zh_CN", ctx.hub)

    def locked(*_args: object, **_kwargs: object) -> dashboard.Dashboard:
        raise KnownError("数据库正被另一个程序使用，请稍后再试。")

    monkeypatch.setattr(dashboard, "snapshot", locked)
    try:
        with qtbot.waitSignal(ctx.hub.statusMessage, timeout=WAIT_MS) as said:
            page = WorkbenchPage(ctx, today=TODAY)
            qtbot.addWidget(page)
            page.show()
        assert said.args == ["数据库正被另一个程序使用，请稍后再试。"]
        first = page.board.tree.topLevelItem(0)
        assert first is not None and first.text(0) == "未能读取待办事项：数据库正被另一个程序使用，请稍后再试。"
        assert {f.value_label.text() for f in page.figures.values()} == {"—"}
    finally:
        ctx.runner.wait_idle(WAIT_MS)
        ctx.runner.shutdown()
        database.close()
