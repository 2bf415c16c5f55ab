"""The compliance calendar: cells held/missing/coming, group rows, spans, and what a click asks for."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.meetings import Period
from partydesk.core.domain.member import MemberInput
from partydesk.core.services import meeting_reports, meetings, members
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import PRESENT, MeetingData
from partydesk.gui.context import AppContext
from partydesk.gui.models.meeting_calendar_model import (
    CalendarCell,
    CalendarRole,
    CellState,
    MeetingCalendarModel,
    build_cells,
)
from partydesk.gui.widgets.compliance_calendar import ComplianceCalendar
from tests.conftest import set_up_on

TODAY = date(2026, 11, 30)
# A popup menu on the offscreen platform cannot raise itself or grab the keyboard; harmless.
POPUP_LIMITS = pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")


def add_member(db: Database, name: str, seed: int, group: str, post: str = "") -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, seed), True)
    data = MemberInput(name=name, gender="男", id_number=number, category="正式党员", joined_on="2000-07-01",
                       confirmed_on="2001-07-01", party_post=post, party_group=group)
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def hold(db: Database, code: str, day: date, group: str = "", present: tuple[str, ...] = ()) -> str:
    data = MeetingData(type_code=code, topic=f"{code} {day}", held_on=day, party_group=group)
    return meetings.add_meeting(db, LOCAL_USER, data, statuses=dict.fromkeys(present, PRESENT)).meeting_id


@pytest.fixture
def year(db: Database) -> dict[str, str]:
    """Two groups; a 党员大会 in Q2 (two of them) and Q4, a 第二党小组 meeting in March, a 党课 in January."""
    a = add_member(db, "王一", 1, "第一党小组", post="书记")
    b = add_member(db, "李二", 2, "第二党小组")
    return {"general_q2_a": hold(db, "general", date(2026, 5, 10), present=(a, b)),
            "general_q2_b": hold(db, "general", date(2026, 6, 10), present=(a,)),
            "general_q4": hold(db, "general", date(2026, 10, 9), present=(a, b)),
            "group2_march": hold(db, "group", date(2026, 3, 20), group="第二党小组", present=(b,)),
            "lecture_jan": hold(db, "lecture", date(2026, 1, 15), present=(a,))}


def model_for(db: Database) -> MeetingCalendarModel:
    model = MeetingCalendarModel()
    rows = meeting_reports.compliance(db, 2026, as_of=TODAY)
    model.set_cells(2026, build_cells(2026, rows, meeting_reports.meeting_lines(db, 2026, counted=False)))
    return model


def row_of(model: MeetingCalendarModel, label: str) -> int:
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    return labels.index(label)


def test_a_quarter_spans_three_months_and_each_state_shows(db: Database, year: dict[str, str]) -> None:
    """党员大会 cells span their quarter; Q1 and Q3 are missing, Q2 held twice, Q4 held while still open."""
    model = model_for(db)
    row = row_of(model, "支部党员大会")
    assert [(c, n) for r, c, n in model.spans() if r == row] == [(0, 3), (3, 3), (6, 3), (9, 3)]
    states = [model.cell(row, month).state for month in range(12)]  # type: ignore[union-attr]
    assert states == [CellState.MISSING] * 3 + [CellState.HELD] * 3 + [CellState.MISSING] * 3 + [CellState.HELD] * 3
    q2 = model.cell(row, 4)
    assert q2 is not None and q2.held == 2 and set(q2.meeting_ids) == {year["general_q2_a"], year["general_q2_b"]}
    assert model.index(row, 5).data(CalendarRole.CELL) is q2, "a spanned-over month answers with its period"
    assert model.index(row, 1).data() == "Missing"


def test_open_periods_without_a_meeting_are_coming(db: Database, year: dict[str, str]) -> None:
    """November and December's 支委会 are due (the month is not over on 30 November); October is missing."""
    model = model_for(db)
    row = row_of(model, "支部委员会会议")
    assert model.cell(row, 9).state is CellState.MISSING  # type: ignore[union-attr]
    assert model.cell(row, 10).state is CellState.COMING  # type: ignore[union-attr]
    assert model.cell(row, 11).state is CellState.COMING  # type: ignore[union-attr]
    assert model.spans() and all(n > 1 for _r, _c, n in model.spans())


