"""The meetings page: its list with counts and quorum, refreshing on a published meeting, the calendar and
attendance tabs, and the one door to the record dialog."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER, ChangeKind, Changes
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.errors import KnownError
from partydesk.core.services import meeting_reports, meetings, members, study
from partydesk.core.services.meeting_reports import AttendanceRate
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT, MeetingData
from partydesk.gui.context import AppContext
from partydesk.gui.models.attendance_model import AttendanceRatesModel, attendance_rows
from partydesk.gui.models.meeting_calendar_model import CellState
from partydesk.gui.pages.meetings import MeetingsPage

TODAY = date(2026, 11, 30)
WAIT_MS = 10_000


def add_member(db: Database, name: str, seed: int, post: str = "", probationary: bool = False) -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, seed), True)
    data = MemberInput(name=name, gender="男", id_number=number, category="预备党员" if probationary else "正式党员",
                       joined_on="2026-03-01" if probationary else "2000-07-01",
                       confirmed_on=None if probationary else "2001-07-01", party_post=post, party_group="第一党小组")
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def hold(db: Database, code: str, day: date, statuses: dict[str, str]) -> str:
    data = MeetingData(type_code=code, topic=f"{code}会议", held_on=day)
    return meetings.add_meeting(db, LOCAL_USER, data, statuses=statuses).meeting_id


@pytest.fixture
def people(db: Database) -> list[str]:
    return [add_member(db, "王书记", 1, post="书记"), add_member(db, "李明", 2), add_member(db, "张强", 3)]


def settle(qtbot: QtBot, ctx: AppContext) -> None:
    for _ in range(3):
        ctx.runner.wait_idle(WAIT_MS)
        qtbot.wait(10)


def make_page(qtbot: QtBot, ctx: AppContext) -> MeetingsPage:
    page = MeetingsPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    settle(qtbot, ctx)
    return page


def column(page: MeetingsPage, key: str) -> list[str]:
    model = page.list_panel.model
    number = [c.key for c in model.columns].index(key)
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_the_list_shows_counts_and_quorum(qtbot: QtBot, ctx: AppContext, people: list[str]) -> None:
    """A 党员大会 with three of five present but only one of three voting members: 应到 5, 实到 3, 未达到."""
    db: Database = ctx.db  # type: ignore[assignment]
    probationers = [add_member(db, "钱预备", 4, probationary=True), add_member(db, "孙预备", 5, probationary=True)]
    hold(db, "general", date(2026, 4, 20), dict.fromkeys([people[0], *probationers], PRESENT))
    page = make_page(qtbot, ctx)
    assert column(page, "held_on") == ["2026-04-20"]
    assert (column(page, "expected"), column(page, "present"), column(page, "quorum")) == (["5"], ["3"], ["不符合"])


def test_the_page_shows_a_meeting_added_and_published(qtbot: QtBot, ctx: AppContext, people: list[str]) -> None:
    """add_meeting's Changes, published on the hub, brings the meeting into the list and the calendar."""
    page = make_page(qtbot, ctx)
    page.show_tab("calendar")
    settle(qtbot, ctx)
    general = [c for c in page.calendar.model.cells() if c.type_code == "general"]
    assert [c.state for c in general[:2]] == [CellState.MISSING, CellState.MISSING]
    assert page.list_row_count() == 0
    added = meetings.add_meeting(ctx.db, LOCAL_USER,  # type: ignore[arg-type]
                                 MeetingData(type_code="general", topic="二季度党员大会", held_on=date(2026, 5, 8)),
                                 statuses=dict.fromkeys(people, PRESENT))
    ctx.hub.publish(added.changes)
    settle(qtbot, ctx)
    general = [c for c in page.calendar.model.cells() if c.type_code == "general"]
    assert general[1].state is CellState.HELD and general[1].meeting_ids == (added.meeting_id,)
    assert page.list_panel.model.row_of(added.meeting_id) == 0, "the list took the new meeting in, though hidden"
    assert column(page, "quorum") == ["符合"]  # (as the register and the minutes say it: 符合法定人数)


