"""A list (or the meeting calendar, or the attendance table) whose records cannot be read (a damaged file,
RELIABILITY ST-7) says so where it would say there are none yet, without the button to record the first one: an
office told “no meetings recorded this year” when the file could not be read would think its records gone, or
record them all again. The next read that succeeds brings the list back."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.errors import CorruptDatabaseError
from partydesk.core.services import meeting_reports, study, talks
from partydesk.core.storage.meeting_repo import PRESENT
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.pages import meetings as meetings_page
from partydesk.gui.pages import study as study_page
from partydesk.gui.pages import talks as talks_page
from partydesk.gui.pages.meetings import MeetingsPage
from partydesk.gui.pages.study import StudyPage
from partydesk.gui.pages.talks import TalksPanel
from partydesk.gui.widgets.list_page import ListPage
from partydesk.gui.widgets.unreadable import Unreadable
from tests.gui.conftest import WAIT_MS
from tests.gui.test_meetings_page import add_member, hold, make_page, settle

TODAY = date(2026, 11, 30)
DAMAGE = "数据库文件已损坏（测试）。"


def _failing(*_args: Any, **_kwargs: Any) -> Any:
    raise CorruptDatabaseError(DAMAGE)


def _says(panel: ListPage[Any]) -> str:
    return panel.empty.label.text().replace("\n", "") if panel.stack.currentWidget() is panel.empty else ""


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch, app: QApplication, ctx: AppContext) -> list[str]:
    """The message boxes the pages would show (their words), in Chinese."""
    languages.install_language(app, "zh_CN", ctx.hub)
    shown: list[str] = []
    for module in (meetings_page, talks_page, study_page):
        monkeypatch.setattr(module, "show_known_error", lambda error, _parent=None: shown.append(error.message))
    return shown


def test_the_meetings_list_says_it_could_not_be_read_then_comes_back(
        qtbot: QtBot, ctx: AppContext, told: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    sound = meeting_reports.meeting_lines
    monkeypatch.setattr(meeting_reports, "meeting_lines", _failing)
    page = MeetingsPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    panel = page.list_panel
    qtbot.waitUntil(lambda: _says(panel).startswith("会议记录未能读出。"), timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert _says(panel) == "会议记录未能读出。" + DAMAGE and panel.empty.first_button.isHidden()
    assert told == [DAMAGE], "told once, though the list is read twice"

    monkeypatch.setattr(meeting_reports, "meeting_lines", sound)
    page.reload("list")
    qtbot.waitUntil(lambda: _says(panel) == "这一年还没有会议记录。", timeout=WAIT_MS)
    assert not panel.empty.first_button.isHidden()


def test_the_talks_list_says_it_could_not_be_read_then_comes_back(
        qtbot: QtBot, ctx: AppContext, told: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    sound = talks.talks_of_year
    monkeypatch.setattr(talks, "talks_of_year", _failing)
    panel = TalksPanel(ctx, today=TODAY)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: _says(panel.list) == "谈话记录未能读出。" + DAMAGE, timeout=WAIT_MS)
    assert panel.list.empty.first_button.isHidden() and told == [DAMAGE]

    monkeypatch.setattr(talks, "talks_of_year", sound)
    panel.reload_talks()
    qtbot.waitUntil(lambda: not panel.list.empty.first_button.isHidden(), timeout=WAIT_MS)
    assert "未能读出" not in _says(panel.list)


def test_every_study_list_says_it_could_not_be_read_then_comes_back(
        qtbot: QtBot, ctx: AppContext, told: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    sound = study.activities_of_year
    monkeypatch.setattr(study, "activities_of_year", _failing)
    page = StudyPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    lists = (page.activities, page.ledger, page.certifications, page.materials)
    assert [_says(panel) for panel in lists] == ["学习记录未能读出。" + DAMAGE] * 4
    assert page.activities.empty.first_button.isHidden() and page.summary.text() == "学习记录未能读出。"

    monkeypatch.setattr(study, "activities_of_year", sound)
    page.reload()
    qtbot.waitUntil(lambda: not page.activities.empty.first_button.isHidden(), timeout=WAIT_MS)
    assert all("未能读出" not in _says(panel) for panel in lists)


def _note(stack: Unreadable) -> str:
    return stack.note.label.text().replace("\n", "") if stack.unreadable else ""


def test_the_calendar_and_attendance_say_they_could_not_be_read_then_come_back(
        qtbot: QtBot, ctx: AppContext, told: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A year that cannot be read shows why, not the year shown before (nor empty cells that look like
    meetings never held); the next read brings the view back."""
    member = add_member(ctx.db, "王书记", 1, post="书记")
    hold(ctx.db, "theme_day", date(2026, 6, 15), {member: PRESENT})
    page = make_page(qtbot, ctx)
    calendar, attendance = page.calendar, page.attendance
    for tab in ("calendar", "attendance"):
        page.show_tab(tab)
        settle(qtbot, ctx)
    assert calendar.model.cells() and attendance.model.rowCount() == 1 and not told
    sound = meeting_reports.compliance, meeting_reports.attendance_rates
    monkeypatch.setattr(meeting_reports, "compliance", _failing)
    monkeypatch.setattr(meeting_reports, "attendance_rates", _failing)

    calendar.year_spin.setValue(2025)  # another year asked for: read at once
    page.show_tab("calendar")
    qtbot.waitUntil(lambda: calendar.stack.unreadable, timeout=WAIT_MS)
    assert _note(calendar.stack) == "年度日历未能读出。" + DAMAGE
    assert not calendar.model.cells() and not calendar.summary_label.text() and told == [DAMAGE]
    page.show_tab("attendance")
    attendance.year_spin.setValue(2025)
    qtbot.waitUntil(lambda: attendance.stack.unreadable, timeout=WAIT_MS)
    assert _note(attendance.stack) == "出勤统计未能读出。" + DAMAGE
    assert attendance.model.rowCount() == 0 and not attendance.summary_label.text() and told == [DAMAGE] * 2

    monkeypatch.setattr(meeting_reports, "compliance", sound[0])
    monkeypatch.setattr(meeting_reports, "attendance_rates", sound[1])
    attendance.year_spin.setValue(2026)
    qtbot.waitUntil(lambda: not attendance.stack.unreadable, timeout=WAIT_MS)
    assert attendance.model.rowCount() == 1 and attendance.summary_label.text()
    page.show_tab("calendar")
    calendar.year_spin.setValue(2026)
    qtbot.waitUntil(lambda: not calendar.stack.unreadable, timeout=WAIT_MS)
    assert calendar.model.cells() and calendar.summary_label.text() and len(told) == 2
