"""Refreshing only the changed members: the model's update_rows/remove_ids and the page's use of them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.domain.pinyin import pinyin_key
from partydesk.core.domain.roster import RosterRow
from partydesk.core.services.members import delete_member, update_member
from partydesk.core.services.roster_query import roster_rows_by_ids
from partydesk.gui.context import AppContext
from partydesk.gui.models.roster_model import RosterModel, column_index
from tests.core.test_roster_search import row
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import LI, WANG, ZHANG, add_now, member, names, open_page

NAME = column_index("name")
PHONE = column_index("phone")
ROWS = [row("李四", id_number="11010519491231002X"), row("王五", id_number="330106199002020034"),
        row("张三", id_number="330106198001010012")]  # pinyin order, as the roster is read


def _names(model: RosterModel) -> list[str]:
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def renamed(old: RosterRow, name: str) -> RosterRow:
    """The same member under a new name (and its pinyin)."""
    return old._replace(name=name, pinyin=pinyin_key(name))


def test_updated_row_moves_to_its_pinyin_place(qtmodeltester: ModelTester) -> None:
    """Without a sort the roster stays in pinyin order: a renamed member moves where the new name belongs."""
    model = RosterModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    model.update_rows([renamed(ROWS[2], "艾张三")])  # aizhangsan sorts first
    assert _names(model) == ["艾张三", "李四", "王五"]
    assert model.total == 3
    qtmodeltester.check(model)


def test_an_edited_member_keeps_its_place_beside_a_namesake(qtmodeltester: ModelTester) -> None:
    """Two 王五: editing either (its phone) leaves both where they were, in any sort; placed again after its
    equals, the edited one swapped with the other on every save and the next double-click opened the wrong one."""
    first, second = row("王五", id_number="330106199002020034"), row("王五", id_number="330106199103030012")
    model = RosterModel()
    model.set_rows([ROWS[0], first, second, ROWS[2]])
    ids = [model.row_at(r).id for r in range(model.rowCount())]
    model.update_rows([first._replace(phone="13900000001")])
    assert [model.row_at(r).id for r in range(model.rowCount())] == ids
    assert model.row_at(1).phone == "13900000001"
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    ids = [model.row_at(r).id for r in range(model.rowCount())]
    model.update_rows([second._replace(phone="13900000002")])
    assert [model.row_at(r).id for r in range(model.rowCount())] == ids
    qtmodeltester.check(model)


def test_new_row_joins_in_the_current_sort_order_descending() -> None:
    """With a descending sort a new member lands in its place; empty keys stay last."""
    model = RosterModel()
    model.set_rows([row("李四", phone="13800000002"), row("王五", phone=""), row("张三", phone="13800000009")])
    model.sort(PHONE, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["张三", "李四", "王五"]
    model.update_rows([row("赵六", id_number="330106199003030056", phone="13800000005")])
    assert _names(model) == ["张三", "赵六", "李四", "王五"]
    model.update_rows([row("钱七", id_number="330106199104040078", phone="")])
    assert _names(model)[-2:] == ["王五", "钱七"]


def test_update_keeps_the_filter_and_the_selection_on_its_member() -> None:
    """A member who no longer matches the search drops out; a persistent index follows its member."""
    model = RosterModel()
    model.set_rows(ROWS)
    kept = QPersistentModelIndex(model.index(2, NAME))
    assert kept.data() == "张三"
    model.update_rows([renamed(ROWS[2], "艾张三")])
    assert kept.row() == 0 and kept.data() == "艾张三"
    model.set_filter("li")
    model.update_rows([renamed(ROWS[0], "王李四")])  # wanglisi: still matches "li", so it stays
    assert _names(model) == ["王李四"]
    model.update_rows([renamed(ROWS[0], "王四")])  # wangsi: no longer matches
    assert _names(model) == []


def test_remove_ids_drops_rows_and_ignores_unknown_ids(qtmodeltester: ModelTester) -> None:
    """A deleted member's row goes; an id the model never had changes nothing."""
    model = RosterModel()
    model.set_rows(ROWS)
    model.remove_ids({ROWS[1].id, "no-such-id"})
    assert _names(model) == ["李四", "张三"] and model.total == 2
    qtmodeltester.check(model)


