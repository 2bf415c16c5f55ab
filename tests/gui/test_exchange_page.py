"""The exchange page: the committee sees its registered branch and the packages; importing a package goes
through the wizard's dry run, the user's yes, and the import, and the ledger shows it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import DEMO_ORG, populate
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database, open_database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.pages.exchange import ExchangePage
from tests.core.exchange.conftest import introduce, make_branch, make_committee
from tests.gui.test_member_edit import answer_question

WAIT_MS = 10_000


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Database, Database, Path]]:
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    branch = make_branch(tmp_path / "b" / "b.db", members=5)
    committee = make_committee(tmp_path / "c" / "c.db")
    introduce(branch, committee)
    yield branch, committee, tmp_path
    branch.close()
    committee.close()


def test_page_lists_the_branch_and_imports_a_package_after_the_dry_run(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """Registered branch listed; Import → file → dry-run counts asked about → yes → imported and listed."""
    branch, committee, folder = pair
    first = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    assert import_package(committee, LOCAL_USER, first.path).status == "applied"
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.packages.model.total == 1, timeout=WAIT_MS)
    assert [p.peer.org_code for p in page.peers.model.all_rows()] == ["3301060012"]
    assert "指纹" in page.fingerprint.text()
    model = page.branches.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT_MS)  # the comparison comes after the ledger
    last = [c.key for c in model.columns].index("last")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "3301060012")
    assert model.index(row, last).data() == "今天"  # the package came in today
    assert (page.export_button.text(), page.import_button.text()) == ("导出数据包(&E)…", "导入数据包(&I)…")
    # Tab walks the top row as it is seen, 更换密钥… last, then on to the offices' list.
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    page.card_button.setFocus()
    walked = [QApplication.focusWidget()]
    for _ in range(5):
        qtbot.keyClick(walked[-1], Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == [page.card_button, page.register_button, page.export_button, page.import_button,
                      page.keys.rotate_button, page.peers.search]

    with branch.write(LOCAL_USER, action="test.edit") as session:
        from partydesk.core.storage.tables import Member

        member = session.query(Member).first()
        assert member is not None
        member.address = "幸福南路9号"
    second = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    from partydesk.gui.dialogs.sync_import_wizard import ImportDialog

    page.import_button.click()
    dialog = page.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.file.setText(str(second.path))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    counts = {dialog.counts.item(r, 0).text(): dialog.counts.item(r, 1).text() for r in range(dialog.counts.rowCount())}
    assert counts["更新"] == "1"
    assert page.packages.model.total == 1, "the dry run wrote nothing"
    backups: list[object] = []
    ctx.hub.backupMade.connect(backups.append)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: page.packages.model.total == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("已导入"), timeout=WAIT_MS)
    # The backup made before the import reaches the status bar's 上次备份 (it said 尚无 until a restart).
    qtbot.waitUntil(lambda: len(backups) == 1, timeout=WAIT_MS)
    assert "import" in backups[0].path.name  # type: ignore[attr-defined]
    dialog.close()
    # No stick in: the next import starts from the folder checked this time, and says to check it is the stick.
    page.import_button.click()
    qtbot.waitUntil(lambda: any(d is not dialog and d.isVisible() for d in page.findChildren(ImportDialog)),
                    timeout=WAIT_MS)
    again = next(d for d in page.findChildren(ImportDialog) if d is not dialog and d.isVisible())
    assert again.file.text() == str(second.path.parent) and "上次检查过的文件夹" in again.stick_note.text()
    again.close()


def test_a_committee_compares_its_branches_on_a_tab_of_their_own(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication, tmp_path: Path) -> None:
    """各支部对比 is a committee's third tab; a registered branch that sent nothing is listed as such (last when
    sorted by the last package), one that reported says when; a branch's own file has no such tab."""
    branch, committee, folder = pair
    (tmp_path / "q").mkdir()
    quiet = open_database(tmp_path / "q" / "q.db")
    populate(quiet, seed=3, members=3, organisation=replace(DEMO_ORG, code="3301060099", name="第九支部委员会"))
    introduce(quiet, committee)
    quiet.close()
    assert import_package(committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path).status == "applied"
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.branches.model.total == 2, timeout=WAIT_MS)
    assert page.tabs.isTabVisible(2) and page.tabs.tabText(2) == "各支部对比"
    page.show_tab("comparison")
    assert page.tabs.currentWidget() is page.comparison_tab
    model = page.branches.model
    last = [c.key for c in model.columns].index("last")
    page.branches.table.sortByColumn(last, Qt.SortOrder.AscendingOrder)
    assert [(model.index(r, 0).data(), model.index(r, last).data()) for r in range(2)] == [
        ("3301060012", "今天"), ("3301060099", "尚未报送")]
    own = ExchangePage(make_ctx(branch))
    qtbot.addWidget(own)
    qtbot.waitUntil(lambda: own.card is not None, timeout=WAIT_MS)
    assert not own.tabs.isTabVisible(2)


