"""The hub's publishing path: a task's result with changes reaches the pages, through the runner only.

Nothing here emits a hub signal by hand: writes run as jobs or operations on the task runner, which
publishes what their results carry, and the tests look at what a page or listener received.
"""

from __future__ import annotations

import threading
from datetime import date

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.services.members import MemberSaved
from partydesk.core.services.store import BackupInfo
from partydesk.gui.context import AppContext
from partydesk.gui.hub import Hub
from partydesk.gui.languages import install_language
from partydesk.gui.operations import backups
from partydesk.gui.operations import members as member_ops
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import ZHANG, member, names, open_page


def test_a_saved_member_reaches_the_members_page(qtbot: QtBot, ctx: AppContext) -> None:
    """The member form's operation saves; the runner publishes MemberSaved.changes; the roster shows the row."""
    page = open_page(qtbot, ctx)
    seen: list[Changes] = []
    ctx.hub.changed.connect(seen.append)
    results: list[object] = []
    member_ops.save_member(page, ctx, member_id=None, data=ZHANG, confirmed=True, on_done=results.append,
                           on_error=results.append)
    assert ctx.runner.wait_idle(WAIT_MS)
    [saved] = results
    assert isinstance(saved, MemberSaved)
    assert seen == [saved.changes] and seen[0].ids_of(ChangeKind.MEMBER) == {saved.member_id}
    assert names(page) == ["张三"]


def test_an_edit_reaches_the_page_once_as_one_record(qtbot: QtBot, ctx: AppContext) -> None:
    """One write is one broadcast, and the page shows the edited value."""
    page = open_page(qtbot, ctx)
    ids: list[str] = []
    failures: list[object] = []
    member_ops.save_member(page, ctx, member_id=None, data=ZHANG, confirmed=True,
                           on_done=lambda saved: ids.append(saved.member_id), on_error=failures.append)
    assert ctx.runner.wait_idle(WAIT_MS)
    seen: list[Changes] = []
    ctx.hub.changed.connect(seen.append)
    edited = member("张三", date(1980, 1, 1), 11, phone="13900001111", work_unit="县农机站")
    member_ops.save_member(page, ctx, member_id=ids[0], data=edited, confirmed=True, on_done=lambda _r: None,
                           on_error=failures.append)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert failures == [] and len(seen) == 1
    assert page.model.row_at(0) is not None and page.model.row_at(0).work_unit == "县农机站"


def test_a_job_that_changed_nothing_refreshes_no_page(qtbot: QtBot, ctx: AppContext) -> None:
    """An empty Changes result (nothing written) is not broadcast, so no page reloads."""
    page = open_page(qtbot, ctx)
    resets: list[str] = []
    page.model.modelReset.connect(lambda: resets.append("reset"))
    with qtbot.assertNotEmitted(ctx.hub.changed):
        ctx.runner.submit(lambda _progress: Changes())
        assert ctx.runner.wait_idle(WAIT_MS)
    assert resets == []


def test_publish_off_the_gui_thread_is_refused(qapp: object) -> None:
    """Publishing from a worker would run page slots there, so it raises instead of emitting."""
    hub = Hub()
    seen: list[Changes] = []
    errors: list[BaseException] = []
    hub.changed.connect(seen.append)

    def worker() -> None:
        try:
            hub.publish(Changes.of(ChangeKind.MEMBER))
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(5)
    assert len(errors) == 1
    assert seen == []


def test_a_backup_reaches_the_hub_with_its_description(qtbot: QtBot, ctx: AppContext) -> None:
    """The backup operation hands the verified backup's record to ``backupMade`` (the status bar)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    with qtbot.waitSignal(ctx.hub.backupMade, timeout=WAIT_MS) as made:
        backups.back_up(parent, ctx, reason="manual")
    assert isinstance(made.args[0], BackupInfo) and made.args[0].path.exists()


def test_switching_language_tells_the_hub(qtbot: QtBot, ctx: AppContext, app: object) -> None:
    """Installing a language emits ``languageChanged`` for models and titles."""
    with qtbot.waitSignal(ctx.hub.languageChanged, timeout=WAIT_MS):
        install_language(app, "en", ctx.hub)  # type: ignore[arg-type]
