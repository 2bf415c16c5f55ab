"""A talk record and a committee's notice keep their typing as a draft while they are written, as the meeting record
and the member form do: after a power cut the dialog offers it back in a bar, or the next start asks about it; saving
or throwing the typing away removes it. The ticks (whom a talk was with, which branches a notice goes to) and a
notice's files are kept with the text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from partydesk.core import drafts
from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import notices
from partydesk.core.services.talks import TalkData, add_talk, delete_talk, get_talk, talks_of_year
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs import form_drafts, talk_edit
from partydesk.gui.dialogs.notice_edit import NoticeEditDialog
from partydesk.gui.dialogs.talk_edit import TalkEditDialog
from partydesk.gui.mainwindow import MainWindow
from partydesk.gui.pages.talks import TalksPanel
from tests.gui import test_notices_panel, test_talks_panel
from tests.gui.conftest import WAIT_MS
from tests.gui.test_member_edit import answer_question
from tests.gui.test_talks_panel import TODAY, tick

KEPT_MS = form_drafts.DRAFT_DELAY_MS + WAIT_MS
people, panel = test_talks_panel.people, test_talks_panel.panel  # (fixtures)
committee_of_two = test_notices_panel.committee_of_two


def kept(ctx: AppContext, prefix: str) -> list[drafts.Draft]:
    assert ctx.runner.wait_idle(WAIT_MS)
    return drafts.leftovers(drafts.drafts_dir(ctx.db.path), prefix=prefix)


def talk_dialog(qtbot: QtBot, ctx: AppContext, panel: TalksPanel, **given: object) -> TalkEditDialog:
    dialog = TalkEditDialog(ctx, None, panel, today=TODAY, **given)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    return dialog


def test_a_talk_cut_off_while_typed_is_offered_back_and_saved(
        qtbot: QtBot, ctx: AppContext, panel: TalksPanel, people: dict[str, str]) -> None:
    first = talk_dialog(qtbot, ctx, panel)
    assert first.drafts.bar is None
    tick(first, "张三")
    first.ui.byCombo.setEditText("刘书记")
    first.ui.topicEdit.setText("工作和家庭情况")
    first.ui.contentEdit.setPlainText("张三同志谈了今年的工作打算。")
    first.ui.formCombo.setCurrentIndex(first.ui.formCombo.findData("group"))
    qtbot.waitUntil(lambda: bool(kept(ctx, drafts.TALK)), timeout=KEPT_MS)
    (draft,) = kept(ctx, drafts.TALK)
    assert draft.meeting_id is None and draft.state["with"] == [[people["张三"], "张三"]]
    first.drafts.timer.stop()  # the power goes: the dialog is never closed

    again = talk_dialog(qtbot, ctx, panel)
    assert again.drafts.bar is not None and "谈话记录上次填写后没有保存" in again.drafts.bar_label.text()
    assert again.ui.topicEdit.text() == "" and again.choices.checked_ids() == ()
    qtbot.mouseClick(again.drafts.bar.findChild(type(again.save_button()), "restoreDraftButton"),
                     Qt.MouseButton.LeftButton)
    assert again.ui.topicEdit.text() == "工作和家庭情况"
    assert again.ui.contentEdit.toPlainText() == "张三同志谈了今年的工作打算。"
    assert again.choices.checked_ids() == (people["张三"],) and again.ui.formCombo.currentData() == "group"
    assert again.talker() == (None, "刘书记")
    assert again.choices.row_id(0) == people["张三"], "whom the talk was with comes first in the list"
    assert again.drafts.bar.isHidden() and again.has_unsaved_changes()
    again.accept()
    qtbot.waitUntil(lambda: not again.isVisible() or bool(again.error_text()), timeout=WAIT_MS)
    assert again.error_text() == ""
    (saved,) = talks_of_year(ctx.db, TODAY.year)
    assert (saved.data.topic, saved.data.content, saved.data.with_ids) == (
        "工作和家庭情况", "张三同志谈了今年的工作打算。", (people["张三"],))
    assert kept(ctx, drafts.TALK) == [], "saved: the draft restored is gone"


def test_a_tick_alone_is_typing_kept_and_throwing_it_away_removes_the_draft(
        qtbot: QtBot, ctx: AppContext, panel: TalksPanel, people: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = talk_dialog(qtbot, ctx, panel)
    assert not dialog.has_unsaved_changes()
    qtbot.wait(form_drafts.DRAFT_DELAY_MS + 300)
    assert kept(ctx, drafts.TALK) == [], "what the dialog filled in itself is not kept"
    tick(dialog, "王五")
    assert dialog.has_unsaved_changes(), "ticking whom the talk was with is a change to ask about before closing"
    qtbot.waitUntil(lambda: bool(kept(ctx, drafts.TALK)), timeout=KEPT_MS)
    from partydesk.gui.widgets import discard_guard

    asked: list[bool] = []
    answer = [False]
    monkeypatch.setattr(discard_guard, "confirm_discard", lambda _parent: asked.append(True) or answer[0])
    dialog.reject()  # 继续编辑
    assert asked == [True] and dialog.isVisible() and len(kept(ctx, drafts.TALK)) == 1
    answer[0] = True
    dialog.reject()  # 放弃修改
    assert asked == [True, True] and not dialog.isVisible()
    assert kept(ctx, drafts.TALK) == [], "thrown away on purpose: nothing to offer later"


def test_an_unsaved_talk_is_asked_about_at_start_and_opened_on_that_talk(
        qtbot: QtBot, ctx: AppContext, people: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    talk_id = add_talk(ctx.db, LOCAL_USER, TalkData(held_on=date(2026, 5, 1), with_ids=(people["李四"],),
                                                    by_name="刘书记", topic="思想动态")).talk_id
    state = {"fields": {"topicEdit": "思想动态", "contentEdit": "李四同志说到家里老人住院，需要组织关心。"},
             "with": [[people["李四"], "李四"], [people["王五"], "王五"]], "by_id": None}
    drafts.save(drafts.drafts_dir(ctx.db.path), talk_id, talk_id, state, prefix=drafts.TALK)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *_r: asked.append(f"{title}|{text}")
                        or QMessageBox.StandardButton.Yes)

    assert talk_edit.offer_leftover_talk(window, ctx)

    assert len(asked) == 1 and asked[0].startswith("恢复未保存的谈话记录？|有一份谈话记录填写到一半还没有保存")
    assert asked[0].endswith("\n\n思想动态")
    qtbot.waitUntil(lambda: bool(window.findChildren(TalkEditDialog)), timeout=WAIT_MS)
    (dialog,) = window.findChildren(TalkEditDialog)
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    assert dialog.record is not None and dialog.record.id == talk_id and window.current_page_id() == "meetings"
    assert dialog.ui.contentEdit.toPlainText() == "李四同志说到家里老人住院，需要组织关心。"
    assert dialog.choices.checked_ids() == (people["李四"], people["王五"]) and dialog.has_unsaved_changes()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.accept()
    stored = get_talk(ctx.db, talk_id)
    assert stored is not None and stored.data.with_ids == (people["李四"], people["王五"])
    assert kept(ctx, drafts.TALK) == []


def test_the_draft_of_a_talk_deleted_since_opens_as_a_new_talk(
        qtbot: QtBot, ctx: AppContext, people: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    talk_id = add_talk(ctx.db, LOCAL_USER, TalkData(held_on=date(2026, 5, 1), with_ids=(people["李四"],),
                                                    by_name="刘书记", topic="思想动态")).talk_id
    drafts.save(drafts.drafts_dir(ctx.db.path), talk_id, talk_id,
                {"fields": {"topicEdit": "思想动态", "contentEdit": "补记的内容"}, "with": [], "by_id": None},
                prefix=drafts.TALK)
    delete_talk(ctx.db, LOCAL_USER, talk_id)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)

    assert talk_edit.offer_leftover_talk(window, ctx)

    qtbot.waitUntil(lambda: bool(window.findChildren(TalkEditDialog)), timeout=WAIT_MS)
    (dialog,) = window.findChildren(TalkEditDialog)
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    assert dialog.record is None and dialog.ui.contentEdit.toPlainText() == "补记的内容"
    assert any("已不存在" in text and "新增谈话" in text for text in said), said


BRANCHES = [("3301060012", "中共示范街道幸福社区第一支部委员会"), ("3301060013", "中共示范街道幸福社区第二支部委员会")]


def test_a_notice_cut_off_while_written_comes_back_with_its_ticks_and_files_and_goes_when_published(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication, tmp_path: Path) -> None:
    ctx = make_ctx(committee_of_two)
    languages.install_language(app, "zh_CN", ctx.hub)
    first = NoticeEditDialog(ctx, BRANCHES, issuer="中共示范街道工作委员会", today=TODAY)
    qtbot.addWidget(first)
    assert first.drafts.bar is None
    first.ui.titleEdit.setText("关于报送年度工作总结的通知")
    first.ui.bodyEdit.setPlainText("各党支部：\n请于12月15日前报送。")
    first.ui.allCheck.setChecked(False)
    first.ui.targetList.item(1).setCheckState(Qt.CheckState.Checked)
    source = tmp_path / "总结提纲.docx"
    source.write_bytes(b"PK outline " * 50)
    first.add_files([str(source)])
    qtbot.waitUntil(lambda: bool(kept(ctx, drafts.NOTICE)) and bool(kept(ctx, drafts.NOTICE)[0].state["files"]),
                    timeout=KEPT_MS)
    first.drafts.timer.stop()  # the power goes

    again = NoticeEditDialog(ctx, BRANCHES, issuer="中共示范街道工作委员会", today=TODAY)
    qtbot.addWidget(again)
    assert again.drafts.bar is not None and "通知上次写到一半没有发布" in again.drafts.bar_label.text()
    again.show()
    qtbot.waitExposed(again)
    before, bar = again.height(), again.drafts.bar.height()
    again.drafts.restore()
    assert again.height() <= before - bar, "the bar's height is given back, not spread between the fields"
    assert again.ui.titleEdit.text() == "关于报送年度工作总结的通知"
    assert again.ui.bodyEdit.toPlainText() == "各党支部：\n请于12月15日前报送。"
    assert not again.ui.allCheck.isChecked() and again.ticked() == ["3301060013"]
    assert again.sources() == [source]
    asked: list[str] = []
    answer_question("publishButton", asked)
    with qtbot.waitSignal(again.accepted, timeout=WAIT_MS):
        again.save()
    (written,) = notices.list_notices(committee_of_two)
    assert written.targets == ("3301060013",) and len(written.files) == 1
    assert kept(ctx, drafts.NOTICE) == [], "published: the draft is gone"


def test_an_unpublished_notice_is_asked_about_at_start_after_a_talk_one_question_at_a_time(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    from partydesk.gui import launch

    ctx = make_ctx(committee_of_two)
    languages.install_language(app, "zh_CN", ctx.hub)
    folder = drafts.drafts_dir(ctx.db.path)
    drafts.save(folder, drafts.new_key(), None, {"fields": {"topicEdit": "谈心"}, "with": []}, prefix=drafts.TALK)
    drafts.save(folder, drafts.new_key(), None, {"fields": {"titleEdit": "关于开展冬季送温暖活动的通知",
                                                            "allCheck": False, "targetList": ["3301060012"]},
                                                 "files": []}, prefix=drafts.NOTICE)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, *_r: asked.append(title)
                        or (QMessageBox.StandardButton.No if "谈话" in title else QMessageBox.StandardButton.Yes))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    launch._offer_drafts(ctx)
    for hook in ctx.on_window:
        hook(window)
    qtbot.waitUntil(lambda: bool(window.findChildren(NoticeEditDialog)), timeout=WAIT_MS)
    assert asked == ["恢复未保存的谈话记录？", "恢复未发布的通知？"]  # the talk declined: then the notice
    (dialog,) = window.findChildren(NoticeEditDialog)
    assert dialog.ui.titleEdit.text() == "关于开展冬季送温暖活动的通知"
    assert dialog.ui.targetList.count() == 2, "opened once the branches were read"
    assert dialog.ticked() == ["3301060012"] and window.current_page_id() == "exchange"


def test_widget_values_round_trip_through_a_draft(qtbot: QtBot, ctx: AppContext) -> None:
    """What a form's widgets hold goes through JSON and back into a fresh form unchanged."""
    import json

    one = NoticeEditDialog(ctx, BRANCHES, today=TODAY)
    qtbot.addWidget(one)
    one.ui.titleEdit.setText("标题")
    one.deadline.setText("2026.12.15")
    one.ui.allCheck.setChecked(False)
    one.ui.targetList.item(0).setCheckState(Qt.CheckState.Checked)
    values = json.loads(json.dumps(form_drafts.widget_values(one)))
    two = NoticeEditDialog(ctx, BRANCHES, today=TODAY)
    qtbot.addWidget(two)
    form_drafts.put_widget_values(two, values)
    assert form_drafts.widget_values(two) == values
    assert two.deadline.value() == date(2026, 12, 15) and two.ticked() == ["3301060012"]


