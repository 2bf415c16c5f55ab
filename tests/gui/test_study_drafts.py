"""A collective study's record keeps its typing as a draft while it is written, as the meeting and talk records do:
the topic, dates, length and whom the secretary unticked. After a power cut the dialog offers it back in a bar, or
the next start asks about it; saving or throwing the typing away removes it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from partydesk.core import drafts
from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.member_events import EventKind
from partydesk.core.domain.study_records import ActivityData
from partydesk.core.services import members, study
from partydesk.core.services.rules import rule_values
from partydesk.core.storage.database import Database
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs import form_drafts, study_edit
from partydesk.gui.dialogs.study_edit import StudyEditDialog
from partydesk.gui.mainwindow import MainWindow
from partydesk.gui.pages.study import StudyPage
from tests.gui.conftest import WAIT_MS
from tests.gui.test_study_page import four_members, open_page

KEPT_MS = form_drafts.DRAFT_DELAY_MS + WAIT_MS


def kept(ctx: AppContext) -> list[drafts.Draft]:
    assert ctx.runner.wait_idle(WAIT_MS)
    return drafts.leftovers(drafts.drafts_dir(ctx.db.path), prefix=drafts.STUDY)


def ticked(dialog: StudyEditDialog) -> list[str]:
    items = [dialog.ui.participantList.item(i) for i in range(dialog.ui.participantList.count())]
    return sorted(item.text() for item in items if item.checkState() == Qt.CheckState.Checked)


def tick(dialog: StudyEditDialog, name: str, on: bool = True) -> None:
    for i in range(dialog.ui.participantList.count()):
        item = dialog.ui.participantList.item(i)
        if item.text() == name:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def new_dialog(qtbot: QtBot, ctx: AppContext, db: Database, page: StudyPage) -> StudyEditDialog:
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 11, 10), parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_study_record_cut_off_while_typed_is_offered_back_and_saved(
        qtbot: QtBot, ctx: AppContext, db: Database) -> None:
    four_members(db)
    page = open_page(qtbot, ctx)
    first = new_dialog(qtbot, ctx, db, page)
    assert first.drafts.bar is None
    first.ui.topicEdit.setText("学习党的二十届四中全会精神")
    first.ui.organiserEdit.setText("支部委员会")
    first.start.setText("2026.11.28")  # as typed: the list follows once the date is left
    first.start.editingFinished.emit()
    first.ui.amountSpin.setValue(1.5)
    first.ui.unitCombo.setCurrentIndex(first.ui.unitCombo.findText("半天"))
    tick(first, "李乙", False)
    tick(first, "钱新")  # admitted on 20 November: listed for the 28th, unticked until ticked
    assert ticked(first) == ["张甲", "王书记", "钱新"]
    qtbot.waitUntil(lambda: bool(kept(ctx)), timeout=KEPT_MS)
    first.drafts.timer.stop()  # the power goes: the dialog is never closed
    qtbot.wait(form_drafts.DRAFT_DELAY_MS // 2)
    (draft,) = kept(ctx)
    assert draft.meeting_id is None and draft.state["fields"]["amountSpin"] == 1.5

    again = new_dialog(qtbot, ctx, db, page)
    assert again.drafts.bar is not None and "学习记录上次填写后没有保存" in again.drafts.bar_label.text()
    assert again.ui.topicEdit.text() == "" and ticked(again) == ["张甲", "李乙", "王书记"]  # as on 10 November
    qtbot.mouseClick(again.drafts.bar.findChild(QPushButton, "restoreDraftButton"), Qt.MouseButton.LeftButton)
    assert again.ui.topicEdit.text() == "学习党的二十届四中全会精神" and again.ui.organiserEdit.text() == "支部委员会"
    assert again.start.value() == date(2026, 11, 28) and again.tenths() == 60
    assert ticked(again) == ["张甲", "王书记", "钱新"], "the list for the draft's dates, ticked as then"
    assert again.drafts.bar.isHidden() and again.has_unsaved_changes()
    again.save()
    qtbot.waitUntil(lambda: again.result() == again.DialogCode.Accepted, timeout=WAIT_MS)
    saved = [a for a in study.activities_of_year(db, 2026) if a.data.topic == "学习党的二十届四中全会精神"]
    assert len(saved) == 1
    data, credits = study.activity(db, saved[0].id)
    assert (data.start_on, data.hours_tenths, data.organiser) == (date(2026, 11, 28), 60, "支部委员会")
    assert len(credits) == 3
    assert kept(ctx) == [], "saved: the draft restored is gone"


def test_throwing_the_typing_away_removes_the_draft(qtbot: QtBot, ctx: AppContext, db: Database,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    four_members(db)
    page = open_page(qtbot, ctx)
    dialog = new_dialog(qtbot, ctx, db, page)
    qtbot.wait(form_drafts.DRAFT_DELAY_MS + 300)
    assert kept(ctx) == [], "what the dialog filled in itself is not kept"
    tick(dialog, "张甲", False)
    assert dialog.has_unsaved_changes()
    qtbot.waitUntil(lambda: bool(kept(ctx)), timeout=KEPT_MS)
    from partydesk.gui.widgets import discard_guard

    monkeypatch.setattr(discard_guard, "confirm_discard", lambda _parent: True)
    dialog.reject()  # 放弃修改
    assert not dialog.isVisible() and kept(ctx) == [], "thrown away on purpose: nothing to offer later"


def test_an_unsaved_correction_is_asked_about_at_start_and_opened_on_its_record(
        qtbot: QtBot, ctx: AppContext, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = four_members(db)
    activity_id = study.add_activity(db, LOCAL_USER, ActivityData("collective", "专题党课", date(2026, 10, 9),
                                                                  date(2026, 10, 9), 20),
                                     participants=dict.fromkeys([ids["王书记"], ids["张甲"]])).activity_id
    state = {"fields": {"topicEdit": "专题党课：学习新修订的条例", "participantList": [ids["王书记"], ids["李乙"]]}}
    drafts.save(drafts.drafts_dir(ctx.db.path), activity_id, activity_id, state, prefix=drafts.STUDY)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *_r: asked.append(f"{title}|{text}")
                        or QMessageBox.StandardButton.Yes)

    assert study_edit.offer_leftover_study(window, ctx)

    assert len(asked) == 1 and asked[0].startswith("恢复未保存的学习记录？|有一份学习记录填写到一半还没有保存")
    assert asked[0].endswith("\n\n专题党课：学习新修订的条例") and window.current_page_id() == "study"
    qtbot.waitUntil(lambda: bool(window.findChildren(StudyEditDialog)), timeout=WAIT_MS)
    (dialog,) = window.findChildren(StudyEditDialog)
    assert dialog.editing is not None and dialog.editing[0] == activity_id
    assert dialog.ui.topicEdit.text() == "专题党课：学习新修订的条例" and ticked(dialog) == ["李乙", "王书记"]
    assert dialog.has_unsaved_changes()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.save()
    data, credits = study.activity(db, activity_id)
    assert data.topic == "专题党课：学习新修订的条例"
    assert sorted(c.member_id for c in credits) == sorted([ids["王书记"], ids["李乙"]])
    assert kept(ctx) == []


def li_lost_since(qtbot: QtBot, ctx: AppContext, db: Database,
                  day: date) -> tuple[dict[str, str], StudyPage, StudyEditDialog]:
    """The four members, 李乙 out of contact since ``day``; a new study record for 10 November, as it opens (李乙
    unticked)."""
    ids = four_members(db)
    members.add_event(db, LOCAL_USER, member_id=ids["李乙"], kind=EventKind.LOST, on_date=day, detail="1",
                      today=date(2026, 11, 30))
    page = open_page(qtbot, ctx)
    dialog = new_dialog(qtbot, ctx, db, page)
    assert ticked(dialog) == ["张甲", "王书记"]
    return ids, page, dialog


def test_a_member_out_of_contact_is_listed_but_not_ticked(qtbot: QtBot, ctx: AppContext, db: Database) -> None:
    """A member 失联 since January cannot have studied with the branch: listed, unticked at first and said so beside
    the count (a secretary saving the list as it came would credit hours to someone nobody can reach), in the
    warning colour with why on hover; one found again is ticked as the others."""
    ids, page, dialog = li_lost_since(qtbot, ctx, db, date(2026, 1, 5))
    assert dialog.ui.countLabel.text() == "已选 2 / 3 人\n失联党员未勾选：李乙"
    items = [dialog.ui.participantList.item(i) for i in range(dialog.ui.participantList.count())]
    (li,) = [i for i in items if i.text() == "李乙"]
    assert "这段日期内已失去联系" in li.toolTip() and li.foreground().color() == QColor(study_edit.LOST_COLOUR)
    dialog.ui.noneButton.click()
    dialog.ui.allButton.click()  # 全选 leaves him out too (his credited hours would tell the 失联 to-do otherwise)
    assert ticked(dialog) == ["张甲", "王书记"] and dialog.ui.countLabel.text() == "已选 2 / 3 人\n失联党员未勾选：李乙"
    tick(dialog, "李乙")  # ticked by hand all the same (he took part after all): counted, no longer said
    assert dialog.ui.countLabel.text() == "已选 3 / 3 人"
    members.add_event(db, LOCAL_USER, member_id=ids["李乙"], kind=EventKind.REGAINED, on_date=date(2026, 11, 1),
                      today=date(2026, 11, 30))
    again = new_dialog(qtbot, ctx, db, page)
    assert ticked(again) == ["张甲", "李乙", "王书记"] and again.ui.countLabel.text() == "已选 3 / 3 人"


def test_ticks_left_to_the_dialog_follow_the_dates_and_hand_ticks_stay(
        qtbot: QtBot, ctx: AppContext, db: Database) -> None:
    """李乙 lost contact on 5 November: unticked for the 10th; the date corrected to the 1st, he was still in contact
    and comes in ticked (he was left out without a word, and lost his hours). 张甲 unticked by hand stays so."""
    _ids, _page, dialog = li_lost_since(qtbot, ctx, db, date(2026, 11, 5))
    tick(dialog, "张甲", False)
    dialog.start.setText("2026.11.1")
    dialog.start.editingFinished.emit()
    assert ticked(dialog) == ["李乙", "王书记"] and dialog.ui.countLabel.text() == "已选 2 / 3 人"
    dialog.start.setText("2026.11.10")  # and back: out of contact again, said so
    dialog.start.editingFinished.emit()
    assert ticked(dialog) == ["王书记"] and dialog.ui.countLabel.text() == "已选 1 / 3 人\n失联党员未勾选：李乙"
