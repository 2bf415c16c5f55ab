"""The study page: record a collective study with participants in the dialog and see the ledger change."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QStyle
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.demo import fake_id_number
from partydesk.core.domain.member import MemberInput
from partydesk.core.domain.study_records import ActivityData, CertificationData
from partydesk.core.services import members, study
from partydesk.core.services.rules import rule_values
from partydesk.core.storage.database import Database
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.study_edit import StudyEditDialog
from partydesk.gui.pages import study as study_page
from partydesk.gui.pages.study import StudyPage
from tests.gui.conftest import WAIT_MS

TODAY = date(2026, 11, 30)


def add(db: Database, name: str, seed: int, *, post: str = "", joined: str = "2000-07-01") -> str:
    number = fake_id_number(random.Random(seed), date(1970, 1, 1 + seed), True)
    late = joined > "2025"
    data = MemberInput(name=name, gender="男", id_number=number, category="预备党员" if late else "正式党员",
                       joined_on=joined, confirmed_on=None if late else "2001-07-01", party_post=post)
    return members.add_member(db, LOCAL_USER, data=data, today=TODAY).member_id


def four_members(db: Database) -> dict[str, str]:
    """Four members (钱新 admitted on 20 November); 张甲 has 2 学时 from a study in March."""
    ids = {"王书记": add(db, "王书记", 1, post="书记"), "张甲": add(db, "张甲", 2), "李乙": add(db, "李乙", 3),
           "钱新": add(db, "钱新", 4, joined="2026-11-20")}
    study.add_activity(db, LOCAL_USER, ActivityData("collective", "学习党章", date(2026, 3, 10), date(2026, 3, 10), 20),
                       participants={ids["张甲"]: None})
    return ids


@pytest.fixture
def branch(db: Database) -> dict[str, str]:
    ids = four_members(db)
    study.add_certification(db, LOCAL_USER, CertificationData(ids["李乙"], "注册安全工程师", "应急管理部",
                                                              date(2020, 1, 1), date(2026, 12, 20)))
    return ids


def open_page(qtbot: QtBot, ctx: AppContext) -> StudyPage:
    page = StudyPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    return page


def credited(page: StudyPage) -> dict[str, int]:
    return {r.name: r.credited for r in page.ledger.model.all_rows()}


def test_record_a_collective_study_and_see_the_ledger_change(qtbot: QtBot, ctx: AppContext, db: Database,
                                                             branch: dict[str, str]) -> None:
    """Ticking members and saving credits each of them; the page's ledger shows the new hours."""
    page = open_page(qtbot, ctx)
    assert credited(page) == {"王书记": 0, "张甲": 20, "李乙": 0, "钱新": 0}
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 11, 10), parent=page)
    qtbot.addWidget(dialog)
    listed = [dialog.ui.participantList.item(i).text() for i in range(dialog.ui.participantList.count())]
    assert sorted(listed) == ["张甲", "李乙", "王书记"]  # 钱新 was admitted after 10 November
    dialog.ui.topicEdit.setText("学习党的二十届四中全会精神")
    dialog.ui.amountSpin.setValue(1)
    dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findText("半天"))
    assert dialog.tenths() == 40 and "4" in dialog.ui.hoursLabel.text()
    for i in range(dialog.ui.participantList.count()):
        item = dialog.ui.participantList.item(i)
        if item.text() == "李乙":
            item.setCheckState(item.checkState().Unchecked)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: credited(page)["王书记"] == 40, timeout=WAIT_MS)
    assert credited(page) == {"王书记": 40, "张甲": 60, "李乙": 0, "钱新": 0}
    assert page.activities.model.rowCount() == 2


