"""Counting a meeting as study from the GUI, the study page's refresh by id, and its committee mode."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.study_records import ActivityData
from partydesk.core.services import meetings, members, study
from partydesk.core.storage.database import Database
from partydesk.core.storage.meeting_repo import ABSENT, PRESENT, MeetingData
from partydesk.core.storage.study_tables import StudyActivity
from partydesk.core.storage.tables import Member, Organisation
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.study_meeting import CountMeetingDialog
from partydesk.gui.operations import study as study_ops
from partydesk.gui.pages.meetings import MeetingsPage
from tests.gui.conftest import WAIT_MS
from tests.gui.test_study_page import add, credited, open_page

TODAY = date(2026, 11, 30)


@pytest.fixture
def branch(db: Database) -> dict[str, str]:
    ids = {"王书记": add(db, "王书记", 1, post="书记"), "张甲": add(db, "张甲", 2), "李乙": add(db, "李乙", 3)}
    held = meetings.add_meeting(db, LOCAL_USER, MeetingData("lecture", "党课：坚定理想信念", date(2026, 11, 6),
                                                            start_time="14:30", end_time="16:30"),
                                statuses={ids["王书记"]: PRESENT, ids["张甲"]: PRESENT, ids["李乙"]: ABSENT})
    ids["党课"] = held.meeting_id
    ids["支委会"] = meetings.add_meeting(db, LOCAL_USER, MeetingData("committee", "研究发展党员", date(2026, 11, 3)),
                                      statuses={ids["王书记"]: PRESENT}).meeting_id
    return ids


def open_meetings(qtbot: QtBot, ctx: AppContext) -> MeetingsPage:
    page = MeetingsPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitUntil(lambda: page.list_row_count() == 2, timeout=WAIT_MS)
    return page


def test_count_a_lecture_from_the_meetings_page(qtbot: QtBot, ctx: AppContext, branch: dict[str, str]) -> None:
    """计为学习 is on for an uncounted 党课, off for a 支委会; counting credits those present, then it is off."""
    study_page = open_page(qtbot, ctx)
    assert credited(study_page) == {"王书记": 0, "张甲": 0, "李乙": 0}
    page = open_meetings(qtbot, ctx)
    button = page.study_button
    assert page.list_panel.select_id(branch["支委会"])
    qtbot.waitUntil(lambda: button.line is None, timeout=WAIT_MS)
    assert not button.isEnabled()
    assert page.list_panel.select_id(branch["党课"])
    qtbot.waitUntil(button.isEnabled, timeout=WAIT_MS)
    button.click()
    dialog = button.dialog
    assert isinstance(dialog, CountMeetingDialog)
    qtbot.waitUntil(lambda: dialog.selected() is not None, timeout=WAIT_MS)
    assert dialog.tenths() == 20  # 14:30–16:30: two hours of branch study
    dialog.hours.setValue(2.5)
    dialog.count_button.click()
    qtbot.waitUntil(lambda: credited(study_page)["张甲"] == 25, timeout=WAIT_MS)
    assert credited(study_page) == {"王书记": 25, "张甲": 25, "李乙": 0}
    qtbot.waitUntil(lambda: button.counted is True, timeout=WAIT_MS)
    assert not button.isEnabled() and button.text() == "已计入学习"


def test_the_study_page_dialog_refuses_a_second_count(qtbot: QtBot, ctx: AppContext, db: Database,
                                                     branch: dict[str, str]) -> None:
    """The pick-a-meeting dialog lists the year's qualifying meetings; a counted one says so in Chinese."""
    study.count_meeting(db, LOCAL_USER, branch["党课"], hours_tenths=20)
    page = open_page(qtbot, ctx)
    page.open_count_dialog()
    dialog = page.dialog
    assert isinstance(dialog, CountMeetingDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    assert dialog.list.model.total == 1  # the 支委会 is not study
    assert dialog.list.model.rowCount() == 0  # 未计入 only, by default
    combo = dialog.list.findChild(QComboBox, "countedFilter")
    combo.setCurrentIndex(1)
    assert dialog.list.select_id(branch["党课"])
    assert "已计入" in dialog.list.model.data(dialog.list.model.index(0, 4))
    dialog.count()
    assert "不能重复" in dialog.note.text()
    assert credited(page)["张甲"] == 20


def test_the_study_page_dialog_counts_one_meeting_after_another(qtbot: QtBot, ctx: AppContext, db: Database,
                                                                branch: dict[str, str]) -> None:
    """One meeting chosen at a time (each has its own hours); after counting it the dialog stays open on the
    next one still to count, saying what was done, until none is left."""
    day = meetings.add_meeting(db, LOCAL_USER, MeetingData("theme_day", "重温入党誓词", date(2026, 11, 15)),
                               statuses={branch["张甲"]: PRESENT, branch["李乙"]: PRESENT}).meeting_id
    page = open_page(qtbot, ctx)
    page.open_count_dialog()
    dialog = page.dialog
    assert isinstance(dialog, CountMeetingDialog)
    qtbot.waitUntil(lambda: dialog.list.model.rowCount() == 2, timeout=WAIT_MS)
    assert dialog.list.table.selectionMode() == dialog.list.table.SelectionMode.SingleSelection
    assert dialog.list.select_id(branch["党课"])
    dialog.count()
    qtbot.waitUntil(lambda: dialog.counted == 1, timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.note.text().startswith("已把“党课：坚定理想信念”计入学时")
    assert [m.id for m in dialog.list.model.shown_rows()] == [day] and dialog.selected() is not None
    assert dialog.selected().id == day  # type: ignore[union-attr]
    dialog.count()
    qtbot.waitUntil(lambda: dialog.counted == 2, timeout=WAIT_MS)
    assert dialog.list.model.rowCount() == 0 and dialog.selected() is None and not dialog.count_button.isEnabled()
    qtbot.waitUntil(lambda: credited(page)["李乙"] > 0, timeout=WAIT_MS)  # absent from the 党课, at the 主题党日
    assert credited(page)["张甲"] > credited(page)["李乙"] and credited(page)["王书记"] == 20
    dialog.reject()


def test_an_edit_refreshes_its_rows_without_reading_the_year(qtbot: QtBot, ctx: AppContext, db: Database,
                                                             branch: dict[str, str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A new activity and a deletion update the activity list and the ledger rows by id, no full read."""
    page = open_page(qtbot, ctx)
    full_reads: list[int] = []
    real = study_ops.load_year
    monkeypatch.setattr(study_ops, "load_year", lambda *a, **k: (full_reads.append(a[2]), real(*a, **k))[1])
    added = study.add_activity(db, LOCAL_USER, ActivityData("collective", "学习党章", date(2026, 11, 20),
                                                            date(2026, 11, 20), 30),
                               participants={branch["李乙"]: None})
    order = [r.name for r in page.ledger.model.all_rows()]
    ctx.hub.changed.emit(added.changes)
    qtbot.waitUntil(lambda: credited(page)["李乙"] == 30, timeout=WAIT_MS)
    assert [r.name for r in page.ledger.model.all_rows()] == order  # rows replaced where they stand
    assert page.activities.model.total == 1 and page.data is not None and len(page.data.activities) == 1
    ctx.hub.changed.emit(study.delete_activity(db, LOCAL_USER, added.activity_id))
    qtbot.waitUntil(lambda: credited(page)["李乙"] == 0, timeout=WAIT_MS)
    assert page.activities.model.total == 0
    assert full_reads == []
    ctx.hub.changed.emit(members.delete_member(db, LOCAL_USER, member_id=branch["李乙"], reason="录入错误"))
    qtbot.waitUntil(lambda: "李乙" not in credited(page), timeout=WAIT_MS)
    assert full_reads == []


def test_a_committee_file_shows_branches(qtbot: QtBot, ctx: AppContext, db: Database,
                                         branch: dict[str, str]) -> None:
    """With records of two organisations the lists get a 支部 column and a branch filter."""
    page = open_page(qtbot, ctx)
    assert page.ledger.table.isColumnHidden(0)
    other = add(db, "赵丙", 9)
    added = study.add_activity(db, LOCAL_USER, ActivityData("collective", "二支部学习", date(2026, 10, 9),
                                                            date(2026, 10, 9), 20), participants={other: None})
    with db.write(LOCAL_USER, action="test.other_branch") as session:
        org = Organisation(code="1002", name="中共示例社区第二支部委员会", org_type="党支部")
        session.add(org)
        session.flush()
        second = org.id
        session.execute(update(Member).where(Member.id == other).values(org_id=second))
        session.execute(update(StudyActivity).where(StudyActivity.id == added.activity_id).values(org_id=second))
    page.reload()
    qtbot.waitUntil(lambda: not page.ledger.table.isColumnHidden(0), timeout=WAIT_MS)
    model = page.ledger.model
    shown = {model.data(model.index(r, 1)): model.data(model.index(r, 0)) for r in range(model.rowCount())}
    # As a table shortens them, less the 示例社区 both names begin with (``short_names``).
    assert shown["赵丙"] == "第二支部" and shown["张甲"] == "第一支部"
    assert page.branch_filter.isVisible() and page.branch_filter.combo.count() == 3  # 全部支部 and the two
    assert page.branch_filter.set_current(second)
    assert [r.name for r in model.shown_rows()] == ["赵丙"]
    activities = page.activities.model
    assert [activities.data(activities.index(r, 0)) for r in range(activities.rowCount())] == ["第二支部"]
    assert activities.data(activities.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "中共示例社区第二支部委员会"
    assert page.branch_filter.set_current(None)
    assert len(model.shown_rows()) == 4 and activities.rowCount() == 1


def test_a_person_on_two_branches_rolls_is_said_in_the_summary(qtbot: QtBot, ctx: AppContext, db: Database,
                                                               branch: dict[str, str]) -> None:
    """At a committee, a person on two branches' rolls (a transfer under way) is two ledger rows: the summary
    says how many of its members are such a second entry, and says nothing when there is none."""
    page = open_page(qtbot, ctx)
    other = add(db, "赵丙", 9)
    with db.read() as session:
        number = session.execute(select(Member.id_number).where(Member.id == branch["张甲"])).scalar_one()
    with db.write(LOCAL_USER, action="test.other_branch") as session:
        org = Organisation(code="1002", name="中共示例社区第二支部委员会", org_type="党支部")
        session.add(org)
        session.flush()
        session.execute(update(Member).where(Member.id == other).values(org_id=org.id))
    page.reload()
    qtbot.waitUntil(lambda: not page.ledger.table.isColumnHidden(0), timeout=WAIT_MS)
    source = " The members include {count} entries of a person counted again on another branch's roll."
    opening = page.tr(source).split("{count}")[0].strip()  # in whichever language an earlier test left installed
    assert opening and opening not in page.summary.text()
    with db.write(LOCAL_USER, action="test.same_person") as session:
        session.execute(update(Member).where(Member.id == other).values(id_number=number))
    page.reload()
    said = page.tr(source).format(count=1)
    qtbot.waitUntil(lambda: page.summary.text().endswith(said), timeout=WAIT_MS)
