"""党籍 rules in the window: 记录变动 refuses a forbidden change with the rule, 转正 starts on the day probation
ends, and the roster shows the members on the roll unless asked for those who left."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member_events import EventKind
from partydesk.core.services.members import add_event, member_events
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.member_event import MemberEventDialog
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import LI, WANG, ZHANG, add_now, open_page


def shown_for(qtbot: QtBot, ctx: AppContext, member_id: str, kind: EventKind) -> MemberEventDialog:
    """记录变动 for 张三 on screen, every kind offered (as if the state changed meanwhile), ``kind`` chosen."""
    dialog = MemberEventDialog(ctx, member_id, "张三")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_kind(kind)
    return dialog


def test_a_forbidden_change_is_refused_with_the_rule(qtbot: QtBot, ctx: AppContext) -> None:
    """恢复党籍 for a member whose 党籍 is 正常: the dialog shows the core's refusal naming the 条例; nothing saved."""
    [zhang] = add_now(ctx, ZHANG)
    before = member_events(ctx.db, LOCAL_USER, zhang)
    dialog = shown_for(qtbot, ctx, zhang, EventKind.RESTORED)
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert "恢复党籍只适用于停止党籍的党员" in dialog.error_text()
    assert "《党员教育管理工作条例》" in dialog.error_text()
    assert dialog.isVisible() and member_events(ctx.db, LOCAL_USER, zhang) == before


def test_suspension_asks_for_its_ground_and_refuses_without_six_months(qtbot: QtBot, ctx: AppContext) -> None:
    """停止党籍 shows the ground choice; with 失联 too recent the refusal is shown beside it."""
    [zhang] = add_now(ctx, ZHANG)
    add_event(ctx.db, ctx.actor, member_id=zhang, kind=EventKind.LOST, on_date=date.today(), detail="1")
    dialog = shown_for(qtbot, ctx, zhang, EventKind.SUSPENDED)
    assert dialog.ground_combo.isVisible()
    dialog.ground_combo.setCurrentIndex(dialog.ground_combo.findData("1"))
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert "失去联系须满6个月" in dialog.error_text()


def test_a_refusal_about_the_ground_goes_once_a_ground_is_chosen(qtbot: QtBot, ctx: AppContext) -> None:
    """Saved without a ground, 停止党籍 is refused beside the ground; choosing one takes the refusal away (it was
    left up, in red, until the next save)."""
    [zhang] = add_now(ctx, ZHANG)
    dialog = shown_for(qtbot, ctx, zhang, EventKind.SUSPENDED)
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert "请选择停止党籍的原因" in dialog.error_text()
    dialog.ground_combo.setCurrentIndex(dialog.ground_combo.findData("1"))
    assert dialog.error_text() == ""


def test_confirmation_starts_on_the_end_of_probation_and_warns_on_another_day(qtbot: QtBot, ctx: AppContext) -> None:
    """转正 fills in 预备期满之日; typing another date shows a warning, the right one clears it."""
    dialog = MemberEventDialog(ctx, "m", "李四", kinds=[EventKind.CONFIRMED], today=date(2026, 11, 30),
                               probation_ends=date(2026, 10, 15))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_kind(EventKind.CONFIRMED)
    assert dialog.on_date() == date(2026, 10, 15) and dialog.date_warning_text() == ""
    dialog.date_edit.setText("2026.11.2")
    assert "2026年10月15日" in dialog.date_warning_text()
    dialog.date_edit.setText("2026.10.15")
    assert dialog.date_warning_text() == ""