def test_a_record_saved_for_another_year_shows_that_year(qtbot: QtBot, ctx: AppContext, db: Database,
                                                        branch: dict[str, str]) -> None:
    """2025 on screen, a study dated 2026.11.20 saved: the page goes to 2026 with the new record selected and
    the status line says where it went (it does not vanish to be entered twice)."""
    page = open_page(qtbot, ctx)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2025))
    qtbot.waitUntil(lambda: page.data is not None and page.data.year == 2025, timeout=WAIT_MS)
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2025, 12, 31), parent=page)
    page._show_dialog(dialog)
    dialog.ui.topicEdit.setText("学习党的二十届四中全会精神")
    dialog.start.setText("2026.11.20")
    dialog.save()
    qtbot.waitUntil(lambda: page.year == 2026 and page.activities.selected_ids() == [dialog.saved_id],
                    timeout=WAIT_MS)
    assert "已保存到 2026 年" in said[-1] and page.tabs.currentIndex() == 0
    assert "学习记录已保存。" in said  # said first: the dialog just closes


def test_in_december_next_year_can_be_chosen(qtbot: QtBot, ctx: AppContext) -> None:
    """In December a study planned for January can be seen: next year is offered; this year stays shown."""
    page = StudyPage(ctx, today=date(2026, 12, 2))
    qtbot.addWidget(page)
    assert [page.year_combo.itemData(i) for i in range(2)] == [2027, 2026] and page.year == 2026
    november = StudyPage(ctx, today=TODAY)
    qtbot.addWidget(november)
    assert november.year_combo.itemData(0) == 2026 and november.year == 2026


def test_a_record_added_later_takes_its_place_by_date(qtbot: QtBot, ctx: AppContext, db: Database,
                                                      branch: dict[str, str]) -> None:
    """A study of January recorded in November (or counted from a meeting) is listed among January's, not
    after October's at the bottom."""
    page = open_page(qtbot, ctx)
    for topic, day in (("一月的学习", date(2026, 1, 15)), ("十二月的学习", date(2026, 12, 1))):
        added = study.add_activity(db, LOCAL_USER, ActivityData("collective", topic, day, day, 20),
                                   participants={branch["张甲"]: None})
        ctx.hub.changed.emit(added.changes)
    qtbot.waitUntil(lambda: page.activities.model.rowCount() == 3, timeout=WAIT_MS)
    days = [a.data.start_on for a in page.activities.model.shown_rows()]
    assert days == sorted(days) and page.activities.model.shown_rows()[0].data.topic == "一月的学习"


def test_a_length_that_cannot_fit_the_dates_is_pointed_out(qtbot: QtBot, ctx: AppContext, db: Database,
                                                             branch: dict[str, str]) -> None:
    """2.5 全天 on a one-day study: said beside the hours (a slip, usually), not refused; 1 全天 is quiet, and
    2.5 全天 over a three-day course too."""
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 11, 10))
    qtbot.addWidget(dialog)
    dialog.ui.unitCombo.setCurrentIndex(dialog.ui.unitCombo.findText("全天"))
    dialog.ui.amountSpin.setValue(1)
    assert dialog.ui.hoursLabel.text() == "= 8 学时"
    dialog.ui.amountSpin.setValue(2.5)
    assert dialog.longer_than_its_days() and dialog.ui.hoursLabel.text().endswith("（超过所填日期的 1 天，请核对）")
    dialog.end.setText("2026.11.12")
    dialog.end.editingFinished.emit()
    assert not dialog.longer_than_its_days() and "请核对" not in dialog.ui.hoursLabel.text()


def test_with_no_member_on_the_roster_the_dialog_says_to_add_members_first(
        qtbot: QtBot, ctx: AppContext, db: Database) -> None:
    """An office that has entered nobody yet is told what to do first, not to tick someone who is not there."""
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 11, 10))
    qtbot.addWidget(dialog)
    assert dialog.ui.participantList.count() == 0
    assert dialog.ui.countLabel.text() == "花名册中还没有党员：请先在“党员”页导入或添加党员。"


