"""The notices tab of the exchange page: a branch sees the committee's notice unread, opening it marks it
read, its file opens from a copy with the same bytes; a to-do's target opens the notice; the materials
library marks a material sent down."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from partydesk.core import attachments
from partydesk.core.changes import LOCAL_USER, ChangeKind, Changes
from partydesk.core.domain.notices import NoticeData, NoticeFile
from partydesk.core.domain.study_records import MaterialData
from partydesk.core.services import notices, study, study_files
from partydesk.core.services.sync_export import export_package
from partydesk.core.services.sync_import import import_package
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.notice_edit import NoticeEditDialog
from partydesk.gui.pages.exchange import ExchangePage
from partydesk.gui.pages.notices_panel import NoticesPanel
from partydesk.gui.pages.study import StudyPage
from tests.core.exchange.conftest import introduce, make_branch, make_committee
from tests.gui.test_member_edit import answer_question, press_enter_in_question

WAIT_MS = 10_000
PDF = b"%PDF-1.7 " + "党支部换届选举工作方案".encode() * 400


class Opened(QObject):
    """Catches the file URLs the page asks the system to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def notices_tab(qtbot: QtBot, ctx: AppContext, app: QApplication, count: int) -> tuple[ExchangePage, NoticesPanel]:
    """The exchange page in Chinese and its notices tab, once its list holds ``count`` notices."""
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    panel = page.notices
    qtbot.waitUntil(lambda: panel.list.model.total == count, timeout=WAIT_MS)
    return page, panel


@pytest.fixture
def branch_with_notices(tmp_path: Path) -> Iterator[Database]:
    """A branch that imported a package with two notices (one with a file and a deadline) and a material."""
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    branch = make_branch(tmp_path / "b" / "b.db", members=5)
    committee = make_committee(tmp_path / "c" / "c.db")
    introduce(branch, committee)
    source = tmp_path / "换届工作方案.pdf"
    source.write_bytes(PDF)
    put = attachments.put(attachments.store_root(committee.path), source)
    notices.add_notice(committee, LOCAL_USER, data=NoticeData(
        "关于做好党支部换届选举工作的通知", "各党支部：\n请于12月5日前报送换届工作方案。", date(2026, 11, 20),
        "中共示范街道工作委员会", date(2026, 12, 5)), files=[NoticeFile(put.sha256, put.name, put.mime, put.size)],
        to_all=True)
    notices.add_notice(committee, LOCAL_USER, data=NoticeData(
        "关于开展冬季送温暖活动的通知", "请各支部组织党员志愿者参加。", date(2026, 11, 25), "中共示范街道工作委员会"),
        to_all=True)
    sha = study_files.store_file(committee.path, source)
    study.add_material(committee, LOCAL_USER, MaterialData("换届选举工作手册", "换届", date(2026, 11, 1), sha,
                                                           source.name))
    notices.send_material(committee, LOCAL_USER, study.search_materials(committee)[0][0], to_all=True)
    sent = export_package(committee, LOCAL_USER, to_org_code="3301060012", out_dir=tmp_path)
    assert import_package(branch, LOCAL_USER, sent.path).status == "applied"
    committee.close()
    yield branch
    branch.close()


