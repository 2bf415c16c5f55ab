"""A member's change being recorded (记录变动) keeps what was chosen and typed as a draft, as the other forms do: the
kind, the date, the detail and the note. After a power cut the dialog offers it back in a bar when a change is
recorded for that member again, or the next start asks about it and opens it on the member's page; saving or
throwing the typing away removes it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from partydesk.core import drafts
from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member_events import EventKind
from partydesk.core.services.members import member_events
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs import form_drafts, member_event
from partydesk.gui.dialogs.member_event import MemberEventDialog
from partydesk.gui.mainwindow import MainWindow
from partydesk.gui.widgets import discard_guard
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import LI, ZHANG, add_now

KEPT_MS = form_drafts.DRAFT_DELAY_MS + WAIT_MS


def kept(ctx: AppContext) -> list[drafts.Draft]:
    assert ctx.runner.wait_idle(WAIT_MS)
    return drafts.leftovers(drafts.drafts_dir(ctx.db.path), prefix=drafts.EVENT)


def opened(qtbot: QtBot, ctx: AppContext, member_id: str, name: str, **kwargs: object) -> MemberEventDialog:
    dialog = MemberEventDialog(ctx, member_id, name, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_migrant(dialog: MemberEventDialog) -> None:
    dialog.set_kind(EventKind.MIGRANT_OUT)
    dialog.date_edit.setText("2026.11.2")
    dialog.text_edit.setText("广东省深圳市某电子厂")
    dialog.note_edit.setPlainText("本人11月初外出务工，已电话告知支部")


def test_a_change_cut_off_while_typed_is_offered_back_for_that_member_and_saved(
        qtbot: QtBot, ctx: AppContext) -> None:
    zhang, li = add_now(ctx, ZHANG, LI)
    first = opened(qtbot, ctx, zhang, "张三")
    assert first.drafts.bar is None
    fill_migrant(first)
    qtbot.waitUntil(lambda: bool(kept(ctx)), timeout=KEPT_MS)
    first.drafts.timer.stop()  # the power goes: the dialog is never closed
    (draft,) = kept(ctx)
    assert draft.meeting_id == zhang and draft.state["name"] == "张三"

    other = opened(qtbot, ctx, li, "李四")
    assert other.drafts.bar is None, "another member's change is not offered"
    other.reject()
    again = opened(qtbot, ctx, zhang, "张三")
    assert again.drafts.bar is not None and "这名党员的一项变动上次填写后没有保存" in again.drafts.bar_label.text()
    assert again.kind() is None and again.note_edit.toPlainText() == ""
    qtbot.mouseClick(again.drafts.bar.findChild(QPushButton, "restoreDraftButton"), Qt.MouseButton.LeftButton)
    assert again.kind() is EventKind.MIGRANT_OUT and again.on_date() == date(2026, 11, 2)
    assert again.detail() == "广东省深圳市某电子厂" and again.note_edit.toPlainText().startswith("本人11月初外出务工")
    assert again.drafts.bar.isHidden() and again.has_unsaved_changes()
    again.save_button().click()
    qtbot.waitUntil(lambda: again.result() == again.DialogCode.Accepted, timeout=WAIT_MS)
    recorded = [e for e in member_events(ctx.db, LOCAL_USER, zhang) if e.kind is EventKind.MIGRANT_OUT]
    assert [(e.on_date, e.detail) for e in recorded] == [(date(2026, 11, 2), "广东省深圳市某电子厂")]
    assert kept(ctx) == [], "saved: the draft restored is gone"


def test_a_restored_date_is_the_one_typed_not_the_kind_s_own(qtbot: QtBot, ctx: AppContext) -> None:
    """Choosing 转正 puts in the day probation ends; a draft's other date is put back over it."""
    fields = {"kindCombo": EventKind.CONFIRMED.value, "dateEdit": "2027.3.15", "noteEdit": "支部大会讨论通过"}
    given = drafts.Draft("m", "m", datetime(2027, 3, 20, tzinfo=UTC), {"fields": fields},
                         drafts.drafts_dir(ctx.db.path) / "event-m.json")
    dialog = opened(qtbot, ctx, "m", "李四", kinds=[EventKind.CONFIRMED], today=date(2027, 4, 1),
                    probation_ends=date(2027, 3, 1), draft=given)
    assert dialog.kind() is EventKind.CONFIRMED and dialog.on_date() == date(2027, 3, 15)
    assert dialog.note_edit.toPlainText() == "支部大会讨论通过" and dialog.drafts.bar is None