def test_an_empty_topic_is_refused_in_the_dialog(qtbot: QtBot, ctx: AppContext, db: Database,
                                                 branch: dict[str, str]) -> None:
    """The core's message shows in the dialog, which stays open; nothing is written."""
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 11, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    save.setFocus()
    save.click()
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisible(), timeout=WAIT_MS)
    assert "学习内容" in dialog.ui.errorLabel.text()
    assert len(study.activities_of_year(db, 2026)) == 1
    assert dialog.focusWidget() is dialog.ui.topicEdit, "the cursor is back in the field at fault, not on 取消"
    dialog.ui.topicEdit.insert("学习党章")  # typed: the message about the empty topic goes
    assert not dialog.ui.errorLabel.isVisible()


def test_the_ledger_is_a_record_in_name_order_not_a_ranking(qtbot: QtBot, ctx: AppContext,
                                                            branch: dict[str, str]) -> None:
    """Header clicks do not sort the ledger; committee members show their quota of 56."""
    page = open_page(qtbot, ctx)
    assert not page.ledger.table.isSortingEnabled()
    rows = {r.name: r for r in page.ledger.model.all_rows()}
    assert rows["王书记"].required == 560 and rows["张甲"].required == 320
    standing = [c.key for c in page.ledger.model.columns].index("standing")  # (after a hidden 支部 column)
    assert page.ledger.model.index(0, standing).data() in ("已完成", "进度正常", "进度偏慢")


def test_a_year_gone_by_says_incomplete_not_slow(ctx: AppContext) -> None:
    """Short of the hours in a year whose whole quota is due: 未完成 (as the exported workbook says), not 进度偏慢."""
    from partydesk.core.services.study_reports import LedgerRow
    from partydesk.gui.pages.study_tabs import _standing

    def row(expected: int, credited: int) -> LedgerRow:
        return LedgerRow("m", "张甲", "", False, 365, required=320, expected=expected, credited=credited)

    assert [_standing(row(320, 100)), _standing(row(200, 100)), _standing(row(200, 250)), _standing(row(320, 320))] \
        == ["未完成", "进度偏慢", "进度正常", "已完成"]


def test_certifications_tab_shows_status_and_the_skills_held(qtbot: QtBot, ctx: AppContext,
                                                             branch: dict[str, str]) -> None:
    page = open_page(qtbot, ctx)
    assert page.certifications.model.index(0, 5).data() == "即将到期"
    assert "注册安全工程师 1 人" in page.skills.text()


