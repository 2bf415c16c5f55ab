"""The member page shows 党龄 (from 转正), 学位 and 参加工作日期."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pytestqt.qtbot import QtBot

from partydesk.core.domain.party_age import party_age
from partydesk.gui.context import AppContext
from tests.gui.test_member_detail import _detail
from tests.gui.test_members_page import LI, ZHANG, add_now, open_page


def test_member_page_shows_party_age_degree_and_work_start(qtbot: QtBot, ctx: AppContext) -> None:
    """党龄 in the fields and the facts line for a full member; 学位 and 参加工作日期 as entered."""
    zhang, = add_now(ctx, replace(ZHANG, degree="硕士", work_started_on=date(2002, 9, 1)))
    page = open_page(qtbot, ctx)
    detail = _detail(ctx, page, zhang)
    years = party_age(ZHANG.confirmed_on, date.today())  # type: ignore[arg-type]
    assert years is not None and years > 0
    assert detail._values["party_age"].text() == str(years)
    assert f"党龄 {years} 年" in detail.facts_label.text()
    assert detail._values["degree"].text() == "硕士"
    assert detail._values["work_started_on"].text() == "2002-09-01"


def test_probationary_member_has_no_party_age(qtbot: QtBot, ctx: AppContext) -> None:
    """A 预备党员 (no 转正 yet) shows no 党龄, neither in the fields nor in the facts line."""
    li, = add_now(ctx, LI)
    page = open_page(qtbot, ctx)
    detail = _detail(ctx, page, li)
    assert detail._values["party_age"].text() == "—"  # the page's mark for an empty field
    assert "党龄" not in detail.facts_label.text()
