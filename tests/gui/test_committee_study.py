"""Study materials and collective study at a committee with two registered branches: what it sends down
(下发至, 下发… again, 删除), where a branch's reported material came from, and a collective study with no
members of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.study_records import MaterialData
from partydesk.core.services import notices, study
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.pages import study as study_page
from partydesk.gui.pages.study import StudyPage
from tests.core.exchange.conftest import introduce, make_branch, make_committee
from tests.gui import test_notices_panel

WAIT_MS = 10_000
committee_of_two = test_notices_panel.committee_of_two


def test_a_committee_sends_a_material_down_to_the_branch_it_ticks(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Materials tab → 下发… on the committee's own material → tick the east branch → 下发: the next downward
    package to the east branch carries the material, the west branch's does not."""
    from partydesk.gui.dialogs.material_send import MaterialSendDialog

    study.add_material(committee_of_two, LOCAL_USER, MaterialData("学习贯彻党的二十届四中全会精神辅导材料", "辅导",
                                                                   date(2026, 11, 1), "", "", "https://example.org"))
    ctx = make_ctx(committee_of_two)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = StudyPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.materials.model.total == 1, timeout=WAIT_MS)
    page.tabs.setCurrentWidget(page.materials)
    assert page.send_material_button.isVisibleTo(page) and page.send_material_button.text() == "下发…"
    assert page.earlier_button.isHidden(), "its branches enter their own members' earlier hours"
    model = page.materials.model
    sent_column = [c.key for c in model.columns].index("sent")
    assert model.headerData(sent_column, Qt.Orientation.Horizontal) == "下发至"
    assert model.index(0, sent_column).data() == "未下发（点“下发…”）"
    page.materials.table.selectRow(0)
    page.send_selected_material()
    qtbot.waitUntil(lambda: isinstance(getattr(page, "dialog", None), MaterialSendDialog), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, MaterialSendDialog) and dialog.target_list.count() == 2
    assert dialog.all_check.isChecked() and not dialog.target_list.isEnabled(), "every branch, as a notice"
    dialog.all_check.setChecked(False)
    dialog.send()
    assert "请至少勾选一个支部" in dialog.error_label.text()
    east = next(i for i in range(2) if dialog.target_list.item(i).data(Qt.ItemDataRole.UserRole) == "3301060012")
    dialog.target_list.item(east).setCheckState(Qt.CheckState.Checked)
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.send()
    assert said and said[-1].startswith("“学习贯彻党的二十届四中全会精神辅导材料”将随下一个数据包发给 1 个支部")
    # The list says where it goes; 下发… again starts from the branch it went to, not from every branch.
    qtbot.waitUntil(lambda: model.index(0, sent_column).data() == "幸福社区第一支部", timeout=WAIT_MS)
    assert model.index(0, sent_column).data(Qt.ItemDataRole.ToolTipRole) == "中共示范街道幸福社区第一支部委员会"
    page.send_selected_material()
    qtbot.waitUntil(lambda: page.dialog is not dialog and isinstance(page.dialog, MaterialSendDialog),
                    timeout=WAIT_MS)
    again = page.dialog
    assert not again.all_check.isChecked() and again.target_list.isEnabled()
    states = {again.target_list.item(i).data(Qt.ItemDataRole.UserRole): again.target_list.item(i).checkState()
              for i in range(2)}
    assert states == {"3301060012": Qt.CheckState.Checked, "3301060013": Qt.CheckState.Unchecked}
    assert again.target_list.item(east).text().endswith("（已下发）")
    again.reject()
    asked: list[str] = []
    monkeypatch.setattr(study_page, "ask_to_delete", lambda _p, _t, text: asked.append(text) or False)
    page.delete_selected_material()  # 删除 says the branch loses it too
    assert asked and "已下发至幸福社区第一支部" in asked[0] and page.materials.model.total == 1
    to_east = export_package(committee_of_two, LOCAL_USER, to_org_code="3301060012", out_dir=tmp_path)
    assert to_east.counts.get("study_material") == 1
    to_west = export_package(committee_of_two, LOCAL_USER, to_org_code="3301060013", out_dir=tmp_path, snapshot=True)
    assert "study_material" not in to_west.counts


def test_a_committee_names_the_branch_a_reported_material_came_from(
        qtbot: QtBot, tmp_path: Path, make_ctx: Callable[[Database], AppContext], app: QApplication) -> None:
    """A branch's own study material reaches its committee in the upward package: the committee's library names
    the branch as its source (not 上级下发, as before), and 下发… on it says whose it is, sending nothing."""
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    branch = make_branch(tmp_path / "b" / "b.db", members=3)
    committee = make_committee(tmp_path / "c" / "c.db")
    try:
        introduce(branch, committee)
        study.add_material(branch, LOCAL_USER, MaterialData("支部书记讲党课讲稿", "党课", date(2026, 11, 2), "", "",
                                                            "https://example.org/lecture"))
        sent = export_package(branch, LOCAL_USER, to_org_code="1000", out_dir=tmp_path)
        assert import_package(committee, LOCAL_USER, sent.path).status == "applied"
        sources = notices.material_sources(committee)  # the demo branch's own materials, and this one
        assert len(sources) >= 2 and set(sources.values()) == {("child", _org_name(branch))}
        ctx = make_ctx(committee)
        languages.install_language(app, "zh_CN", ctx.hub)
        page = StudyPage(ctx)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.materials.model.total == len(sources), timeout=WAIT_MS)
        page.tabs.setCurrentWidget(page.materials)
        model = page.materials.model
        column = next(i for i in range(model.columnCount())
                      if model.headerData(i, Qt.Orientation.Horizontal) == "来源")
        row = [r[1].title for r in model.shown_rows()].index("支部书记讲党课讲稿")
        # Named as the other lists name the branch (中共示范街道幸福社区第一支部委员会 → 幸福社区第一支部)
        assert {model.data(model.index(i, column)) for i in range(model.rowCount())} == {"幸福社区第一支部"}
        said: list[str] = []
        ctx.hub.statusMessage.connect(said.append)
        page.materials.table.selectRow(row)
        page.send_selected_material()
        assert said and _org_name(branch) in said[-1] and "只有党委自己的资料才能下发" in said[-1]
        study.add_material(committee, LOCAL_USER, MaterialData("党委学习提纲", "", None, "", "", "https://example.org/o"))
        page.reload()
        qtbot.waitUntil(lambda: page.materials.model.total == len(sources) + 1, timeout=WAIT_MS)
        own = [r[1].title for r in model.shown_rows()].index("党委学习提纲")
        assert model.data(model.index(own, column)) == "本单位"  # its own, said so, not left blank
    finally:
        branch.close()
        committee.close()


def _org_name(db: Database) -> str:
    from partydesk.core.services.setup import own_organisation

    org = own_organisation(db)
    assert org is not None
    return org.name


def test_a_committee_s_collective_study_says_its_branches_record_their_own_hours(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """记录集体学习 at a committee with no members of its own: nobody to tick, and the dialog says the branches
    record their members' hours, not to import members onto a roster."""
    from partydesk.gui.dialogs.study_edit import StudyEditDialog

    ctx = make_ctx(committee_of_two)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = StudyPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None and page.data.committee, timeout=WAIT_MS)
    page.open_record_dialog()
    qtbot.waitUntil(lambda: isinstance(getattr(page, "dialog", None), StudyEditDialog), timeout=WAIT_MS)
    dialog = page.dialog
    assert dialog.ui.participantList.count() == 0
    assert dialog.ui.countLabel.text().startswith("本党委自己的花名册上没有党员。支部党员的会议、学时")
    dialog.reject()
