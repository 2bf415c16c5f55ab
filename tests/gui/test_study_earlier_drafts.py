"""补录此前学时 keeps its typing as a draft, as the record forms do: forty members' hours typed from a paper ledger
are an afternoon's work, and a power cut must not lose them. The table offers a draft back in its bar, the next
start asks about it, and saving or throwing the typing away removes it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from partydesk.core import drafts
from partydesk.core.changes import LOCAL_USER
from partydesk.core.services import study
from partydesk.core.storage.database import Database
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs import form_drafts, study_earlier
from partydesk.gui.dialogs.study_earlier import EarlierHoursDialog
from partydesk.gui.mainwindow import MainWindow
from tests.gui.conftest import WAIT_MS
from tests.gui.test_study_earlier_dialog import _shown
from tests.gui.test_study_page import credited, four_members, open_page

KEPT_MS = form_drafts.DRAFT_DELAY_MS + WAIT_MS


def kept(ctx: AppContext) -> list[drafts.Draft]:
    assert ctx.runner.wait_idle(WAIT_MS)
    return drafts.leftovers(drafts.drafts_dir(ctx.db.path), prefix=drafts.EARLIER)


def new_table(qtbot: QtBot, ctx: AppContext, db: Database) -> EarlierHoursDialog:
    dialog = EarlierHoursDialog(ctx, study.roll(db), (date(2026, 1, 1), date(2026, 11, 30)))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def saved_earlier(db: Database, ids: dict[str, str]) -> str:
    """The earlier hours of 2026 saved (李乙's 15): the record's id."""
    study.save_earlier_hours(db, LOCAL_USER, form_code="lecture", start_on=date(2026, 1, 1),
                             end_on=date(2026, 11, 19), hours={ids["李乙"]: 150})
    return next(a.id for a in study.activities_of_year(db, 2026) if study.is_earlier_hours(a.data))


def window_saying_yes(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The main window, every start-up question answered yes."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    return window


def test_hours_cut_off_while_typed_are_offered_back_and_saved(qtbot: QtBot, ctx: AppContext, db: Database) -> None:
    ids = four_members(db)
    page = open_page(qtbot, ctx)
    first = new_table(qtbot, ctx, db)
    assert first.drafts.bar is None
    qtbot.wait(form_drafts.DRAFT_DELAY_MS + 300)
    assert kept(ctx) == [], "what the table filled in itself is not kept"
    first.form_combo.setCurrentIndex(first.form_combo.findText("党课"))
    first.set_hours(ids["张甲"], "28")
    first.set_hours(ids["王书记"], "26.5")
    qtbot.waitUntil(lambda: bool(kept(ctx)), timeout=KEPT_MS)
    first.drafts.timer.stop()  # the power goes: the table is never closed
    (draft,) = kept(ctx)
    assert draft.meeting_id is None and draft.state["hours"] == {ids["张甲"]: 280, ids["王书记"]: 265}
    assert draft.state["fields"]["summary"] == "2 名党员，共 54.5 学时"

    again = new_table(qtbot, ctx, db)
    assert again.drafts.bar is not None and "补录的此前学时上次填写后没有保存" in again.drafts.bar_label.text()
    assert set(_shown(again).values()) == {""} and again.form_combo.currentText() == "集体学习"
    qtbot.mouseClick(again.drafts.bar.findChild(QPushButton, "restoreDraftButton"), Qt.MouseButton.LeftButton)
    assert _shown(again)["张甲"] == "28" and _shown(again)["王书记"] == "26.5" and _shown(again)["李乙"] == ""
    assert again.form_combo.currentText() == "党课" and again.has_unsaved_changes()
    last = max(again.members_shown().index(ids["张甲"]), again.members_shown().index(ids["王书记"]))
    assert again.table.currentRow() == min(last + 1, 3), "the keyboard where the typing stopped"
    assert again.total_label.text() == "4 名党员中已填 2 名，合计 54.5 学时；空着的不计学时。"
    again.save()
    qtbot.waitUntil(lambda: again.saved, timeout=WAIT_MS)
    assert ctx.runner.wait_idle(WAIT_MS)
    qtbot.waitUntil(lambda: credited(page)["王书记"] == 265, timeout=WAIT_MS)
    assert credited(page)["张甲"] == 280 + 20  # and the collective study recorded in March
    assert kept(ctx) == [], "saved: the draft restored is gone"


def test_throwing_the_typing_away_removes_the_draft(qtbot: QtBot, ctx: AppContext, db: Database,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    ids = four_members(db)
    dialog = new_table(qtbot, ctx, db)
    dialog.set_hours(ids["李乙"], "12")
    qtbot.waitUntil(lambda: bool(kept(ctx)), timeout=KEPT_MS)
    from partydesk.gui.widgets import discard_guard

    monkeypatch.setattr(discard_guard, "confirm_discard", lambda _parent: True)
    dialog.reject()  # 放弃修改
    assert not dialog.isVisible() and kept(ctx) == [], "thrown away on purpose: nothing to offer later"


def test_unsaved_corrections_are_asked_about_at_start_and_opened_on_their_record(
        qtbot: QtBot, ctx: AppContext, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = four_members(db)
    activity_id = saved_earlier(db, ids)
    # 钱新 joined on 20 November, after the period: not listed, not credited; a number that is no number is left out
    state = {"fields": {"summary": "2 名党员，共 33 学时"}, "hours": {ids["李乙"]: 180, ids["王书记"]: 150,
                                                                      ids["钱新"]: 99, ids["张甲"]: "x"}}
    drafts.save(drafts.drafts_dir(ctx.db.path), activity_id, activity_id, state, prefix=drafts.EARLIER)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, text, *_r: asked.append(f"{title}|{text}")
                        or QMessageBox.StandardButton.Yes)

    assert study_earlier.offer_leftover_earlier(window, ctx)

    assert len(asked) == 1 and asked[0].startswith("恢复未保存的此前学时？|有一份补录此前学时填写到一半还没有保存")
    assert asked[0].endswith("\n\n2 名党员，共 33 学时") and window.current_page_id() == "study"
    qtbot.waitUntil(lambda: bool(window.findChildren(EarlierHoursDialog)), timeout=WAIT_MS)
    (dialog,) = window.findChildren(EarlierHoursDialog)
    assert dialog.editing is not None and dialog.editing[0] == activity_id
    assert dialog.drafts.bar is None, "asked already: put in, not offered again"
    assert _shown(dialog) == {"张甲": "", "李乙": "18", "王书记": "15"}
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.save()
    _data, credits = study.activity(db, activity_id)
    assert {c.member_id: c.tenths for c in credits} == {ids["李乙"]: 180, ids["王书记"]: 150}
    assert kept(ctx) == []


def test_a_new_table_left_unsaved_opens_on_the_earlier_hours_saved_since(
        qtbot: QtBot, ctx: AppContext, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The table was typed, then (on another day, from the start again) saved: the draft's numbers are put into that
    record beside the ones it holds, never into a second record that would count the hours twice."""
    ids = four_members(db)
    drafts.save(drafts.drafts_dir(ctx.db.path), drafts.new_key(), None, {"hours": {ids["张甲"]: 120}},
                prefix=drafts.EARLIER)
    saved_earlier(db, ids)
    window = window_saying_yes(qtbot, ctx, monkeypatch)
    assert study_earlier.offer_leftover_earlier(window, ctx)
    qtbot.waitUntil(lambda: bool(window.findChildren(EarlierHoursDialog)), timeout=WAIT_MS)
    (dialog,) = window.findChildren(EarlierHoursDialog)
    assert dialog.editing is not None and study.is_earlier_hours(dialog.editing[1])
    assert _shown(dialog) == {"张甲": "12", "李乙": "15", "王书记": ""}
    assert dialog.has_unsaved_changes()


def test_a_correction_whose_record_was_deleted_opens_as_a_new_table(
        qtbot: QtBot, ctx: AppContext, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = four_members(db)
    activity_id = saved_earlier(db, ids)
    drafts.save(drafts.drafts_dir(ctx.db.path), activity_id, activity_id, {"hours": {ids["李乙"]: 180}},
                prefix=drafts.EARLIER)
    study.delete_activity(db, LOCAL_USER, activity_id)
    window = window_saying_yes(qtbot, ctx, monkeypatch)
    assert study_earlier.offer_leftover_earlier(window, ctx)
    qtbot.waitUntil(lambda: bool(window.findChildren(EarlierHoursDialog)), timeout=WAIT_MS)
    (dialog,) = window.findChildren(EarlierHoursDialog)
    assert dialog.editing is None and _shown(dialog)["李乙"] == "18"


def test_a_saved_record_that_does_not_read_is_said_once_not_tried_again_and_again(
        qtbot: QtBot, ctx: AppContext, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new table's draft, the earlier hours saved since, and that record unreadable (a damaged file): the
    failure is told once; the draft is not put into a second, new record."""
    from partydesk.core.errors import CorruptDatabaseError
    from partydesk.gui.pages import study_records

    ids = four_members(db)
    drafts.save(drafts.drafts_dir(ctx.db.path), drafts.new_key(), None, {"hours": {ids["张甲"]: 120}},
                prefix=drafts.EARLIER)
    saved_earlier(db, ids)
    reads: list[str] = []

    def unreadable(_db: object, activity_id: str) -> object:
        reads.append(activity_id)
        raise CorruptDatabaseError("数据库文件已损坏（测试）。")

    told: list[str] = []
    monkeypatch.setattr(study, "activity", unreadable)
    monkeypatch.setattr(study_records, "show_known_error", lambda error, _parent=None: told.append(error.message))
    window = window_saying_yes(qtbot, ctx, monkeypatch)
    assert study_earlier.offer_leftover_earlier(window, ctx)
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    qtbot.wait(300)
    assert ctx.runner.wait_idle(WAIT_MS)
    assert told == ["数据库文件已损坏（测试）。"] and len(reads) == 1
    assert window.findChildren(EarlierHoursDialog) == []