def test_each_party_group_has_its_own_row(db: Database, year: dict[str, str]) -> None:
    """党小组会 gets one row per group, in numbered order; only 第二党小组's row holds its March meeting."""
    model = model_for(db)
    first, second = row_of(model, "党小组会 · 第一党小组"), row_of(model, "党小组会 · 第二党小组")
    assert first + 1 == second
    assert model.cell(second, 2).state is CellState.HELD  # type: ignore[union-attr]
    assert model.cell(second, 2).meeting_ids == (year["group2_march"],)  # type: ignore[union-attr]
    assert model.cell(first, 2).state is CellState.MISSING  # type: ignore[union-attr]
    assert model.cell(first, 2).meeting_ids == ()  # type: ignore[union-attr]


def test_a_yearly_cell_spans_the_whole_year(db: Database, year: dict[str, str]) -> None:
    """组织生活会 (every 12 months) is one cell over twelve columns."""
    model = model_for(db)
    row = row_of(model, "组织生活会")
    assert (row, 0, 12) in model.spans()
    assert model.cell(row, 0) is model.cell(row, 11)


def test_a_new_meeting_is_dated_today_inside_its_period_else_at_its_start(db: Database,
                                                                        year: dict[str, str]) -> None:
    """Q4 started from 20 November gets 20 November; Q3, over, gets 1 July; a cut 24-month period 1 January."""
    model = model_for(db)
    q3, q4 = model.cell(row_of(model, "支部党员大会"), 7), model.cell(row_of(model, "支部党员大会"), 10)
    assert q3 is not None and q4 is not None
    assert q4.preset_date(date(2026, 11, 20)) == date(2026, 11, 20)
    assert q3.preset_date(date(2026, 11, 20)) == date(2026, 7, 1)
    two_years = Period(0, date(2025, 1, 1), date(2026, 12, 31), "截至2026年底的24个月")
    cell = CalendarCell("org_life", "组织生活会", "", two_years, 1, 0, CellState.MISSING, 1, 12)
    assert cell.preset_date(date(2027, 3, 1)) == date(2026, 1, 1)


def test_calendar_model_passes_the_model_tester(qtmodeltester: ModelTester, db: Database,
                                                year: dict[str, str]) -> None:
    """Empty and filled, the calendar model is a valid model."""
    model = MeetingCalendarModel()
    qtmodeltester.check(model)
    filled = model_for(db)
    qtmodeltester.check(filled)


def calendar_for(qtbot: QtBot, db: Database) -> ComplianceCalendar:
    widget = ComplianceCalendar(today=TODAY)
    qtbot.addWidget(widget)
    rows = meeting_reports.compliance(db, 2026, as_of=TODAY)
    widget.set_year_data(2026, rows, meeting_reports.meeting_lines(db, 2026, counted=False))
    return widget


def click(qtbot: QtBot, widget: ComplianceCalendar, row: int, column: int) -> None:
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    rect = widget.view.visualRect(widget.model.index(row, column))
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_held_cell_with_one_meeting_opens_it(qtbot: QtBot, ctx: AppContext, year: dict[str, str]) -> None:
    """The January 党课 is the only one of Q1: a click opens it."""
    widget = calendar_for(qtbot, ctx.db)  # type: ignore[arg-type]
    with qtbot.waitSignal(widget.openMeeting) as opened:
        click(qtbot, widget, row_of(widget.model, "党课"), 1)
    assert opened.args == [year["lecture_jan"]]