def test_conflict_dialog_shows_both_versions_and_takes_the_decision(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """A queued conflict is listed with the differing fields; 'take the version that arrived' applies it."""
    from partydesk.core.storage.tables import Member
    from partydesk.gui.dialogs.sync_conflicts import ConflictDialog

    branch, committee, folder = pair
    import_package(committee, LOCAL_USER, export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path)
    with committee.read() as session:
        member_id = session.query(Member.id).order_by(Member.id).first()[0]  # type: ignore[index]
    with committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).phone = "13900000000"  # type: ignore[union-attr]
    with branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).address = "幸福南路9号"  # type: ignore[union-attr]
    import_package(committee, LOCAL_USER, export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ConflictDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)
    cells = {dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert cells["家庭住址"] == "幸福南路9号"
    assert dialog.reason.text().endswith("。")  # a sentence, ended as one
    asked: list[str] = []
    answer_question("lookAgainButton", asked)  # asked first, as it throws a version away: 再看看 decides nothing
    dialog.take_button.click()
    assert len(asked) == 1 and "确定保留收到的版本、舍弃本机的版本吗？" in asked[0] and dialog.list.count() == 1
    answer_question("decideButton", asked)
    dialog.take_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=WAIT_MS)
    with committee.read() as session:
        assert session.get(Member, member_id).address == "幸福南路9号"  # type: ignore[union-attr]


def test_choosing_a_key_card_opens_in_documents_and_can_show_every_file(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """No stick: the dialog opens in Documents, not the folder the program runs in; a card saved under
    another name can be shown with 所有文件."""
    from PySide6.QtWidgets import QFileDialog

    from partydesk.gui.folders import documents_folder
    from partydesk.gui.pages import exchange

    _branch, committee, _folder = pair
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(exchange, "removable_folder", lambda: None)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda _parent, _title, start, filters: asked.append((start, filters)) or ("", ""))
    page.register_card()
    assert asked == [(str(documents_folder()), "密钥卡 (*.pdkey);;所有文件 (*)")]


def choosing_card(qtbot: QtBot, make_ctx: Callable[[Database], AppContext], app: QApplication,
                  monkeypatch: pytest.MonkeyPatch, committee: Database, card: Path) -> tuple[AppContext, list[str]]:
    """The committee's exchange page in Chinese, with ``card`` chosen under 登记密钥卡…; gives the context and
    the text of each question asked (each answered No)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(card), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    page.register_card()
    return ctx, asked


def test_our_own_key_card_is_refused_before_any_fingerprint_question(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing this office's own card says so at once; the user is not asked to compare a fingerprint."""
    from partydesk.core.services.sync_keys import write_card

    _branch, committee, folder = pair
    _card, path = write_card(committee, folder / "own.pdkey")
    told: list[str] = []
    ctx, asked = choosing_card(qtbot, make_ctx, app, monkeypatch, committee, path)
    ctx.runner.knownError.connect(lambda error: told.append(error.message))
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    assert "本单位自己的密钥卡" in told[0] and asked == []


