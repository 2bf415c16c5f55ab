"""The roster model: a valid Qt model through loads, filters and sorts; masking; sort keys."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import populate
from partydesk.core.services.members import roster
from partydesk.core.services.roster_search import RosterFacets
from partydesk.core.storage.database import open_database
from partydesk.gui.models.roster_model import (
    COLUMNS,
    DEFAULT_COLUMNS,
    MemberIdRole,
    RosterModel,
    RowRole,
    age_on,
    column_index,
)
from tests.core.test_roster_search import row

NAME = column_index("name")
ID = column_index("id_number")
PHONE = column_index("phone")
JOINED = column_index("joined_on")

ROWS = [
    row("张三", id_number="330106198001010012", phone="13812345678"),
    row("李四", id_number="11010519491231002X", phone="0571-86001234", category="2"),
    row("王五", id_number="330106199002020034", phone="", lost=True),
]


def _texts(model: RosterModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_empty_roster_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    """Before the first load the model is a valid empty model."""
    qtmodeltester.check(RosterModel())


def test_roster_model_with_demo_data_passes_the_model_tester(qtmodeltester: ModelTester, tmp_path: object) -> None:
    """Loaded with the demo branch, then filtered, sorted and revealed, the model stays valid."""
    from pathlib import Path

    db = open_database(Path(str(tmp_path)) / "demo.db")
    try:
        populate(db)
        rows = roster(db, LOCAL_USER)
    finally:
        db.close()
    model = RosterModel()
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.set_filter("w", RosterFacets(category="1"))
    model.sort(JOINED, Qt.SortOrder.DescendingOrder)
    model.set_revealed(True)
    qtmodeltester.check(model)
    assert model.total == len(rows) == 36
    assert 0 < model.count < model.total


def test_filter_counts_and_member_ids() -> None:
    """set_filter narrows the rows; count and total say how many; UserRole gives the member id."""
    model = RosterModel()
    model.set_rows(ROWS)
    assert (model.count, model.total) == (3, 3)
    model.set_filter("zs")
    assert model.count == 1
    assert model.index(0, NAME).data() == "张三"
    assert model.index(0, NAME).data(MemberIdRole) == ROWS[0].id
    assert model.index(0, NAME).data(RowRole) is ROWS[0]
    model.set_filter("", RosterFacets(lost_contact=True))
    assert _texts(model, NAME) == ["王五"]
    model.set_filter("")
    assert model.count == 3


def test_numbers_are_masked_until_revealed(qtbot: QtBot) -> None:
    """ID numbers and phones show masked by default and in full after set_revealed(True)."""
    model = RosterModel()
    model.set_rows(ROWS)
    assert model.index(1, ID).data() == "**************002X"
    assert model.index(0, PHONE).data() == "138****5678"
    assert model.index(1, PHONE).data() == "0571-****1234"
    assert model.index(2, PHONE).data() == ""
    with qtbot.waitSignal(model.dataChanged):
        model.set_revealed(True)
    assert model.index(1, ID).data() == "11010519491231002X"
    assert model.index(0, PHONE).data() == "13812345678"
    model.set_revealed(False)
    assert model.index(0, ID).data() == "**************0012"


def test_codes_show_as_chinese_names() -> None:
    """Coded fields show their names from the code tables, flags 是/否 words, dates ISO text."""
    model = RosterModel()
    model.set_rows(ROWS)
    assert model.index(0, column_index("gender")).data() == "男"
    assert model.index(0, column_index("ethnicity")).data() == "汉族"
    assert model.index(1, column_index("category")).data() == "预备党员"
    assert model.index(0, column_index("membership_status")).data() == "正常"
    assert model.index(0, JOINED).data() == "1975-07-01"
    assert model.index(2, column_index("lost_contact")).data() == "Yes"


def test_sort_by_any_column_keeps_empty_cells_last() -> None:
    """Sorting works on every column; empty cells stay at the bottom in both directions."""
    model = RosterModel()
    model.set_rows(ROWS)
    model.sort(PHONE, Qt.SortOrder.AscendingOrder)
    assert _texts(model, NAME) == ["李四", "张三", "王五"]
    model.sort(PHONE, Qt.SortOrder.DescendingOrder)
    assert _texts(model, NAME) == ["张三", "李四", "王五"]
    model.sort(NAME, Qt.SortOrder.AscendingOrder)  # by full pinyin: lisi, wangwu, zhangsan
    assert _texts(model, NAME) == ["李四", "王五", "张三"]
    for number in range(len(COLUMNS)):
        model.sort(number, Qt.SortOrder.DescendingOrder)
        assert model.count == 3


def test_sort_survives_a_reload_and_a_filter() -> None:
    """The chosen order applies to new rows and to filtered results."""
    model = RosterModel()
    model.set_rows(ROWS)
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    model.set_rows([*ROWS, row("阿三", id_number="330106199003030056")])
    assert _texts(model, NAME) == ["张三", "王五", "李四", "阿三"]
    model.set_filter("san")
    assert _texts(model, NAME) == ["张三", "阿三"]


def test_selection_follows_its_row_through_a_sort() -> None:
    """A persistent index (the view's selection) points at the same member after sorting."""
    model = RosterModel()
    model.set_rows(ROWS)
    kept = QPersistentModelIndex(model.index(0, NAME))
    assert kept.data() == "张三"
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert kept.row() == 2
    assert kept.data() == "张三"


def test_age_counts_whole_years() -> None:
    """Age turns over on the birthday, not before."""
    assert age_on(date(1980, 6, 15), date(2026, 6, 14)) == 45
    assert age_on(date(1980, 6, 15), date(2026, 6, 15)) == 46
    assert age_on(None, date(2026, 1, 1)) is None


def test_default_columns_include_name_and_numbers() -> None:
    """The default column set shows who the member is and how to reach them."""
    assert {"name", "id_number", "phone", "category"} <= set(DEFAULT_COLUMNS)
    assert len({c.id for c in COLUMNS}) == len(COLUMNS)


def test_sorting_by_name_uses_full_pinyin(qtbot: QtBot) -> None:
    """A click on 姓名 orders by the whole pinyin: 蔡斌 (cai), 曹斌 (cao), 程斌 (cheng), not by initials."""
    model = RosterModel()
    rows = [row(name, id_number=f"33010619800101{n:03d}X") for n, name in enumerate(["程斌", "蔡斌", "曹斌", "陈红"])]
    model.set_rows(rows)
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert _texts(model, NAME) == ["蔡斌", "曹斌", "陈红", "程斌"]
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert _texts(model, NAME) == ["程斌", "陈红", "曹斌", "蔡斌"]


def test_unsorted_roster_puts_a_new_member_in_name_order() -> None:
    """Before any header is clicked, a member added later goes where the roster read from the file would have
    put them: 李晓梅 (li) before 林兰强 (lin), 詹伟 (zhan) before 张三 (zhang)."""
    model = RosterModel()
    model.set_rows([row("林兰强", id_number="330106198001010012"), row("张三", id_number="330106198001010020")])
    model.update_rows([row("李晓梅", id_number="330106198001010039"), row("詹伟", id_number="330106198001010047")])
    assert _texts(model, NAME) == ["李晓梅", "林兰强", "詹伟", "张三"]


def test_sorting_by_surname_strokes(qtbot: QtBot) -> None:
    """按姓氏笔画: 丁 (2) before 王 (4), 李 (7), 黄 (11), 蔡 (14); a name sort in effect is redone at once."""
    model = RosterModel()
    names = ["蔡斌", "李明", "丁一", "黄华", "王五"]
    rows = [row(name, id_number=f"33010619800101{n:03d}X") for n, name in enumerate(names)]
    model.set_rows(rows)
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert _texts(model, NAME) == ["蔡斌", "丁一", "黄华", "李明", "王五"]
    model.set_name_by_strokes(True)
    assert _texts(model, NAME) == ["丁一", "王五", "李明", "黄华", "蔡斌"]
    model.set_name_by_strokes(False)
    assert _texts(model, NAME)[0] == "蔡斌"
