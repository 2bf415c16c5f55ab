"""The export and import wizards: the export writes to the preselected stick and says it is safe to remove
only with the verified result; the import shows the dry run's table before anything is written; a refused
package is said plainly and appears in the page's ledger as refused, with its reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_rejections import rejections
from partydesk.core.services.sync_status import exchange_status
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.sync_export_wizard import ExportDialog
from partydesk.gui.dialogs.sync_import_wizard import ImportDialog
from partydesk.gui.pages.exchange import ExchangePage
from tests.core.exchange.forge import resign
from tests.gui.test_exchange_page import WAIT_MS, pair  # noqa: F401  (the fixture)


def test_export_wizard_writes_to_the_stick_and_then_says_it_is_safe(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The stick is preselected; Write → the verified result names the file, then "safe to remove"."""
    branch, _committee, folder = pair
    stick = folder / "stick"
    stick.mkdir()
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ExportDialog(ctx, exchange_status(branch).peers, removable=stick)
    qtbot.addWidget(dialog)
    assert dialog.folder.text() == str(stick) and dialog.write_button.isEnabled()
    assert dialog.safe_text.text() == ""
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    [written] = list(stick.glob("*.pdsync"))
    assert str(written) in dialog.result_text.text()
    assert dialog.safe_text.text() == "现在可以安全拔出U盘。"
    assert not list(stick.glob("*.part"))


def test_export_wizard_without_a_stick_waits_for_a_folder(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """No removable drive: the folder is empty and Write stays off until one is given."""
    branch, _committee, folder = pair
    ctx = make_ctx(branch)
    dialog = ExportDialog(ctx, exchange_status(branch).peers, removable=None)
    qtbot.addWidget(dialog)
    assert dialog.folder.text() == "" and not dialog.write_button.isEnabled()
    dialog.folder.setText(str(folder))
    assert dialog.write_button.isEnabled()


def test_import_wizard_refusal_is_shown_and_listed_as_refused(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A package signed by the wrong key: the wizard says why, the ledger gains a refused row, nothing else."""
    branch, committee, folder = pair
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    forged = resign(sent.path, committee, lambda m: None, folder / "forged.pdsync")
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    dialog = ImportDialog(ctx, start=folder, parent=page)
    dialog.file.setText(str(forged))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "签名" in dialog.problem.text(), timeout=WAIT_MS)
    assert dialog.pages.currentIndex() == 0 and not dialog.apply_button.isVisible()
    qtbot.waitUntil(lambda: len(rejections(committee)) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.packages.model.total == 1, timeout=WAIT_MS)
    [row] = page.packages.model.all_rows()
    assert row.state == "rejected" and "签名" in row.gap
    texts = [page.packages.model.index(0, c).data() for c in range(page.packages.model.columnCount())]
    assert "已拒收" in texts and "1000" not in texts[3]
    assert exchange_status(committee).packages == []


def test_import_cancelled_from_the_wizard_writes_nothing_and_can_be_applied_again(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """Cancel while importing: the wizard says nothing was imported, Import is on again and works."""
    branch, committee, folder = pair
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=folder)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(sent.path))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    dialog.apply_button.click()
    dialog.running.cancel()  # the user presses Cancel on the progress dialog
    qtbot.waitUntil(lambda: "已取消" in dialog.gap.text() and not dialog.gap.isHidden(), timeout=WAIT_MS)
    assert dialog.apply_button.isEnabled() and dialog.report is not None and dialog.report.status == "dry_run"
    table = dialog.counts  # the note under it leaves all five outcome rows in view
    assert table.height() >= table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
    assert exchange_status(committee).peers[0].last_in is None
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.status == "applied", timeout=WAIT_MS)
    assert "已取消" not in dialog.gap.text() and dialog.gap.isHidden()
    assert exchange_status(committee).peers[0].last_in is not None
