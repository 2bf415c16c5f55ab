"""The import wizard's dry run and result in words: a receipt called a receipt (never a table of noughts), the
records the sender changed under a waiting correction and the records in conflict named by topic and day."""

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
from tests.gui.test_exchange_page import WAIT_MS, pair  # noqa: F401  (the fixture)


def checked(qtbot: QtBot, ctx: AppContext, target: Path, offices: dict[str, str]) -> ImportDialog:
    """The import wizard with ``target`` (a package, or a folder of them) checked: on its dry run's page."""
    dialog = ImportDialog(ctx, start=target.parent, offices=offices)
    qtbot.addWidget(dialog)
    dialog.file.setText(str(target))
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == (2 if target.is_dir() else 1), timeout=WAIT_MS)
    return dialog


def test_import_wizard_says_what_a_receipt_confirms(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A receipt from the committee carries no records: its dry run says which of the branch's packages it
    confirms instead of leaving a table of zeros to explain itself."""
    branch, committee, folder = pair
    up = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder)
    assert import_package(committee, LOCAL_USER, up.path).status == "applied"
    receipt = export_package(committee, LOCAL_USER, to_org_code="3301060012", out_dir=folder / "back")
    assert receipt.kind == "receipt"
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, receipt.path, {"1000": "中共示范街道工作委员会"})
    said = dialog.summary.text()
    assert "这是一份回执，不含任何记录" in said
    assert "它确认“中共示范街道工作委员会”已收到本单位的 1 个数据包" in said
    assert dialog.counts.isHidden()  # not five zeros
    many = checked(qtbot, ctx, folder / "back", {"1000": "中共示范街道工作委员会"})  # on a stick of packages
    table = many.folder_table
    assert table.item(0, table.columnCount() - 1).text() == "可以导入（回执，不含记录）"
    assert [table.item(0, column).text() for column in range(3, table.columnCount() - 1)] == [""] * 5
    name = table.item(0, 0).text()  # the package's name whole, not "…_9bd49…" (the state column has room)
    assert name == receipt.path.name and table.columnWidth(0) > table.fontMetrics().horizontalAdvance(name)
    with qtbot.waitSignal(ctx.hub.changed, timeout=WAIT_MS):  # imported: still no noughts, called a receipt
        many.apply_button.click()
    qtbot.waitUntil(lambda: table.item(0, table.columnCount() - 1).text() != "可以导入（回执，不含记录）",
                    timeout=WAIT_MS)
    assert table.item(0, table.columnCount() - 1).text() == "已导入（回执）；对方确认已收到本单位的 1 个数据包"
    assert [table.item(0, column).text() for column in range(3, table.columnCount() - 1)] == [""] * 5


def meeting_changed_on_both_sides(databases: tuple[Database, Database, Path], *,
                                  branch_first: bool) -> tuple[Path, str]:
    """A branch meeting's place changed at the branch and corrected at the committee (in this order, or the
    other), after the committee had the meeting: the branch's next package, and the meeting in words."""
    from partydesk.core.storage.meeting_tables import Meeting

    branch, committee, folder = databases
    assert import_package(committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code="1000", out_dir=folder / "first").path).status == "applied"
    with branch.read() as session:
        meeting = session.query(Meeting).order_by(Meeting.id).first()
        assert meeting is not None
        meeting_id, said = meeting.id, f"会议“{meeting.topic}”（{meeting.held_on:%Y-%m-%d}）"
    edits = [(branch, "社区党群服务中心会议室（三楼）"), (committee, "社区党群服务中心会议室（四楼）")]
    for db, place in edits if branch_first else edits[::-1]:
        with db.write(LOCAL_USER, action="test.edit") as session:
            session.get(Meeting, meeting_id).place = place  # type: ignore[union-attr]
    return export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder / "second").path, said