def test_a_meeting_recorded_later_takes_its_place_by_date(qtbot: QtBot, ctx: AppContext, people: list[str]) -> None:
    """Recorded 12-02, then 12-01, then 12-03: the list reads 12-01, 12-02, 12-03 (before, the order recorded)."""
    page = make_page(qtbot, ctx)
    settle(qtbot, ctx)
    for day in (2, 1, 3):
        data = MeetingData(type_code="theme_day", topic=f"主题党日{day}", held_on=date(2026, 5, day))
        added = meetings.add_meeting(ctx.db, LOCAL_USER, data,  # type: ignore[arg-type]
                                     statuses=dict.fromkeys(people, PRESENT))
        ctx.hub.publish(added.changes)
        settle(qtbot, ctx)
    model = page.list_panel.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["2026-05-01", "2026-05-02", "2026-05-03"]


def test_a_published_change_reads_only_the_meetings_it_names(qtbot: QtBot, ctx: AppContext,
                                                             people: list[str]) -> None:
    """A change naming one meeting updates its line in place; the list is not read again."""
    first = hold(ctx.db, "theme_day", date(2026, 3, 15), {people[0]: PRESENT})  # type: ignore[arg-type]
    page = make_page(qtbot, ctx)
    resets: list[int] = []
    page.list_panel.model.modelReset.connect(lambda: resets.append(1))
    second = hold(ctx.db, "theme_day", date(2026, 4, 15), {people[1]: PRESENT})  # type: ignore[arg-type]
    ctx.hub.publish(Changes.of(ChangeKind.MEETING, second))
    settle(qtbot, ctx)
    assert [r.id for r in page.list_panel.model.shown_rows()] == [first, second]
    assert resets == [], "refreshed by id, not reloaded"


def test_the_documents_button_means_the_selected_meeting(qtbot: QtBot, ctx: AppContext, people: list[str]) -> None:
    """会议文档 asks for the first selected meeting, and for none without a selection."""
    first = hold(ctx.db, "theme_day", date(2026, 3, 15), {people[0]: PRESENT})  # type: ignore[arg-type]
    page = make_page(qtbot, ctx)
    assert page.docs_button.meeting_id_getter() is None
    page.list_panel.select_id(first)
    assert page.docs_button.meeting_id_getter() == first


def ask_delete(page: MeetingsPage, qtbot: QtBot, ctx: AppContext) -> QMessageBox:
    """删除 on the selection; the question comes once the page has read what the deletion takes along."""
    page.delete_selected()
    settle(qtbot, ctx)
    box = page.current_dialog()
    assert isinstance(box, QMessageBox) and box.objectName() == "deleteMeetingBox"
    return box


def test_delete_asks_then_the_list_drops_the_meeting(qtbot: QtBot, ctx: AppContext, people: list[str]) -> None:
    """删除 on a selected meeting asks first; No keeps it, Yes deletes it and the published change drops it."""
    keep = hold(ctx.db, "theme_day", date(2026, 3, 15), {people[0]: PRESENT})  # type: ignore[arg-type]
    gone = hold(ctx.db, "theme_day", date(2026, 4, 15), {people[0]: PRESENT})  # type: ignore[arg-type]
    page = make_page(qtbot, ctx)
    assert page.list_panel.select_id(gone)
    box = ask_delete(page, qtbot, ctx)
    assert "2026-04-15" in box.text() and "学习" not in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    settle(qtbot, ctx)
    assert page.list_row_count() == 2
    ask_delete(page, qtbot, ctx).button(QMessageBox.StandardButton.Yes).click()
    settle(qtbot, ctx)
    assert [r.id for r in page.list_panel.model.shown_rows()] == [keep]
    assert [m.id for m in meeting_reports.meeting_lines(ctx.db, 2026)] == [keep]  # type: ignore[arg-type]


