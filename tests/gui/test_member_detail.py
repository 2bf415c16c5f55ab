"""The member page: fields, masking, the timeline, recording and withdrawing a change, and the printable card."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER, ChangeKind, Changes
from partydesk.core.domain.member_events import EventKind
from partydesk.core.services.audit import list_entries
from partydesk.core.services.members import add_event, get_member, member_events
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.event_withdraw import EventWithdrawDialog
from partydesk.gui.dialogs.member_edit import MemberEditDialog
from partydesk.gui.dialogs.member_event import MemberEventDialog
from partydesk.gui.languages import install_language
from partydesk.gui.pages.member_detail import MemberDetailPage
from partydesk.gui.pages.members import MembersPage
from partydesk.gui.widgets import card_printer
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import LI, WANG, ZHANG, add_now, open_page


@pytest.fixture
def members(qtbot: QtBot, ctx: AppContext) -> tuple[MembersPage, dict[str, str]]:
    """The members page over 张三 (正式党员), 王五 (who lost contact) and 李四 (预备党员), and their ids."""
    zhang, wang, li = add_now(ctx, ZHANG, WANG, LI)
    return open_page(qtbot, ctx), {"张三": zhang, "王五": wang, "李四": li}


def _detail(ctx: AppContext, page: MembersPage, member_id: str) -> MemberDetailPage:
    page.open_member(member_id)
    assert ctx.runner.wait_idle(WAIT_MS)
    return page.detail_page()


def test_member_page_shows_the_fields_masked(ctx: AppContext, members: tuple[MembersPage, dict[str, str]]) -> None:
    """Name, key facts and every field are shown; numbers masked until revealed."""
    page, ids = members
    detail = _detail(ctx, page, ids["张三"])
    assert detail.name_label.text() == "张三"
    assert "正式党员" in detail.facts_label.text()
    assert detail._values["category"].text() == "正式党员"
    assert detail._values["id_number"].text() == "*" * 14 + ZHANG.id_number[-4:]  # type: ignore[index]
    detail.reveal_check.setChecked(True)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert detail._values["id_number"].text() == ZHANG.id_number
    entry = list_entries(ctx.db, ctx.actor, limit=1)[0]
    assert entry.action == "reveal" and entry.record_ids == (ids["张三"],)
    assert detail._values["phone"].text() == "13900001111"


def test_the_card_menu_says_whether_numbers_print_in_full(
        ctx: AppContext, members: tuple[MembersPage, dict[str, str]]) -> None:
    """The card follows the page's 显示完整号码 tick: each entry of 打印信息卡 says which as the menu opens (a card
    filed with 本人签字 had come out masked, unannounced)."""
    page, ids = members
    detail = _detail(ctx, page, ids["张三"])
    menu = detail.print_button.menu()
    assert menu is not None
    menu.aboutToShow.emit()
    assert detail.pdf_action.text() == "保存为 PDF（号码部分隐藏）…"
    assert detail.printer_action.text() == "打印（号码部分隐藏）…"
    assert "显示完整号码" in detail.print_button.toolTip()
    detail.reveal_check.setChecked(True)
    assert ctx.runner.wait_idle(WAIT_MS)
    menu.aboutToShow.emit()
    assert detail.pdf_action.text() == "保存为 PDF（完整号码）…"
    assert detail.printer_action.text() == "打印（完整号码）…"
    roster_menu = page.print_button.menu()
    assert roster_menu is not None and page.all_cards_action is not None
    roster_menu.aboutToShow.emit()
    assert page.all_cards_action.text() == "打印全部党员信息卡（一个 PDF，号码部分隐藏）…"


def test_leaving_the_member_page_masks_the_numbers_again(
        ctx: AppContext, members: tuple[MembersPage, dict[str, str]]) -> None:
    """Back to the roster (the page hidden) and the same member opened again: masked, the box unticked — the
    next person at the shared PC does not find them shown."""
    page, ids = members
    detail = _detail(ctx, page, ids["张三"])
    detail.show()
    detail.reveal_check.setChecked(True)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert detail._values["id_number"].text() == ZHANG.id_number
    detail.hide()
    detail.load(ids["张三"])
    assert ctx.runner.wait_idle(WAIT_MS)
    assert not detail.reveal_check.isChecked()
    assert detail._values["id_number"].text() == "*" * 14 + ZHANG.id_number[-4:]  # type: ignore[index]


def test_timeline_shows_events_oldest_first(ctx: AppContext, members: tuple[MembersPage, dict[str, str]]) -> None:
    """入党, 转正 and 失去联系 appear as dated entries, in date order, with the cause in words."""
    page, ids = members
    detail = _detail(ctx, page, ids["王五"])
    entries = detail.timeline.entry_texts()
    assert len(entries) == 3
    assert "入党" in entries[0] and "2015-07-01" in entries[0]
    assert "转为正式党员" in entries[1]
    assert "失去联系" in entries[2] and "2025-01-05" in entries[2] and "外出务工经商" in entries[2]
    assert "失联" in detail.state_text()


def test_recording_lost_contact_updates_the_state_shown(
    qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """记录变动 → 失去联系 with a cause: the timeline gains the event and the header says 失联."""
    page, ids = members
    detail = _detail(ctx, page, ids["张三"])
    assert "失联" not in detail.state_text()
    detail.event_button.click()
    dialog = detail.current_dialog()
    assert isinstance(dialog, MemberEventDialog)
    dialog.set_kind(EventKind.LOST)
    assert dialog.detail_stack.currentWidget() is dialog.cause_combo
    dialog.cause_combo.setCurrentIndex(dialog.cause_combo.findText("工作单位改变"))
    dialog.date_edit.set_value(date.today() - timedelta(days=3))
    dialog.note_edit.setPlainText("电话停机")
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert "失联" in detail.state_text()
    assert detail._values["lost_contact"].text() == "是"
    assert detail._values["lost_cause"].text() == "工作单位改变"
    assert any("失去联系" in e and "电话停机" in e for e in detail.timeline.entry_texts())
    page.show_roster()
    row = page.model.row_at(page.model.row_of(ids["张三"]))
    assert row is not None and row.lost_contact, "the roster reloaded too"


def test_a_refused_event_shows_the_message_and_records_nothing(
    qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """外出流动 without a destination is refused beside the detail field; no event is written."""
    page, ids = members
    detail = _detail(ctx, page, ids["张三"])
    before = len(member_events(ctx.db, LOCAL_USER, ids["张三"]))
    detail.record_event()
    dialog = detail.current_dialog()
    assert isinstance(dialog, MemberEventDialog)
    dialog.set_kind(EventKind.MIGRANT_OUT)
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert "“外出流动”须填写外出流向" in dialog.error_text()
    assert len(member_events(ctx.db, LOCAL_USER, ids["张三"])) == before
    dialog.reject()


def _event_dialog(detail: MemberDetailPage) -> MemberEventDialog:
    detail.event_button.click()
    dialog = detail.current_dialog()
    assert isinstance(dialog, MemberEventDialog)
    return dialog


def test_record_a_change_offers_only_what_fits_and_chooses_nothing(
    ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """A 正式党员 in contact is not offered 转正 or 恢复联系; no kind is preselected and Save waits for one."""
    page, ids = members
    detail = _detail(ctx, page, ids["张三"])
    before = member_events(ctx.db, LOCAL_USER, ids["张三"])
    dialog = _event_dialog(detail)
    offered = dialog.offered_kinds()
    assert EventKind.CONFIRMED not in offered and EventKind.REGAINED not in offered
    assert EventKind.LOST in offered and EventKind.JOINED not in offered
    assert dialog.kind() is None and dialog.kind_combo.currentIndex() == -1
    assert dialog.kind_combo.placeholderText() == dialog.tr("Choose the kind of change")
    assert not dialog.save_button().isEnabled()
    dialog.accept()  # Enter with nothing chosen records nothing
    assert ctx.runner.wait_idle(WAIT_MS)
    assert member_events(ctx.db, LOCAL_USER, ids["张三"]) == before
    dialog.set_kind(EventKind.LOST)
    assert dialog.save_button().isEnabled()
    dialog.reject()


def test_record_a_change_follows_the_members_state(
    ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """A 预备党员 is offered 转正; a member who lost contact is offered 恢复联系 instead of 失去联系."""
    page, ids = members
    dialog = _event_dialog(_detail(ctx, page, ids["李四"]))
    assert EventKind.CONFIRMED in dialog.offered_kinds() and EventKind.PROBATION_EXTENDED in dialog.offered_kinds()
    dialog.reject()
    dialog = _event_dialog(_detail(ctx, page, ids["王五"]))
    assert EventKind.REGAINED in dialog.offered_kinds() and EventKind.LOST not in dialog.offered_kinds()
    assert EventKind.CONFIRMED not in dialog.offered_kinds()
    dialog.reject()


def test_a_kind_the_core_no_longer_allows_shows_its_message(
    qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """When the state changed after the dialog opened, the core's refusal is shown and nothing is added."""
    page, ids = members
    detail = _detail(ctx, page, ids["张三"])
    dialog = _event_dialog(detail)
    add_event(ctx.db, ctx.actor, member_id=ids["张三"], kind=EventKind.LOST, on_date=dialog.on_date())
    before = len(member_events(ctx.db, LOCAL_USER, ids["张三"]))
    dialog.set_kind(EventKind.LOST)
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert "不能记录“失去联系”" in dialog.error_text() and "已登记为失联" in dialog.error_text()
    assert dialog.isVisible()
    assert len(member_events(ctx.db, LOCAL_USER, ids["张三"])) == before
    dialog.reject()