def test_a_certification_is_opened_to_correct_and_deleted_after_asking(
        qtbot: QtBot, ctx: AppContext, db: Database, branch: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Enter on a certificate opens it filled in (修改证书); a corrected expiry saves over it and the list
    follows; Delete asks (否 by default) and then removes it."""

    from partydesk.gui.dialogs.cert_edit import CertEditDialog

    page = open_page(qtbot, ctx)
    page.tabs.setCurrentIndex(2)
    [(cert_id, holder, data)] = page.certifications.model.all_rows()
    assert page.certifications.select_id(cert_id) and page.edit_cert_button.isEnabled()
    page.certifications.table.setFocus()
    qtbot.keyClick(page.certifications.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, CertEditDialog), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, CertEditDialog) and dialog.windowTitle() == "修改证书"
    assert (dialog.ui.memberCombo.currentText().split("（")[0], dialog.ui.nameEdit.text()) == (holder, data.name)
    assert dialog.expires.value() == data.expires_on
    dialog.expires.setText("2030.12.31")
    dialog.save()
    qtbot.waitUntil(lambda: page.certifications.model.all_rows()[0][2].expires_on == date(2030, 12, 31),
                    timeout=WAIT_MS)
    assert len(study.certifications(db)) == 1
    monkeypatch.setattr(study_page, "ask_to_delete", lambda *_args: False)  # Enter: the default, 取消
    page.certifications.select_id(cert_id)
    page.delete_selected_cert()
    qtbot.wait(200)
    assert len(study.certifications(db)) == 1
    monkeypatch.setattr(study_page, "ask_to_delete", lambda *_args: True)
    page.certifications.select_id(cert_id)
    page.activateWindow()  # back from the dialog
    page.certifications.table.setFocus()
    qtbot.waitUntil(page.certifications.table.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(page.certifications.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.certifications.model.total == 0, timeout=WAIT_MS)
    assert study.certifications(db) == []


def test_models_pass_the_model_tester(qtbot: QtBot, qtmodeltester, ctx: AppContext,  # type: ignore[no-untyped-def]
                                      branch: dict[str, str]) -> None:
    page = open_page(qtbot, ctx)
    for lister in (page.activities, page.ledger, page.certifications, page.materials):
        qtmodeltester.check(lister.model)


def test_add_a_certification_in_the_dialog_and_see_it_listed(qtbot: QtBot, ctx: AppContext, db: Database,
                                                             branch: dict[str, str]) -> None:
    from partydesk.gui.dialogs.cert_edit import CertEditDialog

    page = open_page(qtbot, ctx)
    dialog = CertEditDialog(ctx, study.roll(db), parent=page)
    qtbot.addWidget(dialog)
    dialog.ui.memberCombo.setCurrentIndex(dialog.ui.memberCombo.findData(branch["张甲"]))
    dialog.ui.nameEdit.setText("护士执业证书")
    dialog.obtained.setText("2021.5.1")
    dialog.expires.setText("2031年5月1日")
    dialog.save()
    qtbot.waitUntil(lambda: page.certifications.model.rowCount() == 2, timeout=WAIT_MS)
    row = next(r for r in page.certifications.model.all_rows() if r[1] == "张甲")
    assert (row[2].name, row[2].obtained_on, row[2].expires_on) == ("护士执业证书", date(2021, 5, 1), date(2031, 5, 1))


def test_add_a_file_to_the_materials_library(qtbot: QtBot, ctx: AppContext, db: Database, branch: dict[str, str],
                                             tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The file is stored by content beside the database and the item is found by the page's search."""
    from partydesk.core.services import study_files
    from partydesk.gui.dialogs.material_edit import MaterialEditDialog

    page = open_page(qtbot, ctx)
    source = tmp_path / "党章学习辅导.pdf"
    source.write_bytes(b"%PDF-1.4 handout")
    dialog = MaterialEditDialog(ctx, parent=page)
    qtbot.addWidget(dialog)
    dialog.ui.fileEdit.setText(str(source))
    dialog.ui.titleEdit.setText("党章学习辅导")
    dialog.ui.tagsEdit.setText("党章  辅导")
    dialog.save()
    qtbot.waitUntil(lambda: page.materials.model.rowCount() == 1, timeout=WAIT_MS)
    (_id, item), = page.materials.model.all_rows()
    assert item.tags == "党章 辅导" and item.file_name == source.name
    assert study_files.path_of(db.path, item.file_sha).read_bytes() == source.read_bytes()
    page.materials.search.setText("辅导")
    page.materials.apply_filters()
    assert page.materials.model.rowCount() == 1
    page.materials.search.setText("影片")
    page.materials.apply_filters()
    assert page.materials.model.rowCount() == 0
    page.materials.search.clear()
    page.materials.apply_filters()
    # 删除 (or the Delete key) asks first, 取消 by default: 取消 keeps it, 删除 takes it from the library.
    asked: list[str] = []
    answers = [False, True]
    monkeypatch.setattr(study_page, "ask_to_delete", lambda _p, _t, text: asked.append(text) or answers.pop(0))
    page.materials.table.selectRow(0)
    assert page.delete_material_button.text() == "删除" and page.delete_material_button.isEnabled()
    page.delete_material_button.click()
    ctx.runner.wait_idle(WAIT_MS)
    qtbot.wait(50)
    assert asked == ["从资料库中删除“党章学习辅导”吗？"] and page.materials.model.rowCount() == 1
    page.tabs.setCurrentWidget(page.materials)
    page.activateWindow()
    page.materials.table.setFocus()
    qtbot.waitUntil(page.materials.table.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(page.materials.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.materials.model.rowCount() == 0, timeout=WAIT_MS)
    assert len(asked) == 2


def test_a_material_file_opens_as_a_copy_under_its_own_name(qtbot: QtBot, ctx: AppContext, db: Database,
                                                            tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The stored file is named by its hash, with no extension for the system to pick a program by: opening
    hands the system a copy named as the file was (党章学习辅导.pdf); a file gone from the folder is said."""
    from PySide6.QtWidgets import QMessageBox

    from partydesk.core.domain.study_records import MaterialData
    from partydesk.core.services import study, study_files
    from partydesk.gui.pages import study as study_page

    source = tmp_path / "党章学习辅导.pdf"
    source.write_bytes(b"%PDF-1.4 handout")
    sha = study_files.store_file(db.path, source)
    study.add_material(db, LOCAL_USER, MaterialData(title="党章学习辅导", file_sha=sha, file_name=source.name))
    opened: list[object] = []
    monkeypatch.setattr(study_page, "open_with_system", lambda _parent, target: opened.append(target) or True)
    page = open_page(qtbot, ctx)
    qtbot.waitUntil(lambda: page.materials.model.rowCount() == 1, timeout=WAIT_MS)
    [(material_id, _item)] = page.materials.model.all_rows()
    page.open_material(material_id)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    [path] = opened
    assert path.name == "党章学习辅导.pdf" and path.read_bytes() == source.read_bytes()  # type: ignore[union-attr]
    study_files.path_of(db.path, sha).unlink()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: said.append(text))
    page.open_material(material_id)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert "党章学习辅导.pdf" in said[0] and len(opened) == 1


def test_export_the_year_s_report_from_the_ledger_tab(qtbot: QtBot, ctx: AppContext, branch: dict[str, str],
                                                      tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The chosen file gets the workbook: summary, ledger and a sheet per member."""
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "学时"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    page = open_page(qtbot, ctx)
    page.export_button.click()
    written = tmp_path / "学时.xlsx"
    qtbot.waitUntil(lambda: written.exists() and page.export_button.isEnabled(), timeout=WAIT_MS)
    book = openpyxl.load_workbook(written)
    assert book.sheetnames[:2] == ["培训情况", "学时台账"] and len(book.sheetnames) == 2 + 4
    # With the ledger searched down to one member, the workbook still holds everyone, and the office is told.
    said: list[str] = []
    ctx.hub.statusMessage.connect(said.append)
    page.ledger.search.insert(page.ledger.model.all_rows()[0].name)
    page.ledger.apply_filters()
    assert len(page.ledger.model.shown_rows()) == 1
    written.unlink()
    page.export_button.click()
    qtbot.waitUntil(lambda: written.exists() and page.export_button.isEnabled() and bool(said), timeout=WAIT_MS)
    assert len(openpyxl.load_workbook(written).sheetnames) == 2 + 4
    assert "全部党员" in said[-1] and "筛选" in said[-1]


def _ticked(dialog: StudyEditDialog) -> list[str]:
    items = [dialog.ui.participantList.item(i) for i in range(dialog.ui.participantList.count())]
    return sorted(item.text() for item in items if item.checkState() == item.checkState().Checked)


def _retype_start(dialog: StudyEditDialog, text: str) -> None:
    dialog.start.setText(text)
    dialog.start.editingFinished.emit()


def test_a_mistyped_date_keeps_the_participants_ticked(qtbot: QtBot, ctx: AppContext, db: Database,
                                                       branch: dict[str, str]) -> None:
    """Two members ticked, then a date typed wrong (2026-11-31) and put right: still the same two, not
    everyone again (which would credit hours to people who were not there)."""
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 11, 10))
    qtbot.addWidget(dialog)
    dialog.ui.noneButton.click()
    for i in range(dialog.ui.participantList.count()):
        item = dialog.ui.participantList.item(i)
        if item.text() in ("张甲", "李乙"):
            item.setCheckState(item.checkState().Checked)
    _retype_start(dialog, "2026-11-31")
    assert _ticked(dialog) == ["张甲", "李乙"]
    _retype_start(dialog, "2026-11-30")  # 钱新 (admitted 20 November) joins the list, unticked
    assert _ticked(dialog) == ["张甲", "李乙"] and dialog.ui.participantList.count() == 4
    _retype_start(dialog, "2026-11-10")
    assert _ticked(dialog) == ["张甲", "李乙"] and dialog.ui.participantList.count() == 3


def test_esc_on_a_typed_study_record_asks_before_throwing_it_away(qtbot: QtBot, ctx: AppContext, db: Database,
                                                                  branch: dict[str, str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Untouched, Esc closes at once; once a topic is typed or a tick changed it asks, and "Keep editing"
    keeps the dialog open with what was typed."""
    from partydesk.gui.widgets import discard_guard

    asked: list[bool] = []
    answer = [False]
    monkeypatch.setattr(discard_guard, "confirm_discard", lambda _parent: asked.append(True) or answer[0])
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 11, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert asked == [] and not dialog.isVisible()
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 11, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.noneButton.click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [True] and dialog.isVisible()
    dialog.ui.allButton.click()
    dialog.ui.topicEdit.setText("学习党章")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [True, True] and dialog.isVisible() and dialog.ui.topicEdit.text() == "学习党章"
    answer[0] = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(study.activities_of_year(db, 2026)) == 1


def test_enter_on_the_delete_question_deletes_nothing(qtbot: QtBot, ctx: AppContext, db: Database,
                                                      branch: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The question's default answer (what a stray Enter gives) is 取消; 删除 deletes."""

    page = open_page(qtbot, ctx)
    [activity] = study.activities_of_year(db, 2026)
    page.activities.select_id(activity.id)
    monkeypatch.setattr(study_page, "ask_to_delete", lambda *_args: False)  # Enter: the default button, 取消
    page.delete_selected()
    settle_ms = 300
    qtbot.wait(settle_ms)
    assert len(study.activities_of_year(db, 2026)) == 1
    asked: list[str] = []
    monkeypatch.setattr(study_page, "ask_to_delete", lambda _p, _t, text: asked.append(text) or True)
    page.activities.table.setFocus()
    qtbot.keyClick(page.activities.table, Qt.Key.Key_Delete)  # the Delete key asks, as on the other pages
    qtbot.waitUntil(lambda: not study.activities_of_year(db, 2026), timeout=WAIT_MS)
    assert len(asked) == 1 and "不能恢复" in asked[0]


def test_a_recorded_study_opens_to_be_corrected(qtbot: QtBot, ctx: AppContext, db: Database, branch: dict[str, str],
                                                monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Enter on 学习党章 opens it as recorded (张甲 ticked, 2 学时); ticking 李乙 too and saving credits him,
    and the list and ledger follow. A member's own course is not opened: it is deleted and recorded again;
    its proof, where one was kept, opens from the message."""
    from PySide6.QtWidgets import QMessageBox

    page = open_page(qtbot, ctx)
    [activity] = study.activities_of_year(db, 2026)
    page.activities.select_id(activity.id)
    page.activities.table.setFocus()
    qtbot.keyClick(page.activities.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, StudyEditDialog) and page.dialog.isVisible(), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, StudyEditDialog)
    assert dialog.windowTitle() == "修改学习记录" and dialog.ui.topicEdit.text() == "学习党章"
    assert dialog.ui.introLabel.text().startswith("修改这次学习活动")
    assert _ticked(dialog) == ["张甲"] and dialog.tenths() == 20
    assert not dialog.has_unsaved_changes()
    for i in range(dialog.ui.participantList.count()):
        item = dialog.ui.participantList.item(i)
        if item.text() == "李乙":
            item.setCheckState(item.checkState().Checked)
    dialog.save()
    qtbot.waitUntil(lambda: credited(page)["李乙"] == 20, timeout=WAIT_MS)
    assert credited(page) == {"王书记": 0, "张甲": 20, "李乙": 20, "钱新": 0}
    assert len(study.activities_of_year(db, 2026)) == 1

    own = study.add_own_course(db, ctx.actor, branch["张甲"], ActivityData("online", "网络学院课程",
                                                                          date(2026, 4, 1), date(2026, 4, 1), 30))
    told: list[tuple[str, list[str]]] = []

    def shown(box: QMessageBox) -> int:  # the message read, then the proof's button pressed where there is one
        told.append((box.text(), [b.text() for b in box.buttons()]))
        for button in box.buttons():
            if button.text() == "打开证明材料":
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    page.open_activity(own.activity_id)
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS)
    assert "个人学习" in told[0][0] and "删除后重新记录" in told[0][0] and "打开证明材料" not in told[0][1]

    from partydesk.gui.pages import study as study_page
    proof = tmp_path / "结业证书.pdf"
    proof.write_bytes(b"%PDF-1.4 certificate")
    from partydesk.core.services import study_files
    sha = study_files.store_file(db.path, proof)
    with_proof = study.add_own_course(db, ctx.actor, branch["张甲"], ActivityData(
        "online", "党史专题课程", date(2026, 5, 1), date(2026, 5, 1), 20, evidence_sha=sha, evidence_name=proof.name))
    opened: list[object] = []
    monkeypatch.setattr(study_page, "open_with_system", lambda _parent, target: opened.append(target) or True)
    page.open_activity(with_proof.activity_id)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    assert "打开证明材料" in told[1][1]
    assert opened[0].name == "结业证书.pdf" and opened[0].read_bytes() == proof.read_bytes()  # type: ignore[union-attr]


def test_every_participant_name_is_shown_whole(qtbot: QtBot, ctx: AppContext, db: Database,
                                               branch: dict[str, str]) -> None:
    """李乙 first, 王书记 after: each name gets the room it needs (items sized alike from the first one cut
    三-character names to "…", and a secretary could not see who was ticked); a long minority name too."""
    add(db, "阿卜杜热合曼·买买提明", 8)
    dialog = StudyEditDialog(ctx, study.roll(db), rule_values(db), day=date(2026, 11, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.ui.participantList
    tick = view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    for i in range(view.count()):  # as wide as the check box and the whole name need
        item = view.item(i)
        needed = max(view.sizeHintForIndex(view.indexFromItem(item)).width(),
                     view.fontMetrics().horizontalAdvance(item.text()) + tick)
        assert min(view.visualItemRect(item).width(), view.gridSize().width() or needed) >= needed, item.text()


def test_ctrl_n_records_a_study_and_the_saved_record_is_chosen_in_the_list(
        qtbot: QtBot, ctx: AppContext, db: Database, branch: dict[str, str]) -> None:
    """Ctrl+N on 学习活动 opens a new record, as on the members and meetings pages; once saved, the record is chosen
    in the list and shown, so the office sees where it went, and the keyboard is on the list (Enter opens it
    again), not back in the search box it was in."""
    for day in range(1, 41):  # more records than the list shows at once
        held = date(2026, 1, 1) + timedelta(days=day)
        study.add_activity(db, LOCAL_USER, ActivityData("collective", f"学习{day}", held, held, 10),
                           participants={branch["张甲"]: None})
    page = open_page(qtbot, ctx)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT_MS)
    page.activities.search.setFocus()
    qtbot.keyClick(page.activities.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(page.dialog, StudyEditDialog) and page.dialog.isVisible(), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, StudyEditDialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.ui.topicEdit, timeout=WAIT_MS)  # typing goes there
    dialog.ui.topicEdit.setText("学习新修订的《中国共产党纪律处分条例》")
    dialog.ui.amountSpin.setValue(2)
    dialog.save()
    qtbot.waitUntil(lambda: len(page.activities.selected_ids()) == 1, timeout=WAIT_MS)
    (chosen,) = page.activities.selected_ids()
    row = page.activities.model.row_of(chosen)
    assert any(a.id == chosen and a.data.topic.startswith("学习新修订") for a in page.activities.model.all_rows())
    table = page.activities.table
    assert table.verticalScrollBar().maximum() > 0, "more records than the list shows at once"
    qtbot.waitUntil(lambda: 0 <= table.rowViewportPosition(row) < table.viewport().height(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.focusWidget() is table, timeout=WAIT_MS)  # once the window is active again
