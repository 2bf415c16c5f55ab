"""The roster export flow: hidden numbers by default, full numbers only after a warning, errors as messages.

The questions are real QMessageBoxes answered through their buttons; QFileDialog and QDesktopServices
static methods are patched, so no test waits for a user or opens a file manager.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from partydesk.core.changes import LOCAL_USER
from partydesk.core.domain.idnumber import check_char
from partydesk.core.domain.member import MemberData
from partydesk.core.errors import DiskFullError
from partydesk.core.services import members
from partydesk.core.services.audit import list_entries
from partydesk.core.services.bulk import insert_members
from partydesk.gui.context import AppContext
from partydesk.gui.dialogs.export_layout import ExportLayoutDialog
from partydesk.gui.dialogs.roster_export import RosterExport, default_file_name, export_roster_dialog
from partydesk.gui.operations import roster_files
from tests.gui.conftest import WAIT_MS

FIRST17 = "11010519800304001"
ID_NUMBER = FIRST17 + check_char(FIRST17)
PHONE = "13800138000"
ID_COLUMN = 7  # 公民身份号码 in the exported sheet (1-based)
FIRST_DATA_ROW = 4


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """A shown window for the boxes to belong to."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def one_member(ctx: AppContext) -> AppContext:
    """The branch with one member who has an ID number and a phone."""
    insert_members(ctx.db, LOCAL_USER, [MemberData(
        name="张建国", gender="1", id_type="1", id_number=ID_NUMBER, category="1", joined_on=date(2005, 7, 1),
        confirmed_on=date(2006, 7, 1), phone=PHONE)])
    return ctx


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[str]]:
    """QFileDialog.getSaveFileName answers tmp_path/花名册 (no suffix); the list collects the offered names."""
    offered: list[str] = []

    def ask(_parent: object, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / "花名册"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    yield offered


def keep_layout(_dialog: ExportLayoutDialog) -> None:
    """Leave the layout question as it opens (完整版 unless a previous export chose otherwise)."""


LAYOUT_CHOICE: Callable[[ExportLayoutDialog], None] = keep_layout


def answer(*object_names: str) -> list[str]:
    """Accept the layout question, then click the named buttons of the next message boxes; returns box texts."""
    texts: list[str] = []
    pending = list(object_names)

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, ExportLayoutDialog) and box.isVisible():
            LAYOUT_CHOICE(box)
            box.ok_button.click()
            QTimer.singleShot(10, press)
            return
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(10, press)
            return
        texts.append(box.text() + "\n" + box.informativeText())
        name = pending.pop(0)
        button = box.findChild(QPushButton, name) if name != "cancel" else box.button(
            QMessageBox.StandardButton.Cancel)
        assert button is not None, (name, [b.text() for b in box.buttons()])
        button.click()
        if pending:
            QTimer.singleShot(10, press)

    QTimer.singleShot(0, press)
    return texts


def run(ctx: AppContext, parent: QWidget, *buttons: str) -> tuple[RosterExport, list[str]]:
    """Start the flow answering the questions with ``buttons``; wait for the DB lane. The flow and box texts."""
    texts = answer(*buttons)
    flow = export_roster_dialog(ctx, parent)
    assert ctx.runner.wait_idle(WAIT_MS)
    return flow, texts


def exported_id(path: Path) -> str:
    """The ID number cell of the first member in an exported workbook."""
    sheet = openpyxl.load_workbook(path).active
    return str(sheet.cell(FIRST_DATA_ROW, ID_COLUMN).value)


