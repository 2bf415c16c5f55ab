"""The export and import wizards: the export writes to the preselected stick and says it is safe to remove
only with the verified result; the import shows the dry run's table before anything is written; a refused
package is said plainly and appears in the page's ledger as refused, with its reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.progress import Progress
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_folder import check_folder, import_checked
from partydesk.core.services.sync_import import import_package
from partydesk.core.services.sync_rejections import rejections
from partydesk.core.services.sync_status import exchange_status
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.sync_export_wizard import ExportDialog
from partydesk.gui.dialogs.sync_import_wizard import LAST_IMPORT_FOLDER_KEY, ImportDialog
from partydesk.gui.folders import per_database
from partydesk.gui.pages.exchange import ExchangePage
from partydesk.gui.widgets.error_label import ERROR_COLOUR
from tests.core.exchange.forge import resign
from tests.core.exchange.test_folder_import import Stick, stick  # noqa: F401  (the fixture)
from tests.gui.test_exchange_page import WAIT_MS, pair  # noqa: F401  (the fixture)


def test_export_wizard_writes_to_the_stick_and_then_says_it_is_safe(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The USB stick is preselected; Write → the verified result names the file, then "safe to remove"."""
    branch, _committee, folder = pair
    usb = folder / "usb"
    usb.mkdir()
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ExportDialog(ctx, exchange_status(branch).peers, removable=usb)
    qtbot.addWidget(dialog)
    assert dialog.folder.text() == str(usb) and dialog.write_button.isEnabled()
    # Nothing confirmed yet: the ordinary package is said to carry everything (no need to choose 全量).
    assert dialog.changes.isChecked() and dialog.changes.text().startswith("对方尚未确认收到的全部内容")
    assert dialog.safe_text.text() == ""
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    [written] = list(usb.glob("*.pdsync"))
    assert str(written) in dialog.result_text.text()
    assert dialog.safe_text.text() == "现在可以安全拔出U盘。"
    assert not list(usb.glob("*.part"))




