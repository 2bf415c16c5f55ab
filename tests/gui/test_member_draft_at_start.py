"""A member's form left unsaved (the power went while it was typed) is asked about at the next start, not only when
the same form happens to be opened again: yes opens it on that member, or empty for a new member, with the typing
in; no leaves the draft for the form to offer. A meeting record left too is asked about first, one question at a
time."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from partydesk.core import drafts
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs import member_edit_drafts
from partydesk.gui.dialogs.member_edit import MemberEditDialog
from partydesk.gui.mainwindow import MainWindow
from partydesk.gui.pages.members import MembersPage
from tests.gui.conftest import WAIT_MS
from tests.gui.test_members_page import ZHANG, add_now


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def _answering(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *_rest: object) -> QMessageBox.StandardButton:
        asked.append(f"{title}|{text}")
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _form(qtbot: QtBot, window: MainWindow) -> MemberEditDialog:
    qtbot.waitUntil(lambda: isinstance(window.page("members"), MembersPage)
                    and isinstance(window.page("members").current_dialog(), MemberEditDialog),  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    page = window.page("members")
    assert isinstance(page, MembersPage) and window.current_page_id() == "members"
    dialog = page.current_dialog()
    assert isinstance(dialog, MemberEditDialog)
    return dialog


def test_a_member_s_unsaved_form_is_asked_about_and_opened_with_the_typing(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    [zhang] = add_now(ctx, ZHANG)
    folder = drafts.drafts_dir(ctx.db.path)
    drafts.save(folder, zhang, zhang, {"name": ZHANG.name, "address": "示范市幸福南路8号"}, prefix=drafts.MEMBER)
    window = _window(qtbot, ctx)
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Yes)

    member_edit_drafts.offer_leftover_draft(window, ctx)

    assert len(asked) == 1 and asked[0].startswith("恢复未保存的党员档案？|有一名党员的档案填写到一半还没有保存")
    assert asked[0].endswith("\n\n" + ZHANG.name)
    dialog = _form(qtbot, window)
    assert dialog.record is not None and dialog.record.id == zhang
    assert dialog.ui.addressEdit.text() == "示范市幸福南路8号" and dialog.has_unsaved_changes()
    assert dialog.drafts.bar is not None and dialog.drafts.bar.isHidden()  # restored already, not offered again


def test_a_new_member_s_unsaved_form_opens_empty_with_the_typing(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts.save(drafts.drafts_dir(ctx.db.path), drafts.new_key(), None, {"name": "李四", "phone": "13900001111"},
                prefix=drafts.MEMBER)
    window = _window(qtbot, ctx)
    _answering(monkeypatch, QMessageBox.StandardButton.Yes)

    member_edit_drafts.offer_leftover_draft(window, ctx)

    dialog = _form(qtbot, window)
    assert dialog.record is None
    assert dialog.ui.nameEdit.text() == "李四" and dialog.ui.phoneEdit.text() == "13900001111"


def test_declined_or_none_left_nothing_opens_and_the_draft_stays(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, ctx)
    asked = _answering(monkeypatch, QMessageBox.StandardButton.No)
    member_edit_drafts.offer_leftover_draft(window, ctx)
    assert asked == [], "no draft, no question"
    folder = drafts.drafts_dir(ctx.db.path)
    kept = drafts.save(folder, drafts.new_key(), None, {"name": "李四"}, prefix=drafts.MEMBER)
    member_edit_drafts.offer_leftover_draft(window, ctx)
    assert len(asked) == 1 and window.page("members") is None and kept.exists()


def test_a_meeting_record_is_asked_about_first_and_one_question_at_a_time(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    from partydesk.gui import launch
    from partydesk.gui.dialogs.meeting_edit import MeetingDialog
    from partydesk.gui.dialogs.meeting_edit_drafts import FormState

    folder = drafts.drafts_dir(ctx.db.path)
    drafts.save(folder, drafts.new_key(), None, FormState(topic="重温入党誓词", held_on="2026-11-05").to_json())
    drafts.save(folder, drafts.new_key(), None, {"name": "李四"}, prefix=drafts.MEMBER)
    window = _window(qtbot, ctx)
    asked = _answering(monkeypatch, QMessageBox.StandardButton.Yes)
    launch._offer_drafts(ctx)
    for hook in ctx.on_window:
        hook(window)
    qtbot.waitUntil(lambda: bool(window.findChildren(MeetingDialog)), timeout=WAIT_MS)
    assert [a.split("|")[0] for a in asked] == ["恢复未保存的会议记录？"]  # taken up: the member's form waits
    for dialog in window.findChildren(MeetingDialog):
        dialog.reject()
    assert ctx.runner.wait_idle(WAIT_MS)
    drafts.save(folder, drafts.new_key(), None, FormState(topic="重温入党誓词", held_on="2026-11-05").to_json())
    asked.clear()
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, *_r: asked.append(title)
                        or (QMessageBox.StandardButton.No if "会议" in title else QMessageBox.StandardButton.Yes))
    window2 = _window(qtbot, ctx)
    for hook in ctx.on_window:
        hook(window2)
    _form(qtbot, window2)
    assert asked == ["恢复未保存的会议记录？", "恢复未保存的党员档案？"]  # declined: then the member's


def test_the_draft_of_a_member_deleted_since_goes_into_a_new_member_s_form(
        qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """The member was deleted after the typing was kept: yes puts the typing into the form for a new member (to
    save as one, or throw away), says why, and lets the old draft go — no form could take it, so it was asked
    about at every start."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services import members

    [zhang] = add_now(ctx, ZHANG)
    folder = drafts.drafts_dir(ctx.db.path)
    old = drafts.save(folder, zhang, zhang, {"name": ZHANG.name, "address": "示范市幸福南路8号"}, prefix=drafts.MEMBER)
    members.delete_member(ctx.db, LOCAL_USER, member_id=zhang, reason="录入重复")
    window = _window(qtbot, ctx)
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    _answering(monkeypatch, QMessageBox.StandardButton.Yes)

    member_edit_drafts.offer_leftover_draft(window, ctx)

    dialog = _form(qtbot, window)
    assert dialog.record is None and dialog.ui.addressEdit.text() == "示范市幸福南路8号"
    assert any("已不存在" in text and "新增党员的表格" in text for text in said), said
    assert ctx.runner.wait_idle(WAIT_MS)
    assert not old.exists()
