"""The import wizard tells each side what became of refused records: the committee that it tells the branch,
the branch which of its records the committee did not accept and that they go again (sync_refusals)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.sync_import_wizard import ImportDialog
from tests.core.exchange.test_refusals import NEWER, code_of, older_meetings
from tests.gui.test_exchange_page import WAIT_MS, pair  # noqa: F401  (the fixture)


def _checked(qtbot: QtBot, ctx: AppContext, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx, start=path.parent)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(path))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    return dialog


def test_the_branch_reads_which_records_the_committee_did_not_accept(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication, tmp_path: Path) -> None:
    branch, committee, folder = pair
    up = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    with older_meetings():  # the committee's program is older: it refuses the branch's meetings
        at_committee = _checked(qtbot, ctx, up.path)
        table = at_committee.refused_records
        kinds = {table.item(r, 0).text() for r in range(table.rowCount())}
        assert {"会议记录", "会议出席记录"} <= kinds  # in the office's words, not the program's type names
        at_committee.apply_button.click()
        qtbot.waitUntil(lambda: at_committee.report is not None and at_committee.report.status == "applied",
                        timeout=WAIT_MS)
    assert "下次向" in at_committee.summary.text() and "会告诉对方哪些记录被拒收及原因" in at_committee.summary.text()

    down = export_package(committee, LOCAL_USER, to_org_code=code_of(branch), out_dir=folder)
    at_branch = _checked(qtbot, make_ctx(branch), down.path)
    said = at_branch.summary.text()
    assert "没有接收本单位的以下记录：" in said and NEWER in said and "的会议“" in said
    assert "另有" in said and "见工作台的待办" in said and "都会重新发送这些记录" in said
    assert "连同这些记录的明细" in said
    at_branch.resize(at_branch.sizeHint())
    at_branch.grab().save(str(tmp_path / "refused.png"))
    at_branch.apply_button.click()
    qtbot.waitUntil(lambda: at_branch.report is not None and at_branch.report.status == "applied", timeout=WAIT_MS)
    assert "没有接收本单位的以下记录：" in at_branch.summary.text()

    again = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    assert import_package(committee, LOCAL_USER, again.path).counts["rejected"] == 0  # upgraded meanwhile
    cleared = export_package(committee, LOCAL_USER, to_org_code=code_of(branch), out_dir=folder)
    assert "已接收此前退回的" in _checked(qtbot, make_ctx(branch), cleared.path).summary.text()