def test_saving_one_member_updates_its_row_without_a_reload(qtbot: QtBot, ctx: AppContext) -> None:
    """An edit published by the runner refreshes that row in place: no model reset, search and sort kept."""
    ids = add_now(ctx, ZHANG, LI, WANG)
    page = open_page(qtbot, ctx)
    page.view.sortByColumn(column_index("birth_date"), Qt.SortOrder.DescendingOrder)
    page.search_edit.setText("san")
    page.apply_filter()
    assert names(page) == ["张三"]
    page.select_member(ids[0])
    resets: list[str] = []
    page.model.modelReset.connect(lambda: resets.append("reset"))
    edited = member("张三", date(1980, 1, 1), 11, phone="13900001111", party_group="第三党小组")
    ctx.runner.submit(lambda _p: update_member(ctx.db, ctx.actor, member_id=ids[0], data=edited))
    assert ctx.runner.wait_idle(WAIT_MS)
    assert resets == [], "the roster was reloaded instead of refreshing one row"
    assert names(page) == ["张三"] and page.search_edit.text() == "san"
    assert page.selected_row() is not None and page.selected_row().party_group == "第三党小组"
    assert page.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert page.group_combo.findData("第三党小组") > 0, "a new 党小组 appears in the facet"


def test_deleting_a_member_removes_its_row(qtbot: QtBot, ctx: AppContext) -> None:
    """A delete published by the runner removes just that row; the count follows."""
    ids = add_now(ctx, ZHANG, LI, WANG)
    page = open_page(qtbot, ctx)
    resets: list[str] = []
    page.model.modelReset.connect(lambda: resets.append("reset"))
    ctx.runner.submit(lambda _p: delete_member(ctx.db, ctx.actor, member_id=ids[1], reason="录入错误"))
    assert ctx.runner.wait_idle(WAIT_MS)
    assert sorted(names(page)) == ["张三", "王五"] and resets == []
    assert page.count_label.text() == "在册 2 人，显示 2 人"


def test_a_change_naming_no_ids_reloads_the_roster(qtbot: QtBot, ctx: AppContext) -> None:
    """When a write cannot say which members it touched, the whole roster is read again."""
    add_now(ctx, ZHANG)
    page = open_page(qtbot, ctx)
    resets: list[str] = []
    page.model.modelReset.connect(lambda: resets.append("reset"))
    ctx.runner.submit(lambda _p: Changes.of(ChangeKind.MEMBER))
    assert ctx.runner.wait_idle(WAIT_MS)
    assert resets == ["reset"]


def test_roster_rows_by_ids_leaves_out_deleted_and_unknown(ctx: AppContext) -> None:
    """The service returns live members only, whatever ids it is asked for."""
    ids = add_now(ctx, ZHANG, LI)
    delete_member(ctx.db, ctx.actor, member_id=ids[1], reason="录入错误")
    rows = roster_rows_by_ids(ctx.db, ctx.actor, [*ids, "nobody"])
    assert [r.id for r in rows] == [ids[0]] and rows[0].name == "张三"


def test_party_groups_follow_updates_and_removals() -> None:
    """A 党小组 appears with its first member and leaves the facet with its last one."""
    model = RosterModel()
    model.set_rows(ROWS)
    assert model.party_groups() == ["第一党小组"]
    model.update_rows([ROWS[0]._replace(party_group="第五党小组")])
    assert model.party_groups() == ["第一党小组", "第五党小组"]
    model.update_rows([ROWS[0]._replace(party_group="第一党小组")])
    assert model.party_groups() == ["第一党小组"]
    model.remove_ids({r.id for r in ROWS})
    assert model.party_groups() == [] and model.total == 0
