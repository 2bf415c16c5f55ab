"""The conflict review masks ID and phone numbers as the roster does; "Show full numbers" audits a reveal of
the conflicts' records first and only then shows them in full; unticking masks again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.services.audit import list_entries
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.core.storage.tables import Member
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.sync_conflicts import ConflictDialog
from partydesk.gui.widgets.marked_text import MARK_GROUND, SPANS
from tests.gui.test_exchange_page import WAIT_MS, pair  # noqa: F401  (the fixture)

PHONE = "13900001234"


def _one_conflict(databases: tuple[Database, Database, Path]) -> tuple[Database, str]:
    """The committee corrected a member's phone while the branch changed the address: one conflict queued at the
    committee. Returns the committee's database and the member's id."""
    branch, committee, folder = databases
    import_package(committee, LOCAL_USER, export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path)
    with committee.read() as session:
        member_id = session.query(Member.id).order_by(Member.id).first()[0]  # type: ignore[index]
    with committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).phone = PHONE  # type: ignore[union-attr]
    with branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).address = "幸福南路9号"  # type: ignore[union-attr]
    import_package(committee, LOCAL_USER, export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path)
    return committee, str(member_id)


def shown_dialog(qtbot: QtBot, ctx: AppContext, app: QApplication) -> ConflictDialog:
    """The conflict review in Chinese, shown with its one conflict listed."""
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ConflictDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)
    return dialog


def test_conflict_numbers_are_masked_until_revealed_and_audited(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """Phone numbers show as 139****1234 on both sides; the reveal is audited before the full number shows."""
    committee, member_id = _one_conflict(pair)
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ConflictDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)

    def phone_cell() -> str:
        rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
        return dialog.table.item(rows["联系电话"], 1).text()

    assert phone_cell() == "139****1234"
    cells = [dialog.table.item(r, c) for r in range(dialog.table.rowCount()) for c in range(3)]
    assert all(cell.toolTip() == cell.text() for cell in cells), "a long address cut short is whole when pointed at"
    assert dialog.reveal_check.text() == "显示完整号码"
    dialog.reveal_check.setChecked(True)
    assert phone_cell() != PHONE, "no full number on screen before the audit row is written"
    qtbot.waitUntil(lambda: phone_cell() == PHONE, timeout=WAIT_MS)
    entry = list_entries(committee, LOCAL_USER, limit=1)[0]
    assert entry.action == "reveal" and set(entry.record_ids) == {member_id}
    assert PHONE not in entry.summary
    dialog.reveal_check.setChecked(False)
    assert phone_cell() == "139****1234"


def test_enter_in_the_conflict_review_closes_it_and_decides_nothing(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """Keeping one version throws the other away: Enter on the list (where the dialog opens) must not do it."""
    from partydesk.core.services.sync_conflicts import open_conflicts

    committee, _member = _one_conflict(pair)
    ctx = make_ctx(committee)
    dialog = ConflictDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)
    dialog.activateWindow()
    dialog.list.setFocus()
    qtbot.waitUntil(dialog.list.hasFocus)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert len(open_conflicts(committee)) == 1, "still waiting for a decision"
    assert not dialog.isVisible()


def test_the_conflict_list_shows_each_title_whole(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A member's name with the branch's short name, not cut to 王建国（示范街道幸福社区第一…; whole as a tooltip."""
    committee, _member = _one_conflict(pair)
    dialog = shown_dialog(qtbot, make_ctx(committee), app)
    item = dialog.list.item(0)
    assert item.text().endswith("（幸福社区第一支部）") and item.toolTip() == item.text()
    wide = dialog.list.fontMetrics().horizontalAdvance(item.text())
    qtbot.waitUntil(lambda: dialog.list.viewport().width() >= wide, timeout=WAIT_MS)


def test_a_long_value_is_shown_whole_in_its_cell(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """An address whose two versions differ only at their end wraps in its cell (its row grows), so the end is
    on screen to compare, not cut short behind an ellipsis; the character that differs is marked."""
    branch, committee, folder = pair
    long = "浙江省杭州市西湖区示范街道幸福社区和平北街一百三十七号二十四幢三单元五楼五零二室（东边）"
    with branch.write(LOCAL_USER, action="test.edit") as session:
        member_id = session.query(Member.id).order_by(Member.id).first()[0]  # type: ignore[index]
        session.get(Member, member_id).address = long  # type: ignore[union-attr]
    import_package(committee, LOCAL_USER, export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path)
    with committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Member, member_id).address = long.replace("东边", "西边")  # type: ignore[union-attr]
    with branch.write(LOCAL_USER, action="test.edit") as session:
        session.get(Member, member_id).address = long.replace("东边", "北边")  # type: ignore[union-attr]
    import_package(committee, LOCAL_USER, export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path)
    dialog = shown_dialog(qtbot, make_ctx(committee), app)
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    row = rows["家庭住址"]
    assert dialog.table.item(row, 2).text().endswith("（北边）")
    needed = dialog.table.fontMetrics().boundingRect(
        0, 0, dialog.table.columnWidth(2) - 8, 10_000, Qt.TextFlag.TextWordWrap, long).height()
    assert dialog.table.rowHeight(row) >= needed > dialog.table.fontMetrics().lineSpacing(), (
        dialog.table.rowHeight(row), needed)
    # The one character that differs is marked on each side, and drawn so: an amber ground in that cell.
    where = long.index("东边")
    assert dialog.table.item(row, 1).data(SPANS) == [(where, where + 1)]
    assert dialog.table.item(row, 2).data(SPANS) == [(where, where + 1)]
    assert dialog.table.item(row, 0).data(SPANS) is None
    image = dialog.table.viewport().grab().toImage()
    for column, marked in ((0, False), (2, True)):
        cell = dialog.table.visualRect(dialog.table.model().index(row, column))
        amber = sum(image.pixelColor(x, y) == MARK_GROUND
                    for x in range(cell.left(), cell.right()) for y in range(cell.top(), cell.bottom()))
        assert bool(amber) is marked, (column, amber)