def test_notices_tab_shows_unread_marks_read_and_opens_the_file(
        qtbot: QtBot, branch_with_notices: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two unread notices in the tab title; opening one shows its text, marks it read, and opens its file;
    另存为 puts the file where the user chose, or says why not."""
    ctx = make_ctx(branch_with_notices)
    page, panel = notices_tab(qtbot, ctx, app, 2)
    assert page.tabs.tabText(1) == "通知（2 份未读）"
    assert [panel._state(n) for n in panel.list.model.all_rows()] == ["未读", "未读"]

    (target,) = [n for n in panel.list.model.all_rows() if n.files]
    page.open_target("notice", target.id)
    assert page.tabs.currentWidget() is panel
    assert "请于12月5日前报送换届工作方案" in panel.text.toPlainText()
    assert "2026-12-05" in panel.text.toPlainText()
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "通知（1 份未读）", timeout=WAIT_MS)
    assert [n.title for n in (r.data for r in notices.list_notices(branch_with_notices) if not r.unread)] == [
        target.data.title]

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        panel.open_file()
        qtbot.waitUntil(lambda: bool(opened.urls), timeout=WAIT_MS)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    copy = Path(opened.urls[0].toLocalFile())
    assert copy.name == "换届工作方案.pdf" and copy.read_bytes() == PDF

    desktop = tmp_path / "桌面"
    desktop.mkdir()
    assert panel.save_button.text() == "另存为…" and panel.save_button.isEnabled()
    panel.save_file(desktop / "换届工作方案.pdf")  # as chosen in the save dialog
    qtbot.waitUntil(lambda: bool(panel.saved_text), timeout=WAIT_MS)
    assert (desktop / "换届工作方案.pdf").read_bytes() == PDF and "换届工作方案.pdf" in panel.saved_text
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    panel.save_file(tmp_path / "没有这个文件夹" / "x.pdf")  # the stick pulled out meanwhile
    qtbot.waitUntil(lambda: bool(warned), timeout=WAIT_MS)
    assert "无法保存" in warned[0] and "没有这个文件夹" in warned[0]


def test_materials_sent_down_are_marked_in_the_library(
        qtbot: QtBot, branch_with_notices: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """The branch's materials library shows the committee's material as 上级下发."""
    ctx = make_ctx(branch_with_notices)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = StudyPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.materials.model.total >= 1, timeout=WAIT_MS)
    page.tabs.setCurrentWidget(page.materials)
    assert not page.send_material_button.isVisibleTo(page), "a branch sends nothing down"
    assert not page.earlier_button.isHidden()
    model = page.materials.model
    column = next(i for i in range(model.columnCount())
                  if model.headerData(i, Qt.Orientation.Horizontal) == "来源")
    titles = [row[1].title for row in model.shown_rows()]
    row = titles.index("换届选举工作手册")
    assert model.data(model.index(row, column)) == "上级下发"


@pytest.fixture
def committee_of_two(tmp_path: Path) -> Iterator[Database]:
    """A committee with two registered branches (east 3301060012, west 3301060013)."""
    from tests.core.exchange.test_notices import branch

    for name in ("c", "e", "w"):
        (tmp_path / name).mkdir()
    committee = make_committee(tmp_path / "c" / "c.db")
    east = branch(tmp_path / "e" / "e.db", "3301060012", "中共示范街道幸福社区第一支部委员会", 1)
    west = branch(tmp_path / "w" / "w.db", "3301060013", "中共示范街道幸福社区第二支部委员会", 2)
    introduce(east, committee)
    introduce(west, committee)
    east.close()
    west.close()
    yield committee
    committee.close()


def test_a_committee_writes_a_notice_to_the_branches_it_ticks(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication, tmp_path: Path) -> None:
    """Write → untick "all", nothing ticked: refused with a reason; tick the west branch, add a file, publish:
    the notice is addressed to the west branch only and its file is in the store."""
    ctx = make_ctx(committee_of_two)
    languages.install_language(app, "zh_CN", ctx.hub)
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    panel = page.notices
    qtbot.waitUntil(lambda: panel.write_button.isVisibleTo(panel), timeout=WAIT_MS)
    assert panel.write_button.text() == "发布通知…"
    assert panel.list.empty.label.text().startswith("还没有通知。点“发布通知…”")  # the committee writes them
    dialog = NoticeEditDialog(ctx, panel.branches, issuer=panel.office, today=date(2026, 11, 30), parent=panel)
    qtbot.addWidget(dialog)
    assert dialog.ui.issuerEdit.text() == "中共示范街道工作委员会"
    assert dialog.ui.targetList.count() == 2 and not dialog.ui.targetList.isEnabled()
    # 全部: every branch shows ticked (not a greyed list of empty boxes); unticked, as before it was ticked.
    assert all(dialog.ui.targetList.item(i).checkState() == Qt.CheckState.Checked for i in range(2))
    dialog.ui.titleEdit.setText("关于报送年度工作总结的通知")
    dialog.ui.bodyEdit.setPlainText("请于12月15日前报送。")
    dialog.ui.allCheck.setChecked(False)
    assert dialog.ui.targetList.isEnabled()
    assert all(dialog.ui.targetList.item(i).checkState() == Qt.CheckState.Unchecked for i in range(2))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisibleTo(dialog), timeout=WAIT_MS)
    assert "请选择要下发到的党组织" in dialog.ui.errorLabel.text()

    source = tmp_path / "总结提纲.docx"
    source.write_bytes(b"PK outline " * 50)
    assert not dialog.ui.removeFileButton.isEnabled()  # nothing to remove
    dialog.add_files([str(source), str(source)])
    assert dialog.ui.filesList.count() == 1
    dialog.ui.filesList.setCurrentRow(0)
    assert dialog.ui.removeFileButton.isEnabled()
    west = next(i for i in range(2) if dialog.ui.targetList.item(i).data(Qt.ItemDataRole.UserRole) == "3301060013")
    dialog.ui.targetList.item(west).setCheckState(Qt.CheckState.Checked)
    assert not dialog.ui.errorLabel.isVisibleTo(dialog), "a branch ticked: the message about none is gone"
    asked: list[str] = []
    answer_question("publishButton", asked)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.save()
    assert asked == ["确定向中共示范街道幸福社区第二支部委员会发布通知《关于报送年度工作总结的通知》吗？"]
    (written,) = notices.list_notices(committee_of_two)
    assert (written.data.title, written.targets, written.data.issued) == (
        "关于报送年度工作总结的通知", ("3301060013",), date(2026, 11, 30))
    (file,) = written.files
    stored = attachments.path_of(attachments.store_root(committee_of_two.path), file.sha256)
    assert stored.read_bytes() == source.read_bytes()
    qtbot.waitUntil(lambda: panel.list.model.total == 1, timeout=WAIT_MS)
    panel.list.select_id(written.id)
    lines = panel.text.toPlainText().splitlines()  # for whom, by name, and how far it got: not "sent"
    assert lines[2:4] == ["发送情况：", "  中共示范街道幸福社区第二支部委员会：尚未导出，随下次导出的数据包送达"], lines
    # The list says to whom each went: the branch by its short name (whole in the tooltip), or all of them.
    model = panel.list.model
    to = next(c for c, column in enumerate(model.columns) if column.key == "to")
    assert model.headerData(to, Qt.Orientation.Horizontal) == "发往"
    assert model.index(0, to).data() == "第二支部"
    assert model.index(0, to).data(Qt.ItemDataRole.ToolTipRole) == "中共示范街道幸福社区第二支部委员会"
    notices.add_notice(committee_of_two, LOCAL_USER, data=NoticeData(title="关于开展主题党日的通知", body="",
                                                                      issued=date(2026, 12, 1)),
                       files=[], to=[], to_all=True)
    ctx.hub.changed.emit(Changes.of(ChangeKind.NOTICE))
    qtbot.waitUntil(lambda: model.total == 2, timeout=WAIT_MS)
    shown = {model.index(row, 2).data(): model.index(row, to).data() for row in range(2)}
    assert shown == {"关于报送年度工作总结的通知": "第二支部", "关于开展主题党日的通知": "全部支部（2）"}


def notice_form(qtbot: QtBot, ctx: AppContext, app: QApplication) -> NoticeEditDialog:
    """The committee's notice form for two branches, in Chinese, shown."""
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = NoticeEditDialog(ctx, [("3301060012", "东"), ("3301060013", "西")], issuer="中共示范街道工作委员会",
                              today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_after_the_title_publishes_nothing(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """A title typed and Enter pressed moves on to the next field; 发布 on a notice with no text and no file
    asks with 返回修改 as the default, so Enter there publishes nothing either. Only 发布 clicked publishes."""
    dialog = notice_form(qtbot, make_ctx(committee_of_two), app)
    dialog.ui.titleEdit.setFocus()
    qtbot.keyClicks(dialog.ui.titleEdit, "Notice")
    qtbot.keyClick(dialog.ui.titleEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and notices.list_notices(committee_of_two) == []
    assert dialog.focusWidget() is dialog.ui.issuerEdit
    dialog.deadline.setFocus()
    qtbot.keyClicks(dialog.deadline, "2026-12-20")
    qtbot.keyClick(dialog.deadline, Qt.Key.Key_Return)  # the date is read, and nothing is published
    assert dialog.isVisible() and notices.list_notices(committee_of_two) == []
    assert dialog.deadline.value() == date(2026, 12, 20) and dialog.focusWidget() is not dialog.deadline
    seen: list[str] = []
    press_enter_in_question(qtbot, seen, QMessageBox.informativeText)  # its default answer
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert seen and seen[0].startswith("通知没有正文，也没有附件。")
    assert dialog.isVisible() and notices.list_notices(committee_of_two) == []
    assert "全部 2 个已登记的下级党组织" in dialog.publish_question(dialog_data(dialog))[0]
    answer_question("publishButton", seen)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert [n.data.title for n in notices.list_notices(committee_of_two)] == ["Notice"]


def test_the_form_does_not_move_when_a_date_message_goes(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """A wrong deadline's message makes the form taller; typing the date again takes it away, and the branch
    list is back where it was (it used to slide down under the pointer by the message's height)."""
    from PySide6.QtCore import QPoint

    ctx = make_ctx(committee_of_two)
    languages.install_language(app, "zh_CN", ctx.hub)
    dialog = NoticeEditDialog(ctx, [("3301060012", "东"), ("3301060013", "西")], today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def where() -> QPoint:
        QApplication.processEvents()
        return dialog.ui.targetList.mapTo(dialog, QPoint(0, 0))

    before = where()
    dialog.deadline.setText("2026-02-30")
    assert not dialog.deadline.check() and dialog.ui.errorLabel.isVisibleTo(dialog)
    assert where() == before, "the message goes below the form, which stays put"
    dialog.deadline.setFocus()
    qtbot.keyClick(dialog.deadline, Qt.Key.Key_Backspace)  # typed again: the message goes
    assert dialog.ui.errorLabel.isHidden()
    assert where() == before


def dialog_data(dialog: object) -> NoticeData:
    """What the notice form holds, as published."""
    ui = dialog.ui  # type: ignore[attr-defined]
    return NoticeData(ui.titleEdit.text(), ui.bodyEdit.toPlainText(), date(2026, 11, 30), ui.issuerEdit.text(), None)


def test_a_committee_withdraws_a_notice_it_sent_with_a_reason(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication, tmp_path: Path) -> None:
    """Select our notice → 撤回… (on only for our own, live notice) → the reason is required → the row reads
    已撤回, the text starts with the reason and 撤回… is off again."""
    from partydesk.gui.dialogs.notice_withdraw import NoticeWithdrawDialog

    sent = notices.add_notice(committee_of_two, LOCAL_USER, data=NoticeData(
        "关于报送年度工作总结的通知", "请于12月15日前报送。", date(2026, 11, 20), "中共示范街道工作委员会"),
        to_all=True).notice_id
    ctx = make_ctx(committee_of_two)
    _page, panel = notices_tab(qtbot, ctx, app, 1)
    assert panel.withdraw_button.isVisibleTo(panel) and not panel.withdraw_button.isEnabled()
    panel.open_notice(sent)
    assert panel.withdraw_button.isEnabled() and panel.withdraw_button.text() == "撤回…"
    dialog = NoticeWithdrawDialog(ctx, sent, "关于报送年度工作总结的通知", parent=panel)
    qtbot.addWidget(dialog)
    assert "关于报送年度工作总结的通知" in dialog.question.text() and not dialog.ok_button().isEnabled()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.reason_edit.setFocus()
    dialog.reason_edit.setText("截止日期有误，另行通知")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # ends the line: neither withdraws nor throws it away
    assert dialog.isVisible() and dialog.reason() == "截止日期有误，另行通知"
    assert not notices.list_notices(committee_of_two)[0].withdrawn
    with qtbot.waitSignal(dialog.withdrawn, timeout=WAIT_MS):
        dialog.ok_button().click()
    qtbot.waitUntil(lambda: panel.current() is not None and panel.current().withdrawn, timeout=WAIT_MS)
    model = panel.list.model
    assert model.data(model.index(0, 0)) == "已撤回"
    assert panel.text.toPlainText().splitlines()[3].startswith("【本通知已于")
    assert not panel.withdraw_button.isEnabled()


def test_publishing_with_no_title_says_so_and_goes_back_to_the_title(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """发布 with the title empty: the message shows and the cursor is back in the title box, not on 取消 (where
    Enter would close the form and lose the text typed)."""
    dialog = notice_form(qtbot, make_ctx(committee_of_two), app)
    dialog.ui.bodyEdit.setPlainText("请各支部于12月20日前报送。")
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.text() == "请填写通知标题。", timeout=WAIT_MS)
    assert dialog.focusWidget() is dialog.ui.titleEdit and save.isEnabled()
    assert dialog.isVisible() and notices.list_notices(committee_of_two) == []


def test_sixty_branches_are_found_by_code_or_name_and_stay_ticked_when_hidden(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """A street's sixty branches: the list gets a search box and room for nine rows; typing 西溪 leaves its
    branches, a tick given there stays when the search is cleared; two branches get no search box."""
    languages.install_language(app, "zh_CN", make_ctx(committee_of_two).hub)
    many = [(f"33010600{n:02d}", f"中共示范街道{'西溪' if n % 10 == 0 else '幸福'}社区第{n}支部委员会")
            for n in range(60)]
    dialog = NoticeEditDialog(make_ctx(committee_of_two), many, today=date(2026, 11, 30))
    qtbot.addWidget(dialog)
    dialog.ui.allCheck.setChecked(False)
    dialog.show()
    search, targets = dialog.target_search, dialog.ui.targetList
    assert search is not None and search.isVisible() and search.placeholderText() == "搜索组织代码或名称"
    assert targets.height() >= targets.fontMetrics().lineSpacing() * 9
    search.setText("西溪")
    shown = [targets.item(r) for r in range(targets.count()) if not targets.item(r).isHidden()]
    assert len(shown) == 6 and all("西溪" in item.text() for item in shown)
    shown[0].setCheckState(Qt.CheckState.Checked)
    search.setText("3301060059")
    assert [targets.item(r).text() for r in range(targets.count()) if not targets.item(r).isHidden()] == [
        "3301060059  中共示范街道幸福社区第59支部委员会"]
    search.clear()
    assert dialog.ticked() == ["3301060000"]
    assert notice_form(qtbot, make_ctx(committee_of_two), app).target_search is None


def test_a_committee_sees_which_branches_have_read_its_notice(
        qtbot: QtBot, make_ctx: Callable[[Database], AppContext], app: QApplication, tmp_path: Path) -> None:
    """The east branch opened the notice and its package brought the receipt: the list reads 已读 1/2; the west
    branch then marks it done: 已办理 1/2, and the text names east as read and west as done (each with when)."""
    from tests.core.exchange.test_notices import branch

    for name in ("c", "e", "w", "stick"):
        (tmp_path / name).mkdir()
    committee = make_committee(tmp_path / "c" / "c.db")
    east = branch(tmp_path / "e" / "e.db", "3301060012", "中共示范街道幸福社区第一支部委员会", 1)
    west = branch(tmp_path / "w" / "w.db", "3301060013", "中共示范街道幸福社区第二支部委员会", 2)
    try:
        introduce(east, committee)
        introduce(west, committee)
        data = NoticeData("关于报送年度工作总结的通知", "请报送。", date(2026, 11, 20), "中共示范街道工作委员会")
        sent = notices.add_notice(committee, LOCAL_USER, data=data, to_all=True).notice_id
        for code, db in (("3301060012", east), ("3301060013", west)):
            down = export_package(committee, LOCAL_USER, to_org_code=code, out_dir=tmp_path / "stick").path
            assert import_package(db, LOCAL_USER, down).status == "applied"
        notices.mark_read(east, LOCAL_USER, sent)
        up = export_package(east, LOCAL_USER, to_org_code="1000", out_dir=tmp_path / "stick").path
        assert import_package(committee, LOCAL_USER, up).status == "applied"
        _page, panel = notices_tab(qtbot, make_ctx(committee), app, 1)
        model = panel.list.model
        assert model.data(model.index(0, 0)) == "已读 1/2"
        notices.mark_done(west, LOCAL_USER, sent)  # the west branch: done (and so read)
        up = export_package(west, LOCAL_USER, to_org_code="1000", out_dir=tmp_path / "stick").path
        assert import_package(committee, LOCAL_USER, up).status == "applied"
        panel.reload()
        qtbot.waitUntil(lambda: model.data(model.index(0, 0)) == "已办理 1/2", timeout=WAIT_MS)
        panel.open_notice(sent)
        lines = panel.text.toPlainText().splitlines()
        assert lines[2] == "发送情况："
        assert lines[3].startswith("  中共示范街道幸福社区第一支部委员会：已读（"), lines
        assert lines[3].endswith(" 打开）"), lines
        assert lines[4].startswith("  中共示范街道幸福社区第二支部委员会：已办理（"), lines
        assert lines[4].endswith(" 标记）"), lines
    finally:
        for db in (committee, east, west):
            db.close()


def test_tab_in_the_notice_text_moves_on_and_types_nothing(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """正文 is many lines, but Tab leaves it for the files and the branches, as in every other field: with
    Tab typing a tab character there, 发布 could not be reached from the keyboard."""
    dialog = notice_form(qtbot, make_ctx(committee_of_two), app)
    dialog.ui.bodyEdit.setFocus()
    qtbot.waitUntil(dialog.ui.bodyEdit.hasFocus)
    qtbot.keyClicks(dialog.ui.bodyEdit, "Report")
    qtbot.keyClick(dialog.ui.bodyEdit, Qt.Key.Key_Tab)
    assert dialog.ui.bodyEdit.toPlainText() == "Report"
    assert not dialog.ui.bodyEdit.hasFocus()


def test_a_notice_just_published_is_shown_with_where_it_goes(
        qtbot: QtBot, committee_of_two: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication) -> None:
    """发布通知… → publish: the new notice is selected and its text shown (the pane stayed empty before)."""
    ctx = make_ctx(committee_of_two)
    _page, panel = notices_tab(qtbot, ctx, app, 0)
    panel.write_notice()
    dialog = panel.findChild(NoticeEditDialog)
    assert dialog is not None
    dialog.ui.titleEdit.setText("关于报送年度工作总结的通知")
    dialog.ui.bodyEdit.setPlainText("请于12月15日前报送。")
    answer_question("publishButton", [])
    dialog.save()
    qtbot.waitUntil(lambda: panel.current() is not None, timeout=WAIT_MS)
    assert panel.current().data.title == "关于报送年度工作总结的通知"  # type: ignore[union-attr]
    assert panel.text.toPlainText().startswith("关于报送年度工作总结的通知\n")


def test_a_branch_marks_a_notice_done_after_being_asked(
        qtbot: QtBot, branch_with_notices: Database, make_ctx: Callable[[Database], AppContext],
        app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """已办理… on a received notice asks first (No does nothing); Yes marks it: the row reads 已办理, the text says
    when and that the committee will see it, and the button is off for it."""
    ctx = make_ctx(branch_with_notices)
    _page, panel = notices_tab(qtbot, ctx, app, 2)
    assert panel.done_button.isVisibleTo(panel) and panel.done_button.text() == "标为已办理…"
    assert not panel.done_button.isEnabled(), "nothing selected"
    (target,) = [n for n in panel.list.model.all_rows() if n.data.deadline is not None]
    panel.open_notice(target.id)
    assert panel.done_button.isEnabled()
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *_a: asked.append(text) or answers.pop(0))
    panel.done_button.click()
    assert ctx.runner.wait_idle(WAIT_MS)
    assert all(n.done_at is None for n in notices.list_notices(branch_with_notices)), "No: nothing marked"
    panel.done_button.click()
    qtbot.waitUntil(lambda: panel.current() is not None and panel.current().done_at is not None, timeout=WAIT_MS)
    assert asked[0].startswith("《关于做好党支部换届选举工作的通知》要求的事项本单位已经办完了吗？")
    model = panel.list.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == target.data.title)
    assert model.index(row, 0).data() == "已办理"
    assert "标为已办理；下一次报送的数据包会告诉上级党委。" in panel.text.toPlainText()
    assert not panel.done_button.isEnabled()
