"""The meeting record dialog: record a 党员大会 with attendance, reopen it, drafts offered back; models valid."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from partydesk.core import drafts
from partydesk.core.changes import LOCAL_USER, ChangeKind, Changes
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.services import meeting_records, meetings, members
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.meeting_edit import MeetingDialog
from partydesk.gui.widgets.attendance import COL_REASON, AttendanceModel
from partydesk.gui.widgets.attendance_lists import COMPUTED, NUMBER, Column, RowsModel
from tests.gui.conftest import WAIT_MS

TODAY = date(2026, 11, 30)
PEOPLE = (("王书记", "正式党员", "01"), ("张甲", "正式党员", ""), ("赵乙", "正式党员", ""), ("钱预备", "预备党员", ""))


@pytest.fixture
def branch(ctx: AppContext) -> dict[str, str]:
    ids = {}
    for seed, (name, category, post) in enumerate(PEOPLE, start=1):
        number = fake_id_number(random.Random(seed), date(1970, 1, seed), True)
        data = MemberInput(name=name, gender="男", id_number=number, category=category, joined_on="2000-07-01",
                           confirmed_on=None if category == "预备党员" else "2001-07-01", party_post=post)
        ids[name] = members.add_member(ctx.db, LOCAL_USER, data=data, today=TODAY).member_id
    return ids


def settle(ctx: AppContext, qtbot: QtBot) -> None:
    for _ in range(3):
        ctx.runner.wait_idle(WAIT_MS)
        qtbot.wait(10)


OPENED: list[MeetingDialog] = []


@pytest.fixture(autouse=True)
def _no_discard_question(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dialogs left with unsaved edits would ask "discard?" (modally) when qtbot closes them at the end."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    yield
    for dialog in OPENED:
        if shiboken6.isValid(dialog):
            dialog._dirty = False
            dialog._draft_timer.stop()
    OPENED.clear()


def open_dialog(ctx: AppContext, qtbot: QtBot, **kwargs: object) -> MeetingDialog:
    dialog = MeetingDialog(ctx, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    OPENED.append(dialog)
    dialog.show()
    settle(ctx, qtbot)
    return dialog


def row_of(model: AttendanceModel, name: str) -> int:
    return next(i for i, r in enumerate(model.rows()) if r.name == name)


def tick(model: AttendanceModel, name: str, column: int) -> None:
    model.setData(model.index(row_of(model, name), column), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_record_a_general_meeting_with_attendance_and_reopen_it(ctx: AppContext, qtbot: QtBot,
                                                                branch: dict[str, str]) -> None:
    published: list[Changes] = []
    ctx.hub.changed.connect(published.append)
    dialog = open_dialog(ctx, qtbot, type_code="general", held_on=date(2026, 10, 20))
    assert dialog.ui.typeCombo.currentText() == "支部党员大会"
    assert dialog.agenda.rows()[0] == ["传达学习上级文件和会议精神"], "a new record starts from the template"
    model = dialog.attendance.model
    assert sorted(r.name for r in model.rows()) == sorted(p[0] for p in PEOPLE)
    dialog.ui.topicEdit.insert("讨论接收预备党员")  # typed (keyClicks is ASCII only)
    dialog.ui.placeEdit.insert("党员活动室")  # typed (keyClicks is ASCII only)
    qtbot.mouseClick(dialog.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    tick(model, "赵乙", 3)  # 请假
    model.setData(model.index(row_of(model, "赵乙"), COL_REASON), "出差")
    shown = dialog.attendance.countLabel.text()
    assert "应到 4 人，实到 3 人" in shown and "符合规定" in shown and "。 " not in shown
    tally = dialog.attendance.tally()
    assert (tally.expected, tally.present, tally.voting_expected, tally.voting_present, tally.quorum_met) == (
        4, 3, 3, 2, True)
    assert "赞成票超过应到会有表决权的党员的半数为通过" in dialog.ui.motionsTabIntro.text()
    dialog.motions.add_row(["接收钱预备为预备党员", 2, 0, 0])
    assert dialog.motions.index(0, 4).data() == "通过"
    dialog.motions.add_row(["另一事项", 1, 1, 0])
    assert dialog.motions.index(1, 4).data() == "未通过", "1 of 3 due is not more than half"
    dialog.motions.remove_row(1)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    meeting_id = saved.args[0]
    settle(ctx, qtbot)
    assert any(c.ids_of(ChangeKind.MEETING) == {meeting_id} for c in published)
    record = meeting_records.get_record(ctx.db, meeting_id)
    assert record is not None and record.data.topic == "讨论接收预备党员" and record.data.place == "党员活动室"
    status = {a.member_id: (a.status, a.reason) for a in record.attendance}
    assert status[branch["赵乙"]] == ("leave", "出差") and status[branch["钱预备"]] == ("present", "")
    assert meetings.meeting_count(ctx.db, meeting_id).quorum_met is True
    assert drafts.leftovers(drafts.drafts_dir(ctx.db.path)) == [], "saving removes the draft"

    again = open_dialog(ctx, qtbot, meeting_id=meeting_id)
    assert again.ui.topicEdit.text() == "讨论接收预备党员"
    assert again.heldOnEdit.value() == date(2026, 10, 20)
    rows = {r.name: (r.status, r.reason) for r in again.attendance.model.rows()}
    assert rows["赵乙"] == ("leave", "出差") and rows["张甲"] == ("present", "")
    assert again.motions.rows() == [["接收钱预备为预备党员", 2, 0, 0]]
    assert again.ui.draftBar.isHidden()


def test_saving_with_nobody_present_is_refused_on_the_attendance_tab(ctx: AppContext, qtbot: QtBot,
                                                                     branch: dict[str, str]) -> None:
    """A 主题党日 saved from the first tab with nobody ticked is refused: the message says to tick who attended,
    the 出席情况 tab comes forward, nothing is written; ticking one member present then saves it."""
    dialog = open_dialog(ctx, qtbot, type_code="theme_day", held_on=date(2026, 11, 5))
    dialog.ui.topicEdit.insert("重温入党誓词")  # typed (keyClicks is ASCII only)
    assert dialog.ui.tabs.currentIndex() == 0 and dialog.attendance.model.rowCount() == 4
    qtbot.mouseClick(dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(ctx, qtbot)
    assert dialog.isVisible() and dialog.ui.tabs.currentWidget() is dialog.ui.attendanceTab
    shown = dialog.ui.errorLabel.text()
    assert not dialog.ui.errorLabel.isHidden() and "实到 0 人" in shown and "请在“出席情况”中勾选" in shown
    assert dialog.ui.buttonBox.isEnabled()
    assert meetings.meetings_of_year(ctx.db, 2026) == []
    tick(dialog.attendance.model, "张甲", 2)  # 出席
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog._save()
    assert meetings.meeting_count(ctx.db, saved.args[0]).present == 1


def test_typing_saves_a_draft_that_is_offered_back(ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    folder = drafts.drafts_dir(ctx.db.path)
    dialog = open_dialog(ctx, qtbot, type_code="lecture", held_on=date(2026, 11, 5))
    assert dialog.ui.basicsForm.isRowVisible(dialog.ui.lecturerEdit), "a 党课 names its lecturer"
    dialog.ui.topicEdit.insert("学习党章")  # typed (keyClicks is ASCII only)
    dialog.ui.lecturerEdit.insert("王书记")  # typed (keyClicks is ASCII only)
    qtbot.waitUntil(lambda: bool(drafts.leftovers(folder)), timeout=5000)
    settle(ctx, qtbot)
    (draft,) = drafts.leftovers(folder)
    assert draft.meeting_id is None and draft.state["topic"] == "学习党章"
    dialog._draft_timer.stop()
    dialog.hide()  # as if the program died: no save, no discard

    fresh = open_dialog(ctx, qtbot, type_code="general")
    assert fresh.ui.draftBar.isVisible() and "恢复未保存的会议记录" in fresh.ui.draftLabel.text()
    qtbot.mouseClick(fresh.ui.restoreDraftButton, Qt.MouseButton.LeftButton)
    settle(ctx, qtbot)
    assert (fresh.ui.topicEdit.text(), fresh.ui.lecturerEdit.text()) == ("学习党章", "王书记")
    assert fresh.ui.typeCombo.currentText() == "党课"
    qtbot.mouseClick(fresh.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(fresh.saved, timeout=WAIT_MS):
        fresh._save()
    settle(ctx, qtbot)
    assert drafts.leftovers(folder) == []


def test_a_bad_time_is_refused_and_named(ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    dialog = open_dialog(ctx, qtbot, type_code="committee", held_on=date(2026, 11, 5))
    dialog.ui.topicEdit.insert("研究工作")  # typed (keyClicks is ASCII only)
    dialog.ui.startTimeEdit.insert("下午两点")  # typed (keyClicks is ASCII only)
    dialog.ui.tabs.setCurrentIndex(2)
    dialog._save()
    settle(ctx, qtbot)
    assert dialog.ui.errorLabel.isVisible() and "开始时间" in dialog.ui.errorLabel.text()
    assert dialog.ui.tabs.currentIndex() == 0 and dialog.isVisible()
    assert meetings.meetings_of_year(ctx.db, 2026) == []
    dialog.ui.startTimeEdit.clear()
    dialog.ui.startTimeEdit.insert("09:00")  # put right: the message about the old value goes
    assert not dialog.ui.errorLabel.isVisible()
    dialog._dirty = False


def test_a_time_typed_with_a_chinese_input_method_is_taken(ctx: AppContext, qtbot: QtBot,
                                                          branch: dict[str, str]) -> None:
    """14：30 (the full-width colon a Chinese input method types) and 1600 are times: shown and saved as 14:30."""
    dialog = open_dialog(ctx, qtbot, type_code="committee", held_on=date(2026, 11, 5))
    dialog.ui.topicEdit.insert("研究工作")
    dialog.ui.startTimeEdit.setFocus()
    dialog.ui.startTimeEdit.insert("14：30")
    dialog.ui.endTimeEdit.setFocus()  # leaving the box writes it plainly
    assert dialog.ui.startTimeEdit.text() == "14:30"
    dialog.ui.endTimeEdit.insert("1600")
    qtbot.mouseClick(dialog.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog._save()
    settle(ctx, qtbot)
    [saved] = meetings.meetings_of_year(ctx.db, 2026)
    record = meeting_records.get_record(ctx.db, saved.id)
    assert record is not None and (record.data.start_time, record.data.end_time) == ("14:30", "16:00")


def test_attendance_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AttendanceModel()
    qtmodeltester.check(model)
    model.set_roll([("a", "张甲", True), ("b", "钱预备", False)], {"a": "present"}, {"b": "病假"})
    qtmodeltester.check(model)
    assert model.reasons() == {"b": "病假"}
    assert not model.flags(model.index(0, COL_REASON)) & Qt.ItemFlag.ItemIsEditable, "present: no reason"
    model.all_present()
    assert set(model.statuses().values()) == {"present"} and model.reasons() == {}


def test_rows_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    result = Column("结果", COMPUTED, lambda r: "通过" if r[1] else "")
    model = RowsModel([Column("事项"), Column("赞成", NUMBER), result])
    qtmodeltester.check(model)
    model.add_row(["甲", 3])
    model.add_row(["乙"])
    model.move_row(0, 1)
    model.setData(model.index(0, 1), "x")
    assert model.rows() == [["乙", 0], ["甲", 3]]
    assert model.index(1, 2).data() == "通过" and model.index(0, 2).data() == ""
    model.remove_row(0)
    qtmodeltester.check(model)


def test_attachments_added_in_the_dialog_are_stored_once(ctx: AppContext, qtbot: QtBot, branch: dict[str, str],
                                                         tmp_path: Path) -> None:
    one, two = tmp_path / "合影.jpg", tmp_path / "合影副本.jpg"
    one.write_bytes(b"jpeg")
    two.write_bytes(b"jpeg")
    dialog = open_dialog(ctx, qtbot, type_code="theme_day", held_on=date(2026, 11, 5))
    dialog.ui.topicEdit.insert("志愿服务")  # typed (keyClicks is ASCII only)
    buttons = (dialog.ui.openAttachmentButton, dialog.ui.removeAttachmentButton)
    assert not any(b.isEnabled() for b in buttons)  # nothing to open or remove yet
    dialog.add_files([one, two])
    assert not any(b.isEnabled() for b in buttons)  # none chosen
    dialog.ui.attachmentList.setCurrentRow(1)
    assert all(b.isEnabled() for b in buttons)
    dialog.ui.attachmentList.clearSelection()
    assert not any(b.isEnabled() for b in buttons)
    qtbot.mouseClick(dialog.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog._save()
    record = meeting_records.get_record(ctx.db, saved.args[0])
    assert record is not None and [a.name for a in record.attachments] == ["合影.jpg", "合影副本.jpg"]
    store = ctx.db.path.parent / "attachments"
    assert len([p for p in store.rglob("*") if p.is_file()]) == 1


def test_a_leftover_draft_is_offered_at_start(ctx: AppContext, qtbot: QtBot, branch: dict[str, str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QWidget

    from partydesk.gui.dialogs import meeting_edit_drafts

    asked: list[str] = []

    def answer(_parent: object, title: str, *_rest: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    window = QWidget()
    qtbot.addWidget(window)
    meeting_edit_drafts.offer_leftover_drafts(window, ctx)
    assert window.findChildren(MeetingDialog) == [], "no draft, no question"
    state = meeting_edit_drafts.FormState(type_code="theme_day", topic="重温入党誓词", held_on="2026-11-05")
    drafts.save(drafts.drafts_dir(ctx.db.path), drafts.new_key(), None, state.to_json())
    monkeypatch.setattr(QMessageBox, "question", answer)
    meeting_edit_drafts.offer_leftover_drafts(window, ctx)
    settle(ctx, qtbot)
    assert asked == ["恢复未保存的会议记录？"]
    (dialog,) = window.findChildren(MeetingDialog)
    OPENED.append(dialog)
    assert dialog.ui.topicEdit.text() == "重温入党誓词" and dialog.ui.typeCombo.currentText() == "主题党日"
    assert dialog.heldOnEdit.value() == date(2026, 11, 5)


def test_a_draft_of_a_deleted_meeting_becomes_a_new_record(ctx: AppContext, qtbot: QtBot,
                                                           branch: dict[str, str]) -> None:
    added = meetings.add_meeting(ctx.db, LOCAL_USER, meetings.MeetingData("lecture", "旧主题", date(2026, 9, 1)),
                                 statuses={branch["王书记"]: "present"})
    folder = drafts.drafts_dir(ctx.db.path)
    from partydesk.gui.dialogs.meeting_edit_drafts import FormState

    drafts.save(folder, added.meeting_id, added.meeting_id,
                FormState(type_code="lecture", topic="改过的主题", held_on="2026-09-01",
                          statuses={branch["王书记"]: "present"}).to_json())
    meeting_records.delete_meeting(ctx.db, LOCAL_USER, added.meeting_id)
    (draft,) = drafts.leftovers(folder)
    dialog = open_dialog(ctx, qtbot, meeting_id=added.meeting_id, draft=draft)
    assert dialog.meeting_id is None and dialog.ui.topicEdit.text() == "改过的主题"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog._save()
    settle(ctx, qtbot)
    assert saved.args[0] != added.meeting_id and drafts.leftovers(folder) == []


def test_tab_goes_from_the_topic_to_the_date_and_on(ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    """The date field keeps the place in the Tab order the form gives it: after 会议主题, and back again."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    def after(widget: QWidget, step: str) -> QWidget:  # the next (or previous) widget Tab would reach
        found = getattr(widget, step)()
        while not (found.focusPolicy() & Qt.FocusPolicy.TabFocus and found.isVisible() and found.isEnabled()):
            found = getattr(found, step)()
        return found

    dialog = open_dialog(ctx, qtbot, type_code="general")
    assert after(dialog.ui.topicEdit, "nextInFocusChain") is dialog.heldOnEdit
    assert after(dialog.heldOnEdit, "previousInFocusChain") is dialog.ui.topicEdit
    assert after(dialog.heldOnEdit, "nextInFocusChain").objectName() == "startTimeEdit"