def test_deleting_a_meeting_counted_as_study_says_so_and_takes_its_study_record(
        qtbot: QtBot, ctx: AppContext, people: list[str]) -> None:
    """A 主题党日 counted as study (2.5 学时 × 2 人): the question says its study record goes too; Yes deletes
    both, and the change published names the study record so the study page drops it."""
    db: Database = ctx.db  # type: ignore[assignment]
    held = hold(db, "theme_day", date(2026, 5, 15), {people[0]: PRESENT, people[1]: PRESENT})
    counted = study.count_meeting(db, LOCAL_USER, held, hours_tenths=25)
    published: list[Changes] = []
    ctx.hub.changed.connect(published.append)
    page = make_page(qtbot, ctx)
    assert page.list_panel.select_id(held)
    box = ask_delete(page, qtbot, ctx)
    assert "这次会议已计为学习（2.5 学时 × 2 人），删除会议将同时删除这条学习记录" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    settle(qtbot, ctx)
    assert page.list_row_count() == 0
    assert study.activities_of_year(db, 2026) == []
    assert any(c.ids_of(ChangeKind.STUDY) == {counted.activity_id} for c in published)


def test_the_type_filter_and_year_choose_the_meetings_shown(qtbot: QtBot, ctx: AppContext,
                                                            people: list[str]) -> None:
    """The type filter keeps 党课 only; another year reads that year's meetings."""
    hold(ctx.db, "lecture", date(2026, 2, 1), {people[0]: PRESENT})  # type: ignore[arg-type]
    hold(ctx.db, "theme_day", date(2026, 2, 15), {people[0]: PRESENT})  # type: ignore[arg-type]
    hold(ctx.db, "theme_day", date(2025, 2, 15), {people[0]: PRESENT})  # type: ignore[arg-type]
    page = make_page(qtbot, ctx)
    assert page.list_row_count() == 2
    page.type_filter.setCurrentIndex(page.type_filter.findText("党课"))
    assert column(page, "type") == ["党课"]
    page.type_filter.setCurrentIndex(0)
    page.list_year.setValue(2025)
    settle(qtbot, ctx)
    assert column(page, "held_on") == ["2025-02-15"]


def test_the_attendance_tab_flags_three_absences_in_a_row(qtbot: QtBot, ctx: AppContext, people: list[str]) -> None:
    """王书记, absent from the last three meetings, comes first (before 李明 and 张强 by name), flagged with
    his run; 李明 was on leave."""
    for month in (6, 7, 8):
        statuses = {people[0]: ABSENT, people[1]: LEAVE, people[2]: PRESENT}
        hold(ctx.db, "theme_day", date(2026, month, 15), statuses)  # type: ignore[arg-type]
    page = make_page(qtbot, ctx)
    page.show_tab("attendance")
    settle(qtbot, ctx)
    model = page.attendance.model
    assert model.row_at(0).rate.name == "王书记" and model.row_at(0).run == 3
    assert model.index(0, 6).data() == "3 次"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "王书记" in page.attendance.summary_label.text()