def test_a_confirmation_before_probation_ends_is_asked_about_before_saving(qtbot: QtBot, ctx: AppContext) -> None:
    """转正 dated before 预备期满之日: a question comes before anything is saved ("返回修改日期" the default, and
    nothing is recorded); "仍然记录" records it, and the same warning is not shown again afterwards."""
    from PySide6.QtWidgets import QMessageBox

    [li] = add_now(ctx, LI)
    dialog = MemberEventDialog(ctx, li, "李四", kinds=[EventKind.CONFIRMED], today=date(2026, 11, 30),
                               probation_ends=date(2027, 3, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_kind(EventKind.CONFIRMED)
    dialog.date_edit.setText("2026.11.2")
    for answer in ("返回修改日期", "仍然记录"):
        dialog.save_button().click()
        box = dialog.findChild(QMessageBox, "earlyConfirmationBox")
        assert box is not None and "预备期到 2027年03月01日 才满" in box.text()
        assert box.defaultButton().text() == "返回修改日期"
        assert not [e for e in member_events(ctx.db, LOCAL_USER, li) if e.kind is EventKind.CONFIRMED]
        next(b for b in box.buttons() if b.text() == answer).click()
        qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "earlyConfirmationBox") is None, timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    confirmed = [e for e in member_events(ctx.db, LOCAL_USER, li) if e.kind is EventKind.CONFIRMED]
    assert [e.on_date for e in confirmed] == [date(2026, 11, 2)]
    assert not any(w.startswith("转正日期一般为预备期满之日") for w in dialog.warnings)


def test_a_refused_date_message_goes_when_the_date_is_typed_again(qtbot: QtBot, ctx: AppContext) -> None:
    """The core refuses a date after today, beside the date; typing in the date takes the old message away."""
    [li] = add_now(ctx, LI)
    dialog = MemberEventDialog(ctx, li, "李四", kinds=[EventKind.DEATH], today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_kind(EventKind.DEATH)
    dialog.date_edit.setText("2099.1.1")
    dialog.save_button().click()
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: "晚于今天" in dialog.error_text(), timeout=WAIT_MS)
    dialog.date_edit.selectAll()
    qtbot.keyClicks(dialog.date_edit, "2026.1.5")
    assert dialog.error_text() == ""


def test_member_page_passes_the_end_of_probation(qtbot: QtBot, ctx: AppContext) -> None:
    """The member page opens 记录变动 knowing 预备期满之日 (入党 2026-03-01 + one year)."""
    [li] = add_now(ctx, LI)
    page = open_page(qtbot, ctx)
    page.open_member(li)
    assert ctx.runner.wait_idle(WAIT_MS)
    detail = page.detail_page()
    detail.event_button.click()
    dialog = detail.current_dialog()
    assert isinstance(dialog, MemberEventDialog)
    assert dialog._probation_ends == date(2027, 3, 1)
    dialog.reject()


def test_the_roster_shows_the_roll_by_default(qtbot: QtBot, ctx: AppContext) -> None:
    """A member who died is off the roll: hidden by the default filter and not in the headcount; "All" shows
    the member again."""
    zhang, wang, li = add_now(ctx, ZHANG, WANG, LI)
    add_event(ctx.db, ctx.actor, member_id=wang, kind=EventKind.DEATH, on_date=date(2026, 1, 5))
    page = open_page(qtbot, ctx)
    assert page.roll_combo.currentData() is True
    shown = {page.model.row_at(i).id for i in range(page.model.count)}  # type: ignore[union-attr]
    assert shown == {zhang, li}
    assert page.count_label.text() == "在册 2 人，显示 2 人"
    page.roll_combo.setCurrentIndex(page.roll_combo.findData(None))
    QApplication.processEvents()
    assert page.model.count == 3
    page.clear_filters()
    assert page.roll_combo.currentData() is True and page.model.count == 2


def test_nothing_to_record_after_death(qtbot: QtBot, ctx: AppContext) -> None:
    """The member page of a member who died shows the reason and offers no 记录变动."""
    [wang] = add_now(ctx, WANG)
    add_event(ctx.db, ctx.actor, member_id=wang, kind=EventKind.DEATH, on_date=date(2026, 1, 5))
    page = open_page(qtbot, ctx)
    page.open_member(wang)
    assert ctx.runner.wait_idle(WAIT_MS)
    detail = page.detail_page()
    assert "死亡" in detail.state_text() and not detail.event_button.isEnabled()