def test_a_card_registered_already_is_said_to_be_and_not_asked_about_again(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """The branch's card picked again at the committee: no fingerprint question, a note that it is registered
    already and nothing changed."""
    from PySide6.QtWidgets import QMessageBox

    from partydesk.core.services.sync_keys import write_card

    branch, committee, folder = pair
    _card, path = write_card(branch, folder / "branch.pdkey")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    _ctx, asked = choosing_card(qtbot, make_ctx, app, monkeypatch, committee, path)
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    assert asked == [] and "已经用这张密钥卡登记过" in told[0] and "什么也没有改动" in told[0]


@pytest.mark.parametrize("again", [False, True], ids=["first-card", "same-code-new-computer"])
def test_a_card_from_a_second_computer_with_a_known_code_is_warned_about(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication, monkeypatch: pytest.MonkeyPatch, again: bool) -> None:
    """A branch that set the program up again sends a card with its old code and a new site: the fingerprint
    question says another computer has that code and asks for a restore instead; a first card says nothing."""
    from partydesk.core.services.sync_keys import write_card

    _branch, committee, folder = pair
    (folder / "new").mkdir()
    source = make_branch(folder / "new" / "b.db", members=2)  # the same demo code, a new installation
    try:
        if not again:  # a branch of its own code instead
            with source.write(LOCAL_USER, action="test.code") as session:
                session.connection().exec_driver_sql("UPDATE organisation SET code = '3301060099'")
        _card, path = write_card(source, folder / "card.pdkey")
        _ctx, asked = choosing_card(qtbot, make_ctx, app, monkeypatch, committee, path)
        qtbot.waitUntil(lambda: bool(asked), timeout=WAIT_MS)
        assert "指纹" in asked[0]
        warned = "已登记过代码为 3301060012 的另一台电脑" in asked[0] and "从备份恢复" in asked[0]
        assert warned is again
    finally:
        source.close()


def test_a_package_imported_past_a_gap_says_so_in_its_state() -> None:
    """The state column: a package imported while the one before it is missing reads 已导入（缺号）; once the
    gap is filled (the import clears the note) it reads 已导入 like any other."""
    from datetime import datetime

    from partydesk.core.storage.sync_repo import PackageEntry
    from partydesk.gui.pages.exchange import package_state

    moment = datetime(2026, 12, 1, 8, 0)
    entry = PackageEntry("p", "in", "upward", "s", 2, 5, moment, moment, "", "", "imported",
                         "缺少“第一党支部”的第 1 号数据包", {}, False)
    assert package_state(entry) == "已导入（缺号）"
    assert package_state(replace(entry, gap="")) == "已导入"
    assert package_state(replace(entry, state="written", direction="out", gap="")) == "已写出"


def test_a_receipt_written_says_no_confirmation_comes_back(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """The committee's receipt for a branch package is listed 已写出 with a note that nothing confirms it (a
    receipt is not itself acknowledged, so it would otherwise look pending for ever); a package with records
    has no such note."""
    branch, committee, folder = pair
    first = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    assert import_package(committee, LOCAL_USER, first.path).status == "applied"
    receipt = export_package(committee, LOCAL_USER, to_org_code="3301060012", out_dir=folder)
    assert receipt.kind == "receipt"
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.packages.model.total == 2, timeout=WAIT_MS)
    model = page.packages.model
    note = [c.key for c in model.columns].index("gap")
    notes = {row.package_id: model.index(r, note).data() for r, row in enumerate(model.shown_rows())}
    assert notes == {receipt.package_id: "回执：对方收到后无需再确认", first.package_id: ""}


def chinese_page(qtbot: QtBot, ctx: AppContext, app: QApplication) -> ExchangePage:
    """The exchange page over ``ctx``, in Chinese."""
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    return page


def test_a_clock_that_ran_ahead_is_shown_and_mended_after_the_date_is_checked(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """A member edited while the branch's clock read 2099: the page says so with 校正修改时间…, which first asks
    the office to check the computer's date (no: nothing changes), then re-dates the record (yes)."""
    from PySide6.QtWidgets import QMessageBox

    from partydesk.core.clock import HybridClock
    from partydesk.core.services.sync_clock import clock_trouble
    from partydesk.core.storage.tables import Member

    branch, _committee, _folder = pair
    assert branch.clock is not None
    honest = branch.clock
    branch.clock = HybridClock(honest.site_id, honest.last, wall=lambda: 4_076_000_000_000)  # 2099-03-01
    with branch.write(LOCAL_USER, action="test.edit") as session:
        session.query(Member).first().phone = "13900000001"  # type: ignore[union-attr]
    branch.clock = HybridClock(honest.site_id, branch.clock.last)  # the date put right; the clock resumes at 2099
    page = chinese_page(qtbot, make_ctx(branch), app)
    page.show()
    qtbot.waitUntil(lambda: page.clock_line.isVisible(), timeout=WAIT_MS)
    assert "1 条记录的修改时间晚于电脑现在的时间" in page.clock_note.text() and "2099" in page.clock_note.text()
    assert page.clock_button.isVisible() and page.clock_button.text() == "校正修改时间…"

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text) or answer[0])
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text))
    page.clock_button.click()
    assert "请先对照手机核对" in asked[0] and "这 1 条" in asked[0]
    qtbot.wait(200)
    assert clock_trouble(branch) is not None, "no: nothing mended"

    answer[0] = QMessageBox.StandardButton.Yes
    page.clock_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    assert told[0].startswith("已把 1 条记录的修改时间改为现在")
    assert clock_trouble(branch) is None
    qtbot.waitUntil(lambda: not page.clock_line.isVisible(), timeout=WAIT_MS)