def test_attendance_model_passes_the_model_tester(qtmodeltester: ModelTester, db: Database,
                                                  people: list[str]) -> None:
    """Empty, filled and sorted, the attendance model is a valid model."""
    hold(db, "theme_day", date(2026, 6, 15), {people[0]: PRESENT})
    model = AttendanceRatesModel()
    qtmodeltester.check(model)
    model.set_rows(attendance_rows(meeting_reports.attendance_rates(db, 2026), [(people[2], "张强", 4)]))
    model.sort(5, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_list_model_passes_the_model_tester(qtmodeltester: ModelTester, qtbot: QtBot, ctx: AppContext,
                                            people: list[str]) -> None:
    """The meetings list model, with its counted lines, is a valid model."""
    hold(ctx.db, "general", date(2026, 4, 20), {people[0]: PRESENT})  # type: ignore[arg-type]
    page = make_page(qtbot, ctx)
    qtmodeltester.check(page.list_panel.model)


def test_a_calendar_click_on_a_missing_cell_opens_the_record_door(qtbot: QtBot, ctx: AppContext,
                                                                  people: list[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Starting a meeting from a missing Q1 党员大会 goes through open_meeting with its type and date."""
    page = make_page(qtbot, ctx)
    asked: list[dict[str, object]] = []
    monkeypatch.setattr(page, "open_meeting", lambda **kw: asked.append(kw))
    page.show_tab("calendar")
    settle(qtbot, ctx)
    page.calendar.startMeeting.connect(lambda *_: None)
    page.calendar.activate(page.calendar.model.index(0, 1))
    assert asked == [{"type_code": "general", "party_group": "", "held_on": date(2026, 1, 1)}]


def test_a_finding_target_brings_its_calendar_cell_into_focus(qtbot: QtBot, ctx: AppContext,
                                                              people: list[str]) -> None:
    """Target("calendar", "general||2025-07-01") shows 2025's calendar with the Q3 党员大会 cell current."""
    page = make_page(qtbot, ctx)
    page.show_calendar_cell("general||2025-07-01")
    settle(qtbot, ctx)
    assert page.current_tab() == "calendar" and page.calendar.year == 2025
    current = page.calendar.view.currentIndex()
    cell = page.calendar.model.cell(current.row(), current.column())
    assert cell is not None and cell.key == "general||2025-07-01" and cell.period.label == "2025年第三季度"


def test_open_meeting_opens_the_record_dialog_or_says_it_is_missing(qtbot: QtBot, ctx: AppContext) -> None:
    """open_meeting shows the record dialog; in a build without one, a clear message instead of a failure."""
    page = make_page(qtbot, ctx)
    try:
        from partydesk.gui.dialogs.meeting_edit import MeetingDialog
    except ImportError:
        MeetingDialog = None
    shown = page.open_meeting(type_code="general", held_on=TODAY)
    assert page.current_dialog() is shown
    if MeetingDialog is None:
        assert isinstance(shown, QMessageBox) and "会议记录窗口" in shown.text()
    else:
        assert isinstance(shown, MeetingDialog)
    shown.close()


def test_a_calendar_finding_opens_its_cell_on_the_calendar_tab(qtbot: QtBot, ctx: AppContext) -> None:
    """open_target("calendar", key) brings the calendar forward on that cell's year."""
    page = make_page(qtbot, ctx)
    page.open_target("calendar", "general||2025-07-01")
    assert page.current_tab() == "calendar"
    settle(qtbot, ctx)
    assert page.calendar.year == 2025


def test_a_double_click_opens_one_copy_of_the_meeting(qtbot: QtBot, ctx: AppContext, people: list[str]) -> None:
    """A double-click on a row opens its record once: a second, older copy underneath could be saved over the
    newer one. Asking again while it is open keeps the open one."""
    from PySide6.QtWidgets import QApplication

    from partydesk.gui.dialogs.meeting_edit import MeetingDialog

    meeting_id = hold(ctx.db, "general", date(2026, 4, 20), dict.fromkeys(people, PRESENT))  # type: ignore[arg-type]
    page = make_page(qtbot, ctx)
    page.show()
    view = page.list_panel.table
    rect = view.visualRect(view.model().index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a mouse sends it:
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    settle(qtbot, ctx)

    def copies() -> list[MeetingDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MeetingDialog) and w.isVisible()]

    assert len(copies()) == 1
    first = page.current_dialog()
    page.open_meeting(meeting_id=meeting_id)
    settle(qtbot, ctx)
    assert copies() == [first] and page.current_dialog() is first
    first.close()


def test_a_click_on_the_name_header_sorts_by_pinyin_as_the_roster_does() -> None:
    """张 before 李 by code point; by pinyin (the roster's order) 李 comes first, and 张 last in reverse."""
    model = AttendanceRatesModel()
    model.set_rows(attendance_rows([AttendanceRate("1", "张甲", 1, 0, 0, pinyin="zhangjia"),
                                    AttendanceRate("2", "李委员", 1, 0, 0, pinyin="liweiyuan")], []))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).rate.name for r in range(model.rowCount())] == ["李委员", "张甲"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).rate.name == "张甲"


def test_a_meeting_recorded_through_the_page_is_chosen_in_the_list(qtbot: QtBot, ctx: AppContext,
                                                                    people: list[str]) -> None:
    """Saved from 新建会议记录, the new meeting is selected in the list once it arrives there, among others, and
    the keyboard is on the list (not back on the search box it was in before)."""
    for month in range(1, 10):
        hold(ctx.db, "general", date(2026, month, 3), dict.fromkeys(people, PRESENT))  # type: ignore[arg-type]
    page = make_page(qtbot, ctx)
    page.show()
    page.list_panel.search.setFocus()
    dialog = page.open_meeting(type_code="theme_day", held_on=date(2026, 6, 15))
    settle(qtbot, ctx)
    dialog.ui.topicEdit.insert("重温入党誓词")  # type: ignore[attr-defined]
    dialog.attendance.model.all_present()  # type: ignore[attr-defined]
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:  # type: ignore[attr-defined]
        dialog._save()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.list_panel.selected_ids() == [saved.args[0]], timeout=WAIT_MS)
    assert page.focusWidget() is page.list_panel.table
    assert "会议记录已保存：重温入党誓词" in said  # the dialog just closes: the status line says it was kept