def test_throwing_the_typing_away_removes_the_draft(qtbot: QtBot, ctx: AppContext,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    [zhang] = add_now(ctx, ZHANG)
    dialog = opened(qtbot, ctx, zhang, "张三")
    qtbot.wait(form_drafts.DRAFT_DELAY_MS + 300)
    assert kept(ctx) == [], "what the dialog filled in itself is not kept"
    fill_migrant(dialog)
    qtbot.waitUntil(lambda: bool(kept(ctx)), timeout=KEPT_MS)
    monkeypatch.setattr(discard_guard, "confirm_discard", lambda _parent: True)
    dialog.reject()  # 放弃修改
    assert not dialog.isVisible() and kept(ctx) == [], "thrown away on purpose: nothing to offer later"


def asked_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *_r: asked.append(f"{title}|{text}")
                        or QMessageBox.StandardButton.Yes)
    return asked


def test_an_unsaved_change_is_asked_about_at_start_and_opened_on_the_member(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    [zhang] = add_now(ctx, ZHANG)
    state = {"fields": {"kindCombo": EventKind.MIGRANT_OUT.value, "dateEdit": "2026.11.2",
                        "detailEdit": "广东省深圳市"}, "name": "张三"}
    drafts.save(drafts.drafts_dir(ctx.db.path), zhang, zhang, state, prefix=drafts.EVENT)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked = asked_yes(monkeypatch)

    assert member_event.offer_leftover_event(window, ctx)

    assert len(asked) == 1 and asked[0].startswith("恢复未保存的党员变动？|有一项党员变动（记录变动）填写到一半")
    assert asked[0].endswith("\n\n张三") and window.current_page_id() == "members"
    assert "（选“否”：这次先不打开，填写的内容仍然保留，下次打开这份表格时还可以恢复。）" in asked[0]
    qtbot.waitUntil(lambda: bool(window.findChildren(MemberEventDialog)), timeout=WAIT_MS)
    (dialog,) = window.findChildren(MemberEventDialog)
    assert dialog.member_id == zhang and dialog.kind() is EventKind.MIGRANT_OUT
    assert dialog.detail() == "广东省深圳市" and dialog.has_unsaved_changes()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.save_button().click()
    assert [e.detail for e in member_events(ctx.db, LOCAL_USER, zhang) if e.kind is EventKind.MIGRANT_OUT] == [
        "广东省深圳市"]
    assert kept(ctx) == []


def test_the_draft_of_a_member_no_longer_there_is_let_go(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deleted since: nothing opens, and the draft is not asked about again at every start."""
    state = {"fields": {"kindCombo": EventKind.DEATH.value}, "name": "赵六"}
    drafts.save(drafts.drafts_dir(ctx.db.path), "gone", "gone", state, prefix=drafts.EVENT)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked = asked_yes(monkeypatch)
    assert member_event.offer_leftover_event(window, ctx) and len(asked) == 1
    qtbot.waitUntil(lambda: kept(ctx) == [], timeout=WAIT_MS)
    assert not window.findChildren(MemberEventDialog)
    assert not member_event.offer_leftover_event(window, ctx) and len(asked) == 1


def test_a_draft_never_opens_on_another_member_opened_meanwhile(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked about at start-up, then another member opened before the draft's was read: nothing opens on him (his
    change would have been recorded with the draft's kind, and the draft lost); the draft stays for next time."""
    zhang, li = add_now(ctx, ZHANG, LI)
    state = {"fields": {"kindCombo": EventKind.DEATH.value}, "name": "张三"}
    drafts.save(drafts.drafts_dir(ctx.db.path), zhang, zhang, state, prefix=drafts.EVENT)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked_yes(monkeypatch)
    assert member_event.offer_leftover_event(window, ctx)
    page = window.show_page("members")
    page.open_member(li)  # type: ignore[attr-defined]
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.wait(50)
    assert not window.findChildren(MemberEventDialog)
    assert page.detail_page().member_id == li  # type: ignore[attr-defined]
    assert [d.meeting_id for d in kept(ctx)] == [zhang]


def test_a_restored_kind_no_longer_offered_is_named_not_dropped_silently(qtbot: QtBot, ctx: AppContext) -> None:
    """The member's record changed since the draft (its 转正 was recorded meanwhile): the draft's kind is not offered,
    stays unchosen, and the line under the kind names it; choosing a change takes the line away."""
    fields = {"kindCombo": EventKind.CONFIRMED.value, "dateEdit": "2027.3.15", "noteEdit": "支部大会讨论通过"}
    given = drafts.Draft("m", "m", datetime(2027, 3, 20, tzinfo=UTC), {"fields": fields},
                         drafts.drafts_dir(ctx.db.path) / "event-m.json")
    dialog = opened(qtbot, ctx, "m", "李四", kinds=[EventKind.MIGRANT_OUT, EventKind.DEATH], today=date(2027, 4, 1),
                    draft=given)
    assert dialog.kind() is None and dialog.note_edit.toPlainText() == "支部大会讨论通过"
    assert dialog.kind_error.isVisibleTo(dialog)
    assert "“转为正式党员”" in dialog.kind_error.text() and "重新选择" in dialog.kind_error.text()
    dialog.set_kind(EventKind.DEATH)
    assert not dialog.kind_error.isVisibleTo(dialog)