def test_import_wizard_names_what_the_branch_changed_under_a_correction(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A meeting the branch changed before the committee's correction reached it counts 未变: the check says the
    branch changed it too and the correction stays, on its own and in a folder's table."""
    up, said = meeting_changed_on_both_sides(pair, branch_first=True)
    ctx = make_ctx(pair[1])
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, up, {"3301060012": "第一支部"})
    assert f"第一支部在收到本单位的更正之前也修改了{said}" in dialog.summary.text()
    many = checked(qtbot, ctx, up.parent, {"3301060012": "第一支部"})
    state = many.folder_table.item(0, many.folder_table.columnCount() - 1).text()
    assert "对方也改过的 1 条记录暂保留本单位的更正" in state, state


def test_a_correction_the_branch_kept_its_own_version_over_is_said_at_the_committee(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The committee's correction of a meeting's 地点 meets a change of the branch's; the branch keeps its own
    version. Its next package would put that version in place of the correction: the check says so, naming the
    meeting and the field, on its own and in a folder's table, not only 更新 1."""
    from partydesk.core.services.sync_conflicts import open_conflicts, resolve

    branch, committee, folder = pair
    up, said = meeting_changed_on_both_sides(pair, branch_first=True)
    assert import_package(committee, LOCAL_USER, up).status == "applied"
    down = export_package(committee, LOCAL_USER, to_org_code="3301060012", out_dir=folder / "down").path
    assert import_package(branch, LOCAL_USER, down).counts["conflict"] == 1
    [waiting] = open_conflicts(branch)
    resolve(branch, LOCAL_USER, waiting.id, take_incoming=False)
    again = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder / "third").path
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, again, {"3301060012": "第一支部"})
    assert (f"本单位更正过的下列记录，第一支部发来的版本与更正有出入（保留了自己的版本，或采纳后又作了修改）；"
            f"导入后以对方的版本为准：{said}：地点。") in dialog.summary.text(), dialog.summary.text()
    many = checked(qtbot, ctx, again.parent, {"3301060012": "第一支部"})
    state = many.folder_table.item(0, many.folder_table.columnCount() - 1).text()
    assert "本单位更正过的 1 条记录按对方的版本更新" in state, state
    many.folder_table.selectRow(0)  # the row chosen: which records, and in what
    assert f"导入后以对方的版本为准：{said}：地点。" in many.folder_detail.text(), many.folder_detail.text()


def test_an_imported_receipt_says_what_it_confirmed_not_five_noughts(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """After 导入 of a receipt the result says what it confirmed, not "新增 0 条，更新 0 条…"."""
    branch, committee, folder = pair
    assert import_package(committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path).status == "applied"
    receipt = export_package(committee, LOCAL_USER, to_org_code="3301060012", out_dir=folder / "back")
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, receipt.path, {"1000": "中共示范街道工作委员会"})
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.apply_button.isHidden(), timeout=WAIT_MS)
    assert dialog.summary.text() == "回执已导入：中共示范街道工作委员会已收到本单位的 1 个数据包。"