def test_a_new_card_of_a_registered_office_says_its_old_key_stops(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """The branch replaced its key at once; choosing its new card at the committee names the old key that
    registering it would stop, in the fingerprint question itself."""
    from partydesk.core.services.sync_keys import site_keys, write_card
    from partydesk.core.services.sync_rotate import rotate_keys

    branch, committee, folder = pair
    old = site_keys(branch).fingerprint
    rotate_keys(branch, LOCAL_USER, now=True)
    _card, path = write_card(branch, folder / "new.pdkey")
    _ctx, asked = choosing_card(qtbot, make_ctx, app, monkeypatch, committee, path)
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT_MS)
    assert "已经用另一个密钥登记过" in asked[0] and old in asked[0] and "旧密钥停用" in asked[0]


def test_a_package_opens_in_full_with_its_counts_and_whole_note(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """Enter on a package of the list opens its details: an imported one with what the import did with its
    records; a refused one with the whole reason, which the list's note column cuts short."""
    from partydesk.gui.dialogs.package_detail import PackageDialog

    branch, committee, folder = pair
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    assert import_package(committee, LOCAL_USER, sent.path).status == "applied"
    broken = folder / "broken.pdsync"
    broken.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    refused = import_package(committee, LOCAL_USER, broken)
    assert refused.status == "rejected"
    page = chinese_page(qtbot, make_ctx(committee), app)
    qtbot.waitUntil(lambda: page.packages.model.total == 2, timeout=WAIT_MS)

    page.packages.activated.emit(sent.package_id)
    dialog = page.findChild(PackageDialog)
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "数据包详情"
    values = dialog.values
    assert values["direction"] == "收到" and values["seq"] == "第 1 号" and values["state"] == "已导入"
    assert values["records"] == f"新增 {sum(sent.counts.values())}，更新 0，未变 0，冲突 0，拒收 0"
    assert values["peer"].startswith("3301060012 ") and values["file"] == sent.path.name
    dialog.close()

    row = next(e for e in page.status.ledger() if e.state == "rejected")  # type: ignore[union-attr]
    model = page.packages.model
    note = [c.key for c in model.columns].index("gap")
    at = next(r for r in range(model.rowCount()) if model.index(r, note).data())
    assert model.index(at, note).data(Qt.ItemDataRole.ToolTipRole) == refused.message, "whole when pointed at"
    page.packages.activated.emit(row.package_id)
    shown = [d for d in page.findChildren(PackageDialog) if d.isVisible()]
    assert len(shown) == 1
    values = shown[0].values
    assert refused.message in shown[0].text.toPlainText()
    assert values["state"] == "已拒收" and values["note"] == refused.message and "records" not in values
    assert values["file"] == "broken.pdsync"
    assert values["peer"] == "不明（文件 broken.pdsync）", "not the file name as if it were an office"


def test_the_dry_run_says_a_branch_edit_waits_behind_the_committee_s_newer_correction(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """The branch changed a member before the committee's second correction reached it: its package counts the
    member unchanged at the committee (the correction stays until the branch decides), and the check says so
    by name instead of letting the branch's change seem to vanish."""
    from partydesk.core.storage.tables import Member
    from partydesk.gui.dialogs.sync_import_wizard import ImportDialog

    branch, committee, folder = pair
    assert import_package(committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path).status == "applied"

    def set_phone(db: Database, phone: str) -> str:
        with db.write(LOCAL_USER, action="test.edit") as session:
            member = session.query(Member).order_by(Member.id).first()
            assert member is not None
            member.phone = phone
            return member.name

    set_phone(committee, "13800001111")
    from partydesk.core.services.setup import own_organisation

    org = own_organisation(branch)
    assert org is not None
    code = org.code
    assert import_package(branch, LOCAL_USER, export_package(
        committee, LOCAL_USER, to_org_code=code, out_dir=folder).path).status == "applied"
    set_phone(branch, "13900002222")
    name = set_phone(committee, "13700003333")
    late = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=folder, offices={code: "示范支部"})
    qtbot.addWidget(dialog)
    dialog.file.setText(str(late.path))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT_MS)
    assert f"示范支部在收到本单位的更正之前也修改了{name}：这里先保留本单位的更正" in dialog.summary.text()