def test_record_a_change_keeps_combos_at_their_height(
    qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """The 失联原因 combo is as tall as a combo, and an error line adds height instead of squeezing fields."""
    page, ids = members
    dialog = _event_dialog(_detail(ctx, page, ids["张三"]))
    dialog.show()
    dialog.set_kind(EventKind.LOST)
    QApplication.processEvents()
    assert dialog.cause_combo.height() == dialog.cause_combo.sizeHint().height()
    dialog.set_kind(EventKind.MIGRANT_OUT)
    height = dialog.height()
    dialog.save_button().click()  # no destination: refused beside the field
    assert ctx.runner.wait_idle(WAIT_MS)
    QApplication.processEvents()
    assert dialog.error_text()
    assert dialog.height() > height
    for field in (dialog.kind_combo, dialog.date_edit, dialog.text_edit):
        assert field.height() >= field.sizeHint().height(), field.objectName()
    assert dialog.detail_error.height() >= dialog.detail_error.heightForWidth(dialog.detail_error.width())
    dialog.reject()


def _withdraw_dialog(detail: MemberDetailPage) -> EventWithdrawDialog:
    dialog = detail.current_dialog()
    assert isinstance(dialog, EventWithdrawDialog)
    return dialog


def test_a_mistaken_entry_is_withdrawn_with_a_reason(
    qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """撤销… on 失去联系 asks for a reason, then the entry leaves the timeline and the member is in contact again."""
    page, ids = members
    detail = _detail(ctx, page, ids["王五"])
    buttons = detail.timeline.withdraw_buttons()
    assert buttons[0] is None, "入党 has no withdraw button"
    assert "失去联系" in detail.timeline.entry_texts()[2]
    lost = buttons[2]
    assert lost is not None
    lost.click()
    dialog = _withdraw_dialog(detail)
    assert "失去联系" in dialog.question.text()
    assert not dialog.ok_button().isEnabled(), "a reason is required"
    dialog.reason_edit.setText("   ")
    assert not dialog.ok_button().isEnabled()
    dialog.reason_edit.setText("录错了党员")
    messages: list[str] = []
    ctx.hub.statusMessage.connect(messages.append)
    dialog.ok_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)  # the page's reload after the hub's change
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert [e.kind for e in member_events(ctx.db, LOCAL_USER, ids["王五"])] == [EventKind.JOINED, EventKind.CONFIRMED]
    assert len(detail.timeline.entry_texts()) == 2
    assert "失联" not in detail.state_text()
    assert any("失去联系" in m for m in messages)


def test_timeline_context_menu_withdraws_but_not_the_joining(
    qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """The entry menu offers 撤销 (disabled for 入党, which is corrected in the form); Cancel changes nothing."""
    page, ids = members
    detail = _detail(ctx, page, ids["王五"])
    joined = detail.timeline.entry_menu(0).findChild(object, "withdrawAction")
    assert joined is not None and not joined.isEnabled()
    action = detail.timeline.entry_menu(1).findChild(object, "withdrawAction")
    assert action is not None and action.isEnabled()
    action.trigger()
    dialog = _withdraw_dialog(detail)
    assert "转为正式党员" in dialog.question.text()
    dialog.reason_edit.setText("误录")
    dialog.reject()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert len(member_events(ctx.db, LOCAL_USER, ids["王五"])) == 3


def test_withdraw_refused_by_the_core_shows_its_message(
    qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """The core's refusal (入党 cannot be withdrawn) is shown in the dialog, which stays open."""
    page, ids = members
    detail = _detail(ctx, page, ids["王五"])
    joined = member_events(ctx.db, LOCAL_USER, ids["王五"])[0]
    assert joined.kind is EventKind.JOINED
    dialog = EventWithdrawDialog(ctx, joined.id, "2015-07-01 入党", "王五", detail)
    qtbot.addWidget(dialog)
    dialog.reason_edit.setText("试试")
    dialog.ok_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert "入党记录不能撤销" in dialog.error_text()
    assert len(member_events(ctx.db, LOCAL_USER, ids["王五"])) == 3


def test_member_page_in_english_shows_every_field_name_in_full(
    qtbot: QtBot, ctx: AppContext, app: QApplication, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """After switching to English the longer field names ("Cause of lost contact:") are not cut off."""
    page, ids = members
    detail = _detail(ctx, page, ids["王五"])
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    install_language(app, "en", ctx.hub)
    for _ in range(3):
        QApplication.processEvents()
    assert detail._field_labels["lost_cause"].text() == "Cause of lost contact:"
    for column_id, label in detail._field_labels.items():
        assert label.width() >= label.sizeHint().width(), column_id
    assert detail.timeline.width() > 0 and len(detail.timeline.entry_texts()) == 3


def test_edit_from_the_member_page(qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]]) -> None:
    """编辑 opens the form on this member once the audit trail says the full numbers are shown (the form shows
    them); after saving, the page shows the new value."""
    page, ids = members
    detail = _detail(ctx, page, ids["张三"])
    detail.edit_button.click()
    qtbot.waitUntil(lambda: isinstance(detail.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
    dialog = detail.current_dialog()
    assert isinstance(dialog, MemberEditDialog)
    entry = list_entries(ctx.db, ctx.actor, limit=1)[0]
    assert (entry.action, entry.record_ids) == ("reveal", (ids["张三"],))
    assert entry.summary == "打开党员档案编辑（显示完整号码）"
    dialog.ui.addressEdit.setText("示范市幸福南路8号")
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert detail._values["address"].text() == "示范市幸福南路8号"


def test_deleted_member_returns_to_the_roster(
    qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]],
) -> None:
    """When the member shown is deleted elsewhere, the page goes back to the roster."""
    from partydesk.core.services.members import delete_member

    page, ids = members
    detail = _detail(ctx, page, ids["王五"])
    assert page.stack.currentWidget() is detail
    ctx.runner.submit(lambda _progress: delete_member(ctx.db, ctx.actor, member_id=ids["王五"], reason="录入错误"))
    assert ctx.runner.wait_idle(WAIT_MS)
    assert page.stack.currentWidget() is page.roster_panel


def test_print_card_saves_a_pdf_that_renders(
    qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """打印信息卡 → 保存为 PDF writes an A4 PDF named after the member, which pdftoppm can render."""
    page, ids = members
    detail = _detail(ctx, page, ids["王五"])
    asked: list[str] = []

    def choose(_parent: object, _title: str, default: str, _filter: str) -> tuple[str, str]:
        asked.append(default)
        return str(tmp_path / "card"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    messages: list[str] = []
    ctx.hub.statusMessage.connect(messages.append)
    detail.pdf_action.trigger()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert asked and Path(asked[0]).name == "党员信息卡-王五.pdf"
    pdf = tmp_path / "card.pdf"
    saved = QCoreApplication.translate("CardPrinter", "Member card saved: {path}").format(path=pdf)
    assert messages == [saved], "the status bar says where the card went"
    box = detail.window().findChild(QMessageBox, "savedBox")  # and a box, with its folder a click away
    assert box is not None and str(pdf) in box.text()
    box.close()
    assert pdf.read_bytes().startswith(b"%PDF")
    entry = list_entries(ctx.db, ctx.actor, limit=1)[0]
    assert (entry.action, entry.record_ids, entry.summary) == ("card.print", (ids["王五"],), "党员信息卡（号码已隐藏）")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True, capture_output=True)
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 1000


def test_write_pdf_masks_numbers_unless_revealed(ctx: AppContext, tmp_path: Path) -> None:
    """The card HTML built for printing follows the reveal choice."""
    (member_id,) = add_now(ctx, ZHANG)
    got: list[str] = []
    holder = MemberDetailPage(ctx)
    card_printer.request_card(ctx, holder, member_id, action="pdf", full_numbers=False,
                              on_ready=lambda html, _name: got.append(html))
    card_printer.request_card(ctx, holder, member_id, action="pdf", full_numbers=True,
                              on_ready=lambda html, _name: got.append(html))
    assert ctx.runner.wait_idle(WAIT_MS)
    assert str(ZHANG.id_number) not in got[0] and str(ZHANG.id_number) in got[1]
    card_printer.write_pdf(got[0], tmp_path / "a.pdf")
    assert (tmp_path / "a.pdf").stat().st_size > 1000
    record = get_member(ctx.db, LOCAL_USER, member_id)
    assert record is not None and record.data.name == "张三"
    holder.deleteLater()


def test_last_changed_is_said_in_the_offices_own_time(
        ctx: AppContext, members: tuple[MembersPage, dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """The database keeps times in UTC; an office in China reads 最后修改 on its own clock (UTC+8)."""
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        page, ids = members
        detail = _detail(ctx, page, ids["张三"])
        stored = get_member(ctx.db, ctx.actor, ids["张三"]).updated_at  # type: ignore[union-attr]
        assert f"{stored + timedelta(hours=8):%Y-%m-%d %H:%M}" in detail.updated_label.text()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_the_member_page_says_where_the_member_stands_this_year(
        ctx: AppContext, members: tuple[MembersPage, dict[str, str]], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Meetings attended, excused and missed this year, the last one attended, the last talk and the 学时: what
    a to-do about the member (连续缺席, 学时不足) opened the page for. A talk recorded meanwhile shows at once."""
    from partydesk.core.services.meetings import add_meeting
    from partydesk.core.services.talks import TalkData, add_talk
    from partydesk.core.storage.meeting_repo import ABSENT, LEAVE, PRESENT, MeetingData
    from partydesk.gui.pages import member_detail

    class Today(date):
        @classmethod
        def today(cls) -> date:  # type: ignore[override]
            return date(2026, 11, 30)

    monkeypatch.setattr(member_detail, "date", Today)
    page, ids = members
    year = 2026
    days = [date(year, 5, 10), date(year, 6, 10), date(year, 7, 10)]  # 李四 joined on 1 March
    for day, status in zip(days, (PRESENT, LEAVE, ABSENT), strict=True):
        add_meeting(ctx.db, LOCAL_USER, MeetingData(type_code="theme_day", topic="学习", held_on=day),
                    statuses={ids["张三"]: status, ids["李四"]: PRESENT})
    detail = _detail(ctx, page, ids["张三"])
    qtbot.waitUntil(lambda: detail.activity_label.text() != "", timeout=WAIT_MS)
    assert detail.activity_label.text() == (f"{year}年：出席会议 1 次，请假 1 次，缺席 1 次；最近一次参加组织生活："
                                            f"{year}-05-10；最近一次谈心谈话：尚无；已完成学时 0。")
    add_talk(ctx.db, LOCAL_USER, TalkData(held_on=date(year, 8, 1), with_ids=(ids["张三"],), by_name="刘书记",
                                          topic="谈心"))
    ctx.hub.changed.emit(Changes.of(ChangeKind.TALK))
    qtbot.waitUntil(lambda: f"最近一次谈心谈话：{year}-08-01" in detail.activity_label.text(), timeout=WAIT_MS)


def test_the_member_page_is_worked_from_the_keyboard(
        qtbot: QtBot, ctx: AppContext, members: tuple[MembersPage, dict[str, str]]) -> None:
    """F2 edits the member shown, as on the roster; Alt+C (the button's mnemonic) records a change: both were for the
    mouse only."""
    page, ids = members
    page.show()
    qtbot.waitExposed(page)
    detail = _detail(ctx, page, ids["张三"])
    assert QKeySequence.mnemonic(detail.event_button.text()) == QKeySequence("Alt+C")
    qtbot.keyClick(detail, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(detail.current_dialog(), MemberEditDialog), timeout=WAIT_MS)