def test_the_check_names_the_records_in_conflict(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The committee corrected a meeting, then the branch changed it (not having the correction): the check says
    which record is in conflict, by topic and day, not only 冲突 1."""
    up, said = meeting_changed_on_both_sides(pair, branch_first=False)
    ctx = make_ctx(pair[1])
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, up, {"3301060012": "第一支部"})
    assert dialog.report is not None and dialog.report.counts["conflict"] == 1
    assert f"第一支部修改这些记录时，本单位也改过它们（冲突，导入后逐条决定）：{said}。" in dialog.summary.text()


def test_a_receipt_for_packages_already_confirmed_says_what_it_confirms(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A second receipt for the same package (a stick written twice) confirms nothing new: the result still says
    what the receipt confirms (1), not "已收到本单位的 0 个数据包"."""
    from partydesk.core.services.sync_import import ImportReport

    branch, _committee, folder = pair
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = ImportDialog(ctx, start=folder, offices={"1000": "中共示范街道工作委员会"})
    qtbot.addWidget(dialog)
    noughts = {"new": 0, "updated": 0, "unchanged": 0, "conflict": 0, "rejected": 0}
    dialog._applied(ImportReport("applied", counts=noughts, origin="1000", confirms=1, acknowledged=0))
    assert dialog.summary.text() == "回执已导入：中共示范街道工作委员会已收到本单位的 1 个数据包。"


def test_a_meeting_the_committee_corrected_says_so_at_the_branch(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The committee corrects a branch meeting's place; once its package is in, the branch's record of that
    meeting opens with a note saying the higher committee corrected it and when; another meeting has none."""
    from partydesk.core.storage.meeting_tables import Meeting
    from partydesk.gui.dialogs.meeting_edit import MeetingDialog

    branch, committee, folder = pair
    assert import_package(committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code="1000", out_dir=folder / "up").path).status == "applied"
    with branch.read() as session:
        corrected, untouched = [m.id for m in session.query(Meeting).order_by(Meeting.id).limit(2)]
    with committee.write(LOCAL_USER, action="test.correct") as session:
        session.get(Meeting, corrected).place = "社区党群服务中心会议室（四楼）"  # type: ignore[union-attr]
    down = export_package(committee, LOCAL_USER, to_org_code="3301060012", out_dir=folder / "down")
    assert import_package(branch, LOCAL_USER, down.path).status == "applied"
    ctx = make_ctx(branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    for meeting_id, noted in ((corrected, True), (untouched, False)):
        dialog = MeetingDialog(ctx, meeting_id=meeting_id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda dialog=dialog: dialog.ui.placeEdit.text() != "", timeout=WAIT_MS)
        assert dialog.correction_note.isVisible() is noted
        if noted:
            assert dialog.ui.placeEdit.text() == "社区党群服务中心会议室（四楼）"
            assert dialog.correction_note.text().startswith("上级党委于 20")


def _phone_changed_after_a_first_import(branch: Database, committee: Database, folder: Path) -> str:
    """The committee has the branch's records; then the branch changes a member's phone. The member's name."""
    from partydesk.core.domain.member import input_from_data, with_changes
    from partydesk.core.services import members

    assert import_package(committee, LOCAL_USER, export_package(
        branch, LOCAL_USER, to_org_code="1000", out_dir=folder).path).status == "applied"
    row = sorted(members.roster(branch, LOCAL_USER), key=lambda r: r.id)[0]
    record = members.get_member(branch, LOCAL_USER, row.id)
    assert record is not None
    members.update_member(branch, LOCAL_USER, member_id=row.id,
                          data=input_from_data(with_changes(record.data, phone="13900001111")))
    return row.name


def test_the_check_and_the_result_name_the_members_changed_and_how(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """A branch changed a member's phone: the committee's check says whose record changes and in which field,
    and so does the result after 导入, where the counts alone say only 更新 1."""
    branch, committee, folder = pair
    name = _phone_changed_after_a_first_import(branch, committee, folder)
    up = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=folder / "again")
    ctx = make_ctx(committee)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = checked(qtbot, ctx, up.path, {"3301060012": "第一支部"})
    assert f"将修改以下党员的档案：{name}（联系电话）。" in dialog.summary.text(), dialog.summary.text()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.apply_button.isHidden(), timeout=WAIT_MS)
    assert f"对方修改了以下党员的档案：{name}（联系电话）。" in dialog.summary.text(), dialog.summary.text()


def test_a_folder_check_names_the_members_a_chosen_package_changes(
        qtbot: QtBot, pair: tuple[Database, Database, Path], make_ctx: Callable[[Database], AppContext],  # noqa: F811
        app: QApplication) -> None:
    """The stick as a folder: the table has figures only, so choosing a package's row says whose records it
    changes and in which field, as the check of that one file does."""
    from tests.gui.test_exchange_wizards import checking

    branch, committee, folder = pair
    name = _phone_changed_after_a_first_import(branch, committee, folder)
    stick = folder / "stick"
    export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=stick)
    dialog = checking(qtbot, make_ctx(committee), app, stick)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT_MS)
    assert "选中一行" in dialog.folder_summary.text() and dialog.folder_detail.text() == ""
    dialog.folder_table.selectRow(0)
    assert f"将修改以下党员的档案：{name}（联系电话）。" in dialog.folder_detail.text(), dialog.folder_detail.text()
