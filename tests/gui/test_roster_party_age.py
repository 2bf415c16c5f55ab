"""The roster's 党龄, 学位 and 参加工作日期 columns: counted from 转正, sortable, offered in the column chooser."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from partydesk.gui.models.roster_model import COLUMN_IDS, DEFAULT_COLUMNS, RosterModel, column_index
from tests.core.test_roster_search import row

TODAY = date(2026, 7, 1)
PARTY_AGE = column_index("party_age")
NAME = column_index("name")
ROWS = [
    row("张三")._replace(confirmed_on=date(2000, 7, 1)),  # 26 years on TODAY exactly
    row("李四", id_number="330106198001010012")._replace(confirmed_on=date(2016, 7, 2)),  # 9, a day short of 10
    row("王五", id_number="330106199002020034", category="2")._replace(confirmed_on=None),  # 预备党员: none yet
    row("赵六", id_number="330106199003030056")._replace(confirmed_on=date(1990, 1, 1), degree="2",
                                                          work_started_on=date(1988, 9, 1)),
]


def _texts(model: RosterModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_party_age_column_counts_whole_years_from_confirmation() -> None:
    """党龄 is whole years since 转正 (turning over on the day); a member without 转正 shows nothing."""
    model = RosterModel(today=TODAY)
    model.set_rows(ROWS)
    shown = dict(zip(_texts(model, NAME), _texts(model, PARTY_AGE), strict=True))
    assert shown == {"张三": "26", "李四": "9", "王五": "", "赵六": "36"}


def test_party_age_sorts_by_standing_with_probationers_last() -> None:
    """Ascending: shortest standing first; descending: longest first; no 党龄 last both ways."""
    model = RosterModel(today=TODAY)
    model.set_rows(ROWS)
    model.sort(PARTY_AGE, Qt.SortOrder.AscendingOrder)
    assert _texts(model, NAME) == ["李四", "张三", "赵六", "王五"]
    model.sort(PARTY_AGE, Qt.SortOrder.DescendingOrder)
    assert _texts(model, NAME) == ["赵六", "张三", "李四", "王五"]


def test_new_columns_are_in_the_chooser_and_party_age_is_shown_by_default() -> None:
    """党龄, 学位 and 参加工作日期 are roster columns; 党龄 is among the default ones."""
    assert {"party_age", "degree", "work_started_on"} <= set(COLUMN_IDS)
    assert "party_age" in DEFAULT_COLUMNS


def test_degree_and_work_start_show_as_name_and_date() -> None:
    """学位 shows its name (硕士), 参加工作日期 its date."""
    model = RosterModel(today=TODAY)
    model.set_rows(ROWS)
    at = _texts(model, NAME).index("赵六")
    assert model.index(at, column_index("degree")).data() == "硕士"
    assert model.index(at, column_index("work_started_on")).data() == "1988-09-01"