def test_a_chair_or_recorder_marked_away_is_pointed_out(ctx: AppContext, qtbot: QtBot,
                                                        branch: dict[str, str]) -> None:
    """主持人 张甲 marked 请假 in the list: the note under the list says so (once, when he is also the recorder);
    marked present again, it says nothing and goes. A name not on the list (a leader from the committee) is
    no concern. The note sits under the list, so the rows never move as it comes and goes."""
    dialog = open_dialog(ctx, qtbot, type_code="general", held_on=date(2026, 10, 20))
    model = dialog.attendance.model
    qtbot.mouseClick(dialog.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    dialog.ui.chairEdit.setText("张甲")
    dialog.ui.recorderEdit.setText("街道党工委刘书记")
    assert "主持人" not in dialog.attendance.noteLabel.text()
    tick(model, "张甲", 3)  # 请假
    assert "主持人张甲在名单中记为“请假”，请核对" in dialog.attendance.noteLabel.text()
    dialog.ui.recorderEdit.setText("张甲")
    assert dialog.attendance.noteLabel.text().count("张甲") == 1
    tick(model, "赵乙", 4)  # 缺席
    dialog.ui.recorderEdit.setText("赵乙")
    assert "记录人赵乙在名单中记为“缺席”" in dialog.attendance.noteLabel.text()
    tick(model, "张甲", 2)
    tick(model, "赵乙", 2)
    assert "请核对" not in dialog.attendance.noteLabel.text() and dialog.attendance.noteLabel.isHidden()
    assert "请核对" not in dialog.attendance.countLabel.text()


def _two_of_three_present(ctx: AppContext, qtbot: QtBot) -> tuple[MeetingDialog, AttendanceModel]:
    """A 党员大会 record with everyone present but 赵乙 (请假): two with a vote present, three due; the dialog and its
    attendance model."""
    dialog = open_dialog(ctx, qtbot, type_code="general", held_on=date(2026, 10, 20))
    model = dialog.attendance.model
    qtbot.mouseClick(dialog.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    tick(model, "赵乙", 3)  # 请假
    return dialog, model


def test_more_votes_than_members_present_asks_for_a_second_look(ctx: AppContext, qtbot: QtBot,
                                                                 branch: dict[str, str]) -> None:
    """Votes beyond those present are allowed (written opinions of members who could not come count), but the
    motions tab says so, naming the motion; with no more votes than present it says nothing of the kind."""
    dialog, model = _two_of_three_present(ctx, qtbot)
    dialog.motions.add_row(["接收钱预备为预备党员", 3, 0, 0])
    intro = dialog.ui.motionsTabIntro.text()
    assert "“接收钱预备为预备党员”共 3 票，多于实到会有表决权的 2 人" in intro and "书面意见" in intro
    assert dialog.motions.index(0, 4).data() == "通过"
    tick(model, "赵乙", 2)
    assert "书面意见" not in dialog.ui.motionsTabIntro.text()
    assert "赞成票超过" in dialog.ui.motionsTabIntro.text()


def test_more_votes_than_members_due_to_attend_are_wrong_not_written_opinions(
        ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    """Written opinions cannot make up votes beyond the members due to attend: the tab says the numbers are wrong
    (saving refuses them) instead of explaining them away, and the result column gives no 通过 from them."""
    dialog, _model = _two_of_three_present(ctx, qtbot)
    dialog.motions.add_row(["接收钱预备为预备党员", 4, 1, 0])
    intro = dialog.ui.motionsTabIntro.text()
    assert "“接收钱预备为预备党员”共 5 票，超过了应到会有表决权的 3 人：票数有误" in intro
    assert "书面意见" not in intro
    assert dialog.motions.index(0, 4).data() == "票数有误"
    dialog.motions.setData(dialog.motions.index(0, 1), 3)
    dialog.motions.setData(dialog.motions.index(0, 2), 0)
    assert dialog.motions.index(0, 4).data() == "通过" and "书面意见" in dialog.ui.motionsTabIntro.text()


def test_a_new_record_starts_in_the_topic_and_an_empty_topic_brings_the_cursor_back(
        ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    """Typing in a new record goes into 会议主题, not onto 保存; saving without a topic says so and puts the
    cursor back in it."""
    dialog = open_dialog(ctx, qtbot, type_code="theme_day", held_on=date(2026, 11, 5))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.ui.topicEdit, timeout=WAIT_MS)
    dialog.ui.startTimeEdit.setFocus()
    dialog._save()
    settle(ctx, qtbot)
    assert "主题" in dialog.ui.errorLabel.text()
    assert dialog.focusWidget() is dialog.ui.topicEdit


def test_a_line_typed_under_a_bold_heading_of_the_template_starts_plain(
        ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    """Enter at the end of the template's bold heading, then typing: the new line is plain, on screen and in
    the stored minutes; the heading stays bold."""
    from PySide6.QtGui import QTextCursor

    from partydesk.core.io.minutes_body import body_blocks
    from partydesk.gui.widgets.plain_after_heading import all_bold

    dialog = open_dialog(ctx, qtbot, type_code="committee", held_on=date(2026, 11, 5))
    edit = dialog.ui.bodyEdit
    block = edit.document().begin()
    while block.isValid() and not all_bold(block):
        block = block.next()
    assert block.isValid(), "the template has a bold heading"
    heading = block.text()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.insertPlainText("董勇发言")
    blocks = body_blocks(edit.toHtml())
    at = next(i for i, b in enumerate(blocks) if b.text == heading)
    assert all(r.bold for r in blocks[at].runs)
    assert blocks[at + 1].text == "董勇发言" and not any(r.bold for r in blocks[at + 1].runs)


def test_a_member_lost_contact_or_away_marked_present_is_pointed_out(ctx: AppContext, qtbot: QtBot,
                                                                    branch: dict[str, str]) -> None:
    """全部出席 ticks everyone but a member 失联 by their record (one who came is no longer lost: ticked by hand);
    ticked present, the note under the list asks whether they really attended; marked absent, the note goes."""
    from partydesk.core.domain.member_events import EventKind

    zhao = next(r.id for r in members.roster(ctx.db, LOCAL_USER) if r.name == "赵乙")
    members.add_event(ctx.db, LOCAL_USER, member_id=zhao, kind=EventKind.LOST, on_date=date(2025, 3, 1),
                      detail="7", today=date(2026, 10, 1))
    dialog = open_dialog(ctx, qtbot, type_code="general", held_on=date(2026, 10, 20))
    assert dialog.attendance.model.away == {zhao: "lost"}
    qtbot.mouseClick(dialog.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    statuses = dialog.attendance.model.statuses()
    assert statuses[zhao] == "absent" and {s for m, s in statuses.items() if m != zhao} == {"present"}
    note = dialog.attendance.noteLabel
    assert note.isHidden()
    tick(dialog.attendance.model, "赵乙", 2)  # 出席, by hand
    assert not note.isHidden() and "赵乙在花名册中是失联党员" in note.text() and "确实到会了吗" in note.text()
    tick(dialog.attendance.model, "赵乙", 4)  # 缺席
    assert note.isHidden()


def test_an_empty_roll_says_what_to_do(ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    """A 党小组会 of a group no member's record names: 应到 0, and the note under the list says to fill in
    党小组 in the members' records; a 党员大会 lists the members and the note goes."""
    dialog = open_dialog(ctx, qtbot, type_code="group", held_on=date(2026, 11, 5))
    dialog.ui.partyGroupCombo.setCurrentText("第九党小组")
    dialog._reload_roll()
    settle(ctx, qtbot)
    note = dialog.attendance.noteLabel
    assert dialog.attendance.model.rowCount() == 0
    assert not note.isHidden() and "第九党小组" in note.text() and "党员" in note.text()
    dialog.ui.typeCombo.setCurrentIndex(dialog.ui.typeCombo.findData("general"))
    dialog._reload_roll()
    settle(ctx, qtbot)
    assert dialog.attendance.model.rowCount() > 0 and note.isHidden()
    dialog._dirty = False


def test_enter_in_the_attendance_table_goes_down_and_never_saves(ctx: AppContext, qtbot: QtBot,
                                                                   branch: dict[str, str]) -> None:
    """Enter on a name (not typing) goes to the next member, on a reason cell opens it for typing: the dialog
    stays open and nothing is saved (before, Enter pressed the default 保存 and closed the half-entered record)."""
    dialog = open_dialog(ctx, qtbot, type_code="general", held_on=date(2026, 10, 20))
    dialog.ui.tabs.setCurrentWidget(dialog.ui.attendanceTab)
    view = dialog.attendance.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.currentIndex().row() == 1 and dialog.isVisible()
    view.setCurrentIndex(view.model().index(1, COL_REASON))
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert view.state() == view.State.EditingState and dialog.isVisible()
    settle(ctx, qtbot)
    assert saved == [] and dialog.isVisible()


def test_tab_leaves_the_attendance_table(ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    """Tab on a cell goes on to the next field, Shift+Tab back (before, Tab went from cell to cell and came round
    to the first again: only the mouse, or Esc closing the dialog, got out)."""
    dialog = open_dialog(ctx, qtbot, type_code="general", held_on=date(2026, 10, 20))
    dialog.ui.tabs.setCurrentWidget(dialog.ui.attendanceTab)
    view = dialog.attendance.view
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, 0))
        qtbot.waitUntil(view.hasFocus, timeout=WAIT_MS)
        qtbot.keyClick(view, key)
        assert not view.hasFocus() and view.currentIndex() == view.model().index(0, 0), key


def test_marks_come_back_when_another_roll_was_shown_in_between(ctx: AppContext, qtbot: QtBot,
                                                                 branch: dict[str, str]) -> None:
    """Marks made, then another 党小组 or type chosen (another roll), then the first again: the marks and reasons
    are back, not reset to 缺席 (before, a slip on the group box lost the attendance entered)."""
    dialog = open_dialog(ctx, qtbot, type_code="general", held_on=date(2026, 11, 5))
    model = dialog.attendance.model
    qtbot.mouseClick(dialog.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    tick(model, "赵乙", 3)  # 请假
    model.setData(model.index(row_of(model, "赵乙"), COL_REASON), "在外地务工")
    dialog.ui.typeCombo.setCurrentIndex(dialog.ui.typeCombo.findData("group"))
    dialog.ui.partyGroupCombo.setCurrentText("第九党小组")
    dialog._reload_roll()
    settle(ctx, qtbot)
    assert model.rowCount() == 0
    dialog.ui.typeCombo.setCurrentIndex(dialog.ui.typeCombo.findData("general"))
    dialog._reload_roll()
    settle(ctx, qtbot)
    rows = {r.name: (r.status, r.reason) for r in model.rows()}
    assert rows["赵乙"] == ("leave", "在外地务工") and rows["张甲"] == ("present", "")
    dialog._dirty = False


def test_ctrl_s_saves_the_meeting_record(ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    """Ctrl+S in the record (the cursor in the minutes) saves it, as a click on 保存 does."""
    dialog = open_dialog(ctx, qtbot, type_code="general", held_on=date(2026, 10, 20))
    dialog.ui.topicEdit.insert("讨论接收预备党员")
    qtbot.mouseClick(dialog.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    dialog.ui.topicEdit.setFocus()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(dialog.ui.topicEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(ctx, qtbot)
    record = meeting_records.get_record(ctx.db, saved.args[0])
    assert record is not None and record.data.topic == "讨论接收预备党员"


def test_a_saved_record_opens_with_the_cursor_in_the_topic_not_on_save(
        ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    """While a saved record loads its tabs are disabled and the focus falls on 保存; once it is in, typing goes
    into 会议主题 again, so a stray Enter does not save the record unchanged."""
    first = open_dialog(ctx, qtbot, type_code="committee", held_on=date(2026, 11, 5))
    first.ui.topicEdit.insert("研究发展党员工作")
    qtbot.mouseClick(first.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(first.saved, timeout=WAIT_MS) as saved:
        first._save()
    settle(ctx, qtbot)
    again = open_dialog(ctx, qtbot, meeting_id=saved.args[0])
    again.activateWindow()
    qtbot.waitUntil(lambda: again.focusWidget() is again.ui.topicEdit, timeout=WAIT_MS)
    assert again.ui.topicEdit.text() == "研究发展党员工作"


def test_all_present_keeps_the_leaves_marked_first_and_a_present_member_shows_no_reason(
        ctx: AppContext, qtbot: QtBot, branch: dict[str, str]) -> None:
    """The office marks who is on leave, with why, then 全部出席 for the rest: the leave and its reason stay. A member
    then marked present shows no reason (none is saved for them); marked on leave again, the reason is back."""
    dialog = open_dialog(ctx, qtbot, type_code="general", held_on=date(2026, 11, 5))
    model = dialog.attendance.model
    tick(model, "赵乙", 3)  # 请假
    model.setData(model.index(row_of(model, "赵乙"), COL_REASON), "出差")
    qtbot.mouseClick(dialog.attendance.allPresentButton, Qt.MouseButton.LeftButton)
    rows = {r.name: r.status for r in model.rows()}
    assert rows == {"王书记": "present", "张甲": "present", "赵乙": "leave", "钱预备": "present"}
    reason = model.index(row_of(model, "赵乙"), COL_REASON)
    assert reason.data() == "出差" and model.reasons() == {branch["赵乙"]: "出差"}
    tick(model, "赵乙", 2)  # 出席 after all
    assert reason.data() == "" and model.reasons() == {}
    tick(model, "赵乙", 3)
    assert reason.data() == "出差"