def test_export_writes_hidden_numbers_by_default(qtbot: QtBot, one_member: AppContext, parent: QWidget,
                                                 save_as: list[str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The default answer hides ID numbers; the suggested name is <branch>党员花名册-YYYYMMDD.xlsx."""
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    flow, texts = run(one_member, parent, "maskedButton")
    assert Path(save_as[0]).name == f"中共示例社区第一支部委员会党员花名册-{date.today():%Y%m%d}.xlsx"
    assert "完整版可以再次导入" in texts[0], "the question speaks of what 完整版 is for"
    target = tmp_path / "花名册.xlsx"
    assert target.exists(), "the .xlsx suffix is added"
    shown = exported_id(target)
    assert "*" in shown and shown != ID_NUMBER
    box = flow.box
    assert box is not None and box.isVisible() and str(target) in box.text()
    box.findChild(QPushButton, "openFolderButton").click()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]


def test_enter_on_the_first_question_chooses_hidden_numbers(qtbot: QtBot, one_member: AppContext, parent: QWidget,
                                                            save_as: list[str], tmp_path: Path) -> None:
    """Pressing Enter takes the recommended answer."""

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, ExportLayoutDialog) and box.isVisible():
            box.ok_button.click()
            QTimer.singleShot(10, press_enter)
            return
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press_enter)
            return
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    export_roster_dialog(one_member, parent)
    assert one_member.runner.wait_idle(WAIT_MS)
    assert "*" in exported_id(tmp_path / "花名册.xlsx")


def test_full_numbers_are_written_only_after_the_warning_is_confirmed(
        qtbot: QtBot, one_member: AppContext, parent: QWidget, save_as: list[str], tmp_path: Path) -> None:
    """完整号码 asks again with a personal-data warning: Cancel writes nothing, confirming writes full IDs."""
    _flow, texts = run(one_member, parent, "fullButton", "cancel")
    assert save_as == [], "no file was even asked for"
    assert not (tmp_path / "花名册.xlsx").exists()
    warning = QCoreApplication.translate("RosterExport", "This is personal data. Keep the file safe, do not send it "
                                         "through chat apps or leave it on a shared computer or USB stick, and "
                                         "delete it when you no longer need it.")
    assert warning in texts[1]

    assert [e.action for e in list_entries(one_member.db, LOCAL_USER)].count("export.unmasked") == 0
    run(one_member, parent, "fullButton", "confirmFullButton")
    assert exported_id(tmp_path / "花名册.xlsx") == ID_NUMBER
    entry = list_entries(one_member.db, LOCAL_USER, limit=1)[0]
    assert entry.action == "export.unmasked" and len(entry.record_ids) == 1 and ID_NUMBER not in entry.summary


def test_a_masked_export_is_not_audited_as_unmasked(qtbot: QtBot, one_member: AppContext, parent: QWidget,
                                                     save_as: list[str], tmp_path: Path) -> None:
    """Hidden numbers are no personal-data read: no "export.unmasked" row."""
    run(one_member, parent, "maskedButton")
    assert (tmp_path / "花名册.xlsx").exists()
    assert "export.unmasked" not in [e.action for e in list_entries(one_member.db, LOCAL_USER)]


def test_cancelling_the_first_question_writes_nothing(qtbot: QtBot, one_member: AppContext, parent: QWidget,
                                                      save_as: list[str], tmp_path: Path) -> None:
    """Cancel on the first box ends the flow before any file is chosen."""
    run(one_member, parent, "cancel")
    assert save_as == [] and list(tmp_path.glob("*.xlsx")) == []


def test_a_known_error_is_shown_as_a_message(qtbot: QtBot, one_member: AppContext, parent: QWidget,
                                             save_as: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Disk full while writing the export (file lane): a warning box with the Chinese message, not a crash."""

    def full(*_args: object, **_kwargs: object) -> object:
        raise DiskFullError("磁盘空间已满，文件没有保存，原有文件保持不变。请清理磁盘空间后重试。")

    monkeypatch.setattr(roster_files, "atomic_write", full)
    crashed: list[object] = []
    one_member.runner.crashed.connect(lambda *args: crashed.append(args))
    flow, _texts = run(one_member, parent, "maskedButton")
    box = flow.box
    assert box is not None and box.isVisible() and "磁盘空间已满" in box.text()
    assert crashed == []


def test_default_file_name_drops_characters_windows_forbids() -> None:
    """A branch name with / or : still gives a usable file name."""
    assert default_file_name("中共A/B:支部", date(2026, 6, 1)) == "中共AB支部党员花名册-20260601.xlsx"


def test_the_roster_is_read_on_the_db_lane_and_written_on_the_file_lane(
    qtbot: QtBot, one_member: AppContext, parent: QWidget, save_as: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reading needs the database, writing only the disk: a slow USB stick holds up the file lane alone."""
    from PySide6.QtCore import QThread

    threads: dict[str, str] = {}
    real_roster, real_writer = roster_files.members.roster, roster_files.atomic_write

    def reading(*args: object, **kwargs: object) -> object:
        threads["read"] = QThread.currentThread().objectName()
        return real_roster(*args, **kwargs)  # type: ignore[arg-type]

    def writing(*args: object, **kwargs: object) -> object:
        threads["write"] = QThread.currentThread().objectName()
        return real_writer(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roster_files.members, "roster", reading)
    monkeypatch.setattr(roster_files, "atomic_write", writing)
    run(one_member, parent, "maskedButton")
    assert threads == {"read": "partydesk-db-lane", "write": "partydesk-file-lane"}
    assert (tmp_path / "花名册.xlsx").exists()


def test_print_layout_chosen_in_dialog_is_written_and_remembered(
        qtbot: QtBot, one_member: AppContext, parent: QWidget, save_as: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """报送版 with two ticked columns writes those columns and the 制表人; the choice is there next time."""

    def choose_print(dialog: ExportLayoutDialog) -> None:
        dialog.print_radio.setChecked(True)
        for n in range(dialog.columns_list.count()):
            item = dialog.columns_list.item(n)
            keep = item.data(Qt.ItemDataRole.UserRole) in ("name", "joined_on")
            item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
        dialog.preparer_edit.setText("李晓梅")

    monkeypatch.setattr(sys.modules[__name__], "LAYOUT_CHOICE", choose_print)
    flow, texts = run(one_member, parent, "maskedButton")
    assert "报送版用于打印" in texts[0] and "导入" not in texts[0], "the question speaks of what 报送版 is for"
    assert Path(save_as[0]).name == f"中共示例社区第一支部委员会党员花名册（报送版）-{date.today():%Y%m%d}.xlsx"
    sheet = openpyxl.load_workbook(tmp_path / "花名册.xlsx").active
    assert [c.value for c in sheet[3]] == ["序号", "姓名", "入党日期"]
    strings = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "制表人：李晓梅" in strings
    again = ExportLayoutDialog(one_member.settings, parent)
    assert again.layout_choice() == "print" and again.columns() == ["name", "joined_on"]
    assert again.preparer() == "李晓梅"
    again.deleteLater()
    assert flow.box is not None and "排不下" not in flow.box.informativeText()  # two columns: one sheet wide


def test_a_print_layout_too_wide_for_one_sheet_is_said_when_written(
        qtbot: QtBot, one_member: AppContext, parent: QWidget, save_as: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every column ticked for the 报送版: the file is written, and the message says it will not print on one
    sheet wide (each band of rows over several sheets), and how to make it fit — not found out at the printer."""

    def choose_all(dialog: ExportLayoutDialog) -> None:
        dialog.print_radio.setChecked(True)
        for n in range(dialog.columns_list.count()):
            dialog.columns_list.item(n).setCheckState(Qt.CheckState.Checked)

    monkeypatch.setattr(sys.modules[__name__], "LAYOUT_CHOICE", choose_all)
    flow, _texts = run(one_member, parent, "maskedButton")
    assert (tmp_path / "花名册.xlsx").exists()
    assert flow.result is not None and not flow.result.fits_width
    box = flow.box
    assert box is not None and "一张A4横向纸上按可读的字号排不下" in box.informativeText()
    assert "请少选几列重新导出" in box.informativeText()


def test_a_filtered_list_exports_what_it_shows_or_everyone(qtbot: QtBot, one_member: AppContext, parent: QWidget,
                                                           save_as: list[str], tmp_path: Path) -> None:
    """The list shows one of two members: the first question offers the one shown (the default) or all."""
    insert_members(one_member.db, LOCAL_USER, [MemberData(
        name="李红梅", gender="2", id_type="1", id_number="", category="1", joined_on=date(2010, 7, 1),
        confirmed_on=date(2011, 7, 1))])
    rows = {r.name: r.id for r in members.roster(one_member.db, LOCAL_USER)}

    def exported_names() -> list[str]:
        sheet = openpyxl.load_workbook(tmp_path / "花名册.xlsx").active
        names = [c.value for c in sheet[FIRST_DATA_ROW - 1]].index("姓名") + 1
        return [sheet.cell(r, names).value for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
                if sheet.cell(r, names).value]

    texts = answer("listedButton", "maskedButton")
    flow = export_roster_dialog(one_member, parent, shown=([rows["李红梅"]], 2))
    assert one_member.runner.wait_idle(WAIT_MS)
    assert "2 名党员中的 1 名" in texts[0] and exported_names() == ["李红梅"]
    assert flow.result is not None and flow.result.count == 1
    texts = answer("everyoneButton", "maskedButton")
    export_roster_dialog(one_member, parent, shown=([rows["李红梅"]], 2))
    assert one_member.runner.wait_idle(WAIT_MS)
    assert sorted(exported_names()) == sorted(["李红梅", "张建国"])


def test_the_part_of_the_roster_exported_is_said_in_its_title_and_file_name(
        qtbot: QtBot, one_member: AppContext, parent: QWidget, save_as: list[str], tmp_path: Path) -> None:
    """The list narrowed to 第一党小组: the members shown are exported under "…党员花名册（第一党小组）", the name
    suggested says so too; the whole roll, chosen instead, is titled as the whole roll."""
    insert_members(one_member.db, LOCAL_USER, [MemberData(
        name="李红梅", gender="2", id_type="1", id_number="", category="1", joined_on=date(2010, 7, 1),
        confirmed_on=date(2011, 7, 1))])
    rows = {r.name: r.id for r in members.roster(one_member.db, LOCAL_USER)}
    answer("listedButton", "maskedButton")
    export_roster_dialog(one_member, parent, shown=([rows["李红梅"]], 2), part="第一党小组")
    assert one_member.runner.wait_idle(WAIT_MS)
    assert Path(save_as[-1]).name == f"中共示例社区第一支部委员会党员花名册（第一党小组）-{date.today():%Y%m%d}.xlsx"
    assert openpyxl.load_workbook(tmp_path / "花名册.xlsx").active["A1"].value == (
        "中共示例社区第一支部委员会党员花名册（第一党小组）")
    answer("everyoneButton", "maskedButton")
    export_roster_dialog(one_member, parent, shown=([rows["李红梅"]], 2), part="第一党小组")
    assert one_member.runner.wait_idle(WAIT_MS)
    assert "（" not in Path(save_as[-1]).name
    assert openpyxl.load_workbook(tmp_path / "花名册.xlsx").active["A1"].value == "中共示例社区第一支部委员会党员花名册"


def test_a_list_filtered_to_no_one_offers_only_everyone(qtbot: QtBot, one_member: AppContext,
                                                        parent: QWidget, save_as: list[str]) -> None:
    """A search that shows nobody: "the 0 in the list" cannot be chosen; Enter exports the whole roster."""
    seen: list[tuple[bool, str]] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        listed = box.findChild(QPushButton, "listedButton")
        seen.append((listed.isEnabled(), box.defaultButton().objectName()))
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, look)
    export_roster_dialog(one_member, parent, shown=([], 1))
    assert seen == [(False, "everyoneButton")]


def test_a_list_sorted_by_a_column_is_exported_in_that_order(qtbot: QtBot, one_member: AppContext, parent: QWidget,
                                                             save_as: list[str], tmp_path: Path) -> None:
    """Sorted on screen by 入党日期 (newest first), the file lists the members so too; unsorted, as before."""
    from tests.gui.test_members_page import open_page

    insert_members(one_member.db, LOCAL_USER, [MemberData(
        name="李红梅", gender="2", id_type="1", id_number="", category="1", joined_on=date(2010, 7, 1),
        confirmed_on=date(2011, 7, 1))])
    page = open_page(qtbot, one_member)
    assert page.export_order() is None
    joined = next(c for c in range(page.model.columnCount())
                  if page.model.headerData(c, Qt.Orientation.Horizontal) == "入党日期")
    page.view.sortByColumn(joined, Qt.SortOrder.DescendingOrder)
    order = page.export_order()
    assert order is not None

    def exported_names() -> list[str]:
        sheet = openpyxl.load_workbook(tmp_path / "花名册.xlsx").active
        names = [c.value for c in sheet[FIRST_DATA_ROW - 1]].index("姓名") + 1
        return [sheet.cell(r, names).value for r in range(FIRST_DATA_ROW, sheet.max_row + 1)
                if sheet.cell(r, names).value]

    answer("maskedButton")
    export_roster_dialog(one_member, parent, order=order)
    assert one_member.runner.wait_idle(WAIT_MS)
    assert exported_names() == ["李红梅", "张建国"]
    answer("maskedButton")
    export_roster_dialog(one_member, parent, order=list(reversed(order)))
    assert one_member.runner.wait_idle(WAIT_MS)
    assert exported_names() == ["张建国", "李红梅"]
