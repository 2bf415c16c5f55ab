"""After a restore, the packages imported since the backup it came from are offered for import again, and Import
brings their records back (RELIABILITY ST-7)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import maintenance, sync_received
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database, open_database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs import replay
from partydesk.gui.dialogs.sync_import_wizard import LAST_IMPORT_FOLDER_KEY, ImportDialog
from partydesk.gui.folders import per_database
from partydesk.gui.mainwindow import MainWindow
from tests.gui.test_exchange_page import WAIT_MS, pair  # noqa: F401  (the fixture)


def _members(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(text("SELECT count(*) FROM member")).scalar_one())


def test_the_packages_a_restore_took_away_are_offered_and_imported_again(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    branch, committee, folder = pair
    backup = maintenance.backup_now(committee)
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    assert import_package(committee, LOCAL_USER, sent.path).status == "applied"
    held = _members(committee)
    path = committee.path
    committee.close()
    maintenance.restore(path, backup.path)
    restored = open_database(path)
    try:
        ctx = make_ctx(restored)
        languages.install_language(app, "zh_CN", ctx.hub)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        asked: list[int] = []
        monkeypatch.setattr(replay, "ask", lambda parent, count: asked.append(count) or True)

        dialog = replay.offer_replay(window)

        assert asked == [1] and isinstance(dialog, ImportDialog)
        assert window.current_page_id() == "exchange"
        assert dialog.file.text() == str(sync_received.folder_of(path))
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT_MS)  # checked at once
        assert "用来找回恢复时丢掉的记录" in dialog.folder_summary.text()
        assert "幸福社区第一支部" in dialog.folder_table.item(0, 1).text()  # by name, not "unregistered"
        with qtbot.waitSignal(ctx.hub.changed, timeout=WAIT_MS):
            dialog.apply_button.click()
        qtbot.waitUntil(lambda: _members(restored) == held, timeout=WAIT_MS)
        dialog.close()
        assert replay.offer_replay(window) is None and asked == [1]  # nothing missing now: not asked again
        assert not ctx.settings.value(per_database(LAST_IMPORT_FOLDER_KEY, path))  # no stick to offer next time
    finally:
        ctx.runner.wait_idle(WAIT_MS)
        restored.close()
