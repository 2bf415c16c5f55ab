"""A member's own course (个人学习): the member picked by pinyin, the proof stored, more hours than a year asks
about first, Ctrl+S saves."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.services import study
from partydesk.core.services.rules import rule_values
from partydesk.core.storage.database import Database
from partydesk.gui.context import AppContext
from tests.gui.conftest import WAIT_MS
from tests.gui.test_study_page import branch, credited, open_page  # noqa: F401  (the fixture)


def test_record_a_member_s_own_course_with_proof(qtbot: QtBot, ctx: AppContext, db: Database,
                                                 branch: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The member alone is credited; the proof is stored by content and named on the record."""
    from partydesk.core.services import study_files
    from partydesk.gui.dialogs.study_own import StudyOwnDialog

    page = open_page(qtbot, ctx)
    proof = tmp_path / "结业证书.jpg"
    proof.write_bytes(b"\xff\xd8 certificate")
    dialog = StudyOwnDialog(ctx, study.roll(db), day=date(2026, 6, 1), parent=page)
    qtbot.addWidget(dialog)
    dialog.ui.memberCombo.setCurrentIndex(dialog.ui.memberCombo.findData(branch["李乙"]))
    dialog.ui.topicEdit.setText("党史专题网络课程")
    dialog.ui.hoursSpin.setValue(6.5)
    dialog.ui.evidenceEdit.setText(str(proof))
    dialog.save()
    qtbot.waitUntil(lambda: credited(page)["李乙"] == 65, timeout=WAIT_MS)
    assert credited(page)["张甲"] == 20
    own = next(a for a in page.activities.model.all_rows() if a.data.individual)
    assert own.data.form_code == "online" and own.data.evidence_name == proof.name
    assert study_files.path_of(db.path, own.data.evidence_sha).read_bytes() == proof.read_bytes()
    topic = [c.key for c in page.activities.model.columns].index("topic")
    row = page.activities.model.row_of(own.id)
    assert page.activities.model.index(row, topic).data() == "李乙：党史专题网络课程"  # whose course it is
    page.activities.search.setText("李乙")
    page.activities.apply_filters()
    assert [a.id for a in page.activities.model.shown_rows()] == [own.id]


@pytest.mark.qt_log_ignore(r"This plugin does not support grabbing the keyboard")  # the completer's popup offscreen
def test_a_member_s_own_course_names_nobody_until_one_is_picked_and_finds_them_by_pinyin(
        qtbot: QtBot, ctx: AppContext, db: Database, branch: dict[str, str], app: QApplication) -> None:  # noqa: F811
    """The first member of the list was taken silently: now nobody is chosen, Save says to choose; typing the
    pinyin initials offers the member, and the course is credited to that one."""
    from partydesk.gui.dialogs.study_own import StudyOwnDialog
    from partydesk.gui.languages import install_language

    install_language(app, "zh_CN", ctx.hub)
    page = open_page(qtbot, ctx)
    dialog = StudyOwnDialog(ctx, study.roll(db), day=date(2026, 6, 1), parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.ui.memberCombo
    assert combo.currentIndex() == -1 and combo.currentText() == ""
    dialog.ui.topicEdit.setText("党史专题网络课程")
    dialog.ui.hoursSpin.setValue(6.5)
    dialog.save()
    assert dialog.ui.errorLabel.isVisible() and "请选择" in dialog.ui.errorLabel.text()
    assert ctx.runner.wait_idle(WAIT_MS) and credited(page)["李乙"] == 0, "nothing recorded"
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "ly")
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    offered = [combo.completer().completionModel().index(r, 0).data() for r in
               range(combo.completer().completionModel().rowCount())]
    assert offered == ["李乙"], offered
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "李乙"
    dialog.save()
    qtbot.waitUntil(lambda: credited(page)["李乙"] == 65, timeout=WAIT_MS)


def test_more_than_a_year_of_hours_in_one_course_is_asked_about_first(
        qtbot: QtBot, ctx: AppContext, db: Database, branch: dict[str, str], app: QApplication) -> None:  # noqa: F811
    """500 学时 for one online course (50 meant): asked, naming the year's 56; 再看看 (Enter) records nothing and
    leaves the hours to correct; 记录 records them as typed. 50 学时 is not asked about."""
    from partydesk.gui.dialogs.study_own import StudyOwnDialog
    from partydesk.gui.languages import install_language
    from tests.gui.test_member_edit import answer_question, press_enter_in_question

    install_language(app, "zh_CN", ctx.hub)
    page = open_page(qtbot, ctx)
    roll, rules = study.roll(db), rule_values(db)
    dialog = StudyOwnDialog(ctx, roll, rules, day=date(2026, 6, 1), parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.memberCombo.setCurrentIndex(dialog.ui.memberCombo.findData(branch["李乙"]))
    dialog.ui.topicEdit.setText("党史专题网络课程")
    dialog.ui.hoursSpin.setValue(500)
    asked: list[str] = []
    press_enter_in_question(qtbot, asked, lambda box: box.text())
    dialog.save()
    assert len(asked) == 1 and "500 学时" in asked[0] and "56 学时" in asked[0]
    assert ctx.runner.wait_idle(WAIT_MS) and credited(page)["李乙"] == 0 and dialog.isVisible()
    answer_question("recordManyButton", asked)
    dialog.save()
    qtbot.waitUntil(lambda: credited(page)["李乙"] == 5000, timeout=WAIT_MS)
    other = StudyOwnDialog(ctx, roll, rules, day=date(2026, 6, 2), parent=page)
    qtbot.addWidget(other)
    other.ui.memberCombo.setCurrentIndex(other.ui.memberCombo.findData(branch["张甲"]))
    other.ui.topicEdit.setText("网络课程")
    other.ui.hoursSpin.setValue(50)
    other.save()  # no question: a modal box here would wait for ever
    qtbot.waitUntil(lambda: credited(page)["张甲"] == 20 + 500, timeout=WAIT_MS)


def test_ctrl_s_saves_a_form_as_its_save_button_does(
        qtbot: QtBot, ctx: AppContext, db: Database, branch: dict[str, str]) -> None:  # noqa: F811
    """Ctrl+S in a record form (here a member's own course) saves it, as a click on 保存 does."""
    from partydesk.gui.dialogs.study_own import StudyOwnDialog

    page = open_page(qtbot, ctx)
    dialog = StudyOwnDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 6, 1), parent=page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    dialog.ui.memberCombo.setCurrentIndex(dialog.ui.memberCombo.findData(branch["李乙"]))
    dialog.ui.hoursSpin.setValue(3)
    dialog.ui.topicEdit.setFocus()
    dialog.ui.topicEdit.setText("网络课程")
    qtbot.keyClick(dialog.ui.topicEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: credited(page)["李乙"] == 30, timeout=WAIT_MS)
    assert not dialog.isVisible()
