"""A to-do opens where its work is done: a member due a talk opens a new talk with them ticked (two committee
members due to talk, a talk of the one with the other; many members due, the list of who is due), a member
behind on study hours their line of the 学时台账, a certificate coming due its line of 技能证书, a waiting
exchange conflict the review of the conflicts, an empty roll the roster import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from partydesk.core.checks.findings import Finding
from partydesk.core.storage.database import Database
from partydesk.gui import languages
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.sync_conflicts import ConflictDialog
from partydesk.gui.dialogs.talk_edit import TalkEditDialog
from partydesk.gui.pages.exchange import ExchangePage
from partydesk.gui.pages.meetings import MeetingsPage
from partydesk.gui.pages.study import CERT_TAB, LEDGER_TAB, StudyPage
from partydesk.gui.pages.workbench import WorkbenchPage
from tests.core.exchange.conftest import Sites, sites  # noqa: F401  (the fixture)
from tests.core.exchange.test_conflict_check import queue_a_conflict
from tests.gui.conftest import WAIT_MS
from tests.gui.test_workbench import TODAY, _window, demo_ctx  # noqa: F401  (the fixture)


def _open(page: WorkbenchPage, code: str) -> Finding:
    """Double-click (activate) the first to-do of ``code`` on the board."""
    finding = next(f for f in page.board.findings() if f.code == code)
    assert page.board.select(finding)
    item = page.board.tree.currentItem()
    page.board.tree.itemActivated.emit(item, 0)
    return finding


def test_a_member_due_a_talk_opens_a_new_talk_with_them(qtbot: QtBot, demo_ctx: AppContext) -> None:  # noqa: F811
    """“XXX尚无谈心谈话记录” opens the talks tab of 会议 with the new-talk dialog, that member ticked."""
    window, page = _window(qtbot, demo_ctx)
    finding = _open(page, "talk.none")
    assert window.current_page_id() == "meetings"
    meetings = window.page("meetings")
    assert isinstance(meetings, MeetingsPage) and meetings.current_tab() == "talks"
    dialog = meetings.talks.current_dialog()
    assert isinstance(dialog, TalkEditDialog) and dialog.record is None
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)  # the roll is read
    assert list(dialog.choices.checked_ids()) == [finding.subject]
    name = finding.message.split("尚无谈心谈话记录")[0]
    assert list(dialog.choices.checked_names()) == [name]
    dialog.reject()


def test_two_committee_members_due_to_talk_open_a_talk_of_the_one_with_the_other(
        qtbot: QtBot, demo_ctx: AppContext) -> None:  # noqa: F811
    """“支委甲与乙近12个月未相互谈心谈话” opens a new talk: 甲 talking, 乙 ticked (not 甲's record)."""
    window, page = _window(qtbot, demo_ctx)
    finding = _open(page, "talk.committee")
    first, second = finding.subject.split("|")
    meetings = window.page("meetings")
    assert isinstance(meetings, MeetingsPage) and meetings.current_tab() == "talks"
    dialog = meetings.talks.current_dialog()
    assert isinstance(dialog, TalkEditDialog) and dialog.record is None
    qtbot.waitUntil(lambda: dialog.save_button().isEnabled(), timeout=WAIT_MS)
    assert list(dialog.choices.checked_ids()) == [second]
    assert dialog.ui.byCombo.currentData() == first
    names = finding.message.removeprefix("支委").split("近")[0].split("与")
    assert (dialog.ui.byCombo.currentText(), list(dialog.choices.checked_names())) == (names[0], [names[1]])
    dialog.reject()


def test_a_certificate_coming_due_opens_its_line_of_the_certificates(qtbot: QtBot, demo_ctx: AppContext) -> None:  # noqa: F811
    """“XXX的“…”将于…到期” opens 学习 on 技能证书 with that certificate selected, even when a search hid it."""
    window, page = _window(qtbot, demo_ctx)
    finding = next(f for f in page.board.findings() if f.code in ("study.cert_expiring", "study.cert_expired"))
    study = window.show_page("study")
    assert isinstance(study, StudyPage)
    qtbot.waitUntil(lambda: study.data is not None, timeout=WAIT_MS)
    study.certifications.search.setText("没有这个人")
    study.certifications.apply_filters()
    window.show_page("workbench")
    _open(page, finding.code)
    assert window.current_page_id() == "study" and study.tabs.currentIndex() == CERT_TAB
    qtbot.waitUntil(lambda: study.certifications.selected_ids() == [finding.subject], timeout=WAIT_MS)
    [row] = study.certifications.selected_rows()
    assert finding.message.startswith(row[1]) and f"“{row[2].name}”" in finding.message


def test_a_member_behind_on_study_hours_opens_their_ledger_line(qtbot: QtBot, demo_ctx: AppContext) -> None:  # noqa: F811
    """“XXX2026年已完成学时 …” opens 学习 on the 学时台账 of 2026, that member's line selected."""
    window, page = _window(qtbot, demo_ctx)
    finding = _open(page, "study.behind")
    member_id = finding.subject.split("|")[0]
    assert window.current_page_id() == "study"
    study = window.page("study")
    assert isinstance(study, StudyPage)
    assert study.tabs.currentIndex() == LEDGER_TAB and study.year == 2026
    qtbot.waitUntil(lambda: study.ledger.selected_ids() == [member_id], timeout=WAIT_MS)
    [row] = study.ledger.selected_rows()
    assert finding.message.startswith(row.name)


def test_a_ledger_line_hidden_by_a_search_is_found_all_the_same(qtbot: QtBot, demo_ctx: AppContext) -> None:  # noqa: F811
    """The ledger searched for someone else: opening the to-do clears the search and selects the member."""
    window, page = _window(qtbot, demo_ctx)
    finding = next(f for f in page.board.findings() if f.code == "study.behind")
    study = window.show_page("study")
    assert isinstance(study, StudyPage)
    qtbot.waitUntil(lambda: study.data is not None, timeout=WAIT_MS)
    study.ledger.search.setText("没有这个人")
    study.ledger.apply_filters()
    assert study.ledger.model.rowCount() == 0
    window.show_page("workbench")
    _open(page, "study.behind")
    assert study.ledger.selected_ids() == [finding.subject.split("|")[0]]


def test_a_waiting_conflict_is_on_the_workbench_and_opens_the_review(
        qtbot: QtBot, sites: Sites, make_ctx: Callable[[Database], AppContext], app: QApplication) -> None:  # noqa: F811
    """A correction from above meets a local edit: the workbench lists the conflict as 注意; opening it goes
    to 数据交换 with the conflict review open on it."""
    queue_a_conflict(sites)
    ctx = make_ctx(sites.branch)
    languages.install_language(app, "zh_CN", ctx.hub)
    window, page = _window(qtbot, ctx)
    finding = next(f for f in page.board.findings() if f.code == "exchange.conflicts")
    assert finding.severity.label == "注意" and finding.message.startswith("有 1 条数据冲突等待处理")
    _open(page, "exchange.conflicts")
    assert window.current_page_id() == "exchange"
    exchange = window.page("exchange")
    assert isinstance(exchange, ExchangePage)
    dialog = exchange.findChild(ConflictDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=WAIT_MS)
    dialog.reject()


def test_an_empty_roll_opens_the_roster_import(qtbot: QtBot, ctx: AppContext) -> None:
    """A new branch file: “花名册中还没有在册党员…” is on the board and opening it starts the roster import."""
    from partydesk.gui.dialogs.import_wizard import ImportWizard

    window, page = _window(qtbot, ctx)
    _open(page, "roster.empty")
    assert window.current_page_id() == "members"
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(ImportWizard)), timeout=WAIT_MS)
    for wizard in window.findChildren(ImportWizard):
        wizard.reject()


