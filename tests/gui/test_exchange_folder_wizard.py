"""The import wizard on a folder (a committee's stick, gathered from many branches): every package checked, one row
each with what its import would do, then imported one after another, each whole or not at all; a folder of refusals
only offers to record them, one imported before only to close; an import stopped part-way says where, and goes on
later; a conflict to come is said before the import and again after it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.errors import KnownError
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_rejections import rejections
from partydesk.core.services.sync_status import exchange_status
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.sync_import_wizard import FOLDER_COLUMNS, ImportDialog
from partydesk.gui.pages.exchange import ExchangePage
from tests.core.exchange.forge import flip_bit
from tests.core.exchange.interrupting import failing_at
from tests.core.exchange.test_folder_import import Stick, stick  # noqa: F401  (the fixture)
from tests.gui.test_exchange_page import WAIT_MS, pair  # noqa: F401  (the fixture)
from tests.gui.test_exchange_wizards import checking, corrected_at_the_committee


def test_import_wizard_checks_a_whole_folder_then_imports_every_package(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A folder: one row per package with its counts and state, nothing written; Import all → each row says
    imported, the damaged copy refused (and in the ledger), the page's ledger lists both packages."""
    branch, committee, folder = pair
    usb = folder / "usb"
    usb.mkdir()
    first = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=usb)
    second = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=usb)
    flip_bit(second.path, 700, usb / "z damaged.pdsync")
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    dialog = ImportDialog(ctx, start=folder, offices={"3301060012": "示范支部"}, parent=page)
    dialog.file.setText(str(usb))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT_MS)
    table = dialog.folder_table

    def row(r: int) -> list[str]:
        return [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]

    assert [row(r)[0] for r in range(3)] == [first.path.name, second.path.name, "z damaged.pdsync"]
    assert row(0)[1:3] == ["示范支部", "1"] and int(row(0)[3]) > 0 and row(0)[-1] == "可以导入"
    # no gap (package 1 is in the same folder), and its counts are said to be as if alone
    assert row(1)[2] == "2" and row(1)[-1] == "可以导入，在第 1 号之后导入（那个导入后，这里的数字会变少）"
    assert row(2)[-1].startswith("拒收：") and row(2)[3] == ""
    assert "3 个数据包" in dialog.folder_summary.text() and "2 个可以导入" in dialog.folder_summary.text()
    assert dialog.apply_button.text() == "全部导入(&I)" and exchange_status(committee).packages == []
    assert rejections(committee) == []
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.apply_button.isHidden(), timeout=WAIT_MS)
    # Each says what it brought, as a single package's check does
    assert all(row(r)[-1].startswith("已导入，数据包内含党员 ") for r in range(2)) and row(2)[-1].startswith("拒收：")
    assert dialog.folder_summary.text() == "已导入 2 个数据包。1 个被拒收，已登记在“数据交换”页的数据包列表中。"
    assert dialog.cancel_button.text() == "关闭"
    assert [r.file_name for r in rejections(committee)] == ["z damaged.pdsync"]
    qtbot.waitUntil(lambda: page.packages.model.total == 3, timeout=WAIT_MS)


def test_a_folder_of_refused_packages_only_offers_to_record_the_refusals(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """Nothing in the folder can be imported: the button does not say 全部导入 but what it will do."""
    branch, committee, folder = pair
    usb = folder / "usb"
    usb.mkdir()
    flip_bit(export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path, 700, usb / "damaged.pdsync")
    dialog = checking(qtbot, make_ctx(committee), app, usb)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT_MS)
    assert dialog.apply_button.text() == "记下拒收原因(&R)" and dialog.apply_button.isEnabled()
    assert "会连同拒收原因记入“收发的数据包”列表" in dialog.folder_summary.text()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: [r.file_name for r in rejections(committee)] == ["damaged.pdsync"], timeout=WAIT_MS)
    assert exchange_status(committee).packages == []


