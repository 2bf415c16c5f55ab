"""The import wizard's check step says, before anything is written, which members a package adds, changes and
deletes, and which records it would refuse and why, by name: the words a committee clerk decides on."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import demo_member
from partydesk.core.domain.member import input_from_data, with_changes
from partydesk.core.services import members
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from tests.core.exchange.test_preview_added import spoil_id_number
from tests.gui.test_exchange_dry_run import checked
from tests.gui.test_exchange_page import WAIT_MS, pair  # noqa: F401  (the fixture)

BRANCH = {"3301060012": "第一支部"}


@dataclass
class Package:
    """A branch's second package and the members it touches, by name."""

    path: Path
    added: str
    changed: str
    deleted: str
    refused: str


def changes_of_every_kind(branch: Database, out: Path) -> Package:
    """After its first package went to the committee, the branch adds a member, changes one's phone, deletes one,
    and one member's ID number loses its check digit (the committee refuses that member): its next package."""
    rows = sorted(members.roster(branch, LOCAL_USER), key=lambda r: r.id)
    changed, deleted, refused = rows[:3]
    record = members.get_member(branch, LOCAL_USER, changed.id)
    assert record is not None
    members.update_member(branch, LOCAL_USER, member_id=changed.id,
                          data=input_from_data(with_changes(record.data, phone="13900001111")))
    members.delete_member(branch, LOCAL_USER, member_id=deleted.id, reason="录入重复")
    newcomer = demo_member(random.Random(7), 99)
    members.add_member(branch, LOCAL_USER, data=input_from_data(newcomer))
    spoil_id_number(branch, refused.id)
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=out)
    return Package(sent.path, newcomer.name, changed.name, deleted.name, refused.name)


def second_package(databases: tuple[Database, Database, Path]) -> Package:
    branch, committee, folder = databases
    assert import_package(committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code="1000", out_dir=folder / "first").path).status == "applied"
    return changes_of_every_kind(branch, folder / "second")


def test_the_check_names_who_is_added_changed_deleted_and_refused_and_why(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The committee checks a branch's package: the page names the new member, the member whose phone changed,
    the member deleted, and the refused member with the reason (the ID number's check digit), not an id."""
    package = second_package(pair)
    ctx = make_ctx(pair[1])
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, package.path, BRANCH)
    said = dialog.summary.text()
    assert f"将新增以下党员：{package.added}。" in said, said
    assert f"将修改以下党员的档案：{package.changed}（联系电话）。" in said, said
    assert f"将删除以下党员：{package.deleted}。" in said, said
    table = dialog.refused_records
    rows = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert "公民身份号码校验位错误" in rows[package.refused], rows
    assert table.item(0, 0).text() == "党员档案"
    assert dialog.check_page.refused_heading.text() == "以下记录将被拒收（不导入），原因如下："
    assert dialog.report is not None and dialog.report.status == "dry_run"  # nothing written yet
    dialog.apply_button.click()  # the apply flow as before; the result uses the same words
    qtbot.waitUntil(lambda: dialog.apply_button.isHidden(), timeout=WAIT_MS)
    assert f"对方新增的党员：{package.added}。" in dialog.summary.text(), dialog.summary.text()


def test_a_first_package_names_ten_new_members_and_counts_the_rest(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A first package adds every member: the check names the first ten and says how many in all (等 N 名), so a
    package of 100 000 members makes no endless line."""
    branch, committee, folder = pair
    names = [r.name for r in members.roster(branch, LOCAL_USER)]
    for index in range(8):  # more than are named
        members.add_member(branch, LOCAL_USER, data=input_from_data(demo_member(random.Random(index), 200 + index)))
    everyone = len(names) + 8
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, sent.path, BRANCH)
    line = next(x for x in dialog.summary.text().splitlines() if x.startswith("将新增以下党员："))
    assert line.endswith(f"等 {everyone} 名。"), line
    assert line.count("、") == 9  # ten names


def test_the_check_scrolls_on_a_small_screen_and_is_reached_by_the_keyboard(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """Squeezed to a 1366×768 screen's room (and below), the words scroll inside the page and the buttons stay
    whole; Shift+Tab from 导入 reaches the page, whose Page Down scrolls it."""
    package = second_package(pair)
    ctx = make_ctx(pair[1])
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, package.path, BRANCH)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.width(), dialog.fontMetrics().lineSpacing() * 16)
    area = dialog.check_page
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0, timeout=WAIT_MS)
    button = dialog.apply_button
    assert dialog.rect().contains(button.geometry().translated(button.parentWidget().pos()))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    button.setFocus()
    walked = []
    for _ in range(3):  # back from 导入: the refused table, the counts, the page itself
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        walked.append(QApplication.focusWidget())
    assert area in walked, walked
    area.setFocus()
    qtbot.keyClick(area, Qt.Key.Key_PageDown)
    assert area.verticalScrollBar().value() > 0


def test_a_package_refused_in_thousands_lists_the_first_hundred_and_counts_the_rest(
        qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """3 000 refused records (an older program refusing a snapshot's meetings): a hundred rows, each named where a
    name is known, and one line for the rest; no table of thousands of rows."""
    from partydesk.core.services.sync_import import ImportReport
    from partydesk.gui.dialogs.sync_import_check import REFUSED_ROWS
    from partydesk.gui.dialogs.sync_import_wizard import ImportDialog

    dialog = ImportDialog(ctx, start=tmp_path)
    qtbot.addWidget(dialog)
    refused = [("meeting", f"{n:08d}-id", "记录格式比本程序新，请升级") for n in range(3000)]
    words = [f"会议“第 {n} 次”" if n % 2 else "" for n in range(REFUSED_ROWS)]
    dialog.check_page.show_refused(ImportReport("dry_run", rejected=refused, rejected_words=words))
    table = dialog.refused_records
    assert table.rowCount() == REFUSED_ROWS
    assert [table.item(n, 1).text() for n in (0, 1)] == ["00000000", "会议“第 1 次”"]  # no name: the id's start
    assert table.item(0, 0).text() == "会议记录" and table.item(0, 2).text() == "记录格式比本程序新，请升级"
    assert dialog.check_page.refused_more.text() == f"……另有 {3000 - REFUSED_ROWS} 条被拒收的记录，此处未列出。"
    assert not dialog.check_page.refused_more.isHidden()


def test_a_key_change_is_said_before_and_after_it_is_taken(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A branch changed its key: the check says the new key will be registered, with its fingerprint, before
    anything is written; the result says it was (the committee should know whose key it trusts now)."""
    from partydesk.core.services.sync_rotate import rotate_keys

    branch, committee, folder = pair
    assert import_package(committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code="1000", out_dir=folder / "first").path).status == "applied"
    fingerprint = rotate_keys(branch, LOCAL_USER).next_fingerprint
    sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder / "second")
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, sent.path, BRANCH)
    assert f"更换了密钥，新指纹 {fingerprint}：导入时自动登记。" in dialog.summary.text(), dialog.summary.text()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.apply_button.isHidden(), timeout=WAIT_MS)
    assert f"更换了密钥，新指纹 {fingerprint}，已自动登记。" in dialog.summary.text(), dialog.summary.text()