@POPUP_LIMITS
def test_clicking_a_held_cell_with_several_meetings_offers_them(qtbot: QtBot, ctx: AppContext,
                                                                  year: dict[str, str]) -> None:
    """Q2's two 党员大会 are offered in a menu, oldest first, with a way to record another."""
    widget = calendar_for(qtbot, ctx.db)  # type: ignore[arg-type]
    click(qtbot, widget, row_of(widget.model, "支部党员大会"), 3)
    assert widget.menu is not None
    texts = [a.text() for a in widget.menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["2026-05-10  general 2026-05-10", "2026-06-10  general 2026-06-10"]
    with qtbot.waitSignal(widget.openMeeting) as opened:
        widget.menu.actions()[1].trigger()
    assert opened.args == [year["general_q2_b"]]
    widget.menu.close()


def test_clicking_a_missing_or_coming_cell_starts_one_in_its_period(qtbot: QtBot, ctx: AppContext,
                                                                       year: dict[str, str]) -> None:
    """A missing Q3 党员大会 starts one dated 1 July; a due 第一党小组 meeting in November starts today."""
    widget = calendar_for(qtbot, ctx.db)  # type: ignore[arg-type]
    with qtbot.waitSignal(widget.startMeeting) as started:
        click(qtbot, widget, row_of(widget.model, "支部党员大会"), 7)
    assert started.args == ["general", "", date(2026, 7, 1)]
    with qtbot.waitSignal(widget.startMeeting) as started:
        click(qtbot, widget, row_of(widget.model, "党小组会 · 第一党小组"), 10)
    assert started.args == ["group", "第一党小组", TODAY]


def test_the_year_switcher_asks_for_the_other_year(qtbot: QtBot, ctx: AppContext, year: dict[str, str]) -> None:
    """Previous year asks for 2025; the summary counts the missing periods."""
    widget = calendar_for(qtbot, ctx.db)  # type: ignore[arg-type]
    cells = widget.model.cells()
    missing = sum(c.state is CellState.MISSING for c in cells)
    coming = sum(c.state is CellState.COMING for c in cells)
    assert coming > 0, "the fixture's year is still running"
    text = widget.summary_label.text()
    assert f"未召开 {missing} 个" in text and f"待召开 {coming} 个" in text  # all three add up to the total
    with qtbot.waitSignal(widget.yearRequested) as asked:
        widget.previous_button.click()
    assert asked.args == [2025]


def test_periods_before_the_records_began_are_neither_missing_nor_counted(qtbot: QtBot, ctx: AppContext,
                                                                         db: Database) -> None:
    """A branch set up on 10 August with no meetings: the first two quarters read 启用前 in grey, the third
    is missing; the summary leaves them out of its total and says so; the 启用前 key shows only then; a
    click on such a cell still offers to record a meeting in it."""
    add_member(db, "王一", 1, "第一党小组", post="书记")
    set_up_on(db, date(2026, 8, 10))
    widget = calendar_for(qtbot, db)
    row = row_of(widget.model, "支部党员大会")
    states = [widget.model.cell(row, month).state for month in (0, 3, 6, 9)]  # type: ignore[union-attr]
    assert states == [CellState.BEFORE, CellState.BEFORE, CellState.MISSING, CellState.COMING]
    assert widget.model.index(row, 0).data() == "启用前"
    assert "不算未召开" in widget.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    cells = widget.model.cells()
    before = sum(c.state is CellState.BEFORE for c in cells)
    assert before > 2  # the monthly types' January to July too
    text = widget.summary_label.text()
    assert text.startswith(f"共 {len(cells) - before} 个周期") and f"启用前的 {before} 个周期，不计" in text
    assert not widget.legend_labels[CellState.BEFORE].isHidden()
    with qtbot.waitSignal(widget.startMeeting) as started:
        click(qtbot, widget, row, 1)
    assert started.args == ["general", "", date(2026, 1, 1)]


def test_an_office_with_its_whole_year_recorded_has_no_before_key(qtbot: QtBot, ctx: AppContext,
                                                                  year: dict[str, str]) -> None:
    widget = calendar_for(qtbot, ctx.db)  # type: ignore[arg-type]
    assert CellState.BEFORE not in {c.state for c in widget.model.cells()}
    assert widget.legend_labels[CellState.BEFORE].isHidden() and "启用前" not in widget.summary_label.text()