def test_the_search_hint_is_whole_in_its_tooltip(qtbot: QtBot, ctx: AppContext) -> None:
    """A narrow search box (a committee's filter row is full) cuts its grey hint: pointing at it shows it whole."""
    page = make_page(qtbot, ctx)
    search = page.list_panel.search
    assert search.placeholderText() and search.toolTip() == search.placeholderText()


def test_the_attendance_shown_is_exported_where_chosen(qtbot: QtBot, ctx: AppContext, people: list[str],
                                                       tmp_path: Path) -> None:
    """导出 Excel… on 出勤统计 writes the year shown (suggested by its own name): the status line and a box say how
    many members and where, and the sheet holds the rows the tab shows."""
    import openpyxl

    for month in (6, 7, 8):
        hold(ctx.db, "theme_day", date(2026, month, 15),  # type: ignore[arg-type]
             {people[0]: ABSENT, people[1]: LEAVE, people[2]: PRESENT})
    page = make_page(qtbot, ctx)
    page.show_tab("attendance")
    settle(qtbot, ctx)
    button = page.attendance.export_button
    assert button.text() == "导出 Excel…" and button.isEnabled()
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    asked: list[str] = []

    def choose(suggested: Path, _filter: str) -> Path:
        asked.append(suggested.name)
        return tmp_path / suggested.name

    page.export_attendance(choose_path=choose)
    target = tmp_path / "党员出勤统计-2026.xlsx"
    qtbot.waitUntil(lambda: any("出勤统计已保存" in s for s in said), timeout=WAIT_MS)
    assert asked == ["党员出勤统计-2026.xlsx"] and f"党员出勤统计已保存（3 名党员）：{target}" in said
    box = page.window().findChild(QMessageBox, "savedBox")
    assert box is not None and box.isVisible() and box.text() == f"2026年党员出勤统计（3 名党员）已保存：\n{target}"
    box.close()
    sheet = openpyxl.load_workbook(target).active
    written = {sheet.cell(row, 2).value: (sheet.cell(row, 7).value, sheet.cell(row, 8).value) for row in (3, 4, 5)}
    assert written == {"王书记": ("0%", "3 次"), "李明": ("0%", None), "张强": ("100%", None)}


def test_attendance_that_cannot_be_written_says_where_and_writes_nothing(
        qtbot: QtBot, ctx: AppContext, people: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder taken away after it was chosen (a stick pulled): a warning naming the file and what to check, no file
    and no "saved" box; a year that cannot be read offers no export."""
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: warned.append(text))
    page = make_page(qtbot, ctx)
    page.show_tab("attendance")
    settle(qtbot, ctx)
    gone = tmp_path / "stick" / "党员出勤统计-2026.xlsx"
    page.export_attendance(choose_path=lambda _suggested, _filter: gone)
    qtbot.waitUntil(lambda: bool(warned), timeout=WAIT_MS)
    assert str(gone) in warned[0] and "文件夹是否存在" in warned[0]
    assert not gone.parent.exists() and page.window().findChild(QMessageBox, "savedBox") is None
    page.attendance.show_unreadable("出勤情况读取失败。", KnownError("数据库损坏"))
    assert not page.attendance.export_button.isEnabled()
