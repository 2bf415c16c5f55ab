"""The study page of a committee file: its branch filter offers the branches, and the committee itself only
once it has study records of its own (as the roster's filter offers it only once it has members)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from partydesk.gui.context import AppContext
from tests.gui import committee_fixtures as fixtures
from tests.gui.test_study_page import open_page

committee_file, committee_db, committee_ctx = fixtures.committee_file, fixtures.committee_db, fixtures.committee_ctx


def test_a_committee_with_no_study_of_its_own_is_not_offered_as_a_branch(qtbot: QtBot,
                                                                           committee_ctx: AppContext) -> None:
    page = open_page(qtbot, committee_ctx)
    combo = page.branch_filter.combo
    qtbot.waitUntil(page.branch_filter.isVisible)
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[0] == "全部支部" and len(names) == 3, names
    assert not any("工作委员会" in name for name in names), names