def test_a_folder_imported_before_offers_only_to_close(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The stick brought again: every row says when it was imported; no greyed-out button to puzzle over,
    only 关闭 (Enter closes), and nothing is written."""
    branch, committee, folder = pair
    usb = folder / "usb"
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=usb)
    assert import_package(committee, LOCAL_USER, sent.path).status == "applied"
    dialog = checking(qtbot, make_ctx(committee), app, usb)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT_MS)
    assert dialog.folder_table.item(0, len(FOLDER_COLUMNS) - 1).text().startswith("已于")
    assert dialog.apply_button.isHidden() and dialog.check_button.isHidden()
    assert dialog.cancel_button.text() == "关闭" and dialog.cancel_button.isDefault()
    assert len(exchange_status(committee).packages) == 1 and rejections(committee) == []


def test_import_wizard_says_when_a_folder_holds_no_package(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    _branch, committee, folder = pair
    empty = folder / "empty"
    empty.mkdir()
    dialog = checking(qtbot, make_ctx(committee), app, empty)
    qtbot.waitUntil(lambda: "没有数据包" in dialog.problem.text(), timeout=WAIT_MS)
    assert dialog.pages.currentIndex() == 0 and dialog.check_button.isEnabled()


def test_import_wizard_says_where_a_folder_import_stopped_and_goes_on_later(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error at the second package: the first row says imported, the second names the error, the summary
    says the first stays; Import all again imports the rest."""
    import partydesk.core.services.sync_folder as folder_import

    branch, committee, folder = pair
    usb = folder / "usb"
    usb.mkdir()
    for _ in range(2):
        last = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=usb)
    flip_bit(last.path, 700, usb / "z damaged.pdsync")
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=folder)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(usb))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT_MS)
    state = dialog.folder_table.columnCount() - 1
    refused = dialog.folder_table.item(2, state).text()
    assert refused.startswith("拒收：")
    real = folder_import.import_package
    monkeypatch.setattr(folder_import, "import_package", failing_at(2, real, KnownError("U盘已拔出。")))
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: "导入中止" in dialog.folder_summary.text(), timeout=WAIT_MS)
    assert [dialog.folder_table.item(r, state).text()[:3] for r in range(2)] == ["已导入", "未导入"]
    assert dialog.folder_table.item(1, state).text() == "未导入：U盘已拔出。"
    # the package not reached keeps the reason the check found for refusing it
    assert dialog.folder_table.item(2, state).text() == "未导入：" + refused.removeprefix("拒收：")
    counts = range(3, state)  # the written counts where it was written; the other's dry run is not shown as done
    assert [dialog.folder_table.item(0, c).text() for c in counts] != [""] * len(counts)
    assert [dialog.folder_table.item(1, c).text() for c in counts] == [""] * len(counts)
    assert "已导入的 1 个数据包保留" in dialog.folder_summary.text() and dialog.apply_button.isEnabled()
    dialog.grab().save(str(folder / "stopped.png"))
    monkeypatch.setattr(folder_import, "import_package", real)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.apply_button.isHidden(), timeout=WAIT_MS)
    assert [dialog.folder_table.item(r, state).text()[:3] for r in range(2)] == ["已导入", "已导入"]
    assert dialog.folder_table.item(2, state).text() == refused
    assert [dialog.folder_table.item(1, c).text() for c in counts] != [""] * len(counts)


def test_a_package_that_will_bring_a_conflict_says_so_before_the_import(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The folder check of a package that meets the committee's own correction: 可以导入, and that one conflict
    will be left to decide (it said only 可以导入)."""
    branch, committee, folder = pair
    member_id = corrected_at_the_committee(branch, committee, folder)
    with branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).address = "幸福南路9号"  # type: ignore[union-attr]
    usb = folder / "usb"
    export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=usb)
    dialog = checking(qtbot, make_ctx(committee), app, usb)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT_MS)
    state = dialog.folder_table.item(0, dialog.folder_table.columnCount() - 1).text()
    assert state == "可以导入；其中 1 条冲突，导入后要逐条决定"
    dialog.apply()  # and once imported, the result below the rows says so again, with where to decide it
    qtbot.waitUntil(lambda: dialog.folder_summary.text().startswith("已导入 1 个数据包。"), timeout=WAIT_MS)
    assert "其中 1 条记录本单位也改过" in dialog.folder_summary.text()
    assert "“处理冲突…”" in dialog.folder_summary.text()