def test_many_members_due_a_talk_open_the_list_of_who_is_due(qtbot: QtBot, ctx: AppContext) -> None:
    """“12 名党员超过12个月未开展谈心谈话” opens 会议 → 谈心谈话 on 应谈话党员, those 12 listed, ready to pick and
    record (not the roster, where no talk can be recorded)."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.domain.member import MemberData
    from partydesk.core.services.bulk import insert_members

    insert_members(ctx.db, LOCAL_USER, [
        MemberData(name=f"党员{i:02d}", gender="1", id_type="1", id_number=f"1101011990{i:04d}0011", category="1",
                   joined_on=date(1999, 1, 1), confirmed_on=date(2000, 1, 1)) for i in range(12)], today=TODAY)
    window, page = _window(qtbot, ctx)
    _open(page, "talk.none")
    meetings = window.page("meetings")
    assert window.current_page_id() == "meetings"
    assert isinstance(meetings, MeetingsPage) and meetings.current_tab() == "talks"
    talks = meetings.talks
    assert talks.stack.currentWidget() is talks.due_view and talks.due_button.isChecked()
    qtbot.waitUntil(lambda: talks.due_view.list.model.rowCount() == 12, timeout=WAIT_MS)


def test_back_from_a_member_opened_by_a_to_do_goes_back_to_the_workbench(
        qtbot: QtBot, demo_ctx: AppContext, app: QApplication) -> None:  # noqa: F811
    """A to-do about a member (连续缺席) opens the member's page; its back button says 返回工作台 and goes there;
    the same member opened from the roster goes back to the roster."""
    from partydesk.gui.pages.members import MembersPage

    languages.install_language(app, "zh_CN", demo_ctx.hub)
    window, page = _window(qtbot, demo_ctx)
    finding = _open(page, "meeting.absent_in_a_row")
    assert window.current_page_id() == "members"
    members = window.page("members")
    assert isinstance(members, MembersPage)
    detail = members.detail_page()
    qtbot.waitUntil(lambda: detail.member_id == finding.subject, timeout=WAIT_MS)
    assert detail.back_button.text() == "← 返回工作台"
    detail.back_button.click()
    assert window.current_page_id() == "workbench"
    window.show_page("members")
    assert members.stack.currentWidget() is members.roster_panel, "the roster for the next visit"
    members.open_member(finding.subject)
    assert detail.back_button.text() == "← 返回花名册"
    detail.back_button.click()
    assert window.current_page_id() == "members" and members.stack.currentWidget() is members.roster_panel