def test_an_exchange_state_that_cannot_be_read_says_so_instead_of_nothing_registered(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged file: the lists say they could not be read, not “no office is registered yet” (which would send
    the office to register its branches again); the next read brings them back. A comparison that fails alone
    says so on its tab."""
    from partydesk.core.errors import CorruptDatabaseError
    from partydesk.core.services import committee as committee_view
    from partydesk.core.services import sync_status
    from partydesk.gui.pages import exchange

    def damaged(*_args: object) -> object:
        raise CorruptDatabaseError("数据库文件已损坏（测试）。")

    _branch, committee, _folder = pair
    told: list[str] = []
    monkeypatch.setattr(exchange, "show_known_error", lambda error, _parent=None: told.append(error.message))
    sound = sync_status.exchange_status
    monkeypatch.setattr(sync_status, "exchange_status", damaged)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    for panel in (page.peers, page.packages, page.branches):
        assert panel.stack.currentWidget() is panel.empty
        assert panel.empty.label.text().replace("\n", "") == "数据交换记录未能读出。数据库文件已损坏（测试）。"

    monkeypatch.setattr(sync_status, "exchange_status", sound)
    monkeypatch.setattr(committee_view, "comparison", damaged)
    page.reload()
    qtbot.waitUntil(lambda: page.peers.model.total == 1 and len(told) == 2, timeout=WAIT_MS)
    assert page.packages.empty.label.text() == "还没有导出或导入过数据包。"
    assert page.branches.empty.label.text().replace("\n", "") == "各支部的数字未能读出。数据库文件已损坏（测试）。"