def test_a_malformed_talk_draft_opens_a_new_talk_with_what_can_be_read(
        qtbot: QtBot, ctx: AppContext, people: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft written by another version or damaged on disk: values of the wrong kind are left out, the rest is
    put in, and the question names nothing it cannot read."""
    drafts.save(drafts.drafts_dir(ctx.db.path), drafts.new_key(), None,
                {"fields": {"topicEdit": ["思想动态"], "contentEdit": "能读出的内容", "formCombo": 7},
                 "with": "张三", "by_id": 3}, prefix=drafts.TALK)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *_r: asked.append(text)
                        or QMessageBox.StandardButton.Yes)

    assert talk_edit.offer_leftover_talk(window, ctx)

    assert len(asked) == 1 and asked[0].endswith("现在打开接着填完吗？\n（选“否”：这次先不打开，填写的内容仍然保留，"
                                                 "下次打开这份表格时还可以恢复。）"), "no name under it"
    qtbot.waitUntil(lambda: bool(window.findChildren(TalkEditDialog)), timeout=WAIT_MS)
    (dialog,) = window.findChildren(TalkEditDialog)
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    assert dialog.ui.contentEdit.toPlainText() == "能读出的内容" and dialog.ui.topicEdit.text() == ""
    assert dialog.choices.checked_ids() == () and dialog.ui.formCombo.currentData() == "individual"