def test_export_wizard_without_a_stick_waits_for_a_folder(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """No removable drive: the folder is empty and Write stays off until one is given; the next time, the folder
    written to is offered again."""
    branch, committee, folder = pair
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ExportDialog(ctx, exchange_status(branch).peers, removable=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(100)
    assert dialog.folder.text() == "" and not dialog.write_button.isEnabled()
    assert "请自己选择文件夹" in dialog.stick_note.text()
    before = (dialog.write_button.mapToGlobal(dialog.write_button.rect().topLeft()), dialog.stick_note.geometry())
    qtbot.keyClicks(dialog.folder, str(folder))  # typed, as an office would
    qtbot.wait(100)
    assert dialog.write_button.isEnabled()
    assert dialog.stick_note.isHidden(), "a folder chosen: 'no USB stick found' is no longer about it"
    # Nothing moves under the pointer: the note's room stays, and the button where the office was about to click
    # it (on a real screen the dialog grew by a line as the note went, and the button moved down).
    assert (dialog.write_button.mapToGlobal(dialog.write_button.rect().topLeft()),
            dialog.stick_note.geometry()) == before
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    again = ExportDialog(ctx, exchange_status(branch).peers, removable=None)  # the next export, still no stick
    qtbot.addWidget(again)
    assert again.folder.text() == str(folder) and again.write_button.isEnabled()
    assert "已填入上次用过的文件夹" in again.stick_note.text()
    elsewhere = make_ctx(committee)  # another database on this computer: the branch's folder is not its own
    other = ExportDialog(elsewhere, exchange_status(committee).peers, removable=None)
    qtbot.addWidget(other)
    assert other.folder.text() == "" and other.last_folder is None
    # Before its first export, the committee is offered the folder it last imported from: the branches' stick.
    elsewhere.settings.setValue(per_database(LAST_IMPORT_FOLDER_KEY, committee.path), str(folder))
    first = ExportDialog(elsewhere, exchange_status(committee).peers, removable=None)
    qtbot.addWidget(first)
    assert first.folder.text() == str(folder) and "已填入上次用过的文件夹" in first.stick_note.text()


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


def test_a_package_imported_before_is_said_plainly_not_as_a_refusal(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """Checked again, a package imported already is a no-op, said in the text's own colour (red read as a fault);
    a refusal checked after it is red again."""
    branch, committee, folder = pair
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    assert import_package(committee, LOCAL_USER, sent.path).status == "applied"
    dialog = checking(qtbot, make_ctx(committee), app, sent.path)
    qtbot.waitUntil(lambda: "导入过" in dialog.problem.text(), timeout=WAIT_MS)
    assert dialog.problem.styleSheet() == "" and dialog.pages.currentIndex() == 0
    dialog.file.setText(str(folder / "gone.pdsync"))
    dialog.check_button.click()
    assert "找不到" in dialog.problem.text() and "#b00020" in dialog.problem.styleSheet()


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


def test_export_wizard_writes_every_branch_its_receipt_at_once(
        qtbot: QtBot, stick: Stick, make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication, tmp_path: Path) -> None:
    """A committee with two branches is offered every branch first: one package each, listed with its number
    and receipts, then "safe to remove"; a second run passes both over and says why."""
    import_checked(stick.committee, LOCAL_USER, check_folder(stick.committee, LOCAL_USER, stick.folder, Progress()),
                   Progress())
    back = tmp_path / "back"
    back.mkdir()
    ctx = make_ctx(stick.committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ExportDialog(ctx, exchange_status(stick.committee).peers, removable=back)
    qtbot.addWidget(dialog)
    assert dialog.destination.currentText() == "全部下级（每个单位一个数据包）"
    assert dialog.changes.text() == "回执，以及等待下发给各支部的通知、学习资料和更正"
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    lines = dialog.result_text.text().split("\n")
    assert lines[0] == "已写出 2 个数据包，每个都已从U盘读回核对，文件完好："
    assert lines[1:3] == ["支部1：第 1 号，回执，确认收到对方 2 个数据包",
                          "支部2：第 1 号，回执，确认收到对方 1 个数据包"]
    assert len(list(back.glob("*.pdsync"))) == 2 and dialog.safe_text.text() == "现在可以安全拔出U盘。"
    at_branch = ImportDialog(make_ctx(stick.first), start=back, stick=back)  # the stick goes back to branch 1
    qtbot.addWidget(at_branch)
    at_branch.check_button.click()
    qtbot.waitUntil(lambda: at_branch.pages.currentIndex() == 2, timeout=WAIT_MS)
    at_branch.apply_button.click()
    qtbot.waitUntil(lambda: at_branch.apply_button.isHidden(), timeout=WAIT_MS)
    state = at_branch.folder_table.columnCount() - 1
    assert [at_branch.folder_table.item(r, state).text() for r in range(2)] == [
        "已导入（回执）；对方确认已收到本单位的 2 个数据包",
        "数据包写明是发给组织代码 3301060002 的，跳过（可转交给对方）"]  # whose it is
    again = ExportDialog(ctx, exchange_status(stick.committee).peers, removable=back)
    qtbot.addWidget(again)
    again.write_button.click()
    qtbot.waitUntil(lambda: again.pages.currentIndex() == 1, timeout=WAIT_MS)
    said = again.result_text.text().split("\n")
    assert said[0] == "没有写出数据包：" and said[1].startswith("支部1：未写出。自上次下发")
    assert again.safe_text.text() == ""
    again.show()  # the lines fit, and Close stays inside the window
    assert again.rect().contains(again.close_button.geometry().translated(again.buttons.pos()))
    assert len(list(back.glob("*.pdsync"))) == 2


def test_import_wizard_starts_on_the_stick_when_one_is_found(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A stick found: its folder is filled in and said so, and Enter checks every package on it."""
    branch, committee, folder = pair
    usb = folder / "usb"
    usb.mkdir()
    export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=usb)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=usb, stick=usb)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.file.text() == str(usb) and dialog.check_button.isEnabled()
    assert dialog.stick_note.isVisible() and str(usb) in dialog.stick_note.text()
    dialog.file.setText(str(folder / "另一个.pdsync"))
    assert dialog.stick_note.isHidden(), "another path: what was said of the stick is not about it"
    dialog.file.setText(str(usb))
    assert dialog.stick_note.isVisible()
    qtbot.keyClick(dialog.file, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT_MS)
    assert dialog.folder_table.rowCount() == 1
    plain = ImportDialog(ctx, start=folder)
    qtbot.addWidget(plain)
    assert plain.file.text() == "" and plain.stick_note.isHidden()


def test_import_wizard_says_a_mistyped_path_is_not_there_and_refuses_nothing(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    _branch, committee, folder = pair
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=folder)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(folder / "U盘" / "gone.pdsync"))
    dialog.check_button.click()
    assert dialog.problem.text().startswith("找不到文件或文件夹：") and str(folder / "U盘" / "gone.pdsync") in \
        dialog.problem.text(), "the whole path: a path typed onto the one filled in shows where it went wrong"
    assert dialog.pages.currentIndex() == 0 and dialog.check_button.isEnabled()
    ctx.runner.wait_idle(WAIT_MS)
    assert rejections(committee) == []


def test_a_path_typed_over_the_one_filled_in_replaces_it(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The stick or the last folder is filled in: a click into the box, then typing, replaces it (it ran on from
    it, giving a path that is nowhere); a later click places the cursor as usual."""
    _branch, committee, folder = pair
    ctx = make_ctx(committee)
    dialog = ImportDialog(ctx, start=folder, last=folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    assert dialog.file.text() == str(folder)
    qtbot.mouseClick(dialog.file, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.file.selectedText() == str(folder), timeout=WAIT_MS)
    qtbot.keyClicks(dialog.file, "/media/usb")
    assert dialog.file.text() == "/media/usb"
    dialog.check_button.setFocus()
    qtbot.mouseClick(dialog.file, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert dialog.file.selectedText() == ""


def test_export_wizard_refuses_a_folder_that_is_not_there(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A mistyped folder, or the stick's drive while no stick is in: nothing is created or written and the
    dialog says the folder is not there (before, the folders were made on the hard disk and the stick was
    called safe to remove); a relative path is refused the same way. A real folder then writes."""
    branch, _committee, folder = pair
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ExportDialog(ctx, exchange_status(branch).peers, removable=None)
    qtbot.addWidget(dialog)
    missing = folder / "nosuch" / "dir"
    for typed in (str(missing), "usb"):
        dialog.folder.setText(typed)
        dialog.write_button.click()
        assert dialog.pages.currentIndex() == 0 and dialog.safe_text.text() == ""
        assert typed in dialog.stick_note.text() and "U盘" in dialog.stick_note.text()
    assert not (folder / "nosuch").exists() and not list(folder.rglob("*.pdsync"))
    dialog.folder.setText(str(folder))
    assert dialog.stick_note.isHidden(), "the folder edited: what was said of the last one is gone"
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    assert len(list(folder.glob("*.pdsync"))) == 1


def test_import_wizard_names_the_members_the_committee_deletes(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The committee deleted one of the branch's members: the branch's dry run names that member under the
    committee's corrections before anything is written (it said only 更新 1 before); then the import applies."""
    from partydesk.core.services import members

    branch, committee, folder = pair
    up = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    assert import_package(committee, LOCAL_USER, up.path).status == "applied"
    victim = members.roster(branch, LOCAL_USER)[0]
    members.delete_member(committee, LOCAL_USER, member_id=victim.id, reason="录入重复")
    down = export_package(committee, LOCAL_USER, to_org_code="3301060012", out_dir=folder / "down")
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file.setText(str(down.path))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    assert dialog.corrected.isVisible()
    assert dialog.corrected.text().startswith("上级党委更正了本单位的记录")
    assert f"删除党员“{victim.name}”" in dialog.corrected.text()
    assert any(m.id == victim.id for m in members.roster(branch, LOCAL_USER)), "the dry run wrote nothing"
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: all(m.id != victim.id for m in members.roster(branch, LOCAL_USER)), timeout=WAIT_MS)


def test_import_wizard_starts_where_the_last_package_came_from(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """No stick found: the first time the file chooser starts in the documents folder; once a package was
    checked, the next import starts in its folder (it started in the home folder every time before), and
    back in the documents folder when that folder is gone."""
    import shutil

    from partydesk.gui.folders import documents_folder
    from partydesk.gui.pages import exchange as exchange_page

    monkeypatch.setattr(exchange_page, "removable_folder", lambda: None)
    branch, committee, folder = pair
    usb = folder / "usb"
    usb.mkdir()
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=usb)
    ctx = make_ctx(committee)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)

    def opened() -> ImportDialog:
        page.import_package()
        dialog = page.findChildren(ImportDialog)[-1]
        qtbot.addWidget(dialog)
        return dialog

    first = opened()
    assert first.start == documents_folder()
    first.file.setText(str(sent.path))
    first.check_button.click()
    qtbot.waitUntil(lambda: first.pages.currentIndex() == 1, timeout=WAIT_MS)
    first.reject()
    assert opened().start == usb
    shutil.rmtree(usb)
    assert opened().start == documents_folder()




def test_import_wizard_says_what_the_package_carries(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The dry run names what the package holds as the office counts it (党员 … 名), not only a record total."""
    branch, committee, folder = pair
    up = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=folder, offices={})
    qtbot.addWidget(dialog)
    dialog.file.setText(str(up.path))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    assert f"数据包内容：党员 {up.counts['member']} 名" in dialog.summary.text()


def test_import_result_spells_out_conflicts_and_where_to_decide_them(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A conflict is not left as a bare figure: the result says the local version stays and where to decide."""
    from partydesk.core.services.sync_import import ImportReport

    _branch, committee, folder = pair
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=folder, offices={})
    qtbot.addWidget(dialog)
    calm = ImportReport("applied", counts={"new": 3, "updated": 0, "unchanged": 0, "conflict": 0, "rejected": 0})
    dialog._applied(calm)
    assert "处理冲突" not in dialog.summary.text()
    dialog._applied(ImportReport("applied", counts={**calm.counts, "conflict": 2}))
    assert "其中 2 条记录本单位也改过" in dialog.summary.text() and "“处理冲突…”" in dialog.summary.text()


def test_the_folder_message_of_the_export_wizard_is_shown_whole(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The two lines saying the folder is not there get two lines' height (they were squeezed into one, the
    characters cut through)."""
    branch, _committee, folder = pair
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ExportDialog(ctx, exchange_status(branch).peers, removable=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.folder.clear()
    dialog.activateWindow()
    dialog.folder.setFocus()
    qtbot.keyClicks(dialog.folder, str(folder / "nosuchstick"))  # typed: the note about the stick goes at once
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    note = dialog.stick_note
    assert "nosuchstick" in note.text()
    assert note.palette().color(QPalette.ColorRole.WindowText) == ERROR_COLOUR, "said in red: nothing was written"
    qtbot.waitUntil(lambda: note.height() >= note.heightForWidth(note.width()), timeout=WAIT_MS)
    assert note.heightForWidth(note.width()) > note.fontMetrics().height() * 1.5, "more than one line"
    dialog.grab().save(str(folder.parent / "export_note.png"))


def test_a_committee_writing_a_correction_down_is_told_it_is_one(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The committee corrected a member of the branch: the written package is said to carry a correction of the
    branch's records, not 党员 1 名 (which reads as one member added)."""
    branch, committee, folder = pair
    corrected_at_the_committee(branch, committee, folder)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    usb = folder / "usb"
    usb.mkdir()
    dialog = ExportDialog(ctx, exchange_status(committee).peers, removable=usb)
    qtbot.addWidget(dialog)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    assert "：更正下级的记录：党员 1 名，确认收到对方 1 个数据包。" in dialog.result_text.text()


def test_a_package_from_an_office_not_registered_here_says_so_by_name(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A branch that registered the committee's card, but whose own card the committee never registered: its
    package is listed as from 未登记的单位 <code>, not a bare code."""
    from partydesk.core.domain.organisation import OrganisationInput
    from partydesk.core.services.setup import initialise_site
    from partydesk.core.services.sync_keys import own_card, register_card
    from partydesk.core.storage.database import open_database

    _branch, committee, folder = pair
    (folder / "new").mkdir()
    stranger = open_database(folder / "new" / "s.db")
    try:
        initialise_site(stranger, LOCAL_USER, organisation=OrganisationInput(name="第九支部委员会", code="3301060099"),
                        role="branch")
        register_card(stranger, LOCAL_USER, own_card(committee)[1], confirmed=True)
        usb = folder / "usb"
        export_package(stranger, LOCAL_USER, to_org_code="1000", out_dir=usb)
    finally:
        stranger.close()
    dialog = checking(qtbot, make_ctx(committee), app, usb)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT_MS)
    assert dialog.folder_table.item(0, 1).text() == "未登记的单位 3301060099"


def checking(qtbot: QtBot, ctx: AppContext, app: QApplication, path: Path) -> ImportDialog:
    """The import wizard, in Chinese, checking ``path`` (a file or a folder) as if typed and 检查 clicked."""
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=path.parent)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(path))
    dialog.check_button.click()
    return dialog


def corrected_at_the_committee(branch: Database, committee: Database, folder: Path) -> str:
    """The branch's first package imported at the committee, which then corrects a member's phone; the id."""
    assert import_package(committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path).status == "applied"
    with committee.read() as session:
        member_id = str(session.query(Member.id).order_by(Member.id).first()[0])  # type: ignore[index]
    with committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).phone = "13900000000"  # type: ignore[union-attr]
    return member_id
